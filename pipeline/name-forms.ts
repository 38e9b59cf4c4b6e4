// Names as courts write them → a nominative form, a gender and an identity key. Acts decline
// names by their role in the sentence («в отношении Мамытова» genitive, «Признать Мамытову»
// accusative), so the caller says which case the anchor implies; endings do the rest.
// Kyrgyz names: «Бакыт уулу Азамат» (father's name + уулу + given name), «Асан кызы Айгуль».

export type GrammaticalCase = 'nom' | 'gen' | 'dat' | 'acc' | 'ins' | 'unknown';
export type Gender = 'm' | 'f';

export const PARTICLES = ['уулу', 'кызы', 'угли', 'оглы', 'кизи', 'улы', 'заде'];
const PARTICLE = new Set(PARTICLES);
const FEMALE_PARTICLES = new Set(['кызы', 'кизи']);
const INITIALS = /^[А-Я]\.(?:\s?[А-Я]\.)?(?:\s?[а-я]\.)?$/u;
const DEPERSONALIZED = /^(?:ФИО\d{0,2}|<данные изъяты>|[А-Я]\.\s?[А-Я]\.(?:\s?[А-Я]\.)?)$/u;

export function isDepersonalized(name: string): boolean {
  return DEPERSONALIZED.test(name.trim());
}

/** Names repeat a lot: each memo below keeps at most this many entries, then starts over. */
const MEMO_LIMIT = 50_000;

/**
 * Keeps `value` for `key` in `memo` and gives it back. Callers look the key up first and compute
 * only on a miss: a compute callback would be a closure allocated on every call, hits included.
 */
function kept<R>(memo: Map<string, R>, key: string, value: R): R {
  if (memo.size > MEMO_LIMIT) memo.clear();
  memo.set(key, value);
  return value;
}

const titleCaseCache = new Map<string, string>();

/** «МАМЫТОВ Д.П.» → «Мамытов Д.П.»; mixed-case words are kept. Memoised: names repeat a lot. */
export function titleCase(name: string): string {
  return titleCaseCache.get(name) ?? kept(titleCaseCache, name, titleCaseUncached(name));
}

function titleCaseUncached(name: string): string {
  return name
    .trim()
    .replace(/\s+/g, ' ')
    .split(' ')
    .map((word) =>
      word.length > 2 && word === word.toUpperCase() && /\p{Lu}{2}/u.test(word) && !/\./.test(word) && !/^ФИО\d*$/u.test(word)
        ? word
            .toLowerCase()
            .split('-')
            .map((w) => (PARTICLE.has(w) ? w : w.charAt(0).toUpperCase() + w.slice(1)))
            .join('-')
        : word,
    )
    .join(' ');
}

interface NameParts {
  surname: string[]; // one word, or «Бакыт уулу» / «Азиз заде»
  given: string | null;
  patronymic: string | null; // «Бекович», or «Вугар оглы»
  initials: string | null;
}

const splitCache = new Map<string, NameParts>();

/** Splits a written name into its parts (any case form). Memoised; callers must not mutate. */
export function splitName(written: string): NameParts {
  return splitCache.get(written) ?? kept(splitCache, written, splitNameUncached(written));
}

function splitNameUncached(written: string): NameParts {
  const words = titleCase(written).replace(/([А-Я]\.)\s(?=[А-Я]\.)/gu, '$1').split(' ');
  const initials = words.length > 1 && INITIALS.test(words[words.length - 1]!) ? words.pop()! : null;
  if (initials && words.length === 0) return { surname: [], given: null, patronymic: null, initials };
  const particleAt = words.findIndex((w) => PARTICLE.has(w.toLowerCase()));
  if (particleAt === 1 && (words[1] === 'уулу' || words[1] === 'кызы')) {
    // «Бакыт уулу Азамат»: the particle binds to the father's name before it.
    return { surname: words.slice(0, 2), given: words[2] ?? null, patronymic: null, initials };
  }
  if (particleAt === 1) return { surname: words.slice(0, 2), given: words[2] ?? null, patronymic: words.slice(3).join(' ') || null, initials };
  if (particleAt >= 3) return { surname: [words[0]!], given: words[1] ?? null, patronymic: words.slice(2).join(' '), initials };
  return { surname: [words[0]!], given: words[1] ?? null, patronymic: words[2] ?? null, initials };
}

const genderCache = new Map<string, Gender | null>();

/** Gender from the name itself: patronymics, particles. Surname endings are case-ambiguous. Memoised. */
export function genderOfName(name: string): Gender | null {
  const known = genderCache.get(name);
  return known !== undefined ? known : kept(genderCache, name, genderOfNameUncached(name));
}

function genderOfNameUncached(name: string): Gender | null {
  if (/(?<!\p{L})(?:кызы|кизи)(?!\p{L})|(?:овн|евн|ичн)(?:а|ы|е|у|ой)(?!\p{L})/iu.test(name)) return 'f';
  if (/(?<!\p{L})(?:уулу|угли|оглы|улы)(?!\p{L})|(?:ович|евич|ич)(?:а|у|ем)?(?!\p{L})/iu.test(name)) return 'm';
  return null;
}

