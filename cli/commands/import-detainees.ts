// `kuzet import-detainees FILE [--district X] [--user NAME]`: a consulate's CSV of detained
// citizens into the database. Prints counts and the line numbers of rejected rows with the
// reason; never a name.
import { readFileSync } from 'node:fs';
import { COMMAND_LINE_ACTOR, DetaineeAccessDenied, actorByUsername, importDetainees } from '../../db/queries/detainees.ts';
import { refreshMatches } from '../../db/queries/matches.ts';
import { decodeDetaineeFile } from '../../matching/detainee-rows.ts';
import { openMigratedDatabase } from '../database.ts';
import { fail, say } from '../log.ts';

export async function importDetaineesCommand(file: string, options: { district?: string; user?: string }): Promise<void> {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    fail(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? 'unknown error'}`);
  }
  if (/\.xlsx?$/i.test(file)) fail('save the sheet as CSV (UTF-8 or Windows-1251, comma or semicolon) and import that');
  const database = await openMigratedDatabase();
  try {
    const actor = options.user ? await actorByUsername(database.db, options.user) : COMMAND_LINE_ACTOR;
    const report = await importDetainees(database.db, decodeDetaineeFile(bytes), { district: options.district ?? null }, actor);
    for (const problem of report.rejected) say(`line ${problem.line}: ${problem.reason}`);
    say(
      `kuzet: ${report.rows} rows: ${report.inserted} new, ${report.updated} updated, ${report.unchanged} unchanged, ${report.rejected.length} rejected`,
    );
    if (report.inserted + report.updated > 0) {
      const matches = await refreshMatches(database.db);
      say(`kuzet: ${matches.candidates} candidate matches with court cases (${matches.newCandidates} new)`);
    }
  } catch (error) {
    // Database errors can quote a row ("Failing row contains …"): only our own messages are shown.
    const known = error instanceof DetaineeAccessDenied || /^no active account/.test((error as Error).message);
    fail(`import failed, nothing was changed: ${known ? (error as Error).message : ((error as { code?: string }).code ?? (error as Error).name)}`);
  } finally {
    await database.close();
  }
}
