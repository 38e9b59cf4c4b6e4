// Whose citizenship does a phrase state? Strong cues name the state («гражданина Кыргызской
// Республики», «гражданка КР»); weak cues only hint (a Kyrgyz birthplace, «уулу»/«кызы» in the
// name, a Kyrgyz passport series). Each statement is attributed to one person: the name right
// after it («гражданин КР Асанов»), else a sentence about someone else (a witness, a worker hired by
// the charged employer, a person registered by the accused host) is not about the accused, else
// the nearest name before it in the sentence («Мамытова А.Б., … гражданина КР»), else the only
// person charged. The traps (other Central Asian states, «переводчик с киргизского языка», a Kyrgyz
// city as a destination, «гражданина <данные изъяты>») are not strong cues by construction.
import { CITIZEN_SHORT, NAME } from './person-anchors.ts';
import type { PersonInText } from './persons.ts';
import { nameKey } from './name-forms.ts';
import { andCapitalised, anyCase, firstWordStart, letterBefore, matchesAtNeedles, needle, needlePositions, needles, sentenceStart } from './cyrillic.ts';
import type { EvidenceSpan } from './types.ts';

export type CitizenshipCueKind = 'citizenship' | 'birthplace' | 'name_particle' | 'passport';

/** A span of the normalized text that says something about a person's citizenship. */
export interface CitizenshipEvidence extends EvidenceSpan {
  cue: CitizenshipCueKind;
}

/** «гражданина Республики Узбекистан»: which state (ISO alpha-2), 'redacted' or 'stateless'. */
export interface CitizenshipStatement extends EvidenceSpan {
  country: string;
}

const STATES: [string, string][] = [
  // «Кыргызской республики» (a lower-case «р» is a common slip), «Республики Кыргызия», «Кыргызии» (informal).
  ['KG', String.raw`(?:Кыргызск|Киргизск)\p{L}*\s+[Рр]еспублик\p{L}*|Республик\p{L}*\s+(?:Кыргызстан|Киргизстан|Киргизия|Кыргызия)|Кыргызстан\p{L}*|Киргизстан\p{L}*|(?:Кирги|Кыргы)зи[ия]|КР`],
  ['UZ', String.raw`Республик\p{L}*\s+Узбекистан|Узбекистан\p{L}*|РУз`],
  ['TJ', String.raw`Республик\p{L}*\s+Таджикистан|Таджикистан\p{L}*`],
  ['KZ', String.raw`Республик\p{L}*\s+Казахстан|Казахстан\p{L}*`],
  ['TM', String.raw`Туркменистан\p{L}*`],
  ['RU', String.raw`Российской\s+Федерации|Российская\s+Федерация|РФ|России`],
  ['UA', String.raw`Украин\p{L}*`],
  ['BY', String.raw`Республик\p{L}*\s+Беларусь|Беларуси`],
  ['AM', String.raw`Республик\p{L}*\s+Армения|Армении`],
  ['AZ', String.raw`Азербайджанск\p{L}*\s+Республик\p{L}*|Республик\p{L}*\s+Азербайджан|Азербайджана`],
  ['MD', String.raw`Республик\p{L}*\s+Молдова|Молдов\p{L}*`],
  ['redacted', String.raw`<данные изъяты>|<\.\.\.>|\*{3,}|\{данные изъяты\}|\[данные изъяты\]`],
];
// One numbered group per state, then «stateless»: the group that matched names the state. Not
// named groups: V8 builds a groups object of all thirteen names for every match.
const STATEMENT = new RegExp(
  String.raw`(?:(?:[Гг]раждан(?:ин|ина|ину|ином|ка|ки|ке|кой|ку|е|ам|ами|ах)?|[Гг]ражданств\p{L}*:?\s*-?|подданн\p{L}*|[Пп]аспорт\p{L}*\s+граждан\p{L}*)\s+|(?:гр\.|${CITIZEN_SHORT})\s*)(?:\(\s*)?(?:${STATES.map(([, words]) => `(${words})`).join('|')})(?!\p{L})|([Лл]иц\p{L}*\s+без\s+гражданства)`,
  'uy',
);
/** What each of the pattern's groups names, in its order (group 1 first). */
const STATEMENT_GROUPS = [...STATES.map(([code]) => code), 'stateless'];

