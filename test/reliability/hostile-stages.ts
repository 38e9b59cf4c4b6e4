// Every parser and pipeline stage a fetched page goes through, behind one signature, so the
// hostile-input tests can push the same bytes through all of them.
import { decodeBody } from '../../crawlers/engine/decode.ts';
import type { FetchedPage } from '../../crawlers/engine/source.ts';
import { classifyPage } from '../../crawlers/sources/sudrf/classify-page.ts';
import { parseCaseCard } from '../../crawlers/sources/sudrf/parse-card.ts';
import { parseCaseList } from '../../crawlers/sources/sudrf/parse-list.ts';
import { parseActPage } from '../../crawlers/sources/sudrf/parse-act.ts';
import { decodeBody as decodeSudrfBody } from '../../crawlers/sources/sudrf/decode.ts';
import { sudrfSource } from '../../crawlers/sources/sudrf/index.ts';
import { parseCaseCard as parseMosgorsudCard } from '../../crawlers/sources/mosgorsud/parse-card.ts';
import { parseSearchPage } from '../../crawlers/sources/mosgorsud/parse-search.ts';
import { actTextOf } from '../../crawlers/sources/mosgorsud/act-text.ts';
import { mosgorsudSource } from '../../crawlers/sources/mosgorsud/index.ts';
import { analyzeCaseCard, analyzeDocument } from '../../pipeline/analyze.ts';
import { sampleCard } from '../helpers/seed-case.ts';

export const CARD_URL = 'http://66rs0001.sudrf.test/modules.php?name=sud_delo&srv_num=1&name_op=case&case_id=1001&delo_id=1500001';
export const LIST_URL = 'http://66rs0001.sudrf.test/modules.php?name=sud_delo&srv_num=1&name_op=r&delo_id=1500001&page=1';
export const MGS_URL = 'https://mos-gorsud.ru/mgs/services/cases/first-admin/details/0e6f3ad0-0000-4000-8000-000000000000';

export interface PageInput {
  raw: Uint8Array;
  contentType: string | null;
  /** decodeBody's text of `raw` (computed once per input). */
  text: string;
}

export interface Stage {
  name: string;
  run(input: PageInput): unknown;
}

const fetched = (input: PageInput, kind: string, url: string): FetchedPage => ({
  url, kind, courtId: null, userData: {}, httpStatus: 200, headers: {}, raw: input.raw, text: input.text, encoding: 'utf-8',
});

export const stages: Stage[] = [
  { name: 'decodeBody', run: (input) => decodeBody(input.raw, input.contentType) },
  { name: 'sudrf decodeBody', run: (input) => decodeSudrfBody(input.raw, input.contentType) },
  { name: 'sudrf classifyPage', run: (input) => classifyPage(200, input.text) },
  { name: 'sudrf parseCaseList', run: (input) => parseCaseList(input.text, LIST_URL) },
  { name: 'sudrf parseCaseCard', run: (input) => parseCaseCard(input.text, CARD_URL) },
  { name: 'sudrf parseActPage', run: (input) => parseActPage(input.text, CARD_URL) },
  { name: 'sudrf handlePage (list)', run: (input) => sudrfSource().handlePage(fetched(input, 'list', LIST_URL)) },
  { name: 'sudrf handlePage (card)', run: (input) => sudrfSource().handlePage(fetched(input, 'card', CARD_URL)) },
  { name: 'mosgorsud parseSearchPage', run: (input) => parseSearchPage(input.text, 'https://mos-gorsud.ru/search?page=1') },
  { name: 'mosgorsud parseCaseCard', run: (input) => parseMosgorsudCard(input.text, MGS_URL) },
  { name: 'mosgorsud actTextOf', run: (input) => actTextOf(input.raw) },
  { name: 'mosgorsud handlePage (card)', run: (input) => mosgorsudSource().handlePage(fetched(input, 'card', MGS_URL)) },
  { name: 'analyzeDocument', run: (input) => analyzeDocument({ id: 'hostile', text: input.text }) },
  {
    name: 'analyzeCaseCard',
    run: (input) => {
      // The card as the sudrf parser read it, or the page's text as the act of a sample card.
      const parsed = parseCaseCard(input.text, CARD_URL);
      const card = 'failure' in parsed ? sampleCard({ actText: input.text, parties: [{ roleAsWritten: input.text.slice(0, 200), name: input.text.slice(0, 100), articles: input.text.slice(0, 300) }] }) : parsed;
      return analyzeCaseCard('hostile', card);
    },
  },
];

/**
 * A hang check, not a benchmark: a stage that needs longer than this on one page is stuck. The
 * slowest honest case (a sudrf card of 10,000 nested divs) takes about 1 s on a quiet 2-core
 * machine and went past 2 s with the machine loaded; a real hang runs for minutes.
 */
export const PER_DOCUMENT_LIMIT_MS = 4_000;

export interface StageOutcome {
  stage: string;
  ms: number;
  error: string | null;
  value: unknown;
}

export function runStage(stage: Stage, input: PageInput): StageOutcome {
  const started = performance.now();
  try {
    const value = stage.run(input);
    return { stage: stage.name, ms: performance.now() - started, error: null, value };
  } catch (error) {
    return { stage: stage.name, ms: performance.now() - started, error: `${(error as Error).name}: ${(error as Error).message.slice(0, 200)}`, value: undefined };
  }
}

export function pageInput(raw: Uint8Array, contentType: string | null): PageInput {
  return { raw, contentType, text: decodeBody(raw, contentType).text };
}
