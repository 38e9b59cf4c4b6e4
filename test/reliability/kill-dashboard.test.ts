// The dashboard SIGKILLed at random points while an officer posts review changes, then
// restarted: every change the server acknowledged is in the database, in the order posted,
// each review equals its latest audit entry, and no case is half-written. PostgreSQL (a
// throwaway database) and PGlite in a folder.
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client.ts';
import { reviewStatuses } from '../../db/queries/triage.ts';
import { addUser } from '../helpers/dashboard-client.ts';
import { sampleCard, seedCase } from '../helpers/seed-case.ts';
import { seededRandom } from '../helpers/seeded-random.ts';
import { killSeed, sleep, startFixture } from './child-process.ts';
import { consistencyProblems } from './db-consistency.ts';
import { HttpOfficer } from './http-officer.ts';
import { killTargets } from './kill-targets.ts';
import { addToTally } from './tally.ts';

const KILLS = 5;
const CASES = 12;
/** Officers posting at once, each on its own cases: per case the changes have one order. */
const WORKERS = 2;
const seed = killSeed('kill-dashboard');

interface PostedChange {
  caseId: number;
  seq: number;
  status: string;
}

/** Audit entries of review changes, per case in the order written: the change numbers from their notes. */
async function auditedChanges(db: Db): Promise<Map<number, number[]>> {
  const result = (await db.execute(sql`select entity_id, details->>'note' as note from audit_log
    where entity_type = 'case' and action = 'review.set' order by id`)) as unknown as { rows?: { entity_id: string; note: string | null }[] } | { entity_id: string; note: string | null }[];
  const rows = Array.isArray(result) ? result : (result.rows ?? []);
  const perCase = new Map<number, number[]>();
  for (const row of rows) {
    const seq = Number(row.note?.match(/^change (\d+)$/)?.[1]);
    const list = perCase.get(Number(row.entity_id)) ?? [];
    list.push(seq);
    perCase.set(Number(row.entity_id), list);
  }
  return perCase;
}

describe.each(killTargets)('the dashboard, SIGKILLed while reviews are posted, on %s', (_name, makeTarget) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it(`survives ${KILLS} kills: every acknowledged review change is stored and audited`, async () => {
    // Two streams: the kill delays replay exactly from the seed, however the posts interleave.
    const killRandom = seededRandom(seed);
    const random = seededRandom(seed + 1);
    const target = await makeTarget();
    cleanups.push(target.cleanup);
    const setup = await target.open();
    const caseIds: number[] = [];
    for (let i = 0; i < CASES; i += 1) {
      const number = String(200 + i);
      caseIds.push(await seedCase(setup.db, sampleCard({ caseNumber: `5-${number}/2026`, caseUid: `66RS0001-01-2026-000${number}-11` })));
    }
    await addUser(setup.db, 'consul', 'consular');
    await setup.close();

    const officer = new HttpOfficer();
    const acknowledged: PostedChange[] = [];
    let seq = 0;
    let kills = 0;
    let killsDuringPost = 0;
    for (let round = 0; round < KILLS; round += 1) {
      const child = startFixture('dashboard-child', [target.arg]);
      cleanups.push(async () => void child.proc.kill('SIGKILL'));
      const port = (await child.lineMatching(/^port (\d+)/))?.[1];
      if (!port) throw new Error(`the dashboard did not start:\n${child.output().slice(-2000)}`);
      officer.base = `http://127.0.0.1:${port}`;
      // The session lives in the database: one login survives every restart.
      if (!officer.csrf) await officer.login();

      let serverUp = true;
      const inFlight = new Set<number>();
      // The kill point by progress: after a random number of acknowledged changes in this
      // round, then a few ms more, while the next POSTs are in flight.
      const killAfterAcknowledged = 1 + Math.floor(killRandom() * 6);
      let acknowledgedThisRound = 0;
      let reachedKillPoint = () => {};
      const killPoint = new Promise<void>((resolve) => (reachedKillPoint = resolve));
      const worker = async (w: number) => {
        const mine = caseIds.filter((_, i) => i % WORKERS === w);
        while (serverUp) {
          const change = { caseId: mine[Math.floor(random() * mine.length)]!, seq: (seq += 1), status: reviewStatuses[Math.floor(random() * reviewStatuses.length)]! };
          inFlight.add(change.seq);
          try {
            const response = await officer.post(`/cases/${change.caseId}/review`, { _csrf: officer.csrf, status: change.status, note: `change ${change.seq}` });
            // Success is the redirect back to the case; a redirect to /login would be a lost session.
            if (response.status === 303 && response.headers.get('location') === `/cases/${change.caseId}`) {
              acknowledged.push(change);
              if ((acknowledgedThisRound += 1) === killAfterAcknowledged) reachedKillPoint();
            } else if (serverUp) throw new Error(`review POST answered ${response.status} ${response.headers.get('location') ?? ''}`);
          } catch (error) {
            if (serverUp) throw error;
          } finally {
            inFlight.delete(change.seq);
          }
        }
      };
      const workers = Array.from({ length: WORKERS }, (_, w) => worker(w));
      const stopped = Promise.all(workers);
      const outcome = await Promise.race([stopped.then(() => 'stopped' as const), killPoint.then(() => 'kill point' as const)]);
      if (outcome === 'stopped') throw new Error(`the workers stopped before the kill:\n${child.output().slice(-2000)}`);
      await sleep(killRandom() * 40);
      serverUp = false;
      if (inFlight.size > 0) killsDuringPost += 1;
      child.proc.kill('SIGKILL');
      await child.exited;
      kills += 1;
      await stopped.catch((error: unknown) => {
        throw new Error(`a review POST failed while the server was up: ${String(error)}\n${child.output().slice(-2000)}`);
      });
    }

    const database = await target.open();
    try {
      const audited = await auditedChanges(database.db);
      // Acknowledged = committed: each one is in the audit log, in the order it was posted.
      const lost = acknowledged.filter((change) => !audited.get(change.caseId)?.includes(change.seq));
      const outOfOrder = caseIds.filter((caseId) => {
        const written = audited.get(caseId) ?? [];
        return written.some((s, i) => i > 0 && s <= written[i - 1]!);
      });
      // A case's final review is its last acknowledged change, or a later one whose answer the kill cut off.
      const behind = caseIds.filter((caseId) => {
        const lastAcknowledged = Math.max(0, ...acknowledged.filter((c) => c.caseId === caseId).map((c) => c.seq));
        return (audited.get(caseId)?.at(-1) ?? 0) < lastAcknowledged;
      });
      const problems = await consistencyProblems(database.db);
      process.stdout.write(`kill-dashboard on ${target.driver}: ${acknowledged.length} review changes acknowledged, ${seq} posted, ${killsDuringPost} of ${kills} kills during a POST\n`);
      addToTally('kill-dashboard', { killsSurvived: kills, faultsInjected: kills, recordsLost: lost.length });
      expect(lost).toEqual([]);
      expect(outOfOrder).toEqual([]);
      expect(behind).toEqual([]);
      expect(problems).toEqual([]);
      expect(kills).toBe(KILLS);
      expect(acknowledged.length).toBeGreaterThanOrEqual(KILLS);
      expect(killsDuringPost).toBeGreaterThan(0);
    } finally {
      await database.close();
    }
  }, 600_000);
});
