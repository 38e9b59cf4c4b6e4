// The court-site simulator: one loopback listener per court (so each court is its own host for
// politeness), the real sud_delo URL scheme, windows-1251 pages, and faults on demand.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import iconv from 'iconv-lite';
import type { SimulatedCase } from './generate-cases.ts';
import { captchaForm, renderActPage, renderCard, renderList, throttlePage, type CourtPageContext } from './render.ts';

export interface SimulatorFaults {
  captchaCourts?: string[];
  /** Every Nth request of a court answers 429 with Retry-After. */
  rateLimit?: { everyN: number; retryAfterSeconds: number };
  throttlePageEveryN?: number;
  serverErrorEveryN?: number;
  slowMs?: number;
  truncateEveryN?: number;
  /** Declares UTF-8 but sends windows-1251. */
  wrongCharsetEveryN?: number;
}

export interface RequestLogEntry {
  court: string;
  host: string;
  path: string;
  at: number;
}

export interface CourtServer {
  baseUrl: string;
  close(): Promise<void>;
}

const ROWS = 25;

/** Decodes a windows-1251 percent-encoded query value («18.8+%F7.1.1»). */
function cp1251Param(rawQuery: string, name: string): string | null {
  for (const pair of rawQuery.split('&')) {
    const [key, value = ''] = pair.split('=');
    if (key?.toLowerCase() !== name.toLowerCase()) continue;
    const bytes: number[] = [];
    const text = value.replace(/\+/g, ' ');
    for (let i = 0; i < text.length; i += 1) {
      if (text[i] === '%') {
        bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
        i += 2;
      } else bytes.push(text.charCodeAt(i));
    }
    return iconv.decode(Buffer.from(bytes), 'windows-1251');
  }
  return null;
}

const isoFromRu = (value: string | null) => value?.split('.').reverse().join('-') ?? null;

function listFor(cases: SimulatedCase[], query: string, srvNum: number): SimulatedCase[] {
  const article = cp1251Param(query, 'adm_parts__LAW_ARTICLESS') ?? cp1251Param(query, 'parts__law_articless') ?? '';
  const since = isoFromRu(cp1251Param(query, 'adm_document__PUBL_DATE1D') ?? cp1251Param(query, 'document__publ_date1d'));
  const until = isoFromRu(cp1251Param(query, 'adm_document__PUBL_DATE2D') ?? cp1251Param(query, 'document__publ_date2d'));
  const deloId = cp1251Param(query, 'delo_id') ?? cp1251Param(query, '_deloId');
  return cases.filter(
    (c) =>
      c.srvNum === srvNum &&
      c.deloId === deloId &&
      (article === '' || c.article === article.trim()) &&
      (!since || c.publishedDate >= since) &&
      (!until || c.publishedDate <= until),
  );
}

export async function startCourtServer(
  court: CourtPageContext & { hasCaptcha: boolean },
  cases: SimulatedCase[],
  faults: SimulatorFaults,
  log: RequestLogEntry[],
  robotsTxt: string,
): Promise<CourtServer> {
  let requestCount = 0;
  const every = (n: number | undefined) => n !== undefined && n > 0 && requestCount % n === 0;

  const send = (res: ServerResponse, html: string, status = 200, charset = 'windows-1251', truncate = false) => {
    let body = iconv.encode(html, 'windows-1251');
    if (truncate) body = body.subarray(0, Math.floor(body.length / 2));
    res.writeHead(status, { 'content-type': `text/html; charset=${charset}` });
    res.end(body);
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    requestCount += 1;
    const path = req.url ?? '/';
    log.push({ court: court.code, host: req.headers.host ?? '', path, at: Date.now() });
    if (path === '/robots.txt') return void res.writeHead(200, { 'content-type': 'text/plain' }).end(robotsTxt);
    if (faults.rateLimit && every(faults.rateLimit.everyN)) {
      return void res.writeHead(429, { 'retry-after': String(faults.rateLimit.retryAfterSeconds) }).end('Too Many Requests');
    }
    if (every(faults.serverErrorEveryN)) return void res.writeHead(503).end('Service Unavailable');
    if (every(faults.throttlePageEveryN)) return send(res, throttlePage(court));
    const query = path.split('?')[1] ?? '';
    const op = cp1251Param(query, 'name_op');
    const srvNum = Number(cp1251Param(query, 'srv_num') ?? '1');
    const truncate = every(faults.truncateEveryN);
    const charset = every(faults.wrongCharsetEveryN) ? 'utf-8' : 'windows-1251';
    if (op === 'r') {
      if (court.hasCaptcha || faults.captchaCourts?.includes(court.code)) return send(res, captchaForm(court));
      const found = listFor(cases, query, srvNum);
      const pageNumber = Number(cp1251Param(query, 'page') ?? cp1251Param(query, '_page') ?? '1');
      return send(res, renderList(court, found.slice((pageNumber - 1) * ROWS, pageNumber * ROWS), found.length, pageNumber), 200, charset, truncate);
    }
    if (op === 'case') {
      const id = Number(cp1251Param(query, 'case_id') ?? cp1251Param(query, '_id'));
      const found = cases.find((c) => c.caseId === id);
      if (!found) return send(res, '<html><body>Данных по запросу не обнаружено</body></html>', 404);
      return send(res, renderCard(court, found), 200, charset, truncate);
    }
    if (op === 'doc') {
      const found = cases.find((c) => c.caseId === Number(cp1251Param(query, 'number')));
      if (!found) return send(res, '<html><body>Данных по запросу не обнаружено</body></html>', 404);
      return send(res, renderActPage(court, found), 200, charset, truncate);
    }
    return send(res, '<html><body>Not found</body></html>', 404);
  };

  const server: Server = createServer((req, res) => {
    if (faults.slowMs) setTimeout(() => handle(req, res), faults.slowMs);
    else handle(req, res);
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
