// Issue 8 §4, black box: the dashboard as an attacker meets it. Every route of the route table
// gets SQL-injection strings in every input it reads (on both drivers), every page that shows
// hostile text is checked for anything that could run, sessions, CSRF, headers, the login and
// the logs are probed. Each passed check is counted in the reliability table.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { HonoRequest } from 'hono/request';
import { parse as parseCsv } from 'csv-parse/sync';
import { crawlCommand } from '../../cli/commands/crawl.ts';
import { importDetaineesCommand } from '../../cli/commands/import-detainees.ts';
import { startDashboard } from '../../cli/commands/serve.ts';
import { createDashboard, routeTable, type DashboardConfig } from '../../dashboard/server.ts';
import { hashPassword } from '../../dashboard/auth/passwords.ts';
import { ALL_ROLES, CASE_READERS, TRIAGERS } from '../../dashboard/routes/route-rule.ts';
import { openDatabase } from '../../db/client.ts';
import { createUser, type UserRoleName } from '../../db/queries/users.ts';
import { cases, users } from '../../db/schema.ts';
import { startCourtSimulator } from '../simulator/index.ts';
import { addUser } from '../helpers/dashboard-client.ts';
import { createTestDatabase, drivers, type TestDatabase } from '../helpers/databases.ts';
import { encodePart, PASSWORD, SweepClient } from './security-client.ts';
import {
  headerProblems, inputsOnPage, isFormulaCell, ROUTE_INPUTS, routeKey, ruleOf, scriptingOn, shows, SQL_ERROR_TEXT, SQL_INJECTIONS, textOf, xssPayload,
} from './security-inputs.ts';
import { browseEverything, captureOutput, detaineeCsv, personalDataOf } from './security-logs.ts';
import { concretePath, listedCases, probingRole, stateOf, validForm } from './security-routes.ts';
import { addAccounts, countRows, FORMULAS, seedHostileWorld, seedWorld, userOf, type HostileWorld, type World } from './security-world.ts';
import { addToTally } from './tally.ts';

/** Every query key a handler asks for by name, by route: the sweep must know them all. */
const queryKeysRead = new Map<string, Set<string>>();
const namedQuery = HonoRequest.prototype.query;
HonoRequest.prototype.query = function (this: HonoRequest, key?: string) {
  const rule = ruleOf(routeTable(), this.method, this.path);
  if (rule && key !== undefined) queryKeysRead.set(routeKey(rule), (queryKeysRead.get(routeKey(rule)) ?? new Set()).add(key));
  return (namedQuery as (this: HonoRequest, key?: string) => unknown).call(this, key);
} as typeof namedQuery;

let checksPassed = 0;
const passed = (n = 1) => {
  checksPassed += n;
};
afterAll(() => addToTally('security-sweep', { securityChecksPassed: checksPassed }));

const NOW = () => new Date('2026-11-23T09:00:00Z');
const rules = routeTable();

