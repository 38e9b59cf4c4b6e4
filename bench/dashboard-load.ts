// npm run bench:dashboard — the dashboard under load (issue 8 §5). A throwaway PostgreSQL
// database (127.0.0.1:5432 as postgres, or KUZET_TEST_PG_URL / DATABASE_URL for the server)
// is seeded with 1,000,000 realistic cases (a few percent flagged Kyrgyz, with reviews,
// history and follows); the real dashboard runs in its own process on 127.0.0.1; 50
// logged-in clients (officers, NGO staff, analysts, admins) use it for 60 s: queue with and
// without filters and its next pages, case pages, review POSTs with CSRF, trends and their
// CSV, crawl health, followed cases. Prints seeding time, requests, errors, p50/p95/p99 per
// route and overall, and the verdict against the target: error rate 0 and p99 ≤ 300 ms.
// Flags: --cases N --clients N --seconds N --think-ms N (mean pause between a client's
// requests; 0 = back to back) --warmup N (seconds of the same load before measuring, 10 by
// default: the first requests of a fresh process load the flagged-case facts) --keep (leave
// the database) --reuse NAME (skip seeding). KUZET_BENCH_PROFILE_DIR=dir writes the dashboard
// process's CPU profile there (node --cpu-prof).
// `uptime` is printed first: the figures are only as quiet as the machine.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { openDatabase } from '../db/client.ts';
import { createSession, createUser } from '../db/queries/users.ts';
import { hashPassword } from '../dashboard/auth/passwords.ts';
import { SESSION_COOKIE } from '../dashboard/auth/cookies.ts';
import { seededRandom } from '../test/helpers/seeded-random.ts';
import { dropSeedTables, seedCases, seedCourts, seedReviews } from './dashboard-seed.ts';
import { runLoad, type LoadClient, type Role, type Sample } from './dashboard-clients.ts';

const { values: args } = parseArgs({
  options: {
    cases: { type: 'string', default: '1000000' },
    clients: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '60' },
    'think-ms': { type: 'string', default: '0' },
    warmup: { type: 'string', default: '10' },
    'flagged-share': { type: 'string', default: '0.03' },
    keep: { type: 'boolean', default: false },
    reuse: { type: 'string' },
  },
});
const CASES = Number(args.cases);
const CLIENTS = Number(args.clients);
const SECONDS = Number(args.seconds);
const THINK_MS = Number(args['think-ms']);
const WARMUP_SECONDS = Number(args.warmup);
const TARGET_P99_MS = 300;

const adminUrl = process.env.KUZET_TEST_PG_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const name = args.reuse ?? `kuzet_bench_dashboard_${process.pid}`;
const url = new URL(adminUrl);
url.pathname = `/${name}`;
const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
const ms = (value: number) => `${value.toFixed(0)} ms`.padStart(8);

/** A kept database from an earlier run gets the migrations added since (the triggers of 0010, say). */
async function migrateReused(): Promise<void> {
  const database = await openDatabase({ url: url.toString(), maxConnections: 1 });
  try {
    await database.migrate();
  } finally {
    await database.close();
  }
}

async function seed(): Promise<void> {
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const database = await openDatabase({ url: url.toString(), maxConnections: 2 });
  await database.migrate();
  const sql = postgres(url.toString(), { max: 1, onnotice: () => {} });
  const started = Date.now();
  const courtCount = await seedCourts(sql);
  const summary = await seedCases(sql, CASES, Number(args['flagged-share']));
  const passwordHash = await hashPassword('bench only');
  const districts = ['moscow', 'yekaterinburg', 'novosibirsk', 'honorary', null];
  const created = async (role: Role, count: number) => {
    const ids: number[] = [];
    for (let i = 0; i < count; i += 1) {
      const user = await createUser(database.db, { username: `${role}${i}`, role, passwordHash, district: role === 'consular' ? districts[i % districts.length] : null });
      ids.push(user.id);
    }
    return ids;
  };
  const reviewers = [...(await created('admin', 3)), ...(await created('consular', 30))];
  const ngos = await created('ngo', 10);
  await created('analyst', 7);
  await seedReviews(sql, reviewers, ngos);
  await dropSeedTables(sql);
  await sql.unsafe('vacuum analyze');
  const seconds = (Date.now() - started) / 1000;
  console.log(`seeded in ${seconds.toFixed(1)} s: ${courtCount} courts, ${summary.cases} cases (${summary.flagged} flagged), ` +
    `${summary.persons} persons, ${summary.charges} charges, ${summary.outcomes} outcomes, ${summary.documents} stored pages`);
  await sql.end();
  await database.close();
}

