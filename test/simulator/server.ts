// One simulated court site: its own loopback listener (so each court is its own host for
// politeness), the real sud_delo URL scheme, windows-1251 pages, faults on demand.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import iconv from 'iconv-lite';
import type { SimulatedCase } from './generate-cases.ts';
import { faultsFor, type PageFaults, type SimulatorFaults } from './faults.ts';
import { readQuery, searchCases } from './query.ts';
import { captchaForm, notFoundPage, renderActPage, renderCard, renderList, ROWS_PER_PAGE, throttlePage, wafPage, type CourtPageContext } from './render.ts';

export type { SimulatorFaults };

export interface RequestLogEntry {
  court: string;
  host: string;
  path: string;
  /** Date.now() when the request arrived. */
  at: number;
  userAgent: string;
  status: number;
}

export interface CourtServer {
  baseUrl: string;
  close(): Promise<void>;
}

export interface CourtSite extends CourtPageContext {
  hasCaptcha: boolean;
}

function send(res: ServerResponse, html: string, status: number, faults: Pick<PageFaults, 'truncate' | 'wrongCharset'>): number {
  let body = iconv.encode(html, 'windows-1251');
  if (faults.truncate) body = body.subarray(0, Math.floor(body.length / 2));
  res.writeHead(status, { 'content-type': `text/html; charset=${faults.wrongCharset ? 'utf-8' : 'windows-1251'}` });
  res.end(body);
  return status;
}

const CLEAN = { truncate: false, wrongCharset: false };

/** Answers one request; returns the HTTP status sent, for the request log. */
function answer(court: CourtSite, cases: SimulatedCase[], faults: SimulatorFaults, count: number, robotsTxt: string, req: IncomingMessage, res: ServerResponse): number {
  const path = req.url ?? '/';
  if (path === '/robots.txt') {
    res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(robotsTxt);
    return 200;
  }
  // Like the real WAF: a bare curl/wget User-Agent is refused with «(B)».
  if (/^(curl|wget)\//i.test(req.headers['user-agent'] ?? '')) return send(res, wafPage(court), 403, CLEAN);
  const page = faultsFor(faults, count);
  if (page.refusal?.kind === 'rate_limit') {
    res.writeHead(429, { 'retry-after': String(page.refusal.retryAfterSeconds), 'content-type': 'text/plain' }).end('Too Many Requests');
    return 429;
  }
  if (page.refusal?.kind === 'server_error') {
    res.writeHead(page.refusal.status, { 'content-type': 'text/plain' }).end(page.refusal.status === 503 ? 'Service Unavailable' : 'Bad Gateway');
    return page.refusal.status;
  }
  if (page.refusal?.kind === 'throttle_page') return send(res, throttlePage(court), 200, CLEAN);
  const [pathname, rawQuery = ''] = path.split('?');
  if (pathname !== '/modules.php') return send(res, notFoundPage(court), 404, CLEAN);
  const get = readQuery(rawQuery);
  const op = get('name_op');
  const srvNum = Number(get('srv_num') ?? '1');
  if (op === 'r') {
    if (court.hasCaptcha || faults.captchaCourts?.includes(court.code)) return send(res, captchaForm(court, get('captcha') !== null), 200, CLEAN);
    const found = searchCases(cases, get, srvNum);
    const pageNumber = Math.max(1, Number(get('page') ?? get('_page') ?? '1') || 1);
    const rows = found.slice((pageNumber - 1) * ROWS_PER_PAGE, pageNumber * ROWS_PER_PAGE);
    return send(res, renderList(court, rows, found.length, pageNumber, rawQuery), 200, page);
  }
  if (op === 'case') {
    const id = Number(get('case_id') ?? get('_id'));
    const found = cases.find((c) => c.caseId === id && c.srvNum === srvNum);
    return found ? send(res, renderCard(court, found), 200, page) : send(res, notFoundPage(court), 404, CLEAN);
  }
  if (op === 'doc') {
    const found = cases.find((c) => c.caseId === Number(get('number')) && c.srvNum === srvNum);
    return found ? send(res, renderActPage(court, found), 200, page) : send(res, notFoundPage(court), 404, CLEAN);
  }
  return send(res, notFoundPage(court), 404, CLEAN);
}

export async function startCourtServer(court: CourtSite, cases: SimulatedCase[], faults: SimulatorFaults, log: RequestLogEntry[], robotsTxt: string): Promise<CourtServer> {
  let count = 0;
  const server: Server = createServer((req, res) => {
    // robots.txt does not count towards faults: a crawler fetches it once per host.
    if (req.url !== '/robots.txt') count += 1;
    const requestNumber = count;
    const entry: RequestLogEntry = { court: court.code, host: req.headers.host ?? '', path: req.url ?? '/', at: Date.now(), userAgent: req.headers['user-agent'] ?? '', status: 0 };
    log.push(entry);
    const respond = () => {
      entry.status = answer(court, cases, faults, requestNumber, robotsTxt, req, res);
    };
    if (faults.slowMs) setTimeout(respond, faults.slowMs);
    else respond();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
