// Word boundaries for Cyrillic: JavaScript's \b only knows ASCII letters.
export const WORD_START = '(?<!\\p{L})';
export const WORD_END = '(?!\\p{L})';

export function wordRegex(source: string, flags = 'gu'): RegExp {
  return new RegExp(`${WORD_START}(?:${source})${WORD_END}`, flags);
}

const isLower = (code: number) => (code >= 0x430 && code <= 0x44f) || code === 0x451 || (code >= 0x61 && code <= 0x7a);
const isUpper = (code: number) => (code >= 0x410 && code <= 0x42f) || code === 0x401 || (code >= 0x41 && code <= 0x5a) || code === 0x22;

/**
 * Whether a sentence ends just before `i`: a line break, «;», or «.!?» + space after a word of
 * three or more lower-case letters, followed by a capital («г. Ош», «ст. 18.8», «А.Б. Мамытов»
 * are abbreviations, not ends). A hand-written scan: this runs for every cue and citation.
 */
function endsBefore(text: string, i: number): number {
  const c = text.charCodeAt(i - 1);
  if (c === 0x0a || c === 0x3b) return i;
  if (c === 0x20 && i >= 5 && isUpper(text.charCodeAt(i))) {
    const p = text.charCodeAt(i - 2);
    if ((p === 0x2e || p === 0x21 || p === 0x3f) && isLower(text.charCodeAt(i - 3)) && isLower(text.charCodeAt(i - 4)) && isLower(text.charCodeAt(i - 5))) return i;
  }
  return -1;
}

/** Offset where the sentence containing `at` starts (looks back at most `limit` characters). */
export function sentenceStart(text: string, at: number, limit = 600): number {
  const from = Math.max(0, at - limit);
  for (let i = at; i > from; i -= 1) if (endsBefore(text, i) >= 0) return i;
  return from;
}

/** Offset where the sentence containing `at` ends (looks ahead at most `limit` characters). */
export function sentenceEnd(text: string, at: number, limit = 600): number {
  const to = Math.min(text.length, at + limit);
  for (let i = at + 1; i <= to; i += 1) if (endsBefore(text, i) >= 0) return text.charCodeAt(i - 1) === 0x20 ? i - 1 : i - 1;
  return to;
}

const LETTER = /\p{L}/u;

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

/** matchAll, keeping only matches that start a word. */
export type IndexedMatch = RegExpMatchArray & { index: number };

export function* wordStartMatches(text: string, pattern: RegExp): Generator<IndexedMatch> {
  for (const m of text.matchAll(pattern)) if (!letterBefore(text, m.index!)) yield m as IndexedMatch;
}

/** The first match that starts a word, or null. */
export function firstWordStart(text: string, pattern: RegExp): IndexedMatch | null {
  for (const m of wordStartMatches(text, pattern)) return m;
  return null;
}
