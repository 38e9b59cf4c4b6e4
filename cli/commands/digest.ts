import { writeDailyDigest } from '../../notifications/daily-digest.ts';
import { transportFromEnv } from '../../notifications/transport.ts';
import { openMigratedDatabase } from '../database.ts';
import { say } from '../log.ts';

export async function digestCommand(): Promise<void> {
  const database = await openMigratedDatabase();
  const summary = await writeDailyDigest(database.db, new Date(), transportFromEnv());
  for (const district of summary.districts) {
    say(`kuzet digest ${summary.digestDate}: ${district.district}: ${district.cases} case(s) via ${district.channel}${'skipped' in district && district.skipped ? ` (skipped: ${district.skipped})` : ''}`);
  }
  if (summary.districts.length === 0) say(`kuzet digest ${summary.digestDate}: no new flagged cases`);
  await database.close();
}
