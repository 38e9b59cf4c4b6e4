// `kuzet match`: look for the consulate's detainee records among the persons of flagged
// cases and keep the candidates for officers to confirm or reject. Counts only.
import { refreshMatches } from '../../db/queries/matches.ts';
import { openMigratedDatabase } from '../database.ts';
import { say } from '../log.ts';

export async function matchDetaineesCommand(): Promise<void> {
  const database = await openMigratedDatabase();
  try {
    const summary = await refreshMatches(database.db);
    say(
      `kuzet: ${summary.personsIndexed} new court persons indexed, ${summary.pairsScored} pairs scored, ` +
        `${summary.candidates} candidates (${summary.newCandidates} new, ${summary.removedCandidates} no longer likely)`,
    );
  } finally {
    await database.close();
  }
}
