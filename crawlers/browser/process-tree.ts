// Processes and their memory, read from /proc (Linux): which chromium a pool launched, and
// how much memory its whole process tree (browser, renderers, GPU and utility processes) holds.
import { readFileSync, readdirSync } from 'node:fs';

interface ProcessEntry {
  pid: number;
  ppid: number;
  name: string;
}

function listProcesses(): ProcessEntry[] {
  const entries: ProcessEntry[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The name is in parentheses and may itself contain spaces or parentheses.
      const close = stat.lastIndexOf(')');
      const fields = stat.slice(close + 2).split(' ');
      entries.push({ pid: Number(name), ppid: Number(fields[1]), name: stat.slice(stat.indexOf('(') + 1, close) });
    } catch {
      // The process ended while we were reading: it holds no memory any more.
    }
  }
  return entries;
}

export function childPids(pid: number): { pid: number; name: string }[] {
  return listProcesses()
    .filter((entry) => entry.ppid === pid)
    .map(({ pid: child, name }) => ({ pid: child, name }));
}

/** `pid` and every process below it. */
export function processTree(pid: number): number[] {
  const all = listProcesses();
  const tree = [pid];
  for (let i = 0; i < tree.length; i += 1) for (const entry of all) if (entry.ppid === tree[i]) tree.push(entry.pid);
  return tree;
}

/**
 * Kills `pid` and every process below it, children first. A member that ended between the listing
 * and its kill (chromium's helpers exit with their parent) is passed over, not an error.
 */
export function killTree(pid: number, signal: NodeJS.Signals = 'SIGKILL'): void {
  for (const member of processTree(pid).reverse()) {
    try {
      process.kill(member, signal);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
    }
  }
}

/** Resident memory of one process in bytes (0 when it is gone). */
export function rssBytes(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Resident memory of a process and all its descendants (shared pages counted once per process). */
export function treeRssBytes(pid: number): number {
  return processTree(pid).reduce((sum, member) => sum + rssBytes(member), 0);
}

/**
 * Proportional memory of a process in bytes: shared pages divided among the processes sharing
 * them, so a tree's sum is what it really costs (an RSS sum counts chromium's shared pages once
 * per process). Falls back to RSS where smaps_rollup cannot be read.
 */
export function pssBytes(pid: number): number {
  try {
    const match = /^Pss:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    return match ? Number(match[1]) * 1024 : rssBytes(pid);
  } catch {
    return rssBytes(pid);
  }
}

export function treePssBytes(pid: number): number {
  return processTree(pid).reduce((sum, member) => sum + pssBytes(member), 0);
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
