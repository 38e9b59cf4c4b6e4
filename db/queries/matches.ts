// Candidate links between persons on flagged cases and the consulate's detainee records,
// and the officers' decisions on them. A candidate is proposed by the scorer; only a person
// (admin or consular) confirms or rejects it, and a decision is never overwritten by a refresh.
import { and, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { cases, courts, detainees, kyrgyzFlags, matchDecisions, matches, nameKeys, persons } from '../schema.ts';
import { parseName } from '../../matching/name-parts.ts';
import { KEY_PREFIX_LENGTH } from '../../matching/name-keys.ts';
import { CANDIDATE_THRESHOLD, prepareRecord, scoreCandidate, type PreparedRecord } from '../../matching/score-candidate.ts';
import { assertMayAccessDetainees, auditUser, type Actor } from './detainees.ts';
import { indexNewPersonNames } from './person-search.ts';
import { writeAudit } from './users.ts';

export type MatchDecision = 'confirmed' | 'rejected';

export interface RefreshSummary {
  personsIndexed: number;
  pairsScored: number;
  candidates: number;
  newCandidates: number;
  removedCandidates: number;
}

/**
 * Scores every (flagged-case person, detainee record) pair that the name index proposes and
 * keeps the candidates: new ones are added, scores of undecided ones refreshed, undecided
 * ones that no longer score are removed; confirmed and rejected ones are left as they are.
 */
export async function refreshMatches(db: Db): Promise<RefreshSummary> {
  const personsIndexed = await indexNewPersonNames(db);
  const pairs = await proposedPairs(db);
  const detaineeIds = [...new Set(pairs.map((pair) => pair.detaineeId))];
  const personIds = [...new Set(pairs.map((pair) => pair.personId))];
  const records = new Map<number, PreparedRecord>();
  for (let start = 0; start < detaineeIds.length; start += 1000) {
    for (const detainee of await db.select().from(detainees).where(inArray(detainees.id, detaineeIds.slice(start, start + 1000)))) {
      records.set(
        detainee.id,
        prepareRecord({
          names: [detainee.latinName, detainee.cyrillicName].filter((name): name is string => !!name),
          birthDate: detainee.birthDate,
          detainedOn: detainee.detainedOn,
          places: [detainee.detentionPlace, detainee.detentionCentre],
        }),
      );
    }
  }
  const mentions = await courtMentions(db, personIds);

  const scored: { personId: number; detaineeId: number; score: number; reasons: string[]; decisionKey: string }[] = [];
  for (const pair of pairs) {
    const record = records.get(pair.detaineeId);
    const mention = mentions.get(pair.personId);
    if (!record || !mention) continue;
    const { score, reasons } = scoreCandidate(record, mention);
    if (score >= CANDIDATE_THRESHOLD) scored.push({ ...pair, score, reasons, decisionKey: `${mention.caseId}:${pair.detaineeId}:${mention.nameKey}` });
  }
  const decisions = await earlierDecisions(db, [...new Set(scored.map((candidate) => candidate.detaineeId))]);

  return db.transaction(async (tx) => {
    const existing = await tx.select({ id: matches.id, personId: matches.personId, detaineeId: matches.detaineeId, status: matches.status }).from(matches);
    const key = (pair: { personId: number; detaineeId: number }) => `${pair.personId}:${pair.detaineeId}`;
    const known = new Map(existing.map((row) => [key(row), row]));
    const kept = new Set(scored.map(key));
    let newCandidates = 0;
    for (const { decisionKey, ...candidate } of scored) {
      const current = known.get(key(candidate));
      if (current && current.status !== 'candidate') continue;
      if (current) await tx.update(matches).set({ score: candidate.score, reasons: candidate.reasons }).where(eq(matches.id, current.id));
      else {
        // A person written anew by a re-analysis gets back the decision made on it before.
        const decided = decisions.get(decisionKey);
        await tx.insert(matches).values({ ...candidate, status: decided?.status ?? 'candidate', reviewedBy: decided?.reviewedBy, reviewedAt: decided?.reviewedAt });
        if (!decided) newCandidates += 1;
      }
    }
    const stale = existing.filter((row) => row.status === 'candidate' && !kept.has(key(row))).map((row) => row.id);
    if (stale.length > 0) await tx.delete(matches).where(inArray(matches.id, stale));
    return { personsIndexed, pairsScored: pairs.length, candidates: scored.length, newCandidates, removedCandidates: stale.length };
  });
}

/**
 * (person, detainee) pairs whose name keys meet, exactly or by their prefix (see
 * matching/name-keys.ts), for persons on flagged cases only. A btree range per detainee key.
 */
async function proposedPairs(db: Db): Promise<{ personId: number; detaineeId: number }[]> {
  const rows = await db.execute<{ person_id: number; detainee_id: number }>(sql`
    select distinct p.person_id, d.detainee_id
    from ${nameKeys} d
    join ${nameKeys} p
      on p.key >= left(d.key, ${KEY_PREFIX_LENGTH}) and p.key <= left(d.key, ${KEY_PREFIX_LENGTH}) || ${'z'.repeat(24)}
    join ${persons} on ${persons.id} = p.person_id
    join ${kyrgyzFlags} on ${kyrgyzFlags.caseId} = ${persons.caseId}
    where d.detainee_id is not null and p.person_id is not null`);
  const list = Array.isArray(rows) ? rows : (rows as unknown as { rows: { person_id: number; detainee_id: number }[] }).rows;
  return list.map((row) => ({ personId: Number(row.person_id), detaineeId: Number(row.detainee_id) }));
}

/** The key of a decision: a person is the same across re-analyses if its case and written name are. */
const personNameKey = (nameAsWritten: string) => parseName(nameAsWritten).words.map((word) => word.canonical).join(' ');

async function earlierDecisions(db: Db, detaineeIds: number[]) {
  const decisions = new Map<string, typeof matchDecisions.$inferSelect>();
  for (let start = 0; start < detaineeIds.length; start += 1000) {
    const rows = await db.select().from(matchDecisions).where(inArray(matchDecisions.detaineeId, detaineeIds.slice(start, start + 1000)));
    for (const row of rows) decisions.set(`${row.caseId}:${row.detaineeId}:${row.personNameKey}`, row);
  }
  return decisions;
}

type CourtMention = Parameters<typeof scoreCandidate>[1] & { caseId: number; nameKey: string };

async function courtMentions(db: Db, personIds: number[]) {
  const mentions = new Map<number, CourtMention>();
  for (let start = 0; start < personIds.length; start += 1000) {
    const rows = await db
      .select({ person: persons, courtName: cases.courtName, region: courts.region, received: cases.receivedDate, decided: cases.decisionDate })
      .from(persons)
      .innerJoin(cases, eq(cases.id, persons.caseId))
      .leftJoin(courts, eq(courts.id, cases.courtId))
      .where(inArray(persons.id, personIds.slice(start, start + 1000)));
    for (const { person, courtName, region, received, decided } of rows) {
      mentions.set(person.id, {
        names: [person.nameAsWritten, person.normalizedName].filter((name): name is string => !!name),
        birthDate: person.birthDate,
        gender: person.gender === 'm' || person.gender === 'f' ? person.gender : null,
        courtPlaces: [courtName, region],
        caseDates: [received, decided],
        caseId: person.caseId,
        nameKey: personNameKey(person.nameAsWritten),
      });
    }
  }
  return mentions;
}

/** An officer's decision on a candidate (or a changed mind on an earlier decision), audited. */
export async function reviewMatch(db: Db, matchId: number, actor: Actor, decision: MatchDecision): Promise<void> {
  assertMayAccessDetainees(actor);
  await db.transaction(async (tx) => {
    const [match] = await tx.select().from(matches).where(eq(matches.id, matchId)).for('update');
    if (!match) throw new Error(`no match ${matchId}`);
    await tx
      .update(matches)
      .set({ status: decision, reviewedBy: actor.id, reviewedAt: sql`now()` })
      .where(eq(matches.id, matchId));
    const [person] = await tx.select({ caseId: persons.caseId, nameAsWritten: persons.nameAsWritten }).from(persons).where(eq(persons.id, match.personId));
    const decided = { status: decision, reviewedBy: actor.id, reviewedAt: sql`now()` };
    await tx
      .insert(matchDecisions)
      .values({ caseId: person!.caseId, detaineeId: match.detaineeId, personNameKey: personNameKey(person!.nameAsWritten), ...decided })
      .onConflictDoUpdate({ target: [matchDecisions.caseId, matchDecisions.detaineeId, matchDecisions.personNameKey], set: decided });
    await writeAudit(tx, {
      user: auditUser(actor),
      action: `match.${decision}`,
      entityType: 'match',
      entityId: matchId,
      details: { personId: match.personId, caseId: person!.caseId, detaineeId: match.detaineeId, previous: match.status, score: match.score },
    });
  });
}

export interface MatchView {
  id: number;
  status: 'candidate' | 'confirmed' | 'rejected';
  score: number;
  reasons: string[];
  personId: number;
  personName: string;
  caseId: number;
  caseNumber: string | null;
  courtName: string | null;
  decisionDate: string | null;
  detaineeId: number;
  detaineeLatinName: string | null;
  detaineeCyrillicName: string | null;
}

/** Matches for the consular pages, best first; filter by status or by one detainee. */
export async function listMatches(
  db: Db,
  actor: Actor,
  filter: { status?: MatchView['status']; detaineeId?: number; limit?: number } = {},
): Promise<MatchView[]> {
  assertMayAccessDetainees(actor);
  return db
    .select({
      id: matches.id, status: matches.status, score: matches.score, reasons: matches.reasons,
      personId: persons.id, personName: persons.nameAsWritten, caseId: cases.id, caseNumber: cases.caseNumber,
      courtName: cases.courtName, decisionDate: cases.decisionDate, detaineeId: detainees.id,
      detaineeLatinName: detainees.latinName, detaineeCyrillicName: detainees.cyrillicName,
    })
    .from(matches)
    .innerJoin(persons, eq(persons.id, matches.personId))
    .innerJoin(cases, eq(cases.id, persons.caseId))
    .innerJoin(detainees, eq(detainees.id, matches.detaineeId))
    .where(
      and(
        filter.status ? eq(matches.status, filter.status) : isNotNull(matches.id),
        filter.detaineeId === undefined ? undefined : eq(matches.detaineeId, filter.detaineeId),
      ),
    )
    .orderBy(desc(matches.score), matches.id)
    .limit(filter.limit ?? 200);
}