function stateOf(m: RegExpMatchArray): string {
  for (let group = 1; group <= STATEMENT_GROUPS.length; group += 1) if (m[group] !== undefined) return STATEMENT_GROUPS[group - 1]!;
  return 'other';
}
/** Every statement starts with one of these (capitalised at a sentence's start): the pattern is tried only there. */
const STATEMENT_NEEDLES = needles(...andCapitalised('граждан', 'паспорт', 'лиц', 'гр-'), 'подданн', 'гр.');
/**
 * Towns of Kyrgyzstan a birthplace names: the cities and district towns, with the Soviet names older
 * people were born under (Фрунзе, Пржевальск, Рыбачье, Майли-Сай) and both spellings of Джалал-Абад.
 */
const KG_TOWNS = [
  'Ош', 'Бишкек', 'Фрунзе', 'Джалал-Абад', 'Жалал-Абад', 'Каракол', 'Пржевальск', 'Токмок', 'Нарын', 'Баткен', 'Талас', 'Кара-Балта', 'Кара-Суу',
  'Узген', 'Кызыл-Кия', 'Чолпон-Ата', 'Балыкчы', 'Рыбачье', 'Сулюкта', 'Майлуу-Суу', 'Майли-Сай', 'Таш-Кумыр', 'Кант', 'Кочкор-Ата', 'Ноокат',
  'Кербен', 'Исфана', 'Араван', 'Базар-Коргон', 'Токтогул', 'Ат-Баши', 'Кемин', 'Ала-Бука', 'Кадамжай', 'Айдаркен', 'Кок-Жангак', 'Шопоков',
];
/**
 * A Kyrgyz birthplace: the state (also «Кыргызской ССР»), a town after «г.», «города», «с.», «села»
 * or «пгт» (as written, or declined: «города Бишкека», «в г. Оше») and the region after it, or a region.
 */
const KG_REGION = String.raw`(?:Ошск|Чуйск|Иссык-Кульск|Нарынск|Таласск|Баткенск|Джалал-Абадск|Жалал-Абадск)\p{L}*\s+области`;
const KG_PLACE = String.raw`(?:(?:Киргизск|Кыргызск)\p{L}*\s+ССР|Кирг\.\s*ССР|Кыргызск\p{L}*\s+Республик\p{L}*|Кыргызстан\p{L}*|Киргизи\p{L}*|(?:г\.|город\p{L}*|с\.|сел\p{L}*|пгт\.?)\s*(?:${KG_TOWNS.join('|')})[ае]?(?:,?\s+${KG_REGION})?|${KG_REGION})`;
const KG_BIRTHPLACE = new RegExp(String.raw`(?:[Уу]рожен(?:ец|[цк]\p{L}*)|[Мм]есто\s+рождения:?|род(?:ивш\p{L}*|ил(?:ся|ась))\s+(?:\d{2}\.\d{2}\.\d{4}\s+)?в)\s+[^,;\n]{0,60}?${KG_PLACE}(?!\p{L})`, 'uy');
/** Every birthplace phrase starts with one of these (capitalised at a sentence's start): the pattern is tried only there. */
const BIRTHPLACE_NEEDLES = needles(...andCapitalised('урожен', 'место'), 'родивш', 'родил');
/** Kyrgyz passports: AN/AC/ID + 7 digits (a lead, not verified: a weak cue only). Word start checked in code. */
const KG_PASSPORT = /(?:A[NC]|ID|А[НС])\s?\d{7}(?!\d)/uy; // AN, AC, ID and Cyrillic АН, АС
/** Every passport number starts with one of these series: the pattern is tried only there. */
const PASSPORT_SERIES = needles('AN', 'AC', 'ID', 'АН', 'АС');
const PARTICLE = /(?<!\p{L})(?:уулу|кызы)(?!\p{L})/u;
/**
 * Sentences about someone other than the accused: witnesses, interpreters, workers, registered
 * persons. Written in lower case, matched in any (anyCase: lower-casing the sentence was a call into
 * ICU of some 3,700 instructions, and the i flag is slow on Unicode).
 */
