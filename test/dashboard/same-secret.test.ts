import { describe, expect, it } from 'vitest';
import { sameSecret } from '../../dashboard/auth/same-secret.ts';

describe('sameSecret', () => {
  it('accepts only the very same secret', () => {
    const token = 'q3C9x-Vn0bXk2m4sT7yZ1wA8dF6hJ5lP';
    expect(sameSecret(token, token)).toBe(true);
    expect(sameSecret(`${token}x`, token)).toBe(false);
    expect(sameSecret(token.slice(0, -1), token)).toBe(false);
    expect(sameSecret(token.toUpperCase(), token)).toBe(false);
    expect(sameSecret(undefined, token)).toBe(false);
    expect(sameSecret('', token)).toBe(false);
  });

  it('never matches when no secret is held', () => {
    expect(sameSecret('', '')).toBe(false);
    expect(sameSecret(undefined, '')).toBe(false);
  });
});
