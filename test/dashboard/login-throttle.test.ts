import { describe, expect, it } from 'vitest';
import { LoginThrottle } from '../../dashboard/auth/login-throttle.ts';
import { ACCOUNT_MAX_FAILED_LOGINS, LOCKOUT_MS, MAX_FAILED_LOGINS } from '../../db/queries/users.ts';

describe('LoginThrottle', () => {
  it('limits attempts per client in a sliding window', () => {
    const throttle = new LoginThrottle(3, 1000);
    expect([0, 10, 20, 30].map((t) => throttle.allow('a', t))).toEqual([true, true, true, false]);
    expect(throttle.allow('b', 30)).toBe(true);
    expect(throttle.allow('a', 1015)).toBe(true);
  });

  it('locks a name for the client that failed, not for others, until the lockout ends', () => {
    const throttle = new LoginThrottle();
    for (let i = 0; i < MAX_FAILED_LOGINS - 1; i += 1) throttle.recordFailure('officer', '10.0.0.1', false, 0);
    expect(throttle.isLockedFor('officer', '10.0.0.1', 0)).toBe(false);
    throttle.recordFailure('officer', '10.0.0.1', false, 0);
    expect(throttle.isLockedFor('officer', '10.0.0.1', 1)).toBe(true);
    expect(throttle.isLockedFor('officer', '10.0.0.2', 1)).toBe(false);
    expect(throttle.isLockedFor('someone', '10.0.0.1', 1)).toBe(false);
    expect(throttle.isLockedFor('officer', '10.0.0.1', LOCKOUT_MS + 1)).toBe(false);
  });

  it('forgets a client\'s failures for a name when it logs in', () => {
    const throttle = new LoginThrottle();
    for (let i = 0; i < MAX_FAILED_LOGINS - 1; i += 1) throttle.recordFailure('officer', 'a', false, 0);
    throttle.recordSuccess('officer', 'a');
    throttle.recordFailure('officer', 'a', false, 0);
    expect(throttle.isLockedFor('officer', 'a', 1)).toBe(false);
  });

  it('locks a name without an account everywhere at the ceiling, and only such names', () => {
    const throttle = new LoginThrottle();
    for (let i = 0; i < ACCOUNT_MAX_FAILED_LOGINS - 1; i += 1) {
      throttle.recordFailure('nobody', `10.0.${i}.1`, true, 0);
      throttle.recordFailure('account', `10.0.${i}.1`, false, 0);
    }
    expect(throttle.isNameLocked('nobody', 1)).toBe(false);
    throttle.recordFailure('nobody', '10.9.9.9', true, 0);
    throttle.recordFailure('account', '10.9.9.9', false, 0);
    expect(throttle.isNameLocked('nobody', 1)).toBe(true);
    // An account's ceiling is counted in the database, not here.
    expect(throttle.isNameLocked('account', 1)).toBe(false);
  });
});
