// How alike one word of a known name and one word of a court text are, and why.
import { createRequire } from 'node:module';
import { declinedForms, type Gender } from './declension.ts';
import type { NameWord } from './name-parts.ts';

// natural's package root loads storage back-ends that print to stdout; its distance
// submodules are plain CommonJS without type declarations, hence require and the types here.
const require = createRequire(import.meta.url);
const jaroWinkler: (a: string, b: string) => number = require('natural/lib/natural/distance/jaro-winkler_distance');
const { DamerauLevenshteinDistance: damerauLevenshtein } = require('natural/lib/natural/distance/levenshtein_distance') as {
  DamerauLevenshteinDistance: (a: string, b: string) => number;
};

// Spelling variants (ZH/J/DZH, Y/I, KH/H, IU/YU, Ү/У, Ө/О, Ё/Е) already meet in the canonical form:
// two words whose canonical forms still differ in several vowels (Эргашев / Эргешов) are
// usually two names, so there is no looser "same consonants" rule here.
export type WordAgreement = 'same' | 'declined' | 'russified' | 'typo' | 'different';

export interface WordSimilarity {
  score: number;
  agreement: WordAgreement;
}

/** A known word with the forms it may take in a court text, computed once per record. */
export interface KnownWord {
  word: NameWord;
  forms: Set<string>;
  /** Forms that come from the father's name as a Russian-style surname (Асанбек уулу → Асанбеков). */
  russified: Set<string>;
}

export function knownWord(word: NameWord, gender: Gender): KnownWord {
  const plain = declinedForms(word.canonical, gender, false);
  const all = declinedForms(word.canonical, gender, word.isFathersName);
  const plainSet = new Set(plain);
  return {
    word,
    forms: new Set(all),
    russified: new Set(all.filter((form) => !plainSet.has(form))),
  };
}

/** Scores below this say "a different word". */
export const WORD_MATCH_FLOOR = 0.7;

export function wordSimilarity(known: KnownWord, seen: string): WordSimilarity {
  if (seen === known.word.canonical) return { score: 1, agreement: 'same' };
  if (known.forms.has(seen)) {
    return known.russified.has(seen) ? { score: 0.93, agreement: 'russified' } : { score: 1, agreement: 'declined' };
  }
  const base = known.word.canonical;
  const distance = Math.min(...[...known.forms].filter((form) => !known.russified.has(form)).map((form) => damerauLevenshtein(form, seen)));
  const length = Math.min(base.length, seen.length);
  // One slip of the keyboard, never on the first letter (Осмонов / Усмонов are two names).
  if (distance === 1 && length >= 5 && seen[0] === base[0]) return { score: 0.88, agreement: 'typo' };
  // Anything further apart (Жумабеков / Жумабаев) is another name, however close it looks.
  return { score: Math.min(0.6, jaroWinkler(base, seen) * 0.6), agreement: 'different' };
}
