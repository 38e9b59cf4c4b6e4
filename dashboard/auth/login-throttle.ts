// Login attempts per client address in a sliding window, on top of the per-account lockout.
export class LoginThrottle {
  private readonly attempts = new Map<string, number[]>();

  constructor(
    private readonly maxAttempts = 10,
    private readonly windowMs = 5 * 60_000,
  ) {}

  /** Records an attempt; false when the client is over the limit. */
  allow(client: string, now = Date.now()): boolean {
    const recent = (this.attempts.get(client) ?? []).filter((t) => now - t < this.windowMs);
    recent.push(now);
    this.attempts.set(client, recent);
    return recent.length <= this.maxAttempts;
  }
}
