// Issue 8 §5: the crawler against the court-site simulator with one response in ten faulty
// (5xx, a timeout, a page cut off half-way, a wrong charset, 429) still stores every reachable
// case, exactly once. The faults come from a proxy in front of each simulated court, on a
// fixed schedule (every 10th request, the five kinds in turn), so every kind happens in every
// run and the count of faults is exact.
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { runCrawl } from '../../crawlers/engine/crawler.ts';
import { sudrfSource } from '../../crawlers/sources/sudrf/index.ts';
import { upsertCourts } from '../../db/queries/courts.ts';
import { cases, documents } from '../../db/schema.ts';
import { analyzeStoredDocuments } from '../../pipeline/run-stored.ts';
import { createTestDatabase, drivers } from '../helpers/databases.ts';
import { startCourtSimulator } from '../simulator/index.ts';
import { addToTally } from './tally.ts';

const FAULT_EVERY = 10;
const FAULT_KINDS = ['server_error', 'timeout', 'truncated', 'wrong_charset', 'rate_limit'] as const;
type FaultKind = (typeof FAULT_KINDS)[number];
const TIMEOUT_MS = 800;

interface FaultyProxy {
  baseUrl: string;
  close(): Promise<void>;
}

interface FaultLog {
  requests: number;
  faults: Map<FaultKind, number>;
}

/** A proxy to one simulated court that spoils every FAULT_EVERY-th request (counted over all courts). */
async function startFaultyProxy(target: string, log: FaultLog): Promise<FaultyProxy> {
  const upstream = new URL(target);
  const server: Server = createServer((req, res) => {
    log.requests += 1;
    const fault = log.requests % FAULT_EVERY === 0 ? FAULT_KINDS[(log.requests / FAULT_EVERY) % FAULT_KINDS.length]! : null;
    if (fault) log.faults.set(fault, (log.faults.get(fault) ?? 0) + 1);
    if (fault === 'server_error') return void res.writeHead(503).end('Service Unavailable');
    if (fault === 'rate_limit') return void res.writeHead(429, { 'retry-after': '1' }).end('Too Many Requests');
    // Holds the request past the crawler's timeout, then drops it.
    if (fault === 'timeout') return void setTimeout(() => req.socket.destroy(), TIMEOUT_MS * 3);
    const forwarded = httpRequest(
      { host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () => {
          let body = Buffer.concat(chunks);
          const headers = { ...answer.headers };
          delete headers['content-length'];
          delete headers['transfer-encoding'];
          if (fault === 'truncated') body = body.subarray(0, Math.floor(body.length / 2));
          if (fault === 'wrong_charset') headers['content-type'] = 'text/html; charset=utf-8';
          res.writeHead(answer.statusCode ?? 502, headers).end(body);
        });
      },
    );
    forwarded.on('error', () => res.writeHead(502).end());
    req.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

const caseIdOf = (url: string) => url.match(/(?:case_id|_id)=(\d+)/)?.[1];

describe.each(drivers)('a crawl with one response in ten faulty, on %s', (driver) => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('stores every reachable case exactly once', async () => {
    const database = await createTestDatabase(driver);
    cleanups.push(() => database.destroy());
    const simulator = await startCourtSimulator({ courtCount: 4, casesPerCourt: 25, seed: 17 });
    cleanups.push(() => simulator.close());
    const log: FaultLog = { requests: 0, faults: new Map() };
    const proxies = await Promise.all(simulator.courts.map((court) => startFaultyProxy(court.baseUrl, log)));
    for (const proxy of proxies) cleanups.push(() => proxy.close());
    await upsertCourts(database.db, simulator.courts.map((court, i) => ({
      source: 'sudrf', code: court.code, name: court.name, region: court.region, regionCode: court.code.slice(0, 2),
      baseUrl: proxies[i]!.baseUrl, layout: court.layout, srvNums: court.srvNums, hasCaptcha: false,
    })));

    const summary = await runCrawl(
      database.db,
      sudrfSource(),
      { db: database.db, since: '2020-01-01', until: '2030-12-31', courtCodes: [] },
      { minHostIntervalMs: 0, minProcessIntervalMs: 0, concurrency: 6, backoffBaseMs: 10, maxAttempts: 10, timeoutMs: TIMEOUT_MS, respectRobots: false },
    );
    await analyzeStoredDocuments(database.db);

    const cards = await database.db.select({ url: documents.url }).from(documents).where(eq(documents.status, 'ok'));
    const storedCards = cards.map((doc) => caseIdOf(doc.url)).filter((id) => id !== undefined);
    const stored = (await database.db.select({ url: cases.sourceUrl }).from(cases)).map((row) => caseIdOf(row.url));
    const reachable = simulator.cases.map((c) => String(c.caseId));
    const missing = reachable.filter((id) => !stored.includes(id));
    const faultsInjected = [...log.faults.values()].reduce((a, b) => a + b, 0);
    addToTally('faulty-crawl', { faultsInjected, recordsLost: missing.length });

    expect(summary.status).toBe('finished');
    expect(faultsInjected).toBe(Math.floor(log.requests / FAULT_EVERY));
    expect(faultsInjected / log.requests).toBeGreaterThanOrEqual(0.09);
    expect([...log.faults.keys()].sort()).toEqual([...FAULT_KINDS].sort());
    expect(missing).toEqual([]);
    expect(stored.sort()).toEqual(reachable.sort());
    expect(storedCards.filter((id) => reachable.includes(id!)).sort()).toEqual(reachable.sort());
  });
});
