// People in the act text (a card's parties table: card-persons.ts). A person is found by an
// anchor (person-anchors.ts) that also says their role and the grammatical case of the name:
// «в отношении Мамытова» (the person charged, genitive), «Признать Мамытову … виновной»
// (accusative), «свидетель Асанов», «гражданина Кыргызской Республики Асанова» (someone else: a
// worker, a registered person).
import { andCapitalised, anyNeedleWithin, firstWordStart, letterBefore, matchesAtNeedles, needles, occurrencesOf, singleSpaced } from './cyrillic.ts';
import { genderFromEndings, genderOfName, isDepersonalized, mentionSearchForms, nameCompleteness, nameKey, nominativeName, type GrammaticalCase } from './name-forms.ts';
import { resolutiveStart } from './outcome.ts';
import { MONTH_NAMES, wordedDate } from './decision-date.ts';
import { ANCHORS, CITIZEN_SHORT_ENDINGS, NAME, STATE_NAMED, anchorMatches } from './person-anchors.ts';
import type { PersonMention, PersonRoleName } from './types.ts';

/** «гражданина Кыргызской Республики Асанова Б.» anywhere: a person, role decided later. */
export const CITIZEN_NAMED = new RegExp(String.raw`(?:[Гг]раждан(ин|ина|ину|ином|ка|ки|ке|кой|ку)|[Гг]р-(${CITIZEN_SHORT_ENDINGS})(?!\p{L})\.?)\s+${STATE_NAMED}\s+(${NAME})`, 'uy');
/** «гражданин …», «гр-н …» and, at a sentence's start, «Гражданин …», «Гр-н …»: where CITIZEN_NAMED is tried. */
const CITIZEN_NEEDLES = needles(...andCapitalised('граждан', 'гр-'));
const ORGANISATION = /(?<!\p{L})(?:юридического\s+лица\s*(?:-\s*)?)?((?:ООО|ОАО|ЗАО|АО|ПАО|ИП|ФКУ|ГУП|МУП|ФГУП)\s+"[^"\n]{1,60}")/u;
const ORGANISATION_CHARGED = /в\s+отношении\s+юридического\s+лица|юридическое\s+лицо\s+-?\s*(?:ООО|ОАО|ЗАО|АО|ПАО)/u;
/** The case of «граждан…» by its ending, and of «гр-…» by the ending it keeps. */
const CASE_BY_ENDING: Record<string, GrammaticalCase> = { ин: 'nom', н: 'nom', ка: 'nom', ина: 'gen', на: 'gen', ки: 'gen', ину: 'dat', ну: 'dat', ке: 'dat', ином: 'ins', ном: 'ins', кой: 'ins', ку: 'acc' };
const NOT_A_NAME = /^(?:Российской|Федерации|Республики|Кыргызской|Суд|Судья|Постановление|Кодекса|Признать|УМВД|ОВМ|МВД|ГУ|ОМВД|УФМС|ФМС|Управлени\p{L}*|Отдел\p{L}*|Центр\p{L}*)(?:\s|$)/u;

/** A person as found in the text, with every place their name occurs. */
export interface PersonInText {
  mention: PersonMention;
  key: string;
  spans: { start: number; end: number }[];
  /** Where the anchor clause starts: citizenship and birth details follow it. */
  anchorAt: number;
  organisation: boolean;
}

const isAccusedRole = (role: PersonRoleName) => role === 'defendant' || role === 'person_charged';

// Word starts are checked in code (firstWordStart): a leading lookbehind slows these scans down.
// One scan for both genders' words (group 1 feminine, group 2 masculine): no word is in both lists,
// so the first whole word found is the first of either kind.
// The participles in the nominative too («ФИО1, родившаяся …, проживающая …»), and «родился», «родилась».
const GENDER_WORDS = /(?:(гражданк\p{L}*|уроженк\p{L}*|виновной|родивш(?:ейся|аяся)|родилась|проживающ(?:ей|ая)|зарегистрированн(?:ой|ая)|ее|ей|она|подсудим(?:ая|ой)|обвиняем(?:ой|ая))|(гражданин\p{L}*|уроженец|уроженц\p{L}*|виновным|родивш(?:егося|ийся)|родился|проживающ(?:его|ий)|зарегистрированн(?:ого|ый)|его|ему|он|подсудим(?:ый|ого)|обвиняем(?:ого|ый)))(?!\p{L})/gu;

