// Numbers as courts write them: «5 000», «2000 (две тысячи)», or words alone («двух тысяч»,
// «пятнадцати суток», «один год»). Words are read by their stems so every case form counts.

const UNITS: [RegExp, number][] = [
  [/^(?:ноль|нул)/u, 0],
  [/^(?:два|две|двух|двум|двумя)$/u, 2],
  [/^(?:три|трех|трем|тремя)$/u, 3],
  [/^(?:четыре|четырех|четырем|четырьмя)$/u, 4],
  [/^пят(?:ь|и|ью)$/u, 5],
  [/^шест(?:ь|и|ью)$/u, 6],
  [/^сем(?:ь|и|ью)$/u, 7],
  [/^(?:восемь|восьми|восемью)$/u, 8],
  [/^девят(?:ь|и|ью)$/u, 9],
  [/^десят(?:ь|и|ью)$/u, 10],
  [/^одиннадцат/u, 11],
  [/^двенадцат/u, 12],
  [/^тринадцат/u, 13],
  [/^четырнадцат/u, 14],
  [/^пятнадцат/u, 15],
  [/^шестнадцат/u, 16],
  [/^семнадцат/u, 17],
  [/^восемнадцат/u, 18],
  [/^девятнадцат/u, 19],
  [/^(?:один|одн)/u, 1],
  [/^двадцат/u, 20],
  [/^тридцат/u, 30],
  [/^сорок/u, 40],
  [/^пятьдесят|^пятидесят/u, 50],
  [/^шестьдесят|^шестидесят/u, 60],
  [/^семьдесят|^семидесят/u, 70],
  [/^восемьдесят|^восьмидесят/u, 80],
  [/^девяност/u, 90],
  [/^(?:сто|ста)$/u, 100],
  [/^двест|^двухсот/u, 200],
  [/^трист|^трехсот/u, 300],
  [/^четырест|^четырехсот/u, 400],
  [/^пятьсот|^пятисот/u, 500],
  [/^шестьсот|^шестисот/u, 600],
  [/^семьсот|^семисот/u, 700],
  [/^восемьсот|^восьмисот/u, 800],
  [/^девятьсот|^девятисот/u, 900],
];

/** A pattern matching a run of number words (used inside larger regular expressions). */
export const NUMBER_WORDS = String.raw`(?:(?:ноль|одн\p{L}*|один\p{L}*|дв\p{L}*|тр\p{L}*|четыр\p{L}*|пят\p{L}*|шест\p{L}*|сем\p{L}*|вос\p{L}*|девят\p{L}*|десят\p{L}*|сорок\p{L}*|сто|ста|тысяч\p{L}*|миллион\p{L}*)(?:\s+|$))+`;

function wordValue(word: string): number | null {
  for (const [pattern, value] of UNITS) if (pattern.test(word)) return value;
  return null;
}

/** «двух тысяч пятисот» → 2500; null when a word is not a number word. */
export function parseNumberWords(words: string): number | null {
  let total = 0;
  let current = 0;
  let seen = false;
  for (const word of words.toLowerCase().replace(/ё/g, 'е').split(/[\s-]+/u).filter(Boolean)) {
    if (/^тысяч/u.test(word)) {
      total += (current || 1) * 1000;
      current = 0;
      seen = true;
      continue;
    }
    if (/^миллион/u.test(word)) {
      total += (current || 1) * 1_000_000;
      current = 0;
      seen = true;
      continue;
    }
    const value = wordValue(word);
    if (value === null) return seen ? total + current : null;
    current += value;
    seen = true;
  }
  return seen ? total + current : null;
}

const SEPARATORS = /[\s.]/g;

/** Whether `text` is digits only («5000»): most amounts, which need no separators dropped. */
function onlyDigits(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x30 || code > 0x39) return false;
  }
  return true;
}

/** Digits with thousands separators («5 000», «5.000») → number. */
export function parseDigits(digits: string): number {
  return Number(onlyDigits(digits) ? digits : digits.replace(SEPARATORS, ''));
}

/** A number written as digits (optionally followed by words in brackets) or as words. */
/** Kopecks may follow («5 000,00 рублей»): they are dropped, amounts are whole roubles. */
export const AMOUNT = String.raw`(?:(\d{1,3}(?:[ .]\d{3})+|\d+)(?:,\d{2})?(?:\s*\([^)]{1,80}\))?|(${NUMBER_WORDS}))`;

export function amountValue(digits: string | undefined, words: string | undefined): number | null {
  if (digits) return parseDigits(digits);
  if (words) return parseNumberWords(words);
  return null;
}
