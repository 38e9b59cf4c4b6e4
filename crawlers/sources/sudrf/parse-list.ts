// A sudrf search-result list, in either layout, to rows with card links, plus the other
// pages of the same result (25 rows a page, «Всего по запросу найдено — N»).
import { load, type CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { ruDateToIso } from './parse-card.ts';
import { cellText } from './html-text.ts';

export const ROWS_PER_PAGE = 25;

export interface ListRow {
  caseNumber: string;
  cardUrl: string;
  receivedDate: string | null;
  /** E.g. «МАХМУДОВ Д.П. - ст.18.8 ч.3.1 КоАП РФ». */
  summary: string;
  judge: string | null;
  decisionDate: string | null;
  result: string | null;
  actUrl: string | null;
}

export interface CaseList {
  total: number | null;
  rows: ListRow[];
  /** Absolute URLs of the result's other pages (page 2…last when read from page 1). */
  pageUrls: string[];
}

function rowOf($: CheerioAPI, cells: Element[], link: Element, pageUrl: string): ListRow {
  const text = (i: number) => (cells[i] ? cellText($, cells[i]!) : '');
  const act = cells.map((cell) => $(cell).find('a[href*="name_op=doc"], a[href*="_doc="]').attr('href')).find(Boolean);
  return {
    caseNumber: cellText($, link).split(' ')[0] ?? '',
    cardUrl: new URL($(link).attr('href')!, pageUrl).toString(),
    receivedDate: ruDateToIso(text(1)),
    summary: text(2),
    judge: text(3) || null,
    decisionDate: ruDateToIso(text(4)),
    result: text(5) || null,
    actUrl: act ? new URL(act, pageUrl).toString() : null,
  };
}

function otherPages($: CheerioAPI, pageUrl: string, total: number | null): string[] {
  const here = new URL(pageUrl);
  const pageParam = here.searchParams.has('_page') ? '_page' : 'page';
  const current = Number(here.searchParams.get(pageParam) ?? '1');
  const urls = new Set<string>();
  if (current === 1 && total !== null) {
    for (let page = 2; page <= Math.ceil(total / ROWS_PER_PAGE); page += 1) {
      const next = new URL(pageUrl);
      next.searchParams.set(pageParam, String(page));
      urls.add(next.toString());
    }
  }
  return [...urls];
}

export function parseCaseList(html: string, pageUrl: string): CaseList {
  const $ = load(html);
  const counter = $.root().text().match(/Всего по запросу найдено\s*[—–-]\s*(\d+)/);
  const total = counter ? Number(counter[1]) : null;
  const rows: ListRow[] = [];
  // Primary layout: the number cell carries a fixed title; VNKOD: a.open-lawcase in #resultTable.
  $('td[title="Для получения справки по делу, нажмите на номер дела"] a, #resultTable a.open-lawcase').each((_, link) => {
    const cells = $(link).closest('tr').children('td').toArray();
    rows.push(rowOf($, cells, link, pageUrl));
  });
  return { total, rows, pageUrls: otherPages($, pageUrl, total) };
}
