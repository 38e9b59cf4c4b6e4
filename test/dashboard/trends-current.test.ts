// Trends and the filter options are counted over facts kept in memory (db/queries/flagged-facts.ts):
// they must still show every change at once — a dismissal, a case flagged since, a flag dropped
// by a re-analysis — never the counts of an earlier request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createDashboard } from '../../dashboard/server.ts';
import { computeTrends } from '../../db/queries/trends.ts';
import { listFilterOptions } from '../../db/queries/triage.ts';
import { kyrgyzFlags } from '../../db/schema.ts';
import { createTestDatabase, drivers, type TestDatabase } from '../helpers/databases.ts';
import { addUser, DashboardClient } from '../helpers/dashboard-client.ts';
import { addCourt, addNumberedCase } from './fixtures.ts';

describe.each(drivers)('trends stay current on %s', (driver) => {
  let database: TestDatabase;
  let court: number;
  const ids: number[] = [];
  const seed = (i: number, article = '18.8') => addNumberedCase(database.db, court, i, article);

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    court = await addCourt(database.db, '66RS0001', 'Верх-Исетский районный суд', 'Свердловская область');
    for (let i = 0; i < 3; i += 1) ids.push(await seed(i));
    await addUser(database.db, 'consul', 'consular');
  });
  afterAll(async () => database?.destroy());

  it('counts a dismissal, a newly flagged case and a dropped flag on the next request', async () => {
    const db = database.db;
    expect((await computeTrends(db, {})).totalCases).toBe(3);
    expect((await listFilterOptions(db)).articles).toEqual(['18.8']);

    const consul = new DashboardClient(createDashboard(db, { secureCookies: false }));
    await consul.login('consul', 'correct horse battery');
    await consul.post(`/cases/${ids[0]}/review`, { _csrf: await consul.csrfToken('/'), status: 'dismissed' });
    expect((await computeTrends(db, {})).totalCases).toBe(2);
    await consul.post(`/cases/${ids[0]}/review`, { _csrf: await consul.csrfToken('/'), status: 'confirmed' });
    await consul.post(`/cases/${ids[1]}/review`, { _csrf: await consul.csrfToken('/'), status: 'dismissed' });
    expect((await computeTrends(db, {})).totalCases).toBe(2);

    ids.push(await seed(3, '18.10'));
    const withNew = await computeTrends(db, {});
    expect(withNew.totalCases).toBe(3);
    expect(withNew.byArticle).toEqual([{ key: 'КоАП 18.8', name: null, count: 2 }, { key: 'КоАП 18.10', name: null, count: 1 }]);
    expect((await listFilterOptions(db)).articles).toEqual(['18.10', '18.8']);
    expect((await computeTrends(db, { article: '18.10' })).totalCases).toBe(1);

    await db.delete(kyrgyzFlags).where(eq(kyrgyzFlags.caseId, ids[2]!));
    expect((await computeTrends(db, {})).totalCases).toBe(2);
  });
});
