// What the court decided, read from the resolutive part («ПОСТАНОВИЛ:», «ПРИГОВОРИЛ:», «РЕШИЛ:»)
// so that penalties quoted from earlier decisions or from the law are not mistaken for this one.
// Outcomes are a set: the same penalty written twice (the order and the payment note) counts once.
import { allMatches, lastNonSpace, needlePositions, needles, sentenceEnd, sentenceStart } from './cyrillic.ts';
import { AMOUNT, amountValue } from './numerals.ts';
import type { OutcomeRecord } from './types.ts';

// Letter classes rather than the i flag: case-insensitive Unicode matching is slow.
const RESOLUTIVE = /(?:[Пп]\s*[Оо]\s*[Сс]\s*[Тт]\s*[Аа]\s*[Нн]\s*[Оо]\s*[Вв]\s*[Ии]\s*[Лл]|[Пп]\s*[Рр]\s*[Ии]\s*[Гг]\s*[Оо]\s*[Вв]\s*[Оо]\s*[Рр]\s*[Ии]\s*[Лл]|[Рр]\s*[Ее]\s*[Шш]\s*[Ии]\s*[Лл]|[Оо]\s*[Пп]\s*[Рр]\s*[Ее]\s*[Дд]\s*[Ее]\s*[Лл]\s*[Ии]\s*[Лл])\s*(?:[Аа]\s*)?$/u;

const LETTER_L = 0x43b;
const LETTER_A = 0x430;
const LETTER_O = 0x43e;
const LETTER_M = 0x43c;
const LETTER_E = 0x435;

/**
 * Where the text after the last resolutive heading starts (an act quoting another ruling has
 * several); 0 when no heading is found. Found from the colons backwards: a colon is rare, a
 * heading pattern tried at every letter is not. The colons are found by indexOf forwards:
 * lastIndexOf is a runtime call, slower per character.
 */
export function resolutiveStart(text: string): number {
  const colons: number[] = [];
  for (let colon = text.indexOf(':', 1); colon >= 0; colon = text.indexOf(':', colon + 1)) colons.push(colon);
  for (let c = colons.length - 1; c >= 0; c -= 1) {
    const colon = colons[c]!;
    const from = Math.max(0, colon - 40);
    // Every heading ends, but for spaces, with «л» or «а» («ПОСТАНОВИЛ», «решила»): the colons of
    // the payment details are passed without the pattern, which is tried at each of 40 characters.
    const last = lastNonSpace(text, colon, from);
    const end = text.charCodeAt(last) | 0x20; // lower case, for Cyrillic capitals
    if (last < from || (end !== LETTER_L && end !== LETTER_A)) continue;
    const heading = RESOLUTIVE.exec(text.slice(from, colon));
    if (heading) return from + heading.index;
  }
  return 0;
}

// Courts sometimes drop the word «штрафа» («наказание в виде административного в размере 500 рублей»).
// Found from «в размере» (rare) looking back for the fine and forward for the amount.

/**
 * The words the penalty patterns need, read from the shared needle index instead of an includes()
 * per word (a dozen scans of the part were most of this stage's time) or a scan of the part of
 * their own. Every occurrence of every word is found, overlapping ones included.
 */
const PENALTY_WORDS = needles('размер', 'сумме', 'штраф', 'самостоятельн', 'содержания', 'учреждени', 'свобод', 'выдворени', 'без', 'применять', 'принудительн', 'назначать', 'СИГ', 'арест', 'условн');

interface PenaltyWords {
  /** The words found (not «размер» and «сумме»: their places are below). */
  present: Set<string>;
  /** Where «арест» is. */
  arrests: number[];
  /** Where the amount phrase of a fine is, in text order (see `withPrecedingV`). */
  fines: { index: number; end: number }[];
  /** Where «штраф…» is: the amount may follow it directly («административного штрафа 5000 рублей»). */
  fineWords: number[];
}

