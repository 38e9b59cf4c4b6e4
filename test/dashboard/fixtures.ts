// Dashboard test data on top of test/helpers/seed-case.ts: courts in given regions, cases
// attached to them, detainee records with candidate matches.
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { cases, courts, detainees, matches, persons } from '../../db/schema.ts';
import { sampleAnalysis, sampleCard, seedCase } from '../helpers/seed-case.ts';
import type { CaseAnalysis } from '../../pipeline/types.ts';

export async function addCourt(db: Db, code: string, name: string, region: string): Promise<number> {
  const [court] = await db
    .insert(courts)
    .values({ source: 'sudrf', code, name, region, regionCode: code.slice(0, 2), baseUrl: `http://${code.toLowerCase()}.court.example` })
    .returning({ id: courts.id });
  return court!.id;
}

export interface SeededCase {
  uid: string;
  caseNumber: string;
  person: string;
  decisionDate: string;
  appealDeadline: string;
  courtId: number | null;
  analysis?: Partial<CaseAnalysis>;
  actText?: string;
  judge?: string;
}

export async function addCase(db: Db, seeded: SeededCase): Promise<number> {
  const card = sampleCard({
    caseUid: seeded.uid,
    caseNumber: seeded.caseNumber,
    decisionDate: seeded.decisionDate,
    courtName: null,
    parties: [{ roleAsWritten: 'ПРИВЛЕКАЕМОЕ ЛИЦО', name: seeded.person, articles: 'ст.18.8 ч.1.1 КоАП РФ' }],
    ...(seeded.actText ? { actText: seeded.actText } : {}),
    ...(seeded.judge ? { judge: seeded.judge } : {}),
  });
  const analysis = sampleAnalysis(card.actText ?? '', {
    decisionDate: seeded.decisionDate,
    appealDeadline: seeded.appealDeadline,
    persons: [{ name: seeded.person, normalized: seeded.person, role: 'person_charged', citizenship: 'KG', gender: 'm', birthDate: null }],
    ...seeded.analysis,
  });
  const caseId = await seedCase(db, card, analysis);
  if (seeded.courtId !== null) {
    const [court] = await db.select({ name: courts.name }).from(courts).where(eq(courts.id, seeded.courtId));
    await db.update(cases).set({ courtId: seeded.courtId, courtName: court!.name }).where(eq(cases.id, caseId));
  }
  return caseId;
}

/** The `i`-th of a series of plain КоАП cases in one court: numbered uid, case number, person and date. */
export function addNumberedCase(db: Db, courtId: number, i: number, article = '18.8'): Promise<number> {
  return addCase(db, {
    uid: `uid-${i}`, caseNumber: `5-${i}/2026`, person: `ТЕСТОВ ${i}`, decisionDate: `2026-10-${10 + i}`, appealDeadline: '2026-12-31',
    courtId, analysis: { charges: [{ code: 'КоАП', article, part: '1', item: null }] },
  });
}

/** A detainee record and a candidate match with the first person of a case. */
export async function addDetaineeMatch(db: Db, caseId: number, latinName: string): Promise<{ detaineeId: number; matchId: number }> {
  const [detainee] = await db
    .insert(detainees)
    .values({ importKey: `test:${latinName}`, latinName, district: 'yekaterinburg', detentionCentre: 'ЦВСИГ Екатеринбург' })
    .returning({ id: detainees.id });
  const [person] = await db.select({ id: persons.id }).from(persons).where(eq(persons.caseId, caseId)).orderBy(persons.id);
  const [match] = await db
    .insert(matches)
    .values({ personId: person!.id, detaineeId: detainee!.id, score: 0.91, reasons: ['surname', 'initials'] })
    .returning({ id: matches.id });
  return { detaineeId: detainee!.id, matchId: match!.id };
}
