import { openDatabase, type Database } from '../db/client.ts';
import { say } from './log.ts';

/** Opens the configured database and brings its schema up to date. */
export async function openMigratedDatabase(): Promise<Database> {
  const database = await openDatabase();
  say(`kuzet: database ${database.driver} at ${database.location}`);
  await database.migrate();
  return database;
}
