// The dashboard under test, in its own process so that the load generator does not share its
// event loop. Usage: tsx bench/dashboard-server.ts DATABASE_URL POOL → prints "port N".
import { serve } from '@hono/node-server';
import { openDatabase } from '../db/client.ts';
import { createDashboard } from '../dashboard/server.ts';

const [url, pool] = process.argv.slice(2);
if (!url) throw new Error('usage: dashboard-server DATABASE_URL [POOL]');
const database = await openDatabase({ url, maxConnections: Number(pool ?? 10) });
const app = createDashboard(database.db, { secureCookies: false });
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => console.log(`port ${info.port}`));
process.on('SIGTERM', () => {
  server.close();
  void database.close().then(() => process.exit(0));
});
