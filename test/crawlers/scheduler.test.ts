// Schedules: never two runs of one schedule at once, in one process or across machines (a
// lease in the database); schedules from config name their job and source; a digest fires once
// whatever the number of schedulers, a mosgorsud schedule crawls mos-gorsud, each leaves a run.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScheduledJob } from '../../cli/commands/worker.ts';
import { startScheduler, type ScheduleEvent } from '../../crawlers/scheduler/scheduler.ts';
import { defaultSchedules, parseSchedules, type Schedule } from '../../crawlers/scheduler/schedules.ts';
import { crawlRuns, documents } from '../../db/schema.ts';
import type { DigestTransport } from '../../notifications/transport.ts';
import { startMosgorsudSimulator } from '../simulator/mosgorsud/server.ts';
import { createTestDatabase, drivers, type TestDatabase } from '../helpers/databases.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const everySecond: Schedule = { name: 'sudrf-test', job: 'crawl', source: 'sudrf', cron: '* * * * * *', timezone: 'UTC', regions: [] };
const never = '0 0 1 1 *'; // fired by hand in these tests

describe('schedules from config', () => {
  it('reads crawls of each named source, matching and the digest; an entry without a job is a crawl', () => {
    const schedules = parseSchedules(
      [
        { name: 'moscow', source: 'sudrf', cron: '10 0 * * *', regions: ['77'] },
        { name: 'mgs', job: 'crawl', source: 'mosgorsud', cron: '30 4 * * *', portal: 'http://127.0.0.1:8080' },
        { name: 'bank', job: 'crawl', source: 'acts-bank', cron: '50 4 * * *' },
        { name: 'matching', job: 'match', cron: '30 6 * * *' },
        { name: 'digest', job: 'digest', cron: '0 8 * * *', timezone: 'Asia/Bishkek' },
      ],
      'test',
    );
    expect(schedules.map((s) => [s.name, s.job, 'source' in s ? s.source : null])).toEqual([
      ['moscow', 'crawl', 'sudrf'],
      ['mgs', 'crawl', 'mosgorsud'],
      ['bank', 'crawl', 'acts-bank'],
      ['matching', 'match', null],
      ['digest', 'digest', null],
    ]);
    expect(schedules[0]).toMatchObject({ timezone: 'Europe/Moscow', regions: ['77'] });
    expect(schedules[4]).toMatchObject({ timezone: 'Asia/Bishkek' });
    expect(new Set(defaultSchedules.map((s) => s.job))).toEqual(new Set(['crawl', 'match', 'digest']));
  });

  it('refuses an unknown source, a crawl without a source, a bad cron and a name used twice', () => {
    expect(() => parseSchedules([{ name: 'x', source: 'kad', cron: '0 1 * * *' }], 'test')).toThrow(/invalid schedules in test/);
    expect(() => parseSchedules([{ name: 'x', job: 'crawl', cron: '0 1 * * *' }], 'test')).toThrow(/invalid schedules/);
    expect(() => parseSchedules([{ name: 'x', job: 'digest', cron: 'every day' }], 'test')).toThrow(/cron/);
    const twice = [
      { name: 'x', job: 'digest', cron: '0 8 * * *' },
      { name: 'x', job: 'match', cron: '0 6 * * *' },
    ];
    expect(() => parseSchedules(twice, 'test')).toThrow(/x is used twice/);
  });
});

