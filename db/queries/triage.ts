// Queries of the consular triage queue and the case page.
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../client.ts';
import { auditLog, cases, charges, courts, kyrgyzFlags, outcomes, persons, reviews, users } from '../schema.ts';
import { caseRegionCode, filterPredicate, type CaseFilter } from './case-filters.ts';
import { isOneOf } from './id-list.ts';
import { preparedFor } from './prepared.ts';
import { derivedFromFacts, flaggedFacts, keptPerCase, type FlaggedCaseFact, type FlaggedFacts } from './flagged-facts.ts';
import type { User } from './users.ts';

export type ReviewStatusName = (typeof reviews.$inferSelect)['status'];
export const reviewStatuses: ReviewStatusName[] = ['new', 'confirmed', 'dismissed', 'needs_follow_up'];

export interface QueueRow {
  caseId: number;
  caseNumber: string | null;
  courtName: string | null;
  regionCode: string | null;
  decisionDate: string | null;
  appealDeadline: string | null;
  strength: 'yes' | 'possible';
  confidence: number;
  status: ReviewStatusName;
  assignedTo: string | null;
  defendants: string | null;
  articles: string | null;
  outcomes: string | null;
}

const assignee = alias(users, 'assignee');

/** Where a queue page starts: just after this case in the queue's order (keyset paging). */
export interface QueueCursor {
  decisionDate: string | null;
  caseId: number;
}

export interface QueuePage {
  rows: QueueRow[];
  /** The cursor of the next page; null on the last page. */
  next: QueueCursor | null;
}

export const QUEUE_PAGE_SIZE = 100;

/** The queue's order: decision date, newest first (no date last), then id, highest first. */
function queueOrder(a: QueueCursor, b: QueueCursor): number {
  if (a.decisionDate !== b.decisionDate) {
    if (a.decisionDate === null) return 1;
    if (b.decisionDate === null) return -1;
    return a.decisionDate > b.decisionDate ? -1 : 1;
  }
  return b.caseId - a.caseId;
}

/**
 * The flagged cases whose review is open, in the queue's order: the order is kept until the flags
 * change, the open ones are picked from it again when a review changes.
 */
function openCasesInOrder(facts: FlaggedFacts): readonly FlaggedCaseFact[] {
  const { ordered, rank } = derivedFromFacts(facts.cases, 'queue-order', () => {
    const sorted = [...facts.cases].sort(queueOrder);
    return { ordered: sorted, rank: new Map(sorted.map((item, i) => [item.caseId, i])) };
  });
  // The open cases' places in that order, sorted as numbers: a few thousand, not every flagged case.
  return derivedFromFacts(facts, 'open-in-order', () => {
    const places = new Int32Array(facts.open.size);
    let count = 0;
    for (const caseId of facts.open.keys()) {
      const place = rank.get(caseId);
      if (place !== undefined) places[count++] = place;
    }
    return Array.from(places.subarray(0, count).sort(), (place) => ordered[place]!);
  });
}

