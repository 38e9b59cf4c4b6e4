// The flagged cases as a small set of facts kept in memory, for what counts or lists them: the
// trends, the filter drop-downs and the triage queue. They are a few percent of all cases (tens
// of thousands among a million), so counting or ordering them in memory takes milliseconds,
// where the same in SQL joins every flagged case to its charges, outcomes, persons and review on
// every request.
//
// The facts are current, not merely recent: every use first reads counters that triggers bump
// whenever a flag or a review changes, whoever writes it (migrations 0010 and 0011; the pipeline
// stores, rewrites or drops a flag together with the case's charges, outcomes and persons). The
// same triggers log which case each change was about, so a changed counter reloads the facts or
// the review states of those cases only; a reader further behind than the log, or a truncation,
// reloads everything. Court names and regions are read with the facts: a changed court reloads
// them all; a renamed account gives new facts too, so that what is kept with them (the queue's
// rows, with assignee names) is read again (migration 0012).
import { and, eq, gt, inArray, lte, sql } from 'drizzle-orm';
import { isOneOf } from './id-list.ts';
import { preparedFor } from './prepared.ts';
import type { Db } from '../client.ts';
import { cases, changeCounters, changeLog, charges, courts, kyrgyzFlags, outcomes, persons, reviews } from '../schema.ts';
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
  flagVersion: number;
  reviewVersion: number;
  /** Renamed accounts (assignee names) and changed courts (names, regions): migration 0012. */
  userVersion: number;
  courtVersion: number;
}

const sameVersions = (a: Versions, b: Versions) =>
  a.flagVersion === b.flagVersion && a.reviewVersion === b.reviewVersion && a.userVersion === b.userVersion && a.courtVersion === b.courtVersion;
const notOlder = (a: Versions, b: Versions) =>
  a.flagVersion >= b.flagVersion && a.reviewVersion >= b.reviewVersion && a.userVersion >= b.userVersion && a.courtVersion >= b.courtVersion;

interface Snapshot extends Versions {
  cases: FlaggedCaseFact[];
  reviews: ReviewStates;
  /** The snapshot this one was made from and the cases that changed in between; null: unknown. */
  link: { previous: WeakRef<Snapshot>; changed: ReadonlySet<number> } | null;
}

interface FactsCache {
  snapshot: Snapshot | null;
  /** Loads under way, by the versions they load: concurrent callers that need the same share one. */
  loading: Map<string, Promise<Snapshot>>;
}

const caches = new WeakMap<Db, FactsCache>();

async function versions(db: Db): Promise<Versions> {
  const rows = await preparedFor(db, 'change_counters', (on) =>
    on.select({ name: changeCounters.name, value: changeCounters.value }).from(changeCounters).prepare('kuzet_change_counters'),
  ).execute();
  const value = (name: string) => rows.find((row) => row.name === name)?.value ?? 0;
  return { flagVersion: value('flags'), reviewVersion: value('reviews'), userVersion: value('users'), courtVersion: value('courts') };
}

/** Past this many changes a full reload is cheaper than looking each one up. */
const MAX_CHANGES_FOLLOWED = 2000;

/**
 * The cases changed between two counter values (after, upTo], or null when the log cannot tell:
 * too many changes, entries pruned, or a change about every case.
 */
async function changedCases(db: Db, kind: 'flags' | 'reviews', after: number, upTo: number): Promise<number[] | null> {
  if (upTo - after > MAX_CHANGES_FOLLOWED || upTo < after) return null;
  const rows = await db
    .select({ caseId: changeLog.caseId })
    .from(changeLog)
    .where(and(eq(changeLog.kind, kind), gt(changeLog.seq, after), lte(changeLog.seq, upTo)));
  if (rows.length !== upTo - after || rows.some((row) => row.caseId === null)) return null;
  return [...new Set(rows.map((row) => row.caseId!))];
}

async function loadReviewStates(db: Db): Promise<ReviewStates> {
  const rows = await db
    .select({ caseId: reviews.caseId, status: reviews.status })
    .from(reviews)
    .where(inArray(reviews.status, ['dismissed', ...OPEN_STATUSES]));
  return withReviewRows({ dismissed: new Set(), open: new Map() }, [], rows);
}

