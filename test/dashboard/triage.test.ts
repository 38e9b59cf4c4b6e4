import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDashboard } from '../../dashboard/server.ts';
import { auditLog, reviews } from '../../db/schema.ts';
import { createTestDatabase, drivers, type TestDatabase } from '../helpers/databases.ts';
import { addUser, DashboardClient } from '../helpers/dashboard-client.ts';
import { sampleAnalysis, sampleCard, seedCase } from '../helpers/seed-case.ts';

describe.each(drivers)('dashboard triage on %s', (driver) => {
  let database: TestDatabase;
  let caseId: number;
  const app = () => createDashboard(database.db, { secureCookies: false, now: () => new Date('2026-11-28T09:00:00Z') });

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    caseId = await seedCase(database.db);
    await addUser(database.db, 'consul', 'consular');
    await addUser(database.db, 'analyst', 'analyst');
  });
  afterAll(async () => database?.destroy());

  it('sends a visitor without a session to the login page', async () => {
    const response = await new DashboardClient(app()).request('/');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toMatch(/^\/login/);
  });

  it('refuses a wrong password and sets a hardened cookie for the right one', async () => {
    const client = new DashboardClient(app());
    expect((await client.login('consul', 'wrong password')).status).toBe(401);
    const ok = await client.login('consul', 'correct horse battery');
    expect(ok.status).toBe(303);
    expect(ok.headers.get('set-cookie')).toMatch(/HttpOnly/);
    expect(ok.headers.get('set-cookie')).toMatch(/SameSite=Strict/);
  });

  it('shows the flagged case in the queue with its deadline, then removes it once confirmed', async () => {
    const client = new DashboardClient(app());
    await client.login('consul', 'correct horse battery');
    const queue = await (await client.request('/')).text();
    expect(queue).toContain('МАМЫТОВ А.Б.');
    expect(queue).toContain('30.11.2026');
    expect(queue).toMatch(/deadline-urgent">2 day\(s\) left/);

    const casePage = await (await client.request(`/cases/${caseId}`)).text();
    expect(casePage).toContain('<mark title="citizenship">гражданин Кыргызской Республики</mark>');

    const csrf = await client.csrfToken(`/cases/${caseId}`);
    const saved = await client.post(`/cases/${caseId}/review`, { _csrf: csrf, status: 'confirmed', note: 'In ЦВСИГ, consul informed' });
    expect(saved.status).toBe(303);
    expect(await (await client.request('/')).text()).not.toContain('МАМЫТОВ А.Б.');

    const [review] = await database.db.select().from(reviews);
    expect(review?.status).toBe('confirmed');
    const audit = await database.db.select().from(auditLog);
    expect(audit.find((entry) => entry.action === 'review.set')).toMatchObject({ actor: 'consul', entityId: String(caseId) });
  });

  it('rejects a state change without the CSRF token', async () => {
    const client = new DashboardClient(app());
    await client.login('consul', 'correct horse battery');
    const response = await client.post(`/cases/${caseId}/review`, { status: 'dismissed' });
    expect(response.status).toBe(403);
  });

  it('never shows individual cases to an analyst', async () => {
    const client = new DashboardClient(app());
    await client.login('analyst', 'correct horse battery');
    expect((await client.request(`/cases/${caseId}`)).status).toBe(403);
    expect((await client.request('/')).status).toBe(403);
  });

  it('escapes hostile scraped text', async () => {
    const payload = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const card = sampleCard({ caseUid: 'xss-1', caseNumber: '5-666/2026', judge: payload, actText: `${payload} гражданин Кыргызской Республики` });
    const hostileId = await seedCase(database.db, card, sampleAnalysis(card.actText!, { persons: [{ name: payload, normalized: null, role: 'person_charged', citizenship: 'KG', gender: null, birthDate: null }] }));
    const client = new DashboardClient(app());
    await client.login('consul', 'correct horse battery');
    for (const path of ['/', `/cases/${hostileId}`]) {
      const page = await (await client.request(path)).text();
      expect(page).not.toContain('<script>alert(1)');
      expect(page).not.toContain('<img src=x');
      expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    }
  });
});
