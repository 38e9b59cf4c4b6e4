// What kind of page a court site answered with. Court sites answer most refusals with
// HTTP 200, so the text decides as much as the status.
import type { PageStatus } from '../../engine/source.ts';

export interface PageVerdict {
  status: PageStatus;
  reason?: string;
}

const CAPTCHA = /name=["']?captchaid|Неверно указан проверочный код/i;
const THROTTLED = /Информация временно недоступна/;
const GEO_BLOCKED = /заблокирован по соображениям безопасности/;
const WAF = /Данный запрос некорректен/;
const NO_DATA = /Данных по запросу не обнаружено/;

/**
 * Real list and card pages, act included, stay well under 1 MB of text; a page far beyond that
 * is hostile or broken, and parsing it would hold a worker for seconds. It is kept (raw bytes,
 * for audit) and recorded as a parse failure instead.
 */
export const MAX_PAGE_CHARS = 5_000_000;

export function classifyPage(httpStatus: number, text: string): PageVerdict {
  if (text.length > MAX_PAGE_CHARS) return { status: 'parse_failure', reason: `page too large: ${text.length} characters (limit ${MAX_PAGE_CHARS})` };
  if (httpStatus === 429) return { status: 'throttled', reason: 'HTTP 429 Too Many Requests' };
  if (GEO_BLOCKED.test(text)) return { status: 'geo_blocked', reason: 'geo-block page (G)' };
  if (WAF.test(text) || (httpStatus === 403 && /\(B\)/.test(text))) return { status: 'waf_blocked', reason: 'WAF refusal (B)' };
  if (httpStatus >= 400) return { status: 'http_error', reason: `HTTP ${httpStatus}` };
  if (THROTTLED.test(text)) return { status: 'throttled', reason: '«Информация временно недоступна»' };
  if (CAPTCHA.test(text)) return { status: 'captcha', reason: 'search needs a captcha' };
  if (NO_DATA.test(text)) return { status: 'no_data', reason: '«Данных по запросу не обнаружено»' };
  return { status: 'ok' };
}
