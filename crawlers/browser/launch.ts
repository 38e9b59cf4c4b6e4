// The one browser Kuzet uses: Debian's chromium (never a downloaded build), headless, with
// everything that phones home switched off. Its process id is found among our children, so
// the pool can measure its memory and tests can kill it.
import { chromium, type Browser } from 'playwright-core';
import { childPids } from './process-tree.ts';

export const CHROMIUM_PATH = process.env.KUZET_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

export interface LaunchedBrowser {
  browser: Browser;
  /** The browser's main process (null if it could not be told apart). */
  pid: number | null;
}

/** Launches are serialised by the caller, so the one new chromium child is this browser. */
export async function launchChromium(): Promise<LaunchedBrowser> {
  const before = new Set(childPids(process.pid).map((child) => child.pid));
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  const fresh = childPids(process.pid).filter((child) => !before.has(child.pid) && /chrom/i.test(child.name));
  return { browser, pid: fresh.length === 1 ? fresh[0]!.pid : null };
}
