// Walks every route of the dashboard: each declares its roles, none but the login page is
// public, none answers without a session, and each refuses the roles it does not list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDashboard, FORM_MAX_BYTES, routeTable } from '../../dashboard/server.ts';
import { DETAINEE_UPLOAD } from '../../dashboard/routes/detainees.ts';
import { ALL_ROLES } from '../../dashboard/routes/route-rule.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { addUser, DashboardClient } from '../helpers/dashboard-client.ts';

const concretePath = (path: string) => path.replace(/:[a-z]+/gi, '1');

describe('the route table', () => {
  let database: TestDatabase;
  const app = () => createDashboard(database.db, { secureCookies: false });
  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    for (const role of ALL_ROLES) await addUser(database.db, `user-${role}`, role);
  });
  afterAll(async () => database?.destroy());

  it('gives every route a role rule, and only the login page is public', () => {
    for (const rule of routeTable()) {
      expect(rule.roles, `${rule.method} ${rule.path}`).toBeDefined();
      if (rule.roles === 'public') expect(rule.path, 'a public route').toBe('/login');
      else {
        expect(rule.roles.length, `${rule.method} ${rule.path} lists no role`).toBeGreaterThan(0);
        for (const role of rule.roles) expect(ALL_ROLES).toContain(role);
      }
    }
  });

  it('answers no non-public route without a session', async () => {
    const client = new DashboardClient(app());
    for (const rule of routeTable().filter((r) => r.roles !== 'public')) {
      const path = concretePath(rule.path);
      const response = rule.method === 'GET' ? await client.request(path) : await client.post(path, {});
      expect(response.status, `${rule.method} ${rule.path}`).not.toBe(200);
      expect(response.status, `${rule.method} ${rule.path}`).toBe(303);
      expect(response.headers.get('location')).toMatch(/^\/login\?next=/);
    }
  });

  it('refuses every role a route does not list, before reading anything', async () => {
    for (const role of ALL_ROLES) {
      const client = new DashboardClient(app());
      await client.login(`user-${role}`, 'correct horse battery');
      for (const rule of routeTable().filter((r) => r.roles !== 'public' && !r.roles.includes(role))) {
        const path = concretePath(rule.path);
        const response = rule.method === 'GET' ? await client.request(path) : await client.post(path, {});
        expect(response.status, `${role} on ${rule.method} ${rule.path}`).toBe(403);
      }
    }
  });

  it('refuses every state change without the session\'s CSRF token', async () => {
    const admin = new DashboardClient(app());
    await admin.login('user-admin', 'correct horse battery');
    for (const rule of routeTable().filter((r) => r.method === 'POST' && r.roles !== 'public')) {
      expect(rule.roles, rule.path).toContain('admin');
      for (const csrf of [{}, { _csrf: 'forged' }] as Record<string, string>[]) {
        const response = await admin.post(concretePath(rule.path), csrf);
        expect(response.status, `POST ${rule.path}`).toBe(403);
      }
    }
  });

  it('refuses a form body over the limit on every POST route but the upload, the login included, and takes one just under it', async () => {
    const admin = new DashboardClient(app());
    const login = await admin.login('user-admin', 'correct horse battery');
    expect(login.status).toBe(303);
    const padding = (bytes: number) => ({ padding: 'x'.repeat(bytes) });
    for (const rule of routeTable().filter((r) => r.method === 'POST' && r.path !== DETAINEE_UPLOAD.path)) {
      const response = await admin.post(concretePath(rule.path), padding(FORM_MAX_BYTES + 1));
      expect(response.status, `POST ${rule.path}`).toBe(413);
    }
    // Just under the limit the form is read as before (here: refused for its missing token, not its size).
    expect((await admin.post('/settings/language', padding(FORM_MAX_BYTES - 100))).status).toBe(403);
    expect((await admin.post('/logout', { _csrf: 'forged', ...padding(FORM_MAX_BYTES - 100) })).status).toBe(403);
  });

  it('keeps detainee records, crawl health and accounts away from NGO and analyst roles', () => {
    for (const rule of routeTable()) {
      if (!/detainee|matches|sources|admin/.test(rule.path)) continue;
      expect(rule.roles, rule.path).not.toContain('ngo');
      expect(rule.roles, rule.path).not.toContain('analyst');
    }
    const analystPaths = routeTable().filter((r) => r.roles !== 'public' && r.roles.includes('analyst')).map((r) => r.path);
    expect(analystPaths.sort()).toEqual(['/logout', '/settings/language', '/trends', '/trends.csv']);
  });
});
