// PostgreSQL "restarted" (cut and restored through a TCP proxy, so the shared server and the
// other tests on it see nothing) several times while a crawler process and a dashboard process
// run on it: the dashboard answers 503 with the clear page during each outage (no crash, no
// hang) and 200 after it; the crawler waits each outage out and finishes with every case card
// stored once, nothing left claimed, and the pipeline then flags exactly the Kyrgyz cases.
import { count, eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { upsertCourts } from '../../db/queries/courts.ts';
import { cases, crawlRuns, documents, kyrgyzFlags } from '../../db/schema.ts';
import { analyzeStoredDocuments } from '../../pipeline/run-stored.ts';
import { startCourtSimulator } from '../simulator/index.ts';
import { createTestDatabase } from '../helpers/databases.ts';
import { addUser } from '../helpers/dashboard-client.ts';
import { seededRandom } from '../helpers/seeded-random.ts';
import { startTcpProxy } from '../helpers/tcp-proxy.ts';
import { killSeed, sleep, startFixture } from './child-process.ts';
import { consistencyProblems, strandedRequests } from './db-consistency.ts';
import { HttpOfficer } from './http-officer.ts';
import { addToTally } from './tally.ts';

const OUTAGES = 3;
const seed = killSeed('database-restart');

/** The dashboard's answer within `ms`, or 'hang'; 'refused' if the process is gone. */
async function answer(officer: HttpOfficer, path: string, ms = 8000): Promise<{ status: number; body: string; retryAfter: string | null } | 'hang' | 'refused'> {
  try {
    const response = await officer.request(path, { signal: AbortSignal.timeout(ms) });
    return { status: response.status, body: await response.text(), retryAfter: response.headers.get('retry-after') };
  } catch (error) {
    return (error as Error).name === 'TimeoutError' ? 'hang' : 'refused';
  }
}

describe.skipIf(process.env.KUZET_SKIP_PG === '1')('PostgreSQL restarted under a running crawler and dashboard', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it(`rides out ${OUTAGES} outages: 503 with the clear page meanwhile, 200 after, the crawl complete`, async () => {
    const random = seededRandom(seed);
    const direct = await createTestDatabase('postgres');
    cleanups.push(() => direct.destroy());
    const proxy = await startTcpProxy('127.0.0.1', 5432);
    cleanups.push(() => proxy.close());
    const viaProxy = new URL(direct.url!);
    viaProxy.host = `127.0.0.1:${proxy.port}`;
    const simulator = await startCourtSimulator({ courtCount: 3, casesPerCourt: 30, seed: 7 });
    cleanups.push(simulator.close);
    await upsertCourts(direct.db, simulator.courts.map((court) => ({
      source: 'sudrf', code: court.code, name: court.name, region: court.region, regionCode: court.code.slice(0, 2),
      baseUrl: court.baseUrl, layout: court.layout, srvNums: court.srvNums, hasCaptcha: false,
    })));
    await addUser(direct.db, 'consul', 'consular');

    const dashboard = startFixture('dashboard-child', [viaProxy.toString()]);
    cleanups.push(async () => void dashboard.proc.kill('SIGKILL'));
    const port = (await dashboard.lineMatching(/^port (\d+)/))?.[1];
    if (!port) throw new Error(`the dashboard did not start:\n${dashboard.output().slice(-2000)}`);
    const officer = new HttpOfficer();
    officer.base = `http://127.0.0.1:${port}`;
    await officer.login();
    // A polite crawler (400 ms between requests to a court): the crawl lasts beyond the outages.
    const crawler = startFixture('crawl-child', [viaProxy.toString(), '400']);
    cleanups.push(async () => void crawler.proc.kill('SIGKILL'));
    await crawler.lineMatching(/^ready/);

    const during: (Awaited<ReturnType<typeof answer>>)[] = [];
    const after: (Awaited<ReturnType<typeof answer>>)[] = [];
    let cutsDuringCrawl = 0;
    const cardsAtCuts: number[] = [];
    const recoveryMs: number[] = [];
    const storedCards = async () => (await direct.db.select({ n: count() }).from(documents).where(eq(documents.kind, 'card')))[0]?.n ?? 0;
    for (let outage = 0; outage < OUTAGES; outage += 1) {
      // Cut points by crawl progress (the same on a loaded machine): outage i once a seeded
      // share of the cards around i/(OUTAGES + 1) is stored, so each falls inside the crawl.
      const cutAt = Math.floor((simulator.cases.length * (outage + 0.3 + 0.4 * random())) / (OUTAGES + 1));
      while (crawler.proc.exitCode === null && (await storedCards()) < cutAt) await sleep(100);
      if (crawler.proc.exitCode === null) cutsDuringCrawl += 1;
      cardsAtCuts.push(await storedCards());
      proxy.cut();
      const outageEnds = Date.now() + 1500 + random() * 2000;
      do {
        during.push(await answer(officer, '/'));
        await sleep(200);
      } while (Date.now() < outageEnds);
      proxy.restore();
      const restored = Date.now();
      // Reconnecting takes a moment: the first 200 within ten seconds.
      let recovered = await answer(officer, '/');
      for (let i = 0; i < 40 && (typeof recovered === 'string' || recovered.status !== 200); i += 1) {
        await sleep(250);
        recovered = await answer(officer, '/');
      }
      after.push(recovered);
      recoveryMs.push(Date.now() - restored);
    }

    const crawlExit = await Promise.race([crawler.exited, sleep(180_000).then(() => 'timeout' as const)]);
    const dashboardAlive = dashboard.proc.exitCode === null;
    const clearPages = during.filter((a) => typeof a !== 'string' && a.status === 503 && a.body.includes('Temporarily unavailable') && a.retryAfter !== null);
    const cards = await direct.db.select({ url: documents.url }).from(documents).where(eq(documents.kind, 'card'));
    const storedIds = new Set(cards.map((doc) => doc.url.match(/(?:case_id|_id)=(\d+)/)?.[1]));
    const missing = simulator.cases.filter((c) => !storedIds.has(String(c.caseId))).map((c) => c.caseNumber);
    const [run] = await direct.db.select({ stats: crawlRuns.stats }).from(crawlRuns).orderBy(sql`${crawlRuns.id} desc`).limit(1);
    process.stdout.write(
      `database-restart: ${OUTAGES} outages (${cutsDuringCrawl} during the crawl, at ${cardsAtCuts.join(', ')} of ${simulator.cases.length} cards), ${during.length} dashboard requests during them, ` +
        `${clearPages.length} clear 503 pages, 200 again ${recoveryMs.join(', ')} ms after each restore, crawler saw the database away ${run?.stats?.database_unavailable ?? 0} times\n`,
    );
    addToTally('database-restart', { faultsInjected: OUTAGES, recordsLost: missing.length });

    expect(dashboardAlive).toBe(true);
    expect(during.filter((a) => a === 'hang')).toEqual([]);
    expect(during.map((a) => (typeof a === 'string' ? a : a.status)).filter((status) => status !== 503)).toEqual([]);
    expect(clearPages.length).toBe(during.length);
    expect(after.map((a) => (typeof a === 'string' ? a : a.status))).toEqual(Array<number>(OUTAGES).fill(200));
    expect(crawlExit, crawler.output().slice(-3000)).toBe(0);
    expect(cutsDuringCrawl).toBe(OUTAGES);
    expect(run?.stats?.database_unavailable ?? 0).toBeGreaterThan(0);
    expect(missing).toEqual([]);
    expect(await strandedRequests(direct.db)).toEqual([]);

    // Every stored card still makes its case: the pipeline flags exactly the Kyrgyz ones.
    await analyzeStoredDocuments(direct.db);
    const flagged = await direct.db.select({ caseNumber: cases.caseNumber }).from(kyrgyzFlags).innerJoin(cases, eq(cases.id, kyrgyzFlags.caseId)).where(eq(kyrgyzFlags.strength, 'yes'));
    expect(new Set(flagged.map((f) => f.caseNumber))).toEqual(new Set(simulator.cases.filter((c) => c.kyrgyz).map((c) => c.caseNumber)));
    expect(await consistencyProblems(direct.db)).toEqual([]);
  }, 300_000);
});
