// How the crawl is doing, for admins and consular staff: recent runs, errors by kind, pages
// by status, courts behind a captcha or blocked, and when each court last answered well.
import { desc, gt, isNotNull, max, or, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { courts, crawlRuns, documentStatus, documents, hosts } from '../schema.ts';

export interface SourcesHealth {
  runs: (typeof crawlRuns.$inferSelect)[];
  errorKinds: { kind: string; count: number }[];
  documentStatuses: { status: string; count: number }[];
  captchaCourts: { code: string; name: string; seenAt: Date | null }[];
  blockedCourts: { code: string; name: string; until: Date }[];
  blockedHosts: { host: string; until: Date; reason: string | null }[];
  staleCourts: { code: string; name: string; lastSuccessAt: Date | null }[];
}

const RECENT_RUNS = 20;
/** Run statistics that count pages that went well; every other key is a kind of failure. */
const NOT_ERRORS = new Set(['ok', 'no_data']);

/**
 * Stored pages by status, counted incrementally: stored pages never change status and are not
 * deleted, so after one full count only pages with a higher id are counted (a look-up in the
 * primary key), not a million rows on every visit. A full count every few minutes also takes
 * in pages whose transactions committed out of id order.
 */
const FULL_RECOUNT_MS = 5 * 60_000;
interface StatusCounts {
  lastId: number;
  countedAt: number;
  counts: Map<string, number>;
}
const statusCounts = new WeakMap<Db, StatusCounts>();

async function documentStatusCounts(db: Db): Promise<{ status: string; count: number }[]> {
  const previous = statusCounts.get(db);
  const incremental = previous && Date.now() - previous.countedAt < FULL_RECOUNT_MS;
  const rows = await db
    .select({ status: sql<string>`${documents.status}::text`, count: sql<number>`count(*)::int`, lastId: max(documents.id) })
    .from(documents)
    .where(incremental ? gt(documents.id, previous.lastId) : undefined)
    .groupBy(documents.status);
  const counts = new Map(incremental ? previous.counts : []);
  let lastId = incremental ? previous.lastId : 0;
  for (const row of rows) {
    counts.set(row.status, (counts.get(row.status) ?? 0) + row.count);
    lastId = Math.max(lastId, row.lastId ?? 0);
  }
  statusCounts.set(db, { lastId, counts, countedAt: incremental ? previous.countedAt : Date.now() });
  // In the enum's order, as ORDER BY status sorts them.
  const order = (status: string) => (documentStatus.enumValues as readonly string[]).indexOf(status);
  return [...counts].map(([status, count]) => ({ status, count })).sort((a, b) => order(a.status) - order(b.status));
}

export async function loadSourcesHealth(db: Db, now: Date): Promise<SourcesHealth> {
  const runs = await db.select().from(crawlRuns).orderBy(desc(crawlRuns.startedAt), desc(crawlRuns.id)).limit(RECENT_RUNS);
  const errorTotals = new Map<string, number>();
  for (const run of runs) {
    for (const [kind, value] of Object.entries(run.stats ?? {})) {
      if (typeof value === 'number' && value > 0 && !NOT_ERRORS.has(kind)) {
        errorTotals.set(kind, (errorTotals.get(kind) ?? 0) + value);
      }
    }
  }
  const [documentStatuses, captchaCourts, blockedCourts, blockedHosts, staleCourts] = await Promise.all([
    documentStatusCounts(db),
    db
      .select({ code: courts.code, name: courts.name, seenAt: courts.captchaSeenAt })
      .from(courts)
      .where(or(sql`${courts.hasCaptcha}`, isNotNull(courts.captchaSeenAt)))
      .orderBy(sql`${courts.captchaSeenAt} desc nulls last`, courts.code)
      .limit(200),
    db
      .select({ code: courts.code, name: courts.name, until: sql<Date>`${courts.blockedUntil}` })
      .from(courts)
      .where(gt(courts.blockedUntil, now))
      .orderBy(courts.blockedUntil),
    db
      .select({ host: hosts.host, until: sql<Date>`${hosts.cooldownUntil}`, reason: hosts.cooldownReason })
      .from(hosts)
      .where(gt(hosts.cooldownUntil, now))
      .orderBy(hosts.cooldownUntil),
    db
      .select({ code: courts.code, name: courts.name, lastSuccessAt: courts.lastSuccessAt })
      .from(courts)
      .orderBy(sql`${courts.lastSuccessAt} asc nulls first`, courts.code)
      .limit(50),
  ]);
  return {
    runs,
    errorKinds: [...errorTotals].map(([kind, count]) => ({ kind, count })).sort((a, b) => b.count - a.count),
    documentStatuses,
    captchaCourts,
    blockedCourts: blockedCourts.map((row) => ({ ...row, until: new Date(row.until) })),
    blockedHosts: blockedHosts.map((row) => ({ ...row, until: new Date(row.until) })),
    staleCourts,
  };
}
