// People in a case: from the card's parties table when there is one (names as the court
// registered them), and from the act text. In the text a person is found by an anchor that
// also says their role and the grammatical case of the name: «в отношении Мамытова» (the person
// charged, genitive), «Признать Мамытову … виновной» (accusative), «свидетель Асанов», «гражданина
// Кыргызской Республики Асанова» (someone else: a worker, a registered person).
import type { CaseParty } from '../db/case-card.ts';
import { firstWordStart, letterBefore, matchesAtNeedle, matchesNearNeedle, nextWordMayStart, registerNeedles, type IndexedMatch } from './cyrillic.ts';
import { genderFromEndings, genderOfName, isDepersonalized, mentionSearchForms, nameCompleteness, nameKey, nominativeName, titleCase, type GrammaticalCase } from './name-forms.ts';
import { resolutiveStart } from './outcome.ts';
import type { PersonMention, PersonRoleName } from './types.ts';

const WORD = String.raw`[А-Я][а-я]+(?:-[А-Я]?[а-я]+)?`;
const UPPER = String.raw`[А-Я]{2,}(?:-[А-Я]{2,})?`;
const PARTICLE = String.raw`(?:уулу|кызы|угли|оглы|кизи|улы|заде|УУЛУ|КЫЗЫ)`;
const INITIALS = String.raw`[А-Я]\.\s?(?:[А-Я]\.)?(?:\s?[а-я]\.)?`;
/** A written name: a marker, initials + surname, or up to four name words with optional initials. */
export const NAME = String.raw`(?:ФИО\d{0,2}(?!\d)|<данные изъяты>|${INITIALS}\s?${WORD}|[А-Я]\.[А-Я]\.(?:[А-Я]\.)?|(?:${WORD}|${UPPER})(?:\s(?:${WORD}|${UPPER}|${PARTICLE})){0,4}(?:\s${INITIALS})?)(?!\p{L})`;
/** «гражданина Кыргызской Республики» and the like before a name: skipped, not part of it. */
const STATE_WORDS = String.raw`(?:(?:иностранн\p{L}*\s+)?граждан\p{L}*\s+(?:(?:Кыргызской|Киргизской|Российской|Азербайджанской)\s+(?:Республики|Федерации)|Республики\s+\p{Lu}\p{Ll}+|\p{Lu}\p{Ll}+стана|Киргизии|Украины|КР|РФ|<данные изъяты>)\s+|лица\s+без\s+гражданства\s+|гр\.\s*(?:<данные изъяты>\s+)?)?`;

interface Anchor {
  /** A word every match contains: the pattern is tried only where it occurs. */
  needle: string;
  /** Sticky pattern tried at each needle (`lead` characters before it), or a global one over windows around it. */
  pattern: RegExp;
  lead: number;
  /** What must come right before the match («о» before «помещении»), when the pattern starts later. */
  before?: RegExp;
  /** The line-start anchor: the name comes before the needle, so the pattern runs over a window around it. */
  window?: boolean;
  /** What the next word after the needle's word starts with in every match: a quick test before the pattern. */
  nextWord?: string[];
  role: PersonRoleName;
  grammaticalCase: GrammaticalCase;
}

interface AnchorOptions {
  lead?: number;
  before?: RegExp;
  after?: string;
  window?: boolean;
  nextWord?: string[];
}

const anchor = (needle: string, before: string, role: PersonRoleName, grammaticalCase: GrammaticalCase, options: AnchorOptions = {}): Anchor => ({
  needle,
  pattern: new RegExp(String.raw`${before}${STATE_WORDS}(${NAME})${options.after ?? ''}`, options.window ? 'gu' : 'uy'),
  lead: options.lead ?? 0,
  ...(options.before ? { before: options.before } : {}),
  ...(options.window ? { window: true } : {}),
  ...(options.nextWord ? { nextWord: options.nextWord } : {}),
  role,
  grammaticalCase,
});