/** The penalty words within text[from, to); offsets into `part`, that slice of the text. */
function penaltyWords(text: string, from: number, to: number, part: string): PenaltyWords {
  const present = new Set<string>();
  const arrests: number[] = [];
  const fines: { index: number; end: number }[] = [];
  const fineWords: number[] = [];
  for (const penaltyWord of PENALTY_WORDS) {
    const { word } = penaltyWord;
    const last = to - word.length;
    for (const position of needlePositions(text, penaltyWord)) {
      if (position < from) continue;
      if (position > last) break;
      const at = position - from;
      if (word === 'размер') {
        // «размером» or «размере», told by the letters after «размер» (startsWith costs more here).
        const next = part.charCodeAt(at + 6);
        if (next === LETTER_O && part.charCodeAt(at + 7) === LETTER_M) fines.push({ index: at, end: at + 8 });
        else if (next === LETTER_E) withPrecedingV(part, at, 7, fines);
      } else if (word === 'сумме') withPrecedingV(part, at, 5, fines);
      else if (word === 'арест') arrests.push(at);
      else if (word === 'штраф') fineWords.push(at);
      else present.add(word);
    }
  }
  // «размер» and «сумме» are read one word after the other: their phrases are put in text order.
  if (fines.length > 1) fines.sort((a, b) => a.index - b.index);
  return { present, arrests, fines, fineWords };
}

/**
 * The amount phrase of a fine: «в размере», «в сумме» (from the «в») or «размером», in text
 * order, as `/в\s+(?:размере|сумме)|размером/gu` would find them (from the rare word, not a pattern
 * tried at every «в» and «р»). Added in text order: a phrase's «в» comes after the word before.
 */
function withPrecedingV(part: string, at: number, length: number, found: { index: number; end: number }[]): void {
  const j = lastNonSpace(part, at);
  if (j < at - 1 && j >= 0 && part.charCodeAt(j) === 0x432) found.push({ index: j, end: at + length });
}
const FINE_BEFORE = /(?:штраф\p{L}*|в\s+виде\s+административного)\s+(?:в\s+доход\s+государства\s+)?$/u;
const FINE_AFTER = new RegExp(String.raw`^\s+${AMOUNT}\s*(?:\)\s*)?(?:руб|тыс)`, 'u');
/** «административного штрафа 5000 (пять тысяч) рублей», «штраф 2 000 рублей»: the amount right after the word. */
const FINE_DIRECT = new RegExp(String.raw`штраф\p{L}*\s+(?:в\s+доход\s+государства\s+)?${AMOUNT}\s*(?:\)\s*)?(?:руб|тыс)`, 'uy');
const NO_EXPULSION = /без\s+(?:назначения\s+)?(?:дополнительного\s+)?(?:наказания\s+в\s+виде\s+)?(?:административного\s+)?выдворени|выдворени\p{L}*\s+не\s+(?:применять|назначать)|не\s+(?:применять|назначать)\s+(?:административное\s+)?выдворени/u;
const FORCED = /принудительн\p{L}*\s+(?:административн\p{L}*\s+)?выдворени|выдворени\p{L}*\s+(?:за\s+пределы\s+(?:Российской\s+Федерации|РФ)\s+)?(?:в\s+форме|путем)\s+принудительн/u;
/**
 * Expulsion ordered without its form («… с административным выдворением за пределы Российской
 * Федерации.»): forced. КоАП 3.10 ч. 1 defines expulsion as the forced and controlled movement of
 * the person across the border, and controlled self-departure only where the decision orders it.
 * Read only in a resolutive part that was found, and not in a sentence quoting a sanction («…
 * влечет … с административным выдворением за пределы Российской Федерации или без такового»).
 */
const EXPULSION_UNSPECIFIED = /(?:(?<!\p{L})с\s+(?:административным\s+)?выдворением|(?:в\s+виде|(?<!\p{L})и)\s+(?:административного\s+)?выдворения|административное\s+выдворение)\s+(?:иностранн\p{L}*\s+граждан\p{L}*\s+)?за\s+(?:пределы|границы)\s+(?:Российской\s+Федерации|РФ|России)(?!\p{L})(?!\s+(?:или|либо)\s+без\s+такового)/u;
const SANCTION_QUOTED = /влеч|влекущ|предусматрива|санкци/u;

/** Whether the sentence before `at` (up to `limit` characters back) has one of `words`: the law quoted, not the decision. */
function lawQuotedBefore(part: string, at: number, words: RegExp, limit: number): boolean {
  return words.test(part.slice(sentenceStart(part, at, limit), at));
}

