// A sudrf search-result list, in either layout, to rows with card links, plus the other
// pages of the same result (25 rows a page, «Всего по запросу найдено — N»).
// Primary: table#tablcont, number cell td[title="Для получения справки по делу…"].
// VNKOD: #search_results table in #resultTable, number link a.open-lawcase.
import { load, type CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { domText } from '../../engine/dom-text.ts';
import { ruDateToIso } from './dates.ts';
import { blockText, cellText, isTruncated } from './html-text.ts';
import { resolveCourtUrl, withPage } from './urls.ts';

export const ROWS_PER_PAGE = 25;
/**
 * The most pages one result is followed to. A search is one court × case type × article ×
 * publication window: real results are a few pages. A counter beyond this (a broken or
 * hostile page: «найдено — 10000000012») must not enqueue millions of requests or loop for
 * hours. The crawl follows the first pages; `total` still says what the page claimed.
 */
export const MAX_RESULT_PAGES = 200;

export interface ListRow {
  /** E.g. «5-174/2026»; a VNKOD list appends earlier numbers in brackets, which are dropped. */
  caseNumber: string;
  cardUrl: string;
  receivedDate: string | null;
  /** The row's description, lines kept, e.g. «МАХМУДОВ Д.П. - ст.18.8 ч.3.1 КоАП РФ\nНижестоящий суд…». */
  summary: string;
  judge: string | null;
  decisionDate: string | null;
  result: string | null;
  actUrl: string | null;
}

export interface CaseList {
  /** «Всего по запросу найдено — N», null when the page has no counter. */
  total: number | null;
  rows: ListRow[];
  /** Absolute URLs of the result's other pages (page 2…last when read from page 1, else none). */
  pageUrls: string[];
  /**
   * The page was cut off in transit (no closing </html>). Its rows are not returned: the rows
   * past the cut would be lost without a trace, so the page must be fetched again.
   */
  truncated: boolean;
}

const ROW_LINK = 'td[title="Для получения справки по делу, нажмите на номер дела"] a, #resultTable a.open-lawcase';
const ACT_LINK = 'a[href*="name_op=doc"], a[href*="_doc="]';
const COUNTER = /Всего по запросу найдено\s*[—–-]\s*(\d+)/;

function rowOf($: CheerioAPI, cells: Element[], link: Element, pageUrl: string): ListRow | null {
  const cardUrl = resolveCourtUrl($(link).attr('href'), pageUrl);
  const caseNumber = cellText($, link).split(/\s+/)[0] ?? '';
  if (!cardUrl || !caseNumber) return null;
  const text = (i: number) => (cells[i] ? cellText($, cells[i]!) : '');
  const actHref = cells.map((cell) => $(cell).find(ACT_LINK).attr('href')).find(Boolean);
  return {
    caseNumber,
    cardUrl,
    receivedDate: ruDateToIso(text(1)),
    // <br> separates the accused and article from the lower court or the parties: keep one line each.
    summary: cells[2] ? blockText($, cells[2]).replace(/\n+/g, '\n') : '',
    judge: text(3) || null,
    decisionDate: ruDateToIso(text(4)),
    result: text(5) || null,
    actUrl: resolveCourtUrl(actHref, pageUrl),
  };
}

function currentPage(pageUrl: string): number {
  try {
    const params = new URL(pageUrl).searchParams;
    return Number(params.get('_page') ?? params.get('page') ?? '1') || 1;
  } catch {
    return 1;
  }
}

/** The last page number: from the counter, or from the «На последнюю страницу списка» link. */
function lastPage($: CheerioAPI, total: number | null): number {
  const byCounter = total === null ? 1 : Math.ceil(total / ROWS_PER_PAGE);
  const lastHref = $('a[title="На последнюю страницу списка"]').attr('href')?.trim() ?? '';
  const byLink = Number(lastHref.match(/[?&]_?page=(\d+)/)?.[1] ?? '1');
  return Math.min(Math.max(byCounter, byLink, 1), MAX_RESULT_PAGES);
}

/**
 * Page 1 names every other page, built from this page's own URL so that each page has exactly
 * one URL (the site's links reorder the parameters: following them would fetch pages twice).
 */
function otherPages($: CheerioAPI, pageUrl: string, total: number | null): string[] {
  if (currentPage(pageUrl) !== 1) return [];
  const urls: string[] = [];
  for (let page = 2; page <= lastPage($, total); page += 1) urls.push(withPage(pageUrl, page));
  return urls;
}

export function parseCaseList(html: string, pageUrl: string): CaseList {
  if (isTruncated(html)) return { total: null, rows: [], pageUrls: [], truncated: true };
  const $ = load(html);
  const counter = domText($.root()).match(COUNTER);
  const total = counter ? Number(counter[1]) : null;
  const rows: ListRow[] = [];
  const seen = new Set<string>();
  $(ROW_LINK).each((_, link) => {
    const cells = $(link).closest('tr').children('td').toArray();
    const row = rowOf($, cells, link, pageUrl);
    if (!row || seen.has(row.cardUrl)) return;
    seen.add(row.cardUrl);
    rows.push(row);
  });
  return { total, rows, pageUrls: otherPages($, pageUrl, total), truncated: false };
}