export const ANCHORS: Anchor[] = [
  anchor('отношении', String.raw`отношении:?\s+(?:(?:должностного\s+лица|индивидуального\s+предпринимателя)\s*(?:-\s*)?)?`, 'person_charged', 'gen'),
  anchor('ризнать', String.raw`[Пп]ризнать\s+`, 'person_charged', 'acc', { lead: 1, after: String.raw`,?\s+(?:[^\n]{0,80}?\s)?виновн` }),
  // «Признать Абдыкадырова У.М. и Сейитбекову А.Н. виновными»: the second of two persons found guilty together.
  anchor('ризнать', String.raw`[Пп]ризнать\s+${STATE_WORDS}${NAME}\s+и\s+`, 'person_charged', 'acc', { lead: 1, after: String.raw`,?\s+(?:[^\n]{0,80}?\s)?виновн` }),
  anchor('признать', String.raw`(?:\n|:\s*)`, 'person_charged', 'acc', { after: String.raw`\s+признать\s+виновн`, window: true }),
  anchor('подсудим', String.raw`подсудим\p{L}*\s+`, 'defendant', 'unknown'),
  anchor('лица,', String.raw`(?:лица,\s+(?:привлекаемого\s+к\s+административной\s+ответственности|в\s+отношении\s+которого\s+ведется\s+производство[^,.\n]{0,80}),?\s*-?\s*)`, 'person_charged', 'gen'),
  // «административн…» is in every КоАП act: only «… иск(овое)», «… истца», «… ответчик» are worth the pattern.
  // Found by «дминистративн» (lead 1): a literal search checks every «а», far more common than «д».
  anchor('дминистративн', String.raw`(?:административн\p{L}*\s+(?:исков\p{L}*\s+заявлени\p{L}*|иск[ау]?(?!\p{L}))|административного\s+истца|административн\p{L}*\s+ответчик\p{L}*)\s+`, 'person_charged', 'gen', {
    lead: 1,
    nextWord: ['ис', 'ответчик'],
  }),
  anchor('помещении', String.raw`помещении\s+`, 'person_charged', 'gen', { before: /(?<!\p{L})о\s+$/u }),
  anchor('детел', String.raw`свидетел\p{L}*\s+(?:-\s*)?`, 'witness', 'unknown', { lead: 3 }),
  anchor('отерпевш', String.raw`[Пп]отерпевш\p{L}*\s+(?:-\s*)?`, 'victim', 'unknown', { lead: 1 }),
  anchor('переводчик', String.raw`переводчик\p{L}*\s+(?:с\s+\p{L}+\s+(?:языка|язык)\s+(?:на\s+\p{L}+\s+)?)?`, 'other', 'unknown'),
];

// «(а)дминистративн…» is left out of the shared index: it would add one more first letter for the
// one scan to check at every character, and a literal search (indexOf) finds its positions for less.
const UNINDEXED_NEEDLES = new Set(['дминистративн', 'детел']);
registerNeedles(...ANCHORS.map((a) => a.needle).filter((needle) => !UNINDEXED_NEEDLES.has(needle)), 'граждан');

/** Where an anchor names someone: tried only at its needle. */
function anchorMatches(text: string, a: Anchor): IndexedMatch[] {
  // The name (up to five words and a state phrase) comes before «признать»: a window of 300 covers it.
  if (a.window) return matchesNearNeedle(text, a.needle, a.pattern, 300, 40);
  const nextWord = a.nextWord;
  const all = matchesAtNeedle(text, a.needle, a.pattern, a.lead, true, nextWord ? (t, at) => nextWordMayStart(t, at, nextWord) : undefined);
  if (!a.before) return all;
  const before = a.before;
  return all.filter((m) => {
    const at = m.index;
    const head = before.exec(text.slice(Math.max(0, at - 12), at));
    return head !== null && !letterBefore(text, at - head[0].length);
  });
}

/** «гражданина Кыргызской Республики Асанова Б.» anywhere: a person, role decided later. */
export const CITIZEN_NAMED = new RegExp(String.raw`граждан(ин|ина|ину|ином|ка|ки|ке|кой|ку)\s+(?:(?:Кыргызской|Киргизской|Российской)\s+(?:Республики|Федерации)|Республики\s+\p{Lu}\p{Ll}+|\p{Lu}\p{Ll}+стана|Киргизии|КР|РФ)\s+(${NAME})`, 'uy');
const ORGANISATION = /(?<!\p{L})(?:юридического\s+лица\s*(?:-\s*)?)?((?:ООО|ОАО|ЗАО|АО|ПАО|ИП|ФКУ|ГУП|МУП|ФГУП)\s+"[^"\n]{1,60}")/u;
const ORGANISATION_CHARGED = /в\s+отношении\s+юридического\s+лица|юридическое\s+лицо\s+-?\s*(?:ООО|ОАО|ЗАО|АО|ПАО)/u;
const CASE_BY_ENDING: Record<string, GrammaticalCase> = { ин: 'nom', ка: 'nom', ина: 'gen', ки: 'gen', ину: 'dat', ке: 'dat', ином: 'ins', кой: 'ins', ку: 'acc' };
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
const GENDER_WORDS = /(?:(гражданк\p{L}*|уроженк\p{L}*|виновной|родившейся|проживающей|зарегистрированной|ее|ей|она|подсудимая|подсудимой|обвиняемой)|(гражданин\p{L}*|уроженц\p{L}*|виновным|родившегося|проживающего|зарегистрированного|его|ему|он|подсудимый|подсудимого|обвиняемого))(?!\p{L})/gu;

