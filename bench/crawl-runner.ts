// One side of the crawl benchmark, in its own process so that its peak RSS is its own.
// Usage: tsx bench/crawl-runner.ts kuzet|crawlee URLS_FILE CONCURRENCY → one JSON line on stdout.
import { readFileSync } from 'node:fs';
import { parseCaseCard } from '../crawlers/sources/sudrf/parse-card.ts';

const [engine, urlsFile, concurrencyArg] = process.argv.slice(2);
const urls: string[] = JSON.parse(readFileSync(urlsFile!, 'utf8'));
const concurrency = Number(concurrencyArg ?? 16);

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 20);

async function runKuzet(): Promise<number> {
  const { openDatabase } = await import('../db/client.ts');
  const { enqueueRequests } = await import('../crawlers/engine/frontier.ts');
  const { runCrawl } = await import('../crawlers/engine/crawler.ts');
  const { sudrfSource } = await import('../crawlers/sources/sudrf/index.ts');
  // KUZET_BENCH_DATABASE_URL: the production setting (workers on PostgreSQL); else embedded PGlite.
  const url = process.env.KUZET_BENCH_DATABASE_URL;
  const database = await openDatabase(url ? { url, maxConnections: concurrency } : { dataDir: 'memory://' });
  await database.migrate();
  await enqueueRequests(database.db, 'sudrf', urls.map((url) => ({ url, kind: 'card' })), null);
  const summary = await runCrawl(database.db, sudrfSource(), null, {
    concurrency,
    minHostIntervalMs: 0,
    minProcessIntervalMs: 0,
    maxConcurrentPerHost: concurrency,
    respectRobots: false,
  });
  await database.close();
  return summary.done;
}

async function runCrawlee(): Promise<number> {
  const { CheerioCrawler, Configuration } = await import('@crawlee/cheerio');
  let parsed = 0;
  const crawler = new CheerioCrawler(
    {
      maxConcurrency: concurrency,
      minConcurrency: concurrency,
      maxRequestRetries: 3,
      requestHandler: async ({ body, request }) => {
        const card = parseCaseCard(body.toString(), request.url);
        if (!('failure' in card)) parsed += 1;
      },
    },
    new Configuration({ persistStorage: false, logLevel: 0 as never }),
  );
  await crawler.run(urls);
  return parsed;
}

const started = performance.now();
const pages = engine === 'crawlee' ? await runCrawlee() : await runKuzet();
const seconds = (performance.now() - started) / 1000;
clearInterval(sampler);
process.stdout.write(`${JSON.stringify({ engine: engine === 'kuzet' && process.env.KUZET_BENCH_DATABASE_URL ? 'kuzet-pg' : engine, pages, seconds, pagesPerSecond: pages / seconds, peakRssMb: peakRss / 1024 / 1024 })}\n`);
process.exit(0);