describe.each(drivers)('scheduler on %s', (driver) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(driver);
  });
  afterAll(async () => database?.destroy());

  it('does not start a second run while the previous one is still going', async () => {
    const events: ScheduleEvent[] = [];
    let concurrent = 0;
    let maxConcurrent = 0;
    const scheduler = startScheduler(
      database.db,
      [everySecond],
      async () => {
        concurrent += 1;
        maxConcurrent = Math.max(maxConcurrent, concurrent);
        await sleep(2500);
        concurrent -= 1;
      },
      { holder: 'machine-a', leaseMs: 10_000, onEvent: (event) => events.push(event) },
    );
    await sleep(3300);
    await scheduler.stop();
    await sleep(2600); // let the last run end
    expect(maxConcurrent).toBe(1);
    expect(events.filter((e) => e.kind === 'started').length).toBeGreaterThanOrEqual(1);
    expect(events.filter((e) => e.kind === 'started').length).toBeLessThanOrEqual(2);
  });

  it('never runs one schedule on two machines at once', async () => {
    const events: ScheduleEvent[] = [];
    const job = async () => {
      await sleep(400);
    };
    const machineA = startScheduler(database.db, [{ ...everySecond, cron: never }], job, { holder: 'a', leaseMs: 10_000, onEvent: (e) => events.push(e) });
    const machineB = startScheduler(database.db, [{ ...everySecond, cron: never }], job, { holder: 'b', leaseMs: 10_000, onEvent: (e) => events.push(e) });
    await Promise.all([machineA.fire('sudrf-test'), machineB.fire('sudrf-test')]);
    await Promise.all([machineA.stop(), machineB.stop()]);
    expect(events.filter((e) => e.kind === 'started')).toHaveLength(1);
    expect(events.filter((e) => e.kind === 'skipped' && e.reason === 'held elsewhere')).toHaveLength(1);
    // The lease is released at the end: the next fire runs.
    await machineB.fire('sudrf-test');
    expect(events.filter((e) => e.kind === 'started')).toHaveLength(2);
  });

  it('fires a digest schedule once with two schedulers holding their own leases, and records the run', async () => {
    const digest: Schedule = { name: 'daily-digest', job: 'digest', cron: never, timezone: 'Europe/Moscow' };
    const sent: string[] = [];
    let transportsOpened = 0;
    const transport = (): DigestTransport => {
      transportsOpened += 1;
      return { channel: 'outbox', send: async (message) => (sent.push(message.district), { channel: 'outbox', reference: 'memory' }), close: () => {} };
    };
    const events: ScheduleEvent[] = [];
    const schedulerOn = (holder: string) =>
      startScheduler(database.db, [digest], (schedule) => runScheduledJob(database.db, schedule, { worker: holder, digestTransport: transport }), {
        holder,
        leaseMs: 10_000,
        onEvent: (event) => events.push(event),
      });
    const [machineA, machineB] = [schedulerOn('digest-a'), schedulerOn('digest-b')];
    await Promise.all([machineA.fire('daily-digest'), machineB.fire('daily-digest')]);
    await Promise.all([machineA.stop(), machineB.stop()]);

    expect(events.filter((e) => e.kind === 'failed')).toEqual([]);
    expect(events.filter((e) => e.kind === 'started')).toHaveLength(1);
    expect(events.filter((e) => e.kind === 'skipped' && e.reason === 'held elsewhere')).toHaveLength(1);
    expect(transportsOpened).toBe(1);
    const runs = await database.db.select().from(crawlRuns).where(eq(crawlRuns.schedule, 'daily-digest'));
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ source: 'digest', status: 'finished', params: { districts: sent.length } });
    expect(runs[0]!.finishedAt).not.toBeNull();
  });

  it('runs a mosgorsud schedule as a crawl of the mos-gorsud site it names', async () => {
    const simulator = await startMosgorsudSimulator({ caseCount: 12, rowsPerPage: 4 });
    try {
      const mosgorsud: Schedule = { name: 'mosgorsud-nightly', job: 'crawl', source: 'mosgorsud', portal: simulator.baseUrl, cron: never, timezone: 'Europe/Moscow', regions: [] };
      const events: ScheduleEvent[] = [];
      const fast = { minHostIntervalMs: 0, minProcessIntervalMs: 0, concurrency: 4, maxConcurrentPerHost: 4, backoffBaseMs: 10, maxAttempts: 2, respectRobots: false };
      const today = '2026-11-12'; // the simulated cases were decided on 1–12 November
      const scheduler = startScheduler(database.db, [mosgorsud], (schedule) => runScheduledJob(database.db, schedule, { worker: 'mgs', crawlOverrides: fast, today }), {
        holder: 'mgs',
        leaseMs: 10_000,
        onEvent: (event) => events.push(event),
      });
      await scheduler.fire('mosgorsud-nightly');
      await scheduler.stop();
      expect(events.filter((e) => e.kind === 'failed')).toEqual([]);

      // A first visit reads the week up to today.
      const inWindow = simulator.cases.filter((c) => {
        const decided = c.decided.split('.').reverse().join('-');
        return decided >= '2026-11-05' && decided <= today;
      });
      expect(inWindow.length).toBeGreaterThan(0);
      const cards = await database.db.select().from(documents).where(and(eq(documents.source, 'mosgorsud'), eq(documents.kind, 'card')));
      expect(cards).toHaveLength(inWindow.length);
      expect(simulator.served.some((path) => path.startsWith('/search?'))).toBe(true);
      const [run] = await database.db.select().from(crawlRuns).where(eq(crawlRuns.schedule, 'mosgorsud-nightly'));
      expect(run).toMatchObject({ source: 'mosgorsud', status: 'finished' });
      expect(run!.pagesFetched).toBeGreaterThan(inWindow.length);
    } finally {
      await simulator.close();
    }
  });
});
