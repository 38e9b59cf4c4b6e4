// Finding a person (a missing relative, a name a family gives on the phone) among every
// court person and detainee record: the name's search keys are looked up in name_keys
// (a btree: exact keys, then short prefix ranges when those find nobody likely, for a typo
// late in a word), and only the few hundred rows found are scored
// (matching/score-candidate.ts). Also keeps name_keys in step with persons.
import { and, asc, eq, gt, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { cases, detainees, nameKeys, persons } from '../schema.ts';
import { keyPrefix, nameKeys as keysOfName, personKeys, singleWordKeys } from '../../matching/name-keys.ts';
import { CANDIDATE_THRESHOLD, prepareRecord, scoreCandidate, type PreparedRecord } from '../../matching/score-candidate.ts';
import { DETAINEE_ROLES, auditUser, type Actor } from './detainees.ts';
import { writeAudit } from './users.ts';

/** Roles that may search court persons; detainee records only come back for DETAINEE_ROLES. */
export const PERSON_SEARCH_ROLES: readonly Actor['role'][] = ['admin', 'consular', 'ngo'];

export class PersonSearchDenied extends Error {
  constructor(role: string) {
    super(`the ${role} role may not search persons`);
    this.name = 'PersonSearchDenied';
  }
}

export interface PersonQuery {
  /** A name in Cyrillic or Latin, in any order, full or with initials. */
  name: string;
  birthDate?: string | null; // YYYY-MM-DD
}

export interface PersonHit {
  kind: 'person' | 'detainee';
  /** persons.id or detainees.id. */
  id: number;
  score: number;
  reasons: string[];
  name: string;
  birthDate: string | null;
  caseId: number | null;
  caseNumber: string | null;
  courtName: string | null;
  decisionDate: string | null;
}

/** Hits scoring below this are not shown; a search casts a wider net than stored match candidates. */
export const SEARCH_MIN_SCORE = 0.5;
/** At most this many index rows are scored for one query (those sharing most keys first). */
const MAX_SCORED = 200;
/** Upper bound of a prefix range: keys are lower-case a–z only. */
const RANGE_END = 'z'.repeat(24);

export async function searchPersons(db: Db, query: PersonQuery, actor: Actor, limit = 50): Promise<PersonHit[]> {
  if (!PERSON_SEARCH_ROLES.includes(actor.role)) throw new PersonSearchDenied(actor.role);
  const withDetainees = DETAINEE_ROLES.includes(actor.role);
  const keys = keysOfName(query.name);
  const exact = keys.length > 0 ? keys : singleWordKeys(query.name);
  const prepared = prepareRecord({ names: [query.name], birthDate: query.birthDate ?? null });
  let hits: PersonHit[] = [];
  if (keys.length === 0 && exact.length > 0) {
    hits = await scoreRows(db, prepared, await singleWordRows(db, exact, withDetainees));
  } else if (exact.length > 0) {
    hits = await scoreRows(db, prepared, await candidateRows(db, exact, [], withDetainees));
    // Only when the exact keys find nobody likely: short prefix ranges, for a typo late in a word.
    if (keys.length > 0 && !hits.some((hit) => hit.score >= CANDIDATE_THRESHOLD)) {
      const prefixes = [...new Set(keys.map(keyPrefix))];
      const seen = new Set(hits.map((hit) => `${hit.kind}:${hit.id}`));
      const wider = await scoreRows(db, prepared, await candidateRows(db, exact, prefixes, withDetainees));
      hits.push(...wider.filter((hit) => !seen.has(`${hit.kind}:${hit.id}`)));
    }
  }
  hits.sort((a, b) => b.score - a.score || a.kind.localeCompare(b.kind) || a.id - b.id);
  // The search itself is audited (who looked for someone, how many hits), the name is not.
  await writeAudit(db, {
    user: auditUser(actor),
    action: 'person.search',
    details: { hits: hits.length, withBirthDate: Boolean(query.birthDate), withDetainees },
  });
  return hits.slice(0, limit);
}

type CandidateRow = { personId: number | null; detaineeId: number | null };

/**
 * A one-word query («Жумабеков») names thousands of persons in a large database, all equally
 * well: the first MAX_SCORED index rows are taken as they come, with no ranking to pay for.
 */
async function singleWordRows(db: Db, keys: string[], withDetainees: boolean): Promise<CandidateRow[]> {
  const rows = await db
    .select({ personId: nameKeys.personId, detaineeId: nameKeys.detaineeId })
    .from(nameKeys)
    .where(and(inArray(nameKeys.key, keys), withDetainees ? undefined : isNull(nameKeys.detaineeId)))
    .limit(MAX_SCORED * 2);
  const unique = new Map(rows.map((row) => [`${row.personId}:${row.detaineeId}`, row]));
  return [...unique.values()].slice(0, MAX_SCORED);
}

async function scoreRows(db: Db, prepared: PreparedRecord, found: CandidateRow[]): Promise<PersonHit[]> {
  const hits: PersonHit[] = [];
  const personIds = found.flatMap((row) => (row.personId === null ? [] : [row.personId]));
  const detaineeIds = found.flatMap((row) => (row.detaineeId === null ? [] : [row.detaineeId]));
  if (personIds.length > 0) {
    const rows = await db
      .select({ person: persons, caseNumber: cases.caseNumber, courtName: cases.courtName, decisionDate: cases.decisionDate })
      .from(persons)
      .innerJoin(cases, eq(cases.id, persons.caseId))
      .where(inArray(persons.id, personIds));
    for (const { person, caseNumber, courtName, decisionDate } of rows) {
      const names = [person.nameAsWritten, person.normalizedName].filter((name): name is string => !!name);
      const gender = person.gender === 'm' || person.gender === 'f' ? person.gender : null;
      const { score, reasons } = scoreCandidate(prepared, { names, birthDate: person.birthDate, gender });
      if (score < SEARCH_MIN_SCORE) continue;
      hits.push({
        kind: 'person', id: person.id, score, reasons, name: person.nameAsWritten, birthDate: person.birthDate,
        caseId: person.caseId, caseNumber, courtName, decisionDate,
      });
    }
  }
  if (detaineeIds.length > 0) {
    for (const detainee of await db.select().from(detainees).where(inArray(detainees.id, detaineeIds))) {
      const names = [detainee.latinName, detainee.cyrillicName].filter((name): name is string => !!name);
      const { score, reasons } = scoreCandidate(prepared, { names, birthDate: detainee.birthDate, gender: null });
      if (score < SEARCH_MIN_SCORE) continue;
      hits.push({
        kind: 'detainee', id: detainee.id, score, reasons, name: names.join(' / '), birthDate: detainee.birthDate,
        caseId: null, caseNumber: null, courtName: null, decisionDate: null,
      });
    }
  }
  return hits;
}

/**
 * Index rows with one of the query's keys (or, given prefixes, a key starting with one of
 * them), the rows sharing most keys first, at most MAX_SCORED.
 */
async function candidateRows(db: Db, exact: string[], prefixes: string[], withDetainees: boolean): Promise<CandidateRow[]> {
  const ranges: SQL[] = prefixes.map((prefix) => sql`(${nameKeys.key} >= ${prefix} and ${nameKeys.key} <= ${prefix + RANGE_END})`);
  const owner = withDetainees ? undefined : isNull(nameKeys.detaineeId);
  return db
    .select({ personId: nameKeys.personId, detaineeId: nameKeys.detaineeId, hits: sql<number>`count(*)` })
    .from(nameKeys)
    .where(and(ranges.length > 0 ? or(...ranges) : inArray(nameKeys.key, exact), owner))
    .groupBy(nameKeys.personId, nameKeys.detaineeId)
    .orderBy(sql`3 desc`)
    .limit(MAX_SCORED);
}

/**
 * Gives search keys to the court persons that have none yet (new cases, re-analysed cases
 * whose persons were written again). Walks persons by id so that a name with no keys (one
 * word, depersonalised) is looked at once per call. Returns how many persons got keys.
 */
export async function indexNewPersonNames(db: Db, batchSize = 2000): Promise<number> {
  let after = 0;
  let indexed = 0;
  for (;;) {
    const batch = await db
      .select({ id: persons.id, nameAsWritten: persons.nameAsWritten, normalizedName: persons.normalizedName })
      .from(persons)
      .where(and(gt(persons.id, after), eq(persons.depersonalized, false), sql`not exists (select 1 from ${nameKeys} where ${nameKeys.personId} = ${persons.id})`))
      .orderBy(asc(persons.id))
      .limit(batchSize);
    if (batch.length === 0) return indexed;
    after = batch[batch.length - 1]!.id;
    const rows = batch.flatMap((person) =>
      personKeys([person.nameAsWritten, person.normalizedName]).map((key) => ({ key, personId: person.id })),
    );
    if (rows.length > 0) await db.insert(nameKeys).values(rows);
    indexed += new Set(rows.map((row) => row.personId)).size;
  }
}
