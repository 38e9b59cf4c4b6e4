// The flagged cases as a small set of facts kept in memory, for what counts or lists them: the
// trends, the filter drop-downs and the triage queue. They are a few percent of all cases (tens
// of thousands among a million), so counting or ordering them in memory takes milliseconds,
// where the same in SQL joins every flagged case to its charges, outcomes, persons and review on
// every request.
//
// The facts are current, not merely recent: every use first reads two counters that triggers
// bump whenever a flag or a review changes, whoever writes it (migration 0010; the pipeline
// stores, rewrites or drops a flag together with the case's charges, outcomes and persons). A
// changed flag counter reloads the facts; a changed review counter reloads only the review
// states that matter here (open and dismissed cases). Court names and regions are read with the
// facts (a court renamed in the registry shows after the next analysis).
import { eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { cases, changeCounters, charges, courts, kyrgyzFlags, outcomes, persons, reviews } from '../schema.ts';
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

/** The review states of the triage queue: a case leaves it when confirmed or dismissed. */
export type OpenStatus = 'new' | 'needs_follow_up';
export const OPEN_STATUSES: readonly OpenStatus[] = ['new', 'needs_follow_up'];

export interface FlaggedFacts {
  cases: FlaggedCaseFact[];
  dismissed: ReadonlySet<number>;
  /** The cases whose review is open, with its status. */
  open: ReadonlyMap<number, OpenStatus>;
}

interface ReviewStates {
  dismissed: Set<number>;
  open: Map<number, OpenStatus>;
}

interface Versions {
  flagVersion: string;
  reviewVersion: string;
}

interface Snapshot extends Versions {
  cases: FlaggedCaseFact[];
  reviews: ReviewStates;
}

interface FactsCache {
  snapshot: Snapshot | null;
  /** Loads under way, by the versions they load: concurrent callers that need the same share one. */
  loading: Map<string, Promise<Snapshot>>;
}

const caches = new WeakMap<Db, FactsCache>();

async function versions(db: Db): Promise<Versions> {
  const rows = await db.select({ name: changeCounters.name, value: changeCounters.value }).from(changeCounters);
  const value = (name: string) => String(rows.find((row) => row.name === name)?.value ?? 'none');
  return { flagVersion: value('flags'), reviewVersion: value('reviews') };
}

async function loadReviewStates(db: Db): Promise<ReviewStates> {
  const rows = await db
    .select({ caseId: reviews.caseId, status: reviews.status })
    .from(reviews)
    .where(inArray(reviews.status, ['dismissed', ...OPEN_STATUSES]));
  const states: ReviewStates = { dismissed: new Set(), open: new Map() };
  for (const { caseId, status } of rows) {
    if (status === 'dismissed') states.dismissed.add(caseId);
    else if (status !== 'confirmed') states.open.set(caseId, status);
  }
  return states;
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

async function load(db: Db, wanted: Versions, previous: Snapshot | null): Promise<Snapshot> {
  const [cases, reviewStates] = await Promise.all([
    previous && previous.flagVersion === wanted.flagVersion ? previous.cases : loadCases(db),
    previous && previous.reviewVersion === wanted.reviewVersion ? previous.reviews : loadReviewStates(db),
  ]);
  return { ...wanted, cases, reviews: reviewStates };
}

const factsOf = new WeakMap<Snapshot, FlaggedFacts>();
/** One FlaggedFacts object per snapshot: what is derived from it is kept with it. */
function asFacts(snapshot: Snapshot): FlaggedFacts {
  let facts = factsOf.get(snapshot);
  if (!facts) factsOf.set(snapshot, (facts = { cases: snapshot.cases, dismissed: snapshot.reviews.dismissed, open: snapshot.reviews.open }));
  return facts;
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
  if (snapshot && snapshot.flagVersion === wanted.flagVersion && snapshot.reviewVersion === wanted.reviewVersion) return asFacts(snapshot);
  const key = `${wanted.flagVersion}/${wanted.reviewVersion}`;
  let pending = loading.get(key);
  if (!pending) {
    const started = load(db, wanted, snapshot);
    pending = started;
    loading.set(key, started);
    const owner = cache;
    started.then((loaded) => (owner.snapshot = loaded)).catch(() => {}).finally(() => owner.loading.delete(key));
  }
  return asFacts(await pending);
}

const derived = new WeakMap<object, Map<string, unknown>>();
const MAX_DERIVED = 500;

/**
 * What is computed from one set of facts (trends for a filter, the filter options), kept with
 * them: the next request with the same facts and key gets it without counting again. New facts
 * (any change) start empty. At most MAX_DERIVED results are kept per set of facts. `facts` is what the result depends on: the whole FlaggedFacts, or
 * only `facts.cases` for what ignores dismissals (a dismissal then keeps the result).
 */
export function derivedFromFacts<T>(facts: FlaggedFacts | readonly FlaggedCaseFact[], key: string, compute: () => T): T {
  let results = derived.get(facts);
  if (!results) derived.set(facts, (results = new Map()));
  if (results.has(key)) {
    // Used again: it moves to the back of the line, away from eviction.
    const kept = results.get(key) as T;
    results.delete(key);
    results.set(key, kept);
    return kept;
  }
  const value = compute();
  // The least recently used result goes first.
  if (results.size >= MAX_DERIVED) results.delete(results.keys().next().value!);
  results.set(key, value);
  return value;
}
