// Login attempts per client address in a sliding window, and lockouts after failed logins.
//
// A lockout is kept per name *and* client address: five wrong passwords for a name lock that name
// for that address only, so whoever knows a username cannot lock its owner out from elsewhere.
// Guessing from many addresses meets a ceiling per name: fifty failures, from anywhere, lock the
// name everywhere (accounts keep that count in the database, db/queries/users.ts; names without a
// usable account keep it here, so that nothing tells them apart).
import { ACCOUNT_MAX_FAILED_LOGINS, LOCKOUT_MS, MAX_FAILED_LOGINS } from '../../db/queries/users.ts';

/** Lockout counters remembered at most; the oldest are forgotten first (the per-client limit keeps this slow to fill). */
const MAX_REMEMBERED = 10_000;

interface Failures {
  failed: number;
  lockedUntil: number;
}

export class LoginThrottle {
  private readonly attempts = new Map<string, number[]>();
  /** Per name and client (`client\nname`), and per name without a usable account (`*\nname`). */
  private readonly failures = new Map<string, Failures>();

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

  /** Whether this client may not try this name now. */
  isLockedFor(name: string, client: string, now = Date.now()): boolean {
    return this.lockedAt(`${client}\n${name}`, now);
  }

  /** Whether a name without a usable account has met the ceiling (accounts: users.locked_until). */
  isNameLocked(name: string, now = Date.now()): boolean {
    return this.lockedAt(`*\n${name}`, now);
  }

  /** A wrong password for `name` from `client`; `unusable`: the name has no usable account. */
  recordFailure(name: string, client: string, unusable: boolean, now = Date.now()): void {
    this.count(`${client}\n${name}`, MAX_FAILED_LOGINS, now);
    if (unusable) this.count(`*\n${name}`, ACCOUNT_MAX_FAILED_LOGINS, now);
  }

  /** A successful login forgets that client's failures for the name. */
  recordSuccess(name: string, client: string): void {
    this.failures.delete(`${client}\n${name}`);
  }

  private lockedAt(key: string, now: number): boolean {
    return (this.failures.get(key)?.lockedUntil ?? 0) > now;
  }

  private count(key: string, limit: number, now: number): void {
    const previous = this.failures.get(key);
    const failed = (previous?.failed ?? 0) + 1;
    this.failures.delete(key);
    this.failures.set(key, failed >= limit ? { failed: 0, lockedUntil: now + LOCKOUT_MS } : { failed, lockedUntil: previous?.lockedUntil ?? 0 });
    if (this.failures.size > MAX_REMEMBERED) this.failures.delete(this.failures.keys().next().value!);
  }
}
