// The item and part written before an article word («п. "а" ч. 2 ст. 158», «частью 3.1 статьи
// 18.8»), read from a short window that ends at the word.
import { isSpace, lastNonSpace } from './cyrillic.ts';

/** A list of `unit`s joined by «,» or «и» («18.8, 18.10 и 19.3»), each after the first perhaps led by `prefix`. */
export const LIST = (unit: string, prefix = '') => String.raw`${unit}(?:\s*(?:,|и)\s*${prefix}${unit})*`;
const LETTER_LIST = String.raw`"?[а-и]"?(?:\s*(?:,|и)\s*"?[а-и]"?)*(?!\p{L})`;
const ITEM = String.raw`(?:(?:п\.\s*п\.|пп\.|п\.|пункт(?:а|ом|ами|ов|ы)?)\s*(${LETTER_LIST}|\d{1,2})\s*)`;
const PART = String.raw`(?:(?:ч\.\s*ч\.|чч\.|ч\.|част(?:ь|и|ью|ями|ей))\s*(${LIST(String.raw`\d{1,2}(?:\.\d{1,2})?`, String.raw`(?:ч\.\s*)?`)})\s*)`;
const PREFIX = new RegExp(String.raw`${ITEM}?${PART}?$`, 'uy');
/** «части первой», «частью второй» … «шестой», as the law itself writes parts (an item may come first). */
const ORDINAL_PART = new RegExp(String.raw`${ITEM}?част(?:и|ью)\s+(перв|втор|трет|четверт|пят|шест)(?:ой|ую|ьей|ью)\s*$`, 'u');
const ORDINALS = ['перв', 'втор', 'трет', 'четверт', 'пят', 'шест'];
const LETTER_P = 0x43f;
const LETTER_CH = 0x447;
const LETTER_A = 0x430;
const LETTER_I = 0x438;
const LETTER_SHORT_I = 0x439;
const LETTER_YU = 0x44e;

/** The letters of «п.», «пункт(а|ом|ами|ов|ы)», «ч.», «част(ь|и|ью|ями|ей)», the items «а»–«и» and the list's «и»: bit (code − «а»). */
const PREFIX_LETTERS = [...'абвгдежзийкмнопстучыьюя'].reduce((mask, letter) => mask | (1 << (letter.charCodeAt(0) - LETTER_A)), 0);

/** A character other than a space that `${ITEM}?${PART}?` can read: those letters, digits, «.», «,» and «"». */
function isPrefixCharacter(code: number): boolean {
  if (code >= LETTER_A && code <= 0x44f) return ((PREFIX_LETTERS >>> (code - LETTER_A)) & 1) === 1;
  return (code >= 0x30 && code <= 0x39) || code === 0x2e || code === 0x2c || code === 0x22;
}

/** An item and part found before an article word: where the prefix starts, and their texts. */
interface Prefix {
  start: number;
  item: string | undefined;
  part: string | undefined;
}

const isDigit = (code: number) => code >= 0x30 && code <= 0x39;

/**
 * The item and part written right before an article word, in `text` from `start` to `end`: what
 * `${ITEM}?${PART}?$` finds first in that window, tried only where «п» or «ч» is (anywhere else only
 * the empty match at the end could be found, and it means «no prefix»). Null when there is none.
 */
export function prefixOf(text: string, start: number, end: number): Prefix | null {
  // A prefix ends the window, but for spaces, with a number, an item letter («а»–«и») or a quote.
  const last = lastNonSpace(text, end, start);
  if (last < start) return null; // an empty window: the character before it is no part of it
  const code = text.charCodeAt(last);
  if (code === LETTER_SHORT_I || code === LETTER_YU) return ordinalPartOf(text, start, end);
  if (!(isDigit(code) || (code >= LETTER_A && code <= LETTER_I) || code === 0x22)) return null;
  if (isDigit(code)) {
    const plain = plainPartOf(text, start, last);
    if (plain !== null) return plain;
  }
  const window = text.slice(start, end);
  // A prefix is read from the window's end back to the first character it cannot contain.
  let from = last - start;
  while (from > 0 && (isPrefixCharacter(window.charCodeAt(from - 1)) || isSpace(window, from - 1))) from -= 1;
  for (let i = from; i < window.length; i += 1) {
    const letter = window.charCodeAt(i);
    if (letter !== LETTER_P && letter !== LETTER_CH) continue;
    PREFIX.lastIndex = i;
    const m = PREFIX.exec(window);
    if (m) return m[0].length > 0 ? { start: start + m.index, item: m[1], part: m[2] } : null;
  }
  return null;
}

/** A part written as an ordinal word before the article word («пункта "а" части второй статьи 158»), or null. */
function ordinalPartOf(text: string, start: number, end: number): Prefix | null {
  const window = text.slice(start, end);
  if (!window.includes('част')) return null;
  const m = ORDINAL_PART.exec(window);
  return m ? { start: start + m.index, item: m[1], part: String(ORDINALS.indexOf(m[2]!) + 1) } : null;
}

/**
 * The common prefix, a plain «ч. 2», «ч.3.1» ending (but for spaces) at the digit `last`, read by
 * code: the pattern costs far more than these few characters. Null when the window ends otherwise,
 * or when what stands before «ч.» could belong to the same prefix (a digit, an item letter «а»–«и»,
 * a quote, «,», «.», «ч»: «п. "а" ч. 2», «ч. 1 и ч. 2», «ч. ч. 2», «чч. 2»); the pattern decides then.
 */
function plainPartOf(text: string, start: number, last: number): Prefix | null {
  let i = digitsBefore(text, start, last);
  if (i < 0) return null;
  if (i > start && text.charCodeAt(i) === 0x2e && isDigit(text.charCodeAt(i - 1))) i = digitsBefore(text, start, i - 1);
  if (i < 0) return null;
  const numberStart = i + 1;
  i = lastNonSpace(text, numberStart, start);
  if (i <= start || text.charCodeAt(i) !== 0x2e || text.charCodeAt(i - 1) !== LETTER_CH) return null;
  const partWord = i - 1;
  i = lastNonSpace(text, partWord, start);
  if (i >= start) {
    const before = text.charCodeAt(i);
    if (isDigit(before) || (before >= LETTER_A && before <= LETTER_I) || before === 0x22 || before === 0x2c || before === 0x2e || before === LETTER_CH) return null;
  }
  return { start: partWord, item: undefined, part: text.slice(numberStart, last + 1) };
}

/** The offset before the one or two digits ending at `last` (as `\d{1,2}` reads a part), or -1 for more digits. */
function digitsBefore(text: string, start: number, last: number): number {
  let i = last - 1;
  if (i >= start && isDigit(text.charCodeAt(i))) i -= 1;
  return i >= start && isDigit(text.charCodeAt(i)) ? -1 : i;
}
