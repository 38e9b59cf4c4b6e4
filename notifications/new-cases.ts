// The cases a district has not been told about yet: flagged as Kyrgyz, still «new» in triage,
// in a court of the district's regions, and absent from every earlier digest of the district.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { cases, charges, courts, digestCases, kyrgyzFlags, outcomes, persons, reviews } from '../db/schema.ts';
import { districtOfRegion, type DistrictName } from '../dashboard/config/districts.ts';

export interface DigestCase {
  caseId: number;
  caseNumber: string | null;
  court: string | null;
  flagStrength: 'yes' | 'possible';
  /** Names of the accused as written; shortened to surname + initials when rendered. */
  accused: string[];
  charges: { code: string; article: string; part: string | null; item: string | null }[];
  outcomes: { kind: string; amountRub: number | null; days: number | null; months: number | null }[];
  decisionDate: string | null;
  appealDeadline: string | null;
}

export async function casesToNotify(db: Db): Promise<Map<DistrictName, DigestCase[]>> {
  const flagged = await db
    .select({
      caseId: cases.id,
      caseNumber: cases.caseNumber,
      courtName: cases.courtName,
      registeredCourt: courts.name,
      regionCode: courts.regionCode,
      strength: kyrgyzFlags.strength,
      decisionDate: cases.decisionDate,
      appealDeadline: cases.appealDeadline,
    })
    .from(kyrgyzFlags)
    .innerJoin(cases, eq(cases.id, kyrgyzFlags.caseId))
    .innerJoin(reviews, and(eq(reviews.caseId, cases.id), eq(reviews.status, 'new')))
    .leftJoin(courts, eq(courts.id, cases.courtId))
    .orderBy(asc(cases.decisionDate), asc(cases.id));
  if (flagged.length === 0) return new Map();

  const ids = flagged.map((row) => row.caseId);
  const told = await db.select({ district: digestCases.district, caseId: digestCases.caseId }).from(digestCases).where(inArray(digestCases.caseId, ids));
  const toldKeys = new Set(told.map((row) => `${row.district}:${row.caseId}`));
  const accused = await db
    .select({ caseId: persons.caseId, name: persons.nameAsWritten, role: persons.role })
    .from(persons)
    .where(and(inArray(persons.caseId, ids), inArray(persons.role, ['defendant', 'person_charged'])))
    .orderBy(asc(persons.id));
  const chargeRows = await db.select().from(charges).where(inArray(charges.caseId, ids)).orderBy(asc(charges.id));
  const outcomeRows = await db.select().from(outcomes).where(inArray(outcomes.caseId, ids)).orderBy(asc(outcomes.id));

  const byDistrict = new Map<DistrictName, DigestCase[]>();
  for (const row of flagged) {
    const district = districtOfRegion(row.regionCode);
    if (toldKeys.has(`${district}:${row.caseId}`)) continue;
    const entry: DigestCase = {
      caseId: row.caseId,
      caseNumber: row.caseNumber,
      court: row.courtName ?? row.registeredCourt,
      flagStrength: row.strength,
      accused: [...new Set(accused.filter((p) => p.caseId === row.caseId).map((p) => p.name))],
      charges: uniqueCharges(chargeRows.filter((c) => c.caseId === row.caseId)),
      outcomes: outcomeRows.filter((o) => o.caseId === row.caseId).map(({ kind, amountRub, days, months }) => ({ kind, amountRub, days, months })),
      decisionDate: row.decisionDate,
      appealDeadline: row.appealDeadline,
    };
    byDistrict.set(district, [...(byDistrict.get(district) ?? []), entry]);
  }
  return byDistrict;
}

function uniqueCharges(rows: (typeof charges.$inferSelect)[]): DigestCase['charges'] {
  const seen = new Map<string, DigestCase['charges'][number]>();
  for (const { code, article, part, item } of rows) seen.set(`${code}|${article}|${part}|${item}`, { code, article, part, item });
  return [...seen.values()];
}
