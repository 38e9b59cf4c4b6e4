// The real saved court pages live outside the repository, in ../shared/real-pages (next to
// the checkout). KUZET_REAL_PAGES overrides; a clone elsewhere on this machine finds /work/shared.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const candidates = [
  process.env.KUZET_REAL_PAGES,
  fileURLToPath(new URL('../../../shared/real-pages', import.meta.url)),
  '/work/shared/real-pages',
].filter((dir): dir is string => Boolean(dir));

export const realPagesDir = candidates.find((dir) => existsSync(join(dir, 'INDEX.tsv'))) ?? candidates[0]!;

export function realPage(relativePath: string): string {
  return readFileSync(join(realPagesDir, relativePath), 'utf8');
}

export function realPageBytes(relativePath: string): Uint8Array {
  return readFileSync(join(realPagesDir, relativePath));
}
