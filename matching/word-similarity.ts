// How alike one word of a known name and one word of a court text are, and why.
import { declinedForms, type Gender } from './declension.ts';
import type { NameWord } from './name-parts.ts';

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
  // One slip of the keyboard, never on the first letter (Осмонов / Усмонов are two names).
  if (Math.min(base.length, seen.length) >= 5 && seen[0] === base[0]) {
    for (const form of known.forms) if (!known.russified.has(form) && oneEditApart(form, seen)) return { score: 0.88, agreement: 'typo' };
  }
  // Anything further apart (Жумабеков / Жумабаев) is another name, however close it looks: a
  // graded similarity (Jaro-Winkler gives these two 0.93) would only blur that line.
  return { score: 0, agreement: 'different' };
}

/**
 * Whether two different strings are one edit apart (Damerau-Levenshtein distance 1: a letter
 * replaced, dropped, added, or two neighbours swapped). Linear, unlike a full distance
 * matrix: it runs for every form of every candidate a search scores.
 */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA -= 1;
    endB -= 1;
  }
  const restA = endA - start;
  const restB = endB - start;
  if (restA <= 1 && restB <= 1) return true; // one replaced, dropped or added letter
  return restA === 2 && restB === 2 && a[start] === b[start + 1] && a[start + 1] === b[start];
}
