// The flagged cases as a small set of facts kept in memory, for what counts them: the trends
// and the filter drop-downs. They are a few percent of all cases (tens of thousands among a
// million), so counting them in memory takes milliseconds, where the same counts in SQL join
// every flagged case to its charges, outcomes and persons on every request.
//
// The facts are current, not merely recent: every use first asks the database for a version
// of what they depend on, in index look-ups only (the flags' highest id and count, which change
// whenever the pipeline stores, rewrites or drops a flag together with the case's charges,
// outcomes and persons; the number of dismissed reviews and the latest dismissal). A changed
// flag version reloads the facts; a changed dismissal version reloads only the set of dismissed
// cases. Court names and regions are read with the facts (a court renamed in the registry shows
// after the next analysis).
import { count, eq, max, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { cases, charges, courts, kyrgyzFlags, outcomes, persons, reviews } from '../schema.ts';
import { caseRegionCode, type OutcomeKindName } from './case-filters.ts';

export interface FlaggedCaseFact {
  caseId: number;
  decisionDate: string | null;
  courtId: number | null;
  courtName: string | null;
  regionCode: string | null;
  regionName: string | null;
  strength: 'yes' | 'possible';
  /** Charges as `code article` (КоАП 18.8), and the bare article numbers (18.8) the filter uses. */
  charges: string[];
  articles: string[];
  outcomes: OutcomeKindName[];
  /** One entry per charged person: 'm', 'f' or null. */
  genders: (string | null)[];
}

export interface FlaggedFacts {
  cases: FlaggedCaseFact[];
  dismissed: ReadonlySet<number>;
}

interface Snapshot {
  flagVersion: string;
  dismissalVersion: string;
  cases: FlaggedCaseFact[];
  dismissed: Set<number>;
}

interface FactsCache {
  snapshot: Snapshot | null;
  /** Loads under way, by the versions they load: concurrent callers that need the same share one. */
  loading: Map<string, Promise<Snapshot>>;
}

const caches = new WeakMap<Db, FactsCache>();

async function versions(db: Db): Promise<{ flagVersion: string; dismissalVersion: string }> {
  const [[flags], [dismissals]] = await Promise.all([
    db.select({ lastId: max(kyrgyzFlags.id), total: count() }).from(kyrgyzFlags),
    db.select({ last: sql<string | null>`max(${reviews.reviewedAt})::text`, total: count() }).from(reviews).where(eq(reviews.status, 'dismissed')),
  ]);
  return { flagVersion: `${flags?.lastId}:${flags?.total}`, dismissalVersion: `${dismissals?.last}:${dismissals?.total}` };
}

async function loadDismissed(db: Db): Promise<Set<number>> {
  const rows = await db.select({ caseId: reviews.caseId }).from(reviews).where(eq(reviews.status, 'dismissed'));
  return new Set(rows.map((row) => row.caseId));
}

async function loadCases(db: Db): Promise<FlaggedCaseFact[]> {
  const [rows, chargeRows, outcomeRows, personRows] = await Promise.all([
    db
      .select({
        caseId: cases.id,
        decisionDate: cases.decisionDate,
        courtId: cases.courtId,
        courtName: courts.name,
        regionCode: caseRegionCode,
        regionName: courts.region,
        strength: kyrgyzFlags.strength,
      })
      .from(kyrgyzFlags)
      .innerJoin(cases, eq(cases.id, kyrgyzFlags.caseId))
      .leftJoin(courts, eq(courts.id, cases.courtId)),
    db
      .select({ caseId: charges.caseId, code: charges.code, article: charges.article })
      .from(charges)
      .innerJoin(kyrgyzFlags, eq(kyrgyzFlags.caseId, charges.caseId)),
    db
      .select({ caseId: outcomes.caseId, kind: outcomes.kind })
      .from(outcomes)
      .innerJoin(kyrgyzFlags, eq(kyrgyzFlags.caseId, outcomes.caseId)),
    db
      .select({ caseId: persons.caseId, gender: persons.gender })
      .from(persons)
      .innerJoin(kyrgyzFlags, eq(kyrgyzFlags.caseId, persons.caseId))
      .where(sql`${persons.role} in ('defendant', 'person_charged')`),
  ]);
  const facts = new Map<number, FlaggedCaseFact>(
    rows.map((row) => [row.caseId, { ...row, charges: [], articles: [], outcomes: [], genders: [] }]),
  );
  const addOnce = <T>(list: T[], value: T) => {
    if (!list.includes(value)) list.push(value);
  };
  for (const row of chargeRows) {
    const fact = facts.get(row.caseId);
    if (!fact) continue;
    addOnce(fact.charges, `${row.code} ${row.article}`);
    addOnce(fact.articles, row.article);
  }
  for (const row of outcomeRows) {
    const fact = facts.get(row.caseId);
    if (fact) addOnce(fact.outcomes, row.kind);
  }
  for (const row of personRows) facts.get(row.caseId)?.genders.push(row.gender);
  return [...facts.values()];
}

async function load(db: Db, wanted: { flagVersion: string; dismissalVersion: string }, previous: Snapshot | null): Promise<Snapshot> {
  const [cases, dismissed] = await Promise.all([
    previous && previous.flagVersion === wanted.flagVersion ? previous.cases : loadCases(db),
    loadDismissed(db),
  ]);
  return { ...wanted, cases, dismissed };
}

/**
 * The current facts of the flagged cases. Each caller checks the versions itself (so it sees
 * every change committed before it asked); callers that find the same change share one reload.
 */
export async function flaggedFacts(db: Db): Promise<FlaggedFacts> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = { snapshot: null, loading: new Map() }));
  const wanted = await versions(db);
  const { snapshot, loading } = cache;
  if (snapshot && snapshot.flagVersion === wanted.flagVersion && snapshot.dismissalVersion === wanted.dismissalVersion) return snapshot;
  const key = `${wanted.flagVersion}/${wanted.dismissalVersion}`;
  let pending = loading.get(key);
  if (!pending) {
    const started = load(db, wanted, snapshot);
    pending = started;
    loading.set(key, started);
    const owner = cache;
    started.then((loaded) => (owner.snapshot = loaded)).catch(() => {}).finally(() => owner.loading.delete(key));
  }
  return pending;
}

const derived = new WeakMap<object, Map<string, unknown>>();
const MAX_DERIVED = 500;

/**
 * What is computed from one set of facts (trends for a filter, the filter options), kept with
 * them: the next request with the same facts and key gets it without counting again. New facts
 * (any change) start empty. `facts` is what the result depends on: the whole FlaggedFacts, or
 * only `facts.cases` for what ignores dismissals (a dismissal then keeps the result).
 */
export function derivedFromFacts<T>(facts: FlaggedFacts | readonly FlaggedCaseFact[], key: string, compute: () => T): T {
  let results = derived.get(facts);
  if (!results) derived.set(facts, (results = new Map()));
  if (results.has(key)) return results.get(key) as T;
  const value = compute();
  if (results.size >= MAX_DERIVED) results.clear();
  results.set(key, value);
  return value;
}
