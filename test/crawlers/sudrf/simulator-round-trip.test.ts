// The simulator's pages, fetched over HTTP and read back with the source's own URL builder,
// decoder, classifier and parsers, give exactly the generated truth: both layouts, several
// srv_num, complete pagination, article filter and publication window honoured.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyPage } from '../../../crawlers/sources/sudrf/classify-page.ts';
import { decodeBody } from '../../../crawlers/sources/sudrf/decode.ts';
import { parseCaseCard } from '../../../crawlers/sources/sudrf/parse-card.ts';
import { parseCaseList, type ListRow } from '../../../crawlers/sources/sudrf/parse-list.ts';
import { listUrl, watchedCaseTypes, type CaseTypeQuery } from '../../../crawlers/sources/sudrf/urls.ts';
import { listName } from '../../simulator/names.ts';
import { startCourtSimulator, type CourtSimulator, type SimulatedCase, type SimulatedCourt } from '../../simulator/index.ts';

const TODAY = new Date('2026-11-20T12:00:00Z');

async function get(url: string) {
  const response = await fetch(url);
  const raw = new Uint8Array(await response.arrayBuffer());
  const { text, encoding } = decodeBody(raw, response.headers.get('content-type'));
  return { status: response.status, text, encoding, headers: response.headers };
}

const caseType = (name: CaseTypeQuery['name']) => watchedCaseTypes.find((t) => t.name === name)!;

/** Every row of a search, following the pages the first page names. */
async function readWholeList(court: SimulatedCourt, srvNum: number, type: CaseTypeQuery, article: string | null, since: string, until: string) {
  const first = listUrl({ baseUrl: court.baseUrl, layout: court.layout, srvNum, caseType: type, article, since, until });
  const page1 = await get(first);
  const verdict = classifyPage(page1.status, page1.text);
  if (verdict.status !== 'ok') return { verdict: verdict.status, total: 0, rows: [] as ListRow[], pages: 0 };
  const list = parseCaseList(page1.text, first);
  const rows = [...list.rows];
  for (const url of list.pageUrls) {
    const page = await get(url);
    expect(classifyPage(page.status, page.text).status).toBe('ok');
    const more = parseCaseList(page.text, url);
    expect(more.pageUrls).toEqual([]);
    rows.push(...more.rows);
  }
  return { verdict: verdict.status, total: list.total ?? 0, rows, pages: 1 + list.pageUrls.length };
}

