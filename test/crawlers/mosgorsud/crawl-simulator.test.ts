// The mos-gorsud source end to end against the simulated site, on both drivers: searches per
// watched article with pagination, cards, act attachments in DOCX/DOC/RTF read into the
// stored CaseCard, a scanned PDF kept with its reason; the pipeline flags the Kyrgyz acts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { runCrawl } from '../../../crawlers/engine/crawler.ts';
import { mosgorsudSource } from '../../../crawlers/sources/mosgorsud/index.ts';
import { mosgorsudCardSchema } from '../../../crawlers/sources/mosgorsud/parse-card.ts';
import { registerMosgorsudPortal } from '../../../crawlers/sources/mosgorsud/registry.ts';
import { documents } from '../../../db/schema.ts';
import { analyzeCaseCard } from '../../../pipeline/analyze.ts';
import { startMosgorsudSimulator, type MosgorsudSimulator } from '../../simulator/mosgorsud/server.ts';
import { createTestDatabase, drivers, type TestDatabase } from '../../helpers/databases.ts';

const ROWS_PER_PAGE = 4;

describe.each(drivers)('crawling the mos-gorsud simulator on %s', (driver) => {
  let database: TestDatabase;
  let simulator: MosgorsudSimulator;
  beforeAll(async () => {
    database = await createTestDatabase(driver);
    simulator = await startMosgorsudSimulator({ caseCount: 18, rowsPerPage: ROWS_PER_PAGE });
    await registerMosgorsudPortal(database.db, simulator.baseUrl);
  });
  afterAll(async () => {
    await simulator?.close();
    await database?.destroy();
  });

  it('stores every card and reads every published act into a CaseCard', async () => {
    const summary = await runCrawl(
      database.db,
      mosgorsudSource(),
      { db: database.db, since: '2026-11-01', until: '2026-11-30', courtCodes: [] },
      { minHostIntervalMs: 0, minProcessIntervalMs: 0, concurrency: 4, maxConcurrentPerHost: 4, backoffBaseMs: 10, maxAttempts: 2 },
    );
    expect(summary.status).toBe('finished');

    // 18.8 has more cases than a page: its second page was asked for, with the same filters.
    const perArticle = simulator.cases.filter((c) => c.article.startsWith('Ст. 18.8,')).length;
    expect(perArticle).toBeGreaterThan(ROWS_PER_PAGE);
    expect(simulator.served.some((path) => path.startsWith('/search?') && path.includes('page=2') && path.includes('codex=%D0%A1%D1%82.%2018.8'))).toBe(true);

    const stored = await database.db.select().from(documents).where(eq(documents.source, 'mosgorsud'));
    const cards = stored.filter((doc) => doc.kind === 'card' && doc.status === 'ok');
    expect(cards).toHaveLength(simulator.cases.length);

    const acts = stored.filter((doc) => doc.kind === 'act');
    const withText = simulator.cases.filter((c) => ['docx', 'doc', 'rtf'].includes(c.actFormat));
    expect(acts.filter((doc) => doc.status === 'ok')).toHaveLength(withText.length);
    for (const c of withText) {
      const doc = acts.find((d) => d.url.endsWith(c.uuid) && d.status === 'ok');
      const card = mosgorsudCardSchema.parse(doc?.parsed);
      expect(card.caseNumber, c.actFormat).toBe(c.caseNumber);
      expect(card.actText, c.actFormat).toContain(`${c.citizenship} ${c.person}`);
      expect(card.judge).toBe(c.judge);
      expect(card.courtName).toBe(c.courtName);
      expect(card.caseType).toBe(c.processType === 3 ? 'koap' : 'criminal');
    }
    // Scanned PDFs are kept, with the reason they were not read.
    const pdfCases = simulator.cases.filter((c) => c.actFormat === 'pdf');
    const unread = await database.db.select().from(documents).where(and(eq(documents.kind, 'act'), eq(documents.status, 'no_data')));
    expect(unread.map((doc) => doc.url.split('/').pop()).sort()).toEqual(pdfCases.map((c) => c.uuid).sort());
    for (const doc of unread) expect(doc.failureReason).toContain('PDF');
  });

  it('gives the pipeline act texts on which exactly the Kyrgyz cases are flagged', async () => {
    const acts = await database.db.select().from(documents).where(and(eq(documents.kind, 'act'), eq(documents.status, 'ok')));
    for (const doc of acts) {
      const card = mosgorsudCardSchema.parse(doc.parsed);
      const simulated = simulator.cases.find((c) => c.caseNumber === card.caseNumber)!;
      const analysis = analyzeCaseCard(String(doc.id), card);
      expect(analysis.kyrgyz.flag === 'yes', `${card.caseNumber}: ${simulated.citizenship}`).toBe(simulated.kyrgyz);
    }
  });
});
