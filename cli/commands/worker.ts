// `kuzet worker`: the long-running process. Runs the crawl schedules (one holder per schedule
// across machines) and, between them, works whatever the shared frontier holds — start as many
// workers as you like against one PostgreSQL.
import { hostname } from 'node:os';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { crawlRuns } from '../../db/schema.ts';
import { findCourts } from '../../db/queries/courts.ts';
import { runCrawl } from '../../crawlers/engine/crawler.ts';
import { frontierCounts } from '../../crawlers/engine/frontier.ts';
import { startScheduler } from '../../crawlers/scheduler/scheduler.ts';
import { loadSchedules, type Schedule } from '../../crawlers/scheduler/schedules.ts';
import { sudrfSource } from '../../crawlers/sources/sudrf/index.ts';
import { analyzeStoredDocuments } from '../../pipeline/run-stored.ts';
import { refreshMatches } from '../../db/queries/matches.ts';
import { openMigratedDatabase } from '../database.ts';
import { say } from '../log.ts';

const day = (offset: number) => new Date(Date.now() - offset * 86_400_000).toISOString().slice(0, 10);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function runSchedule(db: Db, worker: string, schedule: Schedule): Promise<void> {
  const courts = await findCourts(db, 'sudrf', []);
  const codes = courts.filter((c) => schedule.regions.length === 0 || schedule.regions.includes(c.code.slice(0, 2))).map((c) => c.code);
  const summary = await runCrawl(db, sudrfSource(), { db, since: null, until: day(0), courtCodes: codes }, { worker });
  const pipeline = await analyzeStoredDocuments(db);
  await refreshMatches(db);
  await db.update(crawlRuns).set({ schedule: schedule.name, newCases: pipeline.analyzed }).where(eq(crawlRuns.id, summary.runId));
  say(`kuzet worker: ${schedule.name}: ${summary.pagesFetched} pages, ${pipeline.analyzed} cases analysed, ${pipeline.flagged} flagged`);
}

export async function workerCommand(options: { now?: string }): Promise<void> {
  const database = await openMigratedDatabase();
  const { db } = database;
  const worker = `${hostname()}:${process.pid}`;
  const schedules = loadSchedules();
  const scheduler = startScheduler(db, schedules, (schedule) => runSchedule(db, worker, schedule), {
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
    // Between schedules, help with work other machines put in the shared frontier.
    const counts = await frontierCounts(db, 'sudrf');
    if (counts.queued > 0 && counts.nextDueAt && counts.nextDueAt.getTime() <= Date.now()) {
      const controller = new AbortController();
      const abortOnStop = setInterval(() => stopping && controller.abort(), 500);
      await runCrawl(db, sudrfSource(), null, { worker, signal: controller.signal, maxIdleWaitMs: 60_000 });
      clearInterval(abortOnStop);
      await analyzeStoredDocuments(db);
    }
    await sleep(15_000);
  }
  await scheduler.stop();
  await database.close();
}
