// The sudrf source end to end against the simulator: lists in both layouts and several
// srv_num, pagination, injected faults, a captcha court; then the pipeline flags exactly the
// Kyrgyz cases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { runCrawl } from '../../../crawlers/engine/crawler.ts';
import { sudrfSource } from '../../../crawlers/sources/sudrf/index.ts';
import { upsertCourts } from '../../../db/queries/courts.ts';
import { cases, courts, documents, kyrgyzFlags, reviews } from '../../../db/schema.ts';
import { analyzeStoredDocuments } from '../../../pipeline/run-stored.ts';
import { PIPELINE_VERSION } from '../../../pipeline/version.ts';
import { startCourtSimulator, type CourtSimulator } from '../../simulator/index.ts';
import { createTestDatabase, drivers, type TestDatabase } from '../../helpers/databases.ts';

describe.each(drivers)('crawling the court-site simulator on %s', (driver) => {
  let database: TestDatabase;
  let simulator: CourtSimulator;
  beforeAll(async () => {
    database = await createTestDatabase(driver);
    simulator = await startCourtSimulator({
      courtCount: 4,
      casesPerCourt: 12,
      seed: 42,
      // No throttle page here: without Retry-After it costs the engine's 30-minute cooldown.
      faults: { captchaCourts: ['66RS0002'], serverErrorEveryN: 7, truncateEveryN: 9, wrongCharsetEveryN: 4, rateLimit: { everyN: 11, retryAfterSeconds: 1 } },
    });
    await upsertCourts(database.db, simulator.courts.map((court) => ({
      source: 'sudrf', code: court.code, name: court.name, region: court.region, regionCode: court.code.slice(0, 2),
      baseUrl: court.baseUrl, layout: court.layout, srvNums: court.srvNums, hasCaptcha: false,
    })));
  });
  afterAll(async () => {
    await simulator?.close();
    await database?.destroy();
  });

  it('stores every reachable case despite faults, records the captcha court, and flags the Kyrgyz ones', async () => {
    const summary = await runCrawl(
      database.db,
      sudrfSource(),
      { db: database.db, since: '2020-01-01', until: '2030-12-31', courtCodes: [] },
      { minHostIntervalMs: 0, minProcessIntervalMs: 0, concurrency: 8, backoffBaseMs: 10, maxAttempts: 8 },
    );
    expect(summary.status).toBe('finished');

    const reachable = simulator.cases.filter((c) => c.courtCode !== '66RS0002');
    const cards = await database.db.select({ url: documents.url }).from(documents).where(eq(documents.status, 'ok'));
    const storedIds = new Set(cards.map((d) => d.url.match(/(?:case_id|_id)=(\d+)/)?.[1]).filter(Boolean));
    for (const c of reachable) expect(storedIds.has(String(c.caseId)), `case ${c.caseNumber}`).toBe(true);

    const [captchaCourt] = await database.db.select().from(courts).where(eq(courts.code, '66RS0002'));
    expect(captchaCourt?.hasCaptcha).toBe(true);
    expect(captchaCourt?.captchaSeenAt).not.toBeNull();

    const pipeline = await analyzeStoredDocuments(database.db);
    expect(pipeline.analyzed).toBe(reachable.length);
    const flagged = await database.db
      .select({ caseNumber: cases.caseNumber, strength: kyrgyzFlags.strength })
      .from(kyrgyzFlags)
      .innerJoin(cases, eq(cases.id, kyrgyzFlags.caseId));
    const flaggedYes = new Set(flagged.filter((f) => f.strength === 'yes').map((f) => f.caseNumber));
    const kyrgyz = new Set(reachable.filter((c) => c.kyrgyz).map((c) => c.caseNumber));
    expect(flaggedYes).toEqual(kyrgyz);

    // Idempotent: a second pipeline run over the same documents changes nothing.
    const again = await analyzeStoredDocuments(database.db);
    expect(again.analyzed).toBe(0);

    // Analyses of an older pipeline are redone (pipeline/version.ts); an officer's review stays.
    const [reviewed] = await database.db.select({ caseId: kyrgyzFlags.caseId }).from(kyrgyzFlags).limit(1);
    await database.db.update(reviews).set({ status: 'confirmed' }).where(eq(reviews.caseId, reviewed!.caseId));
    await database.db.update(documents).set({ analyzedVersion: PIPELINE_VERSION - 1 });
    const redone = await analyzeStoredDocuments(database.db);
    expect(redone.analyzed).toBe(pipeline.analyzed);
    expect(redone.flagged).toBe(pipeline.flagged);
    const [review] = await database.db.select({ status: reviews.status }).from(reviews).where(eq(reviews.caseId, reviewed!.caseId));
    expect(review?.status).toBe('confirmed');
    expect((await analyzeStoredDocuments(database.db)).analyzed).toBe(0);
  });
});

describe.each(drivers)('incremental sudrf crawls on %s', (driver) => {
  it('starts the next run from each court\'s cursor, a day before where the last one ended', async () => {
    const database = await createTestDatabase(driver);
    const simulator = await startCourtSimulator({ courtCount: 1, casesPerCourt: 5, seed: 3, layouts: ['primary'] });
    const [court] = simulator.courts;
    await upsertCourts(database.db, [{ source: 'sudrf', code: court!.code, name: court!.name, baseUrl: court!.baseUrl, layout: 'primary', srvNums: [1] }]);
    const source = sudrfSource();
    const first = await source.seedRequests({ db: database.db, since: null, until: '2026-11-20', courtCodes: [] });
    const second = await source.seedRequests({ db: database.db, since: null, until: '2026-11-23', courtCodes: [] });
    const window = (url: string) => [new URL(url).searchParams.get('adm_document__PUBL_DATE1D'), new URL(url).searchParams.get('adm_document__PUBL_DATE2D')];
    const koap = (specs: typeof first) => specs.find((s) => s.url.includes('delo_id=1500001'))!.url;
    expect(window(koap(first))).toEqual(['13.11.2026', '20.11.2026']);
    expect(window(koap(second))).toEqual(['19.11.2026', '23.11.2026']);
    // An explicit --since wins over the cursor.
    const explicit = await source.seedRequests({ db: database.db, since: '2026-01-01', until: '2026-11-23', courtCodes: [] });
    expect(window(koap(explicit))).toEqual(['01.01.2026', '23.11.2026']);
    await simulator.close();
    await database.destroy();
  });
});
