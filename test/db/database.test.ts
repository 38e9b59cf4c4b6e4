import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { courts } from '../../db/schema.ts';
import { createTestDatabase, drivers, type TestDatabase } from '../helpers/databases.ts';

describe.each(drivers)('database layer on %s', (driver) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(driver);
  });
  afterAll(async () => database?.destroy());

  it('creates every table of the schema', async () => {
    const result = await database.db.execute<{ table_name: string }>(
      sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
    );
    const rows = Array.isArray(result) ? result : (result as { rows: { table_name: string }[] }).rows;
    const tables = rows.map((row) => row.table_name);
    for (const table of ['courts', 'crawl_runs', 'crawl_requests', 'documents', 'cases', 'persons', 'charges', 'outcomes',
      'kyrgyz_flags', 'reviews', 'detainees', 'matches', 'users', 'sessions', 'audit_log']) {
      expect(tables).toContain(table);
    }
  });

  it('applies migrations idempotently', async () => {
    await database.db.insert(courts).values({ source: 'sudrf', code: '66RS0001', name: 'Суд', baseUrl: 'http://x.sudrf.ru' });
    await database.migrate();
    const rows = await database.db.select().from(courts);
    expect(rows.map((row) => row.code)).toEqual(['66RS0001']);
    expect(rows[0]?.srvNums).toEqual([1]);
  });
});
