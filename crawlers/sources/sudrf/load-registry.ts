import { existsSync } from 'node:fs';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { upsertCourts } from '../../../db/queries/courts.ts';
import { courts } from '../../../db/schema.ts';
import { loadCourtRegistry } from './registry.ts';

/** KUZET_COURT_REGISTRY_DIR, else the public registries shipped beside the checkout. */
export const defaultRegistryDir =
  process.env.KUZET_COURT_REGISTRY_DIR ??
  ['../shared/real-pages/reference', '/work/shared/real-pages/reference'].find((dir) => existsSync(dir)) ??
  '../shared/real-pages/reference';

/** Loads the court registry into an empty courts table; returns how many courts were added. */
export async function loadRegistryIfEmpty(db: Db, directory = defaultRegistryDir): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(courts).where(eq(courts.source, 'sudrf'));
  if ((row?.n ?? 0) > 0) return 0;
  return upsertCourts(db, loadCourtRegistry(directory));
}
