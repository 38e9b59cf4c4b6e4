// `kuzet crawl`: one polite, resumable crawl run, then the pipeline over what changed.
import { z } from 'zod';
import type { CrawlOptions } from '../../crawlers/engine/crawler.ts';
import { crawlNamedSource } from '../../crawlers/scheduler/crawl-named-source.ts';
import { crawlSources } from '../../crawlers/scheduler/schedules.ts';
import { refreshMatches } from '../../db/queries/matches.ts';
import { loadRegistryIfEmpty } from '../../crawlers/sources/sudrf/load-registry.ts';
import { upsertCourts } from '../../db/queries/courts.ts';
import { analyzeStoredDocuments } from '../../pipeline/run-stored.ts';
import { startCourtSimulator } from '../../test/simulator/index.ts';
import { openMigratedDatabase } from '../database.ts';
import { fail, progressLine, say } from '../log.ts';
import { describeProgress } from './crawl-progress.ts';

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const crawlOptions = z.object({
  source: z.enum(crawlSources),
  portal: z.url({ protocol: /^https?$/ }).optional(),
  since: isoDay.optional(),
  until: isoDay.optional(),
  courts: z.string().optional(),
  simulator: z.boolean().optional(),
  // Absent: the source's own defaults (a browser source renders fewer pages at once).
  concurrency: z.coerce.number().int().min(1).max(64).optional(),
  minHostInterval: z.coerce.number().int().min(0).optional(),
  minProcessInterval: z.coerce.number().int().min(0).optional(),
  analyze: z.boolean(),
})
  .refine((options) => !options.simulator || options.source === 'sudrf', { message: '--simulator replays sudrf courts only', path: ['simulator'] })
  .refine((options) => !options.portal || options.source !== 'sudrf', { message: '--portal is for mosgorsud and acts-bank', path: ['portal'] });

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

export async function crawlCommand(raw: unknown): Promise<void> {
  const parsed = crawlOptions.safeParse(raw);
  if (!parsed.success) fail(`bad options: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const options = parsed.data;
  const database = await openMigratedDatabase();
  const { db } = database;
  let courtCodes = options.courts ? options.courts.split(',').map((code) => code.trim()).filter(Boolean) : [];
  let closeSimulator = async () => {};

  if (options.simulator) {
    const simulator = await startCourtSimulator({ courtCount: 4, casesPerCourt: 30, seed: 1 });
    closeSimulator = simulator.close;
    await upsertCourts(db, simulator.courts.map((court) => ({
      source: 'sudrf', code: court.code, name: court.name, region: court.region, regionCode: court.code.slice(0, 2),
      baseUrl: court.baseUrl, layout: court.layout, srvNums: court.srvNums, hasCaptcha: court.hasCaptcha,
    })));
    courtCodes = simulator.courts.map((court) => court.code);
    say(`kuzet: crawling the local simulator (${courtCodes.length} courts)`);
  } else if (options.source === 'sudrf') {
    const loaded = await loadRegistryIfEmpty(db);
    if (loaded > 0) say(`kuzet: loaded ${loaded} courts from the registry`);
  }

  const controller = new AbortController();
  process.once('SIGINT', () => {
    say('\nkuzet: stopping after the requests in flight; the next run resumes where this one stopped');
    controller.abort();
  });
  const overrides: Partial<CrawlOptions> = { signal: controller.signal, onProgress: (progress) => progressLine(describeProgress(progress)) };
  if (options.concurrency !== undefined) overrides.concurrency = options.concurrency;
  if (options.minHostInterval !== undefined) overrides.minHostIntervalMs = options.minHostInterval;
  if (options.minProcessInterval !== undefined) overrides.minProcessIntervalMs = options.minProcessInterval;
  const summary = await crawlNamedSource(db, {
    source: options.source,
    portal: options.portal,
    seed: { db, since: options.since ?? null, until: options.until ?? daysAgo(0), courtCodes },
    overrides,
  });
  say(`\nkuzet: crawl run ${summary.runId} ${summary.status}: ${summary.pagesFetched} pages fetched, ${summary.newDocuments} new documents, ${summary.errors} errors, ${summary.failed} requests failed, ${summary.skipped} skipped`);
  if (options.analyze) {
    const pipeline = await analyzeStoredDocuments(db);
    say(`kuzet: ${pipeline.analyzed} cases analysed, ${pipeline.flagged} flagged, ${pipeline.possible} possible, ${pipeline.failures.length} failures`);
    const matched = await refreshMatches(db);
    say(`kuzet: detainee matching: ${matched.candidates} candidate(s), ${matched.newCandidates} new`);
  }
  await closeSimulator();
  await database.close();
}
