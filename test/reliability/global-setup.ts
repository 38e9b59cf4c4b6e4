// Clears the tallies before the run and prints the summary table after it.
import { rmSync } from 'node:fs';
import { readTallies, tallyDir } from './tally.ts';

export function setup(): void {
  rmSync(tallyDir, { recursive: true, force: true });
}

export function teardown(): void {
  const tally = readTallies();
  const rows: [string, number][] = [
    ['faults injected', tally.faultsInjected],
    ['kills survived', tally.killsSurvived],
    ['hostile inputs tried', tally.hostileInputsTried],
    ['records lost (must be 0)', tally.recordsLost],
    ['security checks passed', tally.securityChecksPassed],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  const lines = ['', 'Kuzet reliability', ...rows.map(([label, value]) => `  ${label.padEnd(width)}  ${String(value).padStart(8)}`), ''];
  process.stdout.write(`${lines.join('\n')}\n`);
}
