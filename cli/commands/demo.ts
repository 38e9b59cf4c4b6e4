// `kuzet demo` (= `npm start`): the whole path on this machine, no server, no internet.
// Embedded database → local replay of court sites → crawl → pipeline → dashboard.
import { randomBytes } from 'node:crypto';
import { hashPassword } from '../../dashboard/auth/passwords.ts';
import { upsertCourts } from '../../db/queries/courts.ts';
import { createUser } from '../../db/queries/users.ts';
import { runCrawl } from '../../crawlers/engine/crawler.ts';
import { sudrfSource } from '../../crawlers/sources/sudrf/index.ts';
import { analyzeStoredDocuments } from '../../pipeline/run-stored.ts';
import { startDemoReplay } from '../../test/simulator/index.ts';
import { openMigratedDatabase } from '../database.ts';
import { say } from '../log.ts';
import { startDashboard } from './serve.ts';
import { describeProgress } from './crawl-progress.ts';

export async function demoCommand(options: { port: string; serve: boolean }): Promise<void> {
  const started = Date.now();
  say('kuzet demo: 1/5 opening the embedded database');
  const database = await openMigratedDatabase();
  const { db } = database;

  say('kuzet demo: 2/5 starting a local replay of court sites (windows-1251, real page layouts)');
  const replay = await startDemoReplay();
  await upsertCourts(
    db,
    replay.courts.map((court) => ({
      source: 'sudrf',
      code: court.code,
      name: court.name,
      region: court.region,
      regionCode: court.code.slice(0, 2),
      baseUrl: court.baseUrl,
      layout: court.layout,
      srvNums: court.srvNums,
      hasCaptcha: court.hasCaptcha,
    })),
  );
  for (const court of replay.courts) say(`  ${court.code} ${court.name} → ${court.baseUrl}`);

  say('kuzet demo: 3/5 crawling the replay (politeness shortened for a local server)');
  const until = new Date().toISOString().slice(0, 10);
  const summary = await runCrawl(
    db,
    sudrfSource(),
    { db, since: '2026-01-01', until, courtCodes: replay.courts.map((court) => court.code) },
    { minHostIntervalMs: 50, minProcessIntervalMs: 0, concurrency: 4, respectRobots: true, onProgress: (p) => say(`  ${describeProgress(p)}`) },
  );
  say(`  crawl finished: ${summary.pagesFetched} pages fetched, ${summary.newDocuments} stored, ${summary.errors} errors`);

  say('kuzet demo: 4/5 flagging Kyrgyz citizens (pipeline)');
  const pipeline = await analyzeStoredDocuments(db);
  say(`  ${pipeline.analyzed} cases analysed: ${pipeline.flagged} flagged, ${pipeline.possible} possible`);

  const password = process.env.KUZET_PASSWORD ?? randomBytes(9).toString('base64url');
  // No district: the demo officer sees every district's cases in the queue.
  await createUser(db, { username: 'demo', displayName: 'Demo consular officer', role: 'consular', district: null, passwordHash: await hashPassword(password) });
  say(`kuzet demo: ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (!options.serve) {
    await replay.close();
    await database.close();
    return;
  }
  say('kuzet demo: 5/5 serving the dashboard');
  const dashboard = await startDashboard(db, Number(options.port), '127.0.0.1');
  say(`\n  Open ${dashboard.url} and log in as  demo / ${password}\n  (Ctrl+C to stop)\n`);
  const stop = async () => {
    await dashboard.close();
    await replay.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
