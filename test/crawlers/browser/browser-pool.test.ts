// The browser pool on Debian's chromium: pages keep being served across a killed browser (the
// page that was on it is retried on a new one), the browser is recycled after N pages, and
// every context is closed after its page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserPool } from '../../../crawlers/browser/browser-pool.ts';
import { BrowserPageRenderer, RenderFailure } from '../../../crawlers/browser/page-renderer.ts';
import { isAlive, killTree } from '../../../crawlers/browser/process-tree.ts';
import { portalUrl } from '../../../crawlers/sources/acts-bank/urls.ts';
import { startJsPortal, type JsPortal } from '../../simulator/js-portal/server.ts';

const RESULTS_READY = '#app[data-state="results-ready"]';

describe('the browser pool', () => {
  let portal: JsPortal;
  let pool: BrowserPool;
  let renderer: BrowserPageRenderer;
  const search = (page: number) => ({
    url: portalUrl(portal.portalUrl, { text: 'ПОСТАНОВЛЕНИЕ', page, from: '', to: '' }),
    waitFor: RESULTS_READY,
    timeoutMs: 10_000,
  });

  beforeAll(async () => {
    // Slow API answers keep a page on the browser long enough to kill the browser under it.
    portal = await startJsPortal({ actCount: 30, pageSize: 5, apiDelayMs: 400 });
    pool = new BrowserPool({ maxPages: 2, pagesPerBrowser: 3 });
    renderer = new BrowserPageRenderer(pool);
  });
  afterAll(async () => {
    await pool?.close();
    await portal?.close();
  });

  it('renders a script-only page: the results exist only after the script ran', async () => {
    const page = await renderer.render(search(2));
    expect(page.httpStatus).toBe(200);
    expect(page.html).toContain('Найдено: 30');
    expect(page.html.match(/class="result"/g)).toHaveLength(5);
  });

  it('recycles the browser after N pages and closes the old one', async () => {
    const before = pool.stats.launches;
    const firstPid = pool.browserPid;
    for (let page = 1; page <= 3; page += 1) await renderer.render(search(page));
    // 1 page (above) + 3 pages: the first browser served 3 and was replaced.
    expect(pool.stats.recycles).toBeGreaterThanOrEqual(1);
    expect(pool.stats.launches).toBe(before + 1);
    expect(pool.browserPid).not.toBe(firstPid);
    expect(firstPid !== null && isAlive(firstPid)).toBe(false);
  });

  it('keeps working when the browser is killed under a page: the page is retried on a new browser', async () => {
    await renderer.render(search(1)); // make sure a browser is up
    const pid = pool.browserPid!;
    const crashesBefore = pool.stats.crashes;
    const launchesBefore = pool.stats.launches;
    const requestsBefore = portal.requests();
    const inFlight = renderer.render(search(4));
    // Kill once the page is waiting for the slow API (shell, script and API request arrived).
    for (let waited = 0; portal.requests() < requestsBefore + 3 && waited < 20_000; waited += 20) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    killTree(pid);
    const page = await inFlight;
    expect(page.html).toContain('Найдено: 30');
    expect(pool.stats.crashes).toBe(crashesBefore + 1);
    expect(pool.stats.launches).toBeGreaterThan(launchesBefore);
    expect(isAlive(pid)).toBe(false);
    // And the pool goes on serving pages, several at once.
    const pages = await Promise.all([1, 2, 3].map((n) => renderer.render(search(n))));
    expect(pages.every((p) => p.html.includes('results-ready'))).toBe(true);
  });

  it('reports a page whose script never renders as a render timeout, not a crash', async () => {
    const crashes = pool.stats.crashes;
    await expect(renderer.render({ ...search(1), waitFor: '#never', timeoutMs: 800 })).rejects.toBeInstanceOf(RenderFailure);
    expect(pool.stats.crashes).toBe(crashes);
  });
});
