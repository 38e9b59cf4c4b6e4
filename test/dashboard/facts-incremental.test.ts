// The flagged cases' facts follow changes through the change log (migration 0011): only the
// cases a change was about are read again. After any mix of changes they must equal the facts
// read afresh, and where the log cannot tell (pruned), everything is read again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { flaggedFacts, readFlaggedFacts, type FlaggedFacts } from '../../db/queries/flagged-facts.ts';
import { setReview } from '../../db/queries/triage.ts';
import { cases, changeLog, kyrgyzFlags, users } from '../../db/schema.ts';
import { createTestDatabase, drivers, type TestDatabase } from '../helpers/databases.ts';
import { addUser } from '../helpers/dashboard-client.ts';
import { addCourt, addNumberedCase } from './fixtures.ts';

/** Facts in a comparable form: cases by id, sets as sorted lists. */
const comparable = (facts: FlaggedFacts) => ({
  cases: [...facts.cases].sort((a, b) => a.caseId - b.caseId),
  dismissed: [...facts.dismissed].sort((a, b) => a - b),
  open: [...facts.open].sort(([a], [b]) => a - b),
});

describe.each(drivers)('flagged-case facts follow the change log on %s', (driver) => {
  let database: TestDatabase;
  let court: number;
  const ids: number[] = [];
  const seed = (i: number, article = '18.8') => addNumberedCase(database.db, court, i, article);

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    court = await addCourt(database.db, '66RS0001', 'Верх-Исетский районный суд', 'Свердловская область');
    for (let i = 0; i < 6; i += 1) ids.push(await seed(i));
    await addUser(database.db, 'log-officer', 'consular');
  });
  afterAll(async () => database?.destroy());

  it('reads again only the cases that changed, and ends where a fresh read ends', async () => {
    const db = database.db;
    const [officer] = await db.select().from(users).where(eq(users.username, 'log-officer'));
    const first = await flaggedFacts(db);
    expect(comparable(first)).toEqual(comparable(await readFlaggedFacts(db)));

    await setReview(db, ids[0]!, officer!, { status: 'dismissed' });
    await setReview(db, ids[1]!, officer!, { status: 'confirmed' });
    await setReview(db, ids[2]!, officer!, { status: 'needs_follow_up' });
    const afterReviews = await flaggedFacts(db);
    expect(afterReviews.cases).toBe(first.cases); // reviews changed, the case facts were kept
    expect(comparable(afterReviews)).toEqual(comparable(await readFlaggedFacts(db)));
    expect(afterReviews.dismissed.has(ids[0]!)).toBe(true);
    expect(afterReviews.open.get(ids[2]!)).toBe('needs_follow_up');
    expect(afterReviews.open.has(ids[1]!)).toBe(false);

    ids.push(await seed(6, '18.10'));
    await db.delete(kyrgyzFlags).where(eq(kyrgyzFlags.caseId, ids[3]!));
    await db.delete(cases).where(eq(cases.id, ids[4]!));
    const afterFlags = await flaggedFacts(db);
    expect(comparable(afterFlags)).toEqual(comparable(await readFlaggedFacts(db)));
    // Only the changed cases were read again: an untouched case is the very same object.
    expect(afterFlags.cases.find((item) => item.caseId === ids[5])).toBe(first.cases.find((item) => item.caseId === ids[5]));
    expect(afterFlags.cases.map((item) => item.caseId)).toContain(ids[6]);
    expect(afterFlags.cases.map((item) => item.caseId)).not.toContain(ids[3]);
  });

  it('reads everything again when the log no longer covers the changes', async () => {
    const db = database.db;
    const before = await flaggedFacts(db);
    ids.push(await seed(7));
    await db.delete(changeLog).where(sql`true`);
    const after = await flaggedFacts(db);
    expect(comparable(after)).toEqual(comparable(await readFlaggedFacts(db)));
    expect(after.cases.map((item) => item.caseId)).toContain(ids[7]);
    const untouched = after.cases.find((item) => item.caseId === ids[5]);
    expect(untouched).toEqual(before.cases.find((item) => item.caseId === ids[5]));
    expect(untouched).not.toBe(before.cases.find((item) => item.caseId === ids[5]));
  });
});
