// Aggregates for analysts: flagged cases (dismissed ones are false positives and left out)
// counted by month, region, article, outcome, and charged persons by gender. Only counts
// leave this file: no name, no case number. Counted over the flagged cases' facts in memory
// (flagged-facts.ts), which are checked against the database on every call: a million cases
// are not joined to their charges, outcomes and persons on every request.
import type { Db } from '../client.ts';
import { caseMatchesFilter, type CaseFilter } from './case-filters.ts';
import { flaggedFacts, type FlaggedCaseFact } from './flagged-facts.ts';

export interface TrendCount {
  key: string;
  /** A readable name where the key is a code (region names). */
  name: string | null;
  count: number;
}

export interface Trends {
  totalCases: number;
  byMonth: TrendCount[];
  byRegion: TrendCount[];
  byArticle: TrendCount[];
  byOutcome: TrendCount[];
  byGender: TrendCount[];
}

/** Code-point order, as PostgreSQL sorts text in the C collation. */
const byKey = (a: TrendCount, b: TrendCount) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
const byCountThenKey = (a: TrendCount, b: TrendCount) => b.count - a.count || byKey(a, b);

/** Counts per key; each case (or person) counts once per key it has. */
function tally(items: FlaggedCaseFact[], keysOf: (item: FlaggedCaseFact) => readonly string[], nameOf?: (item: FlaggedCaseFact) => string | null): TrendCount[] {
  const counts = new Map<string, TrendCount>();
  for (const item of items) {
    for (const key of keysOf(item)) {
      const entry = counts.get(key) ?? { key, name: null, count: 0 };
      entry.count += 1;
      const name = nameOf?.(item) ?? null;
      // The greatest name of the group, as max() would pick it in SQL.
      if (name !== null && (entry.name === null || name > entry.name)) entry.name = name;
      counts.set(key, entry);
    }
  }
  return [...counts.values()];
}

export async function computeTrends(db: Db, filter: CaseFilter): Promise<Trends> {
  const facts = await flaggedFacts(db);
  const shown = facts.cases.filter((item) => !facts.dismissed.has(item.caseId) && caseMatchesFilter(item, filter));
  return {
    totalCases: shown.length,
    byMonth: tally(shown, (item) => [item.decisionDate?.slice(0, 7) ?? '']).sort(byKey),
    byRegion: tally(shown, (item) => [item.regionCode ?? ''], (item) => item.regionName).sort(byKey),
    byArticle: tally(shown, (item) => item.charges).sort(byCountThenKey),
    byOutcome: tally(shown, (item) => item.outcomes).sort(byCountThenKey),
    byGender: tally(shown, (item) => item.genders.map((gender) => gender ?? 'unknown')).sort(byKey),
  };
}
