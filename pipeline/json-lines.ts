// The JSON Lines contract of `kuzet analyze`: each input line {"id","text"} gives exactly one
// output line, the analysis without its text, or {"id", "error"} when the line is malformed or
// the analysis fails; the run goes on either way.
import { z } from 'zod';
import { analyzeDocuments } from './analyze.ts';
import { lineBatches } from './line-batches.ts';
import { analysisJsonLine } from './answer-line.ts';
import type { CaseAnalysis } from './types.ts';

const inputLine = z.object({ id: z.string().min(1), text: z.string() });

/**
 * The JSON contract of `kuzet analyze` as an object: the analysis without the analysed text, its
 * keys in the order of CaseAnalysis. The command writes the same by analysisJsonLine, faster.
 */
export function analysisToJson(analysis: CaseAnalysis): Omit<CaseAnalysis, 'text'> {
  const { flag, confidence, evidence } = analysis.kyrgyz;
  const json: Omit<CaseAnalysis, 'text'> = {
    id: analysis.id,
    // Evidence spans as the contract lists them: a statement's span also carries its country.
    kyrgyz: { flag, confidence, evidence: evidence.map(({ start, end, text, cue }) => ({ start, end, text, cue })) },
    persons: analysis.persons,
    charges: analysis.charges,
    outcomes: analysis.outcomes,
  };
  if (analysis.caseNumber !== undefined) json.caseNumber = analysis.caseNumber;
  if (analysis.court !== undefined) json.court = analysis.court;
  if (analysis.decisionDate !== undefined) json.decisionDate = analysis.decisionDate;
  if (analysis.appealDeadline !== undefined) json.appealDeadline = analysis.appealDeadline;
  if (analysis.truncated !== undefined) json.truncated = analysis.truncated;
  return json;
}

/** Lines analysed together at most (see analyzeDocuments), and their characters. */
export const BATCH_LINES = 64;
const BATCH_CHARS = 4_000_000;

/** A line read: the document to analyse, or the answer already (an error). */
type ReadLine = { input: { id: string; text: string } } | { answer: string };

function readLine(line: string): ReadLine {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return { answer: JSON.stringify({ id: null, error: 'not valid JSON' }) };
  }
  const input = inputLine.safeParse(parsed);
  if (input.success) return { input: input.data };
  const rawId = (parsed as { id?: unknown } | null)?.id;
  const id = typeof rawId === 'string' ? rawId : null;
  return { answer: JSON.stringify({ id, error: `expected {"id": string, "text": string}: ${input.error.issues[0]?.message ?? 'invalid'}` }) };
}

type Analyse = (inputs: { id: string; text: string }[]) => CaseAnalysis[];

function answers(inputs: { id: string; text: string }[], analyse: Analyse): string[] {
  try {
    return analyse(inputs).map(analysisJsonLine);
  } catch {
    // One document's failure must not cost the batch its answers: each is analysed again alone.
    return inputs.map((input) => {
      try {
        return analysisJsonLine(analyse([input])[0]!);
      } catch (error) {
        return JSON.stringify({ id: input.id, error: `analysis failed: ${(error as Error).message}` });
      }
    });
  }
}

/**
 * One output line per input line, in order; the documents of well-formed lines analysed as one
 * batch (`analyse`: analyzeDocuments, or a stand-in in tests).
 */
export function analyzeJsonLineBatch(lines: readonly string[], analyse: Analyse = analyzeDocuments): string[] {
  const read = lines.map(readLine);
  const analysed = answers(read.flatMap((r) => ('input' in r ? [r.input] : [])), analyse);
  let next = 0;
  return read.map((r) => ('answer' in r ? r.answer : analysed[next++]!));
}

export function analyzeJsonLine(line: string): string {
  return analyzeJsonLineBatch([line])[0]!;
}

/** One output line per non-blank input line, in order, analysed in batches of the lines at hand (lineBatches). */
export async function* analyzeJsonLines(lines: AsyncIterable<string> | Iterable<string>): AsyncGenerator<string> {
  for await (const batch of lineBatches(lines, BATCH_LINES, BATCH_CHARS)) {
    yield* analyzeJsonLineBatch(batch.filter((line) => line.trim() !== ''));
  }
}
