// Word boundaries for Cyrillic: JavaScript's \b only knows ASCII letters.
import { LOW_BYTE_FREQUENCY, NO_POSITIONS, needleOccurrences, scannedSentenceStart } from './wasm/needle-scan.ts';

export const WORD_START = '(?<!\\p{L})';
export const WORD_END = '(?!\\p{L})';

export function wordRegex(source: string, flags = 'gu'): RegExp {
  return new RegExp(`${WORD_START}(?:${source})${WORD_END}`, flags);
}

/**
 * A pattern written in lower case that finds in any text what it would find in the text
 * lower-cased, without lower-casing it (a call into ICU per citation, slower than the scan):
 * each Cyrillic letter as «[аА]», and \p{L} less «İ», the one letter whose lower case is two
 * characters, «i» and a combining dot that is no letter. Lower-casing keeps every other
 * character's length, keeps letters letters and spaces spaces, and gives a Cyrillic letter only
 * from its capital: the matches are the same.
 */
export function anyCase(lowerCase: string, flags = 'u'): RegExp {
  const source = lowerCase
    .replace(/[а-я]/gu, (letter) => `[${letter}${letter.toUpperCase()}]`)
    .replaceAll(String.raw`\p{L}`, String.raw`[^\P{L}\u0130]`);
  return new RegExp(source, flags);
}

/**
 * `s.toLowerCase()`, without the call into ICU (some 1,400 instructions) for the common word or
 * name: when no capital or only the first character is one (a Cyrillic or ASCII capital), and
 * every other character is ASCII or basic Cyrillic.
 */
export function lowerCased(s: string): string {
  for (let i = 0; i < s.length; i += 1) {
    const code = s.charCodeAt(i);
    const capital = (code >= 0x410 && code <= 0x42f) || code === 0x401 || (code >= 0x41 && code <= 0x5a);
    if ((capital && i > 0) || (code > 0x7f && !capital && !((code >= 0x430 && code <= 0x44f) || code === 0x451))) return s.toLowerCase();
  }
  const first = s.charCodeAt(0);
  if ((first >= 0x410 && first <= 0x42f) || (first >= 0x41 && first <= 0x5a)) return String.fromCharCode(first + 0x20) + s.slice(1);
  if (first === 0x401) return `ё${s.slice(1)}`;
  return s;
}

const isLower = (code: number) => (code >= 0x430 && code <= 0x44f) || code === 0x451 || (code >= 0x61 && code <= 0x7a);
const isUpper = (code: number) => (code >= 0x410 && code <= 0x42f) || code === 0x401 || (code >= 0x41 && code <= 0x5a) || code === 0x22;

/**
 * Whether a sentence ends just before `i`: a line break, «;», or «.!?» + space after a word of
 * three or more lower-case letters, followed by a capital («г. Ош», «ст. 18.8», «А.Б. Мамытов»
 * are abbreviations, not ends). wasm/needle-scan.wat's sentence_start reads the same rule.
 */
function endsBefore(text: string, i: number): number {
  const c = text.charCodeAt(i - 1);
  if (c === 0x0a || c === 0x3b) return i;
  if (c === 0x20 && i >= 5 && isUpper(text.charCodeAt(i)) && stopBeforeSpace(text, i)) return i;
  return -1;
}

/** Whether «.!?» after three lower-case letters comes before the space at `i - 1`. */
function stopBeforeSpace(text: string, i: number): boolean {
  const p = text.charCodeAt(i - 2);
  return (p === 0x2e || p === 0x21 || p === 0x3f) && isLower(text.charCodeAt(i - 3)) && isLower(text.charCodeAt(i - 4)) && isLower(text.charCodeAt(i - 5));
}

/**
 * Offset where the sentence containing `at` starts (looks back at most `limit` characters): the
 * rule of endsBefore, read backwards. The needle scan's module reads it in its copy of the text
 * (wasm/needle-scan.wat, eight characters at a time: here a character read by charCodeAt costs
 * some thirty instructions, and this runs for every cue and citation).
 */
export function sentenceStart(text: string, at: number, limit = 600): number {
  const from = Math.max(0, at - limit);
  return scannedSentenceStart(text, at, from) ?? sentenceStartByCharacters(text, at, from);
}

/** sentenceStart in any text, one character at a time, the one after a space kept from the step before. */
export function sentenceStartByCharacters(text: string, at: number, from: number): number {
  let next = text.charCodeAt(at);
  for (let i = at; i > from; i -= 1) {
    const c = text.charCodeAt(i - 1);
    if (c === 0x0a || c === 0x3b) return i;
    if (c === 0x20 && i >= 5 && isUpper(next) && stopBeforeSpace(text, i)) return i;
    next = c;
  }
  return from;
}

