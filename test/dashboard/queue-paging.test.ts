// The triage queue in pages: "next page" links walk every waiting case exactly once, in the
// queue's order (newest decision first, undated cases last), keeping the filters; a case
// reviewed meanwhile does not shift the pages after it (keyset paging, not offsets).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inArray } from 'drizzle-orm';
import { createDashboard } from '../../dashboard/server.ts';
import { QUEUE_PAGE_SIZE } from '../../db/queries/triage.ts';
import { cases } from '../../db/schema.ts';
import { createTestDatabase, drivers, type TestDatabase } from '../helpers/databases.ts';
import { addUser, DashboardClient } from '../helpers/dashboard-client.ts';
import { addCase, addCourt } from './fixtures.ts';

const IN_REGION = QUEUE_PAGE_SIZE * 2 + 7;
const ELSEWHERE = 12;
const UNDATED = 9;

const caseIdsOn = (page: string) => [...page.matchAll(/<tr data-case-id="(\d+)"/g)].map((m) => Number(m[1]));
const nextLink = (page: string) => page.match(/<a href="([^"]+)" rel="next">/)?.[1]?.replace(/&amp;/g, '&') ?? null;

describe.each(drivers)('queue paging on %s', (driver) => {
  let database: TestDatabase;
  /** Region 66 cases in the queue's order: newest decision first, ties by id (highest first), undated last. */
  let expected: number[];
  let client: DashboardClient;

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    const ural = await addCourt(database.db, '66RS0001', 'Верх-Исетский районный суд', 'Свердловская область');
    const moscow = await addCourt(database.db, '77RS0001', 'Тверской районный суд', 'г. Москва');
    const seeded: { id: number; date: string | null }[] = [];
    for (let i = 0; i < IN_REGION + ELSEWHERE; i += 1) {
      // Three cases a day: pages must break ties between cases decided on the same day.
      const date = `2026-${String(1 + Math.floor(i / 3 / 28)).padStart(2, '0')}-${String(1 + (Math.floor(i / 3) % 28)).padStart(2, '0')}`;
      const inRegion = i < IN_REGION;
      const id = await addCase(database.db, {
        uid: `uid-${i}`, caseNumber: `5-${i}/2026`, person: `ТЕСТОВ ${i}`, decisionDate: date,
        appealDeadline: '2026-12-31', courtId: inRegion ? ural : moscow,
      });
      if (inRegion) seeded.push({ id, date });
    }
    const undated = seeded.filter((_, i) => i % 23 === 5).slice(0, UNDATED);
    await database.db.update(cases).set({ decisionDate: null }).where(inArray(cases.id, undated.map((c) => c.id)));
    for (const c of undated) c.date = null;
    expected = [...seeded]
      .sort((a, b) => (a.date === b.date ? b.id - a.id : a.date === null ? 1 : b.date === null ? -1 : b.date.localeCompare(a.date)))
      .map((c) => c.id);
    await addUser(database.db, 'consul', 'consular');
    client = new DashboardClient(createDashboard(database.db, { secureCookies: false, now: () => new Date('2026-11-28T09:00:00Z') }));
    await client.login('consul', 'correct horse battery');
  }, 120_000);
  afterAll(async () => database?.destroy());

  it('walks every waiting case of the filter exactly once, in order, through the next-page links', async () => {
    const seen: number[] = [];
    let link: string | null = '/?region=66';
    let pages = 0;
    while (link) {
      const page = await (await client.request(link)).text();
      const ids = caseIdsOn(page);
      expect(ids.length).toBeLessThanOrEqual(QUEUE_PAGE_SIZE);
      seen.push(...ids);
      pages += 1;
      link = nextLink(page);
      if (link) {
        expect(link).toContain('region=66');
        expect(page).toMatch(pages === 1 ? /^(?![\s\S]*rel="first")/ : /rel="first"/);
      }
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(expected);
  });

  it('keeps the next page where it was when a case of this page is reviewed meanwhile', async () => {
    const first = await (await client.request('/?region=66')).text();
    const next = nextLink(first)!;
    const before = caseIdsOn(await (await client.request(next)).text());
    const reviewed = caseIdsOn(first)[0]!;
    const saved = await client.post(`/cases/${reviewed}/review`, { _csrf: await client.csrfToken('/'), status: 'confirmed' });
    expect(saved.status).toBe(303);
    expect(caseIdsOn(await (await client.request('/?region=66')).text())).not.toContain(reviewed);
    expect(caseIdsOn(await (await client.request(next)).text())).toEqual(before);
  });

  it('shows the first page for a cursor it cannot read', async () => {
    const first = caseIdsOn(await (await client.request('/?region=66')).text());
    for (const after of ['nonsense', '2026-13-45_1', '2026-02-30_5', '_99999999999', '2026-01-01_-3']) {
      const response = await client.request(`/?region=66&after=${encodeURIComponent(after)}`);
      expect(response.status, after).toBe(200);
      expect(caseIdsOn(await response.text()), after).toEqual(first);
    }
  });
});
