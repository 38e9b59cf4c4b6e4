// The decision date of an act and the appeal deadline that follows from it.
import { needle, needlePositions, sentenceStart } from './cyrillic.ts';
import { AMOUNT, amountValue } from './numerals.ts';

export const MONTH_NAMES = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];
// No leading lookbehind (it keeps V8 from skipping ahead): a digit before is checked in code. The
// day may be quoted, «05» ноября 2026 года (normalization has made the quotes ").
const WORDED_DATE = new RegExp(`(\\d{1,2})"?\\s+(${MONTH_NAMES.join('|')})\\s+(\\d{4})`, 'gu');
const NUMERIC_DATE = /(\d{2})\.(\d{2})\.(\d{4})(?!\d)/g;

/** The first match not preceded by a digit. */
function firstAfterNonDigit(text: string, pattern: RegExp): RegExpExecArray | null {
  for (let from = 0; ; ) {
    pattern.lastIndex = from;
    const m = pattern.exec(text);
    if (!m) return null;
    const before = m.index > 0 ? text.charCodeAt(m.index - 1) : 0;
    if (before < 0x30 || before > 0x39) return m;
    from = m.index + 1;
  }
}

/** «5», «марта», «1990» → «1990-03-05» (not checked against the calendar). */
export function wordedDate(day: string, monthName: string, year: string): string {
  return `${year}-${String(MONTH_NAMES.indexOf(monthName) + 1).padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/** Where the judge's introduction starts. */
const INTRODUCTION = /(?:Судья|судья|рассмотрев|в\s+составе|Суд\s+в\s+составе)/u;

/**
 * The decision date: the first date written before the judge's introduction («Судья …»,
 * «рассмотрев …»), where acts put it; later dates are birth dates and events.
 */
export function firstDate(text: string): string | null {
  const intro = INTRODUCTION.exec(text.slice(0, 3000));
  const head = text.slice(0, intro ? Math.max(intro.index, 200) : 1500);
  const worded = firstAfterNonDigit(head, WORDED_DATE);
  const numeric = firstAfterNonDigit(head, NUMERIC_DATE);
  // «31.02.2026» or «01.13.2026» are not dates: a decision date must survive a calendar round trip.
  const fromWords = worded ? wordedDate(worded[1]!, worded[2]!, worded[3]!) : null;
  const fromDigits = numeric ? `${numeric[3]}-${numeric[2]}-${numeric[1]}` : null;
  const wordedOk = fromWords !== null && isCalendarDate(fromWords);
  const numericOk = fromDigits !== null && isCalendarDate(fromDigits);
  if (wordedOk && numericOk) return worded!.index <= numeric!.index ? fromWords : fromDigits;
  return wordedOk ? fromWords : numericOk ? fromDigits : null;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!;
}

/** «YYYY-MM-DD» read as numbers, or null when `iso` is not written so. */
function isoParts(iso: string): [number, number, number] | null {
  if (iso.length !== 10 || iso.charCodeAt(4) !== 0x2d || iso.charCodeAt(7) !== 0x2d) return null;
  let y = 0;
  let m = 0;
  let d = 0;
  for (let i = 0; i < 10; i += 1) {
    if (i === 4 || i === 7) continue;
    const digit = iso.charCodeAt(i) - 0x30;
    if (digit < 0 || digit > 9) return null;
    if (i < 4) y = y * 10 + digit;
    else if (i < 7) m = m * 10 + digit;
    else d = d * 10 + digit;
  }
  return [y, m, d];
}

export function isCalendarDate(iso: string): boolean {
  const parts = isoParts(iso);
  // Years below 100 are not calendar dates either: Date.UTC reads them as 1900 + year.
  if (parts) return parts[0] >= 100 && parts[1] >= 1 && parts[1] <= 12 && parts[2] >= 1 && parts[2] <= daysInMonth(parts[0], parts[1]);
  const [y, m, d] = iso.split('-').map(Number);
  const date = new Date(Date.UTC(y!, m! - 1, d!));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m! - 1 && date.getUTCDate() === d;
}

const isoDate = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** An appeal period: days or months. */
export type AppealPeriod = { days: number } | { months: number };

// «Постановление может быть обжаловано … в течение 10 (десяти) суток», «Апелляционная жалоба может
// быть подана в течение одного месяца»: the period after «в течение», in a sentence about an appeal.
const DURING = needle('течение');
const PERIOD_AFTER = new RegExp(String.raw`течение\s+(?:(?:одного\s+)?(месяца)|${AMOUNT}\s*(сут\p{L}*|дн\p{L}*|дней|месяц\p{L}*))`, 'uy');
/** «обжаловано», «Апелляционная», «жалоба» in either case: their letters after the first. */
const APPEAL_WORD = /бжал|пелляц|алоб/u;

/**
 * The appeal period the act states, the last one written (the appeal clause ends the act; «в
 * течение 60 дней» of a fine's payment is in no sentence about an appeal). Null when none is stated.
 */
export function statedAppealPeriod(text: string): AppealPeriod | null {
  const positions = needlePositions(text, DURING);
  for (let i = positions.length - 1; i >= 0; i -= 1) {
    const at = positions[i]!;
    if (at < 2 || text.charCodeAt(at - 2) !== 0x432 || text.charCodeAt(at - 1) !== 0x20) continue; // «в течение»
    if (!APPEAL_WORD.test(text.slice(sentenceStart(text, at, 300), at))) continue;
    PERIOD_AFTER.lastIndex = at;
    const m = PERIOD_AFTER.exec(text);
    if (!m) continue;
    if (m[1]) return { months: 1 };
    const value = amountValue(m[2], m[3]);
    if (!value) continue;
    return m[4]!.startsWith('месяц') ? { months: value } : { days: value };
  }
  return null;
}

/** The appeal period the law gives a kind of case: КоАП 10 days (ст. 30.3), criminal 15 days (УПК ст. 389.4). */
function periodByLaw(caseType: string): number | null {
  return caseType === 'criminal' ? 15 : caseType === 'koap' || caseType === 'koap_appeal' ? 10 : null;
}

/**
 * Appeal deadline, kept simple: from the decision date (the law counts from the day a copy is
 * received, or from the decision in its final form, which we do not know), by the law for КоАП and
 * criminal cases (periodByLaw), else by the period the act's `text` states (a КАС decision on an
 * entry ban, «в течение одного месяца»; on a placement in a ЦВСИГ, «в течение десяти дней»); none
 * when neither gives one. A month ends on the same day of the next month, or on its last day when
 * it has no such day.
 */
export function appealDeadline(decisionDate: string | null, caseType: string, text = ''): string | null {
  const parts = decisionDate ? isoParts(decisionDate) : null;
  if (!parts || !isCalendarDate(decisionDate!)) return null;
  const byLaw = periodByLaw(caseType);
  const period = byLaw !== null ? { days: byLaw } : text ? statedAppealPeriod(text) : null;
  if (period === null) return null;
  let [y, m, d] = parts;
  if ('months' in period) {
    m += period.months;
    y += Math.floor((m - 1) / 12);
    m = ((m - 1) % 12) + 1;
    return isoDate(y, m, Math.min(d, daysInMonth(y, m)));
  }
  d += period.days;
  for (let length = daysInMonth(y, m); d > length; length = daysInMonth(y, m)) {
    d -= length;
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return isoDate(y, m, d);
}