function contextGender(window: string): 'm' | 'f' | null {
  const word = firstWordStart(window, GENDER_WORDS);
  if (!word) return null;
  return word[1] !== undefined ? 'f' : 'm';
}

const BIRTH_DATE = /(?<!\d)(\d{2})\.(\d{2})\.(\d{4})\s*(?:года\s+рождения|г\.\s*р\.|г\.р\.|года\s+р\.|г\.\s*рождения)|(?:родивш\p{L}*|дата\s+рождения:?|д\.р\.:?)\s*(\d{2})\.(\d{2})\.(\d{4})/u;
const BIRTH_PLACE = /(?:уроженц\p{L}*|уроженк\p{L}*|место\s+рождения:?|родивш\p{L}*\s+в)\s+([^,;\n]{2,90}?)(?=,|;|\n|\s+гражданин)/u;

function birthDateIn(window: string): string | null {
  const date = BIRTH_DATE.exec(window);
  return date ? `${date[3] ?? date[6]}-${date[2] ?? date[5]}-${date[1] ?? date[4]}` : null;
}

function birthPlaceIn(window: string): string | null {
  // Every birthplace phrase has one of these words: the pattern is not run over windows without them.
  const place = window.includes('урожен') || window.includes('место') || window.includes('родивш') ? BIRTH_PLACE.exec(window) : null;
  return place ? place[1]!.trim() : null;
}

/**
 * Birth date and place written after a person charged's name. Those that `known` (the person this
 * mention merges into) already has are kept by the merge, so they are not looked for again.
 */
function birthDetails(text: string, at: number, known: PersonInText | undefined): { birthDate: string | null; birthPlace: string | null } {
  const window = text.slice(at, at + 320);
  return {
    birthDate: (known?.mention.birthDate ?? null) === null ? birthDateIn(window) : null,
    birthPlace: (known?.mention.birthPlace ?? null) === null ? birthPlaceIn(window) : null,
  };
}

