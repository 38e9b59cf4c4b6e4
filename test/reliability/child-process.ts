// Spawning the fixture processes and killing them with SIGKILL at a random point of their work.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface RunningChild {
  proc: ChildProcess;
  exited: Promise<number | null>;
  /** Resolves with the first stdout line that matches, or null if the child exits first. */
  lineMatching(pattern: RegExp): Promise<RegExpMatchArray | null>;
  output(): string;
}

export function startFixture(name: string, args: string[], env: NodeJS.ProcessEnv = {}): RunningChild {
  const proc = spawn(process.execPath, ['--import', 'tsx', `test/reliability/fixtures/${name}.ts`, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let output = '';
  const lines: string[] = [];
  const waiters: { pattern: RegExp; resolve: (m: RegExpMatchArray | null) => void }[] = [];
  createInterface({ input: proc.stdout! }).on('line', (line) => {
    output += `${line}\n`;
    lines.push(line);
    for (const waiter of [...waiters]) {
      const match = line.match(waiter.pattern);
      if (match) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(match);
      }
    }
  });
  proc.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  void exited.then(() => waiters.splice(0).forEach((waiter) => waiter.resolve(null)));
  return {
    proc,
    exited,
    output: () => output,
    lineMatching: (pattern) => {
      for (const line of lines) {
        const match = line.match(pattern);
        if (match) return Promise.resolve(match);
      }
      if (proc.exitCode !== null) return Promise.resolve(null);
      return new Promise((resolve) => waiters.push({ pattern, resolve }));
    },
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits for the child to be ready, then SIGKILLs it after a random delay in [minMs, maxMs).
 * Returns true if the kill landed (the child was still running), false if it finished first.
 * Pass a seeded `random` (test/helpers/seeded-random.ts) so a failing run can be replayed.
 */
export async function killAtRandomPoint(child: RunningChild, minMs: number, maxMs: number, random: () => number = Math.random): Promise<boolean> {
  await child.lineMatching(/^ready|^port/);
  const outcome = await Promise.race([child.exited.then(() => 'exited' as const), sleep(minMs + random() * (maxMs - minMs)).then(() => 'timer' as const)]);
  if (outcome === 'exited') return false;
  child.proc.kill('SIGKILL');
  await child.exited;
  return true;
}

/** Runs a fixture to its end; fails loudly with its output if it does not exit cleanly. */
export async function runToCompletion(name: string, args: string[], timeoutMs = 120_000): Promise<string> {
  const child = startFixture(name, args);
  const timer = setTimeout(() => child.proc.kill('SIGKILL'), timeoutMs);
  const code = await child.exited;
  clearTimeout(timer);
  if (code !== 0) throw new Error(`${name} exited with ${code}:\n${child.output().slice(-3000)}`);
  return child.output();
}

/**
 * The seed of a test file's random kill points: KUZET_KILL_SEED to replay a run, else a new
 * one. Printed, so a failure's output says how to replay it.
 */
export function killSeed(testFile: string): number {
  const seed = process.env.KUZET_KILL_SEED ? Number(process.env.KUZET_KILL_SEED) : Math.floor(Math.random() * 2 ** 31);
  process.stdout.write(`${testFile}: kill seed ${seed} (replay with KUZET_KILL_SEED=${seed})\n`);
  return seed;
}

/**
 * SIGKILLs the child `extraMs` after it prints a line matching `pattern` (a point in its work,
 * not in time: the same on a fast and a loaded machine). Returns false if it exited first.
 */
export async function killAfterLine(child: RunningChild, pattern: RegExp, extraMs: number): Promise<boolean> {
  if (!(await child.lineMatching(pattern))) return false;
  await sleep(extraMs);
  if (child.proc.exitCode !== null || child.proc.signalCode !== null) return false;
  child.proc.kill('SIGKILL');
  await child.exited;
  return true;
}
