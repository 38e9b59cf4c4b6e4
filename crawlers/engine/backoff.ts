// Exponential backoff with full jitter: retries of many requests spread out instead of
// hitting a struggling court site together.
export function backoffDelayMs(attemptsSoFar: number, baseMs: number, maxMs = 30 * 60_000, random = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** attemptsSoFar);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
