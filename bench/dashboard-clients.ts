// Logged-in users of the dashboard as the load benchmark plays them: each client is one
// person with a role, clicking through what that role does (one request at a time, with an
// optional think time), over keep-alive HTTP like a browser.
import { Agent, request } from 'node:http';

export type Role = 'consular' | 'ngo' | 'analyst' | 'admin';

export interface LoadClient {
  role: Role;
  cookie: string;
  csrfToken: string;
  /** The client's consular district (officers see their district's queue by default). */
  district: string | null;
}

export interface Sample {
  route: string;
  ms: number;
  ok: boolean;
  status: number;
}

export interface LoadPlan {
  baseUrl: string;
  clients: LoadClient[];
  seconds: number;
  thinkMs: number;
  /** Flagged cases to open and review, and followable cases. */
  caseIds: number[];
  random: () => number;
}

interface Step {
  route: string;
  method: 'GET' | 'POST';
  path: string;
  form?: Record<string, string>;
}

const ARTICLES = ['18.8', '18.10', '322', '20.1'];
const REGIONS = ['77', '50', '66', '54', '78', '16'];
const OUTCOMES = ['fine', 'expulsion_forced', 'detention_center'];

/** The next thing this client does; weights follow how each role uses the dashboard. */
function nextStep(client: LoadClient, plan: LoadPlan, nextPage: string | null): Step {
  const r = plan.random();
  const pick = <T>(items: readonly T[]): T => items[Math.floor(plan.random() * items.length)]!;
  const caseId = pick(plan.caseIds);
  const get = (route: string, path: string): Step => ({ route, method: 'GET', path });
  const filtered = () => {
    const params = new URLSearchParams();
    const kind = plan.random();
    if (kind < 0.3) params.set('article', pick(ARTICLES));
    else if (kind < 0.5) params.set('region', pick(REGIONS));
    else if (kind < 0.65) params.set('outcome', pick(OUTCOMES));
    else if (kind < 0.8) params.set('strength', 'yes');
    else params.set('from', `01.${String(1 + Math.floor(plan.random() * 9)).padStart(2, '0')}.2026`);
    if (plan.random() < 0.3) params.set('district', 'all');
    return params.toString();
  };
  if (client.role === 'analyst') {
    if (r < 0.45) return get('trends', '/trends');
    if (r < 0.8) return get('trends filtered', `/trends?${filtered()}`);
    return get('trends.csv', `/trends.csv?${plan.random() < 0.5 ? filtered() : ''}`);
  }
  if (client.role === 'ngo') {
    if (r < 0.3) return get('queue', '/');
    if (r < 0.45) return get('queue filtered', `/?${filtered()}`);
    if (r < 0.75) return get('case', `/cases/${caseId}`);
    if (r < 0.95) return get('followed', '/followed');
    return get('trends', '/trends');
  }
  if (client.role === 'admin') {
    if (r < 0.4) return get('sources', '/sources');
    if (r < 0.6) return get('queue', '/?district=all');
    if (r < 0.8) return get('trends', '/trends');
    return get('case', `/cases/${caseId}`);
  }
  if (r < 0.2) return get('queue', '/');
  if (r < 0.35) return get('queue filtered', `/?${filtered()}`);
  if (r < 0.45 && nextPage) return get('queue next page', nextPage);
  if (r < 0.7) return get('case', `/cases/${caseId}`);
  if (r < 0.85) {
    const status = pick(['confirmed', 'dismissed', 'needs_follow_up', 'new']);
    return { route: 'review POST', method: 'POST', path: `/cases/${caseId}/review`, form: { _csrf: client.csrfToken, status, back: '/' } };
  }
  if (r < 0.92) return get('sources', '/sources');
  return get('trends', '/trends');
}

function send(agent: Agent, baseUrl: string, client: LoadClient, step: Step): Promise<{ status: number; body: string }> {
  const body = step.form ? new URLSearchParams(step.form).toString() : undefined;
  const headers: Record<string, string> = { cookie: client.cookie, 'accept-language': 'ru' };
  if (body) Object.assign(headers, { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(Buffer.byteLength(body)) });
  return new Promise((resolve, reject) => {
    const req = request(`${baseUrl}${step.path}`, { method: step.method, agent, headers, timeout: 30_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(body);
  });
}

/** The "next page" link of a queue page, if any (keyset paging keeps the filters in it). */
function nextPageLink(html: string): string | null {
  const match = html.match(/<a [^>]*rel="next"[^>]*href="([^"]+)"/) ?? html.match(/<a [^>]*href="([^"]+)"[^>]*rel="next"/);
  return match ? match[1]!.replace(/&amp;/g, '&') : null;
}

export async function runLoad(plan: LoadPlan): Promise<Sample[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: plan.clients.length });
  const samples: Sample[] = [];
  const deadline = Date.now() + plan.seconds * 1000;
  await Promise.all(
    plan.clients.map(async (client) => {
      let nextPage: string | null = null;
      while (Date.now() < deadline) {
        const step = nextStep(client, plan, nextPage);
        const started = performance.now();
        try {
          const { status, body } = await send(agent, plan.baseUrl, client, step);
          const ok = step.method === 'POST' ? status === 303 : status === 200;
          samples.push({ route: step.route, ms: performance.now() - started, ok, status });
          if (step.route.startsWith('queue')) nextPage = nextPageLink(body);
        } catch {
          samples.push({ route: step.route, ms: performance.now() - started, ok: false, status: 0 });
        }
        if (plan.thinkMs > 0) await new Promise((resolve) => setTimeout(resolve, plan.random() * 2 * plan.thinkMs));
      }
    }),
  );
  agent.destroy();
  return samples;
}
