import { openMigratedDatabase } from '../database.ts';
import { say } from '../log.ts';

export async function migrateCommand(): Promise<void> {
  const database = await openMigratedDatabase();
  say(`kuzet: schema up to date (${database.driver}: ${database.location})`);
  await database.close();
}
