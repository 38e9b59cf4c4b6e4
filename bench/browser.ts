// npm run bench:browser — Kuzet's browser crawl (crawlers/browser: chromium pool + the engine's
// database frontier) against Crawlee's PlaywrightCrawler on the same simulated JavaScript-only
// portal, the same 2,000 rendered pages (result lists + acts in iframes), the same concurrency
// and the same Debian chromium. Each crawler runs in its own child process, and so does the
// portal (reading /proc blocks an event loop for tens of ms per sample: a portal served from the
// sampling process answered both crawlers late); this process only samples the crawler's whole
// process tree (node + every chromium process): peak RSS as asked (an RSS sum counts shared
// pages once per process) and peak PSS. BENCH_PAGES (2000) and BENCH_CONCURRENCY (4) set the run.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { loadavg } from 'node:os';
import { createInterface } from 'node:readline';
import postgres from 'postgres';
import { processTree, pssBytes, rssBytes } from '../crawlers/browser/process-tree.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../crawlers/browser/launch.ts';
import { waitForSelectorInPage } from '../crawlers/browser/page-renderer.ts';
import { actFrameText, parseActView, parseResultsPage } from '../crawlers/sources/acts-bank/parse-rendered.ts';
import { portalUrl } from '../crawlers/sources/acts-bank/urls.ts';
import { startJsPortal } from '../test/simulator/js-portal/server.ts';

const PAGE_SIZE = 24;
const SEARCH_TEXT = 'ПОСТАНОВЛЕНИЕ';
const READY = { list: '#app[data-state="results-ready"]', act: '#app[data-state="act-ready"]' };

interface EngineResult {
  engine: string;
  pages: number;
  seconds: number;
  pagesPerSecond: number;
  peakRssMb: number;
  peakPssMb: number;
}

// ---------------------------------------------------------------- child: one crawler

async function runKuzet(portal: string, concurrency: number): Promise<number> {
  const { openDatabase } = await import('../db/client.ts');
  const { BrowserPool } = await import('../crawlers/browser/browser-pool.ts');
  const { BrowserPageRenderer } = await import('../crawlers/browser/page-renderer.ts');
  const { crawlBrowserSource } = await import('../crawlers/browser/crawl-browser-source.ts');
  const { actsBankSource } = await import('../crawlers/sources/acts-bank/index.ts');
  const url = process.env.KUZET_BENCH_DATABASE_URL;
  const database = await openDatabase(url ? { url, maxConnections: concurrency + 2 } : { dataDir: 'memory://' });
  await database.migrate();
  const pool = new BrowserPool({ maxPages: concurrency });
  const summary = await crawlBrowserSource(
    database.db,
    actsBankSource({ portal, texts: [SEARCH_TEXT] }),
    new BrowserPageRenderer(pool),
    { db: database.db, since: null, until: '2030-12-31', courtCodes: [] },
    { minHostIntervalMs: 0, minProcessIntervalMs: 0, maxConcurrentPerHost: concurrency, concurrency, respectRobots: false },
  );
  await pool.close();
  await database.close();
  return summary.pagesFetched;
}

async function runCrawlee(portal: string, concurrency: number): Promise<number> {
  const { PlaywrightCrawler, Configuration } = await import('@crawlee/playwright');
  const { chromium } = await import('playwright');
  let pages = 0;
  const crawler = new PlaywrightCrawler(
    {
      launchContext: { launcher: chromium, launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true } },
      minConcurrency: concurrency,
      maxConcurrency: concurrency,
      maxRequestRetries: 3,
      requestHandlerTimeoutSecs: 60,
      browserPoolOptions: { useFingerprints: false },
      async requestHandler({ page, request }) {
        const kind = request.label === 'act' ? 'act' : 'list';
        await waitForSelectorInPage(page, READY[kind], 30_000);
        pages += 1;
        if (kind === 'act') {
          parseActView(await page.content());
          const frame = page.frames().find((candidate) => candidate !== page.mainFrame());
          if (frame) actFrameText(await frame.content());
          return;
        }
        const list = parseResultsPage(await page.content(), request.url);
        // The query is in the hash: keep it in the key, or every act would be one request.
        const next = [...list.results.map((r) => ({ url: r.actUrl, label: 'act' })), ...(list.nextUrl ? [{ url: list.nextUrl, label: 'list' }] : [])];
        await crawler.addRequests(next.map((r) => ({ ...r, uniqueKey: r.url, keepUrlFragment: true })));
      },
    },
    new Configuration({ persistStorage: false, purgeOnStart: true }),
  );
  const start = portalUrl(portal, { text: SEARCH_TEXT, page: 1, from: '', to: '2030-12-31' });
  await crawler.run([{ url: start, uniqueKey: start, keepUrlFragment: true, label: 'list' }]);
  return pages;
}

