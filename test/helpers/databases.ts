// Every database test runs twice: on PGlite (in memory) and on a real PostgreSQL server,
// in a database created for the test and dropped afterwards.
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { openDatabase, type Database } from '../../db/client.ts';

export const adminUrl = process.env.KUZET_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export type DriverName = 'pglite' | 'postgres';
export const drivers: DriverName[] = process.env.KUZET_SKIP_PG === '1' ? ['pglite'] : ['pglite', 'postgres'];

export interface TestDatabase extends Database {
  /** The postgres:// URL of the throwaway database (postgres driver only), for child processes. */
  url?: string;
  destroy(): Promise<void>;
}

export async function createTestDatabase(driver: DriverName): Promise<TestDatabase> {
  if (driver === 'pglite') {
    const database = await openDatabase({ dataDir: 'memory://' });
    await database.migrate();
    return { ...database, destroy: () => database.close() };
  }
  const name = `kuzet_test_${Date.now()}_${randomBytes(4).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), maxConnections: 5 });
  await database.migrate();
  return {
    ...database,
    url: url.toString(),
    destroy: async () => {
      await database.close();
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}
