// Crawl cursors: how far each court's lists have been read, per case type.
import { and, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { crawlCursors } from '../schema.ts';

export type CursorKey = `${number}:${string}`;

export async function readCursors(db: Db, courtIds: number[]): Promise<Map<CursorKey, string>> {
  if (courtIds.length === 0) return new Map();
  const rows = await db.select().from(crawlCursors).where(and(inArray(crawlCursors.courtId, courtIds)));
  return new Map(rows.map((row) => [`${row.courtId}:${row.caseType}` as CursorKey, row.publishedUntil]));
}

/** Moves cursors forward (never back) to `until`. */
export async function advanceCursors(db: Db, entries: { courtId: number; caseType: string }[], until: string): Promise<void> {
  if (entries.length === 0) return;
  await db
    .insert(crawlCursors)
    .values(entries.map((entry) => ({ ...entry, publishedUntil: until })))
    .onConflictDoUpdate({
      target: [crawlCursors.courtId, crawlCursors.caseType],
      set: { publishedUntil: sql`greatest(${crawlCursors.publishedUntil}, excluded.published_until)`, updatedAt: sql`now()` },
    });
}
