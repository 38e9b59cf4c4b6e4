import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client.ts';
import { pgRestore, restorePglite } from '../../db/backup.ts';
import { auditLog, courts } from '../../db/schema.ts';
import { createTestDatabase, drivers } from '../helpers/databases.ts';

const work = mkdtempSync(join(tmpdir(), 'kuzet-backup-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('backup and restore', () => {
  it('round-trips a PGlite folder, keeping the data it replaces', async () => {
    const dataDir = join(work, 'pglite');
    const original = await openDatabase({ dataDir });
    await original.migrate();
    await original.db.insert(courts).values({ source: 'sudrf', code: '66RS0001', name: 'Суд', baseUrl: 'http://a' });
    await original.db.insert(auditLog).values({ actor: 'consul', action: 'review.set' });
    await original.backup(join(work, 'pglite.tar.gz'));
    await original.db.delete(courts);
    await original.close();

    const movedTo = await restorePglite(dataDir, join(work, 'pglite.tar.gz'));
    expect(movedTo).toMatch(/before-restore/);
    const restored = await openDatabase({ dataDir });
    expect((await restored.db.select().from(courts)).map((c) => c.code)).toEqual(['66RS0001']);
    expect(await restored.db.select().from(auditLog)).toHaveLength(1);
    await restored.close();
  });

  it.skipIf(!drivers.includes('postgres'))('round-trips a PostgreSQL database with pg_dump / pg_restore', async () => {
    const source = await createTestDatabase('postgres');
    await source.db.insert(courts).values({ source: 'sudrf', code: '54RS0001', name: 'Суд', baseUrl: 'http://b' });
    const file = join(work, 'pg.dump');
    await source.backup(file);
    await source.db.delete(courts);
    await pgRestore(source.url!, file);
    expect((await source.db.select().from(courts)).map((c) => c.code)).toEqual(['54RS0001']);
    await source.destroy();
  });
});
