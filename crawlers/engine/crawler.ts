// The crawl loop shared by every source: claim due requests from the database frontier,
// fetch them politely (a plain HTTP GET, or a browser render for JavaScript-only sources: the
// page fetcher is a parameter), let the source classify and parse each page, store the raw
// page with what it leads to, and retry or record failures. Stops when the frontier is drained.
import { hostname } from 'node:os';
import type { Db } from '../../db/client.ts';
import {
  markCourtCaptcha,
  markCourtSuccess,
  startCrawlRun,
  storeDocument,
  updateCrawlRun,
  type RunCounters,
} from '../../db/queries/documents.ts';
import { FetchFailure, fetchPage, warmUpHttpClient } from './fetch-page.ts';
import {
  claimRequests,
  enqueueRequests,
  frontierCounts,
  markDone,
  markGivenUp,
  recoverAbandoned,
  reschedule,
  type ClaimedRequest,
} from './frontier.ts';
import { Politeness, coolDownHost, defaultPoliteness, retryAfterMs, type PolitenessOptions } from './politeness.ts';
import { backoffDelayMs } from './backoff.ts';
import { isDatabaseUnavailable } from '../../db/errors.ts';
import { RobotsRules } from './robots.ts';
import type { CrawlSource, FetchedPage, PageResult, SeedContext } from './source.ts';

/** A page, or why none came back (timeout, refused connection, a script that never rendered): retried later. */
export type FetchOutcome<Page extends FetchedPage> = { page: Page } | { failure: string; reason: string };

/** How a claimed request becomes a page. */
export interface PageFetcher<Page extends FetchedPage = FetchedPage> {
  /** Recorded with the crawl run ('http', 'browser'). */
  name: string;
  fetch(request: ClaimedRequest, timeoutMs: number): Promise<FetchOutcome<Page>>;
}

/** A source whose pages come from a fetcher other than plain HTTP (they carry more, e.g. iframes). */
export type PageSource<Page extends FetchedPage> = Omit<CrawlSource, 'handlePage'> & { handlePage(page: Page): PageResult };

/** What a fetched page knows of the request it answers. */
export const requestFieldsOf = (request: ClaimedRequest) => ({
  url: request.url,
  kind: request.kind,
  courtId: request.courtId,
  userData: request.userData ?? {},
});

export const httpFetcher: PageFetcher = {
  name: 'http',
  async fetch(request, timeoutMs) {
    try {
      return { page: { ...(await fetchPage(request.url, timeoutMs)), ...requestFieldsOf(request) } };
    } catch (error) {
      if (!(error instanceof FetchFailure)) throw error;
      return { failure: error.kind, reason: error.message };
    }
  },
};

export interface CrawlOptions extends PolitenessOptions {
  worker: string;
  concurrency: number;
  maxAttempts: number;
  timeoutMs: number;
  /** A request claimed longer ago than this by a worker that vanished goes back to the queue. */
  leaseMs: number;
  backoffBaseMs: number;
  /** Cooldown after 429 / throttle / geo-block when the server gives no Retry-After. */
  cooldownMs: number;
  respectRobots: boolean;
  /** Stop waiting when the only work left is further away than this (e.g. hosts cooling down). */
  maxIdleWaitMs: number;
  onProgress?: (progress: CrawlProgress) => void;
  signal?: AbortSignal;
}

export const defaultCrawlOptions: CrawlOptions = {
  ...defaultPoliteness,
  worker: `${hostname()}:${process.pid}`,
  concurrency: 8,
  maxAttempts: 5,
  timeoutMs: 60_000,
  leaseMs: 10 * 60_000,
  backoffBaseMs: 2_000,
  cooldownMs: 30 * 60_000,
  respectRobots: true,
  maxIdleWaitMs: 60 * 60_000,
};

export interface CrawlProgress extends RunCounters {
  runId: number;
  queued: number;
  inFlight: number;
  done: number;
}

