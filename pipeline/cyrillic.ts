// Word boundaries for Cyrillic: JavaScript's \b only knows ASCII letters.
export const WORD_START = '(?<!\\p{L})';
export const WORD_END = '(?!\\p{L})';

export function wordRegex(source: string, flags = 'gu'): RegExp {
  return new RegExp(`${WORD_START}(?:${source})${WORD_END}`, flags);
}
