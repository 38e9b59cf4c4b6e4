// Aggregates for analysts: flagged cases (dismissed ones are false positives and left out)
// counted by month, region, article, outcome, and charged persons by gender. Only counts
// leave this file: no name, no case number. Counted over the flagged cases' facts in memory
// (flagged-facts.ts), which are checked against the database on every call: a million cases
// are not joined to their charges, outcomes and persons on every request.
import type { Db } from '../client.ts';
import { caseMatchesFilter, type CaseFilter } from './case-filters.ts';
import { derivedFromFacts, flaggedFacts, type FlaggedFacts } from './flagged-facts.ts';

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

class Tally {
  private readonly counts = new Map<string, number>();
  private readonly names = new Map<string, string>();

  add(key: string, name: string | null = null): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    // The greatest name of the group, as max() picks it in SQL.
    if (name !== null) {
      const current = this.names.get(key);
      if (current === undefined || name > current) this.names.set(key, name);
    }
  }

  rows(): TrendCount[] {
    return [...this.counts].map(([key, count]) => ({ key, name: this.names.get(key) ?? null, count }));
  }
}

export async function computeTrends(db: Db, filter: CaseFilter): Promise<Trends> {
  const facts = await flaggedFacts(db);
  return derivedFromFacts(facts, `trends:${JSON.stringify(filter)}`, () => countTrends(facts, filter));
}

function countTrends(facts: FlaggedFacts, filter: CaseFilter): Trends {
  const [months, regions, articles, kinds, genders] = [new Tally(), new Tally(), new Tally(), new Tally(), new Tally()];
  let totalCases = 0;
  // One pass, no allocation per case: this runs on every trends request.
  for (const item of facts.cases) {
    if (facts.dismissed.has(item.caseId) || !caseMatchesFilter(item, filter)) continue;
    totalCases += 1;
    months.add(item.decisionDate === null ? '' : item.decisionDate.slice(0, 7));
    regions.add(item.regionCode ?? '', item.regionName);
    for (const charge of item.charges) articles.add(charge);
    for (const kind of item.outcomes) kinds.add(kind);
    for (const gender of item.genders) genders.add(gender ?? 'unknown');
  }
  return {
    totalCases,
    byMonth: months.rows().sort(byKey),
    byRegion: regions.rows().sort(byKey),
    byArticle: articles.rows().sort(byCountThenKey),
    byOutcome: kinds.rows().sort(byCountThenKey),
    byGender: genders.rows().sort(byKey),
  };
}
