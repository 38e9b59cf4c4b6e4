// Search keys for names: short strings that two spellings of one person's name share, so
// that finding who may be "Жумабеков Азамат" among a million court persons is an index
// look-up (btree on the key), not a scan. Each key is one word of the name in canonical
// spelling with Russian case endings stripped, prefixed with the first letter of another
// word of the name: «Жумабекову А.Б.», «ZHUMABEKOV AZAMAT» and «Азамат Джумабеков» all
// give "ajumabekov". A key only selects candidates; score-name.ts decides how well they fit.
// (A consonant skeleton would also meet vowel variants, but the scorer does not accept
// those, and it made «Жаныбек» and «Жээнбек» one key: hundreds of useless candidates.)
import { parseName, type NameWord } from './name-parts.ts';

/** Case endings, canonical spelling, longest first: -ого, -ому, -ыми, -ой, -ым, -ом, -а, -у, … */
const CASE_ENDING = /(?:ogo|ego|omu|emu|imi|ami|oi|ei|im|om|em|[aeiou])$/;
const MIN_STEM = 3;

/**
 * Strips case endings until none is left or the word would get too short. Iterating makes
 * every form of a word end at the same stem: Карим, Карима, Каримом → "kar".
 */
export function stem(canonical: string): string {
  let current = canonical;
  for (;;) {
    const next = current.replace(CASE_ENDING, '');
    if (next === current || next.length < MIN_STEM) return current;
    current = next;
  }
}

export const keyWord = stem;

/** The letters a key may start with: every first letter a canonical word can have. */
export const KEY_INITIALS = 'abcdefghijklmnopqrstuvwxyz'.split('');

function wordKeys(word: NameWord): string[] {
  const keys = [keyWord(word.canonical)];
  // «Асанбек уулу» is also «Асанбеков» in Russian papers.
  if (word.isFathersName) keys.push(keyWord(word.canonical + 'ov'));
  return keys;
}

/**
 * Keys of a written name: for each full word, its key word prefixed with the first letter of
 * each other word. A name of one word has no keys (see singleWordKeys).
 */
export function nameKeys(written: string): string[] {
  const { words } = parseName(written);
  const keys = new Set<string>();
  words.forEach((word, index) => {
    if (word.isInitial) return;
    for (const key of wordKeys(word)) {
      words.forEach((other, otherIndex) => {
        if (otherIndex !== index && other.canonical.length > 0) keys.add(other.canonical[0] + key);
      });
    }
  });
  return [...keys];
}

/** For a query of one word: the keys of that word with every possible other initial. */
export function singleWordKeys(written: string): string[] {
  const full = parseName(written).words.filter((word) => !word.isInitial);
  if (full.length !== 1) return [];
  return wordKeys(full[0]!).flatMap((key) => KEY_INITIALS.map((initial) => initial + key));
}

/** Keys of all the spellings of one person (Latin and Cyrillic), without repeats. */
export function personKeys(names: (string | null | undefined)[]): string[] {
  const keys = new Set<string>();
  for (const name of names) if (name) for (const key of nameKeys(name)) keys.add(key);
  return [...keys];
}

/**
 * The start of a key (the other word's initial and three letters of the word) that the
 * search also looks up as a range, so a typo late in a word («Сатыбалиев») still finds
 * «Сатыбалдиев». Shorter keys are their own prefix.
 */
export const KEY_PREFIX_LENGTH = 4;
export const keyPrefix = (key: string) => key.slice(0, KEY_PREFIX_LENGTH);

/** Whether an index look-up of one name's keys would propose the other name. */
export function keysMeet(left: string[], right: string[]): boolean {
  const prefixes = new Set(left.map(keyPrefix));
  return right.some((key) => prefixes.has(keyPrefix(key)));
}
