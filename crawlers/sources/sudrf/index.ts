// The GAS «Правосудие» court sites (*.sudrf.ru): search lists per court, srv_num, case type
// and watched article → case cards (with the act text) → stored CaseCards for the pipeline.
import { findCourts } from '../../../db/queries/courts.ts';
import { advanceCursors, readCursors } from '../../../db/queries/cursors.ts';
import type { CrawlSource, FetchedPage, PageResult, RequestSpec, SeedContext } from '../../engine/source.ts';
import { classifyPage } from './classify-page.ts';
import { parseCaseCard } from './parse-card.ts';
import { parseCaseList } from './parse-list.ts';
import { parseActPage } from './parse-act.ts';
import { listUrl, watchedCaseTypes } from './urls.ts';

const dayBefore = (iso: string, days: number) => new Date(Date.parse(iso) - days * 86_400_000).toISOString().slice(0, 10);

async function seedRequests(ctx: SeedContext): Promise<RequestSpec[]> {
  const courts = await findCourts(ctx.db, 'sudrf', ctx.courtCodes);
  const cursors = await readCursors(ctx.db, courts.map((court) => court.id));
  const specs: RequestSpec[] = [];
  const seeded: { courtId: number; caseType: string }[] = [];
  for (const court of courts) {
    // A captcha court's lists cannot be read without solving it; we do not. Its cards are
    // still reachable from other routes (appeal lists, links from other courts).
    if (court.hasCaptcha) continue;
    const layout = court.layout === 'vnkod' ? 'vnkod' : 'primary';
    // Large courts spread their cases over several srv_num: querying only 1 silently misses cases.
    for (const srvNum of court.srvNums) {
      for (const caseType of watchedCaseTypes) {
        // A day of overlap with the last run catches acts published late in the day.
        const cursor = cursors.get(`${court.id}:${caseType.name}`);
        const since = ctx.since ?? (cursor ? dayBefore(cursor, 1) : dayBefore(ctx.until, 7));
        if (srvNum === court.srvNums[0]) seeded.push({ courtId: court.id, caseType: caseType.name });
        const articles = caseType.articles.length > 0 ? caseType.articles : [null];
        for (const article of articles) {
          const url = listUrl({ baseUrl: court.baseUrl, layout, srvNum, caseType, article, since, until: ctx.until });
          specs.push({ url, kind: 'list', courtId: court.id, userData: { caseType: caseType.name, article } });
        }
      }
    }
  }
  // The requests now sit in the database frontier, which survives crashes: the window is taken.
  await advanceCursors(ctx.db, seeded, ctx.until);
  return specs;
}

function handleList(page: FetchedPage): PageResult {
  const list = parseCaseList(page.text, page.url);
  if (list.total === null && list.rows.length === 0) {
    return { status: 'parse_failure', reason: 'neither rows nor a result counter on a list page', enqueue: [] };
  }
  const cards = list.rows.map((row) => ({ url: row.cardUrl, kind: 'card', userData: { listSummary: row.summary } }));
  const pages = list.pageUrls.map((url) => ({ url, kind: 'list', userData: page.userData }));
  return { status: 'ok', parsed: { total: list.total, rows: list.rows.length }, enqueue: [...cards, ...pages] };
}

function handleCard(page: FetchedPage): PageResult {
  const card = parseCaseCard(page.text, page.url);
  if ('failure' in card) return { status: 'parse_failure', reason: card.reason, enqueue: [] };
  // Some cards only link to their act (name_op=doc): fetch it; the pipeline joins the two.
  const act = !card.actText && card.actUrl ? [{ url: card.actUrl, kind: 'doc', userData: { cardUrl: page.url } }] : [];
  return { status: 'ok', parsed: card, enqueue: act };
}

function handleActPage(page: FetchedPage): PageResult {
  const cardUrl = typeof page.userData.cardUrl === 'string' ? page.userData.cardUrl : page.url;
  const act = parseActPage(page.text, cardUrl);
  if ('failure' in act) return { status: 'parse_failure', reason: act.reason, enqueue: [] };
  return { status: 'ok', parsed: act, enqueue: [] };
}

export function sudrfSource(): CrawlSource {
  return {
    name: 'sudrf',
    seedRequests,
    handlePage(page) {
      const verdict = classifyPage(page.httpStatus, page.text);
      if (verdict.status !== 'ok') return { ...verdict, enqueue: [] };
      if (page.kind === 'list') return handleList(page);
      if (page.kind === 'card') return handleCard(page);
      if (page.kind === 'doc') return handleActPage(page);
      return { status: 'parse_failure', reason: `unknown request kind ${page.kind}`, enqueue: [] };
    },
  };
}
