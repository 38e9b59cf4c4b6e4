// The real saved court pages live outside the repository, in ../shared/real-pages.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const realPagesDir = fileURLToPath(new URL('../../../shared/real-pages', import.meta.url));

export function realPage(relativePath: string): string {
  return readFileSync(join(realPagesDir, relativePath), 'utf8');
}

export function realPageBytes(relativePath: string): Uint8Array {
  return readFileSync(join(realPagesDir, relativePath));
}
