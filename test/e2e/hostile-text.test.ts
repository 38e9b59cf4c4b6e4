// Scraped text is hostile: a decision full of script and HTML payloads (in the act, the
// names, the judge, the court, the article, a detainee record, the source address) is shown
// on every page as inert text. A dialog, a set window flag, or even a CSP report (which would
// mean that escaping failed and only the policy saved us) fails the test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { cases, courts, detainees } from '../../db/schema.ts';
import { addUser } from '../helpers/dashboard-client.ts';
import { addCase, addCourt, addDetaineeMatch } from '../dashboard/fixtures.ts';
import { launchBrowser, logIn, screenshot, startDashboard, type RunningDashboard } from './browser.ts';

const payload = (n: number) =>
  `<script>window.__xss=${n};alert(${n})</script><img src=x onerror="window.__xss=${n};alert(${n})">` +
  `"><svg onload="window.__xss=${n}"></svg>'><iframe src="javascript:alert(${n})"></iframe>`;

const WATCH_PAGE = `
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (event) => window.__violations.push(event.violatedDirective));
`;

describe('hostile scraped text in chromium', () => {
  let dashboard: RunningDashboard;
  let browser: Browser;
  let page: Page;
  const dialogs: string[] = [];
  const ids = { hostile: 0, detainee: 0, documentId: 0 };

  beforeAll(async () => {
    [dashboard, browser] = await Promise.all([startDashboard(), launchBrowser()]);
    const db = dashboard.database.db;
    const court = await addCourt(db, '66RS0002', `Суд ${payload(1)}`, `Область ${payload(2)}`);
    ids.hostile = await addCase(db, {
      uid: 'xss', caseNumber: `5-${payload(3)}`, person: `ИВАНОВ ${payload(4)}`, decisionDate: '2026-11-20', appealDeadline: '2026-11-30',
      courtId: court, judge: payload(5),
      actText: `${payload(6)} гражданин Кыргызской Республики ${payload(7)}`,
      analysis: { charges: [{ code: 'КоАП', article: `18.8${payload(8)}`, part: payload(9), item: null }] },
    });
    await db.update(cases).set({ sourceUrl: 'javascript:window.__xss=10;alert(10)', resultText: payload(11) }).where(eq(cases.id, ids.hostile));
    await db.update(courts).set({ hasCaptcha: true }).where(eq(courts.id, court));
    ids.detainee = (await addDetaineeMatch(db, ids.hostile, `MAMYTOV ${payload(12)}`)).detaineeId;
    await db.update(detainees).set({ detentionCentre: payload(13) }).where(eq(detainees.id, ids.detainee));
    ids.documentId = (await db.select({ id: cases.documentId }).from(cases).where(eq(cases.id, ids.hostile)))[0]!.id!;
    await addUser(db, 'consul', 'consular');
    const context = await browser.newContext({ locale: 'en-US' });
    await context.addInitScript(WATCH_PAGE);
    page = await context.newPage();
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
  });
  afterAll(async () => {
    await browser?.close();
    await dashboard?.close();
  });

  const expectInert = async (path: string) => {
    await page.goto(`${dashboard.url}${path}`);
    await page.waitForLoadState('load');
    expect(await page.evaluate('window.__xss'), path).toBeUndefined();
    expect(await page.evaluate('window.__violations'), path).toEqual([]);
    expect(await page.locator('main script, main img, main iframe, main svg[onload]').count(), path).toBe(0);
    expect(await page.locator('a[href^="javascript:" i]').count(), path).toBe(0);
  };

  it('shows every payload as text on every page, and nothing runs', async () => {
    await logIn(page, dashboard.url, 'consul');
    await expectInert('/');
    expect(await page.textContent('table.queue')).toContain('ИВАНОВ <script>window.__xss=4;alert(4)</script>');
    await screenshot(page, 'hostile-queue');

    await expectInert(`/cases/${ids.hostile}`);
    const act = await page.textContent('.act');
    expect(act).toContain('<img src=x onerror="window.__xss=6;alert(6)">');
    expect(await page.locator('.act mark').textContent()).toBe('гражданин Кыргызской Республики');
    expect(await page.textContent('main')).toContain('javascript:window.__xss=10;alert(10)');
    await screenshot(page, 'hostile-case');

    await Promise.all([page.waitForNavigation(), page.click('text=Follow this case')]);
    await Promise.all([page.waitForNavigation(), page.click('text=Follow person')]);
    await expectInert(`/cases/${ids.hostile}`);
    await expectInert('/followed');
    expect(await page.textContent('main')).toContain('ИВАНОВ <script>');
    await expectInert('/trends');
    expect(await page.textContent('section[data-table=region]')).toContain('<script>window.__xss=2');
    await expectInert(`/detainees/${ids.detainee}`);
    await expectInert('/sources');
    await expectInert('/?district=all&region=<script>alert(1)</script>');

    const raw = await page.goto(`${dashboard.url}/documents/${ids.documentId}/raw`);
    expect(raw?.headers()['content-type']).toMatch(/^text\/plain/);
    expect(await page.evaluate('window.__xss')).toBeUndefined();
    expect(dialogs).toEqual([]);
  });
});
