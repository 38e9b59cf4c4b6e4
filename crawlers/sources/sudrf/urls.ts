// The sudrf URLs Kuzet needs: search lists per court, srv_num, case type, watched article and
// publication-date window, and case-card / act links. Field names follow the search forms
// (reference/sudrfscraper_*_searchpatterns.properties); query values are percent-encoded in
// windows-1251, as the sites expect.
import { encodeQueryValue } from './decode.ts';

export type CourtLayout = 'primary' | 'vnkod';

export interface CaseTypeQuery {
  name: 'koap' | 'criminal' | 'kas';
  deloId: string;
  /** Primary layout table prefixes: case table, parties table, document table. */
  caseTable: string;
  partiesTable: string;
  documentTable: string;
  /** Articles to filter on; empty = every case of the type in the window. */
  articles: string[];
}

/** КоАП articles on entry, stay, work and registration of foreigners, and unpaid fines. */
export const watchedKoapArticles = ['18.8', '18.10', '18.11', '18.15', '18.9', '20.25', '19.27'];
/** УК articles on illegal border crossing, organised migration, fictitious registration, forged documents. */
export const watchedCriminalArticles = ['322', '322.1', '322.2', '322.3', '327'];

export const watchedCaseTypes: CaseTypeQuery[] = [
  {
    name: 'koap',
    deloId: '1500001',
    caseTable: 'adm_case',
    partiesTable: 'adm_parts',
    documentTable: 'adm_document',
    articles: watchedKoapArticles,
  },
  {
    name: 'criminal',
    deloId: '1540006',
    caseTable: 'u1_case',
    partiesTable: 'U1_DEFENDANT',
    documentTable: 'U1_DOCUMENT',
    articles: watchedCriminalArticles,
  },
  // КАС: challenges to entry bans, deportation, placement in a ЦВСИГ. No article field to
  // filter on, so every case in the window is read. Table names follow the other types' pattern
  // (unverified against a live КАС form).
  { name: 'kas', deloId: '41', caseTable: 'p1_case', partiesTable: 'p1_parts', documentTable: 'p1_document', articles: [] },
];

/** Every watched article by case type, for reports and the CLI. */
export const watchedArticles = { koap: watchedKoapArticles, criminal: watchedCriminalArticles, kas: [] as string[] };

export const SUBMIT = 'Submit=%CD%E0%E9%F2%E8'; // «Найти» in windows-1251: without it the site returns nothing.

