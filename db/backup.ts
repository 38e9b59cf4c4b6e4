// Backups for both drivers: pg_dump / pg_restore for PostgreSQL, the data-directory tarball
// for PGlite. A restore never destroys what is there: an existing PGlite folder is moved aside.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, renameSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';

const run = promisify(execFile);

export async function pgDump(url: string, file: string): Promise<void> {
  await run('pg_dump', ['--format=custom', '--no-owner', `--file=${file}`, `--dbname=${url}`]);
}

export async function pgRestore(url: string, file: string): Promise<void> {
  await run('pg_restore', ['--clean', '--if-exists', '--no-owner', '--single-transaction', `--dbname=${url}`, file]);
}

export async function writeBlob(blob: Blob, file: string): Promise<void> {
  await writeFile(file, Buffer.from(await blob.arrayBuffer()));
}

/** Restores a PGlite tarball into `dataDir`; returns where the previous data was moved, if any. */
export async function restorePglite(dataDir: string, file: string): Promise<string | null> {
  let movedTo: string | null = null;
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
    movedTo = `${dataDir}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    renameSync(dataDir, movedTo);
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const client = await PGlite.create(dataDir, { loadDataDir: new Blob([await readFile(file)]) });
  await client.close();
  return movedTo;
}
