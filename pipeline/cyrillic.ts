// Word boundaries for Cyrillic: JavaScript's \b only knows ASCII letters.
export const WORD_START = '(?<!\\p{L})';
export const WORD_END = '(?!\\p{L})';

export function wordRegex(source: string, flags = 'gu'): RegExp {
  return new RegExp(`${WORD_START}(?:${source})${WORD_END}`, flags);
}

// A sentence ends at a line break, «;», or «.» after a word of three or more lower-case letters
// followed by a capital: «г. Ош», «ст. 18.8», «А.Б. Мамытов» are abbreviations, not ends.
const SENTENCE_END = /\n|;|(?<=\p{Ll}{3}[.!?]) (?=[\p{Lu}"])/gu;

/** Offset where the sentence containing `at` starts (looks back at most `limit` characters). */
export function sentenceStart(text: string, at: number, limit = 600): number {
  const from = Math.max(0, at - limit);
  const window = text.slice(from, at);
  let start = from;
  for (const m of window.matchAll(SENTENCE_END)) start = from + m.index + m[0].length;
  return start;
}

/** Offset where the sentence containing `at` ends (looks ahead at most `limit` characters). */
export function sentenceEnd(text: string, at: number, limit = 600): number {
  const window = text.slice(at, at + limit);
  SENTENCE_END.lastIndex = 0;
  const m = SENTENCE_END.exec(window);
  return m ? at + m.index : Math.min(text.length, at + limit);
}
