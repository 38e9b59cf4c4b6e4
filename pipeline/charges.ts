// Cited articles → charges. Procedural and general-part articles are citations, not charges:
// КоАП chapters 5–21 and УК articles from 105 (the special part) are offences.
import type { ChargeCitation, ChargeCodeName } from './types.ts';

const CODE = String.raw`(КоАП(?:\s*РФ)?|Кодекса\s+Российской\s+Федерации\s+об\s+административных\s+правонарушениях|УК(?:\s*РФ)?|Уголовного\s+кодекса(?:\s+Российской\s+Федерации)?|КАС(?:\s*РФ)?)`;
const ARTICLE = String.raw`(\d{1,3}(?:\.\d{1,2}){0,2})`;
const PART = String.raw`(\d{1,2}(?:\.\d)?)`;
/** «п. "а"», «п.п. "а,в"», «пункта "б"»: a letter item, quoted or standing alone. */
const ITEM = String.raw`(?:п(?:\.|ункт\p{L}*)\s*(?:п\.\s*)?"?([а-я](?:\s*,\s*[а-я])*)"?(?!\p{L})\s*)?`;

/** «п. "а" ч. 2 ст. 158 УК РФ», «ч. 1.1 ст. 18.8 КоАП РФ», «частью 3.1 статьи 18.8 Кодекса …». */
const TEXT_FORM = new RegExp(
  String.raw`${ITEM}(?:ч(?:\.|асть|асти|астью)\s*${PART}\s*)?ст(?:\.|атьи|атья|атьей|атье)\s*${ARTICLE}\s*${CODE}`,
  'gu',
);
/** Card form: «ст.18.8 ч.3.1 КоАП РФ», «ст.173.1 ч.2 п.б УК РФ». */
const CARD_FORM = new RegExp(String.raw`ст\.\s*${ARTICLE}\s*(?:ч\.\s*${PART})?\s*(?:п\.\s*([а-я]))?\s*${CODE}`, 'gu');
/** «ст.ст. 158, 161 УК РФ»: a list of articles sharing one code. */
const LIST_FORM = new RegExp(String.raw`ст\.\s*ст\.\s*((?:\d{1,3}(?:\.\d{1,2})?\s*,\s*)+\d{1,3}(?:\.\d{1,2})?)\s*${CODE}`, 'gu');

function codeOf(raw: string): ChargeCodeName {
  if (/^К?оАП|административных/u.test(raw)) return 'КоАП';
  if (/^КАС/u.test(raw)) return 'КАС';
  return 'УК';
}

export function isSubstantive(code: ChargeCodeName, article: string): boolean {
  const major = Number(article.split('.')[0]);
  if (code === 'КоАП') return major >= 5 && major <= 21;
  if (code === 'УК') return major >= 105;
  return true;
}

export function extractCharges(text: string): ChargeCitation[] {
  const found: ChargeCitation[] = [];
  const add = (code: ChargeCodeName, article: string, part: string | null, items: (string | null)[]) => {
    if (!isSubstantive(code, article)) return;
    for (const item of items) found.push({ code, article, part, item });
  };
  for (const m of text.matchAll(TEXT_FORM)) {
    const items = m[1] ? m[1].split(/\s*,\s*/) : [null];
    add(codeOf(m[4]!), m[3]!, m[2] ?? null, items);
  }
  for (const m of text.matchAll(CARD_FORM)) add(codeOf(m[4]!), m[1]!, m[2] ?? null, [m[3] ?? null]);
  for (const m of text.matchAll(LIST_FORM)) for (const article of m[1]!.split(/\s*,\s*/)) add(codeOf(m[2]!), article, null, [null]);
  return dedupe(found);
}

/** One citation per article/part/item; a bare article is dropped when a part of it is cited. */
function dedupe(charges: ChargeCitation[]): ChargeCitation[] {
  const key = (c: ChargeCitation) => `${c.code}|${c.article}|${c.part ?? ''}|${c.item ?? ''}`;
  const unique = new Map(charges.map((c) => [key(c), c]));
  return [...unique.values()].filter(
    (c) => c.part !== null || ![...unique.values()].some((o) => o.code === c.code && o.article === c.article && o.part !== null),
  );
}
