// The engine against a tiny local site with a made-up source: politeness, retries, cooldowns,
// recorded failures. The sudrf source is tested against the court-site simulator elsewhere.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { runCrawl } from '../../../crawlers/engine/crawler.ts';
import type { CrawlSource, PageResult } from '../../../crawlers/engine/source.ts';
import { crawlRequests, documents } from '../../../db/schema.ts';
import { createTestDatabase, drivers, type TestDatabase } from '../../helpers/databases.ts';

interface Hit { path: string; at: number }

async function startSite(handler: (path: string, hitCount: number) => { status: number; body: string; headers?: Record<string, string> }) {
  const hits: Hit[] = [];
  const counts = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    hits.push({ path, at: Date.now() });
    const n = (counts.get(path) ?? 0) + 1;
    counts.set(path, n);
    const answer = handler(path, n);
    res.writeHead(answer.status, { 'content-type': 'text/html; charset=utf-8', ...answer.headers });
    res.end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, hits, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Lists link to items; an item page says «ok», «captcha» or is broken. */
function linkSource(base: string): CrawlSource {
  return {
    name: 'links',
    seedRequests: async () => [{ url: `${base}/list`, kind: 'list' }],
    handlePage(page): PageResult {
      if (page.httpStatus === 429) return { status: 'throttled', reason: 'HTTP 429', enqueue: [] };
      if (page.text.includes('captcha')) return { status: 'captcha', reason: 'captcha form', enqueue: [] };
      if (page.text.includes('<broken')) return { status: 'parse_failure', reason: 'truncated page', enqueue: [] };
      const links = [...page.text.matchAll(/href="([^"]+)"/g)].map((m) => ({ url: `${base}${m[1]}`, kind: 'item' }));
      return { status: 'ok', enqueue: links, parsed: { title: page.text.slice(0, 20) } };
    },
  };
}

const fast = { minHostIntervalMs: 0, minProcessIntervalMs: 0, backoffBaseMs: 20, respectRobots: true, concurrency: 4 };

describe.each(drivers)('crawl engine on %s', (driver) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(driver);
  });
  afterAll(async () => database?.destroy());

  it('fetches every page once, retries 5xx with backoff, records what never parsed', async () => {
    const site = await startSite((path, n) => {
      if (path === '/list') return { status: 200, body: ['/a', '/b', '/flaky', '/broken', '/gate', '/a'].map((p) => `<a href="${p}">`).join('') };
      if (path === '/flaky') return n < 3 ? { status: 503, body: 'busy' } : { status: 200, body: 'flaky ok' };
      if (path === '/broken') return { status: 200, body: '<html><broken' };
      if (path === '/gate') return { status: 200, body: 'captcha please' };
      if (path === '/robots.txt') return { status: 404, body: '' };
      return { status: 200, body: `page ${path}` };
    });
    const summary = await runCrawl(database.db, linkSource(site.base), { db: database.db, since: '2026-11-01', until: '2026-11-02', courtCodes: [] }, { ...fast, maxAttempts: 4 });
    await site.close();

    const pagePaths = site.hits.map((hit) => hit.path).filter((p) => p !== '/robots.txt');
    expect(pagePaths.filter((p) => p === '/a')).toHaveLength(1);
    expect(pagePaths.filter((p) => p === '/flaky')).toHaveLength(3);
    expect(pagePaths.filter((p) => p === '/broken')).toHaveLength(4);
    expect(summary.status).toBe('finished');

    const stored = await database.db.select().from(documents);
    const byPath = (p: string) => stored.filter((doc) => doc.url.endsWith(p));
    expect(byPath('/flaky')[0]?.status).toBe('ok');
    expect(byPath('/broken')).toHaveLength(1); // same bytes each time: stored once
    expect(byPath('/broken')[0]).toMatchObject({ status: 'parse_failure', failureReason: 'truncated page' });
    expect(byPath('/gate')[0]?.status).toBe('captcha');
    const requests = await database.db.select().from(crawlRequests).where(eq(crawlRequests.source, 'links'));
    const state = (p: string) => requests.find((r) => r.url.endsWith(p))?.state;
    expect(state('/broken')).toBe('failed');
    expect(state('/gate')).toBe('skipped');
    expect(state('/a')).toBe('done');
  });

  it('keeps the minimum interval per host and honours Retry-After', async () => {
    const site = await startSite((path, n) => {
      if (path === '/list') return { status: 200, body: ['/1', '/2', '/3', '/4'].map((p) => `<a href="${p}">`).join('') };
      if (path === '/3' && n === 1) return { status: 429, body: 'slow down', headers: { 'retry-after': '1' } };
      return { status: path === '/robots.txt' ? 404 : 200, body: `page ${path}` };
    });
    const source = { ...linkSource(site.base), name: 'polite' };
    await runCrawl(database.db, source, { db: database.db, since: '2026-11-01', until: '2026-11-02', courtCodes: [] }, { ...fast, minHostIntervalMs: 150 });
    await site.close();
    const times = site.hits.map((hit) => hit.at);
    for (let i = 1; i < times.length; i += 1) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(150);
    const first429 = site.hits.findIndex((hit) => hit.path === '/3');
    const retry = site.hits.findLastIndex((hit) => hit.path === '/3');
    expect(retry).toBeGreaterThan(first429);
    expect(site.hits[retry]!.at - site.hits[first429]!.at).toBeGreaterThanOrEqual(1000);
  });

  it('obeys robots.txt', async () => {
    const site = await startSite((path) => {
      if (path === '/robots.txt') return { status: 200, body: 'User-agent: *\nDisallow: /private' };
      if (path === '/list') return { status: 200, body: '<a href="/private/x"><a href="/public">' };
      return { status: 200, body: `page ${path}` };
    });
    await runCrawl(database.db, { ...linkSource(site.base), name: 'robots' }, { db: database.db, since: '2026-11-01', until: '2026-11-02', courtCodes: [] }, fast);
    await site.close();
    expect(site.hits.map((hit) => hit.path)).not.toContain('/private/x');
    expect(site.hits.map((hit) => hit.path)).toContain('/public');
  });
});