function contextGender(window: string): 'm' | 'f' | null {
  const word = firstWordStart(window, GENDER_WORDS);
  if (!word) return null;
  return word[1] !== undefined ? 'f' : 'm';
}

const BIRTH_DATE = new RegExp(
  String.raw`(?<!\d)(\d{2})\.(\d{2})\.(\d{4})\s*(?:года\s+рождения|г\.\s*р\.|г\.р\.|года\s+р\.|г\.\s*рождения)|(?:[Рр]од(?:ивш\p{L}*|ил(?:ся|ась))|[Дд]ата\s+рождения:?|д\.р\.:?)\s*(\d{2})\.(\d{2})\.(\d{4})` +
    // «12 марта 1990 года рождения»: the month in words.
    String.raw`|(?<!\d)(\d{1,2})\s+(${MONTH_NAMES.join('|')})\s+(\d{4})\s*(?:года\s+рождения|г\.\s*р\.|г\.р\.)`,
  'u',
);
const BIRTH_PLACE = /(?:[Уу]рожен(?:ец|[цк]\p{L}*)|[Мм]есто\s+рождения:?|[Рр]од(?:ивш\p{L}*|ил(?:ся|ась))\s+(?:\d{2}\.\d{2}\.\d{4}\s+)?в)\s+([^,;\n]{2,90}?)(?=,|;|\n|\s+гражданин)/u;

function birthDateIn(window: string): string | null {
  const date = BIRTH_DATE.exec(window);
  if (!date) return null;
  if (date[9] !== undefined) return wordedDate(date[7]!, date[8]!, date[9]);
  return `${date[3] ?? date[6]}-${date[2] ?? date[5]}-${date[1] ?? date[4]}`;
}

/** Every birthplace phrase starts with one of these (capitalised after a full stop): the pattern runs only where one is. */
const BIRTH_PLACE_WORDS = needles(...andCapitalised('урожен', 'место', 'родивш', 'родил'));

function birthPlaceIn(window: string): string | null {
  const place = BIRTH_PLACE.exec(window);
  return place ? place[1]!.trim() : null;
}

const BIRTH_DETAILS_WINDOW = 320;
/**
 * Every birth date BIRTH_DATE reads holds one of these: «рождения», «г.р.», «г. р.», «года р.»,
 * «д.р.» («р.»), «родившегося», «Родился»; a window without any is not read.
 */
const BIRTH_DATE_WORDS = needles(...andCapitalised('родивш', 'родил'), 'рожд', 'р.');

/**
 * Birth date and place written after a person charged's name. Those that `known` (the person this
 * mention merges into) already has are kept by the merge, so they are not looked for again.
 */
function birthDetails(text: string, at: number, known: PersonInText | undefined): { birthDate: string | null; birthPlace: string | null } {
  const window = text.slice(at, at + BIRTH_DETAILS_WINDOW);
  const placeWanted = (known?.mention.birthPlace ?? null) === null && anyNeedleWithin(text, BIRTH_PLACE_WORDS, at, at + BIRTH_DETAILS_WINDOW);
  const dateWanted = (known?.mention.birthDate ?? null) === null && anyNeedleWithin(text, BIRTH_DATE_WORDS, at, at + BIRTH_DETAILS_WINDOW);
  return {
    birthDate: dateWanted ? birthDateIn(window) : null,
    birthPlace: placeWanted ? birthPlaceIn(window) : null,
  };
}

/** The gender of a written name: its own words, else its endings in case `c`, else the words around it. */
function genderOf(text: string, written: string, at: number, c: GrammaticalCase, depersonalized: boolean): 'm' | 'f' | null {
  const own = depersonalized ? null : genderOfName(written) ?? genderFromEndings(written, c);
  // «гражданки КР Сыдыковой …» names the gender just before the name; further back is another sentence.
  return own ?? contextGender(text.slice(Math.max(0, at - 25), at + written.length + 260));
}

