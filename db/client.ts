// One database layer, two drivers: PGlite (embedded Postgres in WASM, in a local folder)
// by default, a real PostgreSQL server when DATABASE_URL is set.
import { fileURLToPath } from 'node:url';
import { mkdirSync } from 'node:fs';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  db: Db;
  driver: 'pglite' | 'postgres';
  /** Where the data lives: a folder for PGlite, a redacted URL for PostgreSQL. */
  location: string;
  migrate(): Promise<void>;
  /** Writes a consistent backup to `file` (pg_dump custom format, or a PGlite data-dir tarball). */
  backup(file: string): Promise<void>;
  close(): Promise<void>;
}

export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

export interface OpenOptions {
  /** postgres://… URL; when absent, PGlite is used. */
  url?: string;
  /** PGlite folder; 'memory://' for a throwaway in-memory database. */
  dataDir?: string;
  /** Pool size for PostgreSQL. */
  maxConnections?: number;
}

export function defaultOpenOptions(env: NodeJS.ProcessEnv = process.env): OpenOptions {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL };
  return { dataDir: env.KUZET_DATA_DIR ?? './data/pglite' };
}

export async function openDatabase(options: OpenOptions = defaultOpenOptions()): Promise<Database> {
  if (options.url) return openPostgres(options.url, options.maxConnections ?? 10);
  return openPglite(options.dataDir ?? './data/pglite');
}

async function openPostgres(url: string, max: number): Promise<Database> {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const { migrate } = await import('drizzle-orm/postgres-js/migrator');
  // Reconnect backoff capped at 2 s (the driver's default grows to 20 s with every failed
  // attempt during an outage, so the dashboard stayed on 503 for 15 s after PostgreSQL was back).
  const client = postgres(url, { max, onnotice: () => {}, backoff: (retries) => Math.min(0.1 * 2 ** retries, 2) });
  const db = drizzle(client, { schema });
  return {
    db: db as unknown as Db,
    driver: 'postgres',
    location: redactUrl(url),
    migrate: () => migrate(db, { migrationsFolder }),
    backup: async (file) => (await import('./backup.ts')).pgDump(url, file),
    close: () => client.end({ timeout: 5 }),
  };
}

async function openPglite(dataDir: string): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir);
  const db = drizzle(client, { schema });
  return {
    db: db as unknown as Db,
    driver: 'pglite',
    location: dataDir,
    migrate: () => migrate(db, { migrationsFolder }),
    backup: async (file) => (await import('./backup.ts')).writeBlob(await client.dumpDataDir('gzip'), file),
    close: () => client.close(),
  };
}

export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}