function expulsionWithoutForm(part: string): boolean {
  const m = EXPULSION_UNSPECIFIED.exec(part);
  return m !== null && !lawQuotedBefore(part, m.index, SANCTION_QUOTED, 200);
}
const SELF = /контролируем\p{L}*\s+самостоятельн\p{L}*\s+выезд|самостоятельн\p{L}*\s+контролируем\p{L}*\s+выезд/u;
// «поместить … в специальное учреждение ГУ МВД …» names the centre without «временного содержания».
const CENTRE = /(?:Центр\p{L}*\s+временного\s+содержания\s+иностранных\s+граждан|специальн\p{L}*\s+учреждени\p{L}*\s+временного\s+содержания|помест\p{L}*\s+(?:[^;\n]{0,80}?\s)?в\s+специальн\p{L}*\s+учреждени\p{L}*|ЦВСИГ|СУВСИГ|ЦСИГ)/u;
// «на срок до 90 суток», «сроком не более 3 месяцев», «до исполнения постановления, но не более 90 суток».
const TERM = new RegExp(String.raw`(?:(?:на\s+срок|сроком(?:\s+на)?)(?:,)?\s+(?:до\s+|не\s+(?:более|свыше|превышающ\p{L}*)\s+)?|но\s+не\s+(?:более|свыше)\s+(?:чем\s+)?(?:на\s+)?)${AMOUNT}\s*(сут\p{L}*|дн\p{L}*|дней|месяц\p{L}*)`, 'u');
// Starts at «арест»: «административн…» is everywhere in КоАП acts and would be tried at every hit.
// «ареста на срок 10 суток», «сроком на 10 суток», «на 10 суток»; not «на срок до пятнадцати суток» (a warning).
const ARREST = new RegExp(String.raw`арест\p{L}*\s+(?:на\s+срок|сроком(?:\s+на)?|(на))\s+${AMOUNT}\s*сут`, 'uy');
/**
 * Before an arrest written «на 10 суток» in the same sentence: the law quoted, not the decision
 * («… предусматривающей наказание в виде двойного штрафа …, либо административного ареста на 15 суток»).
 */
const ARREST_QUOTED = /влеч|влекущ|предусматрива|неуплат|либо/u;
const YEARS = new RegExp(String.raw`${AMOUNT}\s*(?:год\p{L}*|лет)`, 'u');
const MONTHS = new RegExp(String.raw`${AMOUNT}\s*месяц\p{L}*`, 'u');
const TERM_WORDS = String.raw`(?:(?:\d+|\p{L}+)(?:\s*\([^)]{1,40}\))?\s+(?:год\p{L}*|лет|месяц\p{L}*)(?:\s+(?:и\s+)?)?){1,2}`;
const PRISON = new RegExp(
  String.raw`(?:лишени\p{L}*\s+свободы\s+(?:на\s+срок|сроком(?:\s+на)?)\s+(${TERM_WORDS})|(?:в\s+виде\s+|назначить\s+(?:ему\s+|ей\s+)?(?:наказание\s+)?|(?:приговорить|осудить)\s+(?:его\s+|ее\s+|её\s+)?к\s+)(${TERM_WORDS})\s*лишени\p{L}*\s+свободы)`,
  'gu',
);
const REGIME = /(?:колони\p{L}*[\s-]+поселени\p{L}*)|(?:колони\p{L}*\s+(общего|строгого|особого)\s+режима)|(?:(общего|строгого|особого)\s+режима)/u;
const SUSPENDED = /условн\p{L}*\s+с\s+испытательным\s+сроком|считать\s+условным|условным\s+с\s+испытательным/u;
const PROBATION = new RegExp(String.raw`испытательн\p{L}*\s+срок\p{L}*\s+(?:в\s+|на\s+)?(${TERM_WORDS})`, 'gu');

function termMonths(words: string): number | null {
  const years = YEARS.exec(words);
  const months = MONTHS.exec(words);
  const y = years ? amountValue(years[1], years[2]) : 0;
  const m = months ? amountValue(months[1], months[2]) : 0;
  if (y === null || m === null || (!years && !months)) return null;
  return y * 12 + m;
}

const REGIME_NAMES: Record<string, string> = { общего: 'general', строгого: 'strict', особого: 'special' };

const FINAL_SENTENCE = /окончательн\p{L}*\s+(?:назначить|определить)/u;

/** «лишения свободы на срок 2 года 6 месяцев … в исправительной колонии общего режима». */
function imprisonment(part: string): OutcomeRecord[] {
  // «окончательно назначить …»: the final sentence after partial ones for each article.
  const final = FINAL_SENTENCE.exec(part);
  const scope = final ? part.slice(final.index) : part;
  const found: OutcomeRecord[] = [];
  for (const m of allMatches(scope, PRISON)) {
    const months = termMonths(m[1] ?? m[2] ?? '');
    if (months === null || months === 0) continue;
    const after = scope.slice(m.index, m.index + 400);
    const regime = REGIME.exec(after);
    const record: OutcomeRecord = { kind: 'imprisonment', months };
    if (regime) record.regime = regime[0].includes('поселени') ? 'settlement' : REGIME_NAMES[regime[1] ?? regime[2] ?? ''] ?? 'general';
    found.push(record);
    if (final) break;
  }
  return found;
}