describe.each(drivers)('SQL injection in every input of every route on %s', (driver) => {
  let database: TestDatabase;
  let world: World;
  const app = (): Hono => createDashboard(database.db, { secureCookies: false, now: NOW });
  const clients = new Map<UserRoleName, SweepClient>();

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    world = await seedWorld(database.db);
    await addUser(database.db, 'login-target', 'ngo');
    for (const role of ['admin', 'consular', 'ngo', 'analyst'] as const) {
      const client = new SweepClient(app);
      await client.login(userOf(role));
      clients.set(role, client);
    }
  });
  afterAll(async () => database?.destroy());

  it('knows the inputs of every route, and every form and link on the pages stays within them', async () => {
    for (const rule of rules) expect(ROUTE_INPUTS[routeKey(rule)], `${routeKey(rule)} has no entry in ROUTE_INPUTS`).toBeDefined();
    passed(rules.length);
    for (const [role, client] of clients) {
      for (const rule of rules.filter((r) => r.method === 'GET' && r.roles !== 'public' && r.roles.includes(role))) {
        const response = await client.request(concretePath(rule, world));
        if (!response.headers.get('content-type')?.startsWith('text/html')) continue;
        for (const found of inputsOnPage(await response.text())) {
          const target = ruleOf(rules, found.method, found.path);
          if (!target) continue; // static files
          const known = [...ROUTE_INPUTS[routeKey(target)]!.query, ...ROUTE_INPUTS[routeKey(target)]!.form, '_csrf'];
          for (const name of found.names) expect(known, `${role} page ${rule.path} sends ${name} to ${routeKey(target)}`).toContain(name);
        }
        passed();
      }
    }
  });

  it.each(rules.map((rule) => [routeKey(rule), rule] as const))('%s: no payload errors, leaks SQL, widens results or touches the tables', async (_key, rule) => {
    const role = probingRole(rule);
    const client = role ? clients.get(role)! : new SweepClient(app);
    const inputs = ROUTE_INPUTS[routeKey(rule)]!;
    const targets = [
      ...(rule.path.includes(':id') ? [{ where: 'path' as const, name: 'id' }] : []),
      ...inputs.query.map((name) => ({ where: 'query' as const, name })),
      ...inputs.form.map((name) => ({ where: 'form' as const, name })),
      ...(rule.method === 'POST' && rule.roles !== 'public' ? [{ where: 'form' as const, name: '_csrf' }] : []),
    ];
    const csrf = role ? await client.csrfToken() : '';
    const baseline = rule.method === 'GET' ? listedCases(rule, await (await client.request(concretePath(rule, world))).text()) : null;
    const casesBefore = await countRows(database.db, cases);
    const usersBefore = await countRows(database.db, users);

    for (const target of targets) {
      for (const injection of SQL_INJECTIONS) {
        for (const value of injection.values) {
          const label = `${routeKey(rule)} ${target.where} ${target.name}=${JSON.stringify(value.slice(0, 40))}`;
          let path = concretePath(rule, world, target.where === 'path' ? encodePart(value) : undefined);
          if (target.where === 'query') path += `?${target.name}=${encodePart(value)}`;
          const sender = rule.path === '/login' && rule.method === 'POST' ? new SweepClient(app) : client;
          const response =
            rule.method === 'GET'
              ? await sender.request(path)
              : await sender.post(path, { ...validForm(rule), ...(role ? { _csrf: csrf } : {}), ...(target.where === 'form' ? { [target.name]: value } : {}) });
          const body = await response.text();
          expect(response.status, label).toBeLessThan(500);
          expect(body, label).not.toMatch(SQL_ERROR_TEXT);
          const listed = response.status === 200 ? listedCases(rule, body) : null;
          if (listed !== null && baseline !== null) expect(listed, `${label} lists more cases than the unfiltered view`).toBeLessThanOrEqual(baseline);
        }
        passed();
      }
      expect(await countRows(database.db, cases), `${routeKey(rule)} ${target.name}: cases`).toBe(casesBefore);
      expect(await countRows(database.db, users), `${routeKey(rule)} ${target.name}: users`).toBeGreaterThanOrEqual(usersBefore);
      if (role) expect((await client.request('/trends')).status, `${routeKey(rule)} ${target.name}: the session survives`).toBe(200);
      passed();
    }
  });

  it('reads hostile cookies and headers (session, language, Accept-Language, X-Forwarded-Proto) without a database error', async () => {
    for (const injection of SQL_INJECTIONS) {
      for (const value of injection.values) {
        const cookieValue = encodePart(value);
        const hostileHeaders: Record<string, string>[] = [
          { cookie: `kuzet_session=${cookieValue}` },
          { cookie: `kuzet_lang=${cookieValue}` },
          { 'accept-language': value.replace(/[^\x20-\x7e]/g, '?') },
          { 'x-forwarded-proto': value.replace(/[^\x20-\x7e]/g, '?') },
        ];
        for (const headers of hostileHeaders) {
          for (const path of ['/', '/login', '/trends.csv']) {
            const response = await app().request(`http://localhost${path}`, { headers, redirect: 'manual' });
            const label = `${path} with ${Object.keys(headers)[0]} ${JSON.stringify(value.slice(0, 40))}`;
            expect(response.status, label).toBeLessThan(500);
            expect(await response.text(), label).not.toMatch(SQL_ERROR_TEXT);
          }
        }
      }
      passed();
    }
    expect(await countRows(database.db, cases)).toBe(world.yekaterinburgCases.length + world.moscowCases.length);
  });

  it('swept every query key a handler read by name', () => {
    expect(queryKeysRead.size).toBeGreaterThan(0);
    for (const [key, names] of queryKeysRead) {
      for (const name of names) expect(ROUTE_INPUTS[key]!.query, `${key} reads ?${name}`).toContain(name);
      passed();
    }
  });
});

