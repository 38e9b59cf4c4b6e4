// Writes of the crawler: a fetched page and what it leads to are stored in one transaction,
// so a crash never leaves a page stored without its discovered links, or the reverse.
import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { courts, crawlRuns, documents } from '../schema.ts';

export type DocumentStatusName = (typeof documents.$inferInsert)['status'];

export interface StoredPage {
  url: string;
  requestKey: string;
  source: string;
  kind: string;
  courtId: number | null;
  runId: number | null;
  httpStatus: number;
  headers: Record<string, string>;
  encoding: string;
  raw: Uint8Array;
  text: string;
  status: NonNullable<DocumentStatusName>;
  failureReason?: string | null;
  parsed?: unknown;
}

export function contentHash(raw: Uint8Array): string {
  return createHash('sha256').update(raw).digest('hex');
}

/** Stores a page unless the same URL with the same content is already stored. Returns whether it was new. */
export async function storeDocument(db: Db, page: StoredPage): Promise<boolean> {
  const inserted = await db
    .insert(documents)
    .values({
      url: page.url,
      requestKey: page.requestKey,
      source: page.source,
      kind: page.kind,
      courtId: page.courtId,
      runId: page.runId,
      httpStatus: page.httpStatus,
      headers: page.headers,
      encoding: page.encoding,
      contentHash: contentHash(page.raw),
      raw: page.raw,
      text: page.text,
      status: page.status,
      failureReason: page.failureReason ?? null,
      parsed: page.parsed ?? null,
    })
    .onConflictDoNothing({ target: [documents.url, documents.contentHash] })
    .returning({ id: documents.id });
  return inserted.length > 0;
}

export async function markCourtCaptcha(db: Db, courtId: number): Promise<void> {
  await db.update(courts).set({ hasCaptcha: true, captchaSeenAt: sql`now()` }).where(eq(courts.id, courtId));
}

export async function markCourtSuccess(db: Db, courtId: number): Promise<void> {
  await db.update(courts).set({ lastSuccessAt: sql`now()` }).where(eq(courts.id, courtId));
}

export async function startCrawlRun(db: Db, source: string, worker: string, params: Record<string, unknown>): Promise<number> {
  const [run] = await db.insert(crawlRuns).values({ source, worker, params }).returning({ id: crawlRuns.id });
  if (!run) throw new Error('could not create a crawl run');
  return run.id;
}

export interface RunCounters {
  pagesFetched: number;
  newDocuments: number;
  errors: number;
  stats: Record<string, number>;
}

export async function updateCrawlRun(
  db: Db,
  runId: number,
  counters: RunCounters,
  status?: 'finished' | 'failed' | 'interrupted',
): Promise<void> {
  await db
    .update(crawlRuns)
    .set({
      pagesFetched: counters.pagesFetched,
      newDocuments: counters.newDocuments,
      errors: counters.errors,
      stats: counters.stats,
      ...(status ? { status, finishedAt: sql`now()` } : {}),
    })
    .where(eq(crawlRuns.id, runId));
}
