// Hostile pages through every parser and pipeline stage: no uncaught exception, no stage
// stuck on one page, a failure value where the API has one. The fixed corpus covers what
// court sites really send broken; fast-check covers what nobody thought of.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCaseCard } from '../../crawlers/sources/sudrf/parse-card.ts';
import { analyzeDocument } from '../../pipeline/analyze.ts';
import { cardHtml, hostileCorpus, listHtml } from './hostile-pages.ts';
import { CARD_URL, PER_DOCUMENT_LIMIT_MS, pageInput, runStage, stages, type PageInput } from './hostile-stages.ts';
import { addToTally } from './tally.ts';

let inputsTried = 0;
afterAll(() => addToTally('hostile-input', { hostileInputsTried: inputsTried }));

/** Every stage on one input; returns the problems (throws, hangs) found. */
function problemsWith(input: PageInput): string[] {
  inputsTried += 1;
  const problems: string[] = [];
  for (const stage of stages) {
    const outcome = runStage(stage, input);
    if (outcome.error) problems.push(`${stage.name} threw ${outcome.error}`);
    if (outcome.ms > PER_DOCUMENT_LIMIT_MS) problems.push(`${stage.name} took ${Math.round(outcome.ms)} ms`);
  }
  return problems;
}

describe('the hostile page corpus', () => {
  const corpus = hostileCorpus({ includeHuge: false });
  // Including 10,000 nested tags: every walk over the DOM (pipeline/normalize.ts, the crawlers'
  // html-text, crawlers/engine/dom-text.ts) uses an explicit stack.
  it.each(corpus.map((page) => [page.name, page] as const))('%s: every stage returns, in bounded time', (_name, page) => {
    const decodeStarted = performance.now();
    const input = pageInput(page.raw, page.contentType);
    expect(performance.now() - decodeStarted).toBeLessThan(PER_DOCUMENT_LIMIT_MS);
    expect(problemsWith(input)).toEqual([]);
  });

  // A 20 MB card: the sudrf source records it as a parse failure (page too large) without parsing
  // it, so the production path (decode → handlePage) stays within the bound; the analysis on its
  // own is capped as well (pipeline/limits.ts, test/pipeline/limits.test.ts).
  it('a 20 MB card is a recorded parse failure, within the bound', () => {
    const [huge] = hostileCorpus({ includeHuge: true }).filter((page) => page.name === 'a 20 MB card');
    const input = pageInput(huge!.raw, huge!.contentType);
    inputsTried += 1;
    const [handler] = stages.filter((s) => s.name === 'sudrf handlePage (card)');
    const outcome = runStage(handler!, input);
    expect(outcome.error).toBeNull();
    expect(outcome.ms).toBeLessThan(PER_DOCUMENT_LIMIT_MS);
    expect(outcome.value).toMatchObject({ status: 'parse_failure', reason: expect.stringContaining('page too large') });
  }, 120_000);

  it('a truncated card is a ParseFailure value, not a half-read card', () => {
    for (const share of [0.1, 0.5, 0.95]) {
      const result = parseCaseCard(cardHtml.slice(0, Math.floor(cardHtml.length * share)), CARD_URL);
      expect(result).toMatchObject({ failure: true });
    }
  });
});

const textEncoder = new TextEncoder();

/** Pieces court HTML is made of, to be shuffled into pages no court ever sent (but might). */
const htmlToken = fc.oneof(
  fc.constantFrom(
    '<html>', '</html>', '<div class="casenumber">ДЕЛО № ', '<div id="cont1">', '<div id="cont_doc1">', '<table>', '<tr>', '<td>', '</td>', '</tr>',
    '</table>', '</div>', '<td title="Для получения справки по делу, нажмите на номер дела"><a href="', '">', '<a href="', '"', "'",
    'Всего по запросу найдено — ', 'Фамилия / наименование', 'гражданина Кыргызской Республики', 'ч. 1.1 ст. 18.8 КоАП РФ', 'п. "а" ч. 2 ст. 322.1 УК РФ',
    'штраф в размере ', ' рублей', 'выдворение', '&#', '&nbsp;', ';', '\u200b', '\u00ad', '<!--', '<script>', '<![CDATA[', '\u0000', '%', '\\', 'http://[', '<tr data-href="',
    'Номер дела', 'Cудья', 'уроженца г. Ош', 'ДД.ММ.ГГГГ', '31.12.2026', '\ud800',
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.integer({ min: 0, max: 10_000_000 }).map(String),
);
const hostileHtml = fc.array(htmlToken, { maxLength: 200 }).map((tokens) => tokens.join(''));
const contentType = fc.oneof(
  fc.constant(null),
  fc.constantFrom('text/html; charset=windows-1251', 'text/html; charset=utf-8', 'text/html', 'text/html; charset=koi8-r', 'text/html; charset=utf-16le'),
  fc.string({ maxLength: 60 }),
);
/** A real card with a slice cut out and garbage pasted in: the broken page nearest to a good one. */
const mutatedCard = fc
  .tuple(fc.constantFrom(cardHtml, listHtml), fc.nat(), fc.nat({ max: 5000 }), hostileHtml)
  .map(([html, at, cut, inserted]) => {
    const start = at % html.length;
    return html.slice(0, start) + inserted + html.slice(start + cut);
  });

describe('impossible dates in an act', () => {
  // firstDate() once returned «2026-13-01» for «01.13.2026» and the deadline computation threw.
  it.each(['01.13.2026 года', '99.99.9999', '31.02.2026'])('analyzeDocument(%j) returns an analysis', (text) => {
    inputsTried += 1;
    expect(analyzeDocument({ id: 'd', text: `ПОСТАНОВЛЕНИЕ\n${text}\nСудья Иванова И.И.` }).decisionDate ?? null).toBeNull();
  });
});

describe('property: random pages', () => {
  const check = (input: PageInput) => {
    const problems = problemsWith(input);
    if (problems.length > 0) throw new Error(problems.join('; '));
  };

  it('arbitrary bytes with an arbitrary Content-Type', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 8192 }), contentType, (raw, type) => check(pageInput(raw, type))), { numRuns: 150 });
  });

  it('pages shuffled from court HTML pieces', () => {
    fc.assert(fc.property(hostileHtml, contentType, (html, type) => check(pageInput(textEncoder.encode(html), type))), { numRuns: 200 });
  });

  it('real cards and lists with a slice replaced by garbage', () => {
    fc.assert(fc.property(mutatedCard, (html) => check(pageInput(textEncoder.encode(html), 'text/html; charset=utf-8'))), { numRuns: 150 });
  });

  it('text given straight to the pipeline (JSON Lines input of `kuzet analyze`)', () => {
    fc.assert(
      fc.property(fc.oneof(hostileHtml, fc.string({ unit: 'grapheme', maxLength: 2000 })), (text) => {
        inputsTried += 1;
        const started = performance.now();
        const analysis = analyzeDocument({ id: 'p', text });
        expect(performance.now() - started).toBeLessThan(PER_DOCUMENT_LIMIT_MS);
        // Evidence points into the analysed text: a viewer highlights exactly these words.
        for (const span of analysis.kyrgyz.evidence) expect((analysis.text ?? '').slice(span.start, span.end)).toBe(span.text);
      }),
      { numRuns: 300 },
    );
  });
});
