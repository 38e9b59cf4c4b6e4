// Names as courts write them → a nominative form, a gender and an identity key. Acts decline
// names by their role in the sentence («в отношении Мамытова» genitive, «Признать Мамытову»
// accusative), so the caller says which case the anchor implies; endings do the rest.
// Kyrgyz names: «Бакыт уулу Азамат» (father's name + уулу + given name), «Асан кызы Айгуль».

import { isSpace, lowerCased, singleSpaced } from './cyrillic.ts';
import { endsAfter, endsAfterAdjectiveSuffix, endsAfterSurnameSuffix, letterSet, withoutCaseEnding } from './word-endings.ts';

export type GrammaticalCase = 'nom' | 'gen' | 'dat' | 'acc' | 'ins' | 'unknown';
export type Gender = 'm' | 'f';

export const PARTICLES = ['уулу', 'кызы', 'угли', 'оглы', 'кизи', 'улы', 'заде'];
const PARTICLE = new Set(PARTICLES);
const FEMALE_PARTICLES = new Set(['кызы', 'кизи']);
const INITIALS = /^[А-Я]\.(?:\s?[А-Я]\.)?(?:\s?[а-я]\.)?$/u;
const DEPERSONALIZED = /^(?:ФИО\d{0,2}|<данные изъяты>|[А-Я]\.\s?[А-Я]\.(?:\s?[А-Я]\.)?)$/u;

export function isDepersonalized(name: string): boolean {
  // Every marker starts with «Ф», «<» or a capital and a full stop: most names are told without the pattern.
  const at = firstNonSpace(name);
  const first = name.charCodeAt(at);
  if (first !== 0x424 && first !== 0x3c && name.charCodeAt(at + 1) !== 0x2e) return false;
  return DEPERSONALIZED.test(name.trim());
}

function firstNonSpace(s: string): number {
  let at = 0;
  while (at < s.length && isSpace(s, at)) at += 1;
  return at;
}

/** `s.split(' ')`: the same words, without the runtime call that splitting costs (some 2,400 instructions for a name). */
function spaceSeparated(s: string): string[] {
  const words: string[] = [];
  let from = 0;
  for (let at = s.indexOf(' '); at >= 0; at = s.indexOf(' ', from)) {
    words.push(s.slice(from, at));
    from = at + 1;
  }
  words.push(s.slice(from));
  return words;
}

/**
 * What is known of one written name, each form computed when first asked for. Within a document a
 * name is written many times (in several cases, and looked up again at every mention); across
 * documents written names seldom repeat, so they are remembered for one document only: each
 * analysis gives its document a map of its own (`useWrittenNames`). Remembered across documents, a
 * benchmark over a corpus repeated to 20 MB measured only lookups after its first round: 75,000
 * fewer instructions per act (5 December) than a document whose names are new costs.
 */
class WrittenName {
  constructor(readonly written: string) {}
  titled: string | undefined = undefined;
  /** The entry of the name in title case: this one when title case changes nothing. */
  titledName: WrittenName | undefined = undefined;
  parts: NameParts | undefined = undefined;
  gender: Gender | null | undefined = undefined;
  key: string | undefined = undefined;
  searchForms: string[] | undefined = undefined;
  markerForms: string[] | undefined = undefined;
  /** Nominative forms by case and gender (index: the case's place in CASES × 3 + the gender's in GENDERS). */
  nominatives: (string | undefined)[] | undefined = undefined;
  /** nameCompleteness: asked at every mention, of the new name and of the person's. */
  completeness: number | undefined = undefined;
}

/** More names than any act holds: a caller outside the analyses (matching, the dashboard) starts over past it. */
const NAMES_KEPT = 10_000;

/** The names written in one document, with what is known of each. */
export type WrittenNames = Map<string, WrittenName>;
let writtenNames: WrittenNames = new Map();

/** The names the next questions are answered from and added to: one document's, in a batch. */
export function useWrittenNames(names: WrittenNames): void {
  writtenNames = names;
}

function writtenName(written: string): WrittenName {
  let known = writtenNames.get(written);
  if (known === undefined) {
    if (writtenNames.size >= NAMES_KEPT) writtenNames = new Map();
    known = new WrittenName(written);
    writtenNames.set(written, known);
  }
  return known;
}

