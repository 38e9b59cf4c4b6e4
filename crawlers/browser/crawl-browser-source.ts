// JavaScript-only sources go through the engine's one crawl loop (crawlers/engine/crawler.ts:
// database frontier, politeness, retries, document store) with a browser page fetcher: each
// claimed request is rendered by a PageRenderer (a chromium pool) instead of fetched.
import { hostname } from 'node:os';
import type { Db } from '../../db/client.ts';
import type { ClaimedRequest } from '../engine/frontier.ts';
import { requestFieldsOf, runCrawl, type CrawlOptions, type CrawlSummary, type PageFetcher } from '../engine/crawler.ts';
import type { SeedContext } from '../engine/source.ts';
import type { BrowserCrawlSource, RenderedFetchedPage } from './browser-source.ts';
import { RenderFailure, type PageRenderer, type RenderedPage } from './page-renderer.ts';

/** A browser page costs far more than a GET: fewer at once, fewer attempts, longer backoff. */
export const browserCrawlDefaults: Partial<CrawlOptions> = {
  worker: `${hostname()}:${process.pid}:browser`,
  concurrency: 4,
  maxAttempts: 4,
  timeoutMs: 30_000,
  backoffBaseMs: 5_000,
};

export function browserFetcher(source: BrowserCrawlSource, renderer: PageRenderer): PageFetcher<RenderedFetchedPage> {
  return {
    name: 'browser',
    async fetch(request, timeoutMs) {
      try {
        const rendered = await renderer.render({ url: request.url, waitFor: source.readySelector(request.kind), timeoutMs });
        return { page: fetchedPageOf(request, rendered) };
      } catch (error) {
        // A render failure (timeout, network) and a browser that died too often are both retried later.
        const failure = error instanceof RenderFailure ? `render_${error.kind}` : 'browser_crash';
        return { failure, reason: `${failure}: ${error instanceof Error ? error.message : String(error)}` };
      }
    },
  };
}

export function crawlBrowserSource(
  db: Db,
  source: BrowserCrawlSource,
  renderer: PageRenderer,
  seed: SeedContext | null,
  overrides: Partial<CrawlOptions> = {},
): Promise<CrawlSummary> {
  return runCrawl(db, source, seed, { ...browserCrawlDefaults, ...overrides }, browserFetcher(source, renderer));
}

function fetchedPageOf(request: ClaimedRequest, rendered: RenderedPage): RenderedFetchedPage {
  // The stored raw form is the rendered DOM (what the source parsed), iframes after it.
  const text = [rendered.html, ...rendered.frames.map((frame) => `<!-- frame ${frame.url} -->\n${frame.html}`)].join('\n');
  return {
    ...requestFieldsOf(request),
    httpStatus: rendered.httpStatus,
    headers: { 'content-type': 'text/html; charset=utf-8', 'x-kuzet-rendered': 'chromium' },
    raw: new TextEncoder().encode(text),
    text: rendered.html,
    encoding: 'utf-8',
    frames: rendered.frames,
  };
}