/** Offset where the sentence containing `at` ends (looks ahead at most `limit` characters). */
export function sentenceEnd(text: string, at: number, limit = 600): number {
  const to = Math.min(text.length, at + limit);
  for (let i = at + 1; i <= to; i += 1) if (endsBefore(text, i) >= 0) return i - 1;
  return to;
}

const LETTER = /\p{L}/u;

/** Whitespace other than one space between words. */
const OTHER_THAN_ONE_SPACE = /[^\S ]|\s\s/u;
const SPACE_RUNS = /\s+/gu;

/** `s` with every run of whitespace one space; tested first, since most names need no change. */
export function singleSpaced(s: string): string {
  return OTHER_THAN_ONE_SPACE.test(s) ? s.replace(SPACE_RUNS, ' ') : s;
}

/**
 * Whether a letter precedes `at`. Hot scans test the word start here instead of with a leading
 * (?<!\p{L}) in the pattern: a leading lookbehind keeps V8 from skipping ahead quickly.
 */
export function letterBefore(text: string, at: number): boolean {
  if (at === 0) return false;
  const code = text.charCodeAt(at - 1);
  if ((code >= 0x410 && code <= 0x44f) || code === 0x401 || code === 0x451 || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) return true;
  return code > 0x7f && LETTER.test(text.charAt(at - 1));
}

/** Whether the character at `at` is whitespace, as `\s` reads it. */
export function isSpace(text: string, at: number): boolean {
  return isSpaceCode(text.charCodeAt(at));
}

/** Whether a UTF-16 code unit is whitespace, as `\s` reads it (checked against \s on all 65,536), told by its code. */
export function isSpaceCode(code: number): boolean {
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  // Above ASCII (letters, mostly): Unicode's spaces (Zs), the line and paragraph separators and the
  // byte order mark, told by code rather than by a pattern run for every letter.
  if (code < 0x1680) return code === 0xa0;
  return code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** The last offset before `end`, and not before `floor`, whose character is not a space; `floor - 1` when there is none. */
export function lastNonSpace(text: string, end: number, floor = 0): number {
  let last = end - 1;
  while (last >= floor && isSpace(text, last)) last -= 1;
  return last;
}

/**
 * Whether the word after the one at `at` (past at least one space) may start with one of
 * `prefixes`: a quick test before a long pattern whose every match goes on so. True when unsure
 * (a character outside the BMP, where \p{L} reads two code units as one letter).
 */
export function nextWordMayStart(text: string, at: number, prefixes: string[]): boolean {
  let i = at;
  // Lower-case Cyrillic first, by the shortest test (past the end, NaN stops it).
  let code = text.charCodeAt(i);
  while (code >= 0x430 && code <= 0x44f) code = text.charCodeAt((i += 1));
  // The common case: one space, then a lower-case Cyrillic letter that starts the next word.
  if (code === 0x20) {
    const first = text.charCodeAt(i + 1);
    if (first >= 0x430 && first <= 0x44f) return startsWithOneOf(text, i + 1, first, prefixes);
  }
  // Any other letter goes on with the word.
  for (; i < text.length; i += 1) {
    code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdfff) return true;
    if (!((code >= 0x410 && code <= 0x44f) || code === 0x401 || code === 0x451 || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || (code > 0x7f && LETTER.test(text.charAt(i))))) break;
  }
  const wordEnd = i;
  while (i < text.length && isSpace(text, i)) i += 1;
  if (i === wordEnd) return false;
  return startsWithOneOf(text, i, text.charCodeAt(i), prefixes);
}

/** Whether one of `prefixes` starts at `at`, where the code unit is `first`: that is compared first. */
function startsWithOneOf(text: string, at: number, first: number, prefixes: string[]): boolean {
  for (let k = 0; k < prefixes.length; k += 1) {
    const prefix = prefixes[k]!;
    if (prefix.charCodeAt(0) === first && text.startsWith(prefix, at)) return true;
  }
  return false;
}

export type IndexedMatch = RegExpMatchArray & { index: number };

/**
 * What matchAll gives for a global pattern, without cloning the pattern on every call (matchAll
 * does: a new RegExp per document and per window). Safe to nest: lastIndex is set before each exec.
 * An array, not a generator: the matches are few and a generator costs more than they do.
 */
export function allMatches(text: string, pattern: RegExp): IndexedMatch[] {
  const found: IndexedMatch[] = [];
  for (let from = 0; from <= text.length; ) {
    pattern.lastIndex = from;
    const m = pattern.exec(text) as IndexedMatch | null;
    if (!m) break;
    from = m.index + Math.max(1, m[0].length);
    found.push(m);
  }
  return found;
}

