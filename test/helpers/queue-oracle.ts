// The triage queue stated directly in SQL, as it was before it moved into memory
// (db/queries/triage.ts listQueue): open reviews of flagged cases, the filter as SQL conditions,
// ordered by decision date (newest first, none last) then id. Tests compare the two.
import { and, desc, eq, gte, inArray, lte, notInArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { caseRegionCode, type CaseFilter } from '../../db/queries/case-filters.ts';
import { OPEN_STATUSES } from '../../db/queries/flagged-facts.ts';
import { cases, charges, courts, kyrgyzFlags, outcomes, reviews } from '../../db/schema.ts';

export function caseFilterConditions(filter: CaseFilter): SQL | undefined {
  const conditions: (SQL | undefined)[] = [];
  const regions = filter.regions;
  if (regions) {
    conditions.push(
      'include' in regions ? inArray(caseRegionCode, regions.include) : or(sql`${caseRegionCode} is null`, notInArray(caseRegionCode, regions.exclude)),
    );
  }
  if (filter.regionCode) conditions.push(eq(caseRegionCode, filter.regionCode));
  if (filter.courtId !== undefined) conditions.push(eq(cases.courtId, filter.courtId));
  if (filter.article) conditions.push(sql`exists (select 1 from ${charges} where ${charges.caseId} = ${cases.id} and ${charges.article} = ${filter.article})`);
  if (filter.outcome) conditions.push(sql`exists (select 1 from ${outcomes} where ${outcomes.caseId} = ${cases.id} and ${outcomes.kind} = ${filter.outcome})`);
  if (filter.strength) conditions.push(eq(kyrgyzFlags.strength, filter.strength));
  if (filter.from) conditions.push(gte(cases.decisionDate, filter.from));
  if (filter.to) conditions.push(lte(cases.decisionDate, filter.to));
  return and(...conditions);
}

/** Ids of the whole open queue for `filter`, in queue order. */
export async function openQueueIds(db: Db, filter: CaseFilter): Promise<number[]> {
  const rows = await db
    .select({ caseId: cases.id })
    .from(cases)
    .innerJoin(kyrgyzFlags, eq(kyrgyzFlags.caseId, cases.id))
    .innerJoin(reviews, eq(reviews.caseId, cases.id))
    .leftJoin(courts, eq(courts.id, cases.courtId))
    .where(and(inArray(reviews.status, [...OPEN_STATUSES]), caseFilterConditions(filter)))
    .orderBy(sql`${cases.decisionDate} desc nulls last`, desc(cases.id));
  return rows.map((row) => row.caseId);
}
