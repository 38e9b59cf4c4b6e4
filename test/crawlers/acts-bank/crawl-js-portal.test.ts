// The acts-bank browser source against the simulated JavaScript-only portal, on both drivers:
// searches in the URL hash, paginated results rendered by script, acts read from iframes into
// CaseCards in the engine's frontier and document store; the pipeline flags the Kyrgyz acts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { BrowserPool } from '../../../crawlers/browser/browser-pool.ts';
import { crawlBrowserSource } from '../../../crawlers/browser/crawl-browser-source.ts';
import { BrowserPageRenderer } from '../../../crawlers/browser/page-renderer.ts';
import { actsBankSource } from '../../../crawlers/sources/acts-bank/index.ts';
import { caseCardSchema } from '../../../db/case-card.ts';
import { crawlRequests, documents } from '../../../db/schema.ts';
import { analyzeCaseCard } from '../../../pipeline/analyze.ts';
import { startJsPortal, type JsPortal } from '../../simulator/js-portal/server.ts';
import { createTestDatabase, drivers, type TestDatabase } from '../../helpers/databases.ts';

// One browser for the whole file, shared by both drivers' runs.
let pool: BrowserPool;
let portal: JsPortal;
beforeAll(async () => {
  portal = await startJsPortal({ actCount: 6, pageSize: 4 });
  pool = new BrowserPool({ maxPages: 3 });
});
afterAll(async () => {
  await pool?.close();
  await portal?.close();
});

describe.each(drivers)('crawling the JavaScript-only acts bank on %s', (driver) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(driver);
  });
  afterAll(async () => database?.destroy());

  it('follows the script-rendered results through their pages and reads every act from its iframe', async () => {
    const source = actsBankSource({ portal: portal.portalUrl, texts: ['ПОСТАНОВЛЕНИЕ'] });
    const summary = await crawlBrowserSource(
      database.db,
      source,
      new BrowserPageRenderer(pool),
      { db: database.db, since: '2026-11-01', until: '2026-11-30', courtCodes: [] },
      { minHostIntervalMs: 0, minProcessIntervalMs: 0, maxConcurrentPerHost: 3, concurrency: 3, timeoutMs: 10_000 },
    );
    expect(summary.status).toBe('finished');
    expect(summary.errors).toBe(0);

    const lists = await database.db.select().from(documents).where(and(eq(documents.source, 'acts-bank'), eq(documents.kind, 'list')));
    expect(lists).toHaveLength(2); // 6 acts, 4 a page
    const acts = await database.db.select().from(documents).where(and(eq(documents.source, 'acts-bank'), eq(documents.kind, 'act')));
    expect(acts).toHaveLength(portal.acts.length);
    for (const doc of acts) {
      const card = caseCardSchema.parse(doc.parsed);
      const act = portal.acts.find((candidate) => candidate.caseNumber === card.caseNumber)!;
      expect(card.courtName).toBe(act.court);
      expect(card.decisionDate).toBe(act.date.split('.').reverse().join('-'));
      expect(card.caseType).toBe('koap');
      expect(card.actText).toContain(act.paragraphs[3]);
      // Markup in an act is text, never HTML that survives into the card.
      expect(card.actText).not.toMatch(/<p>|<div/);
      expect(analyzeCaseCard(String(doc.id), card).kyrgyz.flag === 'yes', card.caseNumber ?? '').toBe(act.kyrgyz);
    }
    const hostile = acts.map((doc) => caseCardSchema.parse(doc.parsed)).find((card) => card.caseNumber === portal.acts[1]!.caseNumber);
    expect(hostile?.actText).toContain('<script>alert(1)</script>');

    const requests = await database.db.select().from(crawlRequests).where(eq(crawlRequests.source, 'acts-bank'));
    expect(requests.every((request) => request.state === 'done')).toBe(true);
    // The query is in the hash, so the hash is part of each request's key.
    expect(new Set(requests.map((request) => request.uniqueKey)).size).toBe(2 + portal.acts.length);
  });
});
