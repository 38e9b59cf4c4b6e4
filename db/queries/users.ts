// Accounts, sessions and the audit log.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { auditLog, sessions, users } from '../schema.ts';
import { preparedFor } from './prepared.ts';

export type UserRoleName = (typeof users.$inferSelect)['role'];
export type User = typeof users.$inferSelect;

export const SESSION_TTL_MS = 12 * 60 * 60_000;
/** Wrong passwords for one name from one client address before that address is locked out of it. */
export const MAX_FAILED_LOGINS = 5;
/** Wrong passwords for one account, from anywhere, before it is locked for everyone. */
export const ACCOUNT_MAX_FAILED_LOGINS = 50;
export const LOCKOUT_MS = 15 * 60_000;

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

export async function createUser(
  db: Db,
  user: { username: string; passwordHash: string; role: UserRoleName; district?: string | null; displayName?: string | null },
): Promise<User> {
  const [created] = await db
    .insert(users)
    .values(user)
    .onConflictDoUpdate({
      target: users.username,
      set: { passwordHash: user.passwordHash, role: user.role, district: user.district ?? null, disabled: false },
    })
    .returning();
  if (!created) throw new Error(`could not create user ${user.username}`);
  return created;
}

export async function findUserByName(db: Db, username: string): Promise<User | undefined> {
  const [user] = await db.select().from(users).where(eq(users.username, username));
  return user;
}

export function isLockedOut(user: User, now = new Date()): boolean {
  return user.disabled || (user.lockedUntil !== null && user.lockedUntil > now);
}

export async function recordFailedLogin(db: Db, user: User): Promise<void> {
  const failed = user.failedLogins + 1;
  await db
    .update(users)
    .set({
      failedLogins: failed >= ACCOUNT_MAX_FAILED_LOGINS ? 0 : failed,
      lockedUntil: failed >= ACCOUNT_MAX_FAILED_LOGINS ? new Date(Date.now() + LOCKOUT_MS) : user.lockedUntil,
    })
    .where(eq(users.id, user.id));
}

export async function recordSuccessfulLogin(db: Db, user: User): Promise<void> {
  await db.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, user.id));
}

/** Creates a session; the returned token goes in the cookie, only its hash is stored. */
export async function createSession(db: Db, userId: number): Promise<{ token: string; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await db.insert(sessions).values({
    tokenHash: sha256(token),
    userId,
    csrfToken,
    expiresAt: new Date(Date.now() + SESSION_TTL_MS),
  });
  return { token, csrfToken };
}

export interface SessionUser {
  user: User;
  csrfToken: string;
}

const sessionQuery = (db: Db) =>
  db
    .select({ user: users, csrfToken: sessions.csrfToken })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, sql.placeholder('tokenHash')), gt(sessions.expiresAt, sql`now()`)))
    .prepare('kuzet_load_session');

export async function loadSession(db: Db, token: string): Promise<SessionUser | null> {
  const [row] = await preparedFor(db, 'load_session', sessionQuery).execute({ tokenHash: sha256(token) });
  if (!row || row.user.disabled) return null;
  return row;
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, sha256(token)));
}

export interface AuditEntry {
  user: Pick<User, 'id' | 'username'> | null;
  action: string;
  entityType?: string;
  entityId?: string | number;
  details?: Record<string, unknown>;
}

export async function writeAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    userId: entry.user?.id ?? null,
    actor: entry.user?.username ?? 'system',
    action: entry.action,
    entityType: entry.entityType ?? null,
    entityId: entry.entityId === undefined ? null : String(entry.entityId),
    details: entry.details ?? null,
  });
}
