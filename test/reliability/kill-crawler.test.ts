// The sudrf crawler SIGKILLed at random points against a faulty court-site simulator, then
// restarted until it finishes: every reachable case card is stored exactly once, nothing stays
// claimed, and the pipeline afterwards flags exactly the Kyrgyz cases. PostgreSQL (a
// throwaway database) and PGlite in a folder (one process at a time: PGlite is single-process).
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { upsertCourts } from '../../db/queries/courts.ts';
import { cases, documents, kyrgyzFlags } from '../../db/schema.ts';
import { startCourtSimulator, type CourtSimulator, type SimulatorFaults } from '../simulator/index.ts';
import { seededRandom } from '../helpers/seeded-random.ts';
import { killAfterLine, killSeed, runToCompletion, startFixture } from './child-process.ts';
import { consistencyProblems, strandedRequests } from './db-consistency.ts';
import { killTargets } from './kill-targets.ts';
import { addToTally } from './tally.ts';

const KILLS = 5;
const faults: SimulatorFaults = { serverErrorEveryN: 11, truncateEveryN: 13, wrongCharsetEveryN: 7, rateLimit: { everyN: 17, retryAfterSeconds: 1 } };

/** How many requests the simulator answered with a fault (the same every-Nth rules as the server). */
function faultsServed(simulator: CourtSimulator): number {
  const perCourt = new Map<string, number>();
  let served = 0;
  for (const request of simulator.requests) {
    const n = (perCourt.get(request.court) ?? 0) + 1;
    perCourt.set(request.court, n);
    if (request.path === '/robots.txt') continue;
    if ([11, 13, 7, 17].some((every) => n % every === 0)) served += 1;
  }
  return served;
}

describe.each(killTargets)('the crawler, SIGKILLed, on %s', (_name, makeTarget) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  it(`survives ${KILLS} kills: every reachable card stored once, the pipeline flags exactly the Kyrgyz cases`, async () => {
    const target = await makeTarget();
    cleanups.push(target.cleanup);
    const simulator = await startCourtSimulator({ courtCount: 3, casesPerCourt: 20, seed: 5, faults });
    cleanups.push(simulator.close);
    const setup = await target.open();
    await upsertCourts(setup.db, simulator.courts.map((court) => ({
      source: 'sudrf', code: court.code, name: court.name, region: court.region, regionCode: court.code.slice(0, 2),
      baseUrl: court.baseUrl, layout: court.layout, srvNums: court.srvNums, hasCaptcha: false,
    })));
    await setup.close();

    // Killed after a seeded number of pages of each start (a point in the work, the same on a
    // loaded machine), plus a few milliseconds so some kills land inside a write.
    const random = seededRandom(killSeed('kill-crawler'));
    let kills = 0;
    for (let attempt = 0; attempt < KILLS * 3 && kills < KILLS; attempt += 1) {
      const afterPages = 2 + Math.floor(random() * 8);
      if (await killAfterLine(startFixture('crawl-child', [target.arg]), new RegExp(`^fetched ${afterPages}$`), Math.floor(random() * 30))) kills += 1;
    }
    expect(kills).toBe(KILLS);
    await runToCompletion('crawl-child', [target.arg]);
    await runToCompletion('pipeline-child', [target.arg]);

    const database = await target.open();
    try {
      const cards = await database.db.select({ url: documents.url }).from(documents).where(eq(documents.kind, 'card'));
      const storedIds = cards.map((doc) => doc.url.match(/(?:case_id|_id)=(\d+)/)?.[1]);
      const missing = simulator.cases.filter((c) => !storedIds.includes(String(c.caseId))).map((c) => c.caseNumber);
      const flagged = await database.db.select({ caseNumber: cases.caseNumber }).from(kyrgyzFlags).innerJoin(cases, eq(cases.id, kyrgyzFlags.caseId)).where(eq(kyrgyzFlags.strength, 'yes'));
      const problems = [...(await consistencyProblems(database.db)), ...(await strandedRequests(database.db))];
      addToTally('kill-crawler', { killsSurvived: kills, faultsInjected: faultsServed(simulator) + kills, recordsLost: missing.length });
      expect(missing).toEqual([]);
      expect(problems).toEqual([]);
      expect(new Set(flagged.map((f) => f.caseNumber))).toEqual(new Set(simulator.cases.filter((c) => c.kyrgyz).map((c) => c.caseNumber)));
    } finally {
      await database.close();
    }
  }, 300_000);
});
