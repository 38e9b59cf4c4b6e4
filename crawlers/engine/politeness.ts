// Politeness: one request at a time per host (p-queue), a minimum interval between requests
// to one host that holds across every crawler process (the next allowed time per host is
// reserved in the database), a minimum interval per process, and host cooldowns after
// 429 / throttle / geo-block pages.
import PQueue from 'p-queue';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { hosts } from '../../db/schema.ts';

export interface PolitenessOptions {
  /** Minimum time between two requests to one host, across all workers. */
  minHostIntervalMs: number;
  /** Minimum time between two requests of this process, whatever the host. */
  minProcessIntervalMs: number;
  /** Requests in flight to one host from this process (1 for real court sites). */
  maxConcurrentPerHost: number;
}

export const defaultPoliteness: PolitenessOptions = { minHostIntervalMs: 3000, minProcessIntervalMs: 1500, maxConcurrentPerHost: 1 };

/**
 * Slots are reserved a margin wider than the interval. A process that wakes up later than
 * half the margin after its slot (a busy event loop) gives the slot up and reserves a new one;
 * the other half absorbs the time between waking and the request reaching the wire. So two
 * requests to a host never arrive closer than the interval, whichever workers send them.
 */
export function slotMarginMs(intervalMs: number): number {
  return Math.max(100, Math.round(intervalMs * 0.05));
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));

export class Politeness {
  private readonly queues = new Map<string, PQueue>();
  private nextProcessSlot = 0;

  constructor(
    private readonly db: Db,
    private readonly options: PolitenessOptions,
  ) {}

  /**
   * Runs `task` in the host's queue (one task per host at a time in this process). The task
   * calls `turn()` before each request it makes to the host: that waits for the host's and
   * the process's next slot.
   */
  schedule<T>(host: string, task: (turn: () => Promise<void>) => Promise<T>): Promise<T> {
    let queue = this.queues.get(host);
    if (!queue) {
      queue = new PQueue({ concurrency: this.options.maxConcurrentPerHost });
      this.queues.set(host, queue);
    }
    return queue.add(() =>
      task(async () => {
        await this.waitForProcessSlot();
        await this.waitForHostSlot(host);
      }),
    ) as Promise<T>;
  }

  /** Hosts that already have as much work in this process as they may take at once. */
  saturatedHosts(): string[] {
    const saturated: string[] = [];
    for (const [host, queue] of this.queues) if (queue.size + queue.pending >= this.options.maxConcurrentPerHost) saturated.push(host);
    return saturated;
  }

  private async waitForProcessSlot(): Promise<void> {
    if (this.options.minProcessIntervalMs <= 0) return;
    const now = Date.now();
    const slot = Math.max(now, this.nextProcessSlot);
    this.nextProcessSlot = slot + this.options.minProcessIntervalMs + slotMarginMs(this.options.minProcessIntervalMs);
    await sleep(slot - now);
  }

  private async waitForHostSlot(host: string): Promise<void> {
    if (this.options.minHostIntervalMs <= 0) return;
    for (;;) {
      const margin = slotMarginMs(this.options.minHostIntervalMs);
      const slot = (await reserveHostSlot(this.db, host, this.options.minHostIntervalMs + margin)).getTime();
      await sleep(slot - Date.now());
      if (Date.now() - slot <= margin / 2) return;
    }
  }
}

/**
 * Atomically reserves the next request slot for a host: the returned time is at least
 * `intervalMs` after the slot handed out before it, by any process.
 */
export async function reserveHostSlot(db: Db, host: string, intervalMs: number): Promise<Date> {
  const gap = sql`make_interval(secs => ${intervalMs / 1000})`;
  const [row] = await db
    .insert(hosts)
    .values({ host, nextAllowedAt: sql`now() + ${gap}` })
    .onConflictDoUpdate({
      target: hosts.host,
      set: { nextAllowedAt: sql`greatest(${hosts.nextAllowedAt}, now()) + ${gap}` },
    })
    .returning({ slot: sql<string>`${hosts.nextAllowedAt} - ${gap}` });
  return row ? new Date(row.slot) : new Date();
}

/** Stops all workers from calling a host until `until` (after 429, throttle or geo-block pages). */
export async function coolDownHost(db: Db, host: string, until: Date, reason: string): Promise<void> {
  await db
    .insert(hosts)
    .values({ host, cooldownUntil: until, cooldownReason: reason })
    .onConflictDoUpdate({ target: hosts.host, set: { cooldownUntil: until, cooldownReason: reason } });
}

export async function hostCooldown(db: Db, host: string): Promise<Date | null> {
  const [row] = await db.select({ until: hosts.cooldownUntil }).from(hosts).where(eq(hosts.host, host));
  return row?.until ?? null;
}

/** Reads a Retry-After header (seconds or HTTP date) as milliseconds from now. */
export function retryAfterMs(header: string | undefined, now = Date.now()): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}
