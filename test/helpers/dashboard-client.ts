// Drives the dashboard in-process through Hono's fetch, keeping the session cookie like a browser.
import type { Hono } from 'hono';
import type { Db } from '../../db/client.ts';
import { hashPassword } from '../../dashboard/auth/passwords.ts';
import { createUser, type UserRoleName } from '../../db/queries/users.ts';

export class DashboardClient {
  cookie = '';
  constructor(private readonly app: Hono) {}

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookie) headers.set('cookie', this.cookie);
    const response = await this.app.request(`http://localhost${path}`, { ...init, headers, redirect: 'manual' });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0]!;
    return response;
  }

  post(path: string, form: Record<string, string>): Promise<Response> {
    return this.request(path, { method: 'POST', body: new URLSearchParams(form), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  }

  /** A multipart form, as a browser posts a file upload (the body sets its own content type). */
  postMultipart(path: string, form: FormData, headers: Record<string, string> = {}): Promise<Response> {
    return this.request(path, { method: 'POST', body: form, headers });
  }

  async login(username: string, password: string): Promise<Response> {
    return this.post('/login', { username, password });
  }

  /** The CSRF token of the current session, read from a page's form. */
  async csrfToken(path = '/'): Promise<string> {
    const page = await (await this.request(path)).text();
    const match = page.match(/name="_csrf" value="([^"]+)"/);
    if (!match) throw new Error(`no CSRF token on ${path}`);
    return match[1]!;
  }
}

export async function addUser(db: Db, username: string, role: UserRoleName, password = 'correct horse battery'): Promise<void> {
  await createUser(db, { username, role, passwordHash: await hashPassword(password) });
}
