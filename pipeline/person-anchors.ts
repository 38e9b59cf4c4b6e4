// The words that introduce a person in an act, each with the role it gives and the grammatical
// case of the name after it («в отношении» → the person charged, genitive; «Признать … виновной» →
// accusative; «свидетель», «потерпевший», «переводчик»), and the written forms of a name.
import { andCapitalised, isSpace, letterBefore, matchesAtNeedle, matchesNearNeedle, needle, nextWordMayStart, type IndexedMatch, type Needle } from './cyrillic.ts';
import type { GrammaticalCase } from './name-forms.ts';
import type { PersonRoleName } from './types.ts';

export const WORD = String.raw`[А-Я][а-я]+(?:-[А-Я]?[а-я]+)?`;
export const UPPER = String.raw`[А-Я]{2,}(?:-[А-Я]{2,})?`;
export const PARTICLE = String.raw`(?:уулу|кызы|угли|оглы|кизи|улы|заде|УУЛУ|КЫЗЫ)`;
export const INITIALS = String.raw`[А-Я]\.\s?(?:[А-Я]\.)?(?:\s?[а-я]\.)?`;
/** A written name: a marker, initials + surname, or up to four name words with optional initials. */
export const NAME = String.raw`(?:ФИО\d{0,2}(?!\d)|<данные изъяты>|${INITIALS}\s?${WORD}|[А-Я]\.[А-Я]\.(?:[А-Я]\.)?|(?:${WORD}|${UPPER})(?:\s(?:${WORD}|${UPPER}|${PARTICLE})){0,4}(?:\s${INITIALS})?)(?!\p{L})`;
/** «иностранного гражданина (Кыргызская Республика) Асанова»: the state in the nominative, in parentheses. */
export const STATE_IN_PARENTHESES = String.raw`\(\s*[А-Я][^()\n]{1,40}\)`;
/** The state a citizenship phrase before a name names (or its depersonalised marker). */
export const STATE_NAMED = String.raw`(?:(?:Кыргызской|Киргизской|Российской|Азербайджанской)\s+(?:[Рр]еспублики|Федерации)|Республики\s+[А-Я][а-я]+|[А-Я][а-я]+стана?|(?:Кирги|Кыргы)зии|Украины|КР|РФ|<данные изъяты>|${STATE_IN_PARENTHESES})`;
/** «ГРАЖДАНИНА КЫРГЫЗСКОЙ РЕСПУБЛИКИ» before a name in capitals, as some courts write the heading. */
const STATE_WORDS_IN_CAPITALS = String.raw`ГРАЖДАН(?:ИН|ИНА|ИНУ|ИНОМ|КА|КИ|КЕ|КОЙ|КУ)\s+(?:(?:КЫРГЫЗСКОЙ|КИРГИЗСКОЙ|РОССИЙСКОЙ|АЗЕРБАЙДЖАНСКОЙ)\s+(?:РЕСПУБЛИКИ|ФЕДЕРАЦИИ)|РЕСПУБЛИКИ\s+[А-Я]+|[А-Я]+СТАНА?|(?:КИРГИ|КЫРГЫ)ЗИИ|УКРАИНЫ|КР|РФ)`;
/** The endings «гражданин…», «гражданк…» keep when police reports shorten them: «гр-н», «гр-на», «гр-ки» … */
export const CITIZEN_SHORT_ENDINGS = 'н|на|ну|ном|ка|ки|ке|кой|ку';
/** «гр-на», «гр-ки» …: «гражданина», «гражданки» shortened (group-free). */
export const CITIZEN_SHORT = String.raw`[Гг]р-(?:${CITIZEN_SHORT_ENDINGS})(?!\p{L})\.?`;
/**
 * A citizenship phrase between an anchor and the name, skipped, not part of it: «гражданина КР»,
 * «иностранного гражданина - гражданина Республики Кыргызстан», «лица без гражданства», «гр.
 * <данные изъяты>», «гр. Кыргызской Республики», «гр-на КР».
 */