const ABOUT_SOMEONE_ELSE = anyCase(String.raw`(?:с(?:упруг|ын|видетел)|жена|м(?:уж|ать)|отец|д(?:очь|ет(?:и|ей)|опустил\p{L}*\s+к\s+(?:выполнению\s+)?работ)|р(?:одственник|аботник)|п(?:ереводчик|о(?:терпевш|ставил\p{L}*\s+на\s+(?:миграционный\s+)?учет|становк\p{L}*\s+на\s+(?:миграционный\s+)?учет)|р(?:ивлек\p{L}*\s+к\s+(?:осуществлению\s+)?трудовой|инял\p{L}*\s+на\s+работу|едоставил\p{L}*\s+(?:жилое\s+)?помещени))|зарегистрировал|фиктивн|нанял|иностранн\p{L}*\s+граждан\p{L}*\s+(?:в\s+количестве|\d))`, 'gu');
const PLURAL = /^[Гг]раждан(?:е|ам|ами|ах)?\s/u;
const NAME_AFTER = new RegExp(String.raw`^\s?(${NAME})`, 'u');

/** «ГРАЖДАНИНА КЫРГЫЗСКОЙ РЕСПУБЛИКИ» in a heading written in capitals: read as if title-cased. */
const IN_CAPITALS = needle('ГРАЖДАН');
/** Words of four capitals or more («КР», «РФ», «РУз» stay as they are). */
const CAPITALS_WORD = /[А-Я]{4,}/gu;
const titleCased = (word: string) => word[0] + word.slice(1).toLowerCase();

export function findCitizenshipStatements(text: string): CitizenshipStatement[] {
  const found: CitizenshipStatement[] = [];
  for (const m of matchesAtNeedles(text, STATEMENT_NEEDLES, STATEMENT)) {
    found.push({ start: m.index, end: m.index + m[0].length, text: m[0], cue: 'citizenship', country: stateOf(m) });
  }
  const inCapitals = needlePositions(text, IN_CAPITALS);
  if (inCapitals.length === 0) return found;
  for (const at of inCapitals) {
    if (letterBefore(text, at)) continue;
    // Lower-casing a Cyrillic capital keeps the length: offsets in the window are the text's.
    STATEMENT.lastIndex = 0;
    const m = STATEMENT.exec(text.slice(at, at + 80).replace(CAPITALS_WORD, titleCased));
    if (m) found.push({ start: at, end: at + m[0].length, text: text.slice(at, at + m[0].length), cue: 'citizenship', country: stateOf(m) });
  }
  return found.sort((a, b) => a.start - b.start);
}

export type AttributionKind = 'named_after' | 'someone_else' | 'preceding_name' | 'sole_accused' | 'unattributed';

export interface Attribution {
  holder: PersonInText | null;
  kind: AttributionKind;
}

const isAccused = (p: PersonInText) => p.mention.role === 'defendant' || p.mention.role === 'person_charged';

function personByKey(persons: PersonInText[], written: string): PersonInText | null {
  const key = nameKey(written);
  return persons.find((p) => p.key === key || (key.endsWith('|') && p.key.startsWith(key))) ?? null;
}

const COMMA_OR_SPACE = /^,?\s?$/u;
/** Words of a state's name that NAME reads as a name. */
const STATE_WORD = /^(?:ССР|Республики|Федерации)/u;
const CAPITAL_FIRST = /^\p{Lu}/u;

