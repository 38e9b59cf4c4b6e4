// The crawl frontier, kept in the database. Every request has a unique key (so a URL is
// never fetched twice), a state, attempts and a next-attempt time (so a killed crawler
// resumes where it stopped). Work is claimed with FOR UPDATE SKIP LOCKED, so several
// crawler processes sharing one PostgreSQL never take the same request.
import { and, asc, eq, inArray, isNull, lt, lte, notExists, notInArray, or, sql } from 'drizzle-orm';
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
 * Claims up to `limit` due requests for `worker`: at most `perHost` per host, none for hosts
 * in cooldown or in `busyHosts` (hosts this worker is already waiting on), none that another
 * worker holds. Claiming a host's whole backlog would leave the other hosts idle while its
 * requests wait for their politeness slots.
 */
export async function claimRequests(
  db: Db,
  worker: string,
  source: string,
  limit: number,
  { perHost = Number.POSITIVE_INFINITY, busyHosts = [] }: { perHost?: number; busyHosts?: string[] } = {},
): Promise<ClaimedRequest[]> {
  return db.transaction(async (tx) => {
    const hostCoolingDown = tx
      .select({ host: hosts.host })
      .from(hosts)
      .where(and(eq(hosts.host, crawlRequests.host), sql`${hosts.cooldownUntil} > now()`));
    const candidates = await tx
      .select({ id: crawlRequests.id, host: crawlRequests.host })
      .from(crawlRequests)
      .where(
        and(
          eq(crawlRequests.state, 'queued'),
          eq(crawlRequests.source, source),
          lte(crawlRequests.nextAttemptAt, sql`now()`),
          notExists(hostCoolingDown),
          busyHosts.length > 0 ? notInArray(crawlRequests.host, busyHosts) : undefined,
        ),
      )
      .orderBy(asc(crawlRequests.nextAttemptAt), asc(crawlRequests.id))
      .limit(Number.isFinite(perHost) ? limit * 8 : limit)
      // Locked as they are read, skipping what another claimer holds: concurrent claimers take the
      // next requests instead of all reading the same first ones and all but one getting nothing.
      .for('update', { skipLocked: true });
    const perHostCount = new Map<string, number>();
    const picked = candidates.filter((row) => {
      const n = perHostCount.get(row.host) ?? 0;
      if (n >= perHost) return false;
      perHostCount.set(row.host, n + 1);
      return true;
    });
    const ids = picked.slice(0, limit).map((row) => row.id);
    if (ids.length === 0) return [];
    const free = await tx
      .select({ id: crawlRequests.id })
      .from(crawlRequests)
      .where(and(inArray(crawlRequests.id, ids), eq(crawlRequests.state, 'queued')))
      .for('update', { skipLocked: true });
    if (free.length === 0) return [];
    return tx
      .update(crawlRequests)
      .set({ state: 'in_progress', lockedBy: worker, lockedAt: sql`now()`, updatedAt: sql`now()` })
      .where(
        inArray(
          crawlRequests.id,
          free.map((row) => row.id),
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