/** Where the cases after `cursor` start in `ordered` (binary search). */
function firstAfter(ordered: readonly FlaggedCaseFact[], cursor: QueueCursor): number {
  let low = 0;
  let high = ordered.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (queueOrder(ordered[middle]!, cursor) <= 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** What a queue row shows, read for the chosen cases only. */
async function readQueueRows(db: Db, caseIds: number[]): Promise<QueueRow[]> {
  return db
    .select({
      caseId: cases.id,
      caseNumber: cases.caseNumber,
      courtName: sql<string | null>`coalesce(${cases.courtName}, ${courts.name})`,
      regionCode: caseRegionCode,
      decisionDate: cases.decisionDate,
      appealDeadline: cases.appealDeadline,
      strength: kyrgyzFlags.strength,
      confidence: kyrgyzFlags.confidence,
      status: reviews.status,
      assignedTo: sql<string | null>`coalesce(${assignee.displayName}, ${assignee.username})`,
      defendants: sql<string | null>`(select string_agg(${persons.nameAsWritten}, '; ' order by ${persons.id}) from ${persons}
        where ${persons.caseId} = ${cases.id} and ${persons.role} in ('defendant', 'person_charged'))`,
      articles: sql<string | null>`(select string_agg(distinct ${charges.code} || ' ' || ${charges.article}
        || coalesce(' ч.' || ${charges.part}, ''), ', ') from ${charges} where ${charges.caseId} = ${cases.id})`,
      outcomes: sql<string | null>`(select string_agg(distinct ${outcomes.kind}::text, ', ') from ${outcomes}
        where ${outcomes.caseId} = ${cases.id})`,
    })
    .from(cases)
    .innerJoin(kyrgyzFlags, eq(kyrgyzFlags.caseId, cases.id))
    .innerJoin(reviews, eq(reviews.caseId, cases.id))
    .leftJoin(courts, eq(courts.id, cases.courtId))
    .leftJoin(assignee, eq(assignee.id, reviews.assignedTo))
    .where(isOneOf(cases.id, caseIds));
}

const MAX_KEPT_ROWS = 20_000;

/**
 * The queue rows of `caseIds`, in that order. Rows are kept with the facts (keptPerCase): whatever
 * changes a row (the case's analysis, its review, an assignee's or a court's name) changes the
 * facts first, which drop the rows of the cases that changed.
 */
async function queueRows(db: Db, facts: FlaggedFacts, caseIds: number[]): Promise<QueueRow[]> {
  const kept = keptPerCase<QueueRow>(facts, 'queue-rows');
  const missing = caseIds.filter((id) => !kept.has(id));
  if (missing.length > 0) {
    if (kept.size + missing.length > MAX_KEPT_ROWS) kept.clear();
    for (const row of await readQueueRows(db, missing)) kept.set(row.caseId, row);
  }
  return caseIds.flatMap((id) => kept.get(id) ?? []);
}

/**
 * One page of the triage queue: flagged cases whose review is open ('new' or 'needs follow-up')
 * that match the filter. Keyset paging: a page starts after the last case of the previous one,
 * so a page deep in the queue costs what the first one costs, and cases reviewed meanwhile do
 * not shift the next page. The cases are chosen and ordered over the flagged cases' facts in
 * memory (flagged-facts.ts, current at every call, or `current` as the caller just read them);
 * only the chosen page is read from the database.
 */
export async function listQueue(
  db: Db,
  filter: CaseFilter = {},
  page: { after?: QueueCursor; limit?: number } = {},
  current?: FlaggedFacts,
): Promise<QueuePage> {
  const limit = page.limit ?? QUEUE_PAGE_SIZE;
  const facts = current ?? (await flaggedFacts(db));
  const open = openCasesInOrder(facts);
  const matches = filterPredicate(filter);
  const chosen: FlaggedCaseFact[] = [];
  for (let i = page.after ? firstAfter(open, page.after) : 0; i < open.length && chosen.length <= limit; i += 1) {
    if (matches(open[i]!)) chosen.push(open[i]!);
  }
  const shown = chosen.slice(0, limit);
  const rows = shown.length > 0 ? await queueRows(db, facts, shown.map((item) => item.caseId)) : [];
  const last = shown.at(-1);
  return { rows, next: chosen.length > limit && last ? { decisionDate: last.decisionDate, caseId: last.caseId } : null };
}

export interface FilterOptions {
  regions: { code: string; name: string | null }[];
  courts: { id: number; name: string; regionCode: string | null }[];
  articles: string[];
}

/** What the filter drop-downs offer: only values that occur among flagged cases (their facts in memory, flagged-facts.ts). */
export async function listFilterOptions(db: Db, current?: FlaggedFacts): Promise<FilterOptions> {
  const facts = current ?? (await flaggedFacts(db));
  // The options ignore dismissals: kept across them, recounted only when the flags change.
  return derivedFromFacts(facts.cases, 'filter-options', () => filterOptionsOf(facts.cases));
}

function filterOptionsOf(flagged: FlaggedCaseFact[]): FilterOptions {
  const courtsById = new Map<number, FilterOptions['courts'][number] & { region: string | null }>();
  const articles = new Set<string>();
  for (const item of flagged) {
    if (item.courtId !== null && item.courtName !== null && !courtsById.has(item.courtId)) {
      courtsById.set(item.courtId, { id: item.courtId, name: item.courtName, regionCode: item.regionCode, region: item.regionName });
    }
    for (const article of item.articles) articles.add(article);
  }
  const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const courtRows = [...courtsById.values()].sort((a, b) => byText(a.name, b.name) || a.id - b.id);
  const regions = new Map<string, string | null>();
  for (const court of courtRows) if (court.regionCode) regions.set(court.regionCode, court.region);
  return {
    regions: [...regions].map(([code, name]) => ({ code, name })).sort((a, b) => a.code.localeCompare(b.code)),
    courts: courtRows.map(({ id, name, regionCode }) => ({ id, name, regionCode })),
    articles: [...articles].sort(byText),
  };
}

/** Accounts a case can be assigned to: the active triagers. */
export async function listAssignableUsers(db: Db): Promise<{ id: number; name: string }[]> {
  const rows = await preparedFor(db, 'assignable_users', (on) =>
    on
      .select({ id: users.id, username: users.username, displayName: users.displayName })
      .from(users)
      .where(and(inArray(users.role, ['admin', 'consular']), eq(users.disabled, false)))
      .orderBy(asc(users.username))
      .prepare('kuzet_assignable_users'),
  ).execute();
  return rows.map((row) => ({ id: row.id, name: row.displayName ?? row.username }));
}

// The case page's reads, built once per database (prepared.ts): every case page runs all five.
const caseId = sql.placeholder('caseId');
const caseDetailQueries = (db: Db) => ({
  row: db
    .select({ case: cases, flag: kyrgyzFlags, review: reviews, court: courts })
    .from(cases)
    .leftJoin(kyrgyzFlags, eq(kyrgyzFlags.caseId, cases.id))
    .leftJoin(reviews, eq(reviews.caseId, cases.id))
    .leftJoin(courts, eq(courts.id, cases.courtId))
    .where(eq(cases.id, caseId))
    .prepare('kuzet_case_row'),
  persons: db.select().from(persons).where(eq(persons.caseId, caseId)).orderBy(persons.id).prepare('kuzet_case_persons'),
  charges: db.select().from(charges).where(eq(charges.caseId, caseId)).orderBy(charges.id).prepare('kuzet_case_charges'),
  outcomes: db.select().from(outcomes).where(eq(outcomes.caseId, caseId)).orderBy(outcomes.id).prepare('kuzet_case_outcomes'),
  history: db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, 'case'), eq(auditLog.entityId, sql.placeholder('entityId'))))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .prepare('kuzet_case_history'),
});

