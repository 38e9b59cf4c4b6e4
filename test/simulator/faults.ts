// The ways court sites misbehave, injected on demand and deterministically (every Nth request
// of a court), so tests can check that a crawl survives them and still finds every case.
export interface SimulatorFaults {
  /** Court codes whose list/search pages answer with the captcha form (cards stay open). */
  captchaCourts?: string[];
  /** Every Nth request of a court answers 429 with Retry-After. */
  rateLimit?: { everyN: number; retryAfterSeconds: number };
  /** Every Nth request answers HTTP 200 «Информация временно недоступна». */
  throttlePageEveryN?: number;
  /** Every Nth request answers 503 or 502 (alternating). */
  serverErrorEveryN?: number;
  /** Every response waits this long. */
  slowMs?: number;
  /** Every Nth page is cut off half-way (no closing </html>). */
  truncateEveryN?: number;
  /** Every Nth page declares charset=utf-8 but sends windows-1251 bytes. */
  wrongCharsetEveryN?: number;
}

export type RefusalFault =
  | { kind: 'rate_limit'; retryAfterSeconds: number }
  | { kind: 'server_error'; status: 502 | 503 }
  | { kind: 'throttle_page' };

export interface PageFaults {
  refusal: RefusalFault | null;
  truncate: boolean;
  wrongCharset: boolean;
}

const every = (n: number | undefined, count: number) => n !== undefined && n > 0 && count % n === 0;

/** What goes wrong with a court's `count`-th request (1-based). At most one refusal per request. */
export function faultsFor(faults: SimulatorFaults, count: number): PageFaults {
  let refusal: RefusalFault | null = null;
  if (faults.rateLimit && every(faults.rateLimit.everyN, count)) refusal = { kind: 'rate_limit', retryAfterSeconds: faults.rateLimit.retryAfterSeconds };
  else if (every(faults.serverErrorEveryN, count)) refusal = { kind: 'server_error', status: (count / faults.serverErrorEveryN!) % 2 === 0 ? 502 : 503 };
  else if (every(faults.throttlePageEveryN, count)) refusal = { kind: 'throttle_page' };
  return { refusal, truncate: every(faults.truncateEveryN, count), wrongCharset: every(faults.wrongCharsetEveryN, count) };
}
