// `kuzet check-entry-ban DETAINEE_ID --user NAME`: one look-up of one detainee in the MVD
// entry-ban service, asked by a named admin or consular account. Prints the result and the
// check's id, never the person's name.
import { actorByUsername } from '../../db/queries/detainees.ts';
import { RecheckTooSoon, checkEntryBan } from '../../crawlers/sources/entry-ban/check.ts';
import { openMigratedDatabase } from '../database.ts';
import { fail, say } from '../log.ts';

const MEANING = {
  ban: 'entry NOT allowed: a ban is recorded («Въезд не разрешен»)',
  no_data: 'no ban recorded on this date («Данных нет»)',
  unknown: 'unknown',
};

export async function checkEntryBanCommand(detaineeId: string, options: { user: string; service?: string }): Promise<void> {
  const id = Number(detaineeId);
  if (!Number.isInteger(id) || id <= 0) fail(`${detaineeId} is not a detainee id`);
  const database = await openMigratedDatabase();
  try {
    const actor = await actorByUsername(database.db, options.user);
    const check = await checkEntryBan(database.db, id, actor, { serviceUrl: options.service });
    say(`kuzet: detainee ${id}, check ${check.id} at ${check.checkedAt.toISOString()}: ${MEANING[check.result]}`);
    if (check.reason) say(`kuzet: ${check.reason}`);
  } catch (error) {
    if (error instanceof RecheckTooSoon) fail(error.message);
    fail(`entry-ban check failed: ${(error as Error).message}`);
  } finally {
    await database.close();
  }
}
