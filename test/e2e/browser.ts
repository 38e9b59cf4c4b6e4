// The e2e harness: the dashboard on a random port over an in-memory PGlite database, and the
// Debian chromium driven by playwright-core (never a downloaded browser).
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { chromium, type Browser, type Page } from 'playwright-core';
import { openDatabase, type Database } from '../../db/client.ts';
import { createDashboard } from '../../dashboard/server.ts';

export const SCREENSHOTS = 'test-output/screenshots';
export const PASSWORD = 'correct horse battery';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run',
      '--disable-component-update', '--disable-sync',
    ],
  });
}

export interface RunningDashboard {
  database: Database;
  url: string;
  close(): Promise<void>;
}

export async function startDashboard(now?: () => Date): Promise<RunningDashboard> {
  const database = await openDatabase({ dataDir: 'memory://' });
  await database.migrate();
  const app = createDashboard(database.db, { secureCookies: false, ...(now ? { now } : {}) });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started));
  });
  const { port } = server.address() as AddressInfo;
  return {
    database,
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.close();
    },
  };
}

export async function logIn(page: Page, base: string, username: string): Promise<void> {
  await page.goto(`${base}/login`);
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', PASSWORD);
  await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/login')), page.click('button[type=submit]')]);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
}
