// Writes of the pipeline. Storing the analysis of a document replaces everything derived
// from that case before, in one transaction: re-running the pipeline on the same documents
// changes nothing, and a changed document replaces its old results.
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import type { CaseCard } from '../case-card.ts';
import type { CaseAnalysis } from '../../pipeline/types.ts';
import { PIPELINE_VERSION } from '../../pipeline/version.ts';
import { cases, charges, documents, kyrgyzFlags, outcomes, persons, reviews } from '../schema.ts';

export interface AnalyzedDocument {
  documentId: number;
  contentHash: string;
  sourceUrl: string;
  courtId: number | null;
  courtCode: string | null;
  courtName: string | null;
}

export function caseUniqueKey(doc: AnalyzedDocument, card: CaseCard): string {
  if (card.caseUid) return `uid:${card.caseUid}`;
  if (card.caseNumber) return `${doc.courtCode ?? 'court?'}:${card.caseNumber}`;
  return `url:${doc.sourceUrl}`;
}

/** Stores one case; returns its id. */
export async function storeCaseAnalysis(
  db: Db,
  doc: AnalyzedDocument,
  card: CaseCard,
  analysis: CaseAnalysis,
): Promise<number> {
  return db.transaction(async (tx) => {
    const values = {
      uniqueKey: caseUniqueKey(doc, card),
      courtId: doc.courtId,
      courtName: card.courtName ?? doc.courtName,
      caseNumber: card.caseNumber,
      caseUid: card.caseUid,
      caseType: card.caseType,
      receivedDate: card.receivedDate,
      decisionDate: card.decisionDate ?? analysis.decisionDate ?? null,
      appealDeadline: analysis.appealDeadline ?? null,
      judge: card.judge,
      resultText: card.result,
      sourceUrl: doc.sourceUrl,
      documentId: doc.documentId,
      actText: analysis.text ?? card.actText,
    };
    const [stored] = await tx
      .insert(cases)
      .values(values)
      .onConflictDoUpdate({ target: cases.uniqueKey, set: { ...values, updatedAt: sql`now()` } })
      .returning({ id: cases.id });
    if (!stored) throw new Error(`could not store case ${values.uniqueKey}`);
    const caseId = stored.id;

    await tx.delete(charges).where(eq(charges.caseId, caseId));
    await tx.delete(outcomes).where(eq(outcomes.caseId, caseId));
    await tx.delete(persons).where(eq(persons.caseId, caseId));
    await tx.delete(kyrgyzFlags).where(eq(kyrgyzFlags.caseId, caseId));

    const personIds = analysis.persons.length === 0 ? [] : await tx
      .insert(persons)
      .values(
        analysis.persons.map((person) => ({
          caseId,
          nameAsWritten: person.name,
          normalizedName: person.normalized,
          role: person.role,
          citizenship: person.citizenship,
          gender: person.gender,
          birthDate: person.birthDate,
          birthPlace: person.birthPlace ?? null,
          depersonalized: person.depersonalized ?? false,
        })),
      )
      .returning({ id: persons.id, nameAsWritten: persons.nameAsWritten, role: persons.role });
    if (analysis.charges.length > 0) {
      await tx.insert(charges).values(analysis.charges.map((charge) => ({ caseId, ...charge })));
    }
    if (analysis.outcomes.length > 0) {
      const personIdOf = outcomePersonIds(personIds);
      await tx.insert(outcomes).values(
        analysis.outcomes.map((outcome) => ({
          caseId,
          personId: personIdOf(outcome.person),
          kind: outcome.kind,
          amountRub: outcome.amountRub ?? null,
          days: outcome.days ?? null,
          months: outcome.months ?? null,
          regime: outcome.regime ?? null,
        })),
      );
    }
    if (analysis.kyrgyz.flag !== 'no') {
      await tx.insert(kyrgyzFlags).values({
        caseId,
        strength: analysis.kyrgyz.flag,
        confidence: analysis.kyrgyz.confidence,
        evidence: analysis.kyrgyz.evidence,
      });
      // A flagged case enters the triage queue once; an existing review is never reset.
      await tx.insert(reviews).values({ caseId, status: 'new' }).onConflictDoNothing({ target: reviews.caseId });
    }
    await markDocumentAnalyzed(tx, doc.documentId, doc.contentHash, null);
    return caseId;
  });
}

const isAccused = (role: string) => role === 'defendant' || role === 'person_charged';

/**
 * The stored person an outcome belongs to: the person charged it names, else the only person
 * charged (an act with one person charged decides about them), else unknown.
 */
function outcomePersonIds(stored: { id: number; nameAsWritten: string; role: string }[]): (name: string | undefined) => number | null {
  const accused = stored.filter((p) => isAccused(p.role));
  return (name) => {
    if (name !== undefined) return (accused.find((p) => p.nameAsWritten === name) ?? stored.find((p) => p.nameAsWritten === name))?.id ?? null;
    return accused.length === 1 ? accused[0]!.id : null;
  };
}

export async function markDocumentAnalyzed(db: Db, documentId: number, hash: string, failure: string | null) {
  await db
    .update(documents)
    .set({ analyzedHash: hash, analyzedVersion: PIPELINE_VERSION, analyzedAt: sql`now()`, ...(failure ? { failureReason: failure } : {}) })
    .where(eq(documents.id, documentId));
}