describe('hostile text on every page, for every role that may open it', () => {
  let database: TestDatabase;
  let hostile: HostileWorld;
  const app = (): Hono => createDashboard(database.db, { secureCookies: false, now: NOW });
  const clients = new Map<UserRoleName, SweepClient>();
  const p = xssPayload;

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    hostile = await seedHostileWorld(database.db);
    await addAccounts(database.db, (_role, i) => `Сотрудник ${p(30 + i)}`);
    for (const role of ALL_ROLES) {
      const client = new SweepClient(app);
      await client.login(userOf(role));
      clients.set(role, client);
    }
    // Text typed in through the pages: a note, a followed name, a new account.
    const casePath = `/cases/${hostile.caseId}`;
    const consular = clients.get('consular')!;
    expect((await consular.post(`${casePath}/review`, { _csrf: await consular.csrfToken(), status: 'needs_follow_up', note: p(14) })).status).toBe(303);
    for (const role of CASE_READERS) {
      const client = clients.get(role)!;
      const _csrf = await client.csrfToken();
      expect((await client.post(`${casePath}/follow`, { _csrf })).status).toBe(303);
      expect((await client.post(`${casePath}/follow-person`, { _csrf, name: `ИВАНОВ ${p(15)}`, follow: 'yes' })).status).toBe(303);
    }
    const admin = clients.get('admin')!;
    const created = await admin.post('/admin/users', {
      _csrf: await admin.csrfToken(), username: 'new-account', displayName: `<script>window.__xss=16</script><img src=x onerror="window.__xss=16">`, role: 'ngo', district: '', password: 'a long enough password',
    });
    expect(created.status).toBe(200);
  });
  afterAll(async () => database?.destroy());

  /** The pages a role may open, and the payloads each must show (as text): proof that the hostile text got there. */
  function pagesOf(role: UserRoleName): { path: string; payloads: number[] }[] {
    const own = 30 + ALL_ROLES.indexOf(role);
    const triager = TRIAGERS.includes(role);
    const pages: Record<string, { path: string; payloads: number[] }[]> = {
      '/': [{ path: '/', payloads: [1, 3, 4] }],
      '/cases/:id': [{ path: `/cases/${hostile.caseId}`, payloads: [1, 3, 4, 5, 6, 7, ...(triager ? [12, 14] : [])] }],
      '/followed': [{ path: '/followed', payloads: [4, 15] }],
      '/trends': [{ path: '/trends', payloads: [2] }],
      '/sources': [{ path: '/sources', payloads: [1] }],
      '/detainees/:id': [
        { path: `/detainees/${hostile.importedDetaineeId}`, payloads: [21, 22] },
        { path: `/detainees/${hostile.matchedDetaineeId}`, payloads: [4, 12] },
      ],
      '/admin/users': [{ path: '/admin/users', payloads: [16, 30, 31, 32, 33] }],
    };
    const readable = rules.filter((rule) => rule.method === 'GET' && rule.roles !== 'public' && rule.roles.includes(role));
    return readable.flatMap((rule) => (pages[rule.path] ?? []).map((page) => ({ ...page, payloads: [own, ...page.payloads] })));
  }

  it('has a page list for every HTML page of the route table', () => {
    const textRoutes = ['/trends.csv', '/documents/:id/raw', '/login'];
    for (const rule of rules.filter((r) => r.method === 'GET' && !textRoutes.includes(r.path))) {
      expect(ALL_ROLES.some((role) => pagesOf(role).length > 0 && rule.roles !== 'public' && rule.roles.includes(role))).toBe(true);
    }
  });

  it.each(ALL_ROLES)('%s: every page shows the payloads as text, and nothing on it could run', async (role) => {
    const client = clients.get(role)!;
    const pages = pagesOf(role);
    expect(pages.length).toBeGreaterThan(0);
    for (const { path, payloads } of pages) {
      // Also with a payload in the query, which comes back in the forms' `back` fields.
      for (const url of [path, `${path}?back=${encodePart(p(40))}&next=${encodePart(p(41))}&region=${encodePart(p(42))}`]) {
        const response = await client.request(url);
        expect(response.status, `${role} ${url}`).toBe(200);
        const html = await response.text();
        expect(scriptingOn(html), `${role} ${url}`).toEqual([]);
        const text = textOf(html);
        for (const n of payloads) expect(shows(text, n), `${role} ${path} shows payload ${n} as text`).toBe(true);
        passed();
      }
    }
  });

  it('the login page keeps a hostile next= and lang= inert', async () => {
    const client = new SweepClient(app);
    for (const query of [`next=${encodePart(`/${p(43)}`)}`, `lang=${encodePart(p(44))}`, `next=${encodePart('javascript:alert(1)')}`]) {
      const html = await (await client.request(`/login?${query}`)).text();
      expect(scriptingOn(html), query).toEqual([]);
      passed();
    }
  });

  it('serves a stored court page as plain text, never as HTML on our origin', async () => {
    for (const role of TRIAGERS) {
      const response = await clients.get(role)!.request(`/documents/${hostile.documentId}/raw`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      // Sandboxed with nothing allowed, should a browser render it anyway.
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toMatch(/(^|;)\s*sandbox\s*(;|$)/);
      expect(csp).toMatch(/default-src 'none'/);
      expect(headerProblems(response.headers)).toEqual([]);
      expect(await response.text()).toContain('<script>window.__xss=6</script>');
      passed();
    }
  });

  it.each(ALL_ROLES)('%s: the trends CSV defuses every formula', async (role) => {
    const response = await clients.get(role)!.request('/trends.csv');
    expect(response.status).toBe(200);
    const cells = parseCsv((await response.text()).replace(/^\uFEFF/, ''), { relaxColumnCount: true }) as string[][];
    const flat = cells.flat();
    expect(flat.filter(isFormulaCell)).toEqual([]);
    // The hostile labels are there, defused with a leading apostrophe.
    for (const formula of FORMULAS) expect(flat.some((cell) => cell.startsWith(`'${formula}`)), formula).toBe(true);
    passed(FORMULAS.length);
  });
});

