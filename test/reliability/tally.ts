// Each reliability test file adds what it did (faults injected, kills survived, …) to a small
// JSON file under test-output/reliability/; the global teardown sums them into one table.
// One file per test file and process, so parallel forks never write the same file.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const tallyDir = join(process.cwd(), 'test-output', 'reliability');

export interface Tally {
  faultsInjected: number;
  killsSurvived: number;
  hostileInputsTried: number;
  recordsLost: number;
  securityChecksPassed: number;
}

export const emptyTally = (): Tally => ({ faultsInjected: 0, killsSurvived: 0, hostileInputsTried: 0, recordsLost: 0, securityChecksPassed: 0 });

/** Adds `counts` to this test file's tally file (created on first use). */
export function addToTally(testFile: string, counts: Partial<Tally>): void {
  mkdirSync(tallyDir, { recursive: true });
  const file = join(tallyDir, `${testFile}.${process.pid}.json`);
  let current = emptyTally();
  try {
    current = { ...current, ...(JSON.parse(readFileSync(file, 'utf8')) as Partial<Tally>) };
  } catch {
    // first write for this file
  }
  for (const [key, value] of Object.entries(counts) as [keyof Tally, number][]) current[key] += value;
  writeFileSync(file, JSON.stringify(current));
}

export function readTallies(): Tally {
  const total = emptyTally();
  let files: string[];
  try {
    files = readdirSync(tallyDir).filter((name) => name.endsWith('.json'));
  } catch {
    return total;
  }
  for (const name of files) {
    const tally = JSON.parse(readFileSync(join(tallyDir, name), 'utf8')) as Partial<Tally>;
    for (const key of Object.keys(total) as (keyof Tally)[]) total[key] += tally[key] ?? 0;
  }
  return total;
}