/** dd.mm.yyyy from YYYY-MM-DD. */
export function ruDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${day}.${month}.${year}`;
}

export interface ListQuery {
  baseUrl: string;
  layout: CourtLayout;
  srvNum: number;
  caseType: CaseTypeQuery;
  article: string | null;
  /** Publication window, YYYY-MM-DD, both ends included. */
  since: string;
  until: string;
  /** 1-based result page; 1 when omitted. */
  page?: number;
}

const trimBase = (baseUrl: string) => baseUrl.replace(/\/+$/, '');

function primaryListParams(query: ListQuery, article: string): string[] {
  const { caseType } = query;
  return [
    'name=sud_delo',
    `srv_num=${query.srvNum}`,
    'name_op=r',
    `page=${query.page ?? 1}`,
    `delo_id=${caseType.deloId}`,
    'case_type=0',
    'new=0',
    `delo_table=${caseType.caseTable}`,
    `${caseType.partiesTable}__LAW_ARTICLESS=${article}`,
    `${caseType.documentTable}__PUBL_DATE1D=${ruDate(query.since)}`,
    `${caseType.documentTable}__PUBL_DATE2D=${ruDate(query.until)}`,
    SUBMIT,
  ];
}

// The VNKOD form names its fields without table prefixes and pages with _page; the known-good
// patterns send no Submit, and process-type repeats the delo_id.
function vnkodListParams(query: ListQuery, article: string): string[] {
  const { caseType } = query;
  return [
    'name=sud_delo',
    `srv_num=${query.srvNum}`,
    'name_op=r',
    `_page=${query.page ?? 1}`,
    `_deloId=${caseType.deloId}`,
    'case__case_type=0',
    '_new=0',
    `process-type=${caseType.deloId}_0_0`,
    `parts__law_articless=${article}`,
    `document__publ_date1d=${ruDate(query.since)}`,
    `document__publ_date2d=${ruDate(query.until)}`,
  ];
}

export function listUrl(query: ListQuery): string {
  const article = query.article ? encodeQueryValue(query.article) : '';
  const params = query.layout === 'primary' ? primaryListParams(query, article) : vnkodListParams(query, article);
  return `${trimBase(query.baseUrl)}/modules.php?${params.join('&')}`;
}

/** The same list URL on another result page (page= for primary, _page= for VNKOD). */
export function withPage(listPageUrl: string, page: number): string {
  const url = new URL(listPageUrl);
  const param = url.searchParams.has('_page') || url.searchParams.has('_deloId') ? '_page' : 'page';
  // Rewrite only the page parameter and keep the rest byte-exact: URLSearchParams would
  // re-encode the windows-1251 escapes as UTF-8.
  const pattern = new RegExp(`([?&])${param}=\\d*`);
  const search = pattern.test(url.search) ? url.search.replace(pattern, `$1${param}=${page}`) : `${url.search}&${param}=${page}`;
  return `${url.origin}${url.pathname}${search}`;
}

export interface CardRef {
  layout: CourtLayout;
  srvNum: number;
  caseId: string | number;
  caseUid: string;
  deloId: string;
  /** The «new» parameter some case types need (e.g. 2800001 on cassation courts); 0 when omitted. */
  newId?: string | number;
}

/** A case card URL in the court's layout. */
export function cardUrl(baseUrl: string, ref: CardRef): string {
  const uid = encodeURIComponent(ref.caseUid);
  const path =
    ref.layout === 'primary'
      ? `/modules.php?name=sud_delo&srv_num=${ref.srvNum}&name_op=case&case_id=${ref.caseId}&case_uid=${uid}&delo_id=${ref.deloId}${ref.newId !== undefined ? `&new=${ref.newId}` : ''}`
      : `/modules.php?name=sud_delo&name_op=case&_id=${ref.caseId}&_uid=${uid}&_deloId=${ref.deloId}&_caseType=0&_new=${ref.newId ?? 0}&srv_num=${ref.srvNum}`;
  return `${trimBase(baseUrl)}${path}`;
}

/** The act-only page (primary layout: text in div#content). */
export function actUrl(baseUrl: string, ref: { srvNum: number; docNumber: string | number; deloId: string; newId?: string | number }): string {
  return `${trimBase(baseUrl)}/modules.php?name=sud_delo&srv_num=${ref.srvNum}&name_op=doc&number=${ref.docNumber}&delo_id=${ref.deloId}&new=${ref.newId ?? 0}&text_number=1`;
}

/**
 * An absolute URL for a link found on a court page. Court pages write links as «./modules.php…»,
 * «/modules.php…» or absolute, sometimes with spaces around; null for javascript: and empty links.
 */
export function resolveCourtUrl(href: string | undefined | null, pageUrl: string): string | null {
  const cleaned = href?.trim();
  if (!cleaned || /^(javascript|mailto):/i.test(cleaned) || cleaned.startsWith('#')) return null;
  try {
    return new URL(cleaned, pageUrl).toString();
  } catch {
    return null;
  }
}

/** Which case type a sudrf URL asks for, from delo_id (primary) or _deloId (VNKOD). */
export function deloIdOf(pageUrl: string): string | null {
  try {
    const params = new URL(pageUrl).searchParams;
    return params.get('delo_id') ?? params.get('_deloId');
  } catch {
    return null;
  }
}
