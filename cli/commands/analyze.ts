// `kuzet analyze`: JSON Lines {"id","text"} on stdin → exactly one JSON line per input on stdout.
// Logs go to stderr; a malformed line gets an {"error"} line and the run goes on.
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { analysisToJson, analyzeDocument } from '../../pipeline/analyze.ts';
import { analyzeStoredDocuments } from '../../pipeline/run-stored.ts';
import { openMigratedDatabase } from '../database.ts';
import { say } from '../log.ts';

const inputLine = z.object({ id: z.string(), text: z.string() });

export function analyzeLine(line: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return JSON.stringify({ id: null, error: 'not valid JSON' });
  }
  const input = inputLine.safeParse(parsed);
  if (!input.success) {
    const id = typeof (parsed as { id?: unknown })?.id === 'string' ? (parsed as { id: string }).id : null;
    return JSON.stringify({ id, error: `expected {"id": string, "text": string}: ${input.error.issues[0]?.message}` });
  }
  try {
    return JSON.stringify(analysisToJson(analyzeDocument(input.data)));
  } catch (error) {
    return JSON.stringify({ id: input.data.id, error: `analysis failed: ${(error as Error).message}` });
  }
}

export async function analyzeCommand(options: { stored?: boolean }): Promise<void> {
  if (options.stored) {
    const database = await openMigratedDatabase();
    const summary = await analyzeStoredDocuments(database.db);
    say(`kuzet: ${summary.analyzed} cases analysed, ${summary.flagged} flagged, ${summary.possible} possible, ${summary.failures.length} failures`);
    await database.close();
    return;
  }
  let count = 0;
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    if (line.trim() === '') continue;
    process.stdout.write(`${analyzeLine(line)}\n`);
    count += 1;
  }
  say(`kuzet: ${count} documents analysed`);
}
