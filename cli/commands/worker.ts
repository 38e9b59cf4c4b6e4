// `kuzet worker`: the long-running process. Runs the schedules (one holder per schedule across
// machines): crawls of a named source, detainee matching and the daily digest, each recorded
// as a run in crawl_runs (the sources-health page); between them, works whatever the shared
// frontier holds — start as many workers as you like against one PostgreSQL.
import { hostname } from 'node:os';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { crawlRuns } from '../../db/schema.ts';
import { findCourts } from '../../db/queries/courts.ts';
import { startCrawlRun } from '../../db/queries/documents.ts';
import { refreshMatches } from '../../db/queries/matches.ts';
import { runCrawl, type CrawlOptions } from '../../crawlers/engine/crawler.ts';
import { frontierCounts } from '../../crawlers/engine/frontier.ts';
import { crawlNamedSource } from '../../crawlers/scheduler/crawl-named-source.ts';
import { startScheduler } from '../../crawlers/scheduler/scheduler.ts';
import { loadSchedules, type CrawlSchedule, type Schedule } from '../../crawlers/scheduler/schedules.ts';
import { mosgorsudSource } from '../../crawlers/sources/mosgorsud/index.ts';
import { sudrfSource } from '../../crawlers/sources/sudrf/index.ts';
import { writeDailyDigest } from '../../notifications/daily-digest.ts';
import { transportFromEnv, type DigestTransport } from '../../notifications/transport.ts';
import { analyzeStoredDocuments } from '../../pipeline/run-stored.ts';
import { openMigratedDatabase } from '../database.ts';
import { say } from '../log.ts';

const day = (offset: number) => new Date(Date.now() - offset * 86_400_000).toISOString().slice(0, 10);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface JobContext {
  worker: string;
  /** Crawl options over the source's defaults (tests: no politeness delays). */
  crawlOverrides?: Partial<CrawlOptions>;
  /** The last day a crawl asks for (YYYY-MM-DD), today by default. */
  today?: string;
  /** Where the digest goes: SMTP or the outbox, from the environment by default. */
  digestTransport?: () => DigestTransport;
}

export async function runScheduledJob(db: Db, schedule: Schedule, context: JobContext): Promise<void> {
  switch (schedule.job) {
    case 'crawl':
      return runCrawlSchedule(db, schedule, context);
    case 'match':
      return recordJobRun(db, 'detainee-matching', schedule, context.worker, async () => {
        const matched = await refreshMatches(db);
        say(`kuzet worker: ${schedule.name}: ${matched.candidates} candidate(s), ${matched.newCandidates} new`);
        return { ...matched };
      });
    case 'digest':
      return recordJobRun(db, 'digest', schedule, context.worker, async () => {
        const transport = (context.digestTransport ?? transportFromEnv)();
        try {
          const digest = await writeDailyDigest(db, new Date(), transport);
          const cases = digest.districts.reduce((sum, district) => sum + district.cases, 0);
          say(`kuzet worker: ${schedule.name} ${digest.digestDate}: ${cases} case(s) in ${digest.districts.length} district(s)`);
          return { digestDate: digest.digestDate, districts: digest.districts.length, cases };
        } finally {
          transport.close();
        }
      });
  }
}

async function runCrawlSchedule(db: Db, schedule: CrawlSchedule, context: JobContext): Promise<void> {
  let courtCodes: string[] = [];
  if (schedule.source === 'sudrf' && schedule.regions.length > 0) {
    const courts = await findCourts(db, 'sudrf', []);
    courtCodes = courts.filter((court) => schedule.regions.includes(court.code.slice(0, 2))).map((court) => court.code);
    // No court codes means every court: a region list that matches none must not become that.
    if (courtCodes.length === 0) return say(`kuzet worker: ${schedule.name}: no known court in regions ${schedule.regions.join(', ')}`);
  }
  const summary = await crawlNamedSource(db, {
    source: schedule.source,
    portal: schedule.portal,
    seed: { db, since: null, until: context.today ?? day(0), courtCodes },
    overrides: { worker: context.worker, ...context.crawlOverrides },
  });
  const pipeline = await analyzeStoredDocuments(db);
  await refreshMatches(db);
  await db.update(crawlRuns).set({ schedule: schedule.name, newCases: pipeline.analyzed }).where(eq(crawlRuns.id, summary.runId));
  say(`kuzet worker: ${schedule.name}: ${summary.pagesFetched} pages, ${pipeline.analyzed} cases analysed, ${pipeline.flagged} flagged`);
}

/** A job that is not a crawl still leaves a run (status, times, counts in params) for the sources-health page. */
async function recordJobRun(db: Db, kind: string, schedule: Schedule, worker: string, job: () => Promise<Record<string, unknown>>): Promise<void> {
  const runId = await startCrawlRun(db, kind, worker, {});
  await db.update(crawlRuns).set({ schedule: schedule.name }).where(eq(crawlRuns.id, runId));
  try {
    const counts = await job();
    await db.update(crawlRuns).set({ status: 'finished', finishedAt: sql`now()`, params: counts }).where(eq(crawlRuns.id, runId));
  } catch (error) {
    await db
      .update(crawlRuns)
      .set({ status: 'failed', finishedAt: sql`now()`, errors: 1, stats: { job_failed: 1 } })
      .where(eq(crawlRuns.id, runId));
    throw error;
  }
}

export async function workerCommand(options: { now?: string }): Promise<void> {
  const database = await openMigratedDatabase();
  const { db } = database;
  const worker = `${hostname()}:${process.pid}`;
  const schedules = loadSchedules();
  const scheduler = startScheduler(db, schedules, (schedule) => runScheduledJob(db, schedule, { worker }), {
    holder: worker,
    leaseMs: 5 * 60_000,
    onEvent: (event) => say(`kuzet worker: ${event.schedule} ${event.kind}${'reason' in event ? ` (${event.reason})` : ''}`),
  });
  say(`kuzet worker ${worker}: ${schedules.length} schedules (${schedules.map((s) => `${s.name} "${s.cron}"`).join(', ')})`);
  if (options.now) await scheduler.fire(options.now);

  let stopping = false;
  const stop = () => {
    stopping = true;
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  while (!stopping) {
    // Between schedules, help with work other machines put in the shared frontier (plain HTTP
    // sources: a browser source's leftovers wait for its next scheduled run).
    for (const source of [sudrfSource(), mosgorsudSource()]) {
      const counts = await frontierCounts(db, source.name);
      if (stopping || counts.queued === 0 || !counts.nextDueAt || counts.nextDueAt.getTime() > Date.now()) continue;
      const controller = new AbortController();
      const abortOnStop = setInterval(() => stopping && controller.abort(), 500);
      await runCrawl(db, source, null, { worker, signal: controller.signal, maxIdleWaitMs: 60_000 });
      clearInterval(abortOnStop);
      await analyzeStoredDocuments(db);
    }
    await sleep(15_000);
  }
  await scheduler.stop();
  await database.close();
}
