// Login attempts per client address in a sliding window, on top of the per-account lockout;
// and that same lockout for names without a usable account, so that it does not tell them apart.
import { LOCKOUT_MS, MAX_FAILED_LOGINS } from '../../db/queries/users.ts';

/** Names remembered at most; the oldest are forgotten first (the per-client limit keeps this slow to fill). */
const MAX_REMEMBERED_NAMES = 10_000;

export class LoginThrottle {
  private readonly attempts = new Map<string, number[]>();
  private readonly unknownNames = new Map<string, { failed: number; lockedUntil: number }>();

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

  /** An unknown (or disabled) name locks like an account does after failed logins (db/queries/users.ts). */
  isNameLocked(name: string, now = Date.now()): boolean {
    return (this.unknownNames.get(name)?.lockedUntil ?? 0) > now;
  }

  recordNameFailure(name: string, now = Date.now()): void {
    const failed = (this.unknownNames.get(name)?.failed ?? 0) + 1;
    const lockedUntil = this.unknownNames.get(name)?.lockedUntil ?? 0;
    this.unknownNames.delete(name);
    this.unknownNames.set(name, failed >= MAX_FAILED_LOGINS ? { failed: 0, lockedUntil: now + LOCKOUT_MS } : { failed, lockedUntil });
    if (this.unknownNames.size > MAX_REMEMBERED_NAMES) this.unknownNames.delete(this.unknownNames.keys().next().value!);
  }
}
