// Forms a known name takes in Russian court texts, generated from the consular record:
// «Жумабеков» → «Жумабекова», «Жумабекову», «Жумабековым», «Жумабекове». Court texts are
// matched against these forms, which is safer than guessing the nominative from a declined
// word («Асанова» is both a woman's name and a man's genitive). Works on canonical words
// (transliterate.ts), so a Latin-only record gets its Russian forms too.
import { settle } from './transliterate.ts';

export type Gender = 'm' | 'f' | null;

const SURNAME_MALE = /(?:ov|ev|in)$/;
const SURNAME_FEMALE = /(?:ova|eva|ina)$/;
const PATRONYMIC_MALE = /iq$/;
const PATRONYMIC_FEMALE = /na$/;
const ENDS_IN_CONSONANT = /[^aeiou]$/;

/** Case endings in canonical spelling: -а/-я, -у/-ю, -ом/-ем/-ым, -е, -ы/-и, -ой/-ей. */
function withEndings(stem: string, endings: string[]): string[] {
  return endings.map((ending) => settle(stem + ending));
}

/**
 * Every form of one canonical word a court may write, the word itself included. When the
 * gender is unknown the forms of both are given.
 */
export function declinedForms(word: string, gender: Gender, isFathersName = false): string[] {
  const forms = new Set<string>([word]);
  const add = (values: string[]) => values.forEach((value) => forms.add(value));
  const male = gender !== 'f';
  const female = gender !== 'm';

  if (SURNAME_FEMALE.test(word) && female) add(withEndings(word.slice(0, -1), ['oi', 'u', 'a']));
  if (SURNAME_MALE.test(word)) {
    if (male) add(withEndings(word, ['a', 'u', 'im', 'e', 'om']));
    if (female) add(withEndings(word, ['a', 'oi', 'u']));
  } else if (PATRONYMIC_MALE.test(word) && male) {
    add(withEndings(word, ['a', 'u', 'em', 'e']));
  } else if (PATRONYMIC_FEMALE.test(word) && female) {
    add(withEndings(word.slice(0, -1), ['i', 'e', 'u', 'oi']));
  } else if (ENDS_IN_CONSONANT.test(word)) {
    // Азамат, Асылбек, Жолдош: declined like nouns when male; Айгуль declines, Бермет does not.
    if (male) add(withEndings(word, ['a', 'u', 'om', 'em', 'e']));
    if (female) add(withEndings(word, ['i', 'u', 'e']));
  } else if (word.endsWith('i')) {
    // Мукай, Таалай: the final Й is a canonical "i" (Мукая, Мукаю, Мукаем).
    if (male) add(withEndings(word.slice(0, -1), ['ia', 'iu', 'em', 'e']));
  } else if (word.endsWith('a')) {
    // Гульнара, Айзада, and men's names in -а (Муса): -ы/-и, -е, -у, -ой/-ей.
    add(withEndings(word.slice(0, -1), ['i', 'e', 'u', 'oi', 'ei']));
  }
  if (isFathersName) add(russifiedSurnameForms(word, gender));
  return [...forms];
}

/**
 * «Асанбек уулу» often becomes «Асанбеков» in Russian papers: the father's name turned into a
 * Russian-style surname. Its forms are variants of the father's name.
 */
function russifiedSurnameForms(fathersName: string, gender: Gender): string[] {
  // Мукаш → Мукашев or Мукашов, Таалай → Таалаев, Абдылда → Абдылдаев.
  const bases = /[aeiou]$/.test(fathersName)
    ? [settle(fathersName.slice(0, -1) + 'ev'), settle(fathersName + 'ev')]
    : [fathersName + 'ov', fathersName + 'ev'];
  const male = gender !== 'f';
  const female = gender !== 'm';
  const out: string[] = [];
  for (const base of bases) {
    if (male) out.push(base, ...withEndings(base, ['a', 'u', 'im', 'e']));
    if (female) out.push(settle(base + 'a'), ...withEndings(base, ['oi', 'u']));
  }
  return out;
}

/** Gender from a nominative record name: particle, patronymic, or a feminine surname ending. */
export function recordGender(words: { canonical: string; isInitial: boolean }[], fromParticles: Gender): Gender {
  if (fromParticles) return fromParticles;
  if (words.some((word) => !word.isInitial && SURNAME_FEMALE.test(word.canonical))) return 'f';
  if (words.some((word) => !word.isInitial && SURNAME_MALE.test(word.canonical))) return 'm';
  return null;
}
