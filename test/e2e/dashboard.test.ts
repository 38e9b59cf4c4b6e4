// The dashboard in a real browser: a consul triages with the keyboard, an NGO is refused
// detainee records, an analyst's CSV equals the table on the screen. Screenshots of the main
// pages go to test-output/screenshots/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Browser, BrowserContext } from 'playwright-core';
import { crawlRuns, users } from '../../db/schema.ts';
import { addUser } from '../helpers/dashboard-client.ts';
import { addCase, addCourt, addDetaineeMatch } from '../dashboard/fixtures.ts';
import { launchBrowser, logIn, screenshot, startDashboard, type RunningDashboard } from './browser.ts';

/** The one browser function used here (the project's TypeScript has no DOM library). */
interface BrowserWindow {
  getComputedStyle(element: unknown): { backgroundColor: string };
}

describe('the dashboard in chromium', () => {
  let dashboard: RunningDashboard;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const ids = { a: 0, b: 0, c: 0, detainee: 0 };
  const newPage = async () => {
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    return context.newPage();
  };

  beforeAll(async () => {
    [dashboard, browser] = await Promise.all([startDashboard(() => new Date('2026-11-28T09:00:00Z')), launchBrowser()]);
    const db = dashboard.database.db;
    const ekb = await addCourt(db, '66RS0001', 'Верх-Исетский районный суд г. Екатеринбурга', 'Свердловская область');
    const nsk = await addCourt(db, '54RS0005', 'Кировский районный суд г. Новосибирска', 'Новосибирская область');
    const msk = await addCourt(db, '77RS0010', 'Мещанский районный суд г. Москвы', 'г. Москва');
    ids.a = await addCase(db, { uid: 'a', caseNumber: '5-101/2026', person: 'МАМЫТОВ А.Б.', decisionDate: '2026-11-20', appealDeadline: '2026-11-30', courtId: ekb });
    ids.b = await addCase(db, {
      uid: 'b', caseNumber: '5-202/2026', person: 'ТОКТОГУЛОВА Б.К.', decisionDate: '2026-10-05', appealDeadline: '2026-10-15', courtId: nsk,
      analysis: {
        persons: [{ name: 'ТОКТОГУЛОВА Б.К.', normalized: 'Токтогулова Б.К.', role: 'person_charged', citizenship: 'KG', gender: 'f', birthDate: null }],
        outcomes: [{ kind: 'expulsion_self' }],
      },
    });
    ids.c = await addCase(db, {
      uid: 'c', caseNumber: '1-303/2026', person: 'АСАНОВ Н.Т.', decisionDate: '2026-11-25', appealDeadline: '2026-12-10', courtId: msk,
      analysis: { charges: [{ code: 'УК', article: '322', part: '2', item: null }], outcomes: [{ kind: 'detention_center' }] },
    });
    ids.detainee = (await addDetaineeMatch(db, ids.a, 'MAMYTOV AZAMAT')).detaineeId;
    for (const [name, role] of [['consul', 'consular'], ['ngo', 'ngo'], ['analyst', 'analyst'], ['admin', 'admin']] as const) await addUser(db, name, role);
    await db.update(users).set({ displayName: 'Asel Consul' }).where(eq(users.username, 'consul'));
    await db.insert(crawlRuns).values({ source: 'sudrf', status: 'finished', pagesFetched: 120, newDocuments: 14, errors: 4, stats: { ok: 116, captcha: 3, http_503: 1 } });
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await dashboard?.close();
  });

  it('lets a consul triage with the keyboard: the case leaves the queue and the audit log shows who did it', async () => {
    const page = await newPage();
    await logIn(page, dashboard.url, 'consul');
    const rows = page.locator('table.queue tbody tr');
    await expect.poll(() => rows.count()).toBe(3);
    const urgent = rows.nth(1).locator('.deadline-urgent');
    expect(await urgent.textContent()).toBe('2 day(s) left');
    expect(await urgent.evaluate((el) => (globalThis as unknown as BrowserWindow).getComputedStyle(el).backgroundColor)).toBe('rgb(176, 0, 32)');
    await screenshot(page, 'queue');

    await page.keyboard.press('j');
    await page.keyboard.press('j');
    expect(await rows.nth(1).getAttribute('class')).toContain('selected');
    expect(await rows.nth(1).textContent()).toContain('МАМЫТОВ А.Б.');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('c')]);
    expect(await rows.count()).toBe(2);
    expect(await page.locator('table.queue').textContent()).not.toContain('МАМЫТОВ');
    await page.keyboard.press('j');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    expect(new URL(page.url()).pathname).toBe(`/cases/${ids.c}`);

    await page.goto(`${dashboard.url}/cases/${ids.a}`);
    expect(await page.locator('ul.history').textContent()).toMatch(/\d\d\.\d\d\.\d{4} \d\d:\d\d · consul · review\.set new → confirmed/);
    expect(await page.locator('.act mark').first().textContent()).toBe('гражданин Кыргызской Республики');
    expect(await page.locator('table.matches').textContent()).toContain('MAMYTOV AZAMAT');
    await screenshot(page, 'case');

    // the form works without the keys: assign and write a note
    await page.goto(`${dashboard.url}/cases/${ids.c}`);
    await page.selectOption('select[name=assignedTo]', { label: 'Asel Consul' });
    await page.selectOption('select[name=status]', 'needs_follow_up');
    await page.fill('textarea[name=note]', 'ЦВСИГ: visit planned');
    await Promise.all([page.waitForNavigation(), page.click('.review-form button[type=submit]')]);
    expect(await page.locator('ul.history').textContent()).toContain('«ЦВСИГ: visit planned» · Assigned to: Asel Consul');
    await page.goto(`${dashboard.url}/?district=moscow`);
    expect(await page.locator('table.queue tbody').textContent()).toContain('Asel Consul');
  });

  it('refuses detainee records to an NGO, which follows cases instead', async () => {
    const page = await newPage();
    await logIn(page, dashboard.url, 'ngo');
    const refused = await page.goto(`${dashboard.url}/detainees/${ids.detainee}`);
    expect(refused?.status()).toBe(403);
    expect(await page.textContent('body')).toContain('Forbidden');
    await page.goto(`${dashboard.url}/cases/${ids.a}`);
    expect(await page.textContent('body')).not.toContain('MAMYTOV');
    expect(await page.locator('table.matches').count()).toBe(0);
    await Promise.all([page.waitForNavigation(), page.click('text=Follow this case')]);
    await page.goto(`${dashboard.url}/followed`);
    expect(await page.locator('table.followed').textContent()).toContain('5-101/2026');
    await screenshot(page, 'followed');
  });

  it("gives an analyst aggregates whose CSV export equals the table on the screen", async () => {
    const page = await newPage();
    await logIn(page, dashboard.url, 'analyst');
    expect(new URL(page.url()).pathname).toBe('/trends');
    await page.fill('input[name=from]', '01.10.2026');
    await page.fill('input[name=to]', '30.11.2026');
    await Promise.all([page.waitForNavigation(), page.click('form.filters button[type=submit]')]);
    expect(await page.inputValue('input[name=from]')).toBe('01.10.2026');
    const shown = await page.$$eval('section.trend', (sections) =>
      sections.flatMap((section) =>
        [...section.querySelectorAll('tbody tr')].map((row) => [section.getAttribute('data-table') ?? '', ...[...row.querySelectorAll('td')].map((td) => td.textContent ?? '')]),
      ),
    );
    expect(shown).toContainEqual(['gender', 'women', '1']);
    expect(shown).toContainEqual(['outcome', 'detention centre (ЦВСИГ)', '1']);
    expect(await page.locator('svg.chart').count()).toBe(5);
    await screenshot(page, 'trends');

    const href = await page.getAttribute('a[download]', 'href');
    expect(href).toBe('/trends.csv?district=all&from=2026-10-01&to=2026-11-30');
    const csv = await (await page.request.get(`${dashboard.url}${href}`)).text();
    const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n').slice(1);
    expect(lines).toEqual(shown.map((cells) => cells.map((cell) => (/[",]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell)).join(',')));
    expect((await page.goto(`${dashboard.url}/cases/${ids.a}`))?.status()).toBe(403);
  });

  it('shows sources health and accounts to an admin', async () => {
    const page = await newPage();
    await logIn(page, dashboard.url, 'admin');
    await page.goto(`${dashboard.url}/sources`);
    expect(await page.textContent('main')).toContain('http_503');
    await screenshot(page, 'sources');
    await page.goto(`${dashboard.url}/admin/users`);
    await page.fill('input[name=username]', 'bakyt');
    await page.selectOption('select[name=role]', 'consular');
    await page.selectOption('select[name=district]', 'novosibirsk');
    await page.fill('input[name=password]', 'a long enough password');
    await Promise.all([page.waitForNavigation(), page.click('form.narrow button[type=submit]')]);
    expect(await page.textContent('[role=status]')).toBe('User bakyt created.');
    await page.click('header .languages button[value=ru]');
    await page.waitForLoadState();
    expect(await page.textContent('h1')).toBe('Пользователи');
    await screenshot(page, 'users-ru');
  });
});
