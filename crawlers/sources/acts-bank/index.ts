// The judicial-acts bank as a browser source: full-text searches (query in the URL hash) per
// watched text and date window → act views whose text is in an iframe → CaseCards (kind 'act')
// for the pipeline. Rendered by crawlers/browser, never fetched with plain HTTP.
import type { CaseCard } from '../../../db/case-card.ts';
import type { BrowserCrawlSource, RenderedFetchedPage } from '../../browser/browser-source.ts';
import type { PageResult, RequestSpec, SeedContext } from '../../engine/source.ts';
import { actFrameText, parseActView, parseResultsPage } from './parse-rendered.ts';
import { ACTS_BANK_PORTAL_URL, ACTS_BANK_SOURCE, portalUrl, watchedTexts } from './urls.ts';

export interface ActsBankOptions {
  portal?: string;
  texts?: string[];
}

const READY: Record<string, string> = {
  list: '#app[data-state="results-ready"]',
  act: '#app[data-state="act-ready"]',
};

const isoOf = (ru: string | null) => {
  const match = ru ? /(\d{2})\.(\d{2})\.(\d{4})/.exec(ru) : null;
  return match ? `${match[3]}-${match[2]}-${match[1]}` : null;
};

function handleList(page: RenderedFetchedPage): PageResult {
  const list = parseResultsPage(page.text, page.url);
  if (list.total === null) return { status: 'parse_failure', reason: 'no result counter on a rendered results page', enqueue: [] };
  if (list.results.length === 0) return { status: 'no_data', enqueue: [] };
  const acts: RequestSpec[] = list.results.map((result) => ({ url: result.actUrl, kind: 'act' }));
  const next: RequestSpec[] = list.nextUrl ? [{ url: list.nextUrl, kind: 'list', userData: page.userData }] : [];
  return { status: 'ok', parsed: { total: list.total, results: list.results.length }, enqueue: [...acts, ...next] };
}

function handleAct(page: RenderedFetchedPage): PageResult {
  const view = parseActView(page.text);
  const frame = page.frames.find((candidate) => candidate.url.includes('/act/')) ?? page.frames[0];
  if (!frame) return { status: 'parse_failure', reason: 'the act view has no frame', enqueue: [] };
  const actText = actFrameText(frame.html);
  if (!actText) return { status: 'no_data', reason: 'an empty act frame', enqueue: [] };
  const card: CaseCard = {
    caseNumber: view.caseNumber,
    caseUid: null,
    caseType: /КоАП/u.test(actText) ? 'koap' : /УК\s+РФ/u.test(actText) ? 'criminal' : 'other',
    courtName: view.court,
    receivedDate: null,
    decisionDate: isoOf(view.date),
    judge: null,
    result: view.kind,
    articles: null,
    parties: [],
    actText,
    actUrl: frame.url,
  };
  return { status: 'ok', parsed: card, enqueue: [] };
}

export function actsBankSource(options: ActsBankOptions = {}): BrowserCrawlSource {
  const portal = options.portal ?? ACTS_BANK_PORTAL_URL;
  const texts = options.texts ?? watchedTexts;
  return {
    name: ACTS_BANK_SOURCE,
    async seedRequests(ctx: SeedContext): Promise<RequestSpec[]> {
      return texts.map((text) => ({
        url: portalUrl(portal, { text, page: 1, from: ctx.since ?? '', to: ctx.until }),
        kind: 'list',
        userData: { text },
      }));
    },
    readySelector: (kind) => READY[kind] ?? READY.list!,
    handlePage(page) {
      if (page.httpStatus === 429) return { status: 'throttled', reason: 'HTTP 429', enqueue: [] };
      if (page.httpStatus >= 400) return { status: 'http_error', reason: `HTTP ${page.httpStatus}`, enqueue: [] };
      if (page.kind === 'list') return handleList(page);
      if (page.kind === 'act') return handleAct(page);
      return { status: 'parse_failure', reason: `unknown request kind ${page.kind}`, enqueue: [] };
    },
  };
}
