// The pipeline SIGKILLed at seeded random points of its work (after N commits, plus a few ms), then restarted
// until it finishes: no half-written case, no duplicates, and the cases, persons, charges,
// outcomes and flags equal those of an uninterrupted run over the same documents.
// PostgreSQL (a throwaway database) and PGlite in a folder.
import { count, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client.ts';
import type { CaseCard } from '../../db/case-card.ts';
import { storeDocument } from '../../db/queries/documents.ts';
import { documents } from '../../db/schema.ts';
import { analyzeStoredDocuments } from '../../pipeline/run-stored.ts';
import { generateCases, type SimulatedCase } from '../simulator/generate-cases.ts';
import { fullName } from '../simulator/names.ts';
import { createTestDatabase } from '../helpers/databases.ts';
import { seededRandom } from '../helpers/seeded-random.ts';
import { killAfterLine, killSeed, runToCompletion, startFixture } from './child-process.ts';
import { analysisSnapshot, duplicates, halfWrittenCases, partlyStoredCases, snapshotDifferences } from './db-consistency.ts';
import { killTargets } from './kill-targets.ts';
import { addToTally } from './tally.ts';

const KILLS = 5;
const seed = killSeed('kill-pipeline');

/** The courts' case pages as a crawler would have stored them (parsed card with its act). */
const simulatedCases = generateCases(
  Array.from({ length: 4 }, (_, i) => ({ code: `66RS${String(i + 1).padStart(4, '0')}`, name: `Районный суд № ${i + 1}`, srvNums: [1] })),
  40,
  seed,
  new Date('2026-11-20T00:00:00Z'),
);

function cardOf(c: SimulatedCase): CaseCard {
  return {
    caseNumber: c.caseNumber,
    caseUid: c.caseUid,
    caseType: c.caseType,
    courtName: c.courtName,
    receivedDate: c.receivedDate,
    decisionDate: c.decisionDate,
    judge: c.judge,
    result: c.result,
    articles: c.articles,
    parties: [{ roleAsWritten: c.caseType === 'criminal' ? 'ПОДСУДИМЫЙ' : 'ПРИВЛЕКАЕМОЕ ЛИЦО', name: fullName(c.person).toUpperCase(), articles: c.articles }],
    actText: c.actText,
    actUrl: null,
  };
}

async function storeCasePages(db: Db): Promise<void> {
  for (const c of simulatedCases) {
    const url = `http://${c.courtCode.toLowerCase()}.sudrf.example/modules.php?name=sud_delo&name_op=case&case_uid=${c.urlGuid}`;
    const card = cardOf(c);
    const text = `<html><body>${c.caseNumber} ${c.actText}</body></html>`;
    await storeDocument(db, {
      url, requestKey: url, source: 'sudrf', kind: 'card', courtId: null, runId: null, httpStatus: 200, headers: {},
      encoding: 'utf-8', raw: new TextEncoder().encode(text), text, status: 'ok', parsed: card,
    });
  }
}

async function analysedDocuments(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(documents).where(eq(documents.analyzedHash, documents.contentHash));
  return row?.n ?? 0;
}

describe.each(killTargets)('the pipeline, SIGKILLed, on %s', (_name, makeTarget) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it(`survives ${KILLS} kills: every case stored once and whole, as an uninterrupted run stores it`, async () => {
    const random = seededRandom(seed);
    const target = await makeTarget();
    cleanups.push(target.cleanup);
    const setup = await target.open();
    await storeCasePages(setup.db);
    await setup.close();

    // The same pages analysed in one go, in this process.
    const reference = await createTestDatabase(target.driver);
    cleanups.push(() => reference.destroy());
    await storeCasePages(reference.db);
    const uninterrupted = await analyzeStoredDocuments(reference.db, 5);
    expect(uninterrupted.failures).toEqual([]);
    expect(uninterrupted.analyzed).toBe(simulatedCases.length);
    const expected = await analysisSnapshot(reference.db);

    // Right after each kill, before the restart: every case is there whole or not at all, and
    // a document counts as analysed exactly when its case is stored.
    let kills = 0;
    const analysedAtKills: number[] = [];
    while (kills < KILLS) {
      // Kill points by progress: after a random number of commits (at most a third of the
      // work left, so the kills never finish it), then a few ms more to land inside the next one.
      const left = simulatedCases.length - (analysedAtKills.at(-1) ?? 0);
      const commits = 1 + Math.floor(random() * Math.max(1, left / 3));
      const child = startFixture('pipeline-child', [target.arg]);
      if (!(await killAfterLine(child, new RegExp(`^committed ${commits}$`), random() * 30))) {
        throw new Error(`the pipeline ended before its commit ${commits} of ${left} left:\n${child.output().slice(-3000)}`);
      }
      kills += 1;
      const killed = await target.open();
      try {
        const actual = await analysisSnapshot(killed.db);
        const analysed = await analysedDocuments(killed.db);
        analysedAtKills.push(analysed);
        expect(partlyStoredCases(expected, actual)).toEqual([]);
        expect(snapshotDifferences(expected, actual).extra).toEqual([]);
        expect(await duplicates(killed.db)).toEqual([]);
        expect(actual.cases.size).toBe(analysed);
      } finally {
        await killed.close();
      }
    }
    process.stdout.write(`kill-pipeline on ${target.driver}: documents analysed at the kills ${analysedAtKills.join(', ')} of ${simulatedCases.length}\n`);
    expect(kills).toBe(KILLS);
    // At least one kill landed inside the work, not before or after it.
    expect(analysedAtKills.some((n) => n > 0 && n < simulatedCases.length)).toBe(true);
    await runToCompletion('pipeline-child', [target.arg]);

    const database = await target.open();
    try {
      const problems = [...(await halfWrittenCases(database.db)), ...(await duplicates(database.db))];
      const { missing, extra } = snapshotDifferences(expected, await analysisSnapshot(database.db));
      addToTally('kill-pipeline', { killsSurvived: kills, faultsInjected: kills, recordsLost: missing.length });
      expect(problems).toEqual([]);
      expect(missing).toEqual([]);
      expect(extra).toEqual([]);
      // The comparison means something only if the pages made cases, flags and reviews.
      expect(expected.cases.size).toBe(simulatedCases.length);
      expect(expected.flags.size).toBeGreaterThan(0);
    } finally {
      await database.close();
    }
  }, 600_000);
});
