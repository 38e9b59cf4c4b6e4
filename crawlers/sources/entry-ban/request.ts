// The look-up request for one person. The MVD service (services.fms.gov.ru,
// info-service.htm?sid=3000) asks for the full name in Cyrillic and in Latin, the birth
// date and the document number, behind a captcha. The field names below are ours (the live
// form's are unverified); the simulator in test/ answers to them.
import { randomUUID } from 'node:crypto';
import type { RequestSpec } from '../../engine/source.ts';

export const DEFAULT_ENTRY_BAN_SERVICE = 'https://services.fms.gov.ru/info-service.htm';
export const ENTRY_BAN_SOURCE = 'entry-ban';
export const ENTRY_BAN_KIND = 'entry-ban-answer';

export interface EntryBanQuery {
  cyrillicName: string | null;
  latinName: string | null;
  birthDate: string | null; // YYYY-MM-DD
  documentNumber: string | null;
}

const russianDate = (iso: string | null) => (iso ? iso.split('-').reverse().join('.') : '');

/** One request for one person; its key is new every time, so a check is never served from an earlier one. */
export function entryBanRequest(query: EntryBanQuery, serviceUrl = DEFAULT_ENTRY_BAN_SERVICE): RequestSpec {
  const url = new URL(serviceUrl);
  url.searchParams.set('sid', '3000');
  url.searchParams.set('fio', query.cyrillicName ?? '');
  url.searchParams.set('fio_lat', query.latinName ?? '');
  url.searchParams.set('birthdate', russianDate(query.birthDate));
  url.searchParams.set('doc_num', query.documentNumber ?? '');
  return { url: url.toString(), kind: ENTRY_BAN_KIND, uniqueKey: `${ENTRY_BAN_SOURCE}:${randomUUID()}` };
}