/** The first match that starts a word, or null. */
export function firstWordStart(text: string, pattern: RegExp): IndexedMatch | null {
  for (let from = 0; from <= text.length; ) {
    pattern.lastIndex = from;
    const m = pattern.exec(text) as IndexedMatch | null;
    if (!m) return null;
    if (!letterBefore(text, m.index)) return m;
    from = m.index + Math.max(1, m[0].length);
  }
  return null;
}

// Where the needles of every stage occur in the text being analysed, found by one scan for all of
// them (wasm/needle-scan.wat, sixteen characters at a time) instead of one indexOf per needle or a
// regular expression per stage. Needles are registered by the stages when their modules load; an
// index is kept for the last text it was asked about, one index per document of a batch
// (`useNeedleIndex`, see analyzeDocuments).

/**
 * A word the shared index finds: its place (slot) in the index is given when it is registered and
 * never changes, so its positions are read by place, not looked up by the word (a map lookup per
 * read, 67 reads per act).
 */
export interface Needle {
  readonly word: string;
  readonly slot: number;
}
/** The registered words, by slot. */
const registeredWords: string[] = [];
const needleByWord = new Map<string, Needle>();

/** Where every needle occurs in one text. */
export interface NeedleIndex {
  /** The text indexed; null before the first. */
  text: string | null;
  /** The needle table it was built for: a needle registered since makes it stale. */
  table: NeedleTable | null;
  /**
   * Offsets per needle slot (the needle's place in `NeedleTable.needles`) in `text`; a needle that
   * does not occur has the shared NO_POSITIONS, not a list of its own (most do not occur in an
   * act, and making sixty empty lists per act cost a microsecond).
   */
  positions: (readonly number[])[];
}

export function newNeedleIndex(): NeedleIndex {
  return { text: null, table: null, positions: [] };
}

let currentIndex = newNeedleIndex();

/** The index the next questions are answered from, and rebuilt in when they are about another text. */
export function useNeedleIndex(index: NeedleIndex): void {
  currentIndex = index;
}

/** What the scan needs, decided once when the first text is indexed (not per document). */
interface NeedleTable {
  needles: string[];
  /** NO_POSITIONS for every needle. */
  emptyIndex: (readonly number[])[];
}
let needleTable: NeedleTable | null = null;

/** Each word, then the word capitalised (a sentence's first word): the needles of a pattern that reads both. */
export function andCapitalised(...words: string[]): string[] {
  return words.flatMap((word) => [word, word[0]!.toUpperCase() + word.slice(1)]);
}

/** The needle of `word`, registered when first asked for (the next text is then indexed for it too). */
export function needle(word: string): Needle {
  let found = needleByWord.get(word);
  if (found === undefined) {
    found = { word, slot: registeredWords.length };
    registeredWords.push(word);
    needleByWord.set(word, found);
    needleTable = null;
  }
  return found;
}

/** The needles of `words`, in their order. */
export function needles(...words: string[]): Needle[] {
  return words.map(needle);
}

function makeNeedleTable(): NeedleTable {
  const needles = [...registeredWords];
  const emptyIndex: (readonly number[])[] = [];
  for (const _ of needles) emptyIndex.push(NO_POSITIONS);
  return { needles, emptyIndex };
}

function buildNeedleIndex(index: NeedleIndex, text: string): void {
  const table = (needleTable ??= makeNeedleTable());
  // A copy of the empty index: slicing copies it at once, where filling an array in place is a
  // call into C++ or a write barrier per slot.
  index.positions = table.emptyIndex.slice();
  needleOccurrences(table.needles, text, index.positions);
  index.text = text;
  index.table = table;
}

/** Every offset where `needle` starts in `text`, from the index in use. */
export function needlePositions(text: string, needle: Needle): readonly number[] {
  const index = currentIndex;
  if (text !== index.text || index.table !== needleTable) buildNeedleIndex(index, text);
  return index.positions[needle.slot]!;
}

/**
 * Where `needle` is in `text`, as indexOf from past each occurrence finds it (occurrences do not
 * overlap). V8's indexOf looks for one byte of the first character with memchr, and stops at every
 * character that shares it: «Р» shares its byte with the space, «Т» with «"», «Ю» with «.». The
 * needle is looked for from the one of its first three characters whose byte is rarest in court
 * acts, and what comes before that character is compared at each stop.
 */
export function occurrencesOf(text: string, needle: string): number[] {
  let lead = 0;
  for (let k = 1; k < Math.min(3, needle.length); k += 1) {
    if (LOW_BYTE_FREQUENCY[needle.charCodeAt(k) & 0xff]! < LOW_BYTE_FREQUENCY[needle.charCodeAt(lead) & 0xff]!) lead = k;
  }
  const found: number[] = [];
  const head = needle.slice(0, lead);
  const rest = needle.slice(lead);
  for (let at = text.indexOf(rest, lead); at >= 0; ) {
    const start = at - lead;
    if (text.startsWith(head, start)) {
      found.push(start);
      at = text.indexOf(rest, start + needle.length + lead);
    } else {
      at = text.indexOf(rest, at + 1);
    }
  }
  return found;
}