describe('sessions, CSRF, headers and the login', () => {
  let database: TestDatabase;
  let world: World;
  const app = (config: Partial<DashboardConfig> = {}): Hono => createDashboard(database.db, { secureCookies: false, now: NOW, ...config });
  const loggedIn = async (username: string) => {
    const client = new SweepClient(app);
    expect((await client.login(username)).status, `login ${username}`).toBe(303);
    return client;
  };

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    world = await seedWorld(database.db);
    const passwordHash = await hashPassword(PASSWORD);
    // A second account per role: "another session" in the CSRF checks.
    for (const role of ALL_ROLES) await createUser(database.db, { username: `${userOf(role)}-2`, role, passwordHash });
  });
  afterAll(async () => database?.destroy());

  it('issues a fresh session id at login: one planted before is neither kept nor upgraded', async () => {
    const victim = new SweepClient(app);
    victim.jar.set('kuzet_session', 'planted-by-an-attacker');
    expect((await victim.login(userOf('consular'))).status).toBe(303);
    expect(victim.session).toBeDefined();
    expect(victim.session).not.toBe('planted-by-an-attacker');
    const attacker = new SweepClient(app);
    attacker.jar.set('kuzet_session', 'planted-by-an-attacker');
    expect((await attacker.request('/')).status).toBe(303);
    // The attacker's own live session, planted in the victim's browser: the victim's login replaces it, and it stays the attacker's.
    const own = await loggedIn(userOf('ngo'));
    const victim2 = new SweepClient(app);
    victim2.jar.set('kuzet_session', own.session!);
    await victim2.login(userOf('admin'));
    expect(victim2.session).not.toBe(own.session);
    expect((await own.request('/admin/users')).status).toBe(403);
    passed(3);
  });

  it('ends the session on the server at logout: the old cookie opens nothing', async () => {
    const client = await loggedIn(userOf('consular'));
    const token = client.session!;
    expect((await client.post('/logout', { _csrf: await client.csrfToken() })).status).toBe(303);
    expect(client.session).toBeUndefined();
    const replay = new SweepClient(app);
    replay.jar.set('kuzet_session', token);
    const response = await replay.request('/');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toMatch(/^\/login/);
    passed(2);
  });

  it('ends the sessions of an account the moment it is disabled', async () => {
    const victim = await loggedIn('sweep-victim');
    expect((await victim.request('/followed')).status).toBe(200);
    const admin = await loggedIn(userOf('admin'));
    expect((await admin.post(`/admin/users/${world.victimId}/disable`, { _csrf: await admin.csrfToken() })).status).toBe(303);
    expect((await victim.request('/followed')).status).toBe(303);
    expect((await admin.post(`/admin/users/${world.victimId}/enable`, { _csrf: await admin.csrfToken() })).status).toBe(303);
    passed();
  });

  it.each([
    ['over plain HTTP', {}, 'http://localhost', {}, false],
    ['when configured for TLS', { secureCookies: true }, 'http://localhost', {}, true],
    ['behind a TLS proxy (X-Forwarded-Proto: https)', {}, 'http://localhost', { 'x-forwarded-proto': 'https' }, true],
    ['when served over https', {}, 'https://localhost', {}, true],
  ] as const)('sets HttpOnly, SameSite=Strict, and Secure only with TLS, on the session cookie %s', async (_name, config, origin, headers, secure) => {
    const client = new SweepClient(() => app(config), origin);
    expect((await client.login(userOf('consular'), PASSWORD, headers)).status).toBe(303);
    const session = client.lastSetCookie.find((line) => line.startsWith('kuzet_session='));
    expect(session).toMatch(/;\s*HttpOnly/i);
    expect(session).toMatch(/;\s*SameSite=Strict/i);
    expect(session).toMatch(/;\s*Path=\//i);
    expect(Number(session?.match(/Max-Age=(\d+)/i)?.[1])).toBeLessThanOrEqual(12 * 3600);
    if (secure) expect(session).toMatch(/;\s*Secure/i);
    else expect(session).not.toMatch(/;\s*Secure/i);
    const csrf = await client.csrfToken();
    await client.post('/settings/language', { _csrf: csrf, language: 'ru', back: '/' }, headers);
    const language = client.lastSetCookie.find((line) => line.startsWith('kuzet_lang='));
    expect(language).toMatch(/;\s*HttpOnly/i);
    if (secure) expect(language).toMatch(/;\s*Secure/i);
    passed(2);
  });

  it('refuses every state change without the token, with a wrong one, and with another session\'s, for every role that may make it', async () => {
    const postRules = rules.filter((rule) => rule.method === 'POST' && rule.roles !== 'public');
    expect(postRules.length).toBeGreaterThan(5);
    for (const rule of postRules) {
      for (const role of rule.roles as readonly UserRoleName[]) {
        const client = await loggedIn(userOf(role));
        const sameUserElsewhere = await (await loggedIn(userOf(role))).csrfToken();
        const otherUser = await (await loggedIn(`${userOf(role)}-2`)).csrfToken();
        const path = concretePath(rule, world);
        const before = await stateOf(database.db);
        const forged: [string, Record<string, string>][] = [
          ['no token', {}],
          ['an empty token', { _csrf: '' }],
          ['a wrong token', { _csrf: 'A'.repeat(32) }],
          ["another user's session token", { _csrf: otherUser }],
          ["the same user's other session token", { _csrf: sameUserElsewhere }],
        ];
        for (const [label, token] of forged) {
          expect((await client.post(path, { ...validForm(rule), ...token })).status, `${role} ${routeKey(rule)} with ${label}`).toBe(403);
          passed();
        }
        expect(await stateOf(database.db), `${role} ${routeKey(rule)}: nothing changed`).toEqual(before);
        // The right token passes: the refusals were about the token.
        expect((await client.post(path, { ...validForm(rule), _csrf: await client.csrfToken() })).status, `${role} ${routeKey(rule)}`).not.toBe(403);
      }
    }
  });

  it('refuses a login posted from another site (login CSRF)', async () => {
    const crossSite = new SweepClient(app);
    const response = await crossSite.login(userOf('consular'), PASSWORD, { 'sec-fetch-site': 'cross-site', origin: 'http://evil.example' });
    expect(response.status).toBe(403);
    expect(crossSite.session).toBeUndefined();
    const sameSite = new SweepClient(app);
    expect((await sameSite.login(userOf('consular'), PASSWORD, { 'sec-fetch-site': 'same-origin', origin: 'http://localhost' })).status).toBe(303);
    passed();
  });

  it('sends a user back only to our own pages (no open redirect through next= or back=)', async () => {
    const client = await loggedIn(userOf('admin'));
    const elsewhere = ['//evil.example', '/\\evil.example', '/\t/evil.example', '/\n/evil.example', ' //evil.example', 'https://evil.example', 'javascript:alert(1)', '/%2F/evil.example'];
    const redirects: [string, () => Promise<Response>][] = elsewhere.flatMap((target) => [
      [`login next=${JSON.stringify(target)}`, () => new SweepClient(app).post('/login', { username: userOf('ngo'), password: PASSWORD, next: target })],
      [`language back=${JSON.stringify(target)}`, async () => client.post('/settings/language', { _csrf: await client.csrfToken(), language: 'en', back: target })],
      [`review back=${JSON.stringify(target)}`, async () =>
        client.post(`/cases/${world.moscowCases[2]}/review`, { _csrf: await client.csrfToken(), status: 'needs_follow_up', back: target })],
    ] as [string, () => Promise<Response>][]);
    for (const [label, send] of redirects) {
      const response = await send();
      expect(response.status, label).toBe(303);
      // Resolved as a browser does (WHATWG URL drops tabs and newlines, reads backslashes as slashes).
      expect(new URL(response.headers.get('location')!, 'http://localhost/').origin, label).toBe('http://localhost');
      passed();
    }
  });

  it('sends the security headers on every answer: pages, files, redirects, refusals, errors', async () => {
    const answers: [string, Response][] = [];
    for (const role of ALL_ROLES) {
      const client = await loggedIn(userOf(role));
      for (const rule of rules.filter((r) => r.method === 'GET' && r.roles !== 'public' && r.roles.includes(role))) {
        answers.push([`${role} ${rule.path}`, await client.request(concretePath(rule, world))]);
      }
      const forbidden = rules.find((r) => r.method === 'GET' && r.roles !== 'public' && !r.roles.includes(role));
      if (forbidden) answers.push([`${role} ${forbidden.path} (403)`, await client.request(concretePath(forbidden, world))]);
      answers.push([`${role} missing case (404)`, await client.request('/cases/999999')]);
      answers.push([`${role} bad form (400)`, await client.post('/settings/language', { _csrf: await client.csrfToken(), language: 'xx' })]);
    }
    const anonymous = new SweepClient(app);
    for (const path of ['/login', '/', '/static/app.css', '/no-such-page']) answers.push([`anonymous ${path}`, await anonymous.request(path)]);
    answers.push(['wrong password (401)', await new SweepClient(app).login(userOf('admin'), 'wrong password')]);
    for (const [label, response] of answers) {
      expect(headerProblems(response.headers), label).toEqual([]);
      passed();
    }
  });

  it('answers a failure with a plain message: no stack, no SQL, no data', async () => {
    const broken = await createTestDatabase('pglite');
    try {
      await seedWorld(broken.db);
      const client = new SweepClient(() => createDashboard(broken.db, { secureCookies: false, now: NOW }));
      await client.login(userOf('consular'));
      await broken.db.execute(sql`drop table follows cascade`);
      const logged: string[] = [];
      const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
      const response = await client.request('/followed').finally(() => spy.mockRestore());
      const body = await response.text();
      expect(response.status).toBe(500);
      expect(body).not.toMatch(SQL_ERROR_TEXT);
      expect(body).not.toMatch(/follows|relation|at .*\.ts|node_modules/);
      expect(headerProblems(response.headers)).toEqual([]);
      expect(logged.join('\n')).not.toMatch(/relation|select/i);
      passed(3);
    } finally {
      await broken.destroy();
    }
  });

  it('limits login attempts per client, even when the last one has the right password', async () => {
    const client = new SweepClient(app);
    for (let i = 0; i < 10; i += 1) expect((await client.post('/login', { username: `nobody-${i}`, password: 'guess' })).status).toBe(401);
    const last = await client.post('/login', { username: userOf('ngo'), password: PASSWORD });
    expect(last.status).toBe(429);
    expect(client.session).toBeUndefined();
    passed();
  });

  it('locks a name for the address that got its password wrong five times, even against the right one, and only there', async () => {
    await addUser(database.db, 'lock-target', 'ngo', PASSWORD);
    const server = app();
    const from = (address: string) => new SweepClient(() => server, 'http://localhost', address);
    for (let i = 0; i < 5; i += 1) expect((await from('10.1.0.1').login('lock-target', 'wrong password')).status).toBe(401);
    const attacker = from('10.1.0.1');
    expect((await attacker.login('lock-target')).status).toBe(429);
    expect(attacker.session).toBeUndefined();
    // Whoever knows a username cannot lock its owner out from elsewhere.
    const owner = from('10.1.0.2');
    expect((await owner.login('lock-target')).status).toBe(303);
    expect(owner.session).toBeDefined();
    passed(3);
  });

  it('locks a name everywhere after fifty wrong passwords from many addresses, for accounts and unknown names alike', async () => {
    await addUser(database.db, 'ceiling-target', 'ngo', PASSWORD);
    const server = app();
    const from = (address: string) => new SweepClient(() => server, 'http://localhost', address);
    for (let address = 1; address <= 10; address += 1) {
      for (let i = 0; i < 5; i += 1) {
        const account = await from(`10.2.${address}.1`).login('ceiling-target', 'wrong password');
        const unknown = await from(`10.3.${address}.1`).login('ceiling-nobody', 'wrong password');
        expect([unknown.status, await unknown.text()], `address ${address}, try ${i + 1}`).toEqual([account.status, await account.text()]);
      }
    }
    const fresh = from('10.2.99.1');
    const right = await fresh.login('ceiling-target');
    const unknown = await from('10.3.99.1').login('ceiling-nobody', 'wrong password');
    expect(right.status).toBe(429);
    expect(fresh.session).toBeUndefined();
    expect([unknown.status, await unknown.text()]).toEqual([429, await right.text()]);
    passed(3);
  });

  it('answers an unknown name, a wrong password and a disabled account alike, before and after the lockout', async () => {
    await addUser(database.db, 'enum-existing', 'ngo', PASSWORD);
    await addUser(database.db, 'enum-disabled', 'ngo', PASSWORD);
    await database.db.update(users).set({ disabled: true }).where(eq(users.username, 'enum-disabled'));
    // One server, an attacker with many addresses (so the per-client limit does not step in).
    const server = app();
    let address = 0;
    for (let attempt = 1; attempt <= 7; attempt += 1) {
      const answers = [];
      for (const username of ['enum-existing', 'enum-disabled', 'enum-nobody']) {
        address += 1;
        const response = await new SweepClient(() => server, 'http://localhost', `10.0.0.${address}`).login(username, 'wrong password');
        answers.push({ status: response.status, body: await response.text() });
      }
      expect(answers[1], `attempt ${attempt}: disabled vs existing`).toEqual(answers[0]);
      expect(answers[2], `attempt ${attempt}: unknown vs existing`).toEqual(answers[0]);
      passed();
    }
  });

  it('stores passwords only as salted scrypt hashes', async () => {
    const admin = await loggedIn(userOf('admin'));
    const password = 'the same long password';
    for (const username of ['hash-one', 'hash-two']) {
      const form = { _csrf: await admin.csrfToken(), username, displayName: '', role: 'ngo', district: '', password };
      expect((await admin.post('/admin/users', form)).status).toBe(200);
    }
    const stored = await database.db.select({ username: users.username, hash: users.passwordHash }).from(users);
    for (const { username, hash } of stored) {
      const parts = hash.match(/^scrypt\$(\d+)\$(\d+)\$(\d+)\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{86}==$/);
      expect(parts, username).not.toBeNull();
      expect(Number(parts![1]), username).toBeGreaterThanOrEqual(16384);
      expect(hash).not.toContain(password);
      expect(hash).not.toContain(PASSWORD);
    }
    const [one, two] = ['hash-one', 'hash-two'].map((name) => stored.find((row) => row.username === name)!.hash);
    expect(one).not.toBe(two);
    expect((await new SweepClient(app).login('hash-two', password)).status).toBe(303);
    passed(stored.length);
  });
});

