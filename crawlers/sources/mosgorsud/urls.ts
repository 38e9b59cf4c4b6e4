// The mos-gorsud.ru search URLs Kuzet needs: one search per process type (КоАП, criminal),
// watched article and decision-date window, over every Moscow court of general jurisdiction
// at once (courtAlias empty). The site is UTF-8, so values are plain percent-encoded.
import type { CaseTypeName } from '../../../db/case-card.ts';

export const MOSGORSUD_SOURCE = 'mosgorsud';
export const MOSGORSUD_BASE_URL = 'https://mos-gorsud.ru';
/** The court row that stands for the portal (all Moscow courts): region 77 for notifications. */
export const MOSGORSUD_COURT_CODE = 'mos-gorsud';

export interface WatchedSearch {
  /** The site's processType: 3 = КоАП, 6 = criminal. */
  processType: number;
  caseType: CaseTypeName;
  /** Articles as the site's «codex» filter takes them, e.g. «18.8» → «Ст. 18.8». */
  articles: string[];
}

export const watchedSearches: WatchedSearch[] = [
  { processType: 3, caseType: 'koap', articles: ['18.8', '18.10', '18.11', '18.15', '18.9', '20.25', '19.27'] },
  { processType: 6, caseType: 'criminal', articles: ['322', '322.1', '322.2', '322.3', '327'] },
];

/** The «codex» value: «Ст. 18.8» for a whole article, «Ст. 18.8, Ч.1.1» for one part. */
export function codexValue(article: string, part?: string): string {
  return part ? `Ст. ${article}, Ч.${part}` : `Ст. ${article}`;
}

/** dd.mm.yyyy from YYYY-MM-DD, the site's date format. */
export function ruDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${day}.${month}.${year}`;
}

export interface SearchQuery {
  baseUrl: string;
  processType: number;
  article: string;
  part?: string;
  /** Decision dates (caseFinalDateFrom/To), YYYY-MM-DD; no lower bound when since is null. */
  since: string | null;
  until: string;
  page?: number;
}

export function searchUrl(query: SearchQuery): string {
  // The site's own form sends every field, empty ones included; the order is kept stable so
  // that the same search always has the same frontier key.
  const params = new URLSearchParams({
    formType: 'fullForm',
    courtAlias: '',
    uid: '',
    instance: '1',
    processType: String(query.processType),
    caseNumber: '',
    participant: '',
    codex: codexValue(query.article, query.part),
    caseFinalDateFrom: query.since ? ruDate(query.since) : '',
    caseFinalDateTo: ruDate(query.until),
  });
  if (query.page && query.page > 1) params.set('page', String(query.page));
  // URLSearchParams writes spaces as '+'; the site's own links use %20.
  return `${query.baseUrl}/search?${params.toString().replace(/\+/g, '%20')}`;
}

/** The same search at another page number. */
export function withPage(url: string, page: number): string {
  const parsed = new URL(url);
  if (page <= 1) parsed.searchParams.delete('page');
  else parsed.searchParams.set('page', String(page));
  return parsed.toString().replace(/\+/g, '%20');
}

export function pageNumberOf(url: string): number {
  const page = Number(new URL(url).searchParams.get('page') ?? '1');
  return Number.isInteger(page) && page > 0 ? page : 1;
}

/**
 * A card URL without the search's echo (`?participant=…`): the same card reached from two
 * searches is one frontier key, and no searched name ends up in a stored URL.
 */
export function cardUrl(href: string, base: string): string {
  const url = new URL(href, base);
  url.search = '';
  url.hash = '';
  return url.toString();
}
