// The JSON Lines contract of `kuzet analyze`: each input line {"id","text"} gives exactly one
// output line, the analysis without its text, or {"id", "error"} when the line is malformed or
// the analysis fails; the run goes on either way.
import { z } from 'zod';
import { analyzeDocument } from './analyze.ts';
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

export function analyzeJsonLine(line: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return JSON.stringify({ id: null, error: 'not valid JSON' });
  }
  const input = inputLine.safeParse(parsed);
  if (!input.success) {
    const rawId = (parsed as { id?: unknown } | null)?.id;
    const id = typeof rawId === 'string' ? rawId : null;
    return JSON.stringify({ id, error: `expected {"id": string, "text": string}: ${input.error.issues[0]?.message ?? 'invalid'}` });
  }
  try {
    return analysisJsonLine(analyzeDocument(input.data));
  } catch (error) {
    return JSON.stringify({ id: input.data.id, error: `analysis failed: ${(error as Error).message}` });
  }
}

/** One output line per non-blank input line, in order. */
export async function* analyzeJsonLines(lines: AsyncIterable<string> | Iterable<string>): AsyncGenerator<string> {
  for await (const line of lines) {
    if (line.trim() === '') continue;
    yield analyzeJsonLine(line);
  }
}
