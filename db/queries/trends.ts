// Aggregates for analysts: flagged cases (dismissed ones are false positives and left out)
// counted by month, region, article, outcome, and charged persons by gender. Only counts
// leave this file: no name, no case number. Counted over the flagged cases' facts in memory
// (flagged-facts.ts), which are checked against the database on every call: a million cases
// are not joined to their charges, outcomes and persons on every request.
//
// Dismissals come and go all day (every review may add or take back one), flags change only
// when the pipeline stores. So the counts over all flagged cases are kept per filter for as long
// as the flags are unchanged, and so are the counts of the dismissed cases, moved along with
// each change of the dismissed set: a review looks at the cases it changed, not at thousands.
import type { Db } from '../client.ts';
import { filterPredicate, type CaseFilter } from './case-filters.ts';
import { derivedFromFacts, flaggedFacts, type FlaggedCaseFact, type FlaggedFacts } from './flagged-facts.ts';

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

/** Counts per key, and per key the count of each name seen with it (names can be taken off too). */
class Tally {
  readonly counts = new Map<string, number>();
  readonly names = new Map<string, Map<string, number>>();

  add(key: string, name: string | null = null, delta = 1): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + delta);
    if (name === null) return;
    let named = this.names.get(key);
    if (!named) this.names.set(key, (named = new Map()));
    named.set(name, (named.get(name) ?? 0) + delta);
  }

  /** The groups left after taking `off` away; a group's name is the greatest left, as max() picks it in SQL. */
  rowsWithout(off: Tally | null): TrendCount[] {
    const rows: TrendCount[] = [];
    for (const [key, total] of this.counts) {
      const count = total - (off?.counts.get(key) ?? 0);
      if (count <= 0) continue;
      let name: string | null = null;
      const offNames = off?.names.get(key);
      for (const [candidate, seen] of this.names.get(key) ?? []) {
        if (seen - (offNames?.get(candidate) ?? 0) > 0 && (name === null || candidate > name)) name = candidate;
      }
      rows.push({ key, name, count });
    }
    return rows;
  }
}

class TrendTallies {
  totalCases = 0;
  readonly months = new Tally();
  readonly regions = new Tally();
  readonly articles = new Tally();
  readonly kinds = new Tally();
  readonly genders = new Tally();

  add(item: FlaggedCaseFact, delta = 1): void {
    this.totalCases += delta;
    this.months.add(item.decisionDate === null ? '' : item.decisionDate.slice(0, 7), null, delta);
    this.regions.add(item.regionCode ?? '', item.regionName, delta);
    for (const charge of item.charges) this.articles.add(charge, null, delta);
    for (const kind of item.outcomes) this.kinds.add(kind, null, delta);
    for (const gender of item.genders) this.genders.add(gender ?? 'unknown', null, delta);
  }

  trendsWithout(off: TrendTallies | null): Trends {
    return {
      totalCases: this.totalCases - (off?.totalCases ?? 0),
      byMonth: this.months.rowsWithout(off?.months ?? null).sort(byKey),
      byRegion: this.regions.rowsWithout(off?.regions ?? null).sort(byKey),
      byArticle: this.articles.rowsWithout(off?.articles ?? null).sort(byCountThenKey),
      byOutcome: this.kinds.rowsWithout(off?.kinds ?? null).sort(byCountThenKey),
      byGender: this.genders.rowsWithout(off?.genders ?? null).sort(byKey),
    };
  }
}

function tally(cases: Iterable<FlaggedCaseFact>, filter: CaseFilter): TrendTallies {
  const tallies = new TrendTallies();
  const matches = filterPredicate(filter);
  for (const item of cases) if (matches(item)) tallies.add(item);
  return tallies;
}

/** The counts of the dismissed cases that match a filter, and the dismissed set they are for. */
interface DismissedTally {
  dismissed: ReadonlySet<number>;
  tallies: TrendTallies;
}

const MAX_DISMISSED_TALLIES = 500;

/**
 * The counts of the dismissed cases matching `filter`, moved from the set they were last counted
 * for to `facts.dismissed` by the cases that joined or left it.
 */
function dismissedTallies(facts: FlaggedFacts, filter: CaseFilter, key: string): TrendTallies {
  const byId = derivedFromFacts(facts.cases, 'by-id', () => new Map(facts.cases.map((item) => [item.caseId, item])));
  const perFilter = derivedFromFacts(facts.cases, 'dismissed-tallies', () => new Map<string, DismissedTally>());
  let entry = perFilter.get(key);
  if (!entry) {
    if (perFilter.size >= MAX_DISMISSED_TALLIES) perFilter.delete(perFilter.keys().next().value!);
    perFilter.set(key, (entry = { dismissed: new Set(), tallies: new TrendTallies() }));
  }
  if (entry.dismissed !== facts.dismissed) {
    const matches = filterPredicate(filter);
    const move = (caseId: number, delta: number) => {
      const item = byId.get(caseId);
      if (item && matches(item)) entry.tallies.add(item, delta);
    };
    for (const caseId of facts.dismissed) if (!entry.dismissed.has(caseId)) move(caseId, 1);
    for (const caseId of entry.dismissed) if (!facts.dismissed.has(caseId)) move(caseId, -1);
    entry.dismissed = facts.dismissed;
  }
  return entry.tallies;
}

/** The trends of the flagged cases that match `filter`, dismissed cases left out. */
export function trendsOf(facts: FlaggedFacts, filter: CaseFilter): Trends {
  const key = JSON.stringify(filter);
  return derivedFromFacts(facts, `trends:${key}`, () => {
    const all = derivedFromFacts(facts.cases, `tallies:${key}`, () => tally(facts.cases, filter));
    return all.trendsWithout(dismissedTallies(facts, filter, key));
  });
}

/** The same trends counted directly, case by case: what trendsOf must always equal. */
export function countTrends(facts: FlaggedFacts, filter: CaseFilter): Trends {
  const kept = facts.cases.filter((item) => !facts.dismissed.has(item.caseId));
  return tally(kept, filter).trendsWithout(null);
}

export async function computeTrends(db: Db, filter: CaseFilter): Promise<Trends> {
  return trendsOf(await flaggedFacts(db), filter);
}
