// The databases a killed child process works on: a throwaway PostgreSQL database, or a PGlite
// folder (one process at a time: PGlite is single-process, so the test opens it only while
// no child runs).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Database } from '../../db/client.ts';
import { createTestDatabase, type DriverName } from '../helpers/databases.ts';

export interface KillTarget {
  driver: DriverName;
  /** What the child processes get: a postgres:// URL or a PGlite folder. */
  arg: string;
  /** Opens the database in this process (for PGlite: only while no child runs). */
  open(): Promise<Database>;
  cleanup(): Promise<void>;
}

async function postgresTarget(): Promise<KillTarget> {
  const database = await createTestDatabase('postgres');
  await database.close();
  return { driver: 'postgres', arg: database.url!, open: () => openDatabase({ url: database.url!, maxConnections: 2 }), cleanup: () => database.destroy().catch(() => {}) };
}

async function pgliteTarget(): Promise<KillTarget> {
  const dir = mkdtempSync(join(tmpdir(), 'kuzet-kill-'));
  const database = await openDatabase({ dataDir: dir });
  await database.migrate();
  await database.close();
  return { driver: 'pglite', arg: dir, open: () => openDatabase({ dataDir: dir }), cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
}

export const killTargets: [string, () => Promise<KillTarget>][] = [
  ['PGlite in a folder', pgliteTarget],
  ...(process.env.KUZET_SKIP_PG === '1' ? [] : [['PostgreSQL', postgresTarget] as [string, () => Promise<KillTarget>]]),
];