/** Gender from endings that only one gender can have in the given case. */
export function genderFromEndings(name: string, grammaticalCase: GrammaticalCase): Gender | null {
  const surname = splitName(name).surname[0] ?? '';
  if (/(?:ов|ев|ин|ын)ой$|ской$|цкой$/u.test(surname)) return 'f';
  if (grammaticalCase === 'gen' && /(?:ов|ев|ин|ын)а$|ского$/u.test(surname)) return 'm';
  if (grammaticalCase === 'acc' && /(?:ов|ев|ин|ын)у$|скую$/u.test(surname)) return 'f';
  if (grammaticalCase === 'acc' && /(?:ов|ев|ин|ын)а$|ского$/u.test(surname)) return 'm';
  if ((grammaticalCase === 'nom' || grammaticalCase === 'unknown') && /(?:ов|ев|ин|ын)$|ский$/u.test(surname)) return 'm';
  if (grammaticalCase === 'nom' && /(?:ов|ев|ин|ын)а$|ская$/u.test(surname)) return 'f';
  return null;
}

const CONSONANT = 'бвгджзйклмнпрстфхцчшщ';
/** Names that lose a vowel when declined: «Павла» → «Павел», «Льва» → «Лев» (keyed by the stem). */
const FLEETING_VOWEL: Record<string, string> = { Павла: 'Павел', Павлу: 'Павел', Павлом: 'Павел', Льва: 'Лев', Льву: 'Лев', Львом: 'Лев' };
const CONSONANT_OM = new RegExp(`([${CONSONANT}])ом$`, 'u');
const CONSONANT_U_CAPTURE = new RegExp(`([${CONSONANT}])у$`, 'u');
const CONSONANT_A = new RegExp(`[${CONSONANT}]а$`, 'u');
const CONSONANT_YI = new RegExp(`[${CONSONANT}]ы$`, 'u');
const CONSONANT_E = new RegExp(`[${CONSONANT}]е$`, 'u');
const CONSONANT_U = /[бвгджзклмнпрстфхцчшщ]у$/u;
const CONSONANT_Y = /(?:[бвдзлмнпрстфц]ы|[гкхжчшщ]и)$/u;
const SOFT_YA = /[блмнрт]я$/u;
const SOFT_YU = /[блмнрт]ю$/u;

function maleWord(word: string, c: GrammaticalCase, kind: 'surname' | 'given' | 'patronymic'): string {
  if (c === 'nom' || c === 'unknown') return word;
  if (kind === 'patronymic') return word.replace(/(ич)(?:а|у|ем)$/u, '$1');
  if (kind === 'surname') {
    if (/ского$|цкого$/u.test(word)) return word.replace(/ого$/u, 'ий');
    if (/ому$/u.test(word)) return word.replace(/ому$/u, 'ий');
    if (/(?:ов|ев|ин|ын)ым$/u.test(word)) return word.slice(0, -2);
  }
  if (kind === 'given' && FLEETING_VOWEL[word]) return FLEETING_VOWEL[word]!;
  if (kind === 'given') {
    // Men's names in -а («Никита», «Муса»): «Никиту» (acc), «Никиты» (gen); soft names: «Игоря» → «Игорь».
    if (c === 'acc' && CONSONANT_U.test(word)) return `${word.slice(0, -1)}а`;
    if (c === 'gen' && CONSONANT_Y.test(word)) return `${word.slice(0, -1)}а`;
    if ((c === 'gen' || c === 'acc') && SOFT_YA.test(word)) return `${word.slice(0, -1)}ь`;
    if (c === 'dat' && SOFT_YU.test(word)) return `${word.slice(0, -1)}ь`;
  }
  if (c === 'ins') return word.replace(CONSONANT_OM, '$1').replace(/ем$/u, 'й');
  if (c === 'dat') return word.replace(CONSONANT_U_CAPTURE, '$1').replace(/ю$/u, 'й');
  // genitive / accusative
  if (CONSONANT_A.test(word)) return word.slice(0, -1);
  if (/[аеиоуэ]я$/u.test(word)) return `${word.slice(0, -1)}й`;
  return word;
}

function femaleWord(word: string, c: GrammaticalCase, kind: 'surname' | 'given' | 'patronymic'): string {
  if (c === 'nom' || c === 'unknown') return word;
  if (kind === 'patronymic') return word.replace(/(вн|чн)(?:ы|е|у|ой)$/u, '$1а');
  if (kind === 'surname') {
    if (/(?:ов|ев|ин|ын)(?:ой|у)$/u.test(word)) return word.replace(/(?:ой|у)$/u, 'а');
    if (/(?:ск|цк)(?:ой|ую)$/u.test(word)) return word.replace(/(?:ой|ую)$/u, 'ая');
    return word;
  }
  // Given names: «Гульнары/Гульнаре/Гульнару» → «Гульнара», «Марии» → «Мария»; «Айгуль» stays.
  if (/ии$/u.test(word) && c !== 'acc') return `${word.slice(0, -1)}я`;
  if (/ию$/u.test(word)) return `${word.slice(0, -1)}я`;
  if (c === 'gen' && CONSONANT_YI.test(word)) return `${word.slice(0, -1)}а`;
  if (c === 'gen' && /[гкхжчшщ]и$/u.test(word)) return `${word.slice(0, -1)}а`;
  if (c === 'dat' && CONSONANT_E.test(word)) return `${word.slice(0, -1)}а`;
  if (c === 'acc' && CONSONANT_U.test(word)) return `${word.slice(0, -1)}а`;
  if (c === 'ins' && /ой$/u.test(word)) return `${word.slice(0, -2)}а`;
  return word;
}

