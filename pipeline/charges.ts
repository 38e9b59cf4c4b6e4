// Cited articles → charges. A citation is a charge when it names an offence (КоАП chapters 5–21,
// УК special part 105–361, КАС 218/266: the claims a foreign citizen brings or answers) and is
// not a quote from elsewhere: explanations («Неуплата штрафа … ст. 20.25»), warnings to
// witnesses («предупрежден … по ст. 17.9»), previous convictions («ранее судим … ст. 158»).
import { letterBefore, sentenceStart, wordStartMatches } from './cyrillic.ts';
import type { ChargeCitation, ChargeCodeName } from './types.ts';

const NUMBER = String.raw`\d{1,3}(?:\.\d{1,2}){0,2}`;
const LIST = (unit: string, prefix = '') => String.raw`${unit}(?:\s*(?:,|и)\s*${prefix}${unit})*`;
const LETTER_LIST = String.raw`"?[а-и]"?(?:\s*(?:,|и)\s*"?[а-и]"?)*(?!\p{L})`;
const ITEM = String.raw`(?:(?:п\.\s*п\.|пп\.|п\.|пункт(?:а|ом|ами|ов|ы)?)\s*(${LETTER_LIST}|\d{1,2})\s*)`;
const PART = String.raw`(?:(?:ч\.\s*ч\.|чч\.|ч\.|част(?:ь|и|ью|ями|ей))\s*(${LIST(String.raw`\d{1,2}(?:\.\d{1,2})?`, String.raw`(?:ч\.\s*)?`)})\s*)`;
const ARTICLE = String.raw`(?:ст\.\s*ст\.|стст\.|ст\.|стать(?:я|и|ей|ю|ями|ям)|статей)\s*(${LIST(NUMBER)})`;
/**
 * «п. "а" ч. 2 ст. 158», «частью 3.1 статьи 18.8», card order «ст.18.8 ч.3.1», «ст.158 ч.2 п.в».
 * Found from the article word («ст.», «статьи»): the item and part before it are read from a short
 * window, the rest with a sticky pattern. One pattern tried at every «п», «ч», «с» was the
 * pipeline's slowest scan.
 */
const ARTICLE_WORD = /ст(?:\.|ст\.|ат(?:ь|ей))/gu; // «ст.», «стст.», «стать…», «статей»
const PREFIX = new RegExp(String.raw`${ITEM}?${PART}?$`, 'uy');
const LETTER_P = 0x43f;
const LETTER_CH = 0x447;

/**
 * The item and part written right before an article word: what `${ITEM}?${PART}?$` finds first
 * in `window`, tried only where «п» or «ч» is (anywhere else only the empty match at the end could
 * be found, and it means «no prefix»). Null when there is none.
 */
function prefixOf(window: string): RegExpExecArray | null {
  for (let i = 0; i < window.length; i += 1) {
    const code = window.charCodeAt(i);
    if (code !== LETTER_P && code !== LETTER_CH) continue;
    PREFIX.lastIndex = i;
    const m = PREFIX.exec(window);
    if (m) return m;
  }
  return null;
}
const FROM_ARTICLE = new RegExp(String.raw`${ARTICLE}(?:\s*ч\.\s*(\d{1,2}(?:\.\d{1,2})?))?(?:\s*п\.\s*"?([а-и])"?(?!\p{L}))?`, 'uy');
const CODE = new RegExp(
  String.raw`^\s*(?:(КоАП|Кодекса\s+(?:РФ|Российской\s+Федерации)\s+об\s+(?:административных\s+правонарушениях|АП))|(УК|Уголовного\s+кодекса)|(КАС|Кодекса\s+административного\s+судопроизводства))(?!\p{L})(?:\s*(?:РФ|Российской\s+Федерации)(?!\p{L}))?`,
  'u',
);
/** Between two citations sharing one code: «ч. 1 ст. 18.8, ч. 1 ст. 18.10 КоАП РФ». */
const CHAIN_GAP = /^\s*(?:,|и|,\s*а\s+также|,\s*и)\s*$/u;
// Alternatives sharing a first letter are grouped («п(?:о…|р…)»): the engine reads each letter once.
// Words: санкци, судимост, постановлением, по правилам, привлечен… к административной, предупрежден/ал,
// неуплат, разъясн, ранее судим/привлекал/осужд, в случае, влечет, отбывани, уклонени, за исключением.
const NOT_A_CHARGE_BEFORE =
  /(?:с(?:анкци|удимост)|п(?:о(?:становлением|\s+правилам)|р(?:ивлечен\p{L}*\s+к\s+административной|едупрежд(?:ен|ал)))|неуплат|ра(?:зъясн|нее\s+(?:судим|привлекал|осужд))|в(?:\s+случае|лечет)|отбывани|уклонени|за\s+исключением)/u;
/** «Согласно ч.3 ст.20.3 КоАП РФ …»: the law quoted, not the charge. */
const LEGAL_REFERENCE_JUST_BEFORE = /(?:согласно|в\s+силу)$/u;
const KAS_CLAIMS = new Set(['218', '266']);

export interface LocatedCitation extends ChargeCitation {
  start: number;
  end: number;
}

export function isSubstantive(code: ChargeCodeName, article: string): boolean {
  const major = Number(article.split('.')[0]);
  if (code === 'КоАП') return major >= 5 && major <= 21;
  if (code === 'УК') return major >= 105 && major <= 361;
  return KAS_CLAIMS.has(article);
}