/** One session per client, made directly in the database: the login route throttles 10 logins per address. */
async function makeClients(): Promise<{ clients: LoadClient[]; caseIds: number[] }> {
  const database = await openDatabase({ url: url.toString(), maxConnections: 2 });
  const sql = postgres(url.toString(), { max: 1, onnotice: () => {} });
  const roles: Role[] = Array.from({ length: CLIENTS }, (_, i) => {
    const slot = i % 10;
    return slot < 6 ? 'consular' : slot < 8 ? 'ngo' : slot < 9 ? 'analyst' : 'admin';
  });
  const users = await sql<{ id: number; username: string; role: Role; district: string | null }[]>`select id, username, role, district from users order by id`;
  const clients: LoadClient[] = [];
  for (const [i, role] of roles.entries()) {
    const ofRole = users.filter((u) => u.role === role);
    const user = ofRole[i % ofRole.length]!;
    const { token, csrfToken } = await createSession(database.db, user.id);
    clients.push({ role, cookie: `${SESSION_COOKIE}=${token}`, csrfToken, district: user.district });
  }
  const caseIds = (await sql<{ id: number }[]>`select case_id as id from kyrgyz_flags order by case_id`).map((row) => row.id);
  await sql.end();
  await database.close();
  return { clients, caseIds };
}

/** As README recommends for a busy dashboard: a 32 MB young generation (fewer, cheaper scavenges). */
const SERVER_NODE_FLAGS = ['--max-semi-space-size=32'];

function startServer(): Promise<{ baseUrl: string; stop: () => void }> {
  const child = spawn(process.execPath, [...(process.env.KUZET_BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.KUZET_BENCH_PROFILE_DIR}`] : []), ...SERVER_NODE_FLAGS, '--import', 'tsx', 'bench/dashboard-server.ts', url.toString(), '20'], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`dashboard exited with ${code}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const port = line.match(/^port (\d+)/)?.[1];
      if (port) resolve({ baseUrl: `http://127.0.0.1:${port}`, stop: () => child.kill('SIGTERM') });
      else console.log(`dashboard: ${line}`);
    });
  });
}

function report(samples: Sample[]): boolean {
  const routes = new Map<string, Sample[]>();
  for (const sample of samples) routes.set(sample.route, [...(routes.get(sample.route) ?? []), sample]);
  const row = (label: string, list: Sample[]) => {
    const sorted = list.map((s) => s.ms).sort((a, b) => a - b);
    const errors = list.filter((s) => !s.ok).length;
    console.log(`  ${label.padEnd(18)} ${String(list.length).padStart(7)} ${String(errors).padStart(6)} ${ms(percentile(sorted, 0.5))} ${ms(percentile(sorted, 0.95))} ${ms(percentile(sorted, 0.99))} ${ms(sorted.at(-1) ?? 0)}`);
  };
  console.log(`  ${'route'.padEnd(18)} ${'requests'.padStart(7)} ${'errors'.padStart(6)} ${'p50'.padStart(8)} ${'p95'.padStart(8)} ${'p99'.padStart(8)} ${'max'.padStart(8)}`);
  for (const [route, list] of [...routes].sort(([a], [b]) => a.localeCompare(b))) row(route, list);
  row('all', samples);
  const errors = samples.filter((s) => !s.ok);
  const statuses = [...new Set(errors.map((s) => s.status))];
  const p99 = percentile(samples.map((s) => s.ms).sort((a, b) => a - b), 0.99);
  const rate = errors.length / Math.max(1, samples.length);
  console.log(`requests ${samples.length} (${(samples.length / SECONDS).toFixed(0)}/s), errors ${errors.length} (rate ${(rate * 100).toFixed(3)}%${statuses.length ? `, statuses ${statuses.join(',')}` : ''})`);
  const pass = errors.length === 0 && p99 <= TARGET_P99_MS;
  console.log(`target: error rate 0 and p99 ≤ ${TARGET_P99_MS} ms → p99 ${p99.toFixed(0)} ms, ${pass ? 'PASS' : 'FAIL'}`);
  return pass;
}

console.log(`load average before: ${loadavg().map((l) => l.toFixed(2)).join(' ')} (2 cores shared with the database and the load generator)`);
let server: { baseUrl: string; stop: () => void } | null = null;
try {
  if (!args.reuse) await seed();
  else await migrateReused();
  const { clients, caseIds } = await makeClients();
  server = await startServer();
  console.log(`dashboard process: node ${SERVER_NODE_FLAGS.join(' ')}`);
  console.log(`${CLIENTS} clients (${['consular', 'ngo', 'analyst', 'admin'].map((r) => `${clients.filter((c) => c.role === r).length} ${r}`).join(', ')}), ${SECONDS} s, think time ${THINK_MS} ms`);
  const random = seededRandom(8);
  if (WARMUP_SECONDS > 0) {
    // A dashboard that has been up a while: its first requests load the flagged-case facts and count the stored pages.
    const warmup = await runLoad({ baseUrl: server.baseUrl, clients, seconds: WARMUP_SECONDS, thinkMs: THINK_MS, caseIds, random });
    const slowest = Math.max(...warmup.map((s) => s.ms));
    console.log(`warm-up ${WARMUP_SECONDS} s (not counted): ${warmup.length} requests, ${warmup.filter((s) => !s.ok).length} errors, slowest ${slowest.toFixed(0)} ms`);
  }
  const samples = await runLoad({ baseUrl: server.baseUrl, clients, seconds: SECONDS, thinkMs: THINK_MS, caseIds, random });
  console.log(`load average after: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  const pass = report(samples);
  process.exitCode = pass ? 0 : 1;
} finally {
  server?.stop();
  if (args.keep) console.log(`database kept: ${url.toString()}`);
  else await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}
