// The court registry in the database.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { courts } from '../schema.ts';

export type CourtRow = typeof courts.$inferSelect;
export type NewCourt = typeof courts.$inferInsert;

/** Inserts or refreshes courts by (source, code); returns how many rows were written. */
export async function upsertCourts(db: Db, rows: NewCourt[]): Promise<number> {
  let written = 0;
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    const result = await db
      .insert(courts)
      .values(chunk)
      .onConflictDoUpdate({
        target: [courts.source, courts.code],
        set: {
          name: sql`excluded.name`,
          region: sql`excluded.region`,
          regionCode: sql`excluded.region_code`,
          baseUrl: sql`excluded.base_url`,
          layout: sql`excluded.layout`,
          srvNums: sql`excluded.srv_nums`,
          hasCaptcha: sql`${courts.hasCaptcha} or excluded.has_captcha`,
        },
      })
      .returning({ id: courts.id });
    written += result.length;
  }
  return written;
}

export async function findCourts(db: Db, source: string, codes: string[]): Promise<CourtRow[]> {
  const where = codes.length > 0 ? and(eq(courts.source, source), inArray(courts.code, codes)) : eq(courts.source, source);
  return db.select().from(courts).where(where).orderBy(courts.code);
}