const LIST_SEPARATOR = /\s*(?:,|и)\s*(?:ч\.\s*)?/u;
const unquoted = (s: string) => (s.includes('"') ? s.replace(/"/g, '') : s).trim();

/** «18.8, 18.10 и 19.3» → its items. Most lists are one number: no separator, no split. */
function splitList(list: string): string[] {
  if (!list.includes(',') && !list.includes('и')) {
    const one = unquoted(list);
    return one ? [one] : [];
  }
  const items: string[] = [];
  for (const piece of list.split(LIST_SEPARATOR)) {
    const item = unquoted(piece);
    if (item) items.push(item);
  }
  return items;
}

interface RawCitation {
  start: number;
  end: number;
  items: (string | null)[];
  parts: (string | null)[];
  articles: string[];
  code: ChargeCodeName | null;
}

function codeAt(text: string, at: number): ChargeCodeName | null {
  const m = CODE.exec(text.slice(at, at + 80));
  if (!m) return null;
  return m[1] ? 'КоАП' : m[2] ? 'УК' : 'КАС';
}

/** Every citation with a code, substantive or not, in text order. */
export function findCitations(text: string): LocatedCitation[] {
  const raw: RawCitation[] = [];
  let consumed = 0;
  for (const hit of wordStartMatches(text, ARTICLE_WORD)) {
    if (hit.index < consumed) continue; // the second «ст.» of «ст.ст.»
    FROM_ARTICLE.lastIndex = hit.index;
    const article = FROM_ARTICLE.exec(text);
    if (!article) continue;
    const windowStart = Math.max(consumed, hit.index - 60);
    const prefix = prefixOf(text.slice(windowStart, hit.index));
    const prefixAt = prefix && prefix[0].length > 0 && !letterBefore(text, windowStart + prefix.index) ? windowStart + prefix.index : hit.index;
    const [item, part] = prefixAt < hit.index ? [prefix![1], prefix![2]] : [undefined, undefined];
    const end = hit.index + article[0].length;
    consumed = end;
    const itemList = item && /[а-и]/u.test(item) ? splitList(item) : [null];
    const trailingItem = article[3] ?? null;
    raw.push({
      start: prefixAt,
      end,
      items: trailingItem ? [trailingItem] : itemList,
      parts: part ? splitList(part) : [article[2] ?? null],
      articles: splitList(article[1]!),
      code: codeAt(text, end),
    });
  }
  // A citation without its own code takes the code of the next one in a chain.
  for (let i = raw.length - 2; i >= 0; i -= 1) {
    const here = raw[i]!;
    const next = raw[i + 1]!;
    if (here.code === null && CHAIN_GAP.test(text.slice(here.end, next.start))) here.code = next.code;
  }
  const located: LocatedCitation[] = [];
  for (const c of raw) {
    if (c.code === null) continue;
    // «ч. 2 ст. 158, 161»: the part belongs to the first article only.
    c.articles.forEach((article, index) => {
      const parts = index === 0 ? c.parts : [null];
      for (const part of parts) for (const item of index === 0 ? c.items : [null]) {
        located.push({ code: c.code!, article, part, item, start: c.start, end: c.end });
      }
    });
  }
  return located;
}

/** Whether the citation at `start` is quoted in an explanation, a warning or a criminal record. */
function isQuotedNotCharged(text: string, start: number): boolean {
  // Lower-cased once: the i flag is slow on Unicode.
  const before = text.slice(sentenceStart(text, start, 700), start).toLowerCase();
  // The end only: a pattern anchored with $ is otherwise tried at every character of the sentence.
  return NOT_A_CHARGE_BEFORE.test(before) || LEGAL_REFERENCE_JUST_BEFORE.test(before.trimEnd().slice(-40));
}

export function extractChargesWithSpans(text: string): LocatedCitation[] {
  return findCitations(text).filter((c) => isSubstantive(c.code, c.article) && !isQuotedNotCharged(text, c.start));
}

export function extractCharges(text: string): ChargeCitation[] {
  // A charge already read from an earlier citation needs no second look at its sentence: the
  // same article is cited again in the qualification, the sanction and the resolutive part.
  const charged = new Set<string>();
  const charges: ChargeCitation[] = [];
  for (const c of findCitations(text)) {
    if (!isSubstantive(c.code, c.article)) continue;
    const key = chargeKey(c);
    if (charged.has(key) || isQuotedNotCharged(text, c.start)) continue;
    charged.add(key);
    charges.push({ code: c.code, article: c.article, part: c.part, item: c.item });
  }
  return dedupeCharges(charges);
}

const chargeKey = (c: ChargeCitation) => `${c.code}|${c.article}|${c.part ?? ''}|${c.item ?? ''}`;

/** One citation per article/part/item; a bare article is dropped when a part of it is cited. */
export function dedupeCharges(charges: ChargeCitation[]): ChargeCitation[] {
  const unique = [...new Map(charges.map((c) => [chargeKey(c), c])).values()];
  return unique.filter((c) => {
    if (c.part === null && unique.some((o) => o.code === c.code && o.article === c.article && o.part !== null)) return false;
    // «ч. 2 ст. 158» next to «п. "в" ч. 2 ст. 158»: the item is the more precise charge.
    if (c.item === null && unique.some((o) => o.code === c.code && o.article === c.article && o.part === c.part && o.item !== null)) return false;
    return true;
  });
}
