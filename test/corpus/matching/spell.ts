// How the evaluation set writes names: Russian case forms as court texts use them, Latin
// spellings as passports and consular lists use them (several schemes), and typos. Written
// apart from matching/ on purpose, directly on Cyrillic, so the evaluation does not grade
// the matcher with its own rules.
export type Grammatical = 'nom' | 'gen' | 'dat' | 'ins' | 'pre';
export type NamePart = 'surname' | 'given' | 'patronymic';

const HUSHING = /[жшчщц]$/;
const VELAR_OR_HUSHING = /[гкхжшчщ]$/;

/** One word of a name in a Russian grammatical case. */
export function decline(word: string, part: NamePart, gender: 'm' | 'f', grammaticalCase: Grammatical): string {
  if (grammaticalCase === 'nom') return word;
  const index = ['gen', 'dat', 'ins', 'pre'].indexOf(grammaticalCase);
  const pick = (endings: string[]) => endings[index]!;
  if (part === 'surname' && /(ов|ев|ин)$/.test(word)) return gender === 'm' ? word + pick(['а', 'у', 'ым', 'е']) : word;
  if (part === 'surname' && /(ова|ева|ина)$/.test(word)) return word.slice(0, -1) + pick(['ой', 'ой', 'ой', 'ой']);
  if (part === 'patronymic') {
    if (gender === 'm') return word + pick(['а', 'у', 'ем', 'е']);
    return word.slice(0, -1) + pick(['ы', 'е', 'ой', 'е']);
  }
  if (gender === 'f') {
    if (word.endsWith('а')) {
      const stem = word.slice(0, -1);
      return stem + pick([VELAR_OR_HUSHING.test(stem) ? 'и' : 'ы', 'е', HUSHING.test(stem) ? 'ей' : 'ой', 'е']);
    }
    if (word.endsWith('я')) return word.slice(0, -1) + pick(['и', 'и', 'ей', 'и']);
    if (word.endsWith('ь')) return word.slice(0, -1) + pick(['и', 'и', 'ью', 'и']);
    return word; // Бермет, Асел, Айгүл written without a soft sign: not declined
  }
  if (word.endsWith('й')) return word.slice(0, -1) + pick(['я', 'ю', 'ем', 'е']);
  if (word.endsWith('а')) return word.slice(0, -1) + pick(['ы', 'е', 'ой', 'е']);
  return word + pick(['а', 'у', HUSHING.test(word) ? 'ем' : 'ом', 'е']);
}

/** Russian texts have no Ү, Ө, Ң; soft signs come and go on names like Айгүл/Айгуль. */
export function russianSpelling(word: string, dropYo: boolean): string {
  let out = word.replace(/ү/g, 'у').replace(/Ү/g, 'У').replace(/ө/g, 'о').replace(/Ө/g, 'О').replace(/ң/g, 'н').replace(/Ң/g, 'Н');
  if (dropYo) out = out.replace(/ё/g, 'е').replace(/Ё/g, 'Е');
  return out;
}

export interface LatinScheme {
  zh: 'ZH' | 'J' | 'DZH';
  y: 'Y' | 'I';
  kh: 'KH' | 'H';
  yu: 'IU' | 'YU' | 'U';
  ya: 'IA' | 'YA';
  ye: 'E' | 'YE';
  ng: 'N' | 'NG';
  ue: 'U' | 'UE';
  oe: 'O' | 'OE';
}

const BASE: Record<string, string> = {
  а: 'A', б: 'B', в: 'V', г: 'G', д: 'D', е: 'E', ё: 'E', з: 'Z', и: 'I', й: 'I', к: 'K', л: 'L', м: 'M',
  н: 'N', о: 'O', п: 'P', р: 'R', с: 'S', т: 'T', у: 'U', ф: 'F', ц: 'TS', ч: 'CH', ш: 'SH', щ: 'SHCH',
  ъ: '', ь: '', э: 'E',
};

/** A Cyrillic name in Latin letters, the way one passport office or consular clerk would write it. */
export function toLatin(cyrillic: string, scheme: LatinScheme): string {
  let out = '';
  const lower = cyrillic.toLowerCase();
  for (let index = 0; index < lower.length; index += 1) {
    const char = lower[index]!;
    const previous = index === 0 ? ' ' : lower[index - 1]!;
    const wordStart = !/\p{L}/u.test(previous);
    switch (char) {
      case 'ж': out += scheme.zh; break;
      case 'ы': out += scheme.y; break;
      case 'й': out += scheme.y === 'Y' ? 'Y' : 'I'; break;
      case 'х': out += scheme.kh; break;
      case 'ю': out += scheme.yu; break;
      case 'я': out += scheme.ya; break;
      case 'е': out += wordStart || /[аоуыэ]/.test(previous) ? scheme.ye : 'E'; break;
      case 'ң': out += scheme.ng; break;
      case 'ү': out += scheme.ue; break;
      case 'ө': out += scheme.oe; break;
      default: out += BASE[char] ?? char.toUpperCase();
    }
  }
  return out;
}

/** One typing error inside a word, never its first letter: a swapped, dropped, doubled or wrong letter. */
export function typo(word: string, random: () => number): string {
  if (word.length < 5) return word;
  const at = 1 + Math.floor(random() * (word.length - 2));
  const kind = Math.floor(random() * 4);
  if (kind === 0) return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
  if (kind === 1) return word.slice(0, at) + word.slice(at + 1);
  if (kind === 2) return word.slice(0, at) + word[at] + word.slice(at);
  const neighbours = 'аоеиуыбвгдклмнрст';
  const replacement = neighbours[Math.floor(random() * neighbours.length)]!;
  return word.slice(0, at) + (replacement === word[at] ? 'а' : replacement) + word.slice(at + 1);
}
