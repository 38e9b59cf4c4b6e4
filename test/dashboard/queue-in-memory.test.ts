// The triage queue is chosen over the flagged cases' facts in memory (db/queries/triage.ts).
// Page after page, for every kind of filter, it must list exactly what the same queue stated in
// SQL lists (test/helpers/queue-oracle.ts), and it must follow every review change at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import type { CaseFilter } from '../../db/queries/case-filters.ts';
import { listQueue, setReview, type QueueCursor } from '../../db/queries/triage.ts';
import { cases, courts, reviews, users } from '../../db/schema.ts';
import { createTestDatabase, drivers, type TestDatabase } from '../helpers/databases.ts';
import { openQueueIds } from '../helpers/queue-oracle.ts';
import { seededRandom } from '../helpers/seeded-random.ts';
import { addUser } from '../helpers/dashboard-client.ts';
import { addCase, addCourt } from './fixtures.ts';

const STATUSES = ['new', 'confirmed', 'dismissed', 'needs_follow_up'] as const;

async function wholeQueue(database: TestDatabase, filter: CaseFilter, limit: number): Promise<number[]> {
  const ids: number[] = [];
  let after: QueueCursor | undefined;
  for (let pages = 0; pages < 100; pages += 1) {
    const page = await listQueue(database.db, filter, { limit, ...(after ? { after } : {}) });
    ids.push(...page.rows.map((row) => row.caseId));
    if (!page.next) return ids;
    after = page.next;
  }
  throw new Error('the queue did not end');
}

describe.each(drivers)('the triage queue from memory on %s', (driver) => {
  let database: TestDatabase;
  let courtIds: number[] = [];
  const random = seededRandom(4242);

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    courtIds = [
      await addCourt(database.db, '66RS0001', 'Верх-Исетский районный суд', 'Свердловская область'),
      await addCourt(database.db, '77RS0021', 'Мещанский районный суд', 'Москва'),
      await addCourt(database.db, '54RS0005', 'Кировский районный суд', 'Новосибирская область'),
    ];
    for (let i = 0; i < 36; i += 1) {
      const article = ['18.8', '18.10', '322'][i % 3]!;
      // Few dates, so that many cases share one and the id decides.
      const day = 10 + Math.floor(random() * 4);
      await addCase(database.db, {
        uid: `uid-${i}`, caseNumber: `5-${i}/2026`, person: `ТЕСТОВ ${i}`, decisionDate: `2026-10-${day}`, appealDeadline: '2026-12-31',
        courtId: random() < 0.15 ? null : courtIds[i % 3]!,
        analysis: {
          charges: [{ code: article === '322' ? 'УК' : 'КоАП', article, part: '1', item: null }],
          outcomes: random() < 0.5 ? [{ kind: 'fine', amountRub: 5000 }] : [{ kind: 'expulsion_forced' }],
          ...(random() < 0.3 ? { kyrgyz: { flag: 'possible', confidence: 0.6, evidence: [] } } : {}),
        },
      });
    }
    const all = await database.db.select({ id: cases.id }).from(cases);
    // Cases without a decision date go last.
    await database.db.update(cases).set({ decisionDate: null }).where(inArray(cases.id, all.filter((_, i) => i % 7 === 3).map((row) => row.id)));
    for (const { id } of all) await database.db.update(reviews).set({ status: STATUSES[Math.floor(random() * 4)]! }).where(eq(reviews.caseId, id));
  });
  afterAll(async () => database?.destroy());

  const filters: CaseFilter[] = [
    {},
    { article: '18.8' },
    { outcome: 'expulsion_forced' },
    { strength: 'possible' },
    { regions: { include: ['66', '54'] } },
    { regions: { exclude: ['77'] } },
    { from: '2026-10-11', to: '2026-10-12' },
    { article: '322', regionCode: '77' },
  ];

  it('lists what the SQL queue lists, in its order, page after page', async () => {
    let listed = 0;
    for (const filter of filters) {
      const expected = await openQueueIds(database.db, filter);
      for (const limit of [1, 4, 100]) expect(await wholeQueue(database, filter, limit), `${JSON.stringify(filter)}, ${limit} a page`).toEqual(expected);
      listed += expected.length;
    }
    // The fixture must leave something to list, and something out.
    expect(listed).toBeGreaterThan(20);
    expect((await openQueueIds(database.db, {})).length).toBeLessThan(36);
  });

  it('follows review changes and their statuses at once', async () => {
    await addUser(database.db, 'queue-officer', 'consular');
    const [officer] = await database.db.select().from(users).where(eq(users.username, 'queue-officer'));
    const before = await openQueueIds(database.db, {});
    const first = (await listQueue(database.db, {})).rows;
    expect(first.map((row) => row.caseId)).toEqual(before);
    await setReview(database.db, before[0]!, officer!, { status: 'dismissed' });
    await setReview(database.db, before[1]!, officer!, { status: 'needs_follow_up' });
    const closed = (await database.db.select({ caseId: reviews.caseId }).from(reviews).where(eq(reviews.status, 'confirmed')))[0]!.caseId;
    await setReview(database.db, closed, officer!, { status: 'new' });
    const after = (await listQueue(database.db, {})).rows;
    expect(after.map((row) => row.caseId)).toEqual(await openQueueIds(database.db, {}));
    expect(after.map((row) => row.caseId)).not.toContain(before[0]);
    expect(after.map((row) => row.caseId)).toContain(closed);
    expect(after.find((row) => row.caseId === before[1])?.status).toBe('needs_follow_up');
    // The rows of cases nobody changed are kept from one set of facts to the next, not read again.
    const untouched = before.filter((id, i) => i > 1 && id !== closed);
    expect(untouched.length).toBeGreaterThan(0);
    for (const id of untouched) expect(after.find((row) => row.caseId === id)).toBe(first.find((row) => row.caseId === id));
  });

  it('shows a renamed assignee and a changed court on the next request', async () => {
    const db = database.db;
    const [officer] = await db.select().from(users).where(eq(users.username, 'queue-officer'));
    const [row] = (await listQueue(db, {})).rows;
    await setReview(db, row!.caseId, officer!, { status: 'needs_follow_up', assignedTo: officer!.id });
    expect((await listQueue(db, {})).rows.find((r) => r.caseId === row!.caseId)?.assignedTo).toBe('queue-officer');
    await db.update(users).set({ displayName: 'Айдай Ж.' }).where(eq(users.id, officer!.id));
    expect((await listQueue(db, {})).rows.find((r) => r.caseId === row!.caseId)?.assignedTo).toBe('Айдай Ж.');

    const [caseRow] = await db.select({ courtId: cases.courtId }).from(cases).where(eq(cases.id, row!.caseId));
    const courtId = caseRow!.courtId ?? courtIds[0]!;
    await db.update(cases).set({ courtId, courtName: null }).where(eq(cases.id, row!.caseId));
    // The case was moved by hand, not re-analysed: only a court change tells the facts. Renaming
    // the court and moving it to another region does.
    await db.update(courts).set({ name: 'Новое имя суда', regionCode: '99' }).where(eq(courts.id, courtId));
    const moved = (await listQueue(db, { regionCode: '99' })).rows.map((r) => r.caseId);
    expect(moved).toContain(row!.caseId);
    expect(moved).toEqual(await openQueueIds(db, { regionCode: '99' }));
    expect((await listQueue(db, {})).rows.find((r) => r.caseId === row!.caseId)?.courtName).toBe('Новое имя суда');
  });
});
