// What the court decided, read from the resolutive part («ПОСТАНОВИЛ:», «ПРИГОВОРИЛ:», «РЕШИЛ:»)
// so that penalties quoted from earlier decisions are not mistaken for this one.
import type { OutcomeRecord } from './types.ts';

const RESOLUTIVE = /(?:П\s*О\s*С\s*Т\s*А\s*Н\s*О\s*В\s*И\s*Л|П\s*Р\s*И\s*Г\s*О\s*В\s*О\s*Р\s*И\s*Л|Р\s*Е\s*Ш\s*И\s*Л|О\s*П\s*Р\s*Е\s*Д\s*Е\s*Л\s*И\s*Л)\s*(?:А\s*)?:/iu;

export function resolutivePart(text: string): string {
  const match = RESOLUTIVE.exec(text);
  return match ? text.slice(match.index) : text;
}

const amount = (digits: string) => Number(digits.replace(/\s/g, ''));

export function extractOutcomes(text: string): OutcomeRecord[] {
  const part = resolutivePart(text);
  const outcomes: OutcomeRecord[] = [];
  // Courts sometimes drop the word «штрафа» («наказание в виде административного в размере 500 рублей»).
  const fine = part.match(/(?:штраф\p{L}*|в\s+виде\s+административного)\s+в\s+размере\s+(\d+(?:[\s\u00a0]\d{3})*)/u);
  if (fine) outcomes.push({ kind: 'fine', amountRub: amount(fine[1]!) });
  if (/принудительного\s+выдворения|принудительное\s+выдворение|форме\s+принудительного/u.test(part)) outcomes.push({ kind: 'expulsion_forced' });
  else if (/контролируемого\s+самостоятельного\s+выезда/u.test(part)) outcomes.push({ kind: 'expulsion_self' });
  else if (/без\s+(?:административного\s+)?выдворения/u.test(part)) outcomes.push({ kind: 'no_expulsion' });
  const centre = part.match(/(?:Центр\p{L}*\s+временного\s+содержания\s+иностранных\s+граждан|ЦВСИГ|СУВСИГ|ЦСИГ)(?:[^.]{0,80}?на\s+срок\s+(?:до\s+)?(\d+)\s+(?:сут|дн))?/u);
  if (centre) outcomes.push(centre[1] ? { kind: 'detention_center', days: Number(centre[1]) } : { kind: 'detention_center' });
  const arrest = part.match(/административн\p{L}*\s+арест\p{L}*\s+на\s+срок\s+(\d+)\s+сут/u);
  if (arrest) outcomes.push({ kind: 'arrest', days: Number(arrest[1]) });
  const prison = part.match(/лишени\p{L}*\s+свободы\s+на\s+срок\s+(?:(\d+)\s+(?:год|года|лет))?\s*(?:(\d+)\s+месяц\p{L}*)?/u);
  if (prison && (prison[1] || prison[2])) outcomes.push({ kind: 'imprisonment', months: Number(prison[1] ?? 0) * 12 + Number(prison[2] ?? 0) });
  if (/условн\p{L}*\s+с\s+испытательным\s+сроком|считать\s+условным/u.test(part)) outcomes.push({ kind: 'suspended' });
  if (/возвратить|возвращено/iu.test(part) && outcomes.length === 0) outcomes.push({ kind: 'returned' });
  if (/по\s+подведомственности|по\s+подсудности|материалы\s+направить|дело\s+направить|передать\s+на\s+рассмотрение/iu.test(part) && outcomes.length === 0) {
    outcomes.push({ kind: 'forwarded' });
  }
  if (/производство\s+по\s+делу[\s\S]{0,160}?(?:прекратить|прекращению)|отменить/iu.test(part) && outcomes.length === 0) outcomes.push({ kind: 'cancelled' });
  if (/обязательных\s+работ\s+на\s+срок|в\s+виде\s+предупреждения/u.test(part) && outcomes.length === 0) outcomes.push({ kind: 'other' });
  return outcomes;
}

const MONTHS = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];

/** The first date written in the text («05 июня 2026 года», «05.06.2026»): the decision date in acts. */
export function firstDate(text: string): string | null {
  const head = text.slice(0, 1500);
  const worded = head.match(new RegExp(`(\\d{1,2})\\s+(${MONTHS.join('|')})\\s+(\\d{4})`, 'u'));
  const numeric = head.match(/(?<!\d)(\d{2})\.(\d{2})\.(\d{4})(?!\d)/);
  const candidates: { at: number; iso: string }[] = [];
  if (worded) candidates.push({ at: worded.index!, iso: `${worded[3]}-${String(MONTHS.indexOf(worded[2]!) + 1).padStart(2, '0')}-${worded[1]!.padStart(2, '0')}` });
  if (numeric) candidates.push({ at: numeric.index!, iso: `${numeric[3]}-${numeric[2]}-${numeric[1]}` });
  return candidates.sort((a, b) => a.at - b.at)[0]?.iso ?? null;
}

/** КоАП rulings can be appealed within 10 days, criminal sentences within 15 (counted here from the decision). */
export function appealDeadline(decisionDate: string | null, caseType: string): string | null {
  if (!decisionDate) return null;
  const days = caseType === 'criminal' ? 15 : caseType === 'koap' || caseType === 'koap_appeal' ? 10 : null;
  if (days === null) return null;
  return new Date(Date.parse(decisionDate) + days * 86_400_000).toISOString().slice(0, 10);
}
