import { defaultOpenOptions, openDatabase } from '../../db/client.ts';
import { pgRestore, restorePglite } from '../../db/backup.ts';
import { say } from '../log.ts';

export async function backupCommand(file: string): Promise<void> {
  const database = await openDatabase();
  await database.backup(file);
  await database.close();
  say(`kuzet: ${database.driver} backup written to ${file}`);
}

export async function restoreCommand(file: string): Promise<void> {
  const options = defaultOpenOptions();
  if (options.url) {
    await pgRestore(options.url, file);
    say('kuzet: PostgreSQL database restored');
    return;
  }
  const movedTo = await restorePglite(options.dataDir ?? './data/pglite', file);
  say(`kuzet: PGlite data restored into ${options.dataDir}${movedTo ? `; the previous data is kept in ${movedTo}` : ''}`);
}