async function child(engine: string, portal: string, concurrency: number): Promise<void> {
  const started = performance.now();
  const pages = engine === 'kuzet' ? await runKuzet(portal, concurrency) : await runCrawlee(portal, concurrency);
  console.log(JSON.stringify({ engine, pages, seconds: (performance.now() - started) / 1000 }));
}

// ---------------------------------------------------------------- parent: portal, runs, figures

async function measure(engine: string, portal: string, concurrency: number, env: Record<string, string>): Promise<EngineResult> {
  const runner = spawn(process.execPath, ['--import', 'tsx', 'bench/browser.ts', '--engine', engine, portal, String(concurrency)], {
    env: { ...process.env, ...env, CRAWLEE_LOG_LEVEL: 'ERROR' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let stdout = '';
  runner.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  let peakRss = 0;
  let peakPss = 0;
  const sample = () => {
    if (!runner.pid) return;
    const tree = processTree(runner.pid);
    peakRss = Math.max(peakRss, tree.reduce((sum, pid) => sum + rssBytes(pid), 0));
    peakPss = Math.max(peakPss, tree.reduce((sum, pid) => sum + pssBytes(pid), 0));
  };
  const sampler = setInterval(sample, 250);
  const code = await new Promise<number | null>((resolve) => runner.on('exit', resolve));
  clearInterval(sampler);
  if (code !== 0) throw new Error(`${engine} run failed (exit ${code})`);
  const line = JSON.parse(stdout.trim().split('\n').pop()!) as { pages: number; seconds: number };
  return { engine, ...line, pagesPerSecond: line.pages / line.seconds, peakRssMb: peakRss / 2 ** 20, peakPssMb: peakPss / 2 ** 20 };
}

/** Serves the portal until this process is told to stop; prints its URL. */
async function portalChild(actCount: number): Promise<void> {
  const portal = await startJsPortal({ actCount, pageSize: PAGE_SIZE });
  console.log(portal.portalUrl);
  process.on('SIGTERM', () => void portal.close().then(() => process.exit(0)));
}

async function startPortalProcess(actCount: number): Promise<{ url: string; process: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/browser.ts', '--portal', String(actCount)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [url] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
  return { url, process: child };
}

const loads = () => loadavg().map((load) => load.toFixed(2)).join(', ');

async function parent(): Promise<void> {
  const pagesWanted = Number(process.env.BENCH_PAGES ?? 2000);
  const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 4);
  // Acts and the result lists that lead to them add up to the pages wanted.
  const actCount = pagesWanted - Math.ceil(pagesWanted / (PAGE_SIZE + 1));
  const { url: portalPage, process: portalProcess } = await startPortalProcess(actCount);
  console.log(`browser benchmark: ${pagesWanted} JavaScript-rendered pages (${actCount} acts in iframes + their result lists), concurrency ${concurrency}, /usr/bin/chromium, politeness off`);
  console.log(`load average before: ${loads()}`);

  // Kuzet's workers share a PostgreSQL (a throwaway database here; its server is not counted),
  // as Crawlee's in-memory queue is not counted as a server either.
  const adminUrl = process.env.KUZET_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const benchDb = `kuzet_bench_browser_${process.pid}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${benchDb}`);
  const databaseUrl = new URL(adminUrl);
  databaseUrl.pathname = `/${benchDb}`;
  try {
    const kuzet = await measure('kuzet', portalPage, concurrency, { KUZET_BENCH_DATABASE_URL: databaseUrl.toString() });
    const crawlee = await measure('crawlee', portalPage, concurrency, {});
    for (const r of [kuzet, crawlee]) {
      console.log(
        `${r.engine.padEnd(8)} ${String(r.pages).padStart(5)} pages in ${r.seconds.toFixed(1).padStart(6)} s  ${r.pagesPerSecond.toFixed(1).padStart(6)} pages/s  peak RSS ${r.peakRssMb.toFixed(0).padStart(5)} MB  peak PSS ${r.peakPssMb.toFixed(0).padStart(5)} MB`,
      );
    }
    console.log(
      `ratio kuzet/crawlee: speed ${(kuzet.pagesPerSecond / crawlee.pagesPerSecond).toFixed(2)}×, peak RSS ${(kuzet.peakRssMb / crawlee.peakRssMb).toFixed(2)}×, peak PSS ${(kuzet.peakPssMb / crawlee.peakPssMb).toFixed(2)}×`,
    );
  } finally {
    await admin.unsafe(`DROP DATABASE IF EXISTS ${benchDb} WITH (FORCE)`);
    await admin.end();
    portalProcess.kill('SIGTERM');
    console.log(`load average after: ${loads()}`);
  }
}

if (process.argv[2] === '--engine') await child(process.argv[3]!, process.argv[4]!, Number(process.argv[5]));
else if (process.argv[2] === '--portal') await portalChild(Number(process.argv[3]));
else await parent();