export const STATE_WORDS = String.raw`(?:(?:иностранн\p{L}*\s+(?:граждан\p{L}*\s*-\s*)?)?граждан\p{L}*\s+${STATE_NAMED}\s+|лица\s+без\s+гражданства\s+|(?:гр\.|${CITIZEN_SHORT})\s*(?:${STATE_NAMED}\s+)?|${STATE_WORDS_IN_CAPITALS}\s+)?`;

export interface Anchor {
  /** A word every match contains: the pattern is tried only where it occurs. */
  needle: Needle;
  /** Sticky pattern tried at each needle (`lead` characters before it), or a global one over windows around it. */
  pattern: RegExp;
  lead: number;
  /** What must come right before the match («о» before «помещении»), when the pattern starts later. */
  before?: RegExp;
  /** The line-start anchor: the name comes before the needle, so the pattern runs over a window around it. */
  window?: boolean;
  /** A quick test at the needle's offset before the pattern: false where no match can start. */
  worthTrying?: (text: string, at: number) => boolean;
  role: PersonRoleName;
  grammaticalCase: GrammaticalCase;
  /** Whether the name is the end of every match (nothing is read after it). */
  nameLast: boolean;
}

interface AnchorOptions {
  lead?: number;
  before?: RegExp;
  after?: string;
  window?: boolean;
  /** What the next word after the needle's word starts with in every match. */
  nextWord?: string[];
  /** Whether a name or a citizenship phrase follows the needle's word in every match (after whitespace). */
  nameNext?: boolean;
}

/**
 * Whether a name or a citizenship phrase may start after the rest of the word and the whitespace at `i`: what NAME can
 * start with (a capital А–Я, «<» of «<данные изъяты>») or STATE_WORDS can («иностранн…»,
 * «граждан…», «лица», «гр.»). «Признать виновным …» (the name is before it) and «Признать
 * незаконным …» are passed over without their pattern, which fails there only after trying every
 * way of reading a name and eighty characters after it.
 */
function nameMayFollow(text: string, i: number): boolean {
  // The rest of the needle's word first («обвиняем|ого»), as the pattern's \p{L}* reads it; unsure
  // (true) at a surrogate, where \p{L} reads two code units as one letter.
  for (; i < text.length && !isSpace(text, i); i += 1) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdfff) return true;
    if (!letterBefore(text, i + 1)) return false;
  }
  if (!isSpace(text, i)) return false;
  while (isSpace(text, i)) i += 1;
  const c = text.charCodeAt(i);
  return (c >= 0x410 && c <= 0x42f) || c === 0x3c || c === 0x438 || c === 0x433 || c === 0x43b;
}

/** The anchor's quick test, from its options (none when they set none). */
function worthTryingOf(word: string, options: AnchorOptions): Pick<Anchor, 'worthTrying'> {
  // The needle's own letters need not be read again: the word goes on from its end.
  const { nextWord } = options;
  if (nextWord) return { worthTrying: (text, at) => nextWordMayStart(text, at + word.length, nextWord) };
  if (options.nameNext) return { worthTrying: (text, at) => nameMayFollow(text, at + word.length) };
  return {};
}

const anchor = (word: string, before: string, role: PersonRoleName, grammaticalCase: GrammaticalCase, options: AnchorOptions = {}): Anchor => ({
  needle: needle(word),
  pattern: new RegExp(String.raw`${before}${STATE_WORDS}(${NAME})${options.after ?? ''}`, options.window ? 'gu' : 'uy'),
  lead: options.lead ?? 0,
  ...(options.before ? { before: options.before } : {}),
  ...(options.window ? { window: true } : {}),
  ...worthTryingOf(word, options),
  role,
  grammaticalCase,
  nameLast: options.after === undefined,
});

/** The anchor at `needle` and at its capitalised form (a sentence's first word), one pattern for both. */
const inBothCases = (word: string, pattern: string, role: PersonRoleName, grammaticalCase: GrammaticalCase, options: AnchorOptions = {}): Anchor[] =>
  andCapitalised(word).map((form) => anchor(form, pattern, role, grammaticalCase, options));

