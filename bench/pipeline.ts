// npm run bench:pipeline: documents per second through the whole pipeline on one core, over
// the evaluation corpus repeated to at least 20 MB of JSON Lines, against a bare baseline in the
// same run (parse the line, one regular-expression scan for the Kyrgyz citizenship phrase).
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { BATCH_LINES, analyzeJsonLines } from '../pipeline/json-lines.ts';
import { WARM_UP_PASSES, baseline, corpusTexts, pipeline } from './pipeline-paths.ts';

const TARGET_BYTES = 20 * 1024 * 1024;

function corpusLines(texts: { id: string; text: string }[]): string[] {
  const lines: string[] = [];
  let bytes = 0;
  for (let round = 0; bytes < TARGET_BYTES; round += 1) {
    for (const { id, text } of texts) {
      const line = JSON.stringify({ id: `${round}-${id}`, text });
      lines.push(line);
      bytes += Buffer.byteLength(line);
    }
  }
  return lines;
}

/** CPU time of this process (user + system), not wall time: the machine may be shared. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/**
 * Both paths over the same chunks, alternating, so a change in machine load hits both alike.
 * Returns CPU milliseconds per path and wall milliseconds for the pipeline.
 */
function alternate(lines: string[], chunk = 4 * BATCH_LINES): { baseMs: number; fullMs: number; fullWallMs: number; flagged: number } {
  let baseMs = 0;
  let fullMs = 0;
  let fullWallMs = 0;
  let flagged = 0;
  for (let i = 0; i < lines.length; i += chunk) {
    const part = lines.slice(i, i + chunk);
    let t = cpuMs();
    baseline(part);
    baseMs += cpuMs() - t;
    t = cpuMs();
    const wall = performance.now();
    flagged += pipeline(part);
    fullMs += cpuMs() - t;
    fullWallMs += performance.now() - wall;
  }
  return { baseMs, fullMs, fullWallMs, flagged };
}

/**
 * The same two paths as `kuzet analyze` runs them: the JSON Lines read from a file by readline
 * (UTF-8 decoding and line splitting are in both), each line checked by the command's own code
 * (schema included) and each answer line written out (to a sink that drops it), against the
 * baseline reading the same file the same way. CPU milliseconds per path.
 */
async function fromFile(file: string): Promise<{ baseMs: number; fullMs: number }> {
  const lines = () => createInterface({ input: createReadStream(file, { highWaterMark: 1 << 20 }), crlfDelay: Infinity });
  let t = cpuMs();
  for await (const line of lines()) baseline([line]);
  const baseMs = cpuMs() - t;
  let written = 0;
  t = cpuMs();
  for await (const output of analyzeJsonLines(lines())) written += output.length + 1;
  const fullMs = cpuMs() - t;
  if (written === 0) throw new Error('the pipeline wrote nothing');
  return { baseMs, fullMs };
}

const texts = corpusTexts();
const distinct = texts.length;
const lines = corpusLines(texts);
const megabytes = lines.reduce((sum, l) => sum + Buffer.byteLength(l), 0) / 1024 / 1024;
// Warm both paths up before timing (WARM_UP_PASSES, until V8 stops compiling); the first pass,
// with nothing compiled yet, is timed on its own and printed as the cold start.
const firstPass = lines.slice(0, distinct);
let coldMs = cpuMs();
pipeline(firstPass);
coldMs = cpuMs() - coldMs;
for (let pass = 1; pass < WARM_UP_PASSES; pass += 1) pipeline(firstPass);
for (let pass = 0; pass < WARM_UP_PASSES; pass += 1) baseline(firstPass);
const run = alternate(lines);
const perSecond = (ms: number) => (lines.length / ms) * 1000;
console.log(`corpus: ${lines.length} documents, ${megabytes.toFixed(1)} MB of JSON Lines, one core, CPU time`);
console.log(`cold start (first pass over the ${distinct} distinct documents, before the warm-up's other ${WARM_UP_PASSES - 1} passes): ${((distinct / coldMs) * 1000).toFixed(0)} docs/s`);
console.log(`baseline (parse + one regex scan): ${perSecond(run.baseMs).toFixed(0)} docs/s, ${(megabytes / (run.baseMs / 1000)).toFixed(1)} MB/s`);
console.log(`pipeline (analyzeDocuments in batches of ${BATCH_LINES} + JSON): ${perSecond(run.fullMs).toFixed(0)} docs/s, ${(megabytes / (run.fullMs / 1000)).toFixed(1)} MB/s (wall clock: ${perSecond(run.fullWallMs).toFixed(0)} docs/s), ${run.flagged} flagged`);
console.log(`ratio pipeline/baseline CPU time: ${(run.fullMs / run.baseMs).toFixed(1)}x (targets: >= 2000 docs/s, within 10x)`);

const scratch = mkdtempSync(join(tmpdir(), 'kuzet-bench-'));
try {
  const file = join(scratch, 'corpus.jsonl');
  writeFileSync(file, lines.join('\n') + '\n');
  await fromFile(file); // warm the reading path too
  const fromDisk = await fromFile(file);
  console.log(`as \`kuzet analyze\` runs, from a ${megabytes.toFixed(1)} MB file (readline, schema check, answers written): baseline ${perSecond(fromDisk.baseMs).toFixed(0)} docs/s, pipeline ${perSecond(fromDisk.fullMs).toFixed(0)} docs/s, ratio ${(fromDisk.fullMs / fromDisk.baseMs).toFixed(1)}x`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