/** Whether one of `needles` (registered) starts in `text` at an offset in [from, to). */
export function anyNeedleWithin(text: string, needles: readonly Needle[], from: number, to: number): boolean {
  for (const needle of needles) {
    const positions = needlePositions(text, needle);
    // The first offset at or after `from`, by bisection: the lists are in increasing order.
    let lo = 0;
    let hi = positions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (positions[mid]! < from) lo = mid + 1;
      else hi = mid;
    }
    if (lo < positions.length && positions[lo]! < to) return true;
  }
  return false;
}

/** Every offset where one of `needles` starts in `text`, in increasing order, each once. */
export function anyNeedlePositions(text: string, needles: readonly Needle[]): readonly number[] {
  let merged: readonly number[] | null = null;
  for (const needle of needles) {
    const positions = needlePositions(text, needle);
    if (positions.length === 0) continue;
    merged = merged === null ? positions : mergedAscending(merged, positions);
  }
  return merged ?? NO_POSITIONS;
}

/** Two increasing lists as one, each offset once (a merge: cheaper than concatenating and sorting). */
function mergedAscending(a: readonly number[], b: readonly number[]): number[] {
  const merged: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x <= y) {
      merged.push(x);
      i += 1;
      if (x === y) j += 1;
    } else {
      merged.push(y);
      j += 1;
    }
  }
  while (i < a.length) merged.push(a[i++]!);
  while (j < b.length) merged.push(b[j++]!);
  return merged;
}

/** What matchesAtNeedle gives where its needle does not occur (most needles in a given act): one shared empty list. */
const NO_MATCHES: readonly IndexedMatch[] = [];

/**
 * The matches a global pattern finds that start a word, for a pattern whose every match starts
 * with `needle` (or `lead` characters before it, as «[Пп]ризнать»), tried only where the needle
 * occurs: `sticky` (flag y) is run at each occurrence instead of a global pattern at every letter
 * of the text.
 */
export function matchesAtNeedle(text: string, needle: Needle, sticky: RegExp, lead = 0, wordStart = true, worthTrying?: (text: string, at: number) => boolean): readonly IndexedMatch[] {
  const positions = needlePositions(text, needle);
  if (positions.length === 0) return NO_MATCHES;
  const found: IndexedMatch[] = [];
  let consumed = 0;
  for (const at of positions) {
    const start = at - lead;
    if (start < consumed || start < 0 || (wordStart && letterBefore(text, start))) continue;
    if (worthTrying && !worthTrying(text, at)) continue;
    sticky.lastIndex = start;
    const m = sticky.exec(text);
    if (!m) continue;
    consumed = start + Math.max(1, m[0].length);
    found.push(m as IndexedMatch);
  }
  return found;
}

/** `matchesAtNeedle` for a pattern with several possible starts: in text order, without overlaps. */
export function matchesAtNeedles(text: string, needles: readonly Needle[], sticky: RegExp, wordStart = true): readonly IndexedMatch[] {
  // The matches of one needle are in order and do not overlap already: most acts have one needle's only.
  let first: readonly IndexedMatch[] = NO_MATCHES;
  let all: IndexedMatch[] | null = null;
  for (const needle of needles) {
    const found = matchesAtNeedle(text, needle, sticky, 0, wordStart);
    if (found.length === 0) continue;
    if (first.length === 0) first = found;
    else {
      all ??= first.slice();
      for (const m of found) all.push(m);
    }
  }
  if (all === null) return first;
  all.sort((a, b) => a.index - b.index);
  const kept: IndexedMatch[] = [];
  let end = 0;
  for (const m of all) {
    if (m.index < end) continue;
    kept.push(m);
    end = m.index + Math.max(1, m[0].length);
  }
  return kept;
}

/**
 * Matches of a global `pattern` whose matches contain `needle` and start at most `back`
 * characters before it and end at most `forward` characters after it: the pattern runs over those
 * windows only. Indexes refer to `text`.
 */
export function matchesNearNeedle(text: string, needle: Needle, pattern: RegExp, back: number, forward: number): IndexedMatch[] {
  const found: IndexedMatch[] = [];
  let consumed = 0;
  for (const at of needlePositions(text, needle)) {
    // Windows may overlap: a match already given is not given again.
    const from = Math.max(0, at - back);
    const to = Math.min(text.length, at + needle.word.length + forward);
    for (const m of allMatches(text.slice(from, to), pattern)) {
      const index = m.index + from;
      if (index < consumed) continue;
      m.index = index;
      consumed = index + Math.max(1, m[0].length);
      found.push(m);
    }
  }
  return found;
}
