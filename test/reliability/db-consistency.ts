// What "complete and consistent" means after a crash, as queries over the whole database.
// Each function returns the problems it found (empty = consistent), so a failing test says
// exactly which case or review is wrong.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';

async function rows<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows?: T[] } | T[];
  return Array.isArray(result) ? result : (result.rows ?? []);
}

/** No half-written case: a flagged case has its persons, charges and a review; a review has a flag. */
export async function halfWrittenCases(db: Db): Promise<string[]> {
  const broken = await rows<{ id: number; persons: number; charges: number; reviews: number }>(
    db,
    sql`select c.id, (select count(*)::int from persons p where p.case_id = c.id) as persons,
               (select count(*)::int from charges ch where ch.case_id = c.id) as charges,
               (select count(*)::int from reviews r where r.case_id = c.id) as reviews
        from cases c join kyrgyz_flags f on f.case_id = c.id`,
  );
  const problems = broken
    .filter((c) => c.persons === 0 || c.charges === 0 || c.reviews !== 1)
    .map((c) => `case ${c.id}: flagged with ${c.persons} persons, ${c.charges} charges, ${c.reviews} reviews`);
  const orphanReviews = await rows<{ case_id: number }>(db, sql`select r.case_id from reviews r left join kyrgyz_flags f on f.case_id = r.case_id where f.id is null`);
  return [...problems, ...orphanReviews.map((r) => `review of case ${r.case_id} without a flag`)];
}

/** No duplicates: one case per unique key, one document per (url, hash), no person twice in a case. */
export async function duplicates(db: Db): Promise<string[]> {
  const found = await rows<{ what: string; key: string; n: number }>(
    db,
    sql`select 'case' as what, unique_key as key, count(*)::int as n from cases group by unique_key having count(*) > 1
        union all select 'document', url || ' ' || content_hash, count(*)::int from documents group by url, content_hash having count(*) > 1
        union all select 'person', case_id || ' ' || name_as_written || ' ' || role, count(*)::int from persons group by case_id, name_as_written, role having count(*) > 1
        union all select 'charge', case_id || ' ' || coalesce(person_id::text, '-') || ' ' || code || ' ' || article || ' ' || coalesce(part, ''), count(*)::int
          from charges group by case_id, person_id, code, article, part having count(*) > 1
        union all select 'flag', case_id::text, count(*)::int from kyrgyz_flags group by case_id having count(*) > 1`,
  );
  return found.map((d) => `${d.what} ${d.key} stored ${d.n} times`);
}

/** Review rows match the audit log: each changed review's state is its latest audit entry's. */
export async function reviewsOutOfStepWithAudit(db: Db): Promise<string[]> {
  const mismatched = await rows<{ case_id: number; status: string; latest: string | null }>(
    db,
    sql`select r.case_id, r.status::text as status,
               (select a.details->>'to' from audit_log a where a.entity_type = 'case' and a.entity_id = r.case_id::text
                  and a.action = 'review.set' order by a.id desc limit 1) as latest
        from reviews r where r.reviewed_at is not null or r.status <> 'new'`,
  );
  return mismatched.filter((r) => r.latest !== r.status).map((r) => `case ${r.case_id}: review says ${r.status}, audit log says ${r.latest ?? 'nothing'}`);
}

/** Requests a killed crawler left claimed, after a later run finished. */
export async function strandedRequests(db: Db): Promise<string[]> {
  const stuck = await rows<{ url: string; state: string }>(db, sql`select url, state::text as state from crawl_requests where state in ('in_progress', 'queued')`);
  return stuck.map((r) => `${r.state}: ${r.url}`);
}

export async function consistencyProblems(db: Db): Promise<string[]> {
  return [...(await halfWrittenCases(db)), ...(await duplicates(db)), ...(await reviewsOutOfStepWithAudit(db))];
}

/**
 * What the pipeline derived, as sets of lines keyed by the case's unique key (not by serial
 * ids, which differ between two databases): equal snapshots = the same analysis.
 */
export interface AnalysisSnapshot {
  cases: Set<string>;
  persons: Set<string>;
  charges: Set<string>;
  outcomes: Set<string>;
  flags: Set<string>;
  reviews: Set<string>;
}

export async function analysisSnapshot(db: Db): Promise<AnalysisSnapshot> {
  const lines = async (query: ReturnType<typeof sql>) => new Set((await rows<{ line: string }>(db, query)).map((r) => r.line));
  return {
    cases: await lines(sql`select concat_ws('|', unique_key, case_number, case_uid, case_type, received_date, decision_date,
        appeal_deadline, judge, result_text, source_url, md5(coalesce(act_text, ''))) as line from cases`),
    persons: await lines(sql`select concat_ws('|', c.unique_key, p.name_as_written, p.normalized_name, p.role, p.citizenship,
        p.gender, p.birth_date, p.birth_place, p.depersonalized) as line from persons p join cases c on c.id = p.case_id`),
    charges: await lines(sql`select concat_ws('|', c.unique_key, ch.code, ch.article, ch.part, ch.item) as line
        from charges ch join cases c on c.id = ch.case_id`),
    outcomes: await lines(sql`select concat_ws('|', c.unique_key, o.kind, o.amount_rub, o.days, o.months, o.text) as line
        from outcomes o join cases c on c.id = o.case_id`),
    flags: await lines(sql`select concat_ws('|', c.unique_key, f.strength, f.confidence, f.evidence::text) as line
        from kyrgyz_flags f join cases c on c.id = f.case_id`),
    reviews: await lines(sql`select concat_ws('|', c.unique_key, r.status) as line from reviews r join cases c on c.id = r.case_id`),
  };
}

/**
 * Rows of `expected` missing from `actual`, and rows of `actual` not in `expected`, named by
 * table and case key only: the lines hold names and birth dates, which stay out of test output.
 */
export function snapshotDifferences(expected: AnalysisSnapshot, actual: AnalysisSnapshot): { missing: string[]; extra: string[] } {
  const missing: string[] = [];
  const extra: string[] = [];
  const name = (table: string, line: string) => `${table} row of ${line.split('|')[0]}`;
  for (const table of Object.keys(expected) as (keyof AnalysisSnapshot)[]) {
    for (const line of expected[table]) if (!actual[table].has(line)) missing.push(name(table, line));
    for (const line of actual[table]) if (!expected[table].has(line)) extra.push(name(table, line));
  }
  return { missing, extra };
}

/**
 * Cases stored only in part, against the analysis they should end up with: a case whose row
 * exists but lacks some of its persons, charges, outcomes, flag or review. Holds at every
 * moment if the pipeline writes a case in one transaction, so it is checked right after a kill.
 */
export function partlyStoredCases(expected: AnalysisSnapshot, actual: AnalysisSnapshot): string[] {
  const present = new Set([...actual.cases].map((line) => line.split('|')[0]!));
  const partly = new Set<string>();
  for (const table of Object.keys(expected) as (keyof AnalysisSnapshot)[]) {
    for (const line of expected[table]) {
      const key = line.split('|')[0]!;
      if (present.has(key) && !actual[table].has(line)) partly.add(`${key} lacks a ${table} row`);
    }
  }
  return [...partly];
}
