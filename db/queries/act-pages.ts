// Act-only pages (name_op=doc) stored apart from their case card: found by the card's URL.
import { and, desc, eq, isNull, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { documents } from '../schema.ts';
import { actPageSchema } from '../case-card.ts';

export async function latestActText(db: Db, cardUrl: string): Promise<string | null> {
  const [row] = await db
    .select({ parsed: documents.parsed })
    .from(documents)
    .where(and(eq(documents.kind, 'doc'), eq(documents.status, 'ok'), sql`${documents.parsed}->>'cardUrl' = ${cardUrl}`))
    .orderBy(desc(documents.fetchedAt), desc(documents.id))
    .limit(1);
  const act = actPageSchema.safeParse(row?.parsed);
  return act.success ? act.data.actText : null;
}

/** New act pages make their cards due for analysis again; returns how many act pages were taken in. */
export async function requeueCardsOfNewActs(db: Db): Promise<number> {
  const fresh = await db
    .select({ id: documents.id, contentHash: documents.contentHash, parsed: documents.parsed })
    .from(documents)
    .where(and(eq(documents.kind, 'doc'), eq(documents.status, 'ok'), or(isNull(documents.analyzedHash), ne(documents.analyzedHash, documents.contentHash))));
  for (const doc of fresh) {
    await db.transaction(async (tx) => {
      const act = actPageSchema.safeParse(doc.parsed);
      if (act.success) {
        await tx.update(documents).set({ analyzedHash: null }).where(and(eq(documents.kind, 'card'), eq(documents.url, act.data.cardUrl)));
      }
      await tx.update(documents).set({ analyzedHash: doc.contentHash, analyzedAt: sql`now()` }).where(eq(documents.id, doc.id));
    });
  }
  return fresh.length;
}
