// Account administration from the dashboard (the command line has `kuzet user add`).
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { sessions, users } from '../schema.ts';
import { writeAudit, type User, type UserRoleName } from './users.ts';

export type AccountRow = Pick<User, 'id' | 'username' | 'displayName' | 'role' | 'district' | 'disabled' | 'createdAt'>;

export async function listAccounts(db: Db): Promise<AccountRow[]> {
  return db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      district: users.district,
      disabled: users.disabled,
      createdAt: users.createdAt,
    })
    .from(users)
    .orderBy(asc(users.username));
}

/** Creates an account; null when the username is taken (an existing account is never overwritten here). */
export async function createAccount(
  db: Db,
  admin: Pick<User, 'id' | 'username'>,
  account: { username: string; displayName: string | null; passwordHash: string; role: UserRoleName; district: string | null },
): Promise<User | null> {
  return db.transaction(async (tx) => {
    const [created] = await tx.insert(users).values(account).onConflictDoNothing().returning();
    if (!created) return null;
    await writeAudit(tx, { user: admin, action: 'user.add', entityType: 'user', entityId: created.id, details: { role: created.role } });
    return created;
  });
}

/** Disables (and logs out at once) or re-enables an account. */
export async function setAccountDisabled(db: Db, admin: Pick<User, 'id' | 'username'>, userId: number, disabled: boolean): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [changed] = await tx.update(users).set({ disabled }).where(eq(users.id, userId)).returning({ id: users.id });
    if (!changed) return false;
    if (disabled) await tx.delete(sessions).where(eq(sessions.userId, userId));
    await writeAudit(tx, { user: admin, action: disabled ? 'user.disable' : 'user.enable', entityType: 'user', entityId: userId });
    return true;
  });
}

export async function setUserLanguage(db: Db, userId: number, language: string): Promise<void> {
  await db.update(users).set({ language }).where(eq(users.id, userId));
}
