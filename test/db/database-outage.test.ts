// PostgreSQL goes away while the crawler and the dashboard run: they wait, answer 503 with a
// clear page meanwhile, reconnect, and go on with nothing lost.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../db/client.ts';
import { createDashboard } from '../../dashboard/server.ts';
import { runCrawl } from '../../crawlers/engine/crawler.ts';
import { documents } from '../../db/schema.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { addUser, DashboardClient } from '../helpers/dashboard-client.ts';
import { startTcpProxy, type CuttableProxy } from '../helpers/tcp-proxy.ts';
import { linkSiteSource, startLinkSite } from '../crawlers/engine/fixtures/link-site.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(process.env.KUZET_SKIP_PG === '1')('a PostgreSQL outage', () => {
  let direct: TestDatabase;
  let proxy: CuttableProxy;
  let viaProxy: Database;
  beforeAll(async () => {
    direct = await createTestDatabase('postgres');
    proxy = await startTcpProxy('127.0.0.1', 5432);
    const url = new URL(direct.url!);
    url.host = `127.0.0.1:${proxy.port}`;
    viaProxy = await openDatabase({ url: url.toString(), maxConnections: 4 });
    await addUser(direct.db, 'consul', 'consular');
  });
  afterAll(async () => {
    await viaProxy?.close();
    await proxy?.close();
    await direct?.destroy();
  });

  it('makes the dashboard answer 503 with a clear page, then recover', async () => {
    const client = new DashboardClient(createDashboard(viaProxy.db, { secureCookies: false }));
    await client.login('consul', 'correct horse battery');
    expect((await client.request('/')).status).toBe(200);
    proxy.cut();
    const during = await client.request('/');
    expect(during.status).toBe(503);
    expect(await during.text()).toContain('Temporarily unavailable');
    proxy.restore();
    let after = 0;
    for (let i = 0; i < 20 && after !== 200; i += 1) {
      after = (await client.request('/')).status;
      if (after !== 200) await sleep(250);
    }
    expect(after).toBe(200);
  });

  it('lets a crawl wait out the outage and finish with every page', async () => {
    const site = await startLinkSite(6, 10);
    const crawl = runCrawl(viaProxy.db, linkSiteSource(site.base), { db: viaProxy.db, since: null, until: '2026-11-23', courtCodes: [] }, {
      minHostIntervalMs: 30, minProcessIntervalMs: 0, respectRobots: false, concurrency: 4,
    });
    await sleep(600);
    proxy.cut();
    await sleep(2000);
    proxy.restore();
    const summary = await crawl;
    await site.close();
    expect(summary.status).toBe('finished');
    expect(summary.stats.database_unavailable ?? 0).toBeGreaterThan(0);
    const stored = await direct.db.select({ url: documents.url }).from(documents);
    expect(stored.map((d) => new URL(d.url).pathname).sort()).toEqual([...site.expectedPaths].sort());
  }, 60_000);
});
