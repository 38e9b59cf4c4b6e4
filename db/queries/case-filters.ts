// The filters shared by the triage queue and the trends: the same words mean the same rows
// on both pages (and in the CSV export). Both filter the flagged cases' facts in memory
// (flagged-facts.ts); test/helpers/queue-oracle.ts states the same filter in SQL.
import { sql } from 'drizzle-orm';
import type { outcomes } from '../schema.ts';
import { courts } from '../schema.ts';

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

/**
 * Whether a flagged case in memory passes the filter, as a test made once for a scan over many
 * cases: region lists become sets (an officer's district excludes dozens of regions).
 */
export function filterPredicate(filter: CaseFilter): (item: FilterableCase) => boolean {
  const { regions, regionCode, courtId, article, outcome, strength, from, to } = filter;
  const included = regions && 'include' in regions ? new Set(regions.include) : null;
  const excluded = regions && 'exclude' in regions ? new Set(regions.exclude) : null;
  return (item) => {
    if (included && !(item.regionCode !== null && included.has(item.regionCode))) return false;
    if (excluded && item.regionCode !== null && excluded.has(item.regionCode)) return false;
    if (regionCode && item.regionCode !== regionCode) return false;
    if (courtId !== undefined && item.courtId !== courtId) return false;
    if (article && !item.articles.includes(article)) return false;
    if (outcome && !item.outcomes.includes(outcome)) return false;
    if (strength && item.strength !== strength) return false;
    // ISO dates compare as text; a case without a decision date is outside any date range.
    if (from && (item.decisionDate === null || item.decisionDate < from)) return false;
    if (to && (item.decisionDate === null || item.decisionDate > to)) return false;
    return true;
  };
}
