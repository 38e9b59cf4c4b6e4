// Rendering a JavaScript-only page: open it, wait until the page's script has put the content
// in (a selector the source names), and take the DOM as HTML, with the HTML of its iframes
// (where such portals show the act text). The crawl runner only sees this interface, so tests
// and other renderers (a remote browser, a replay) can stand in for chromium.
import type { Page } from 'playwright-core';
import type { BrowserPool } from './browser-pool.ts';

export interface RenderRequest {
  url: string;
  /** CSS selector that exists once the page's script has rendered what we need. */
  waitFor: string;
  timeoutMs: number;
}

export interface RenderedFrame {
  url: string;
  html: string;
}

export interface RenderedPage {
  url: string;
  /** The HTTP status of the document itself (scripts' own requests are not counted). */
  httpStatus: number;
  html: string;
  frames: RenderedFrame[];
}

export interface PageRenderer {
  render(request: RenderRequest): Promise<RenderedPage>;
}

/** Nothing usable came back: the page did not load, or its script never rendered the content. */
export class RenderFailure extends Error {
  constructor(
    message: string,
    readonly kind: 'timeout' | 'network',
  ) {
    super(message);
    this.name = 'RenderFailure';
  }
}

export class BrowserPageRenderer implements PageRenderer {
  constructor(private readonly pool: BrowserPool) {}

  render(request: RenderRequest): Promise<RenderedPage> {
    return this.pool.withPage(async (page) => {
      let httpStatus: number;
      try {
        const response = await page.goto(request.url, { waitUntil: 'domcontentloaded', timeout: request.timeoutMs });
        httpStatus = response?.status() ?? 0;
      } catch (error) {
        throw asRenderFailure(error, 'network');
      }
      if (httpStatus >= 400) return { url: request.url, httpStatus, html: await page.content(), frames: [] };
      try {
        await waitForSelectorInPage(page, request.waitFor, request.timeoutMs);
      } catch (error) {
        throw asRenderFailure(error, 'timeout');
      }
      const frames: RenderedFrame[] = [];
      for (const frame of page.frames()) {
        if (frame === page.mainFrame()) continue;
        frames.push({ url: frame.url(), html: await frame.content() });
      }
      return { url: request.url, httpStatus, html: await page.content(), frames };
    });
  }
}

/**
 * Resolves the moment `selector` matches: a MutationObserver inside the page. Playwright's
 * waitForSelector polls instead, at 0, 20, 70, 170, 270 ms and then every 500 ms, so a page
 * whose script renders in 300 ms (a loaded machine) was only seen at 770 ms, and each poll is
 * a few round trips to the browser.
 */
export async function waitForSelectorInPage(page: Page, selector: string, timeoutMs: number): Promise<void> {
  const [css, ms] = [JSON.stringify(selector), JSON.stringify(timeoutMs)];
  // A string, not a function: this project type-checks without the DOM library.
  await page.evaluate(`new Promise((resolve, reject) => {
    if (document.querySelector(${css})) return resolve();
    const observer = new MutationObserver(() => {
      if (!document.querySelector(${css})) return;
      observer.disconnect();
      clearTimeout(timer);
      resolve();
    });
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error('Timeout ' + ${ms} + 'ms exceeded waiting for ' + ${css}));
    }, ${ms});
    observer.observe(document, { subtree: true, childList: true, attributes: true });
  })`);
}

function asRenderFailure(error: unknown, kind: RenderFailure['kind']): Error {
  if (!(error instanceof Error)) return new RenderFailure(String(error), kind);
  // A dead browser is the pool's business (restart and retry): let it through untouched.
  if (/closed|disconnected|crashed/i.test(error.message)) return error;
  return new RenderFailure(error.message.split('\n')[0] ?? error.message, error.name === 'TimeoutError' ? 'timeout' : kind);
}