export interface CrawlSummary extends CrawlProgress {
  failed: number;
  skipped: number;
  status: 'finished' | 'interrupted';
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function runCrawl(db: Db, source: CrawlSource, seed: SeedContext | null, overrides?: Partial<CrawlOptions>): Promise<CrawlSummary>;
export function runCrawl<Page extends FetchedPage>(
  db: Db,
  source: PageSource<Page>,
  seed: SeedContext | null,
  overrides: Partial<CrawlOptions>,
  fetcher: PageFetcher<Page>,
): Promise<CrawlSummary>;
export async function runCrawl(
  db: Db,
  source: CrawlSource,
  seed: SeedContext | null,
  overrides: Partial<CrawlOptions> = {},
  fetcher: PageFetcher = httpFetcher,
): Promise<CrawlSummary> {
  const options: CrawlOptions = { ...defaultCrawlOptions, ...overrides };
  const runId = await startCrawlRun(db, source.name, options.worker, { seed: seed && { ...seed, db: undefined }, fetcher: fetcher.name });
  const counters: RunCounters = { pagesFetched: 0, newDocuments: 0, errors: 0, stats: {} };
  const count = (key: string) => (counters.stats[key] = (counters.stats[key] ?? 0) + 1);
  const politeness = new Politeness(db, options);
  const robots = new RobotsRules(options.timeoutMs);
  let inFlight = 0;
  let done = 0;

  await warmUpHttpClient();
  await recoverAbandoned(db, options.worker, options.leaseMs);
  if (seed) await enqueueRequests(db, source.name, await source.seedRequests(seed), runId);

  const handle = (request: ClaimedRequest) =>
    politeness.schedule(request.host, async (turn) => {
      if (options.respectRobots) {
        // Reading robots.txt is a request to the host too: it waits for its turn.
        if (!robots.isKnown(request.url)) await turn();
        if (!(await robots.isAllowed(request.url))) {
          count('robots_disallowed');
          return markGivenUp(db, request.id, 'skipped', 'disallowed by robots.txt');
        }
      }
      await turn();
      return fetchAndStore(request);
    });

  const fetchAndStore = async (request: ClaimedRequest) => {
    const outcome = await fetcher.fetch(request, options.timeoutMs);
    if ('failure' in outcome) {
      count(outcome.failure);
      return retryOrGiveUp(request, outcome.reason);
    }
    const { page } = outcome;
    counters.pagesFetched += 1;
    if (page.httpStatus >= 500) {
      count(`http_${page.httpStatus}`);
      return retryOrGiveUp(request, `HTTP ${page.httpStatus}`, page);
    }
    let result: PageResult;
    try {
      result = source.handlePage(page);
    } catch (error) {
      result = { status: 'parse_failure', reason: `parser crashed: ${(error as Error).message}`, enqueue: [] };
    }
    count(result.status);
    switch (result.status) {
      case 'ok':
      case 'no_data':
        return storeAndFinish(request, page, result);
      case 'throttled':
      case 'geo_blocked': {
        const waitMs = retryAfterMs(page.headers['retry-after']) ?? options.cooldownMs;
        const until = new Date(Date.now() + waitMs);
        await coolDownHost(db, request.host, until, result.reason ?? result.status);
        await storeFailure(request, page, result);
        return rescheduleOrGiveUp(request, until, result.reason ?? result.status);
      }
      case 'captcha':
        if (request.courtId !== null) await markCourtCaptcha(db, request.courtId);
        await storeFailure(request, page, result);
        return markGivenUp(db, request.id, 'skipped', result.reason ?? 'captcha required');
      case 'waf_blocked':
      case 'parse_failure':
        return retryOrGiveUp(request, result.reason ?? result.status, page, result);
      case 'http_error':
        await storeFailure(request, page, result);
        return markGivenUp(db, request.id, 'failed', result.reason ?? `HTTP ${page.httpStatus}`);
    }
  };

  const storeAndFinish = async (request: ClaimedRequest, page: FetchedPage, result: PageResult) => {
    await db.transaction(async (tx) => {
      const isNew = await storeDocument(tx, documentOf(request, page, result));
      if (isNew) counters.newDocuments += 1;
      const courtOf = { courtId: request.courtId };
      await enqueueRequests(tx, source.name, result.enqueue.map((spec) => ({ ...courtOf, ...spec })), runId);
      await markDone(tx, request.id);
    });
    if (request.courtId !== null) await markCourtSuccess(db, request.courtId);
    done += 1;
  };

  const documentOf = (request: ClaimedRequest, page: FetchedPage, result: PageResult) => ({
    ...page,
    // PostgreSQL text cannot hold NUL; binary bodies decoded as text are full of them.
    text: (result.storedText ?? page.text).replaceAll('\u0000', ''),
    requestKey: request.uniqueKey,
    source: source.name,
    runId,
    status: result.status,
    failureReason: result.reason ?? null,
    parsed: result.parsed,
  });

  const storeFailure = async (request: ClaimedRequest, page: FetchedPage, result: PageResult) => {
    counters.errors += 1;
    if (await storeDocument(db, documentOf(request, page, result))) counters.newDocuments += 1;
  };

  const retryOrGiveUp = async (request: ClaimedRequest, reason: string, page?: FetchedPage, result?: PageResult) => {
    const delay = backoffDelayMs(request.attempts, options.backoffBaseMs);
    return rescheduleOrGiveUp(request, new Date(Date.now() + delay), reason, page, result);
  };

  const rescheduleOrGiveUp = async (
    request: ClaimedRequest,
    notBefore: Date,
    reason: string,
    page?: FetchedPage,
    result?: PageResult,
  ) => {
    if (request.attempts + 1 < options.maxAttempts) return reschedule(db, request.id, notBefore, reason, true);
    counters.errors += 1;
    count('given_up');
    // A page that never parsed is kept with its reason, for audit and for a later parser.
    if (page) {
      const failure: PageResult = result ?? { status: 'http_error', reason, enqueue: [] };
      await storeDocument(db, documentOf(request, page, failure));
    }
    await markGivenUp(db, request.id, 'failed', `${reason} (after ${request.attempts + 1} attempts)`);
  };

  let lastReport = 0;
  const report = async (force = false) => {
    if (!force && Date.now() - lastReport < 1000) return;
    lastReport = Date.now();
    await updateCrawlRun(db, runId, counters);
    const counts = await frontierCounts(db, source.name);
    options.onProgress?.({ runId, ...counters, queued: counts.queued, inFlight, done });
  };

  const running = new Set<Promise<void>>();
  let status: CrawlSummary['status'] = 'finished';
  try {
    let databaseDownSince: number | null = null;
    for (;;) {
      if (options.signal?.aborted) {
        status = 'interrupted';
        break;
      }
      try {
        // Claim in batches (a quarter of the concurrency at least): one claim per finished page
        // would make the claim transaction the bottleneck.
        const free = options.concurrency - inFlight;
        const worthClaiming = free > 0 && (inFlight === 0 || free >= Math.max(1, Math.floor(options.concurrency / 4)));
        const claimed = worthClaiming
          ? await claimRequests(db, options.worker, source.name, free, {
              perHost: options.maxConcurrentPerHost,
              busyHosts: politeness.saturatedHosts(),
            })
          : [];
        for (const request of claimed) {
          inFlight += 1;
          const task: Promise<void> = handle(request)
            .catch(async (error: unknown) => {
              counters.errors += 1;
              // With the database away the request stays claimed; it is given back once the
              // database returns and nothing of ours is running (see below), or after its lease.
              if (isDatabaseUnavailable(error)) {
                databaseDownSince ??= Date.now();
                count('database_unavailable');
                return;
              }
              // An unexpected error (e.g. a page the database refuses) is retried like any other
              // failure, and given up after maxAttempts: a crawl never loops on one page.
              const reason = `unexpected error: ${error instanceof Error ? error.message : String(error)}`.slice(0, 500);
              const giveUp = request.attempts + 1 >= options.maxAttempts;
              await (giveUp
                ? markGivenUp(db, request.id, 'failed', reason)
                : reschedule(db, request.id, new Date(Date.now() + backoffDelayMs(request.attempts, options.backoffBaseMs)), reason, true)
              ).catch(() => {});
            })
            .finally(() => {
              inFlight -= 1;
              running.delete(task);
            });
          running.add(task);
        }
        await report();
        if (claimed.length > 0) continue;
        if (running.size > 0) {
          await Promise.race([...running, sleep(200)]);
          continue;
        }
        const counts = await frontierCounts(db, source.name);
        if (counts.queued === 0 && counts.inProgress === 0) break;
        if (counts.queued === 0 && databaseDownSince !== null) {
          // Requests we held while the database was away: nothing of ours runs now, give them back.
          await recoverAbandoned(db, options.worker, options.leaseMs);
          databaseDownSince = null;
          continue;
        }
        const waitMs = counts.nextDueAt ? counts.nextDueAt.getTime() - Date.now() : 1000;
        if (waitMs > options.maxIdleWaitMs) break;
        await sleep(Math.min(Math.max(waitMs, 250), 1000));
      } catch (error) {
        if (!isDatabaseUnavailable(error)) throw error;
        // The database restarts or the network is cut: wait and go on; the frontier is intact.
        databaseDownSince ??= Date.now();
        count('database_unavailable');
        await sleep(Math.min(30_000, 500 + (Date.now() - databaseDownSince) / 4));
      }
    }
  } finally {
    await Promise.allSettled(running);
    await updateCrawlRun(db, runId, counters, status).catch((error: unknown) => {
      if (!isDatabaseUnavailable(error)) throw error;
    });
  }
  const counts = await frontierCounts(db, source.name);
  return { runId, ...counters, queued: counts.queued, inFlight: 0, done, failed: counts.failed, skipped: counts.skipped, status };
}
