// npm run bench:crawl — Kuzet's crawl engine against Crawlee's CheerioCrawler on the same
// simulator, same 5,000 case pages, same concurrency, politeness off. Prints pages/s, peak RSS
// and the ratios. Target: Kuzet ≥ 1.0× Crawlee's pages/s with ≤ 1.0× its peak memory.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { startCourtSimulator } from '../test/simulator/index.ts';
import { cardPath } from '../test/simulator/render.ts';

const pagesWanted = Number(process.env.BENCH_PAGES ?? 5000);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 16);
const courtCount = 20;
const simulator = await startCourtSimulator({ courtCount, casesPerCourt: Math.ceil(pagesWanted / courtCount), seed: 2026 });
const urls = simulator.cases.slice(0, pagesWanted).map((c) => {
  const court = simulator.courts.find((k) => k.code === c.courtCode)!;
  return `${court.baseUrl}${cardPath(court, c)}`;
});
const urlsFile = join(mkdtempSync(join(tmpdir(), 'kuzet-bench-')), 'urls.json');
writeFileSync(urlsFile, JSON.stringify(urls));

interface Result { engine: string; pages: number; seconds: number; pagesPerSecond: number; peakRssMb: number }
// Asynchronous on purpose: the simulator serves from this process's event loop.
const run = async (engine: string, env: Record<string, string> = {}): Promise<Result> => {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'bench/crawl-runner.ts', engine, urlsFile, String(concurrency)], {
    maxBuffer: 1 << 26,
    env: { ...process.env, ...env },
  });
  return JSON.parse(stdout.trim().split('\n').pop()!) as Result;
};

console.log(`crawl benchmark: ${urls.length} case pages from ${courtCount} simulated courts, concurrency ${concurrency}, politeness off`);
// Kuzet at scale runs its workers on PostgreSQL (a throwaway database on the local server);
// the embedded PGlite default is measured too, for the record.
const adminUrl = process.env.KUZET_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const benchDb = `kuzet_bench_${process.pid}`;
const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`CREATE DATABASE ${benchDb}`);
const benchUrl = new URL(adminUrl);
benchUrl.pathname = `/${benchDb}`;
const kuzet = await run('kuzet', { KUZET_BENCH_DATABASE_URL: benchUrl.toString() });
await admin.unsafe(`DROP DATABASE ${benchDb} WITH (FORCE)`);
await admin.end();
const kuzetPglite = await run('kuzet');
const crawlee = await run('crawlee');
await simulator.close();
for (const r of [kuzet, kuzetPglite, crawlee]) {
  console.log(`${r.engine.padEnd(10)} ${String(r.pages).padStart(5)} pages in ${r.seconds.toFixed(1).padStart(6)} s  ${r.pagesPerSecond.toFixed(0).padStart(5)} pages/s  peak RSS ${r.peakRssMb.toFixed(0).padStart(5)} MB`);
}
console.log(`ratio kuzet (PGlite)/crawlee: speed ${(kuzetPglite.pagesPerSecond / crawlee.pagesPerSecond).toFixed(2)}×, peak memory ${(kuzetPglite.peakRssMb / crawlee.peakRssMb).toFixed(2)}× (PGlite alone holds ~700 MB)`);
console.log(`ratio kuzet (PostgreSQL)/crawlee: speed ${(kuzet.pagesPerSecond / crawlee.pagesPerSecond).toFixed(2)}× (target ≥ 1.00), peak memory ${(kuzet.peakRssMb / crawlee.peakRssMb).toFixed(2)}× (target ≤ 1.00)`);