/**
 * A person for the name `written` at `at`. When it merges into `known` (a person already found
 * with the same key), addPerson takes its nominative only from a fuller name and its gender only
 * where `known` has none: those are not worked out otherwise (null), most mentions being merges.
 */
function makePerson(text: string, written: string, at: number, role: PersonRoleName, c: GrammaticalCase, key: string, known: PersonInText | undefined): PersonInText {
  const depersonalized = isDepersonalized(written);
  const fuller = known === undefined || nameCompleteness(written) > nameCompleteness(known.mention.name);
  const gender = fuller || known.mention.gender === null ? genderOf(text, written, at, c, depersonalized) : null;
  const details = role === 'witness' || role === 'other' ? { birthDate: null, birthPlace: null } : birthDetails(text, at + written.length, known);
  return {
    mention: {
      name: written,
      normalized: depersonalized || !fuller ? null : nominativeName(written, c, gender),
      role,
      citizenship: null,
      gender,
      birthDate: details.birthDate,
      birthPlace: details.birthPlace,
      depersonalized,
    },
    key,
    spans: [{ start: at, end: at + written.length }],
    anchorAt: at,
    organisation: false,
  };
}

const SOLE_TRADER = /^ИП\s+/u;
const ONE_WORD_IN_CAPITALS = /^(?:[А-Я]{2,})$/u;
const CITIZENSHIP_WORD = /граждан|подданн/u;
const isDigit = (code: number) => code >= 0x30 && code <= 0x39;
const SENTENCE_WORD_AT_END = /\s+(?:Российской|Федерации|Республики|Суд|УСТАНОВИЛ|ПОСТАНОВИЛ|Дело|Судья)$/u;
/** The last letters of SENTENCE_WORD_AT_END's words: a name ending otherwise is not tried (most are not). */
const SENTENCE_WORD_LAST_LETTERS = new Set([...'йидЛоя'].map((c) => c.charCodeAt(0)));
/** The first two letters of NOT_A_NAME's words, as one number each: a name starting otherwise is not tried. */
const NOT_A_NAME_STARTS = new Set(['Ро', 'Фе', 'Ре', 'Кы', 'Су', 'По', 'Ко', 'Пр', 'УМ', 'ОВ', 'МВ', 'ГУ', 'ОМ', 'УФ', 'ФМ', 'Уп', 'От', 'Це'].map((s) => firstTwo(s, 0)));

function firstTwo(s: string, at: number): number {
  return (s.charCodeAt(at) << 16) | s.charCodeAt(at + 1);
}

const endsWithSentenceWord = (name: string) => SENTENCE_WORD_LAST_LETTERS.has(name.charCodeAt(name.length - 1)) && SENTENCE_WORD_AT_END.exec(name);
const isCapitalCyrillic = (code: number) => code >= 0x410 && code <= 0x42f;
/** NOT_A_NAME and ONE_WORD_IN_CAPITALS, each tried only where its first letters allow a match. */
const isNotAName = (name: string) =>
  (NOT_A_NAME_STARTS.has(firstTwo(name, 0)) && NOT_A_NAME.test(name)) || (isCapitalCyrillic(name.charCodeAt(1)) && ONE_WORD_IN_CAPITALS.test(name));

/** Cleans a matched name: trailing words that belong to the sentence, not the name; single spaces between words. */
function trimName(raw: string): string | null {
  let name = raw.trim();
  if (name.startsWith('ИП')) name = name.replace(SOLE_TRADER, '');
  for (let end = endsWithSentenceWord(name); end; end = endsWithSentenceWord(name)) name = name.slice(0, end.index);
  name = singleSpaced(name);
  return isNotAName(name) ? null : name;
}

// Span starts per person, so a name repeated thousands of times stays linear.
const spanStarts = new WeakMap<PersonInText, Set<number>>();
/**
 * Up to this many spans a scan of them is cheaper than the set (most persons have a handful), and
 * they are kept in order of start, so that collectSpans need not sort them.
 */
