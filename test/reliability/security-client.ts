// A browser stand-in for the security sweep: a cookie jar (session and language cookies side
// by side), the raw Set-Cookie lines of the last answer, and a fresh app per login when asked,
// so that the per-client login throttle does not hide what lies behind it.
import type { Hono } from 'hono';

export const PASSWORD = 'correct horse battery';

export class SweepClient {
  readonly jar = new Map<string, string>();
  lastSetCookie: string[] = [];

  constructor(
    private readonly app: () => Hono,
    private readonly origin = 'http://localhost',
    /** The client's IP address as the Node server would report it; none by default. */
    private readonly address?: string,
  ) {}

  private current?: Hono;
  private get server(): Hono {
    this.current ??= this.app();
    return this.current;
  }

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.jar.size > 0) headers.set('cookie', [...this.jar].map(([name, value]) => `${name}=${value}`).join('; '));
    const connection = this.address ? { incoming: { socket: { remoteAddress: this.address, remotePort: 40000, remoteFamily: 'IPv4' } } } : undefined;
    const response = await this.server.request(`${this.origin}${path}`, { ...init, headers, redirect: 'manual' }, connection);
    this.lastSetCookie = response.headers.getSetCookie();
    for (const line of this.lastSetCookie) {
      const [pair, ...attributes] = line.split(';');
      const [name, ...value] = pair!.split('=');
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value.join('=') === '';
      if (expired) this.jar.delete(name!.trim());
      else this.jar.set(name!.trim(), value.join('='));
    }
    return response;
  }

  post(path: string, form: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> {
    return this.request(path, {
      method: 'POST',
      body: new URLSearchParams(form),
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    });
  }

  /** Logs in on a fresh app (a fresh throttle); later requests go to that app. */
  async login(username: string, password = PASSWORD, headers: Record<string, string> = {}): Promise<Response> {
    this.current = this.app();
    return this.post('/login', { username, password }, headers);
  }

  get session(): string | undefined {
    return this.jar.get('kuzet_session');
  }

  /** The CSRF token of the current session, read from a page's form. */
  async csrfToken(path = '/trends'): Promise<string> {
    const page = await (await this.request(path)).text();
    const match = page.match(/name="_csrf" value="([^"]+)"/);
    if (!match) throw new Error(`no CSRF token on ${path}`);
    return match[1]!;
  }
}

/** A path or query value as a browser would send it (lone surrogates become U+FFFD). */
export function encodePart(value: string): string {
  return encodeURIComponent(value.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'));
}
