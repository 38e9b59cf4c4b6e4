// An officer's browser against a dashboard process over HTTP (the in-process client is
// test/helpers/dashboard-client.ts): keeps the session cookie, never follows redirects.
export class HttpOfficer {
  cookie = '';
  csrf = '';
  base = '';

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookie) headers.set('cookie', this.cookie);
    const response = await fetch(`${this.base}${path}`, { ...init, headers, redirect: 'manual', signal: AbortSignal.timeout(15_000) });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0]!;
    return response;
  }

  post(path: string, form: Record<string, string>): Promise<Response> {
    return this.request(path, { method: 'POST', body: new URLSearchParams(form), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  }

  async login(): Promise<void> {
    const response = await this.post('/login', { username: 'consul', password: 'correct horse battery' });
    if (response.status !== 303) throw new Error(`login answered ${response.status}`);
    const page = await (await this.request('/')).text();
    this.csrf = page.match(/name="_csrf" value="([^"]+)"/)?.[1] ?? '';
    if (!this.csrf) throw new Error('no CSRF token on the queue page');
  }
}

