// A name as written (court listing, act text, consular record, passport) split into words
// that can be compared: full words in canonical form, initials, and the Kyrgyz «уулу» /
// «кызы» particle whether written apart, hyphenated or joined to the father's name.
import { canonicalWord } from './transliterate.ts';

export interface NameWord {
  /** Canonical spelling (see transliterate.ts); for an initial, its one canonical letter. */
  canonical: string;
  isInitial: boolean;
  /** The father's name before «уулу» / «кызы» (Асанбек in «Асанбек уулу»). */
  isFathersName: boolean;
}

export interface ParsedName {
  words: NameWord[];
  /** Gender shown by the name itself: a particle or a patronymic; null when the name does not say. */
  gender: 'm' | 'f' | null;
}

/** Canonical forms of «уулу», «кызы» and the Uzbek/Azerbaijani «оглы», «угли», «кизи». */
const MALE_PARTICLES = new Set(['ulu', 'ogli', 'ugli']);
const FEMALE_PARTICLES = new Set(['kizi']);
/** A particle written joined to the father's name: «Асанбекуулу», «ASANBEKKYZY». */
const JOINED_PARTICLE = /^(\p{L}{3,}?)(уулу|улу|кызы|оглы|угли|uulu|ulu|kyzy|kizi|qizi|ogly|ogli|ugli)$/iu;

const isParticle = (canonical: string) => MALE_PARTICLES.has(canonical) || FEMALE_PARTICLES.has(canonical);

/** Patronymic endings in canonical form, nominative: -ович/-евич/-ич, -овна/-евна/-ична (q is Ч). */
export const MALE_PATRONYMIC = /(?:ov|ev)iq$|iq$/;
export const FEMALE_PATRONYMIC = /(?:ov|ev)na$|iqna$/;
/** The same in any case form (Бековичу, Маратовны). */
const ANY_PATRONYMIC = /(?:oviq|eviq|iq)(?:a|u|em|e)?$|(?:ovn|evn|iqn)(?:a|i|e|u|oi)$/;

export const looksLikePatronymic = (canonical: string) => canonical.length > 5 && ANY_PATRONYMIC.test(canonical);

/**
 * Gender shown by a surname in any case form: -ов/-ев is only ever a man's (Асанов), -овой
 * only a woman's. -ова is both (a woman, or a man in the genitive) and says nothing.
 */
export function genderOfSurnameForm(canonical: string): 'm' | 'f' | null {
  if (/(?:ov|ev)(?:u|im|om|e)?$/.test(canonical) && canonical.length > 4) return 'm';
  if (/(?:ov|ev|in)oi$/.test(canonical)) return 'f';
  return null;
}

/**
 * Splits a written name. «МАХМУДОВ Д.П.», «Д.П. Махмудов», «Asanbek uulu Nurlan»,
 * «Асанбек-уулу Нурлан», «Асанбекуулу Нурлан» and «ZHUMABEKOV A» all parse.
 */
export function parseName(written: string): ParsedName {
  const words: NameWord[] = [];
  let gender: ParsedName['gender'] = null;
  // A word, then an optional dot: «Д.» or «Zh.» is an initial, as is one bare letter.
  const pieces = written.normalize('NFC').match(/[\p{L}\p{M}'’ʼ-]+\.?/gu) ?? [];
  for (const piece of pieces) {
    const dotted = piece.endsWith('.');
    const body = piece.replace(/\.$/, '');
    for (const part of splitHyphenated(body)) {
      const canonical = canonicalWord(part);
      if (canonical.length === 0) continue;
      if (isParticle(canonical)) {
        gender = FEMALE_PARTICLES.has(canonical) ? 'f' : 'm';
        markFathersName(words);
        continue;
      }
      const letters = [...part.replace(/['’ʼ]/g, '')].length;
      if ((dotted && letters <= 2) || letters === 1) {
        words.push({ canonical: canonical[0]!, isInitial: true, isFathersName: false });
        continue;
      }
      const joined = JOINED_PARTICLE.exec(part);
      if (joined) {
        words.push({ canonical: canonicalWord(joined[1]!), isInitial: false, isFathersName: true });
        gender = FEMALE_PARTICLES.has(canonicalWord(joined[2]!)) ? 'f' : 'm';
        continue;
      }
      words.push({ canonical, isInitial: false, isFathersName: false });
      if (FEMALE_PATRONYMIC.test(canonical)) gender = 'f';
      else if (gender === null && MALE_PATRONYMIC.test(canonical) && canonical.length > 5) gender = 'm';
    }
  }
  return { words, gender };
}

/**
 * Keeps «Абдыл-Азиз» as one word (it is also written «Абдылазиз»), but splits off a particle
 * written with a hyphen («Асанбек-уулу»).
 */
function splitHyphenated(body: string): string[] {
  const parts = body.split(/-+/).filter((part) => part.length > 0);
  if (parts.length < 2) return parts;
  const out: string[] = [];
  let current = '';
  for (const part of parts) {
    if (isParticle(canonicalWord(part))) {
      if (current) out.push(current);
      out.push(part);
      current = '';
    } else current += part;
  }
  if (current) out.push(current);
  return out;
}

function markFathersName(words: NameWord[]): void {
  const previous = words[words.length - 1];
  if (previous && !previous.isInitial) previous.isFathersName = true;
}

/** The full (non-initial) words of a name. */
export const fullWords = (name: ParsedName) => name.words.filter((word) => !word.isInitial);