export const ANCHORS: Anchor[] = [
  anchor('отношении', String.raw`отношении:?\s+(?:(?:должностного\s+лица|индивидуального\s+предпринимателя)\s*(?:-\s*)?)?`, 'person_charged', 'gen'),
  anchor('ризнать', String.raw`[Пп]ризнать\s+`, 'person_charged', 'acc', { lead: 1, after: String.raw`,?\s+(?:[^\n]{0,80}?\s)?виновн`, nameNext: true }),
  // «Признать Абдыкадырова У.М. и Сейитбекову А.Н. виновными»: the second of two persons found guilty together.
  anchor('ризнать', String.raw`[Пп]ризнать\s+${STATE_WORDS}${NAME}\s+и\s+`, 'person_charged', 'acc', { lead: 1, after: String.raw`,?\s+(?:[^\n]{0,80}?\s)?виновн`, nameNext: true }),
  anchor('признать', String.raw`(?:\n|:\s*)`, 'person_charged', 'acc', { after: String.raw`\s+признать\s+виновн`, window: true }),
  // «Подсудимый …», «Свидетель …», «Переводчик …» open sentences: found by the word and by its
  // capitalised form (a needle of its own: one letter in, «одсудим», «видетел», would be common).
  // Not «Административный ответчик …»: its name is in the nominative, where the anchor below reads a genitive.
  ...inBothCases('подсудим', String.raw`[Пп]одсудим\p{L}*\s+`, 'defendant', 'unknown'),
  // Before and after the trial: «в отношении обвиняемого Асанова …» (a detention order), «подозреваемого»,
  // «осужденного» (an appeal). Mostly followed by «в совершении …»: tried only where a name follows.
  ...inBothCases('обвиняем', String.raw`[Оо]бвиняем\p{L}*\s+`, 'defendant', 'unknown', { nameNext: true }),
  ...inBothCases('подозреваем', String.raw`[Пп]одозреваем\p{L}*\s+`, 'defendant', 'unknown', { nameNext: true }),
  ...inBothCases('осужденн', String.raw`[Оо]сужденн\p{L}*\s+`, 'defendant', 'unknown', { nameNext: true }),
  anchor('лица,', String.raw`(?:лица,\s+(?:привлекаемого\s+к\s+административной\s+ответственности|в\s+отношении\s+которого\s+ведется\s+производство[^,.\n]{0,80}),?\s*-?\s*)`, 'person_charged', 'gen'),
  // «административн…» is in every КоАП act: only «… иск(овое)», «… истца», «… ответчик» are worth the pattern.
  // Found by «дминистративн» (lead 1), as when it was searched for by indexOf from its rarer second letter.
  anchor('дминистративн', String.raw`(?:административн\p{L}*\s+(?:исков\p{L}*\s+заявлени\p{L}*|иск[ау]?(?!\p{L}))|административного\s+истца|административн\p{L}*\s+ответчик\p{L}*)\s+`, 'person_charged', 'gen', {
    lead: 1,
    nextWord: ['ис', 'ответчик'],
  }),
  anchor('помещении', String.raw`помещении\s+`, 'person_charged', 'gen', { before: /(?<!\p{L})о\s+$/u }),
  ...inBothCases('свидетел', String.raw`[Сс]видетел\p{L}*\s+(?:-\s*)?`, 'witness', 'unknown'),
  anchor('отерпевш', String.raw`[Пп]отерпевш\p{L}*\s+(?:-\s*)?`, 'victim', 'unknown', { lead: 1 }),
  ...inBothCases('переводчик', String.raw`[Пп]ереводчик\p{L}*\s+(?:с\s+\p{L}+\s+(?:языка|язык)\s+(?:на\s+\p{L}+\s+)?)?`, 'other', 'unknown'),
];

/** Where an anchor names someone: tried only at its needle. */
export function anchorMatches(text: string, a: Anchor): readonly IndexedMatch[] {
  // The name (up to five words and a state phrase) comes before «признать»: a window of 300 covers it.
  if (a.window) return matchesNearNeedle(text, a.needle, a.pattern, 300, 40);
  const all = matchesAtNeedle(text, a.needle, a.pattern, a.lead, true, a.worthTrying);
  if (!a.before) return all;
  const before = a.before;
  return all.filter((m) => {
    const at = m.index;
    const head = before.exec(text.slice(Math.max(0, at - 12), at));
    return head !== null && !letterBefore(text, at - head[0].length);
  });
}
