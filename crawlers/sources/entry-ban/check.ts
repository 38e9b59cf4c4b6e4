// One on-demand entry-ban look-up for one detainee, asked by one officer: the request waits
// for the service host's politeness slot (shared with every Kuzet process through the
// database), respects robots.txt and cooldowns, the raw answer is stored as a document, and
// the result is stored with its date and audited. There is deliberately no function that
// takes several detainees.
import { and, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { entryBanChecks, detainees, documents } from '../../../db/schema.ts';
import { contentHash, storeDocument } from '../../../db/queries/documents.ts';
import { assertMayAccessDetainees, auditUser, type Actor } from '../../../db/queries/detainees.ts';
import { writeAudit } from '../../../db/queries/users.ts';
import { FetchFailure, fetchPage } from '../../engine/fetch-page.ts';
import { Politeness, coolDownHost, defaultPoliteness, hostCooldown, retryAfterMs, type PolitenessOptions } from '../../engine/politeness.ts';
import { RobotsRules } from '../../engine/robots.ts';
import type { FetchedPage } from '../../engine/source.ts';
import { entryBanSource } from './index.ts';
import type { EntryBanAnswer } from './parse-answer.ts';
import { DEFAULT_ENTRY_BAN_SERVICE, ENTRY_BAN_SOURCE, entryBanRequest } from './request.ts';

export interface EntryBanCheckOptions extends Partial<Pick<PolitenessOptions, 'minHostIntervalMs' | 'minProcessIntervalMs'>> {
  serviceUrl?: string;
  timeoutMs?: number;
  /** Cooldown after HTTP 429 when the service gives no Retry-After. */
  cooldownMs?: number;
  /** A detainee checked more recently than this is not asked about again. */
  minRecheckMs?: number;
}

export type EntryBanCheck = typeof entryBanChecks.$inferSelect;

export class RecheckTooSoon extends Error {
  constructor(readonly lastCheck: EntryBanCheck) {
    super(`detainee ${lastCheck.detaineeId} was checked at ${lastCheck.checkedAt.toISOString()}; ask again later`);
    this.name = 'RecheckTooSoon';
  }
}

export async function checkEntryBan(db: Db, detaineeId: number, actor: Actor, options: EntryBanCheckOptions = {}): Promise<EntryBanCheck> {
  assertMayAccessDetainees(actor);
  const [detainee] = await db.select().from(detainees).where(eq(detainees.id, detaineeId));
  if (!detainee) throw new Error(`no detainee ${detaineeId}`);
  const minRecheckMs = options.minRecheckMs ?? 60 * 60_000;
  const [recent] = await db
    .select()
    .from(entryBanChecks)
    .where(and(eq(entryBanChecks.detaineeId, detaineeId), gt(entryBanChecks.checkedAt, sql`now() - make_interval(secs => ${minRecheckMs / 1000})`)))
    .limit(1);
  if (recent) throw new RecheckTooSoon(recent);

  const request = entryBanRequest(
    { cyrillicName: detainee.cyrillicName, latinName: detainee.latinName, birthDate: detainee.birthDate, documentNumber: detainee.passportNumber },
    options.serviceUrl ?? DEFAULT_ENTRY_BAN_SERVICE,
  );
  const { answer, documentId } = await askService(db, request.url, request.uniqueKey!, options);
  const [stored] = await db
    .insert(entryBanChecks)
    .values({
      detaineeId,
      result: answer.result,
      reason: answer.result === 'unknown' ? answer.reason : null,
      documentId,
      requestedBy: actor.id,
    })
    .returning();
  await writeAudit(db, {
    user: auditUser(actor),
    action: 'detainee.entry_ban_check',
    entityType: 'detainee',
    entityId: detaineeId,
    details: { result: answer.result, checkId: stored!.id },
  });
  return stored!;
}

async function askService(
  db: Db,
  url: string,
  requestKey: string,
  options: EntryBanCheckOptions,
): Promise<{ answer: EntryBanAnswer; documentId: number | null }> {
  const host = new URL(url).host;
  const cooling = await hostCooldown(db, host);
  if (cooling && cooling > new Date()) {
    return { answer: { result: 'unknown', reason: `the service is cooling down until ${cooling.toISOString()}` }, documentId: null };
  }
  const timeoutMs = options.timeoutMs ?? 60_000;
  const politeness = new Politeness(db, {
    ...defaultPoliteness,
    minHostIntervalMs: options.minHostIntervalMs ?? defaultPoliteness.minHostIntervalMs,
    minProcessIntervalMs: options.minProcessIntervalMs ?? defaultPoliteness.minProcessIntervalMs,
  });
  const robots = new RobotsRules(timeoutMs);
  return politeness.schedule(host, async (turn) => {
    await turn(); // robots.txt is a request to the host too
    if (!(await robots.isAllowed(url))) return { answer: { result: 'unknown', reason: 'disallowed by robots.txt' }, documentId: null };
    await turn();
    let page: FetchedPage;
    try {
      page = { ...(await fetchPage(url, timeoutMs)), url, kind: 'entry-ban-answer', courtId: null, userData: {} };
    } catch (error) {
      if (!(error instanceof FetchFailure)) throw error;
      return { answer: { result: 'unknown', reason: `the service did not answer (${error.kind})` }, documentId: null };
    }
    const result = entryBanSource.handlePage(page);
    const answer = result.parsed as EntryBanAnswer;
    if (result.status === 'throttled') {
      const waitMs = retryAfterMs(page.headers['retry-after']) ?? options.cooldownMs ?? 30 * 60_000;
      await coolDownHost(db, host, new Date(Date.now() + waitMs), 'HTTP 429 from the entry-ban service');
    }
    await storeDocument(db, {
      ...page, requestKey, source: ENTRY_BAN_SOURCE, runId: null, status: result.status, failureReason: result.reason ?? null, parsed: answer,
    });
    const [document] = await db
      .select({ id: documents.id })
      .from(documents)
      .where(and(eq(documents.url, url), eq(documents.contentHash, contentHash(page.raw))));
    return { answer, documentId: document?.id ?? null };
  });
}
