// Schedule leases: at most one holder per schedule across every machine sharing the database.
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { scheduleLocks } from '../schema.ts';

const expiry = (ttlMs: number) => sql`now() + make_interval(secs => ${ttlMs / 1000})`;

/** Takes the lease when it is free or expired; true when `holder` now holds it. */
export async function acquireScheduleLease(db: Db, name: string, holder: string, ttlMs: number): Promise<boolean> {
  const taken = await db
    .insert(scheduleLocks)
    .values({ name, holder, expiresAt: expiry(ttlMs) })
    .onConflictDoUpdate({
      target: scheduleLocks.name,
      set: { holder, acquiredAt: sql`now()`, expiresAt: expiry(ttlMs) },
      setWhere: sql`${scheduleLocks.expiresAt} < now()`,
    })
    .returning({ holder: scheduleLocks.holder });
  return taken[0]?.holder === holder;
}

export async function renewScheduleLease(db: Db, name: string, holder: string, ttlMs: number): Promise<boolean> {
  const renewed = await db
    .update(scheduleLocks)
    .set({ expiresAt: expiry(ttlMs) })
    .where(and(eq(scheduleLocks.name, name), eq(scheduleLocks.holder, holder)))
    .returning({ name: scheduleLocks.name });
  return renewed.length > 0;
}

export async function releaseScheduleLease(db: Db, name: string, holder: string): Promise<void> {
  await db.delete(scheduleLocks).where(and(eq(scheduleLocks.name, name), eq(scheduleLocks.holder, holder)));
}
