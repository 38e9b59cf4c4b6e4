// Reads the service's answer page. Only two answers are facts: «Въезд не разрешен» (a ban is
// recorded) and «Данных нет» (none is recorded on that day). Everything else, a captcha
// above all, is "unknown": Kuzet never solves captchas, and never guesses a ban.
import { load } from 'cheerio';

export type EntryBanResult = 'ban' | 'no_data' | 'unknown';

export interface EntryBanAnswer {
  result: EntryBanResult;
  /** The phrase that decided it, or why the answer is unknown. */
  reason: string;
}

const BAN = /въезд\s+(?:в\s+российскую\s+федерацию\s+)?не\s+разреш[её]н/iu;
const UNDESIRABLE = /нежелательност\p{L}*\s+пребывания/iu; // seen in reports, unverified on the service
const NO_DATA = /данных\s+нет|сведени\p{L}*\s+(?:не\s+найден|отсутству)/iu;
const CAPTCHA = /captcha|капч|код\s+с\s+картинки|проверочн\p{L}*\s+код/iu;

export function parseEntryBanAnswer(html: string, httpStatus: number): EntryBanAnswer {
  if (httpStatus === 429) return { result: 'unknown', reason: 'the service asked to slow down (HTTP 429)' };
  if (httpStatus >= 400) return { result: 'unknown', reason: `the service answered HTTP ${httpStatus}` };
  const $ = load(html);
  $('script, style').remove();
  const text = $('body').text().replace(/\s+/g, ' ');
  // A captcha form may sit on a page that also repeats the form's help text: it wins.
  if (CAPTCHA.test(text) || $('img[src*="captcha" i], input[name*="captcha" i]').length > 0) {
    return { result: 'unknown', reason: 'captcha: check this person by hand on the service' };
  }
  if (BAN.test(text)) return { result: 'ban', reason: 'Въезд не разрешен' };
  if (UNDESIRABLE.test(text)) return { result: 'ban', reason: 'нежелательность пребывания' };
  if (NO_DATA.test(text)) return { result: 'no_data', reason: 'Данных нет' };
  return { result: 'unknown', reason: 'the answer page was not recognised' };
}
