// The crawl frontier, kept in the database. Every request has a unique key (so a URL is
// never fetched twice), a state, attempts and a next-attempt time (so a killed crawler
// resumes where it stopped). Work is claimed with FOR UPDATE SKIP LOCKED, so several
// crawler processes sharing one PostgreSQL never take the same request.
import { and, asc, eq, inArray, isNull, lt, lte, notExists, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { crawlRequests, hosts } from '../../db/schema.ts';
import type { RequestSpec } from './source.ts';

export type ClaimedRequest = typeof crawlRequests.$inferSelect;

export function hostOf(url: string): string {
  return new URL(url).host;
}

/** Adds requests to the frontier; requests whose key is already known are ignored. Returns how many were new. */
export async function enqueueRequests(
  db: Db,
  source: string,
  specs: RequestSpec[],
  runId: number | null,
): Promise<number> {
  if (specs.length === 0) return 0;
  const rows = specs.map((spec) => ({
    uniqueKey: spec.uniqueKey ?? spec.url,
    url: spec.url,
    host: hostOf(spec.url),
    source,
    kind: spec.kind,
    courtId: spec.courtId ?? null,
    userData: spec.userData ?? null,
    runId,
  }));
  const inserted = await db
    .insert(crawlRequests)
    .values(rows)
    .onConflictDoNothing({ target: crawlRequests.uniqueKey })
    .returning({ id: crawlRequests.id });
  return inserted.length;
}

/**
 * Claims up to `limit` due requests for `worker`, skipping hosts in cooldown and rows other
 * workers hold. The claim is one short transaction.
 */
export async function claimRequests(db: Db, worker: string, source: string, limit: number): Promise<ClaimedRequest[]> {
  return db.transaction(async (tx) => {
    const hostCoolingDown = tx
      .select({ host: hosts.host })
      .from(hosts)
      .where(and(eq(hosts.host, crawlRequests.host), sql`${hosts.cooldownUntil} > now()`));
    const due = await tx
      .select({ id: crawlRequests.id })
      .from(crawlRequests)
      .where(
        and(
          eq(crawlRequests.state, 'queued'),
          eq(crawlRequests.source, source),
          lte(crawlRequests.nextAttemptAt, sql`now()`),
          notExists(hostCoolingDown),
        ),
      )
      .orderBy(asc(crawlRequests.nextAttemptAt), asc(crawlRequests.id))
      .limit(limit)
      .for('update', { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(crawlRequests)
      .set({ state: 'in_progress', lockedBy: worker, lockedAt: sql`now()`, updatedAt: sql`now()` })
      .where(
        inArray(
          crawlRequests.id,
          due.map((row) => row.id),
        ),
      )
      .returning();
  });
}

export async function markDone(db: Db, id: number): Promise<void> {
  await db
    .update(crawlRequests)
    .set({ state: 'done', lockedBy: null, lockedAt: null, lastError: null, updatedAt: sql`now()` })
    .where(eq(crawlRequests.id, id));
}

/** A request that will not be retried: recorded with its reason, never silently dropped. */
export async function markGivenUp(db: Db, id: number, state: 'failed' | 'skipped', reason: string): Promise<void> {
  await db
    .update(crawlRequests)
    .set({ state, lockedBy: null, lockedAt: null, lastError: reason, updatedAt: sql`now()` })
    .where(eq(crawlRequests.id, id));
}

/** Puts a request back in the queue for a later attempt. */
export async function reschedule(
  db: Db,
  id: number,
  notBefore: Date,
  reason: string,
  countAttempt: boolean,
): Promise<void> {
  await db
    .update(crawlRequests)
    .set({
      state: 'queued',
      attempts: countAttempt ? sql`${crawlRequests.attempts} + 1` : crawlRequests.attempts,
      nextAttemptAt: notBefore,
      lockedBy: null,
      lockedAt: null,
      lastError: reason,
      updatedAt: sql`now()`,
    })
    .where(eq(crawlRequests.id, id));
}

/**
 * Returns requests held by a crashed worker to the queue: those locked by `worker` itself
 * (a restart of the same worker) or whose lease is older than `leaseMs`.
 */
export async function recoverAbandoned(db: Db, worker: string, leaseMs: number): Promise<number> {
  const staleBefore = new Date(Date.now() - leaseMs);
  const recovered = await db
    .update(crawlRequests)
    .set({ state: 'queued', lockedBy: null, lockedAt: null, updatedAt: sql`now()` })
    .where(
      and(
        eq(crawlRequests.state, 'in_progress'),
        or(eq(crawlRequests.lockedBy, worker), lt(crawlRequests.lockedAt, staleBefore), isNull(crawlRequests.lockedAt)),
      ),
    )
    .returning({ id: crawlRequests.id });
  return recovered.length;
}

export interface FrontierCounts {
  queued: number;
  inProgress: number;
  done: number;
  failed: number;
  skipped: number;
  /** The earliest time a queued request becomes due (null when none is queued). */
  nextDueAt: Date | null;
}

export async function frontierCounts(db: Db, source: string): Promise<FrontierCounts> {
  const rows = await db
    .select({
      state: crawlRequests.state,
      count: sql<number>`count(*)::int`,
      nextDue: sql<string | null>`min(${crawlRequests.nextAttemptAt})`,
    })
    .from(crawlRequests)
    .where(eq(crawlRequests.source, source))
    .groupBy(crawlRequests.state);
  const counts: FrontierCounts = { queued: 0, inProgress: 0, done: 0, failed: 0, skipped: 0, nextDueAt: null };
  for (const row of rows) {
    if (row.state === 'queued') {
      counts.queued = row.count;
      counts.nextDueAt = row.nextDue ? new Date(row.nextDue) : null;
    } else if (row.state === 'in_progress') counts.inProgress = row.count;
    else counts[row.state] = row.count;
  }
  return counts;
}