describe('sudrf source against the court-site simulator', () => {
  let simulator: CourtSimulator;
  beforeAll(async () => {
    simulator = await startCourtSimulator({ courtCount: 3, casesPerCourt: 70, seed: 11, today: TODAY, faults: { captchaCourts: [] } });
  });
  afterAll(() => simulator?.close());

  it('gives each court its own host, both layouts, and a court with two srv_num', () => {
    expect(new Set(simulator.courts.map((c) => new URL(c.baseUrl).host)).size).toBe(3);
    expect(simulator.courts.every((c) => new URL(c.baseUrl).hostname === '127.0.0.1')).toBe(true);
    expect(simulator.courts.map((c) => c.layout)).toEqual(['primary', 'vnkod', 'primary']);
    expect(simulator.courts[2]?.srvNums).toEqual([1, 2]);
    expect(simulator.cases.some((c) => c.kyrgyz && c.article === '18.8')).toBe(true);
    expect(simulator.cases.some((c) => c.kyrgyz && c.article === '322')).toBe(true);
    expect(simulator.cases.some((c) => !c.kyrgyz)).toBe(true);
  });

  it('lists every watched case exactly once across srv_num, articles and pages, with the truth in each row', async () => {
    const found = new Map<string, ListRow>();
    let multiPage = 0;
    for (const court of simulator.courts) {
      for (const srvNum of court.srvNums) {
        for (const type of [caseType('koap'), caseType('criminal')]) {
          for (const article of type.articles) {
            const list = await readWholeList(court, srvNum, type, article, '2026-01-01', '2026-12-31');
            expect(list.rows).toHaveLength(list.total);
            if (list.pages > 1) multiPage += 1;
            // «322» also finds «322.1»…: the same card may come from two searches.
            for (const row of list.rows) found.set(row.cardUrl, row);
          }
        }
      }
    }
    expect(multiPage).toBeGreaterThan(0);
    expect([...found.keys()].sort()).toEqual(simulator.cases.map((c) => c.cardUrl).sort());
    for (const c of simulator.cases) {
      const row = found.get(c.cardUrl)!;
      expect(row).toMatchObject({ caseNumber: c.caseNumber, receivedDate: c.receivedDate, decisionDate: c.decisionDate, judge: c.judge, result: c.result });
      expect(row.summary).toBe(`${listName(c.person)} - ${c.articles}`);
    }
  });

  it('honours the article filter and the publication window', async () => {
    const court = simulator.courts[0]!;
    const ofCourt = simulator.cases.filter((c) => c.courtCode === court.code);
    const list1810 = await readWholeList(court, 1, caseType('koap'), '18.10', '2026-01-01', '2026-12-31');
    expect(list1810.rows.map((r) => r.caseNumber).sort()).toEqual(ofCourt.filter((c) => c.article === '18.10').map((c) => c.caseNumber).sort());
    const withPart = await readWholeList(court, 1, caseType('koap'), '18.8 ч.1.1', '2026-01-01', '2026-12-31');
    expect(withPart.rows.length).toBeGreaterThan(0);
    expect(withPart.rows.map((r) => r.caseNumber).sort()).toEqual(ofCourt.filter((c) => c.article === '18.8' && c.part === '1.1').map((c) => c.caseNumber).sort());
    const [since, until] = ['2026-10-20', '2026-10-31'];
    const window = await readWholeList(court, 1, caseType('koap'), '18.8', since, until);
    const expected = ofCourt.filter((c) => c.article === '18.8' && c.publishedDate >= since && c.publishedDate <= until);
    expect(expected.length).toBeGreaterThan(0);
    expect(window.rows.map((r) => r.caseNumber).sort()).toEqual(expected.map((c) => c.caseNumber).sort());
    const empty = await readWholeList(court, 1, caseType('kas'), null, '2026-01-01', '2026-12-31');
    expect(empty.verdict).toBe('no_data');
  });

  it('reads every card back to the generated truth, in both layouts', async () => {
    for (const c of simulator.cases) {
      const page = await get(c.cardUrl);
      expect(page.encoding).toBe('windows-1251');
      const card = parseCaseCard(page.text, c.cardUrl);
      if ('failure' in card) throw new Error(`${c.cardUrl}: ${card.reason}`);
      expect(card).toMatchObject({
        caseNumber: c.caseNumber,
        caseUid: c.caseUid,
        caseType: c.caseType,
        courtName: c.courtName,
        receivedDate: c.receivedDate,
        decisionDate: c.decisionDate,
        judge: c.judge,
        result: c.result,
        articles: c.articles,
      });
      expect(card.parties).toHaveLength(1);
      expect(card.parties[0]?.name).toBe([c.person.surname, c.person.firstName, c.person.patronymic].filter(Boolean).join(' '));
      expect(card.parties[0]?.articles).toBe(c.articles);
      if (card.actUrl) {
        expect(card.actText).toBeNull();
        const act = await get(card.actUrl);
        expect(act.text).toContain(c.caseNumber);
      } else {
        expect(card.actText?.replace(/\n+/g, '\n')).toBe(c.actText);
      }
    }
  });
});

describe('simulator politeness log and the demo replay', () => {
  it('logs each request with its host and status', async () => {
    const simulator = await startCourtSimulator({ courtCount: 2, casesPerCourt: 3, seed: 5, today: TODAY });
    const c = simulator.cases[0]!;
    await get(c.cardUrl);
    await get(`${simulator.courts[1]!.baseUrl}/robots.txt`);
    await simulator.close();
    expect(simulator.requests).toHaveLength(2);
    expect(simulator.requests[0]).toMatchObject({ court: c.courtCode, host: new URL(c.cardUrl).host, status: 200 });
    expect(simulator.requests[1]).toMatchObject({ path: '/robots.txt', status: 200 });
  });

  it('the demo replay has a Kyrgyz 18.8 case with a fine and forced expulsion, and non-Kyrgyz cases', async () => {
    const demo = (await import('../../simulator/index.ts')).startDemoReplay;
    const simulator = await demo();
    await simulator.close();
    expect(simulator.courts.length).toBeGreaterThanOrEqual(2);
    const kyrgyz = simulator.cases.find((c: SimulatedCase) => c.kyrgyz && c.article === '18.8' && c.expulsion === 'forced');
    expect(kyrgyz?.actText).toMatch(/гражданина Кыргызской Республики/);
    expect(kyrgyz?.actText).toMatch(/административного штрафа в размере \d+/);
    expect(kyrgyz?.actText).toMatch(/в форме принудительного выдворения/);
    expect(simulator.cases.filter((c) => !c.kyrgyz).length).toBeGreaterThan(2);
  });
});
