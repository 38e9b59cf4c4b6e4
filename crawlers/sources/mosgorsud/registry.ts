// mos-gorsud.ru is one portal for all Moscow courts of general jurisdiction: Kuzet keeps it as
// one court row (region 77), and each card names its own court.
import { upsertCourts, type CourtRow } from '../../../db/queries/courts.ts';
import { findCourts } from '../../../db/queries/courts.ts';
import type { Db } from '../../../db/client.ts';
import { MOSGORSUD_BASE_URL, MOSGORSUD_COURT_CODE, MOSGORSUD_SOURCE } from './urls.ts';

/** Registers the portal (or a replay of it at `baseUrl`) and returns its court rows. */
export async function registerMosgorsudPortal(db: Db, baseUrl = MOSGORSUD_BASE_URL): Promise<CourtRow[]> {
  await upsertCourts(db, [
    {
      source: MOSGORSUD_SOURCE,
      code: MOSGORSUD_COURT_CODE,
      name: 'Суды общей юрисдикции города Москвы (mos-gorsud.ru)',
      regionCode: '77',
      region: 'г. Москва',
      baseUrl,
      layout: 'mosgorsud',
    },
  ]);
  return findCourts(db, MOSGORSUD_SOURCE, [MOSGORSUD_COURT_CODE]);
}
