// The consulate's records of detained citizens: import, reading, and who may do either.
// Only admin and consular accounts ever see these records (NGO and analyst accounts never
// do): every exported function that returns or changes them takes the acting user and
// refuses the others.
import { count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { detainees, entryBanChecks, nameKeys, users } from '../schema.ts';
import { parseDetaineeCsv, type DetaineeRow, type RowProblem } from '../../matching/detainee-rows.ts';
import { personKeys } from '../../matching/name-keys.ts';
import { writeAudit, type User } from './users.ts';

export type Detainee = typeof detainees.$inferSelect;
/** Who acts: a dashboard user, or the command line (id null) run by whoever holds the database. */
export interface Actor {
  id: number | null;
  username: string;
  role: User['role'];
}

/** The command line without --user: it already holds the database, so it acts as an admin. */
export const COMMAND_LINE_ACTOR: Actor = { id: null, username: 'command-line', role: 'admin' };

/** The audit log's notion of a user: null (shown as 'system') for the command line. */
export const auditUser = (actor: Actor) => (actor.id === null ? null : { id: actor.id, username: actor.username });

export const DETAINEE_ROLES: readonly User['role'][] = ['admin', 'consular'];

export class DetaineeAccessDenied extends Error {
  constructor(role: string) {
    super(`the ${role} role may not see or change detainee records`);
    this.name = 'DetaineeAccessDenied';
  }
}

/** Throws unless the user's role may see detainee records. Call before any read or write. */
export function assertMayAccessDetainees(actor: Pick<User, 'role'>): void {
  if (!DETAINEE_ROLES.includes(actor.role)) throw new DetaineeAccessDenied(actor.role);
}

export interface ImportReport {
  /** Data rows in the file. */
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: RowProblem[];
}

export interface ImportOptions {
  /** Consular district given to every row (overrides a district column). */
  district?: string | null;
}

const INSERT_BATCH = 500;

/**
 * Imports a CSV file of detainee records (see matching/detainee-rows.ts for the columns).
 * Bad rows are reported with their line and reason; the good rows go in one transaction, so
 * a failure leaves the stored records exactly as they were. A record is identified by its
 * import key: importing the same file twice changes nothing, a corrected row updates its record.
 */
export async function importDetainees(db: Db, csvText: string, options: ImportOptions, actor: Actor): Promise<ImportReport> {
  assertMayAccessDetainees(actor);
  const parsed = parseDetaineeCsv(csvText, { district: options.district ?? null });
  const report: ImportReport = { rows: parsed.total, inserted: 0, updated: 0, unchanged: 0, rejected: parsed.rejected };
  try {
    await db.transaction(async (tx) => {
      for (let start = 0; start < parsed.rows.length; start += INSERT_BATCH) {
        const batch = parsed.rows.slice(start, start + INSERT_BATCH);
        const written = await upsertBatch(tx, batch);
        report.inserted += written.filter((row) => row.inserted).length;
        report.updated += written.filter((row) => !row.inserted).length;
        await replaceNameKeys(tx, written.map((row) => row.id));
      }
    });
  } catch (error) {
    await writeAudit(db, { user: auditUser(actor), action: 'detainees.import_failed', entityType: 'detainee', details: counts(report) });
    throw error;
  }
  report.unchanged = parsed.rows.length - report.inserted - report.updated;
  await writeAudit(db, { user: auditUser(actor), action: 'detainees.import', entityType: 'detainee', details: counts(report) });
  return report;
}

/** What the audit log keeps of an import: counts only, never names or line contents. */
const counts = (report: ImportReport) => ({
  rows: report.rows,
  inserted: report.inserted,
  updated: report.updated,
  unchanged: report.unchanged,
  rejected: report.rejected.length,
});

/** Columns a later import may fill in or correct. */
const UPDATABLE = {
  district: detainees.district,
  latinName: detainees.latinName,
  cyrillicName: detainees.cyrillicName,
  birthDate: detainees.birthDate,
  passportNumber: detainees.passportNumber,
  detainedOn: detainees.detainedOn,
  detentionPlace: detainees.detentionPlace,
  detentionCentre: detainees.detentionCentre,
};

async function upsertBatch(db: Db, batch: DetaineeRow[]): Promise<{ id: number; importKey: string; inserted: boolean }[]> {
  const values = batch.map(({ line: _line, ...row }) => row);
  // An empty cell (or a missing column) never erases what an earlier import stored.
  const merged = Object.fromEntries(
    Object.entries(UPDATABLE).map(([field, column]) => [field, sql`coalesce(excluded.${sql.identifier(column.name)}, ${column})`]),
  );
  const columns = Object.values(UPDATABLE);
  const changed = sql`(${sql.join(columns, sql`, `)}) is distinct from (${sql.join(Object.values(merged), sql`, `)})`;
  return db
    .insert(detainees)
    .values(values)
    .onConflictDoUpdate({ target: detainees.importKey, set: merged, setWhere: changed })
    // xmax is 0 on a freshly inserted row version and set on an updated one.
    .returning({ id: detainees.id, importKey: detainees.importKey, inserted: sql<boolean>`(xmax = 0)` });
}

/** Search keys follow the names: rewritten for every inserted or changed record. */
async function replaceNameKeys(db: Db, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await db.delete(nameKeys).where(inArray(nameKeys.detaineeId, ids));
  const written = await db
    .select({ id: detainees.id, latinName: detainees.latinName, cyrillicName: detainees.cyrillicName })
    .from(detainees)
    .where(inArray(detainees.id, ids));
  const rows = written.flatMap((row) => personKeys([row.latinName, row.cyrillicName]).map((key) => ({ key, detaineeId: row.id })));
  for (let start = 0; start < rows.length; start += INSERT_BATCH * 4) {
    await db.insert(nameKeys).values(rows.slice(start, start + INSERT_BATCH * 4));
  }
}

export interface DetaineeWithLatestCheck extends Detainee {
  entryBan: { result: 'ban' | 'no_data' | 'unknown'; checkedAt: Date } | null;
}

/** Detainee records, newest first, for the consular pages. */
export async function listDetainees(
  db: Db,
  actor: Actor,
  options: { district?: string; limit?: number; offset?: number } = {},
): Promise<Detainee[]> {
  assertMayAccessDetainees(actor);
  return db
    .select()
    .from(detainees)
    .where(options.district ? eq(detainees.district, options.district) : undefined)
    .orderBy(desc(detainees.id))
    .limit(options.limit ?? 100)
    .offset(options.offset ?? 0);
}

/** How many records listDetainees pages through under the same district filter. */
export async function countDetainees(db: Db, actor: Actor, options: { district?: string } = {}): Promise<number> {
  assertMayAccessDetainees(actor);
  const [row] = await db
    .select({ total: count() })
    .from(detainees)
    .where(options.district ? eq(detainees.district, options.district) : undefined);
  return row?.total ?? 0;
}

/** One record with its latest entry-ban check, or null when there is no such record. */
export async function getDetainee(db: Db, actor: Actor, id: number): Promise<DetaineeWithLatestCheck | null> {
  assertMayAccessDetainees(actor);
  const [detainee] = await db.select().from(detainees).where(eq(detainees.id, id));
  if (!detainee) return null;
  const [check] = await db
    .select({ result: entryBanChecks.result, checkedAt: entryBanChecks.checkedAt })
    .from(entryBanChecks)
    .where(eq(entryBanChecks.detaineeId, id))
    .orderBy(desc(entryBanChecks.checkedAt))
    .limit(1);
  return { ...detainee, entryBan: check ?? null };
}

/** The account named on the command line (--user), refused unless it may see detainee records. */
export async function actorByUsername(db: Db, username: string): Promise<Actor> {
  const [user] = await db.select().from(users).where(eq(users.username, username));
  if (!user || user.disabled) throw new Error(`no active account named ${username}`);
  assertMayAccessDetainees(user);
  return { id: user.id, username: user.username, role: user.role };
}
