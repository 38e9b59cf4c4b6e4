// npm run bench:pipeline:instructions: machine instructions per act for the pipeline and for the
// bare baseline of bench:pipeline (parse the JSON line, one regular-expression scan), counted by
// valgrind's callgrind in the steady state. Unlike CPU time, the count does not depend on what
// else the machine is doing (the baseline's CPU time swings by half from run to run on a shared
// machine), so a change of a few per cent shows.
//
// Each path runs in its own `node --single-threaded` under valgrind (compiler and garbage
// collector on the main thread, so their work is counted too), with fixed hash and random seeds
// so that two runs of the same code give the same count to 0.1 %. Counting is switched on after
// the warm-up passes over the corpus (WARM_UP_PASSES: until V8 stops compiling) and covers the next two.
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { BATCH_LINES } from '../pipeline/json-lines.ts';
import { WARM_UP_PASSES, baseline, corpusTexts, pipeline, repoRoot } from './pipeline-paths.ts';

const COUNTED_PASSES = 2;

/** Inside valgrind: warm up, count, print how many acts were counted. */
function measured(path: 'pipeline' | 'baseline'): void {
  const lines = corpusTexts().map((text) => JSON.stringify(text));
  const pass = path === 'baseline' ? baseline : pipeline;
  let sink = 0;
  for (let i = 0; i < WARM_UP_PASSES; i += 1) sink += pass(lines);
  execFileSync('callgrind_control', ['--instr=on', String(process.pid)]);
  for (let i = 0; i < COUNTED_PASSES; i += 1) sink += pass(lines);
  execFileSync('callgrind_control', ['--instr=off', String(process.pid)]);
  console.log(`acts ${COUNTED_PASSES * lines.length} sink ${sink}`);
}

function instructionsPerAct(path: 'pipeline' | 'baseline'): number {
  const run = spawnSync(
    'valgrind',
    ['--tool=callgrind', '--instr-atstart=no', '--callgrind-out-file=/dev/null',
      process.execPath, '--single-threaded', '--hash-seed=1', '--random-seed=1', '--predictable', '--import', 'tsx', fileURLToPath(import.meta.url), '--measured', path],
    { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const acts = /acts (\d+)/.exec(run.stdout)?.[1];
  const collected = /Collected : (\d+)/.exec(run.stderr)?.[1];
  if (run.status !== 0 || !acts || !collected) throw new Error(`valgrind run of the ${path} failed (status ${run.status}): ${run.stderr.slice(-500)}`);
  return Number(collected) / Number(acts);
}

const modeAt = process.argv.indexOf('--measured');
if (modeAt >= 0) {
  measured(process.argv[modeAt + 1] === 'baseline' ? 'baseline' : 'pipeline');
} else {
  if (spawnSync('valgrind', ['--version']).error) {
    console.error('bench:pipeline:instructions needs valgrind (apt-get install -y valgrind)');
    process.exit(1);
  }
  const baseline = instructionsPerAct('baseline');
  const pipeline = instructionsPerAct('pipeline');
  const thousands = (n: number) => `${Math.round(n / 1000).toLocaleString('en-US')} k`;
  console.log(`instructions per act, steady state (${WARM_UP_PASSES} warm-up passes, ${COUNTED_PASSES} counted, valgrind callgrind, one thread)`);
  console.log(`baseline (parse + one regex scan): ${thousands(baseline)}`);
  console.log(`pipeline (analyzeDocuments in batches of ${BATCH_LINES} + JSON): ${thousands(pipeline)}`);
  console.log(`ratio pipeline/baseline instructions: ${(pipeline / baseline).toFixed(1)}x (target: within 10x)`);
}