const SPANS_SCANNED = 16;

function addSpan(person: PersonInText, start: number, end: number): void {
  const { spans } = person;
  if (spans.length < SPANS_SCANNED) {
    let at = spans.length;
    while (at > 0 && spans[at - 1]!.start > start) at -= 1;
    if (at > 0 && spans[at - 1]!.start === start) return;
    if (at === spans.length) spans.push({ start, end });
    else spans.splice(at, 0, { start, end });
    return;
  }
  let starts = spanStarts.get(person);
  if (!starts) {
    starts = new Set(person.spans.map((s) => s.start));
    spanStarts.set(person, starts);
  }
  if (starts.has(start)) return;
  starts.add(start);
  person.spans.push({ start, end });
}

/** The person already found that a new person with `key` merges into, if any. */
function personWithKey(found: PersonInText[], key: string): PersonInText | undefined {
  return found.find((p) => p.key === key || (key.endsWith('|') && p.key.startsWith(key)));
}

/** Adds a person, or merges the mention into `same`, a person already found with the same key. */
function addPerson(found: PersonInText[], person: PersonInText, same: PersonInText | undefined): void {
  if (!same) {
    found.push(person);
    return;
  }
  for (const span of person.spans) addSpan(same, span.start, span.end);
  // An accused role outranks others; a fuller written name gives a better normalized form.
  if (isAccusedRole(person.mention.role) && !isAccusedRole(same.mention.role)) {
    same.mention.role = person.mention.role;
    same.anchorAt = person.anchorAt;
  }
  if (nameCompleteness(person.mention.name) > nameCompleteness(same.mention.name)) {
    same.mention.name = person.mention.name;
    same.mention.normalized = person.mention.normalized;
    same.key = person.key;
  }
  same.mention.gender ??= person.mention.gender;
  same.mention.birthDate ??= person.mention.birthDate;
  same.mention.birthPlace ??= person.mention.birthPlace;
}

/** Every occurrence of a person's surname (or marker) in the text, for attributing cues. */
function collectSpans(text: string, person: PersonInText): void {
  const depersonalized = person.mention.depersonalized === true;
  const forms = mentionSearchForms(person.mention.name, depersonalized);
  if (forms.length === 0) return;
  for (const needle of forms) {
    for (const at of occurrencesOf(text, needle)) {
      if (letterBefore(text, at) || (depersonalized && isDigit(text.charCodeAt(at + needle.length)))) continue;
      addSpan(person, at, at + needle.length);
    }
  }
  if (!startsAscending(person.spans)) person.spans.sort((a, b) => a.start - b.start);
}

function startsAscending(spans: { start: number }[]): boolean {
  for (let i = 1; i < spans.length; i += 1) if (spans[i - 1]!.start > spans[i]!.start) return false;
  return true;
}

/** A written name in one role and case, and the person it was taken for. */
interface MentionKind {
  role: PersonRoleName;
  grammaticalCase: GrammaticalCase;
  person: PersonInText;
}

/**
 * A name found at `at`: a new person, or one more mention of a person already found. `seen` holds
 * the persons by written name, role and case, so a repeated mention only adds its span. A module
 * function, not a closure in personsFromText: tsx keeps function names by a call per closure made.
 */
function mention(text: string, found: PersonInText[], seen: Map<string, MentionKind[]>, written: string, at: number, role: PersonRoleName, c: GrammaticalCase): void {
  const kinds = seen.get(written);
  const known = kinds?.find((k) => k.role === role && k.grammaticalCase === c);
  if (known) {
    addSpan(known.person, at, at + written.length);
    return;
  }
  const key = nameKey(written);
  const same = personWithKey(found, key);
  const person = makePerson(text, written, at, role, c, key, same);
  // The person this written name stands for from now on: the one found with exactly this key
  // (`same`, when its key is this one, is the first such), else the new one.
  const exact = same?.key === key ? same : found.find((p) => p.key === key);
  const kind = { role, grammaticalCase: c, person: exact ?? person };
  if (kinds) kinds.push(kind);
  else seen.set(written, [kind]);
  addPerson(found, person, same);
}

