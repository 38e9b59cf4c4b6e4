// The crawl loop for JavaScript-only sources: the engine's database frontier (claimed with
// SKIP LOCKED, so browser workers and HTTP workers share it), its politeness (per-host slots
// in the database), its retries with backoff and its document store; pages are rendered by a
// PageRenderer (a chromium pool) instead of fetched. Stops when the frontier is drained.
import { hostname } from 'node:os';
import type { Db } from '../../db/client.ts';
import { startCrawlRun, storeDocument, updateCrawlRun, type RunCounters } from '../../db/queries/documents.ts';
import { backoffDelayMs } from '../engine/backoff.ts';
import {
  claimRequests,
  enqueueRequests,
  frontierCounts,
  markDone,
  markGivenUp,
  recoverAbandoned,
  reschedule,
  type ClaimedRequest,
} from '../engine/frontier.ts';
import { Politeness, coolDownHost, defaultPoliteness, type PolitenessOptions } from '../engine/politeness.ts';
import { RobotsRules } from '../engine/robots.ts';
import type { PageResult, SeedContext } from '../engine/source.ts';
import type { BrowserCrawlSource, RenderedFetchedPage } from './browser-source.ts';
import { RenderFailure, type PageRenderer, type RenderedPage } from './page-renderer.ts';

export interface BrowserCrawlOptions extends PolitenessOptions {
  worker: string;
  /** Pages rendered at once (the pool bounds open pages too). */
  concurrency: number;
  maxAttempts: number;
  /** Time for a page to load and for its script to render the content. */
  renderTimeoutMs: number;
  leaseMs: number;
  backoffBaseMs: number;
  /** Cooldown of a host after a 429 or a throttle page. */
  cooldownMs: number;
  respectRobots: boolean;
  signal?: AbortSignal;
}

export const defaultBrowserCrawlOptions: BrowserCrawlOptions = {
  ...defaultPoliteness,
  worker: `${hostname()}:${process.pid}:browser`,
  concurrency: 4,
  maxAttempts: 4,
  renderTimeoutMs: 30_000,
  leaseMs: 10 * 60_000,
  backoffBaseMs: 5_000,
  cooldownMs: 30 * 60_000,
  respectRobots: true,
};

