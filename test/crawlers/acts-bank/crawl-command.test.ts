// `kuzet crawl --source acts-bank --portal URL` end to end: the CLI renders the simulated
// JavaScript-only bank in chromium with the watched searches and stores the acts they find.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/client.ts';
import { caseCardSchema } from '../../../db/case-card.ts';
import { crawlRequests, crawlRuns, documents } from '../../../db/schema.ts';
import { startJsPortal, type JsPortal } from '../../simulator/js-portal/server.ts';

function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stderr: string }> {
  // Not spawnSync: the portal answering the child runs in this process.
  const child = spawn(process.execPath, ['bin/kuzet.js', ...args], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stderr })));
}

describe('kuzet crawl --source acts-bank', () => {
  let portal: JsPortal;
  let dataDir: string;
  beforeAll(async () => {
    portal = await startJsPortal({ actCount: 9, pageSize: 2 });
    dataDir = mkdtempSync(join(tmpdir(), 'kuzet-acts-bank-'));
  });
  afterAll(async () => {
    await portal?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  // A CLI start (tsx, migrations, chromium) takes a minute and more on a loaded machine.
  it('renders the watched searches on the portal it is given and stores the acts about Kyrgyz citizens', { timeout: 300_000 }, async () => {
    const { DATABASE_URL: _ignored, ...env } = process.env;
    const args = ['crawl', '--source', 'acts-bank', '--portal', portal.portalUrl, '--since', '2026-11-01', '--until', '2026-11-30'];
    const run = await runCli([...args, '--min-host-interval', '0', '--min-process-interval', '0', '--concurrency', '3'], { ...env, KUZET_DATA_DIR: dataDir });
    expect(run.stderr).toMatch(/crawl run \d+ finished/);
    expect(run.code).toBe(0);

    const database = await openDatabase({ dataDir });
    try {
      const acts = await database.db.select().from(documents).where(and(eq(documents.source, 'acts-bank'), eq(documents.kind, 'act')));
      const kyrgyz = portal.acts.filter((act) => act.kyrgyz).map((act) => act.caseNumber);
      expect(kyrgyz.length).toBeGreaterThan(2); // more than a results page
      expect(acts.map((doc) => caseCardSchema.parse(doc.parsed).caseNumber).sort()).toEqual(kyrgyz.sort());
      const requests = await database.db.select().from(crawlRequests).where(eq(crawlRequests.source, 'acts-bank'));
      expect(requests.filter((request) => request.state !== 'done')).toEqual([]);
      const [crawlRun] = await database.db.select().from(crawlRuns).where(eq(crawlRuns.source, 'acts-bank'));
      expect(crawlRun).toMatchObject({ status: 'finished', params: { fetcher: 'browser' } });
    } finally {
      await database.close();
    }
  });
});
