// Queries of the consular triage queue and the case page.
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { auditLog, cases, charges, kyrgyzFlags, outcomes, persons, reviews } from '../schema.ts';
import type { User } from './users.ts';

export type ReviewStatusName = (typeof reviews.$inferSelect)['status'];
export const reviewStatuses: ReviewStatusName[] = ['new', 'confirmed', 'dismissed', 'needs_follow_up'];

export interface QueueRow {
  caseId: number;
  caseNumber: string | null;
  courtName: string | null;
  decisionDate: string | null;
  appealDeadline: string | null;
  strength: 'yes' | 'possible';
  confidence: number;
  status: ReviewStatusName;
  defendants: string | null;
  articles: string | null;
  outcomes: string | null;
}

export async function listQueue(db: Db, statuses: ReviewStatusName[], limit = 200): Promise<QueueRow[]> {
  return db
    .select({
      caseId: cases.id,
      caseNumber: cases.caseNumber,
      courtName: cases.courtName,
      decisionDate: cases.decisionDate,
      appealDeadline: cases.appealDeadline,
      strength: kyrgyzFlags.strength,
      confidence: kyrgyzFlags.confidence,
      status: reviews.status,
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
    .where(inArray(reviews.status, statuses))
    .orderBy(desc(cases.decisionDate), desc(cases.id))
    .limit(limit);
}

export async function getCaseDetail(db: Db, caseId: number) {
  const [row] = await db
    .select({ case: cases, flag: kyrgyzFlags, review: reviews })
    .from(cases)
    .leftJoin(kyrgyzFlags, eq(kyrgyzFlags.caseId, cases.id))
    .leftJoin(reviews, eq(reviews.caseId, cases.id))
    .where(eq(cases.id, caseId));
  if (!row) return null;
  const [casePersons, caseCharges, caseOutcomes, history] = await Promise.all([
    db.select().from(persons).where(eq(persons.caseId, caseId)).orderBy(persons.id),
    db.select().from(charges).where(eq(charges.caseId, caseId)).orderBy(charges.id),
    db.select().from(outcomes).where(eq(outcomes.caseId, caseId)).orderBy(outcomes.id),
    db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'case'), eq(auditLog.entityId, String(caseId))))
      .orderBy(desc(auditLog.at), desc(auditLog.id)),
  ]);
  return { ...row, persons: casePersons, charges: caseCharges, outcomes: caseOutcomes, history };
}

export type CaseDetail = NonNullable<Awaited<ReturnType<typeof getCaseDetail>>>;

/** Changes a case's triage state; the change and its author go to the audit log in the same transaction. */
export async function setReview(
  db: Db,
  caseId: number,
  user: Pick<User, 'id' | 'username'>,
  change: { status: ReviewStatusName; note: string | null },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(reviews).where(eq(reviews.caseId, caseId)).for('update');
    if (!before) return false;
    await tx
      .update(reviews)
      .set({ status: change.status, note: change.note, reviewedBy: user.id, reviewedAt: sql`now()` })
      .where(eq(reviews.caseId, caseId));
    await tx.insert(auditLog).values({
      userId: user.id,
      actor: user.username,
      action: 'review.set',
      entityType: 'case',
      entityId: String(caseId),
      details: { from: before.status, to: change.status, note: change.note },
    });
    return true;
  });
}