export function personsFromText(text: string): PersonInText[] {
  const found: PersonInText[] = [];
  const head = text.slice(0, 3000);
  const organisation = head.includes('юридическ') && ORGANISATION_CHARGED.test(head) ? ORGANISATION.exec(text) : null;
  if (organisation) {
    found.push({
      mention: { name: organisation[1]!, normalized: organisation[1]!, role: 'person_charged', citizenship: null, gender: null, birthDate: null, birthPlace: null, depersonalized: false },
      key: `org|${organisation[1]!.toLowerCase()}`,
      spans: [{ start: organisation.index, end: organisation.index + organisation[0].length }],
      anchorAt: organisation.index,
      organisation: true,
    });
  }
  // The same written name in the same role is one mention kind: made once, then only its span is added.
  const seen = new Map<string, MentionKind[]>();
  for (const a of ANCHORS) {
    const { role, grammaticalCase, nameLast } = a;
    for (const m of anchorMatches(text, a)) {
      const written = m[1]!;
      const name = trimName(written);
      // Where the name ends the match, it starts its length before the end.
      if (name) mention(text, found, seen, name, nameLast ? m.index + m[0].length - written.length : m.index + m[0].indexOf(written), role, grammaticalCase);
    }
  }
  for (const m of matchesAtNeedles(text, CITIZEN_NEEDLES, CITIZEN_NAMED)) {
    const name = trimName(m[3]!);
    if (name) mention(text, found, seen, name, m.index + m[0].lastIndexOf(m[3]!), 'other', CASE_BY_ENDING[m[1] ?? m[2]!] ?? 'unknown');
  }
  for (const person of found) if (!person.organisation) collectSpans(text, person);
  return withoutStrayPlaceholder(text, found);
}

/**
 * «в отношении Азиз заде Камиль Вугар оглы … Признать ФИО8 виновным»: the depersonaliser replaced
 * the name in the resolutive part only, and one person charged shows under two names. When the
 * act names exactly one person charged before its resolutive part and the only placeholder
 * charged appears in the resolutive part alone, the placeholder is that person: its mentions join
 * theirs, so the penalty is theirs. A placeholder introduced earlier («в отношении ФИО1») is
 * someone the act depersonalised throughout: a different person, kept apart; so is a placeholder
 * of the other gender or with a citizenship of its own.
 */
function withoutStrayPlaceholder(text: string, found: PersonInText[]): PersonInText[] {
  const accused = found.filter((p) => !p.organisation && isAccusedRole(p.mention.role));
  const named = accused.filter((p) => !p.mention.depersonalized);
  const placeholders = accused.filter((p) => p.mention.depersonalized);
  if (named.length !== 1 || placeholders.length !== 1) return found;
  const resolutive = resolutiveStart(text);
  const person = named[0]!;
  const placeholder = placeholders[0]!;
  if (resolutive === 0 || placeholder.spans[0]!.start < resolutive || person.spans[0]!.start >= resolutive) return found;
  // «Признать гражданина … ФИО1 виновным … назначить ему» after a woman named charged: someone else.
  const { gender } = placeholder.mention;
  if (gender && person.mention.gender && gender !== person.mention.gender) return found;
  // «Признать гражданина КР ФИО1»: a placeholder with its own citizenship is kept as written, so
  // that statement stays with it (merged, it could contradict the named person's).
  const at = placeholder.spans[0]!.start;
  if (CITIZENSHIP_WORD.test(text.slice(Math.max(0, at - 60), at))) return found;
  for (const span of placeholder.spans) addSpan(person, span.start, span.end);
  person.spans.sort((a, b) => a.start - b.start);
  person.anchorAt = Math.min(person.anchorAt, placeholder.anchorAt);
  person.mention.gender ??= placeholder.mention.gender;
  person.mention.birthDate ??= placeholder.mention.birthDate;
  person.mention.birthPlace ??= placeholder.mention.birthPlace;
  return found.filter((p) => p !== placeholder);
}
