// Cited articles → charges. A citation is a charge when it names an offence (КоАП chapters 5–21,
// УК special part 105–361, КАС 218/266: the claims a foreign citizen brings or answers) and is
// not a quote from elsewhere: explanations («Неуплата штрафа … ст. 20.25»), warnings to
// witnesses («предупрежден … по ст. 17.9»), previous convictions («ранее судим … ст. 158»).
import { LIST, prefixOf } from './citation-prefix.ts';
import { anyCase, anyNeedlePositions, isSpace, lastNonSpace, letterBefore, needles, sentenceStart } from './cyrillic.ts';
import type { ChargeCitation, ChargeCodeName } from './types.ts';

const NUMBER = String.raw`\d{1,3}(?:\.\d{1,2}){0,2}`;
const ARTICLE = String.raw`(?:ст\.\s*ст\.|стст\.|ст\.|стать(?:я|и|ей|ю|ями|ям)|статей)\s*(${LIST(NUMBER)})`;
const LETTER_K = 0x41a;
const LETTER_U = 0x423;

/**
 * «п. "а" ч. 2 ст. 158», «частью 3.1 статьи 18.8», card order «ст.18.8 ч.3.1», «ст.158 ч.2 п.в».
 * Found from the article word («ст.», «статьи»): the article, its numbers and a trailing part and
 * item are one scan of the text (FROM_ARTICLE), the item and part before it are read from a short
 * window (citation-prefix.ts). One pattern tried at every «п», «ч», «с» was the pipeline's slowest
 * scan. This pattern: the article word and numbers, then a part and item written after them
 * («ст.18.8 ч.3.1», «ст.158 ч.2 п.в»).
 */
const FROM_ARTICLE = new RegExp(String.raw`${ARTICLE}(?:\s*ч\.\s*(\d{1,2}(?:\.\d{1,2})?))?(?:\s*п\.\s*"?([а-и])"?(?!\p{L}))?`, 'uy');
/** Every article word starts with one of these («ст. ст.» and «ст.» with the first, «статья», «статей» with the last). */
const ARTICLE_WORDS = needles('ст.', 'стст.', 'стат');
const articleWordPositions = (text: string) => anyNeedlePositions(text, ARTICLE_WORDS);
/**
 * The code named right after a citation, one pattern per code tried with test(): a match's array
 * of groups (which of three codes) costs more than a second test. The «РФ» that may follow the
 * name decides nothing and is not read.
 */
const KOAP = /^\s*(?:КоАП|Кодекса\s+(?:РФ|Российской\s+Федерации)\s+об\s+(?:административных\s+правонарушениях|АП))(?!\p{L})/u;
const UK = /^\s*(?:УК|Уголовного\s+кодекса)(?!\p{L})/u;
const KAS = /^\s*(?:КАС|Кодекса\s+административного\s+судопроизводства)(?!\p{L})/u;
/** Between two citations sharing one code: «ч. 1 ст. 18.8, ч. 1 ст. 18.10 КоАП РФ». */
const CHAIN_GAP = /^\s*(?:,|и|,\s*а\s+также|,\s*и)\s*$/u;
// Alternatives sharing a first letter are grouped («п(?:о…|р…)»): the engine reads each letter once.
// Words: санкци, судимост, постановлением, по правилам, привлечен… к административной, предупрежден/ал,
// неуплат, разъясн, ранее судим/привлекал/осужд, в случае, влечет, отбывани, уклонени, за исключением.
const NOT_A_CHARGE_BEFORE = anyCase(
  String.raw`(?:с(?:анкци|удимост)|п(?:о(?:становлением|\s+правилам)|р(?:ивлечен\p{L}*\s+к\s+административной|едупрежд(?:ен|ал)))|неуплат|ра(?:зъясн|нее\s+(?:судим|привлекал|осужд))|в(?:\s+случае|лечет)|отбывани|уклонени|за\s+исключением)`,
);
/** «Согласно ч.3 ст.20.3 КоАП РФ …»: the law quoted, not the charge. */
const LEGAL_REFERENCE_JUST_BEFORE = anyCase(String.raw`(?:согласно|в\s+силу)$`);

