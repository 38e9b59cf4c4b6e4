// The JSON Lines contract of `kuzet analyze`: each input line {"id","text"} gives exactly one
// output line, the analysis without its text, or {"id", "error"} when the line is malformed or
// the analysis fails; the run goes on either way.
import { z } from 'zod';
import { analyzeDocument } from './analyze.ts';
import type { CaseAnalysis } from './types.ts';

const inputLine = z.object({ id: z.string().min(1), text: z.string() });

/** The JSON contract of `kuzet analyze`: the analysis without the analysed text. */
export function analysisToJson(analysis: CaseAnalysis): Omit<CaseAnalysis, 'text'> {
  // `text` is kept as a key but undefined, which JSON.stringify leaves out: copying the whole
  // object is a fast clone, where a copy without the key (rest destructuring) goes key by key.
  const json: CaseAnalysis = { ...analysis, text: undefined };
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
    return JSON.stringify(analysisToJson(analyzeDocument(input.data)));
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