/** A case with everything its page shows; all parts are read at once (one round trip's wait, not two). */
export async function getCaseDetail(db: Db, id: number) {
  const queries = preparedFor(db, 'case_detail', caseDetailQueries);
  const [[row], casePersons, caseCharges, caseOutcomes, history] = await Promise.all([
    queries.row.execute({ caseId: id }),
    queries.persons.execute({ caseId: id }),
    queries.charges.execute({ caseId: id }),
    queries.outcomes.execute({ caseId: id }),
    queries.history.execute({ entityId: String(id) }),
  ]);
  if (!row) return null;
  return { ...row, persons: casePersons, charges: caseCharges, outcomes: caseOutcomes, history, userNames: await namesOfAssignees(db, history) };
}

/** Names of the accounts that history entries assign cases to (the entries keep only ids). */
async function namesOfAssignees(db: Db, history: (typeof auditLog.$inferSelect)[]): Promise<Map<number, string>> {
  const ids = [...new Set(history.flatMap((entry) => (typeof entry.details?.assignedTo === 'number' ? [entry.details.assignedTo] : [])))];
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: users.id, username: users.username, displayName: users.displayName }).from(users).where(inArray(users.id, ids));
  return new Map(rows.map((row) => [row.id, row.displayName ?? row.username]));
}

export type CaseDetail = NonNullable<Awaited<ReturnType<typeof getCaseDetail>>>;

export interface ReviewChange {
  status: ReviewStatusName;
  /** undefined: keep the note as it is (the queue's one-key actions carry no note). */
  note?: string | null;
  /** undefined: keep the assignment; null: unassign. */
  assignedTo?: number | null;
}

/**
 * Changes a case's triage state (status, note, assignee); the change, its author and the
 * previous values go to the audit log in the same transaction.
 */
export async function setReview(db: Db, caseId: number, user: Pick<User, 'id' | 'username'>, change: ReviewChange): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(reviews).where(eq(reviews.caseId, caseId)).for('update');
    if (!before) return false;
    const note = change.note === undefined ? before.note : change.note;
    const assignedTo = change.assignedTo === undefined ? before.assignedTo : change.assignedTo;
    await tx
      .update(reviews)
      .set({ status: change.status, note, assignedTo, reviewedBy: user.id, reviewedAt: sql`now()` })
      .where(eq(reviews.caseId, caseId));
    const details: Record<string, unknown> = { from: before.status, to: change.status, note };
    if (assignedTo !== before.assignedTo) Object.assign(details, { assignedFrom: before.assignedTo, assignedTo });
    await tx.insert(auditLog).values({
      userId: user.id,
      actor: user.username,
      action: 'review.set',
      entityType: 'case',
      entityId: String(caseId),
      details,
    });
    return true;
  });
}
