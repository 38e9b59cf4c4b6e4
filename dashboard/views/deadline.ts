/** Whole days from `today` to an ISO date deadline (negative when passed); null without a deadline. */
export function daysLeft(deadline: string | null, today: Date): number | null {
  if (!deadline) return null;
  const end = Date.UTC(Number(deadline.slice(0, 4)), Number(deadline.slice(5, 7)) - 1, Number(deadline.slice(8, 10)));
  const start = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return Math.round((end - start) / 86_400_000);
}
