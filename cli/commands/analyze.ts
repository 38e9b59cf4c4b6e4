// `kuzet analyze`: JSON Lines {"id","text"} on stdin → exactly one JSON line per input on stdout
// (the contract lives in pipeline/json-lines.ts). Logs go to stderr.
import { createInterface } from 'node:readline';
import { analyzeJsonLines } from '../../pipeline/json-lines.ts';
import { analyzeStoredDocuments } from '../../pipeline/run-stored.ts';
import { openMigratedDatabase } from '../database.ts';
import { say } from '../log.ts';

export async function analyzeCommand(options: { stored?: boolean }): Promise<void> {
  if (options.stored) {
    const database = await openMigratedDatabase();
    const summary = await analyzeStoredDocuments(database.db);
    say(`kuzet: ${summary.analyzed} cases analysed, ${summary.flagged} flagged, ${summary.possible} possible, ${summary.failures.length} failures`);
    await database.close();
    return;
  }
  let count = 0;
  for await (const output of analyzeJsonLines(createInterface({ input: process.stdin, crlfDelay: Infinity }))) {
    process.stdout.write(`${output}\n`);
    count += 1;
  }
  say(`kuzet: ${count} documents analysed`);
}