const CASES: GrammaticalCase[] = ['nom', 'gen', 'dat', 'acc', 'ins', 'unknown'];
const GENDERS: (Gender | null)[] = [null, 'm', 'f'];
/** One memo per case and gender, keyed by the written name alone: no key string to build and hash per call. */
const nominativeCaches = CASES.flatMap(() => GENDERS.map(() => new Map<string, string>()));

/** The nominative of a declined name, given its case and gender; depersonalised names stay. Memoised. */
export function nominativeName(written: string, c: GrammaticalCase, gender: Gender | null): string {
  const memo = nominativeCaches[CASES.indexOf(c) * GENDERS.length + GENDERS.indexOf(gender)]!;
  return memo.get(written) ?? kept(memo, written, nominativeNameUncached(written, c, gender));
}

function nominativeNameUncached(written: string, c: GrammaticalCase, gender: Gender | null): string {
  const titled = titleCase(written);
  if (isDepersonalized(titled)) return titled;
  const parts = splitName(titled);
  const g = gender ?? genderOfName(titled) ?? genderFromEndings(titled, c) ?? 'm';
  const word = g === 'f' ? femaleWord : maleWord;
  const surname = parts.surname.length === 2 ? parts.surname.join(' ') : parts.surname.map((w) => word(w, c, 'surname')).join(' ');
  const out = [surname];
  if (parts.given) out.push(word(parts.given, c, 'given'));
  if (parts.patronymic) {
    const p = parts.patronymic.split(' ');
    out.push(p.length > 1 ? [word(p[0]!, c, 'given'), ...p.slice(1)].join(' ') : word(p[0]!, c, 'patronymic'));
  }
  if (parts.initials) out.push(parts.initials.replace(/\s/g, ''));
  return out.filter(Boolean).join(' ');
}

const nameKeyCache = new Map<string, string>();

/** Identity of a person across mentions: the surname's stem plus the first initial. Memoised. */
export function nameKey(written: string): string {
  return nameKeyCache.get(written) ?? kept(nameKeyCache, written, nameKeyUncached(written));
}

function nameKeyUncached(written: string): string {
  const titled = titleCase(written);
  if (isDepersonalized(titled)) return titled.toLowerCase().replace(/\s/g, '');
  const parts = splitName(titled);
  const surname = parts.surname.join(' ').toLowerCase();
  const stem = parts.surname.length === 2 ? surname : surname.replace(/(?<=[сц]к)им$/u, '').replace(/(?:ого|ому|ым|ой|ую|ая|ий|ом|ем|а|у|е|ы|ю|я)$/u, '');
  const initial = (parts.given ?? parts.initials ?? '').charAt(0).toLowerCase();
  return `${stem}|${initial}`;
}

const surnameFormsCache = new Map<string, string[]>();
const markerFormsCache = new Map<string, string[]>();

/**
 * What to look for in the text to find every mention of a person: the surname's stem as written
 * and in capitals («Мамытов», «МАМЫТОВ» for «Мамытова Д.П.»), or a marker («ФИО1») as written;
 * nothing for a stem under three letters. Memoised; callers must not mutate.
 */
export function mentionSearchForms(name: string, depersonalized: boolean): string[] {
  const memo = depersonalized ? markerFormsCache : surnameFormsCache;
  return memo.get(name) ?? kept(memo, name, searchFormsOf(depersonalized ? name : surnameStem(name)));
}

function surnameStem(name: string): string {
  const surname = titleCase(name).split(' ')[0]!;
  return surname.replace(/(?:ого|ому|ым|ой|ую|ая|ий|ом|ем|а|у|е|ы|ю|я)$/u, '');
}

function searchFormsOf(stem: string): string[] {
  if (stem.length < 3) return [];
  const upper = stem.toUpperCase();
  return stem === upper ? [stem] : [stem, upper];
}

/** How complete a written name is: full name beats surname + initials beats a marker. */
export function nameCompleteness(written: string): number {
  if (isDepersonalized(written)) return 0;
  const parts = splitName(written);
  return (parts.given ? 2 : 0) + (parts.patronymic ? 1 : 0) + (parts.initials ? 1 : 0) + parts.surname.length;
}

export function isFemaleParticle(word: string): boolean {
  return FEMALE_PARTICLES.has(word.toLowerCase());
}
