import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase, drivers, type TestDatabase } from '../helpers/databases.ts';
import { sampleAnalysis, sampleCard, seedCase } from '../helpers/seed-case.ts';
import { createUser, type User } from '../../db/queries/users.ts';
import { DetaineeAccessDenied, importDetainees } from '../../db/queries/detainees.ts';
import { listMatches, refreshMatches, reviewMatch } from '../../db/queries/matches.ts';
import { PersonSearchDenied, searchPersons } from '../../db/queries/person-search.ts';
import { auditLog, matches } from '../../db/schema.ts';

const DETAINEES = [
  'latin_name,cyrillic_name,birth_date,passport_number,detained_on,detention_place',
  'ZHUMABEKOV AZAMAT,Жумабеков Азамат Бекович,04.05.1990,AN1234567,2026-11-01,Екатеринбург',
  'NURLAN ASANBEK UULU,,12.12.1988,AN7654321,,Москва',
].join('\n');

/** A flagged (or not) case with one person, written as a court would. */
async function caseWith(db: TestDatabase['db'], number: number, name: string, flagged = true): Promise<number> {
  const card = sampleCard({ caseNumber: `5-${number}/2026`, caseUid: `66RS0001-01-2026-000${number}-11`, parties: [] });
  const analysis = sampleAnalysis(card.actText ?? '', {
    persons: [{ name, normalized: name, role: 'person_charged', citizenship: null, gender: 'm', birthDate: null }],
    ...(flagged ? {} : { kyrgyz: { flag: 'no', confidence: 0.1, evidence: [] } }),
  });
  return seedCase(db, card, analysis);
}

describe.each(drivers)('matching and person search on %s', (driver) => {
  let database: TestDatabase;
  let consul: User;
  let ngo: User;
  let analyst: User;

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    const db = database.db;
    consul = await createUser(db, { username: 'consul', passwordHash: 'x', role: 'consular' });
    ngo = await createUser(db, { username: 'ngo', passwordHash: 'x', role: 'ngo' });
    analyst = await createUser(db, { username: 'analyst', passwordHash: 'x', role: 'analyst' });
    await importDetainees(db, DETAINEES, {}, consul);
    await caseWith(db, 101, 'ЖУМАБЕКОВ А.Б.');
    await caseWith(db, 102, 'Асанбекова Нурлана');
    await caseWith(db, 103, 'Жумабеков Н.Т.'); // same surname, other initials
    await caseWith(db, 104, 'Жумабекову Азамату Бековичу', false); // not a flagged case
    await caseWith(db, 105, 'Иванов Иван Иванович');
  });
  afterAll(async () => database?.destroy());

  it('proposes candidates for flagged persons only, with reasons', async () => {
    const summary = await refreshMatches(database.db);
    expect(summary.personsIndexed).toBe(5);
    expect(summary.candidates).toBe(2);
    const found = await listMatches(database.db, consul);
    // The Yekaterinburg court and the detention in Yekaterinburg weigh in for the first.
    expect(found.map((match) => [match.personName, match.detaineeLatinName, match.status])).toEqual([
      ['ЖУМАБЕКОВ А.Б.', 'ZHUMABEKOV AZAMAT', 'candidate'],
      ['Асанбекова Нурлана', 'NURLAN ASANBEK UULU', 'candidate'],
    ]);
    expect(found[0]!.reasons).toEqual(['surname and initials', 'court region matches place of detention', 'case within 90 days of detention']);
    expect(found[1]!.reasons).toContain('russified form');
  });

  it('keeps an officer’s decision through later refreshes, and audits it', async () => {
    const [first] = await listMatches(database.db, consul);
    await reviewMatch(database.db, first!.id, consul, 'rejected');
    const again = await refreshMatches(database.db);
    expect(again.newCandidates).toBe(0);
    const [stored] = await database.db.select().from(matches).where(eq(matches.id, first!.id));
    expect(stored).toMatchObject({ status: 'rejected', reviewedBy: consul.id });
    const [audit] = await database.db.select().from(auditLog).where(eq(auditLog.action, 'match.rejected'));
    expect(audit).toMatchObject({ actor: 'consul', entityType: 'match', entityId: String(first!.id) });
    expect(audit?.details).toMatchObject({ previous: 'candidate' });
  });

  it('gives a decision back to a person that a re-analysis of its case wrote anew', async () => {
    const zhumabekov = (await listMatches(database.db, consul)).find((match) => match.personName === 'ЖУМАБЕКОВ А.Б.')!;
    await reviewMatch(database.db, zhumabekov.id, consul, 'confirmed');
    await caseWith(database.db, 101, 'ЖУМАБЕКОВ А.Б.'); // the pipeline stores the case again: new person rows
    expect(await database.db.select().from(matches).where(eq(matches.id, zhumabekov.id))).toEqual([]);
    const summary = await refreshMatches(database.db);
    expect(summary.newCandidates).toBe(0);
    const restored = (await listMatches(database.db, consul)).find((match) => match.personName === 'ЖУМАБЕКОВ А.Б.');
    expect(restored).toMatchObject({ status: 'confirmed', caseId: zhumabekov.caseId });
    expect(restored!.personId).not.toBe(zhumabekov.personId);
  });

  it('finds a person in either script, ranked, with detainee records for consular roles', async () => {
    const hits = await searchPersons(database.db, { name: 'Azamat Zhumabekov', birthDate: '1990-05-04' }, consul);
    expect(hits.map((hit) => [hit.kind, hit.name])).toEqual([
      ['detainee', 'ZHUMABEKOV AZAMAT / Жумабеков Азамат Бекович'],
      ['person', 'Жумабекову Азамату Бековичу'],
      ['person', 'ЖУМАБЕКОВ А.Б.'],
    ]);
    expect(hits[2]!.caseNumber).toBe('5-101/2026');
    const latin = await searchPersons(database.db, { name: 'Жумабеков' }, consul);
    expect(latin.length).toBeGreaterThanOrEqual(3);
  });

  it('gives NGO accounts court persons only and refuses analysts', async () => {
    const hits = await searchPersons(database.db, { name: 'Жумабеков Азамат' }, ngo);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((hit) => hit.kind === 'person')).toBe(true);
    await expect(searchPersons(database.db, { name: 'Жумабеков Азамат' }, analyst)).rejects.toThrow(PersonSearchDenied);
  });

  it('never shows detainee data or decisions to NGO and analyst accounts', async () => {
    for (const user of [ngo, analyst]) {
      await expect(listMatches(database.db, user)).rejects.toThrow(DetaineeAccessDenied);
      await expect(reviewMatch(database.db, 1, user, 'confirmed')).rejects.toThrow(DetaineeAccessDenied);
      await expect(importDetainees(database.db, DETAINEES, {}, user)).rejects.toThrow(DetaineeAccessDenied);
    }
  });
});
