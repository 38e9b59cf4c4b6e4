// The filters shared by the triage queue and the trends: the same words mean the same rows
// on both pages (and in the CSV export). Conditions expect `cases` left-joined to `courts`.
import { and, eq, gte, inArray, lte, notInArray, or, sql, type SQL } from 'drizzle-orm';
import { charges, courts, kyrgyzFlags, outcomes, cases } from '../schema.ts';

export type OutcomeKindName = (typeof outcomes.$inferSelect)['kind'];
export const outcomeKinds: OutcomeKindName[] = [
  'fine', 'expulsion_forced', 'expulsion_self', 'no_expulsion', 'detention_center', 'arrest', 'imprisonment',
  'suspended', 'returned', 'forwarded', 'cancelled', 'other',
];

/** A set of region codes: listed ones, or all but the listed ones (unknown regions included). */
export type RegionSet = { include: string[] } | { exclude: string[] };

export interface CaseFilter {
  /** A consular district, as its regions (see dashboard/config/districts.ts). */
  regions?: RegionSet;
  regionCode?: string;
  courtId?: number;
  /** An article number as stored, e.g. '18.8' or '322'. */
  article?: string;
  outcome?: OutcomeKindName;
  strength?: 'yes' | 'possible';
  /** Decision date range, ISO dates, inclusive. */
  from?: string;
  to?: string;
}

/** The region of a case: the court's region code, else the first two digits of its code. */
export const caseRegionCode = sql<string | null>`coalesce(${courts.regionCode}, substring(${courts.code} from '^[0-9]{2}'))`;

export function caseFilterConditions(filter: CaseFilter): SQL | undefined {
  const conditions: (SQL | undefined)[] = [];
  const regions = filter.regions;
  if (regions) {
    conditions.push(
      'include' in regions
        ? inArray(caseRegionCode, regions.include)
        : or(sql`${caseRegionCode} is null`, notInArray(caseRegionCode, regions.exclude)),
    );
  }
  if (filter.regionCode) conditions.push(eq(caseRegionCode, filter.regionCode));
  if (filter.courtId !== undefined) conditions.push(eq(cases.courtId, filter.courtId));
  if (filter.article) {
    conditions.push(sql`exists (select 1 from ${charges} where ${charges.caseId} = ${cases.id} and ${charges.article} = ${filter.article})`);
  }
  if (filter.outcome) {
    conditions.push(sql`exists (select 1 from ${outcomes} where ${outcomes.caseId} = ${cases.id} and ${outcomes.kind} = ${filter.outcome})`);
  }
  if (filter.strength) conditions.push(eq(kyrgyzFlags.strength, filter.strength));
  if (filter.from) conditions.push(gte(cases.decisionDate, filter.from));
  if (filter.to) conditions.push(lte(cases.decisionDate, filter.to));
  return and(...conditions);
}

/** What the filter looks at in a case, for filtering cases already in memory (flagged-facts.ts). */
export interface FilterableCase {
  regionCode: string | null;
  courtId: number | null;
  /** Article numbers of the case's charges, as stored. */
  articles: readonly string[];
  outcomes: readonly OutcomeKindName[];
  strength: 'yes' | 'possible';
  decisionDate: string | null;
}

/** The same filter as caseFilterConditions, over a case in memory: the same words, the same rows. */
export function caseMatchesFilter(item: FilterableCase, filter: CaseFilter): boolean {
  const { regions } = filter;
  if (regions) {
    if ('include' in regions ? !(item.regionCode !== null && regions.include.includes(item.regionCode))
      : item.regionCode !== null && regions.exclude.includes(item.regionCode)) return false;
  }
  if (filter.regionCode && item.regionCode !== filter.regionCode) return false;
  if (filter.courtId !== undefined && item.courtId !== filter.courtId) return false;
  if (filter.article && !item.articles.includes(filter.article)) return false;
  if (filter.outcome && !item.outcomes.includes(filter.outcome)) return false;
  if (filter.strength && item.strength !== filter.strength) return false;
  // ISO dates compare as text; a case without a decision date is outside any date range.
  if (filter.from && (item.decisionDate === null || item.decisionDate < filter.from)) return false;
  if (filter.to && (item.decisionDate === null || item.decisionDate > filter.to)) return false;
  return true;
}
