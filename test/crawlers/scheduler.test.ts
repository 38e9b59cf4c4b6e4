import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScheduler, type ScheduleEvent } from '../../crawlers/scheduler/scheduler.ts';
import type { Schedule } from '../../crawlers/scheduler/schedules.ts';
import { createTestDatabase, drivers, type TestDatabase } from '../helpers/databases.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const everySecond: Schedule = { name: 'sudrf-test', source: 'sudrf', cron: '* * * * * *', timezone: 'UTC', regions: [] };

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
    const machineA = startScheduler(database.db, [{ ...everySecond, cron: '0 0 1 1 *' }], job, { holder: 'a', leaseMs: 10_000, onEvent: (e) => events.push(e) });
    const machineB = startScheduler(database.db, [{ ...everySecond, cron: '0 0 1 1 *' }], job, { holder: 'b', leaseMs: 10_000, onEvent: (e) => events.push(e) });
    await Promise.all([machineA.fire('sudrf-test'), machineB.fire('sudrf-test')]);
    await Promise.all([machineA.stop(), machineB.stop()]);
    expect(events.filter((e) => e.kind === 'started')).toHaveLength(1);
    expect(events.filter((e) => e.kind === 'skipped' && e.reason === 'held elsewhere')).toHaveLength(1);
    // The lease is released at the end: the next fire runs.
    await machineB.fire('sudrf-test');
    expect(events.filter((e) => e.kind === 'started')).toHaveLength(2);
  });
});