export function extractOutcomes(text: string): OutcomeRecord[] {
  const from = resolutiveStart(text);
  const part = text.slice(from);
  const outcomes = penalties(text, from, text.length, from > 0);
  if (outcomes.length === 0) outcomes.push(...proceduralOutcome(part));
  return dedupeOutcomes(outcomes);
}

/** Someone an outcome can belong to: a person charged, with every place their name is written. */
export interface OutcomeHolder<T> {
  holder: T;
  spans: { start: number; end: number }[];
}

export interface HeldOutcome<T> {
  outcome: OutcomeRecord;
  /** The person charged it was written for; null when the text does not say. */
  holder: T | null;
}

/**
 * Outcomes per person charged. The resolutive part is cut wherever the name of another person
 * charged is written («Мамытова … признать виновным … назначить наказание …; Каримова … признать
 * виновным …», or «назначить Мамытову …, Каримову …»): each piece's penalties belong to the person
 * named at its start. Penalties before any name belong to nobody known. Procedural outcomes
 * (returned, forwarded, cancelled) are read for the whole act, as extractOutcomes does.
 */
export function extractOutcomesByHolder<T>(text: string, holders: OutcomeHolder<T>[]): HeldOutcome<T>[] {
  const from = resolutiveStart(text);
  const mentions: { at: number; holder: number }[] = [];
  holders.forEach(({ spans }, holder) => {
    for (const span of spans) if (span.start >= from) mentions.push({ at: span.start, holder });
  });
  mentions.sort((a, b) => a.at - b.at);
  const pieces: { start: number; holder: number | null }[] = [{ start: from, holder: null }];
  for (const mention of mentions) {
    if (mention.holder !== pieces[pieces.length - 1]!.holder) pieces.push({ start: mention.at, holder: mention.holder });
  }
  const found: HeldOutcome<T>[] = [];
  const seen = new Set<string>();
  const add = (outcome: OutcomeRecord, holder: number | null) => {
    const key = `${holder ?? ''}|${outcomeKey(outcome)}`;
    if (seen.has(key)) return;
    seen.add(key);
    found.push({ outcome, holder: holder === null ? null : holders[holder]!.holder });
  };
  pieces.forEach((piece, i) => {
    const end = i + 1 < pieces.length ? pieces[i + 1]!.start : text.length;
    const written = text.slice(piece.start, end);
    // «назначить каждому из них наказание …»: the same penalty for every person charged.
    const forEach = EACH.test(written);
    for (const outcome of penalties(text, piece.start, end, from > 0)) {
      if (forEach) holders.forEach((_holder, index) => add(outcome, index));
      else add(outcome, piece.holder);
    }
  });
  if (found.length > 0) return found;
  return proceduralOutcome(text.slice(from)).map((outcome) => ({ outcome, holder: null }));
}

const EACH = /(?<!\p{L})(?:каждому|каждой)(?!\p{L})/u;

/** A fine of the amount a match of FINE_AFTER or FINE_DIRECT read (groups 1 and 2, as AMOUNT writes them), if above zero. */
function pushFine(outcomes: OutcomeRecord[], m: RegExpExecArray | null): void {
  const amount = m ? amountValue(m[1], m[2]) : null;
  if (amount && amount > 0) outcomes.push({ kind: 'fine', amountRub: amount });
}

/**
 * Penalties written in text[from, to) (a piece of the resolutive part; `resolutive`: whether its
 * heading was found, else the piece is the whole act).
 */
