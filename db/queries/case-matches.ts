// Candidate detainee matches of one case's persons, for the case page. Detainee records are
// consular data: like every reader in detainees.ts, this refuses roles that may not see them.
import { desc, eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { detainees, matches, persons } from '../schema.ts';
import { assertMayAccessDetainees, type Actor } from './detainees.ts';

export interface CaseMatch {
  id: number;
  status: 'candidate' | 'confirmed' | 'rejected';
  score: number;
  reasons: string[];
  personName: string;
  detaineeId: number;
  detaineeLatinName: string | null;
  detaineeCyrillicName: string | null;
  detaineeBirthDate: string | null;
  detentionCentre: string | null;
}

export async function listCaseMatches(db: Db, actor: Actor, caseId: number): Promise<CaseMatch[]> {
  assertMayAccessDetainees(actor);
  return db
    .select({
      id: matches.id,
      status: matches.status,
      score: matches.score,
      reasons: matches.reasons,
      personName: persons.nameAsWritten,
      detaineeId: detainees.id,
      detaineeLatinName: detainees.latinName,
      detaineeCyrillicName: detainees.cyrillicName,
      detaineeBirthDate: detainees.birthDate,
      detentionCentre: detainees.detentionCentre,
    })
    .from(matches)
    .innerJoin(persons, eq(persons.id, matches.personId))
    .innerJoin(detainees, eq(detainees.id, matches.detaineeId))
    .where(eq(persons.caseId, caseId))
    .orderBy(desc(matches.score), matches.id);
}

/** The case a match belongs to, to come back to its page after a decision. */
export async function caseOfMatch(db: Db, matchId: number): Promise<number | null> {
  const [row] = await db
    .select({ caseId: persons.caseId })
    .from(matches)
    .innerJoin(persons, eq(persons.id, matches.personId))
    .where(eq(matches.id, matchId));
  return row?.caseId ?? null;
}
