// One spelling-neutral form for names written in Cyrillic (Russian or Kyrgyz letters) or in
// Latin (ICAO 9303, Kyrgyz passport practice, Russian visa practice). Two spellings of one
// name should land on the same "canonical" string: Жумабеков, ZHUMABEKOV, JUMABEKOV and
// DZHUMABEKOV all become "jumabekov". The form is lossy on purpose: it is for comparing
// names, never for showing them.

/** Cyrillic letters of Russian, Kyrgyz, Kazakh, Uzbek and Tajik names, to a plain Latin spelling. */
const CYRILLIC_TO_LATIN: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y',
  к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f',
  х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
  // Kyrgyz
  ү: 'u', ө: 'o', ң: 'n',
  // Kazakh, Uzbek, Tajik look-alikes, so that they compare on the same footing
  ә: 'a', ғ: 'g', қ: 'k', ұ: 'u', һ: 'h', і: 'i', ў: 'u', ҳ: 'h', ҷ: 'j', ӣ: 'i', ӯ: 'u',
};

/** Latin letters with marks that Turkic Latin alphabets and some registries use. */
const LATIN_MARKS: Record<string, string> = { ı: 'i', ş: 'sh', ç: 'ch', ğ: 'g', ñ: 'n', ä: 'a', ə: 'a', ŋ: 'n' };

/**
 * Latin spellings that vary between transliteration systems, longest first. ZH/J/DZH/DJ (Ж),
 * KH/H/X (Х), TS (Ц), SHCH (Щ), Y/I (Ы, Й), IU/YU (Ю), IA/YA (Я), IE/YE (Е), NG (Ң).
 * Ч, Ш and Ц become single letters that no other rule produces (q, w, c), so that one
 * letter of the canonical form is one sound.
 */
const LATIN_RULES: [RegExp, string][] = [
  // Letters of the source text that the rules below use as codes: Uzbek Latin Q is Қ, W is В.
  [/q/g, 'k'],
  [/w/g, 'v'],
  [/c(?!h)/g, 'k'],
  [/shch/g, 'w'],
  [/dzh|dj|zh|ž/g, 'j'],
  [/tch|ch|č/g, 'q'],
  [/sch|sh|š/g, 'w'],
  [/kh|x/g, 'h'],
  [/ts/g, 'c'],
  [/ph/g, 'f'],
  [/ng(?![aeiouy])/g, 'n'],
  [/y/g, 'i'],
  [/ü|ue/g, 'u'],
  [/ö|oe/g, 'o'],
];

/** A Latin letter spelled with its own mark (ü, ö) is kept; any other mark (é, ā) is dropped. */
function stripMarks(text: string): string {
  return text
    .replace(/[ıışçğñäəŋ]/g, (letter) => LATIN_MARKS[letter] ?? letter)
    .normalize('NFD')
    .replace(/u\u0308/g, 'ü')
    .replace(/o\u0308/g, 'ö')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC');
}

/** Cyrillic and Latin letters to a plain lower-case Latin spelling, other characters kept. */
export function romanize(text: string): string {
  let out = '';
  for (const char of text.toLowerCase()) out += CYRILLIC_TO_LATIN[char] ?? char;
  return out;
}

/**
 * The canonical form of one name word: letters a–z only. An «и» or «й» before a vowel is
 * dropped (Ю/YU/IU → u, Я/YA/IA → a, YE/IE → e), Ё is Е as in ICAO, and doubled letters are
 * collapsed (Аллабергенов/ALABERGENOV).
 */
export function canonicalWord(word: string): string {
  const cached = canonicalCache.get(word);
  if (cached !== undefined) return cached;
  const canonical = computeCanonical(word);
  // Names repeat a lot (a search scores hundreds of persons, most sharing a few surnames).
  if (canonicalCache.size >= CANONICAL_CACHE_SIZE) canonicalCache.clear();
  canonicalCache.set(word, canonical);
  return canonical;
}

const CANONICAL_CACHE_SIZE = 100_000;
const canonicalCache = new Map<string, string>();

function computeCanonical(word: string): string {
  let latin = stripMarks(romanize(word));
  latin = latin.replace(/[^a-zšžčüö]/g, '');
  for (const [pattern, replacement] of LATIN_RULES) latin = latin.replace(pattern, replacement);
  return settle(latin);
}

/** The last steps of canonicalWord, also applied to forms built from canonical words (declensions). */
export function settle(latin: string): string {
  return latin.replace(/i(?=[aeiou])/g, '').replace(/([a-z])\1+/g, '$1');
}

/**
 * ICAO 9303 transliteration of a Cyrillic name, for showing the Latin spelling a passport
 * would most likely carry (Жумабеков → ZHUMABEKOV, Юлия → IULIIA).
 */
export function icaoLatin(cyrillic: string): string {
  const icao: Record<string, string> = { й: 'i', ы: 'y', ю: 'iu', я: 'ia', ё: 'e', щ: 'shch', ъ: 'ie', ү: 'u', ө: 'o', ң: 'n' };
  let out = '';
  for (const char of cyrillic.toLowerCase()) out += icao[char] ?? CYRILLIC_TO_LATIN[char] ?? char;
  return out.toUpperCase();
}