/** Who a statement (or a weak cue) at [start, end) is about. */
/** `nameAfter`: whether a name right after the span names its holder (true for statements, not for birthplaces). */
export function attribute(text: string, start: number, end: number, persons: PersonInText[], nameAfter = true): Attribution {
  // Apposition right after an accused's name: «ФИО1, гражданки КР Сыдыковой Айгуль» is one person.
  const apposed = persons.find((p) => {
    const span = isAccused(p) ? lastSpanBefore(p, start) : null;
    return span !== null && start - span.end <= 2 && COMMA_OR_SPACE.test(text.slice(span.end, start));
  });
  if (apposed) return { holder: apposed, kind: 'preceding_name' };
  const named = nameAfter ? NAME_AFTER.exec(text.slice(end, end + 120)) : null;
  if (named && !STATE_WORD.test(named[1]!)) {
    const holder = personByKey(persons, named[1]!);
    if (holder) return { holder, kind: 'named_after' };
  }
  const from = sentenceStart(text, start, 500);
  let nearest: { person: PersonInText; at: number } | null = null;
  for (const person of persons) {
    const span = lastSpanBefore(person, start);
    if (span && span.start >= from && (!nearest || span.start > nearest.at)) nearest = { person, at: span.start };
  }
  // A role word after the nearest name («Иванов И.И. зарегистрировал гражданина КР …»): someone else.
  const roleFrom = nearest ? Math.max(from, nearest.at) : from;
  if (firstWordStart(text.slice(roleFrom, start), ABOUT_SOMEONE_ELSE)) return { holder: null, kind: 'someone_else' };
  // «гражданина КР Асанова Б.Т.» where Асанов is nobody we know: the phrase names someone else.
  if (named && !personByKey(persons, named[1]!) && CAPITAL_FIRST.test(named[1]!)) return { holder: null, kind: 'someone_else' };
  // «граждан Кыргызской Республики» (plural) is about a group, not the person charged.
  if (PLURAL.test(text.slice(start, end))) return { holder: null, kind: 'someone_else' };
  if (nearest) return { holder: nearest.person, kind: 'preceding_name' };
  const accused = persons.filter(isAccused);
  if (accused.length === 1) return { holder: accused[0]!, kind: 'sole_accused' };
  return { holder: null, kind: 'unattributed' };
}

/** The person's last mention ending at or before `at` (spans are sorted by start). */
function lastSpanBefore(person: PersonInText, at: number): { start: number; end: number } | null {
  const { spans } = person;
  let lo = 0;
  let hi = spans.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.start < at) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  for (let i = found; i >= 0; i -= 1) if (spans[i]!.end <= at) return spans[i]!;
  return null;
}

export function findKyrgyzWeakCues(text: string): CitizenshipEvidence[] {
  const cues: CitizenshipEvidence[] = [];
  for (const m of matchesAtNeedles(text, BIRTHPLACE_NEEDLES, KG_BIRTHPLACE, false)) cues.push({ start: m.index, end: m.index + m[0].length, text: m[0], cue: 'birthplace' });
  for (const m of matchesAtNeedles(text, PASSPORT_SERIES, KG_PASSPORT)) cues.push({ start: m.index, end: m.index + m[0].length, text: m[0], cue: 'passport' });
  return cues;
}

/** The name particle («уулу», «кызы») inside one of the person's mentions, as a weak cue. */
export function nameParticleCue(text: string, person: PersonInText): CitizenshipEvidence | null {
  if (!PARTICLE.test(person.mention.name)) return null;
  for (const span of person.spans) {
    const window = text.slice(span.start, span.end + 40);
    const m = PARTICLE.exec(window);
    if (m) return { start: span.start + m.index, end: span.start + m.index + m[0].length, text: m[0], cue: 'name_particle' };
  }
  return null;
}