/** The review states after the reviews of `changed` cases became `rows`; `previous` is left as it was. */
function withReviewRows(previous: ReviewStates, changed: readonly number[], rows: { caseId: number; status: string }[]): ReviewStates {
  const states: ReviewStates = { dismissed: new Set(previous.dismissed), open: new Map(previous.open) };
  for (const caseId of changed) {
    states.dismissed.delete(caseId);
    states.open.delete(caseId);
  }
  for (const { caseId, status } of rows) {
    if (status === 'dismissed') states.dismissed.add(caseId);
    else if (status === 'new' || status === 'needs_follow_up') states.open.set(caseId, status);
  }
  return states;
}

async function reloadReviewStates(db: Db, previous: ReviewStates, changed: readonly number[]): Promise<ReviewStates> {
  if (changed.length === 0) return previous;
  const rows = await db.select({ caseId: reviews.caseId, status: reviews.status }).from(reviews).where(isOneOf(reviews.caseId, changed));
  return withReviewRows(previous, changed, rows);
}

/** The facts of every flagged case, or of the flagged ones among `only`. */
async function loadCases(db: Db, only?: readonly number[]): Promise<FlaggedCaseFact[]> {
  const among = only ? isOneOf(kyrgyzFlags.caseId, only) : undefined;
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
      .leftJoin(courts, eq(courts.id, cases.courtId))
      .where(among),
    db
      .select({ caseId: charges.caseId, code: charges.code, article: charges.article })
      .from(charges)
      .innerJoin(kyrgyzFlags, eq(kyrgyzFlags.caseId, charges.caseId))
      .where(among),
    db
      .select({ caseId: outcomes.caseId, kind: outcomes.kind })
      .from(outcomes)
      .innerJoin(kyrgyzFlags, eq(kyrgyzFlags.caseId, outcomes.caseId))
      .where(among),
    db
      .select({ caseId: persons.caseId, gender: persons.gender })
      .from(persons)
      .innerJoin(kyrgyzFlags, eq(kyrgyzFlags.caseId, persons.caseId))
      .where(and(sql`${persons.role} in ('defendant', 'person_charged')`, among)),
  ]);
  // Every field written out, in one order: objects of one shape, read fast by every scan (a spread
  // of a driver's row made slow dictionary-mode objects: 12 ms to read one field of 30,000).
  const facts = new Map<number, FlaggedCaseFact>(
    rows.map((row) => [
      row.caseId,
      {
        caseId: row.caseId,
        decisionDate: row.decisionDate,
        courtId: row.courtId,
        courtName: row.courtName,
        regionCode: row.regionCode,
        regionName: row.regionName,
        strength: row.strength,
        charges: [],
        articles: [],
        outcomes: [],
        genders: [],
      },
    ]),
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

async function reloadCases(db: Db, previous: FlaggedCaseFact[], changed: readonly number[]): Promise<FlaggedCaseFact[]> {
  if (changed.length === 0) return previous;
  const reloaded = await loadCases(db, changed);
  const gone = new Set(changed);
  return [...previous.filter((item) => !gone.has(item.caseId)), ...reloaded];
}

/** What a reload found changed: these cases, or anything. */
type Changed = readonly number[] | 'all';

async function load(db: Db, wanted: Versions, previous: Snapshot | null): Promise<Snapshot> {
  const casesNow = async (): Promise<[FlaggedCaseFact[], Changed]> => {
    // A changed court (name, region) may be any case's: everything is read again.
    if (!previous || previous.courtVersion !== wanted.courtVersion) return [await loadCases(db), 'all'];
    if (previous.flagVersion === wanted.flagVersion) return [previous.cases, []];
    const changed = await changedCases(db, 'flags', previous.flagVersion, wanted.flagVersion);
    return changed ? [await reloadCases(db, previous.cases, changed), changed] : [await loadCases(db), 'all'];
  };
  const reviewsNow = async (): Promise<[ReviewStates, Changed]> => {
    if (!previous) return [await loadReviewStates(db), 'all'];
    if (previous.reviewVersion === wanted.reviewVersion) return [previous.reviews, []];
    const changed = await changedCases(db, 'reviews', previous.reviewVersion, wanted.reviewVersion);
    return changed ? [await reloadReviewStates(db, previous.reviews, changed), changed] : [await loadReviewStates(db), 'all'];
  };
  const [[casesLoaded, casesChanged], [reviewStates, reviewsChanged]] = await Promise.all([casesNow(), reviewsNow()]);
  const known = previous && casesChanged !== 'all' && reviewsChanged !== 'all' && previous.userVersion === wanted.userVersion;
  return {
    ...wanted,
    cases: casesLoaded,
    reviews: reviewStates,
    link: known ? { previous: new WeakRef(previous), changed: new Set([...casesChanged, ...reviewsChanged]) } : null,
  };
}

/** Every flagged case's facts read afresh, nothing kept: what the kept facts must always equal. */
export async function readFlaggedFacts(db: Db): Promise<FlaggedFacts> {
  const [casesRead, states] = await Promise.all([loadCases(db), loadReviewStates(db)]);
  return { cases: casesRead, dismissed: states.dismissed, open: states.open };
}

const factsOf = new WeakMap<Snapshot, FlaggedFacts>();
const snapshotOf = new WeakMap<FlaggedFacts, Snapshot>();
/** One FlaggedFacts object per snapshot: what is derived from it is kept with it. */
function asFacts(snapshot: Snapshot): FlaggedFacts {
  let facts = factsOf.get(snapshot);
  if (!facts) {
    facts = { cases: snapshot.cases, dismissed: snapshot.reviews.dismissed, open: snapshot.reviews.open };
    factsOf.set(snapshot, facts);
    snapshotOf.set(facts, snapshot);
  }
  return facts;
}

const keptByCase = new WeakMap<Snapshot, Map<string, Map<number, unknown>>>();
/** How far back a new snapshot looks for an earlier one's kept values. */
const MAX_LINKS_FOLLOWED = 50;

/**
 * Values kept per case (the queue's rows, say) from one set of facts to the next: a new set of
 * facts starts with the values of the one it was made from, less those of the cases that changed
 * in between. Where the change is not known case by case (a full reload, a renamed account), it
 * starts empty. A value read under older facts is newer than they are, never older.
 */
export function keptPerCase<T>(facts: FlaggedFacts, key: string): Map<number, T> {
  const snapshot = snapshotOf.get(facts);
  if (!snapshot) return new Map();
  let kept = keptByCase.get(snapshot);
  if (!kept) keptByCase.set(snapshot, (kept = new Map()));
  let values = kept.get(key) as Map<number, T> | undefined;
  if (!values) {
    values = new Map();
    const changed = new Set<number>();
    let at: Snapshot | undefined = snapshot;
    for (let step = 0; step < MAX_LINKS_FOLLOWED && at?.link; step += 1) {
      for (const caseId of at.link.changed) changed.add(caseId);
      at = at.link.previous.deref();
      const earlier = at && (keptByCase.get(at)?.get(key) as Map<number, T> | undefined);
      if (earlier) {
        for (const [caseId, value] of earlier) if (!changed.has(caseId)) values.set(caseId, value);
        break;
      }
    }
    kept.set(key, values);
  }
  return values;
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
  if (snapshot && sameVersions(snapshot, wanted)) return asFacts(snapshot);
  const key = `${wanted.flagVersion}/${wanted.reviewVersion}/${wanted.userVersion}/${wanted.courtVersion}`;
  let pending = loading.get(key);
  if (!pending) {
    const started = load(db, wanted, snapshot);
    pending = started;
    loading.set(key, started);
    const owner = cache;
    started
      .then((loaded) => {
        // Loads may end out of order: the snapshot only moves forward.
        const current = owner.snapshot;
        if (!current || notOlder(loaded, current)) owner.snapshot = loaded;
      })
      .catch(() => {})
      .finally(() => owner.loading.delete(key));
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