export interface BrowserCrawlSummary extends RunCounters {
  runId: number;
  done: number;
  failed: number;
  status: 'finished' | 'interrupted';
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function crawlBrowserSource(
  db: Db,
  source: BrowserCrawlSource,
  renderer: PageRenderer,
  seed: SeedContext | null,
  overrides: Partial<BrowserCrawlOptions> = {},
): Promise<BrowserCrawlSummary> {
  const options: BrowserCrawlOptions = { ...defaultBrowserCrawlOptions, ...overrides };
  const runId = await startCrawlRun(db, source.name, options.worker, { seed: seed && { ...seed, db: undefined }, renderer: 'browser' });
  const counters: RunCounters = { pagesFetched: 0, newDocuments: 0, errors: 0, stats: {} };
  const count = (key: string) => (counters.stats[key] = (counters.stats[key] ?? 0) + 1);
  const politeness = new Politeness(db, options);
  const robots = new RobotsRules(options.renderTimeoutMs);
  let done = 0;

  await recoverAbandoned(db, options.worker, options.leaseMs);
  if (seed) await enqueueRequests(db, source.name, await source.seedRequests(seed), runId);

  const handle = (request: ClaimedRequest) =>
    politeness.schedule(request.host, async (turn) => {
      if (options.respectRobots) {
        if (!robots.isKnown(request.url)) await turn();
        if (!(await robots.isAllowed(request.url))) {
          count('robots_disallowed');
          return markGivenUp(db, request.id, 'skipped', 'disallowed by robots.txt');
        }
      }
      await turn();
      return renderAndStore(request);
    });

  const renderAndStore = async (request: ClaimedRequest) => {
    let rendered: RenderedPage;
    try {
      rendered = await renderer.render({ url: request.url, waitFor: source.readySelector(request.kind), timeoutMs: options.renderTimeoutMs });
    } catch (error) {
      // A render failure (timeout, network) and a browser that died too often are both retried later.
      const kind = error instanceof RenderFailure ? `render_${error.kind}` : 'browser_crash';
      count(kind);
      return retryOrGiveUp(request, `${kind}: ${(error as Error).message}`);
    }
    counters.pagesFetched += 1;
    const page = fetchedPageOf(request, rendered);
    if (page.httpStatus >= 500) return retryOrGiveUp(request, `HTTP ${page.httpStatus}`);
    let result: PageResult;
    try {
      result = source.handlePage(page);
    } catch (error) {
      result = { status: 'parse_failure', reason: `parser crashed: ${(error as Error).message}`, enqueue: [] };
    }
    count(result.status);
    if (result.status !== 'ok' && result.status !== 'no_data') {
      await store(request, page, result);
      if (result.status === 'parse_failure' || result.status === 'waf_blocked') return retryOrGiveUp(request, result.reason ?? result.status);
      if (result.status === 'throttled' || result.status === 'geo_blocked') {
        const until = new Date(Date.now() + options.cooldownMs);
        await coolDownHost(db, request.host, until, result.reason ?? result.status);
        return reschedule(db, request.id, until, result.reason ?? result.status, true);
      }
      counters.errors += 1;
      return markGivenUp(db, request.id, result.status === 'captcha' ? 'skipped' : 'failed', result.reason ?? result.status);
    }
    await db.transaction(async (tx) => {
      await store(request, page, result, tx);
      await enqueueRequests(tx, source.name, result.enqueue.map((spec) => ({ courtId: request.courtId, ...spec })), runId);
      await markDone(tx, request.id);
    });
    done += 1;
  };

  const store = async (request: ClaimedRequest, page: RenderedFetchedPage, result: PageResult, tx: Db = db) => {
    const isNew = await storeDocument(tx, {
      ...page,
      requestKey: request.uniqueKey,
      source: source.name,
      runId,
      status: result.status,
      failureReason: result.reason ?? null,
      parsed: result.parsed,
    });
    if (isNew) counters.newDocuments += 1;
  };

  const retryOrGiveUp = async (request: ClaimedRequest, reason: string) => {
    if (request.attempts + 1 < options.maxAttempts) {
      const delay = backoffDelayMs(request.attempts, options.backoffBaseMs);
      return reschedule(db, request.id, new Date(Date.now() + delay), reason, true);
    }
    counters.errors += 1;
    count('given_up');
    await markGivenUp(db, request.id, 'failed', `${reason} (after ${request.attempts + 1} attempts)`);
  };

  const running = new Set<Promise<void>>();
  let status: BrowserCrawlSummary['status'] = 'finished';
  let lastReport = 0;
  try {
    for (;;) {
      if (options.signal?.aborted) {
        status = 'interrupted';
        break;
      }
      const free = options.concurrency - running.size;
      const claimed = free > 0 ? await claimRequests(db, options.worker, source.name, free) : [];
      for (const request of claimed) {
        const task: Promise<void> = handle(request)
          .catch(async (error: unknown) => {
            counters.errors += 1;
            await reschedule(db, request.id, new Date(Date.now() + options.backoffBaseMs), String(error), true);
          })
          .finally(() => running.delete(task));
        running.add(task);
      }
      if (Date.now() - lastReport > 2000) {
        lastReport = Date.now();
        await updateCrawlRun(db, runId, counters);
      }
      if (claimed.length > 0 && running.size < options.concurrency) continue;
      if (running.size > 0) {
        await Promise.race([...running, sleep(250)]);
        continue;
      }
      const counts = await frontierCounts(db, source.name);
      if (counts.queued === 0 && counts.inProgress === 0) break;
      const waitMs = counts.nextDueAt ? counts.nextDueAt.getTime() - Date.now() : 1000;
      await sleep(Math.min(Math.max(waitMs, 100), 1000));
    }
  } finally {
    await Promise.allSettled(running);
    await updateCrawlRun(db, runId, counters, status);
  }
  const counts = await frontierCounts(db, source.name);
  return { runId, ...counters, done, failed: counts.failed, status };
}

function fetchedPageOf(request: ClaimedRequest, rendered: RenderedPage): RenderedFetchedPage {
  // The stored raw form is the rendered DOM (what the source parsed), iframes after it.
  const text = [rendered.html, ...rendered.frames.map((frame) => `<!-- frame ${frame.url} -->\n${frame.html}`)].join('\n');
  return {
    url: request.url,
    kind: request.kind,
    courtId: request.courtId,
    userData: request.userData ?? {},
    httpStatus: rendered.httpStatus,
    headers: { 'content-type': 'text/html; charset=utf-8', 'x-kuzet-rendered': 'chromium' },
    raw: new TextEncoder().encode(text),
    text: rendered.html,
    encoding: 'utf-8',
    frames: rendered.frames,
  };
}
