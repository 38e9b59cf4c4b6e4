// NGO follow-up: cases and persons a user follows, and what changed on them since the user
// last opened the "followed" page. A person is followed by name, so a new case of the same
// person shows up without anyone following that case.
import { and, desc, eq, inArray, isNotNull, or, sql } from 'drizzle-orm';
import { union } from 'drizzle-orm/pg-core';
import type { Db } from '../client.ts';
import { auditLog, cases, follows, pageVisits, persons, reviews } from '../schema.ts';
import type { ReviewStatusName } from './triage.ts';

/** The name a person is followed by: the normalized form when the pipeline produced one. */
export const followNameOf = (person: { normalizedName: string | null; nameAsWritten: string }) =>
  person.normalizedName ?? person.nameAsWritten;

const personFollowName = sql`coalesce(${persons.normalizedName}, ${persons.nameAsWritten})`;

export async function followCase(db: Db, userId: number, caseId: number): Promise<void> {
  await db.insert(follows).values({ userId, caseId }).onConflictDoNothing();
}

export async function followPerson(db: Db, userId: number, personName: string): Promise<void> {
  await db.insert(follows).values({ userId, personName }).onConflictDoNothing();
}

export async function unfollowCase(db: Db, userId: number, caseId: number): Promise<void> {
  await db.delete(follows).where(and(eq(follows.userId, userId), eq(follows.caseId, caseId)));
}

export async function unfollowPerson(db: Db, userId: number, personName: string): Promise<void> {
  await db.delete(follows).where(and(eq(follows.userId, userId), eq(follows.personName, personName)));
}

export async function followsOnCase(db: Db, userId: number, caseId: number): Promise<{ case: boolean; personNames: Set<string> }> {
  const rows = await db
    .select({ caseId: follows.caseId, personName: follows.personName })
    .from(follows)
    .where(
      and(
        eq(follows.userId, userId),
        or(
          eq(follows.caseId, caseId),
          inArray(follows.personName, db.select({ name: personFollowName }).from(persons).where(eq(persons.caseId, caseId))),
        ),
      ),
    );
  return { case: rows.some((row) => row.caseId === caseId), personNames: new Set(rows.flatMap((row) => row.personName ?? [])) };
}

export async function listFollowedPersons(db: Db, userId: number): Promise<string[]> {
  const rows = await db
    .select({ name: follows.personName })
    .from(follows)
    .where(and(eq(follows.userId, userId), sql`${follows.personName} is not null`))
    .orderBy(follows.personName);
  return rows.flatMap((row) => row.name ?? []);
}

export interface FollowedCase {
  caseId: number;
  caseNumber: string | null;
  defendants: string | null;
  courtName: string | null;
  decisionDate: string | null;
  appealDeadline: string | null;
  status: ReviewStatusName | null;
  followedDirectly: boolean;
  /** The followed person that brings this case in, when it is not followed itself. */
  viaPerson: string | null;
  caseUpdated: boolean;
  newHistoryEntries: number;
  reviewChanged: boolean;
}

/**
 * Followed cases with what changed after `since` (null: the first visit, all is new). The
 * user's own actions are not news to them and are not counted.
 */
export async function listFollowedCases(db: Db, userId: number, since: Date | null): Promise<FollowedCase[]> {
  const afterSql = sql`${(since ?? new Date(0)).toISOString()}::timestamptz`;
  const directly = sql<boolean>`exists (select 1 from ${follows} where ${follows.userId} = ${userId} and ${follows.caseId} = ${cases.id})`;
  const viaPerson = sql<string | null>`(select min(${follows.personName}) from ${follows} join ${persons}
      on ${follows.personName} = ${personFollowName} and ${persons.caseId} = ${cases.id} where ${follows.userId} = ${userId})`;
  const rows = await db
    .select({
      caseId: cases.id,
      caseNumber: cases.caseNumber,
      defendants: sql<string | null>`(select string_agg(${persons.nameAsWritten}, '; ' order by ${persons.id}) from ${persons}
        where ${persons.caseId} = ${cases.id} and ${persons.role} in ('defendant', 'person_charged'))`,
      courtName: cases.courtName,
      decisionDate: cases.decisionDate,
      appealDeadline: cases.appealDeadline,
      status: reviews.status,
      followedDirectly: directly,
      viaPerson,
      caseUpdated: sql<boolean>`${cases.updatedAt} > ${afterSql}`,
      newHistoryEntries: sql<number>`(select count(*) from ${auditLog} where ${auditLog.entityType} = 'case'
        and ${auditLog.entityId} = ${cases.id}::text and ${auditLog.at} > ${afterSql}
        and ${auditLog.userId} is distinct from ${userId})`,
      reviewChanged: sql<boolean>`coalesce(${reviews.reviewedAt} > ${afterSql} and ${reviews.reviewedBy} is distinct from ${userId}, false)`,
    })
    .from(cases)
    .leftJoin(reviews, eq(reviews.caseId, cases.id))
    .where(inArray(cases.id, followedCaseIds(db, userId)))
    .orderBy(sql`${cases.decisionDate} desc nulls last`, desc(cases.id));
  return rows.map((row) => ({
    ...row,
    followedDirectly: Boolean(row.followedDirectly),
    caseUpdated: Boolean(row.caseUpdated),
    reviewChanged: Boolean(row.reviewChanged),
    newHistoryEntries: Number(row.newHistoryEntries),
  }));
}

/**
 * The ids of the cases a user follows, directly or through a followed person: index look-ups
 * (follows by user, persons by the name they are followed by), never a pass over every case.
 */
function followedCaseIds(db: Db, userId: number) {
  const direct = db
    .select({ caseId: sql<number>`${follows.caseId}`.as('case_id') })
    .from(follows)
    .where(and(eq(follows.userId, userId), isNotNull(follows.caseId)));
  const viaPersons = db
    .select({ caseId: persons.caseId })
    .from(follows)
    .innerJoin(persons, eq(personFollowName, follows.personName))
    .where(eq(follows.userId, userId));
  return union(direct, viaPersons);
}

/** Records a visit of `page` and returns the previous one (null on the first visit). */
export async function recordPageVisit(db: Db, userId: number, page: string): Promise<Date | null> {
  return db.transaction(async (tx) => {
    const [previous] = await tx
      .select({ at: pageVisits.visitedAt })
      .from(pageVisits)
      .where(and(eq(pageVisits.userId, userId), eq(pageVisits.page, page)))
      .for('update');
    await tx
      .insert(pageVisits)
      .values({ userId, page })
      .onConflictDoUpdate({ target: [pageVisits.userId, pageVisits.page], set: { visitedAt: sql`now()` } });
    return previous?.at ?? null;
  });
}
