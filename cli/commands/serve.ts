import { serve } from '@hono/node-server';
import type { Db } from '../../db/client.ts';
import { trustedProxiesFromEnv } from '../../dashboard/auth/client-address.ts';
import { createDashboard } from '../../dashboard/server.ts';
import { openMigratedDatabase } from '../database.ts';
import { say } from '../log.ts';

export async function serveCommand(options: { port: string; host: string }): Promise<void> {
  const database = await openMigratedDatabase();
  await startDashboard(database.db, Number(options.port), options.host);
}

export function startDashboard(db: Db, port: number, host: string): Promise<{ url: string; close: () => Promise<void> }> {
  const app = createDashboard(db, { secureCookies: process.env.KUZET_SECURE_COOKIES === '1', trustedProxies: trustedProxiesFromEnv() });
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
      const url = `http://${host === '127.0.0.1' || host === '0.0.0.0' ? 'localhost' : host}:${info.port}`;
      say(`kuzet: dashboard at ${url}`);
      resolve({ url, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}
