// Issue 8 §4, black box: the dashboard as an attacker meets it. Every route of the route table
// gets SQL-injection strings in every input it reads (on both drivers), every page that shows
// hostile text is checked for anything that could run, sessions, CSRF, headers, the login and
// the logs are probed. Each passed check is counted in the reliability table.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { HonoRequest } from 'hono/request';
import { createDashboard, routeTable, type RouteRule } from '../../dashboard/server.ts';
import type { UserRoleName } from '../../db/queries/users.ts';
import { cases, users } from '../../db/schema.ts';
import { createTestDatabase, drivers, type TestDatabase } from '../helpers/databases.ts';
import { parse as parseCsv } from 'csv-parse/sync';
import { ALL_ROLES, CASE_READERS, TRIAGERS } from '../../dashboard/routes/route-rule.ts';
import { encodePart, SweepClient } from './security-client.ts';
import {
  inputsOnPage, isFormulaCell, ROUTE_INPUTS, routeKey, ruleOf, scriptingOn, shows, SQL_ERROR_TEXT, SQL_INJECTIONS, textOf, xssPayload,
} from './security-inputs.ts';
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

/** The role a route is probed as: the district-bound consular account when it may, so that a widened result shows. */
function probingRole(rule: RouteRule): UserRoleName | null {
  if (rule.roles === 'public') return null;
  for (const role of ['consular', 'admin', 'ngo', 'analyst'] as const) if (rule.roles.includes(role)) return role;
  return null;
}

function concretePath(rule: RouteRule, world: World, id?: string): string {
  const ids: [RegExp, number][] = [
    [/^\/cases\//, world.yekaterinburgCases[0]!],
    [/^\/documents\//, world.documentId],
    [/^\/detainees\//, world.detaineeId],
    [/^\/matches\//, world.matchId],
    [/^\/admin\/users\//, world.victimId],
  ];
  const fallback = ids.find(([pattern]) => pattern.test(rule.path))?.[1];
  return rule.path.replace(/:id/, id ?? String(fallback));
}

let accountSerial = 0;
/** A valid form for each state-changing route, so that a payload in one field meets the code behind the others. */
function validForm(rule: RouteRule): Record<string, string> {
  switch (rule.path) {
    case '/login':
      return { username: 'login-target', password: 'correct horse battery', next: '/' };
    case '/cases/:id/review':
      return { status: 'needs_follow_up', note: 'checked', assignedTo: '', back: '/' };
    case '/cases/:id/follow-person':
      return { name: 'АСАНОВ1 Б.Т.', follow: 'yes' };
    case '/matches/:id/review':
      return { decision: 'rejected' };
    case '/admin/users':
      accountSerial += 1;
      return { username: `sweep-new-${accountSerial}`, displayName: 'New', role: 'ngo', district: '', password: 'a long enough password' };
    case '/settings/language':
      return { language: 'en', back: '/' };
    default:
      return {};
  }
}

/** How many cases a response lists: queue rows, or the trends total; null where nothing is counted. */
function listedCases(rule: RouteRule, body: string): number | null {
  if (rule.path === '/') return body.match(/<tr data-case-id="/g)?.length ?? 0;
  if (rule.path === '/trends') return Number(body.match(/class="total">[^<\d]*(\d+)/)?.[1] ?? Number.NaN);
  return null;
}

describe.each(drivers)('SQL injection in every input of every route on %s', (driver) => {
  let database: TestDatabase;
  let world: World;
  const app = (): Hono => createDashboard(database.db, { secureCookies: false, now: NOW });
  const clients = new Map<UserRoleName, SweepClient>();

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    world = await seedWorld(database.db);
    const { addUser } = await import('../helpers/dashboard-client.ts');
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
