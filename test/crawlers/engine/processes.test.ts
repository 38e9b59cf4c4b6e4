// Crawler processes against one PostgreSQL frontier: killed at random points and restarted,
// or several at once. Nothing is lost, nothing is fetched twice beyond the request in flight.
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documents } from '../../../db/schema.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/databases.ts';
import { startLinkSite } from './fixtures/link-site.ts';

const child = (args: string[]): ChildProcess =>
  spawn(process.execPath, ['--import', 'tsx', 'test/crawlers/engine/fixtures/crawl-child.ts', ...args], { stdio: ['ignore', 'ignore', 'inherit'] });
const exited = (proc: ChildProcess) => new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const skipPg = process.env.KUZET_SKIP_PG === '1';

describe.skipIf(skipPg)('crawler processes on one PostgreSQL', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('postgres');
  });
  afterAll(async () => database?.destroy());

  it('survives five SIGKILLs: the stored set equals an uninterrupted crawl, no page fetched twice beyond those in flight', async () => {
    const site = await startLinkSite(16, 15, 5);
    let kills = 0;
    for (;;) {
      // Every start seeds again: seeding is idempotent, and the first start may die before it.
      const proc = child([database.url!, site.base, 'killable', '40', 'seed']);
      const done = exited(proc);
      if (kills < 5) {
        const outcome = await Promise.race([done.then(() => 'exited' as const), sleep(900 + Math.random() * 1100).then(() => 'timer' as const)]);
        if (outcome === 'timer') {
          proc.kill('SIGKILL');
          await done;
          kills += 1;
          continue;
        }
      } else await done;
      break;
    }
    await site.close();
    expect(kills).toBe(5);
    const stored = await database.db.select({ url: documents.url }).from(documents);
    const storedPaths = stored.map((doc) => new URL(doc.url).pathname).sort();
    expect(storedPaths).toEqual([...site.expectedPaths].sort());
    const fetches = new Map<string, number>();
    for (const hit of site.hits) fetches.set(hit.path, (fetches.get(hit.path) ?? 0) + 1);
    const refetched = [...fetches.values()].reduce((sum, n) => sum + (n - 1), 0);
    // Each kill can interrupt at most `concurrency` (4) requests in flight.
    expect(refetched).toBeLessThanOrEqual(kills * 4);
  }, 120_000);

  it('three processes share one frontier: no page fetched by two, the per-host interval holds across them', async () => {
    const site = await startLinkSite(4, 8);
    await database.db.delete(documents);
    const url = database.url!;
    // Seed once, then let three workers share the queue.
    const seeded = child([url, site.base, 'seeder', '120', 'seed']);
    const workers = [seeded, child([url, site.base, 'w2', '120']), child([url, site.base, 'w3', '120'])];
    await Promise.all(workers.map(exited));
    await site.close();
    const paths = site.hits.map((hit) => hit.path);
    expect(new Set(paths).size).toBe(paths.length);
    expect([...paths].sort()).toEqual([...site.expectedPaths].sort());
    const times = site.hits.map((hit) => hit.at).sort((a, b) => a - b);
    for (let i = 1; i < times.length; i += 1) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(119);
  }, 120_000);
});
