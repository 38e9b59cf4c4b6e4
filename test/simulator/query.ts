// Reading a sud_delo request the way the sites do: windows-1251 percent-encoded values, field
// names in either layout, and the search itself (article, publication window, srv_num).
import { decodeQueryValue } from '../../crawlers/sources/sudrf/decode.ts';
import type { SimulatedCase } from './generate-cases.ts';

/** The raw query's parameters, decoded from windows-1251; names compared case-insensitively. */
export function readQuery(rawQuery: string): (name: string) => string | null {
  const params = new Map<string, string>();
  for (const pair of rawQuery.split('&')) {
    const [key, value = ''] = pair.split('=');
    if (!key) continue;
    const name = key.toLowerCase();
    // The first occurrence wins: real search URLs repeat srv_num and name_op with the same value.
    if (!params.has(name)) params.set(name, decodeQueryValue(value));
  }
  return (name) => params.get(name.toLowerCase()) ?? null;
}

const isoFromRu = (value: string | null) => (value && /^\d{2}\.\d{2}\.\d{4}$/.test(value) ? value.split('.').reverse().join('-') : null);

// Field names per delo_id: primary prefixes the table, VNKOD does not.
const ARTICLE_FIELDS = ['adm_parts__LAW_ARTICLESS', 'U1_DEFENDANT__LAW_ARTICLESS', 'parts__law_articless'];
const SINCE_FIELDS = ['adm_document__PUBL_DATE1D', 'U1_DOCUMENT__PUBL_DATE1D', 'document__publ_date1d'];
const UNTIL_FIELDS = ['adm_document__PUBL_DATE2D', 'U1_DOCUMENT__PUBL_DATE2D', 'document__publ_date2d'];

const firstOf = (get: (name: string) => string | null, names: string[]) => names.map(get).find((v) => v !== null && v !== '') ?? null;

/**
 * «18.8» finds «ст.18.8 ч.1.1 КоАП РФ» but not «ст.18.10 …»: the sites match the article list as
 * text, so «322» also finds «322.1». An article with a part («18.8 ч.1.1») must match both.
 */
function articleMatches(filter: string, c: SimulatedCase): boolean {
  const [article, ...rest] = filter.trim().split(/\s+/);
  if (!article) return true;
  const part = rest.join(' ').match(/ч\.?\s*([\d.]+)/)?.[1];
  const sameArticle = c.article === article || c.article.startsWith(`${article}.`);
  return sameArticle && (!part || c.part === part);
}

export function searchCases(cases: SimulatedCase[], get: (name: string) => string | null, srvNum: number): SimulatedCase[] {
  const deloId = get('delo_id') ?? get('_deloId');
  const article = firstOf(get, ARTICLE_FIELDS) ?? '';
  const since = isoFromRu(firstOf(get, SINCE_FIELDS));
  const until = isoFromRu(firstOf(get, UNTIL_FIELDS));
  return cases.filter(
    (c) =>
      c.srvNum === srvNum &&
      c.deloId === deloId &&
      articleMatches(article, c) &&
      (!since || c.publishedDate >= since) &&
      (!until || c.publishedDate <= until),
  );
}