const KAS_CLAIMS = new Set(['218', '266']);

export interface LocatedCitation extends ChargeCitation {
  start: number;
  end: number;
}

/** «18.8» → 18: the digits before the first dot, read without splitting (this runs per citation). */
function majorOf(article: string): number {
  let major = 0;
  for (let i = 0; i < article.length; i += 1) {
    const digit = article.charCodeAt(i) - 0x30;
    if (digit === -2) return major; // «.»
    if (digit < 0 || digit > 9) return Number(article.split('.')[0]); // not digits: as Number reads it
    major = major * 10 + digit;
  }
  return major;
}

export function isSubstantive(code: ChargeCodeName, article: string): boolean {
  const major = majorOf(article);
  if (code === 'КоАП') return major >= 5 && major <= 21;
  if (code === 'УК') return major >= 105 && major <= 361;
  return KAS_CLAIMS.has(article);
}

const LIST_SEPARATOR = /\s*(?:,|и)\s*(?:ч\.\s*)?/u;
const unquoted = (s: string) => (s.includes('"') ? s.replaceAll('"', '') : s).trim();

/** Whether `list` is one number as written: digits and dots only («18.8», «2»). */
function isOneNumber(list: string): boolean {
  for (let i = 0; i < list.length; i += 1) {
    const code = list.charCodeAt(i);
    if ((code < 0x30 || code > 0x39) && code !== 0x2e) return false;
  }
  return list.length > 0;
}