// The forms of a name are computed from one another through its entry, not looked up again by
// the name (a map lookup each, several per mention).
function titledOf(known: WrittenName): string {
  return (known.titled ??= titleCaseUncached(known.written));
}

function titledEntry(known: WrittenName): WrittenName {
  if (known.titledName === undefined) {
    const titled = titledOf(known);
    known.titledName = titled === known.written ? known : writtenName(titled);
  }
  return known.titledName;
}

function partsOf(known: WrittenName): NameParts {
  return (known.parts ??= splitNameUncached(known));
}

function genderOfEntry(known: WrittenName): Gender | null {
  if (known.gender === undefined) known.gender = genderOfNameUncached(known.written);
  return known.gender;
}

/** «МАМЫТОВ Д.П.» → «Мамытов Д.П.»; mixed-case words are kept. Remembered for the document. */
export function titleCase(name: string): string {
  return titledOf(writtenName(name));
}

const SPACES = /\s+/g;
const UPPER_PAIR = /\p{Lu}{2}/u;
const MARKER_WORD = /^ФИО\d*$/u;

/**
 * Two capitals in a row (Cyrillic or ASCII), or any other letter or character, where a name in
 * capitals may be: the ranges are read by the pattern's own code, where \p{Lu} is a call into
 * V8's C++ per character. Without the u flag (the same answer: a character outside the BMP is
 * «other» as a pair or as its first half), the negated class runs twice as fast.
 */
// eslint-disable-next-line no-control-regex -- every ASCII character is plain here
const CAPITAL_PAIR_OR_OTHER = /[А-ЯЁA-Z]{2}|[^\u0000-\u007fА-яё]/;

