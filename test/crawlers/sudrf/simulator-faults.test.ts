// The simulator's faults look, to the source's decoder, classifier and parsers, like the real
// sites' misbehaviour: each turns into the page status the engine acts on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyPage } from '../../../crawlers/sources/sudrf/classify-page.ts';
import { decodeBody } from '../../../crawlers/sources/sudrf/decode.ts';
import { parseCaseCard } from '../../../crawlers/sources/sudrf/parse-card.ts';
import { parseCaseList } from '../../../crawlers/sources/sudrf/parse-list.ts';
import { listUrl, watchedCaseTypes } from '../../../crawlers/sources/sudrf/urls.ts';
import { startCourtSimulator, type CourtSimulator } from '../../simulator/index.ts';

async function get(url: string, userAgent = 'Mozilla/5.0 Kuzet-test') {
  const response = await fetch(url, { headers: { 'user-agent': userAgent } });
  const decoded = decodeBody(new Uint8Array(await response.arrayBuffer()), response.headers.get('content-type'));
  return { status: response.status, retryAfter: response.headers.get('retry-after'), contentType: response.headers.get('content-type'), ...decoded };
}

describe('simulator faults as the sudrf source sees them', () => {
  let simulator: CourtSimulator;
  beforeAll(async () => {
    simulator = await startCourtSimulator({
      courtCount: 2,
      casesPerCourt: 20,
      seed: 3,
      layouts: ['primary'],
      faults: { captchaCourts: ['66RS0002'], rateLimit: { everyN: 3, retryAfterSeconds: 7 }, serverErrorEveryN: 5, throttlePageEveryN: 4, truncateEveryN: 7, wrongCharsetEveryN: 2 },
      robotsTxt: 'User-agent: *\nDisallow: /search\n',
    });
  });
  afterAll(() => simulator?.close());

  it('answers each fault on its schedule, and every page still decodes and classifies', async () => {
    const cases = simulator.cases.filter((c) => c.courtCode === '77RS0001');
    const seen: string[] = [];
    for (let i = 0; i < 14; i += 1) {
      const c = cases[i]!;
      const page = await get(c.cardUrl);
      const verdict = classifyPage(page.status, page.text);
      const n = i + 1;
      if (n % 3 === 0) {
        expect([page.status, page.retryAfter, verdict.status]).toEqual([429, '7', 'throttled']);
      } else if (n % 5 === 0) {
        expect(page.status).toBe(n % 10 === 0 ? 502 : 503);
        expect(verdict.status).toBe('http_error');
      } else if (n % 4 === 0) {
        expect([page.status, verdict.status]).toEqual([200, 'throttled']);
      } else {
        expect(verdict.status).toBe('ok');
        // A page declared UTF-8 but sent in windows-1251 still reads as Russian.
        if (n % 2 === 0) expect(page.contentType).toContain('utf-8');
        expect(page.text).toContain(c.caseNumber);
        const card = parseCaseCard(page.text, c.cardUrl);
        if (n % 7 === 0) expect(card).toMatchObject({ failure: true, reason: expect.stringMatching(/truncated/) });
        else expect(card).toMatchObject({ caseNumber: c.caseNumber, judge: c.judge });
      }
      seen.push(verdict.status);
    }
    expect(new Set(seen)).toEqual(new Set(['ok', 'throttled', 'http_error']));
  });

  it('puts a captcha on a captcha court\'s lists but serves its cards', async () => {
    const court = simulator.courts.find((c) => c.code === '66RS0002')!;
    expect(court.hasCaptcha).toBe(true);
    const koap = watchedCaseTypes[0]!;
    const statuses: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      const page = await get(listUrl({ baseUrl: court.baseUrl, layout: court.layout, srvNum: 1, caseType: koap, article: '18.8', since: '2026-01-01', until: '2026-12-31' }));
      statuses.push(classifyPage(page.status, page.text).status);
    }
    expect(statuses).toContain('captcha');
    expect(statuses.every((s) => s === 'captcha' || s === 'throttled' || s === 'http_error')).toBe(true);
    const c = simulator.cases.find((k) => k.courtCode === court.code)!;
    let card = await get(c.cardUrl);
    while (classifyPage(card.status, card.text).status !== 'ok') card = await get(c.cardUrl);
    expect(card.text).toContain(c.caseNumber);
  });

  it('refuses a bare curl User-Agent like the real WAF, and serves robots.txt', async () => {
    const court = simulator.courts[0]!;
    const refused = await get(simulator.cases[0]!.cardUrl, 'curl/8.5.0');
    expect([refused.status, classifyPage(refused.status, refused.text).status]).toEqual([403, 'waf_blocked']);
    const robots = await get(`${court.baseUrl}/robots.txt`);
    expect(robots.text).toBe('User-agent: *\nDisallow: /search\n');
    const logged = simulator.requests.filter((r) => r.path === '/robots.txt');
    expect(logged.at(-1)).toMatchObject({ court: court.code, status: 200 });
  });
});

describe('a list page cut off in transit', () => {
  it('is reported as truncated, not read in part', async () => {
    const simulator = await startCourtSimulator({ courtCount: 1, casesPerCourt: 40, seed: 9, layouts: ['primary'], faults: { truncateEveryN: 2 } });
    const court = simulator.courts[0]!;
    const url = listUrl({ baseUrl: court.baseUrl, layout: 'primary', srvNum: 1, caseType: watchedCaseTypes[0]!, article: '18.8', since: '2020-01-01', until: '2030-12-31' });
    const whole = await get(url);
    const cut = await get(url);
    await simulator.close();
    expect(parseCaseList(whole.text, url)).toMatchObject({ truncated: false, total: expect.any(Number) });
    expect(parseCaseList(whole.text, url).rows.length).toBeGreaterThan(0);
    expect(parseCaseList(cut.text, url)).toEqual({ total: null, rows: [], pageUrls: [], truncated: true });
  });
});

describe('a slow court', () => {
  it('delays every answer by slowMs', async () => {
    const simulator = await startCourtSimulator({ courtCount: 1, casesPerCourt: 1, seed: 1, faults: { slowMs: 120 } });
    const started = Date.now();
    const page = await get(simulator.cases[0]!.cardUrl);
    const elapsed = Date.now() - started;
    await simulator.close();
    expect(page.status).toBe(200);
    expect(elapsed).toBeGreaterThanOrEqual(110);
  });
});
