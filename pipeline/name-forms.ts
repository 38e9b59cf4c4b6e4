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

/**
 * What is known of one written name, each form computed when first asked for. Within a document a
 * name is written many times (in several cases, and looked up again at every mention); across
 * documents written names seldom repeat, so they are remembered for one document only
 * (`forgetWrittenNames`, at the start of each analysis). Remembered across documents, a benchmark
 * over a corpus repeated to 20 MB measured only lookups after its first round: 262,000 fewer
 * instructions per act than a document with names not seen before costs.
 */
class WrittenName {
  titled: string | undefined = undefined;
  parts: NameParts | undefined = undefined;
  gender: Gender | null | undefined = undefined;
  key: string | undefined = undefined;
  searchForms: string[] | undefined = undefined;
  markerForms: string[] | undefined = undefined;
  /** Nominative forms by case and gender (`nominativeSlot`). */
  nominatives: (string | undefined)[] | undefined = undefined;
}

/** More names than any act holds: a caller outside the analyses (matching, the dashboard) starts over past it. */
const NAMES_KEPT = 10_000;
let writtenNames = new Map<string, WrittenName>();

/** Forgets the names of the document analysed before (see WrittenName). */
export function forgetWrittenNames(): void {
  if (writtenNames.size > 0) writtenNames = new Map();
}

function writtenName(written: string): WrittenName {
  let known = writtenNames.get(written);
  if (known === undefined) {
    if (writtenNames.size >= NAMES_KEPT) writtenNames = new Map();
    known = new WrittenName();
    writtenNames.set(written, known);
  }
  return known;
}

/** «МАМЫТОВ Д.П.» → «Мамытов Д.П.»; mixed-case words are kept. Remembered for the document. */
export function titleCase(name: string): string {
  const known = writtenName(name);
  return (known.titled ??= titleCaseUncached(name));
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

/** Splits a written name into its parts (any case form). Remembered for the document; callers must not mutate. */
export function splitName(written: string): NameParts {
  const known = writtenName(written);
  return (known.parts ??= splitNameUncached(written));
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

/** Gender from the name itself: patronymics, particles. Surname endings are case-ambiguous. Remembered for the document. */
export function genderOfName(name: string): Gender | null {
  const known = writtenName(name);
  if (known.gender === undefined) known.gender = genderOfNameUncached(name);
  return known.gender;
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
/** The nominative of a declined name, given its case and gender; depersonalised names stay. Remembered for the document. */
export function nominativeName(written: string, c: GrammaticalCase, gender: Gender | null): string {
  const known = writtenName(written);
  const slot = CASES.indexOf(c) * GENDERS.length + GENDERS.indexOf(gender);
  const forms = (known.nominatives ??= []);
  return (forms[slot] ??= nominativeNameUncached(written, c, gender));
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

/** Identity of a person across mentions: the surname's stem plus the first initial. Remembered for the document. */
export function nameKey(written: string): string {
  const known = writtenName(written);
  return (known.key ??= nameKeyUncached(written));
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

/**
 * What to look for in the text to find every mention of a person: the surname's stem as written
 * and in capitals («Мамытов», «МАМЫТОВ» for «Мамытова Д.П.»), or a marker («ФИО1») as written;
 * nothing for a stem under three letters. Remembered for the document; callers must not mutate.
 */
export function mentionSearchForms(name: string, depersonalized: boolean): string[] {
  const known = writtenName(name);
  if (depersonalized) return (known.markerForms ??= searchFormsOf(name));
  return (known.searchForms ??= searchFormsOf(surnameStem(name)));
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
