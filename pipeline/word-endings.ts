// The endings of one word of a name, told by its last letters: what the declension of names
// (name-forms.ts) asks of every word it reads. A `$`-anchored pattern does the same, but it is
// tried at every letter of the word and each call into the pattern costs some hundred
// instructions; these are a few comparisons of code units. test/pipeline/word-endings.test.ts
// checks each against the pattern it replaces.

const SMALL_A = 0x430;

/** Lower-case Cyrillic letters (а–я, not ё) as the bits of a 32-bit set. */
export function letterSet(letters: string): number {
  let set = 0;
  for (let i = 0; i < letters.length; i += 1) {
    const bit = letters.charCodeAt(i) - SMALL_A;
    if (bit < 0 || bit > 31) throw new Error(`«${letters[i]}» is not a lower-case Cyrillic letter а–я`);
    set |= 1 << bit;
  }
  return set;
}

/** Whether the code unit at `at` is a letter of `set` (false outside the word). */
function letterAt(word: string, at: number, set: number): boolean {
  const bit = word.charCodeAt(at) - SMALL_A;
  return bit >= 0 && bit <= 31 && ((set >>> bit) & 1) === 1;
}

/** /[set]ending$/: `word` ends with `ending` after a letter of `set`. */
export function endsAfter(word: string, set: number, ending: string): boolean {
  return word.endsWith(ending) && letterAt(word, word.length - ending.length - 1, set);
}

/** /(?:ов|ев|ин|ын)ending$/: `ending` after the suffix of a Russian surname («Асанов|а», «Ильин|ой»). */
export function endsAfterSurnameSuffix(word: string, ending: string): boolean {
  if (!word.endsWith(ending)) return false;
  const at = word.length - ending.length - 2;
  if (at < 0) return false;
  const first = word.charCodeAt(at);
  const second = word.charCodeAt(at + 1);
  // «ов», «ев»; «ин», «ын».
  return (second === 0x432 && (first === 0x43e || first === 0x435)) || (second === 0x43d && (first === 0x438 || first === 0x44b));
}

/** /(?:ск|цк)ending$/: `ending` after the suffix of an adjectival surname («Жуковск|ого», «Троцк|ой»). */
export function endsAfterAdjectiveSuffix(word: string, ending: string): boolean {
  if (!word.endsWith(ending)) return false;
  const at = word.length - ending.length - 2;
  if (at < 0 || word.charCodeAt(at + 1) !== 0x43a) return false;
  const first = word.charCodeAt(at);
  return first === 0x441 || first === 0x446;
}

/**
 * `word` without a case ending of a surname: what /(?:ого|ому|ым|ой|ую|ая|ий|ом|ем|а|у|е|ы|ю|я)$/
 * replaced by nothing leaves (the longest ending that fits, as the pattern's leftmost match is).
 */
export function withoutCaseEnding(word: string): string {
  const n = word.length;
  if (n === 0) return word;
  const last = word.charCodeAt(n - 1);
  const before = n >= 2 ? word.charCodeAt(n - 2) : -1;
  switch (last) {
    case 0x43e: // о: «ого»
      return n >= 3 && before === 0x433 && word.charCodeAt(n - 3) === 0x43e ? word.slice(0, -3) : word;
    case 0x443: // у: «ому», else «у»
      return n >= 3 && before === 0x43c && word.charCodeAt(n - 3) === 0x43e ? word.slice(0, -3) : word.slice(0, -1);
    case 0x43c: // м: «ым», «ом», «ем»
      return before === 0x44b || before === 0x43e || before === 0x435 ? word.slice(0, -2) : word;
    case 0x439: // й: «ой», «ий»
      return before === 0x43e || before === 0x438 ? word.slice(0, -2) : word;
    case 0x44e: // ю: «ую», else «ю»
      return word.slice(0, before === 0x443 ? -2 : -1);
    case 0x44f: // я: «ая», else «я»
      return word.slice(0, before === 0x430 ? -2 : -1);
    case 0x430: // а
    case 0x435: // е
    case 0x44b: // ы
      return word.slice(0, -1);
    default:
      return word;
  }
}
