// A pool over one chromium at a time: a bounded number of pages open at once, each closed
// after use, in a bounded set of contexts that are reused for a few pages and then closed
// (a new context costs hundreds of ms; one forever would keep cookies forever), the browser recycled after
// N pages or when its process tree grows past a memory limit (chromium leaks over long runs),
// and a crashed browser restarted with the page that was on it retried.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import PQueue from 'p-queue';
import { launchChromium, type LaunchedBrowser } from './launch.ts';
import { treePssBytes } from './process-tree.ts';

export interface BrowserPoolOptions {
  /** Pages open at once (and contexts kept: at most one per open page). */
  maxPages: number;
  /** A context serves this many pages, one after another, then is closed (1: a context per page). */
  pagesPerContext: number;
  /** Recycle the browser after it has served this many pages. */
  pagesPerBrowser: number;
  /** Recycle the browser when its process tree's proportional memory passes this (bytes); 0: never. */
  maxBrowserRssBytes: number;
  /** Attempts of one page when the browser under it dies. */
  crashRetries: number;
  launch: () => Promise<LaunchedBrowser>;
}

export const defaultBrowserPoolOptions: BrowserPoolOptions = {
  maxPages: 4,
  pagesPerContext: 20,
  pagesPerBrowser: 500,
  maxBrowserRssBytes: 1024 * 1024 * 1024,
  crashRetries: 2,
  launch: launchChromium,
};

export interface BrowserPoolStats {
  launches: number;
  recycles: number;
  crashes: number;
  pagesServed: number;
}

/** The browser died under a page (killed, out of memory, crashed). */
export class BrowserCrashed extends Error {
  override name = 'BrowserCrashed';
}

interface PooledContext {
  context: BrowserContext;
  served: number;
}

interface PooledBrowser extends LaunchedBrowser {
  idleContexts: PooledContext[];
  served: number;
  active: number;
  retiring: boolean;
  crashed: boolean;
}

const CRASH_MESSAGE = /Target (page, context or browser )?(has been )?closed|Browser (has been )?closed|browser has disconnected|Target crashed|Page crashed|Connection closed/i;

export class BrowserPool {
  private readonly options: BrowserPoolOptions;
  private readonly slots: PQueue;
  private current: PooledBrowser | null = null;
  private launching: Promise<PooledBrowser> | null = null;
  private readonly retired = new Set<PooledBrowser>();
  private closed = false;
  readonly stats: BrowserPoolStats = { launches: 0, recycles: 0, crashes: 0, pagesServed: 0 };

  constructor(options: Partial<BrowserPoolOptions> = {}) {
    this.options = { ...defaultBrowserPoolOptions, ...options };
    this.slots = new PQueue({ concurrency: this.options.maxPages });
  }

  /** The main process of the browser in use now (for memory figures and crash tests). */
  get browserPid(): number | null {
    return this.current?.pid ?? null;
  }

  /** Every chromium process tree this pool holds now, retiring browsers included. */
  get browserPids(): number[] {
    return [this.current, ...this.retired].flatMap((entry) => (entry?.pid ? [entry.pid] : []));
  }

  /** Runs `task` on a fresh page; the page is closed whatever happens. */
  withPage<T>(task: (page: Page) => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new Error('the browser pool is closed'));
    return this.slots.add(() => this.runWithRetries(task)) as Promise<T>;
  }

  private async runWithRetries<T>(task: (page: Page) => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt += 1) {
      const pooled = await this.browser();
      pooled.active += 1;
      try {
        return await this.runOnce(pooled, task);
      } catch (error) {
        const crashed = pooled.crashed || !pooled.browser.isConnected() || (error instanceof Error && CRASH_MESSAGE.test(error.message));
        if (!crashed) throw error;
        this.markCrashed(pooled);
        if (attempt >= this.options.crashRetries) throw new BrowserCrashed(`the browser died under the page ${attempt + 1} times`);
      } finally {
        pooled.active -= 1;
        pooled.served += 1;
        await this.recycleIfDue(pooled);
      }
    }
  }

  private async runOnce<T>(pooled: PooledBrowser, task: (page: Page) => Promise<T>): Promise<T> {
    const slot = pooled.idleContexts.pop() ?? { context: await pooled.browser.newContext({ serviceWorkers: 'block' }), served: 0 };
    let page: Page | null = null;
    try {
      page = await slot.context.newPage();
      const result = await task(page);
      this.stats.pagesServed += 1;
      return result;
    } finally {
      await page?.close().catch(() => {});
      slot.served += 1;
      const reusable = slot.served < this.options.pagesPerContext && !pooled.retiring && !pooled.crashed;
      if (reusable) pooled.idleContexts.push(slot);
      else await slot.context.close().catch(() => {});
    }
  }

  private async browser(): Promise<PooledBrowser> {
    if (this.current && !this.current.retiring && !this.current.crashed && this.current.browser.isConnected()) return this.current;
    // One launch at a time: pages waiting meanwhile all get the same new browser.
    this.launching ??= this.launch().finally(() => {
      this.launching = null;
    });
    return this.launching;
  }

  private async launch(): Promise<PooledBrowser> {
    const launched = await this.options.launch();
    const pooled: PooledBrowser = { ...launched, idleContexts: [], served: 0, active: 0, retiring: false, crashed: false };
    launched.browser.on('disconnected', () => {
      if (!pooled.retiring) this.markCrashed(pooled);
    });
    this.stats.launches += 1;
    this.current = pooled;
    return pooled;
  }

  private markCrashed(pooled: PooledBrowser): void {
    if (pooled.crashed || pooled.retiring) return;
    pooled.crashed = true;
    this.stats.crashes += 1;
    if (this.current === pooled) this.current = null;
    void pooled.browser.close().catch(() => {});
  }

  /** After N pages or past the memory limit, new pages go to a new browser; this one closes when idle. */
  private async recycleIfDue(pooled: PooledBrowser): Promise<void> {
    if (!pooled.retiring && !pooled.crashed && this.isDue(pooled)) {
      pooled.retiring = true;
      this.stats.recycles += 1;
      if (this.current === pooled) this.current = null;
      this.retired.add(pooled);
    }
    if (pooled.retiring && pooled.active === 0) {
      this.retired.delete(pooled);
      await closeBrowser(pooled.browser);
    }
  }

  private isDue(pooled: PooledBrowser): boolean {
    if (pooled.served >= this.options.pagesPerBrowser) return true;
    if (this.options.maxBrowserRssBytes <= 0 || pooled.pid === null) return false;
    // Reading /proc for every page is cheap next to rendering one; check every 10th page anyway.
    return pooled.served % 10 === 0 && treePssBytes(pooled.pid) > this.options.maxBrowserRssBytes;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.slots.onIdle();
    const open = [this.current, ...this.retired].filter((entry): entry is PooledBrowser => entry !== null);
    this.current = null;
    this.retired.clear();
    await Promise.all(open.map((entry) => closeBrowser(entry.browser)));
  }
}

async function closeBrowser(browser: Browser): Promise<void> {
  await browser.close().catch(() => {});
}
