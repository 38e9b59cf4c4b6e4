// A small mos-gorsud.ru on 127.0.0.1 (port 0): /search filtered by processType, codex and
// decision dates, `rowsPerPage` rows a page (10 by default); case cards; act attachments (DOCX, DOC, RTF, PDF) made at
// start. UTF-8, as the real site. It records the paths it served, so a test can check them.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { actParagraphs, generateMosgorsudCases, type MosgorsudCase } from './cases.ts';
import { docAct, docxAct, rtfAct } from './act-files.ts';
import { actPath, cardPath, renderCard, renderSearch } from './render.ts';


export interface MosgorsudSimulator {
  baseUrl: string;
  cases: MosgorsudCase[];
  served: string[];
  close(): Promise<void>;
}

const CONTENT_TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  doc: 'application/msword',
  rtf: 'application/rtf',
  pdf: 'application/pdf',
};

const isoOf = (ru: string | null) => (ru ? ru.split('.').reverse().join('-') : null);

/** «Ст. 18.8» matches «Ст. 18.8, Ч.3.1» but not «Ст. 18.80». */
const codexMatches = (filter: string, article: string) => article === filter || article.startsWith(`${filter},`);

function searchResults(cases: MosgorsudCase[], params: URLSearchParams): MosgorsudCase[] {
  const processType = Number(params.get('processType'));
  const codex = params.get('codex') ?? '';
  const from = isoOf(params.get('caseFinalDateFrom'));
  const to = isoOf(params.get('caseFinalDateTo'));
  return cases.filter((c) => {
    const decided = isoOf(c.decided)!;
    return c.processType === processType && codexMatches(codex, c.article) && (!from || decided >= from) && (!to || decided <= to);
  });
}

export async function startMosgorsudSimulator(options: { caseCount?: number; rowsPerPage?: number } = {}): Promise<MosgorsudSimulator> {
  const cases = generateMosgorsudCases(options.caseCount ?? 24);
  const rowsPerPage = options.rowsPerPage ?? 10;
  const acts = new Map<string, { body: Buffer; type: string }>();
  for (const c of cases) {
    if (c.actFormat === 'none') continue;
    const paragraphs = actParagraphs(c);
    const body =
      c.actFormat === 'docx' ? await docxAct(paragraphs) : c.actFormat === 'doc' ? docAct(paragraphs) : c.actFormat === 'rtf' ? rtfAct(paragraphs) : Buffer.from('%PDF-1.4\n%scanned\n');
    acts.set(actPath(c), { body, type: CONTENT_TYPES[c.actFormat] });
  }
  const cards = new Map(cases.map((c) => [cardPath(c), c]));
  const served: string[] = [];

  const handle = (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://simulator');
    served.push(url.pathname + url.search);
    const send = (status: number, type: string, body: string | Buffer) => {
      response.writeHead(status, { 'content-type': type });
      response.end(body);
    };
    if (url.pathname === '/robots.txt') return send(200, 'text/plain', 'User-agent: *\nDisallow: /lk/\n');
    if (url.pathname === '/search') {
      const results = searchResults(cases, url.searchParams);
      const pageCount = Math.max(1, Math.ceil(results.length / rowsPerPage));
      const pageNumber = Math.min(Number(url.searchParams.get('page') ?? '1') || 1, pageCount);
      const rows = results.slice((pageNumber - 1) * rowsPerPage, pageNumber * rowsPerPage);
      return send(200, 'text/html; charset=utf-8', renderSearch(rows, pageNumber, pageCount, url));
    }
    const card = cards.get(url.pathname);
    if (card) return send(200, 'text/html; charset=utf-8', renderCard(card));
    const act = acts.get(url.pathname);
    if (act) return send(200, act.type, act.body);
    return send(404, 'text/html; charset=utf-8', '<html><body>Страница не найдена</body></html>');
  };

  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    cases,
    served,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
