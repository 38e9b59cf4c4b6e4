// A JavaScript-only judicial-acts bank on 127.0.0.1 (port 0): an HTML shell, a static script
// (portal.js) that reads the query from the URL hash and asks /api/search for JSON, acts in
// iframes (/act/<id>.html); a search finds the acts holding every word of its query. UTF-8.
// `apiDelayMs` makes the script's requests slow, like the real portal's.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateBankActs, type BankAct } from './acts.ts';

export interface JsPortalOptions {
  actCount?: number;
  pageSize?: number;
  apiDelayMs?: number;
}

export interface JsPortal {
  baseUrl: string;
  /** The portal page; queries go in its hash. */
  portalUrl: string;
  acts: BankAct[];
  requests: () => number;
  close(): Promise<void>;
}

const PORTAL_SCRIPT = readFileSync(new URL('./portal.js', import.meta.url), 'utf8');
const SHELL = `<!DOCTYPE html><html lang="ru"><head><meta charset="UTF-8"><title>Банк судебных решений</title></head>
<body><div id="app"><noscript>Для работы портала включите JavaScript</noscript></div><script src="/portal.js"></script></body></html>`;

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const isoOf = (ru: string) => ru.split('.').reverse().join('-');

function actHtml(act: BankAct): string {
  return `<!DOCTYPE html><html lang="ru"><head><meta charset="UTF-8"></head><body><div id="act-text">${act.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('')}</div></body></html>`;
}

export async function startJsPortal(options: JsPortalOptions = {}): Promise<JsPortal> {
  const acts = generateBankActs(options.actCount ?? 12);
  const byId = new Map(acts.map((act) => [act.id, act]));
  const pageSize = options.pageSize ?? 5;
  let requestCount = 0;

  const handle = (request: IncomingMessage, response: ServerResponse) => {
    requestCount += 1;
    const url = new URL(request.url ?? '/', 'http://portal');
    const send = (status: number, type: string, body: string) => {
      response.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' });
      response.end(body);
    };
    const json = (body: unknown) => setTimeout(() => send(200, 'application/json', JSON.stringify(body)), options.apiDelayMs ?? 0);
    if (url.pathname === '/robots.txt') return send(200, 'text/plain', 'User-agent: *\nAllow: /\n');
    if (url.pathname === '/portal.html') return send(200, 'text/html', SHELL);
    if (url.pathname === '/portal.js') return send(200, 'text/javascript', PORTAL_SCRIPT);
    if (url.pathname === '/api/search') {
      const text = url.searchParams.get('text') ?? '';
      const from = url.searchParams.get('from') || '0000-00-00';
      const to = url.searchParams.get('to') || '9999-99-99';
      // Full-text search as the bank does it: every word of the query somewhere in the act.
      const words = text.split(/\s+/).filter(Boolean);
      const found = acts.filter((act) => {
        const body = act.paragraphs.join(' ');
        return words.every((word) => body.includes(word)) && isoOf(act.date) >= from && isoOf(act.date) <= to;
      });
      const pages = Math.max(1, Math.ceil(found.length / pageSize));
      const page = Math.min(Math.max(1, Number(url.searchParams.get('page')) || 1), pages);
      const items = found.slice((page - 1) * pageSize, page * pageSize).map(({ id, caseNumber, court, date }) => ({ id, caseNumber, court, date }));
      return json({ total: found.length, page, pages, items });
    }
    const apiAct = /^\/api\/act\/([\w-]+)$/.exec(url.pathname);
    if (apiAct && byId.has(apiAct[1]!)) {
      const { id, caseNumber, court, date, kind } = byId.get(apiAct[1]!)!;
      return json({ id, caseNumber, court, date, kind });
    }
    const actPage = /^\/act\/([\w-]+)\.html$/.exec(url.pathname);
    if (actPage && byId.has(actPage[1]!)) return send(200, 'text/html', actHtml(byId.get(actPage[1]!)!));
    return send(404, 'text/html', '<html><body>Не найдено</body></html>');
  };

  const server = createServer(handle);
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    baseUrl,
    portalUrl: `${baseUrl}/portal.html`,
    acts,
    requests: () => requestCount,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
