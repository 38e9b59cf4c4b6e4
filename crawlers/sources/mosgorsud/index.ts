// Moscow courts (mos-gorsud.ru): searches by watched article and decision-date window → case
// cards → their act attachments (DOCX/DOC/RTF). A card is stored as a CaseCard without the
// act text; each act is stored as kind 'act' whose parsed form is the same CaseCard with the
// act's text, so the pipeline can read either.
import { findCourts } from '../../../db/queries/courts.ts';
import { caseTypeSchema, type CaseTypeName } from '../../../db/case-card.ts';
import type { CrawlSource, FetchedPage, PageResult, RequestSpec, SeedContext } from '../../engine/source.ts';
import { actTextOf } from './act-text.ts';
import { mosgorsudCardSchema, parseCaseCard, type ActLink, type MosgorsudCard } from './parse-card.ts';
import { parseSearchPage } from './parse-search.ts';
import { registerMosgorsudPortal } from './registry.ts';
import { MOSGORSUD_SOURCE, searchUrl, watchedSearches } from './urls.ts';

/** Acts worth reading: decisions, rulings, sentences (not receipts or enclosures). */
const DECISION_ACT = /постановлени|решени|приговор|определени/iu;
const BOT_GATE = /подтвердите,?\s+что\s+(?:запросы\s+отправляли\s+)?вы\s*(?:—|-)?\s*не\s+робот|ddos-guard|доступ\s+ограничен/iu;

async function seedRequests(ctx: SeedContext): Promise<RequestSpec[]> {
  let courts = await findCourts(ctx.db, MOSGORSUD_SOURCE, ctx.courtCodes);
  if (courts.length === 0 && ctx.courtCodes.length === 0) courts = await registerMosgorsudPortal(ctx.db);
  const specs: RequestSpec[] = [];
  for (const court of courts) {
    const since = ctx.since ?? cursorOf(court.lastSuccessAt, ctx.until);
    for (const search of watchedSearches) {
      for (const article of search.articles) {
        const url = searchUrl({ baseUrl: court.baseUrl, processType: search.processType, article, since, until: ctx.until });
        specs.push({ url, kind: 'list', courtId: court.id, userData: { caseType: search.caseType, article } });
      }
    }
  }
  return specs;
}

const DAY_MS = 24 * 60 * 60_000;

/**
 * Where an incremental run starts: three days before the last good visit (acts are published
 * days after the decision, so a short overlap catches late ones), a week back for a first visit.
 */
export function cursorOf(lastSuccessAt: Date | null, until: string): string {
  const start = lastSuccessAt ? lastSuccessAt.getTime() - 3 * DAY_MS : Date.parse(until) - 7 * DAY_MS;
  return new Date(start).toISOString().slice(0, 10);
}

function caseTypeHint(userData: Record<string, unknown>): CaseTypeName | null {
  const parsed = caseTypeSchema.safeParse(userData.caseType);
  return parsed.success ? parsed.data : null;
}

function handleList(page: FetchedPage): PageResult {
  const list = parseSearchPage(page.text, page.url);
  if (list.rows.length === 0) {
    if (list.saysEmpty || list.hasResultsTable) return { status: 'no_data', enqueue: [] };
    if (BOT_GATE.test(page.text)) return { status: 'captcha', reason: 'a bot check instead of search results', enqueue: [] };
    return { status: 'parse_failure', reason: 'no result rows and no results table on a search page', enqueue: [] };
  }
  const cards = list.rows.map((row) => ({ url: row.cardUrl, kind: 'card', userData: { caseType: page.userData.caseType } }));
  const pages = list.pageUrls.map((url) => ({ url, kind: 'list', userData: page.userData }));
  return { status: 'ok', parsed: { rows: list.rows.length, pages: list.pageUrls.length }, enqueue: [...cards, ...pages] };
}

function handleCard(page: FetchedPage): PageResult {
  const card = parseCaseCard(page.text, page.url, caseTypeHint(page.userData));
  if ('failure' in card) {
    if (BOT_GATE.test(page.text)) return { status: 'captcha', reason: 'a bot check instead of the card', enqueue: [] };
    return { status: 'parse_failure', reason: card.reason, enqueue: [] };
  }
  const acts = card.acts.filter((act) => DECISION_ACT.test(act.type));
  return { status: 'ok', parsed: card, enqueue: acts.map((act) => actRequest(card, act)) };
}

function actRequest(card: MosgorsudCard, act: ActLink): RequestSpec {
  return { url: act.url, kind: 'act', userData: { card, actType: act.type, actDate: act.date } };
}

function handleAct(page: FetchedPage): PageResult {
  const act = actTextOf(page.raw);
  // The decoded body of a binary attachment is noise: the act's own text is stored instead
  // (the raw bytes keep the file).
  const storedText = 'text' in act ? act.text : '';
  const card = mosgorsudCardSchema.safeParse(page.userData.card);
  if (!card.success) return { status: 'parse_failure', reason: 'the act request lost its card', enqueue: [], storedText };
  if ('failure' in act) {
    // A scanned PDF will not read better on a retry: stored as no_data with the reason.
    return { status: act.format === 'pdf' ? 'no_data' : 'parse_failure', reason: act.failure, enqueue: [], storedText };
  }
  if (act.text.length === 0) return { status: 'no_data', reason: `an empty ${act.format} attachment`, enqueue: [], storedText };
  const parsed: MosgorsudCard = { ...card.data, actText: act.text, actUrl: page.url };
  return { status: 'ok', parsed, enqueue: [], storedText };
}

export function mosgorsudSource(): CrawlSource {
  return {
    name: MOSGORSUD_SOURCE,
    seedRequests,
    handlePage(page) {
      if (page.httpStatus === 429) return { status: 'throttled', reason: 'HTTP 429', enqueue: [] };
      if (page.httpStatus === 403) return { status: 'waf_blocked', reason: 'HTTP 403', enqueue: [] };
      if (page.httpStatus >= 400) return { status: 'http_error', reason: `HTTP ${page.httpStatus}`, enqueue: [] };
      if (page.kind === 'list') return handleList(page);
      if (page.kind === 'card') return handleCard(page);
      if (page.kind === 'act') return handleAct(page);
      return { status: 'parse_failure', reason: `unknown request kind ${page.kind}`, enqueue: [] };
    },
  };
}
