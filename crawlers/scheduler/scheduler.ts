// Runs schedules with node-cron. A schedule never overlaps itself: in one process node-cron's
// noOverlap holds it, and across machines a lease in the database does.
import cron, { type ScheduledTask } from 'node-cron';
import type { Db } from '../../db/client.ts';
import { acquireScheduleLease, releaseScheduleLease, renewScheduleLease } from '../../db/queries/schedule-locks.ts';
import type { Schedule } from './schedules.ts';

export type ScheduleEvent =
  | { kind: 'started'; schedule: string; at: Date }
  | { kind: 'finished'; schedule: string; at: Date }
  | { kind: 'failed'; schedule: string; at: Date; error: string }
  | { kind: 'skipped'; schedule: string; at: Date; reason: 'still running' | 'held elsewhere' };

export interface SchedulerOptions {
  holder: string;
  /** Lease length; the holder renews it every third of this while running. */
  leaseMs: number;
  onEvent?: (event: ScheduleEvent) => void;
}

export interface RunningScheduler {
  stop(): Promise<void>;
  /** Fires a schedule now, as cron would (used by tests and `kuzet worker --now`). */
  fire(name: string): Promise<void>;
}

export function startScheduler(
  db: Db,
  schedules: Schedule[],
  job: (schedule: Schedule) => Promise<void>,
  options: SchedulerOptions,
): RunningScheduler {
  const running = new Set<string>();
  const emit = (event: ScheduleEvent) => options.onEvent?.(event);

  const fire = async (schedule: Schedule) => {
    if (running.has(schedule.name)) return emit({ kind: 'skipped', schedule: schedule.name, at: new Date(), reason: 'still running' });
    running.add(schedule.name);
    try {
      if (!(await acquireScheduleLease(db, schedule.name, options.holder, options.leaseMs))) {
        return emit({ kind: 'skipped', schedule: schedule.name, at: new Date(), reason: 'held elsewhere' });
      }
      const heartbeat = setInterval(() => {
        renewScheduleLease(db, schedule.name, options.holder, options.leaseMs).catch(() => {});
      }, options.leaseMs / 3);
      emit({ kind: 'started', schedule: schedule.name, at: new Date() });
      try {
        await job(schedule);
        emit({ kind: 'finished', schedule: schedule.name, at: new Date() });
      } catch (error) {
        emit({ kind: 'failed', schedule: schedule.name, at: new Date(), error: error instanceof Error ? error.message : String(error) });
      } finally {
        clearInterval(heartbeat);
        await releaseScheduleLease(db, schedule.name, options.holder);
      }
    } finally {
      running.delete(schedule.name);
    }
  };

  const tasks: ScheduledTask[] = schedules.map((schedule) =>
    cron.schedule(schedule.cron, () => fire(schedule), { name: schedule.name, timezone: schedule.timezone }),
  );
  return {
    stop: async () => {
      await Promise.all(tasks.map((task) => task.stop()));
    },
    fire: async (name) => {
      const schedule = schedules.find((s) => s.name === name);
      if (!schedule) throw new Error(`no schedule named ${name}`);
      await fire(schedule);
    },
  };
}