describe('personal data in the logs', () => {
  it('crawling a court, analysing, importing detainees and serving the dashboard log no name, birth date or passport number', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kuzet-logs-'));
    const env = { DATABASE_URL: process.env.DATABASE_URL, KUZET_DATA_DIR: process.env.KUZET_DATA_DIR };
    delete process.env.DATABASE_URL;
    process.env.KUZET_DATA_DIR = join(dir, 'pglite');
    // The same courts and cases `kuzet crawl --simulator` generates (seed 1, 4 courts of 30, today).
    const truth = await startCourtSimulator({ courtCount: 4, casesPerCourt: 30, seed: 1 });
    await truth.close();
    const { csv, passports } = detaineeCsv(truth.cases);
    writeFileSync(join(dir, 'detainees.csv'), csv);
    const output = captureOutput();
    try {
      await crawlCommand({ source: 'sudrf', simulator: true, concurrency: '8', minHostInterval: '0', minProcessInterval: '0', analyze: true });
      await importDetaineesCommand(join(dir, 'detainees.csv'), { district: 'yekaterinburg' });
      const database = await openDatabase({ dataDir: process.env.KUZET_DATA_DIR });
      try {
        await addUser(database.db, 'consul', 'admin', PASSWORD);
        const dashboard = await startDashboard(database.db, 0, '127.0.0.1');
        try {
          await browseEverything(dashboard.url, database.db, truth.cases);
        } finally {
          await dashboard.close();
        }
      } finally {
        await database.close();
      }
    } finally {
      output.restore();
      Object.assign(process.env, env);
      for (const [key, value] of Object.entries(env)) if (value === undefined) delete process.env[key];
      rmSync(dir, { recursive: true, force: true });
    }
    const logged = output.text();
    // The commands did talk (counts and ids): the capture works, and the run did what it says.
    expect(logged).toMatch(/cases analysed, [1-9]\d* flagged/);
    expect(logged).toMatch(/rows: [1-9]\d* new/);
    expect(logged).toMatch(/line \d+: birth_date is not a calendar date/);
    const personal = [...personalDataOf(truth.cases), ...passports];
    expect(personal.length).toBeGreaterThan(100);
    for (const item of personal) expect(logged.includes(item), `the logs show «${item}»`).toBe(false);
    passed(personal.length);
  }, 300_000);
});