function penalties(text: string, from: number, to: number, resolutive: boolean): OutcomeRecord[] {
  const outcomes: OutcomeRecord[] = [];
  const part = text.slice(from, to);
  const { present, arrests, fines, fineWords } = penaltyWords(text, from, to, part);
  for (const at of fines) {
    if (FINE_BEFORE.test(part.slice(Math.max(0, at.index - 60), at.index))) pushFine(outcomes, FINE_AFTER.exec(part.slice(at.end, at.end + 140)));
  }
  // The amount right after «штраф…», where no «в размере» gave one (most acts write it so).
  for (const at of outcomes.length === 0 ? fineWords : []) {
    FINE_DIRECT.lastIndex = at;
    pushFine(outcomes, FINE_DIRECT.exec(part));
  }
  // Each pattern is tried only when the words every one of its matches contains are there: most
  // acts have one or two kinds of penalty.
  const expelled = present.has('выдворени');
  if (expelled && (present.has('без') || present.has('применять') || present.has('назначать')) && NO_EXPULSION.test(part)) outcomes.push({ kind: 'no_expulsion' });
  else if (expelled && present.has('принудительн') && FORCED.test(part)) outcomes.push({ kind: 'expulsion_forced' });
  else if (present.has('самостоятельн') && SELF.test(part)) outcomes.push({ kind: 'expulsion_self' });
  else if (expelled && resolutive && expulsionWithoutForm(part)) outcomes.push({ kind: 'expulsion_forced' });
  const centre = present.has('содержания') || present.has('СИГ') || present.has('учреждени') ? CENTRE.exec(part) : null;
  if (centre) {
    // The term belongs to the placement only within the same sentence.
    const sentence = part.slice(sentenceStart(part, centre.index, 300), sentenceEnd(part, centre.index, 300));
    const term = sentence.includes('срок') || sentence.includes(' но ') ? TERM.exec(sentence) : null;
    const value = term ? amountValue(term[1], term[2]) : null;
    if (value && term![3]!.startsWith('месяц')) outcomes.push({ kind: 'detention_center', months: value });
    else outcomes.push(value ? { kind: 'detention_center', days: value } : { kind: 'detention_center' });
  }
  // Tried where «арест» is, as a scan of the whole part would find it: in order, not overlapping.
  for (let i = 0, consumed = 0; i < arrests.length; i += 1) {
    if (arrests[i]! < consumed) continue;
    ARREST.lastIndex = arrests[i]!;
    const m = ARREST.exec(part);
    if (!m) continue;
    consumed = m.index + m[0].length;
    if (m[1] !== undefined && lawQuotedBefore(part, m.index, ARREST_QUOTED, 300)) continue;
    const days = amountValue(m[2], m[3]);
    if (days) outcomes.push({ kind: 'arrest', days });
  }
  if (present.has('свобод')) outcomes.push(...imprisonment(part));
  if (present.has('условн') && SUSPENDED.test(part)) {
    const terms: number[] = [];
    for (const m of allMatches(part, PROBATION)) {
      const months = termMonths(m[1]!);
      if (months !== null && months > 0) terms.push(months);
    }
    if (terms.length === 0) outcomes.push({ kind: 'suspended' });
    for (const months of terms) outcomes.push({ kind: 'suspended', months });
  }
  return outcomes;
}

/** No penalty: the case went back, elsewhere, or ended. */
function proceduralOutcome(part: string): OutcomeRecord[] {
  if (/возвратить|возвращено/iu.test(part)) return [{ kind: 'returned' }];
  if (/по\s+подведомственности|по\s+подсудности|материалы\s+направить|дело\s+направить|передать\s+на\s+рассмотрение/iu.test(part)) return [{ kind: 'forwarded' }];
  if (/производство\s+по\s+(?:административному\s+|уголовному\s+)?делу[\s\S]{0,160}?(?:прекратить|прекращению)|отменить|признать\s+незаконным/iu.test(part)) return [{ kind: 'cancelled' }];
  if (/(?:обязательных|исправительных|принудительных)\s+работ\s+на\s+срок|в\s+виде\s+предупреждения|в\s+удовлетворении[\s\S]{0,200}?отказать/iu.test(part)) return [{ kind: 'other' }];
  return [];
}

const outcomeKey = (o: OutcomeRecord) => `${o.kind}|${o.amountRub ?? ''}|${o.days ?? ''}|${o.months ?? ''}|${o.regime ?? ''}`;

/** The same outcome as `outcomeKey` tells it, without building the keys (an act has a few outcomes). */
const sameOutcome = (a: OutcomeRecord, b: OutcomeRecord) =>
  a.kind === b.kind && (a.amountRub ?? '') === (b.amountRub ?? '') && (a.days ?? '') === (b.days ?? '') && (a.months ?? '') === (b.months ?? '') && (a.regime ?? '') === (b.regime ?? '');

/** One of each outcome, in the order first written; the last of equal ones is kept, as a map by key would. */
function dedupeOutcomes(outcomes: OutcomeRecord[]): OutcomeRecord[] {
  const unique: OutcomeRecord[] = [];
  for (const o of outcomes) {
    const same = unique.findIndex((u) => sameOutcome(u, o));
    if (same < 0) unique.push(o);
    else unique[same] = o;
  }
  return unique;
}
