// Comparing a secret sent by a client with the one we hold, in time that does not depend on
// how many leading characters match (`!==` stops at the first difference). Both sides are
// hashed first: timingSafeEqual needs equal lengths, and the length must not leak either.
import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

export function sameSecret(given: string | undefined, expected: string): boolean {
  return timingSafeEqual(digest(given ?? ''), digest(expected)) && given !== undefined && expected !== '';
}
