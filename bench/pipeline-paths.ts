// The two paths the pipeline benchmarks compare, over the evaluation corpus and the real
// decisions: the whole pipeline (parse the JSON lines, analyse them in batches, write the JSON
// answers) and a bare baseline (parse the line, one regular-expression scan for the Kyrgyz
// citizenship phrase).
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeDocuments } from '../pipeline/analyze.ts';
import { BATCH_LINES } from '../pipeline/json-lines.ts';
import { analysisJsonLine } from '../pipeline/answer-line.ts';
import { realPagesDir } from '../test/helpers/real-pages.ts';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/**
 * Passes over the distinct acts before anything is timed or counted. V8 goes on compiling the
 * pipeline's less frequent functions late (node --trace-opt, --single-threaded: the last are
 * withoutStrayPlaceholder in pass 12, imprisonment and isCalendarDate in 14, termMonths in 18),
 * and one such compile costs a fifth of a pass's analyses (withoutStrayPlaceholder: 40 million
 * instructions, against 180 million for the pass): both benchmarks measure after the last, the
 * steady state of a long `kuzet analyze` run.
 */
export const WARM_UP_PASSES = 20;

/** The distinct acts: the generated corpus, then the real decisions. */
export function corpusTexts(): { id: string; text: string }[] {
  const docsDir = resolve(repoRoot, 'test/corpus/docs');
  const realDir = resolve(realPagesDir, 'decision_txt');
  return [
    ...readdirSync(docsDir).map((f) => ({ id: f, text: readFileSync(resolve(docsDir, f), 'utf8') })),
    ...readdirSync(realDir).map((f) => ({ id: f, text: readFileSync(resolve(realDir, f), 'utf8') })),
  ];
}

const KYRGYZ = /(?<!\p{L})граждан\p{L}*\s+(?:Кыргызской\s+Республики|КР)(?!\p{L})/gu;

/** The baseline over JSON lines: how many times the phrase occurs. */
export function baseline(lines: string[]): number {
  let hits = 0;
  for (const line of lines) {
    const { text } = JSON.parse(line) as { text: string };
    for (const _ of text.matchAll(KYRGYZ)) hits += 1;
  }
  return hits;
}

/**
 * The pipeline over JSON lines as `kuzet analyze` runs it: the lines in batches of BATCH_LINES,
 * each batch analysed stage by stage (analyzeDocuments), each answer written: how many acts are
 * flagged. The answer line is read at one character: it is built of pieces, and writing it to
 * stdout would join them (V8 flattens the string), so the benchmark pays for that too.
 */
export function pipeline(lines: string[]): number {
  let flagged = 0;
  for (let start = 0; start < lines.length; start += BATCH_LINES) {
    const inputs = lines.slice(start, start + BATCH_LINES).map((line) => JSON.parse(line) as { id: string; text: string });
    for (const analysis of analyzeDocuments(inputs)) {
      if (analysisJsonLine(analysis).charCodeAt(1) > 0 && analysis.kyrgyz.flag === 'yes') flagged += 1;
    }
  }
  return flagged;
}