function makePerson(text: string, written: string, at: number, role: PersonRoleName, c: GrammaticalCase, key: string, known: PersonInText | undefined): PersonInText {
  // «гражданки КР Сыдыковой …» names the gender just before the name; further back is another sentence.
  const window = text.slice(Math.max(0, at - 25), at + written.length + 260);
  const depersonalized = isDepersonalized(written);
  const gender = depersonalized
    ? contextGender(window)
    : genderOfName(written) ?? genderFromEndings(written, c) ?? contextGender(window);
  const details = role === 'witness' || role === 'other' ? { birthDate: null, birthPlace: null } : birthDetails(text, at + written.length, known);
  return {
    mention: {
      name: written,
      normalized: depersonalized ? null : nominativeName(written, c, gender),
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

const OTHER_THAN_ONE_SPACE = /[^\S ]|\s\s/u;
const SENTENCE_WORD_AT_END = /\s+(?:Российской|Федерации|Республики|Суд|УСТАНОВИЛ|ПОСТАНОВИЛ|Дело|Судья)$/u;

/** Cleans a matched name: trailing words that belong to the sentence, not the name; single spaces between words. */
function trimName(raw: string): string | null {
  let name = raw.trim();
  if (name.startsWith('ИП')) name = name.replace(/^ИП\s+/u, '');
  for (let end = SENTENCE_WORD_AT_END.exec(name); end; end = SENTENCE_WORD_AT_END.exec(name)) name = name.slice(0, end.index);
  if (OTHER_THAN_ONE_SPACE.test(name)) name = name.replace(/\s+/gu, ' ');
  if (NOT_A_NAME.test(name) || /^(?:[А-Я]{2,})$/u.test(name)) return null;
  return name;
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
    for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) {
      if (letterBefore(text, at) || (depersonalized && /\d/.test(text.charAt(at + needle.length)))) continue;
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
  const kind = { role, grammaticalCase: c, person: found.find((p) => p.key === key) ?? person };
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
    const { role, grammaticalCase } = a;
    for (const m of anchorMatches(text, a)) {
      const name = trimName(m[1]!);
      if (name) mention(text, found, seen, name, m.index + m[0].indexOf(m[1]!), role, grammaticalCase);
    }
  }
  for (const m of matchesAtNeedle(text, 'граждан', CITIZEN_NAMED)) {
    const name = trimName(m[2]!);
    if (name) mention(text, found, seen, name, m.index + m[0].lastIndexOf(m[2]!), 'other', CASE_BY_ENDING[m[1]!] ?? 'unknown');
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
  if (/граждан|подданн/u.test(text.slice(Math.max(0, at - 60), at))) return found;
  for (const span of placeholder.spans) addSpan(person, span.start, span.end);
  person.spans.sort((a, b) => a.start - b.start);
  person.anchorAt = Math.min(person.anchorAt, placeholder.anchorAt);
  person.mention.gender ??= placeholder.mention.gender;
  person.mention.birthDate ??= placeholder.mention.birthDate;
  person.mention.birthPlace ??= placeholder.mention.birthPlace;
  return found.filter((p) => p !== placeholder);
}

// Roles in card parties tables (sudrf, both layouts; mos-gorsud).
const ROLE_BY_CARD: [RegExp, PersonRoleName][] = [
  [/ПРИВЛЕКАЕМОЕ\s+ЛИЦО|ЛИЦО,\s+В\s+ОТНОШЕНИИ|ПРАВОНАРУШИТЕЛ/iu, 'person_charged'],
  [/ПОДСУДИМ|ОСУЖДЕНН|ОБВИНЯЕМ|ОПРАВДАНН|^ЛИЦА$/iu, 'defendant'],
  [/ПОТЕРПЕВШ/iu, 'victim'],
  [/СВИДЕТЕЛ/iu, 'witness'],
  // In КАС cases about entry bans and detention the foreign citizen is the administrative plaintiff.
  [/АДМИНИСТРАТИВН\S*\s+(?:ИСТЕЦ|ОТВЕТЧИК)|ЗАЯВИТЕЛЬ|ЗАИНТЕРЕСОВАННОЕ\s+ЛИЦО/iu, 'person_charged'],
];
const ORGANISATION_NAME = /(?<!\p{L})(?:ООО|ОАО|ЗАО|АО|ПАО|ФКУ|УФСИН|ФСИН|МВД|УМВД|ГУ|ОВМ|ОМВД|Управлени\p{L}*|Отдел\p{L}*|России|ФГУП|ФССП|Прокурор\p{L}*)(?!\p{L})/u;

export function roleOf(roleAsWritten: string): PersonRoleName {
  for (const [pattern, role] of ROLE_BY_CARD) if (pattern.test(roleAsWritten.trim())) return role;
  return 'other';
}

export function isOrganisationName(name: string): boolean {
  return ORGANISATION_NAME.test(name);
}

/** Card parties are registered in the nominative: only the letter case needs fixing. */
export function personsFromCard(parties: CaseParty[]): PersonMention[] {
  return parties
    .map((party) => ({ party, organisation: isOrganisationName(party.name), role: roleOf(party.roleAsWritten) }))
    .map(({ party, organisation, role }) => ({
      party,
      organisation,
      // КАС: the state body is a party too (plaintiff when it asks for placement in a ЦВСИГ, defendant
      // when a ban is challenged); the foreign citizen is the person whose fate is decided.
      role: /АДМИНИСТРАТИВН\S*\s+(?:ИСТЕЦ|ОТВЕТЧИК)|ЗАЯВИТЕЛ|ЗАИНТЕРЕСОВАНН/iu.test(party.roleAsWritten) ? (organisation ? 'other' : 'person_charged') : role,
    }))
    .filter(({ organisation, role }) => !organisation || role === 'person_charged')
    .map(({ party, organisation, role }) => {
      const depersonalized = isDepersonalized(party.name);
      const normalized = depersonalized ? null : organisation ? party.name.trim() : titleCase(party.name);
      return {
        name: party.name,
        normalized,
        role: role as PersonRoleName,
        citizenship: null,
        gender: depersonalized || organisation ? null : genderOfName(party.name) ?? genderFromEndings(normalized ?? '', 'nom'),
        birthDate: null,
        birthPlace: null,
        depersonalized,
      };
    });
}

export { genderOfName, titleCase as normalizeName };