function titleCaseUncached(name: string): string {
  const spaced = singleSpaced(name.trim());
  // Most names have no word in capitals («Асанова Б.К.»): nothing to change but the spaces.
  if (!CAPITAL_PAIR_OR_OTHER.test(spaced)) return spaced;
  return spaceSeparated(spaced)
    .map((word) =>
      word.length > 2 && word === word.toUpperCase() && UPPER_PAIR.test(word) && !word.includes('.') && !MARKER_WORD.test(word)
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

const PARTICLE_LENGTHS = PARTICLES.map((p) => p.length);
const PARTICLE_FIRST_LETTERS = new Set(PARTICLES.map((p) => p.charCodeAt(0)));

/** Whether a word of a name, in any case, is a particle: its length and first letter tell most words apart before the set is asked. */
function isParticleWord(word: string): boolean {
  if (!PARTICLE_LENGTHS.includes(word.length)) return false;
  const first = word.charCodeAt(0);
  const lower = first >= 0x410 && first <= 0x42f ? first + 0x20 : first;
  return PARTICLE_FIRST_LETTERS.has(lower) && PARTICLE.has(lowerCased(word));
}

/** Splits a written name into its parts (any case form). Remembered for the document; callers must not mutate. */
export function splitName(written: string): NameParts {
  return partsOf(writtenName(written));
}

/** «Б. К.» → «Б.К.». */
const SPACED_INITIALS = /([А-Я]\.)\s(?=[А-Я]\.)/gu;

function splitNameUncached(known: WrittenName): NameParts {
  const titled = titledOf(known);
  const words = spaceSeparated(titled.includes('. ') ? titled.replace(SPACED_INITIALS, '$1') : titled);
  const initials = words.length > 1 && INITIALS.test(words[words.length - 1]!) ? words.pop()! : null;
  if (initials && words.length === 0) return { surname: [], given: null, patronymic: null, initials };
  let particleAt = -1;
  for (let i = 0; i < words.length && particleAt < 0; i += 1) if (isParticleWord(words[i]!)) particleAt = i;
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
  return genderOfEntry(writtenName(name));
}

const FEMALE_NAME = /(?<!\p{L})(?:кызы|кизи)(?!\p{L})|(?:овн|евн|ичн)(?:а|ы|е|у|ой)(?!\p{L})/iu;
const MALE_NAME = /(?<!\p{L})(?:уулу|угли|оглы|улы)(?!\p{L})|(?:ович|евич|ич)(?:а|у|ем)?(?!\p{L})/iu;

function genderOfNameUncached(name: string): Gender | null {
  if (FEMALE_NAME.test(name)) return 'f';
  if (MALE_NAME.test(name)) return 'm';
  return null;
}

const feminineInstrumental = (s: string) => endsAfterSurnameSuffix(s, 'ой') || endsAfterAdjectiveSuffix(s, 'ой');
const masculineGenitive = (s: string) => endsAfterSurnameSuffix(s, 'а') || s.endsWith('ского');
const feminineAccusative = (s: string) => endsAfterSurnameSuffix(s, 'у') || s.endsWith('скую');
const masculineNominative = (s: string) => endsAfterSurnameSuffix(s, '') || s.endsWith('ский');
const feminineNominative = (s: string) => endsAfterSurnameSuffix(s, 'а') || s.endsWith('ская');

/** Gender from endings that only one gender can have in the given case. */
export function genderFromEndings(name: string, grammaticalCase: GrammaticalCase): Gender | null {
  return genderFromEndingsOf(writtenName(name), grammaticalCase);
}

function genderFromEndingsOf(known: WrittenName, grammaticalCase: GrammaticalCase): Gender | null {
  const surname = partsOf(known).surname[0] ?? '';
  if (feminineInstrumental(surname)) return 'f';
  if (grammaticalCase === 'gen' && masculineGenitive(surname)) return 'm';
  if (grammaticalCase === 'acc' && feminineAccusative(surname)) return 'f';
  // The masculine accusative is the genitive («Асанова», «Жуковского»).
  if (grammaticalCase === 'acc' && masculineGenitive(surname)) return 'm';
  if ((grammaticalCase === 'nom' || grammaticalCase === 'unknown') && masculineNominative(surname)) return 'm';
  if (grammaticalCase === 'nom' && feminineNominative(surname)) return 'f';
  return null;
}

const CONSONANT = letterSet('бвгджзйклмнпрстфхцчшщ');
const CONSONANT_BUT_Y = letterSet('бвгджзклмнпрстфхцчшщ');
const HARD_BEFORE_Y = letterSet('бвдзлмнпрстфц');
const VELAR_OR_HUSHING = letterSet('гкхжчшщ');
const SOFT_STEM = letterSet('блмнрт');
const VOWEL = letterSet('аеиоуэ');
/** Names that lose a vowel when declined: «Павла» → «Павел», «Льва» → «Лев» (keyed by the stem). */
const FLEETING_VOWEL: Record<string, string> = { Павла: 'Павел', Павлу: 'Павел', Павлом: 'Павел', Льва: 'Лев', Льву: 'Лев', Львом: 'Лев' };

/** «Бекович|а», «Бекович|у», «Бекович|ем» → «Бекович». */
function malePatronymic(word: string): string {
  if (word.endsWith('ича') || word.endsWith('ичу')) return word.slice(0, -1);
  return word.endsWith('ичем') ? word.slice(0, -2) : word;
}

const FEMALE_PATRONYMIC_ENDINGS = ['ы', 'е', 'у', 'ой'];

/** «Бековн|ы», «Бековн|е», «Бековн|у», «Бековн|ой» → «Бековна» (also «…ичн…»). */
function femalePatronymic(word: string): string {
  for (const ending of FEMALE_PATRONYMIC_ENDINGS) {
    if (!word.endsWith(ending)) continue;
    const stem = word.slice(0, -ending.length);
    return stem.endsWith('вн') || stem.endsWith('чн') ? `${stem}а` : word;
  }
  return word;
}

function maleWord(word: string, c: GrammaticalCase, kind: 'surname' | 'given' | 'patronymic'): string {
  if (c === 'nom' || c === 'unknown') return word;
  if (kind === 'patronymic') return malePatronymic(word);
  if (kind === 'surname') {
    if (endsAfterAdjectiveSuffix(word, 'ого')) return `${word.slice(0, -3)}ий`;
    if (word.endsWith('ому')) return `${word.slice(0, -3)}ий`;
    if (endsAfterSurnameSuffix(word, 'ым')) return word.slice(0, -2);
  }
  if (kind === 'given' && FLEETING_VOWEL[word]) return FLEETING_VOWEL[word]!;
  if (kind === 'given') {
    // Men's names in -а («Никита», «Муса»): «Никиту» (acc), «Никиты» (gen); soft names: «Игоря» → «Игорь».
    if (c === 'acc' && endsAfter(word, CONSONANT_BUT_Y, 'у')) return `${word.slice(0, -1)}а`;
    if (c === 'gen' && (endsAfter(word, HARD_BEFORE_Y, 'ы') || endsAfter(word, VELAR_OR_HUSHING, 'и'))) return `${word.slice(0, -1)}а`;
    if ((c === 'gen' || c === 'acc') && endsAfter(word, SOFT_STEM, 'я')) return `${word.slice(0, -1)}ь`;
    if (c === 'dat' && endsAfter(word, SOFT_STEM, 'ю')) return `${word.slice(0, -1)}ь`;
  }
  if (c === 'ins') {
    const stem = endsAfter(word, CONSONANT, 'ом') ? word.slice(0, -2) : word;
    return stem.endsWith('ем') ? `${stem.slice(0, -2)}й` : stem;
  }
  if (c === 'dat') {
    const stem = endsAfter(word, CONSONANT, 'у') ? word.slice(0, -1) : word;
    return stem.endsWith('ю') ? `${stem.slice(0, -1)}й` : stem;
  }
  // genitive / accusative
  if (endsAfter(word, CONSONANT, 'а')) return word.slice(0, -1);
  if (endsAfter(word, VOWEL, 'я')) return `${word.slice(0, -1)}й`;
  return word;
}

function femaleWord(word: string, c: GrammaticalCase, kind: 'surname' | 'given' | 'patronymic'): string {
  if (c === 'nom' || c === 'unknown') return word;
  if (kind === 'patronymic') return femalePatronymic(word);
  if (kind === 'surname') {
    if (endsAfterSurnameSuffix(word, 'ой')) return `${word.slice(0, -2)}а`;
    if (endsAfterSurnameSuffix(word, 'у')) return `${word.slice(0, -1)}а`;
    if (endsAfterAdjectiveSuffix(word, 'ой') || endsAfterAdjectiveSuffix(word, 'ую')) return `${word.slice(0, -2)}ая`;
    return word;
  }
  // Given names: «Гульнары/Гульнаре/Гульнару» → «Гульнара», «Марии» → «Мария»; «Айгуль» stays.
  if (word.endsWith('ии') && c !== 'acc') return `${word.slice(0, -1)}я`;
  if (word.endsWith('ию')) return `${word.slice(0, -1)}я`;
  if (c === 'gen' && endsAfter(word, CONSONANT, 'ы')) return `${word.slice(0, -1)}а`;
  if (c === 'gen' && endsAfter(word, VELAR_OR_HUSHING, 'и')) return `${word.slice(0, -1)}а`;
  if (c === 'dat' && endsAfter(word, CONSONANT, 'е')) return `${word.slice(0, -1)}а`;
  if (c === 'acc' && endsAfter(word, CONSONANT_BUT_Y, 'у')) return `${word.slice(0, -1)}а`;
  if (c === 'ins' && word.endsWith('ой')) return `${word.slice(0, -2)}а`;
  return word;
}

const CASES: GrammaticalCase[] = ['nom', 'gen', 'dat', 'acc', 'ins', 'unknown'];
const GENDERS: (Gender | null)[] = [null, 'm', 'f'];
/** The nominative of a declined name, given its case and gender; depersonalised names stay. Remembered for the document. */
export function nominativeName(written: string, c: GrammaticalCase, gender: Gender | null): string {
  const known = writtenName(written);
  const slot = CASES.indexOf(c) * GENDERS.length + GENDERS.indexOf(gender);
  const forms = (known.nominatives ??= []);
  return (forms[slot] ??= nominativeNameUncached(known, c, gender));
}

/** The first part of a double surname declined with the second («Усенова-Джумабаева»): a Russian surname's ending. */
const DECLINED_SURNAME_PART = /(?:ов|ев|ин|ын|ск|цк)\p{Ll}{1,3}$/u;

/** A surname in the nominative; each part of a double one («Усенова-Джумабаева» → «Усенов-Джумабаев») that declines. */
function declinedSurname(surname: string, c: GrammaticalCase, word: typeof maleWord): string {
  if (!surname.includes('-')) return word(surname, c, 'surname');
  const parts = surname.split('-');
  const last = parts.length - 1;
  return parts.map((part, i) => (i === last || DECLINED_SURNAME_PART.test(part) ? word(part, c, 'surname') : part)).join('-');
}

function nominativeNameUncached(known: WrittenName, c: GrammaticalCase, gender: Gender | null): string {
  const titled = titledOf(known);
  if (isDepersonalized(titled)) return titled;
  const entry = titledEntry(known);
  const parts = partsOf(entry);
  const g = gender ?? genderOfEntry(entry) ?? genderFromEndingsOf(entry, c) ?? 'm';
  const word = g === 'f' ? femaleWord : maleWord;
  const surname = parts.surname.length === 2 ? parts.surname.join(' ') : declinedSurname(parts.surname[0] ?? '', c, word);
  const out = [surname];
  if (parts.given) out.push(word(parts.given, c, 'given'));
  if (parts.patronymic) {
    const p = spaceSeparated(parts.patronymic);
    out.push(p.length > 1 ? [word(p[0]!, c, 'given'), ...p.slice(1)].join(' ') : word(p[0]!, c, 'patronymic'));
  }
  if (parts.initials) out.push(parts.initials.replace(SPACES, ''));
  return out.filter(Boolean).join(' ');
}

/** Identity of a person across mentions: the surname's stem plus the first initial. Remembered for the document. */
export function nameKey(written: string): string {
  const known = writtenName(written);
  return (known.key ??= nameKeyUncached(known));
}

/** A surname (or a part of a double one, «усенова-джумабаева» → «усенов-джумабаев») without its case ending. */
function surnameWordStem(word: string): string {
  // «Жуковским» → «Жуковск»: the instrumental of a surname in -ский.
  return withoutCaseEnding(endsAfterAdjectiveSuffix(word, 'им') ? word.slice(0, -2) : word);
}

function nameKeyUncached(known: WrittenName): string {
  const titled = titledOf(known);
  if (isDepersonalized(titled)) return markerKey(titled);
  const parts = partsOf(titledEntry(known));
  const surname = parts.surname.length === 1 ? lowerCased(parts.surname[0]!) : parts.surname.join(' ').toLowerCase();
  const stem = parts.surname.length === 2 ? surname : surname.includes('-') ? surname.split('-').map(surnameWordStem).join('-') : surnameWordStem(surname);
  const initial = lowerCased((parts.given ?? parts.initials ?? '').charAt(0));
  return `${stem}|${initial}`;
}

/** A marker's key: lower case, no spaces; «ФИО12» → «фио12» without the call into ICU (its digits stay). */
function markerKey(marker: string): string {
  if (marker.startsWith('ФИО')) return `фио${marker.slice(3)}`;
  return marker.toLowerCase().replace(SPACES, '');
}

/**
 * What to look for in the text to find every mention of a person: the surname's stem as written
 * and in capitals («Мамытов», «МАМЫТОВ» for «Мамытова Д.П.»), or a marker («ФИО1») as written;
 * nothing for a stem under three letters. Remembered for the document; callers must not mutate.
 */
export function mentionSearchForms(name: string, depersonalized: boolean): string[] {
  const known = writtenName(name);
  if (depersonalized) return (known.markerForms ??= searchFormsOf(name));
  return (known.searchForms ??= searchFormsOf(surnameStem(known)));
}

function surnameStem(known: WrittenName): string {
  const titled = titledOf(known);
  const space = titled.indexOf(' ');
  const surname = space < 0 ? titled : titled.slice(0, space);
  // A double surname is searched for by its first part, which every case form begins with
  // («Усенова-Джумабаева», «Усенов-Джумабаев»).
  const hyphen = surname.indexOf('-');
  return withoutCaseEnding(hyphen > 0 ? surname.slice(0, hyphen) : surname);
}

function searchFormsOf(stem: string): string[] {
  if (stem.length < 3) return [];
  const upper = stem.toUpperCase();
  return stem === upper ? [stem] : [stem, upper];
}

/** How complete a written name is: full name beats surname + initials beats a marker. */
export function nameCompleteness(written: string): number {
  const known = writtenName(written);
  return (known.completeness ??= completenessOf(known));
}

function completenessOf(known: WrittenName): number {
  if (isDepersonalized(known.written)) return 0;
  const parts = partsOf(known);
  return (parts.given ? 2 : 0) + (parts.patronymic ? 1 : 0) + (parts.initials ? 1 : 0) + parts.surname.length;
}

export function isFemaleParticle(word: string): boolean {
  return FEMALE_PARTICLES.has(word.toLowerCase());
}