/** «18.8, 18.10 и 19.3» → its items. Most lists are one number: no separator, no split. */
function splitList(list: string): string[] {
  if (isOneNumber(list)) return [list]; // nothing to split, unquote or trim: the common case, told in one look
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

/**
 * «КоАП» or «УК» at `first`, followed (before `limit`) by an ASCII character that is no letter
 * («КоАП РФ», «УК РФ,»): what KOAP or UK finds there, told without running a pattern (a call
 * costs more than the scan). Null when it is not so or not sure: the patterns decide then.
 */
function abbreviationAt(text: string, first: number, limit: number): ChargeCodeName | null {
  const name = text.startsWith('КоАП', first) ? 'КоАП' : text.startsWith('УК', first) ? 'УК' : null;
  if (name === null || first + name.length >= limit) return null;
  const next = text.charCodeAt(first + name.length);
  const latinLetter = (next | 0x20) >= 0x61 && (next | 0x20) <= 0x7a;
  return next < 0x80 && !latinLetter ? name : null;
}

function codeAt(text: string, at: number): ChargeCodeName | null {
  // Every code name starts with «К» or «У»: most citations without a code are told without the pattern.
  let first = at;
  while (first < at + 80 && isSpace(text, first)) first += 1;
  const letter = text.charCodeAt(first);
  if (letter !== LETTER_K && letter !== LETTER_U) return null;
  const abbreviation = abbreviationAt(text, first, at + 80);
  if (abbreviation !== null) return abbreviation;
  const window = text.slice(at, at + 80);
  if (letter === LETTER_U) return UK.test(window) ? 'УК' : null;
  return KOAP.test(window) ? 'КоАП' : KAS.test(window) ? 'КАС' : null;
}

const ITEM_LETTER = /[а-и]/u;

/** Every citation with a code, substantive or not, in text order. */
export function findCitations(text: string): LocatedCitation[] {
  const raw: RawCitation[] = [];
  let consumed = 0;
  let from = 0;
  // Tried at each article word of the shared needle index, in text order, as a global scan of the
  // pattern would find the citations: past the end of each one found. A match inside a word is
  // passed: a citation starts a word.
  for (const at of articleWordPositions(text)) {
    if (at < from || letterBefore(text, at)) continue;
    FROM_ARTICLE.lastIndex = at;
    const article = FROM_ARTICLE.exec(text);
    if (!article) continue;
    const windowStart = Math.max(consumed, at - 60);
    const prefix = prefixOf(text, windowStart, at);
    const prefixAt = prefix && !letterBefore(text, prefix.start) ? prefix.start : at;
    const item = prefixAt < at ? prefix!.item : undefined;
    const part = prefixAt < at ? prefix!.part : undefined;
    const end = at + article[0].length;
    consumed = end;
    from = end;
    const itemList = item && ITEM_LETTER.test(item) ? splitList(item) : [null];
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
    for (let index = 0; index < c.articles.length; index += 1) {
      const article = c.articles[index]!;
      if (index > 0) {
        located.push({ code: c.code, article, part: null, item: null, start: c.start, end: c.end });
        continue;
      }
      for (const part of c.parts) for (const item of c.items) located.push({ code: c.code, article, part, item, start: c.start, end: c.end });
    }
  }
  return located;
}

/** Whether the citation at `start` is quoted in an explanation, a warning or a criminal record. */
function isQuotedNotCharged(text: string, start: number): boolean {
  const before = text.slice(sentenceStart(text, start, 700), start);
  if (NOT_A_CHARGE_BEFORE.test(before)) return true;
  // The end only (the last 40 characters but for spaces): a pattern anchored with $ is otherwise
  // tried at every character of the sentence; and only when that end is «о» or «у», as «согласно»
  // and «в силу» end: most sentences do not, and need no pattern.
  const last = lastNonSpace(before, before.length);
  const lower = before.charCodeAt(last) | 0x20; // Cyrillic capitals «О», «У» to lower case
  return (lower === LETTER_O || lower === LETTER_SMALL_U) && LEGAL_REFERENCE_JUST_BEFORE.test(before.slice(Math.max(0, last - 39), last + 1));
}

const LETTER_O = 0x43e;
const LETTER_SMALL_U = 0x443;

export function extractChargesWithSpans(text: string): LocatedCitation[] {
  return findCitations(text).filter((c) => isSubstantive(c.code, c.article) && !isQuotedNotCharged(text, c.start));
}

export function extractCharges(text: string): ChargeCitation[] {
  // A charge already read from an earlier citation needs no second look at its sentence: the
  // same article is cited again in the qualification, the sanction and the resolutive part.
  // An act charges one or two articles: a look through the list is cheaper than keys in a set.
  const charges: ChargeCitation[] = [];
  for (const c of findCitations(text)) {
    if (!isSubstantive(c.code, c.article)) continue;
    if (hasCharge(charges, c) || isQuotedNotCharged(text, c.start)) continue;
    charges.push({ code: c.code, article: c.article, part: c.part, item: c.item });
  }
  return withoutLessPrecise(charges);
}

const sameCharge = (a: ChargeCitation, b: ChargeCitation) => a.article === b.article && a.part === b.part && a.item === b.item && a.code === b.code;

/** Whether `charges` holds `c` (a loop, not some() with a closure made per citation). */
function hasCharge(charges: ChargeCitation[], c: ChargeCitation): boolean {
  for (const o of charges) if (sameCharge(o, c)) return true;
  return false;
}

const chargeKey = (c: ChargeCitation) => `${c.code}|${c.article}|${c.part ?? ''}|${c.item ?? ''}`;

/** One citation per article/part/item; a bare article is dropped when a part of it is cited. */
export function dedupeCharges(charges: ChargeCitation[]): ChargeCitation[] {
  return withoutLessPrecise([...new Map(charges.map((c) => [chargeKey(c), c])).values()]);
}

/** `unique` (no two the same charge) less the charges a more precise one in it covers. */
function withoutLessPrecise(unique: ChargeCitation[]): ChargeCitation[] {
  if (unique.length < 2) return unique; // one charge covers no other: most acts
  return unique.filter((c) => {
    if (c.part === null && unique.some((o) => o.code === c.code && o.article === c.article && o.part !== null)) return false;
    // «ч. 2 ст. 158» next to «п. "в" ч. 2 ст. 158»: the item is the more precise charge.
    if (c.item === null && unique.some((o) => o.code === c.code && o.article === c.article && o.part === c.part && o.item !== null)) return false;
    return true;
  });
}
