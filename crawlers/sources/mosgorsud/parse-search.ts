// A mos-gorsud.ru search results page: rows `tr[data-href]` (one case each, the link to its
// card in data-href), columns named by the table's own headers, and pagination links.
import { load, type CheerioAPI } from 'cheerio';
import type { AnyNode } from 'domhandler';
import { domText } from '../../engine/dom-text.ts';
import { fragmentLines, oneLine } from './html-text.ts';
import { cardUrl, pageNumberOf, withPage } from './urls.ts';

export interface SearchRow {
  cardUrl: string;
  caseNumber: string | null;
  parties: string | null;
  status: string | null;
  category: string | null;
  judge: string | null;
}

export interface SearchPage {
  rows: SearchRow[];
  /** Other pages of the same search found on this page (later ones only). */
  pageUrls: string[];
  /** The page says in words that nothing was found. */
  saysEmpty: boolean;
  /** The page has the results table at all (an empty one counts). */
  hasResultsTable: boolean;
}

const EMPTY_RESULT = /ничего\s+не\s+найдено|не\s+найдено\s+ни\s+одного|нет\s+данных|данные\s+не\s+найдены/iu;

/** Header text → our column name; the site has reordered its columns before. */
const COLUMNS: [RegExp, keyof Omit<SearchRow, 'cardUrl'>][] = [
  [/№\s*дела/iu, 'caseNumber'],
  [/стороны/iu, 'parties'],
  [/текущее\s+состояние/iu, 'status'],
  [/категория/iu, 'category'],
  [/судья/iu, 'judge'],
];

export function parseSearchPage(html: string, pageUrl: string): SearchPage {
  const $ = load(html);
  const rows: SearchRow[] = [];
  for (const tr of $('tr[data-href]').toArray()) {
    const href = $(tr).attr('data-href');
    // A link that is no URL (a broken or hostile page) names no card.
    if (!href || !URL.canParse(href, pageUrl)) continue;
    const columns = columnIndexes($, tr);
    const cells = $(tr).children('td').toArray();
    const cell = (name: keyof Omit<SearchRow, 'cardUrl'>): string | null => {
      const index = columns.get(name);
      const node = index === undefined ? undefined : cells[index];
      return node ? cellValue($, node, name) : null;
    };
    rows.push({
      cardUrl: cardUrl(href, pageUrl),
      caseNumber: cell('caseNumber'),
      parties: cell('parties'),
      status: cell('status'),
      category: cell('category'),
      judge: cell('judge'),
    });
  }
  return {
    rows,
    pageUrls: laterPages($, pageUrl),
    saysEmpty: rows.length === 0 && EMPTY_RESULT.test(domText($('body'))),
    hasResultsTable: $('table thead th').toArray().some((th) => /№\s*дела/iu.test($(th).text())),
  };
}

function columnIndexes($: CheerioAPI, row: AnyNode): Map<string, number> {
  const indexes = new Map<string, number>();
  const headers = $(row).closest('table').find('thead th').toArray();
  headers.forEach((th, index) => {
    const text = $(th).text();
    const column = COLUMNS.find(([pattern]) => pattern.test(text));
    if (column && !indexes.has(column[1])) indexes.set(column[1], index);
  });
  return indexes;
}

function cellValue($: CheerioAPI, td: AnyNode, name: string): string | null {
  if (name === 'caseNumber') {
    // The first link is the case number; «(3а-4960/2022) ∼ Ма-5065/2022» that follows are
    // earlier numbers of the same case.
    const link = $(td).find('a').first().text().trim();
    if (link) return link;
  }
  if (name === 'parties') {
    // Long party lists are cut in the cell and kept whole in data-full-text.
    const full = $(td).find('[data-full-text]').attr('data-full-text');
    if (full) return fragmentLines(full).replace(/\n+/g, '; ') || null;
  }
  const text = oneLine($, td).replace(/\s*…?\s*раскрыть$/u, '').trim();
  return text || null;
}

function laterPages($: CheerioAPI, pageUrl: string): string[] {
  const current = pageNumberOf(pageUrl);
  const path = new URL(pageUrl).pathname;
  const pages = new Set<number>();
  for (const a of $('a[href*="page="]').toArray()) {
    const href = $(a).attr('href');
    if (!href || !URL.canParse(href, pageUrl)) continue;
    const url = new URL(href, pageUrl);
    if (url.pathname !== path) continue;
    const page = pageNumberOf(url.toString());
    if (page > current) pages.add(page);
  }
  // A page-number box («из 12») instead of links: the last page is in the text.
  const total = /из\s+(\d{1,5})/u.exec(domText($('.pagination, .paginationContainer, [class*="pagination"]')));
  if (total) for (let page = current + 1; page <= Number(total[1]); page += 1) pages.add(page);
  return [...pages].sort((a, b) => a - b).map((page) => withPage(pageUrl, page));
}
