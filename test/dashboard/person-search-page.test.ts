// The person search page: a family's spelling of a name finds the court person and links the
// case; analysts are refused; scraped names stay text; the audit log has the search, not the name.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createDashboard } from '../../dashboard/server.ts';
import { indexNewPersonNames } from '../../db/queries/person-search.ts';
import { auditLog } from '../../db/schema.ts';
import { createTestDatabase, drivers, type TestDatabase } from '../helpers/databases.ts';
import { addUser, DashboardClient } from '../helpers/dashboard-client.ts';
import { addCase } from './fixtures.ts';

const PASSWORD = 'correct horse battery';

describe.each(drivers)('person search page on %s', (driver) => {
  let database: TestDatabase;
  let caseId = 0;
  const as = async (username: string) => {
    const client = new DashboardClient(createDashboard(database.db, { secureCookies: false }));
    expect((await client.login(username, PASSWORD)).status).toBe(303);
    return client;
  };

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    caseId = await addCase(database.db, { uid: 's1', caseNumber: '5-77/2026', person: 'Мамытов Азамат Бакытович', decisionDate: '2026-11-20', appealDeadline: '2026-11-30', courtId: null });
    await addCase(database.db, { uid: 's2', caseNumber: '5-78/2026', person: 'Осмонов <img src=x onerror=alert(1)> Бек', decisionDate: '2026-11-21', appealDeadline: '2026-12-01', courtId: null });
    await indexNewPersonNames(database.db);
    await addUser(database.db, 'consul', 'consular', PASSWORD);
    await addUser(database.db, 'ngo', 'ngo', PASSWORD);
    await addUser(database.db, 'analyst', 'analyst', PASSWORD);
  });
  afterAll(async () => database?.destroy());

  it('finds the person under a Latin spelling and links the case; the search is audited without the name', async () => {
    const consul = await as('consul');
    const response = await consul.request(`/search?name=${encodeURIComponent('Azamat Mamytov')}`);
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain('Мамытов Азамат Бакытович');
    expect(page).toContain(`href="/cases/${caseId}"`);
    const audits = await database.db.select().from(auditLog).where(and(eq(auditLog.action, 'person.search')));
    expect(audits.length).toBeGreaterThan(0);
    expect(JSON.stringify(audits)).not.toMatch(/Azamat|Mamytov|Мамытов/i);
  });

  it('shows the empty form without a name, and says so when nobody matches', async () => {
    const ngo = await as('ngo');
    const empty = await ngo.request('/search');
    expect(empty.status).toBe(200);
    expect(await empty.text()).toContain('name="name"');
    const none = await (await ngo.request(`/search?name=${encodeURIComponent('Zzyzx Qwerty')}`)).text();
    expect(none).not.toContain('<table class="search-hits"');
  });

  it('refuses analysts, and refuses a bad birth date with 400', async () => {
    const analyst = await as('analyst');
    expect((await analyst.request('/search?name=Mamytov')).status).toBe(403);
    const consul = await as('consul');
    expect((await consul.request('/search?name=Mamytov&birthDate=1990-13-45')).status).toBe(400);
  });

  it('shows a hostile scraped name as text', async () => {
    const consul = await as('consul');
    const page = await (await consul.request(`/search?name=${encodeURIComponent('Осмонов Бек')}`)).text();
    expect(page).toContain('Осмонов &lt;img src=x onerror=alert(1)&gt; Бек');
    expect(page).not.toContain('<img src=x');
  });
});
