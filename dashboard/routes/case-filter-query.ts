// The filters of the queue and the trends, read from the query string (untrusted input).
import { z } from 'zod';
import type { Context } from 'hono';
import { outcomeKinds, type CaseFilter } from '../../db/queries/case-filters.ts';
import { DISTRICTS, isDistrict, regionFilterOfDistrict } from '../config/districts.ts';

/** dd.mm.yyyy as our users write dates, or ISO; read as an ISO date, refused when not a real day. */
const userDate = z
  .string()
  .transform((text) => {
    const russian = text.trim().match(/^(\d{1,2})\.(\d{1,2})\.(\d{4})$/);
    return russian ? `${russian[3]}-${russian[2]!.padStart(2, '0')}-${russian[1]!.padStart(2, '0')}` : text.trim();
  })
  .refine(isRealDay);

function isRealDay(iso: string): boolean {
  const parts = iso.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  if (!parts) return false;
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
const blankToUndefined = (value: unknown) => (value === '' ? undefined : value);

const filterQuery = z.object({
  district: z.preprocess(blankToUndefined, z.enum([...DISTRICTS, 'all']).optional()),
  region: z.preprocess(blankToUndefined, z.string().regex(/^\d{2}$/).optional()),
  court: z.preprocess(blankToUndefined, z.coerce.number().int().positive().max(2_147_483_647).optional()),
  article: z.preprocess(blankToUndefined, z.string().max(20).regex(/^[0-9.]+$/).optional()),
  outcome: z.preprocess(blankToUndefined, z.enum(outcomeKinds as [string, ...string[]]).optional()),
  strength: z.preprocess(blankToUndefined, z.enum(['yes', 'possible']).optional()),
  from: z.preprocess(blankToUndefined, userDate.optional()),
  to: z.preprocess(blankToUndefined, userDate.optional()),
});

export type FilterValues = Partial<Record<keyof z.infer<typeof filterQuery>, string>>;

export interface ParsedFilter {
  filter: CaseFilter;
  /** The accepted values, to show in the form and to repeat in links (CSV export). */
  values: FilterValues;
}

/**
 * Invalid values are dropped rather than refused: a stale bookmark still opens the page.
 * Without a district in the query, a user's own district applies ('all' lifts it).
 */
export function readCaseFilter(c: Context, userDistrict: string | null): ParsedFilter {
  const raw = c.req.query();
  const values: FilterValues = {};
  const shape = filterQuery.shape;
  for (const key of Object.keys(shape) as (keyof typeof shape)[]) {
    const parsed = shape[key].safeParse(raw[key]);
    if (parsed.success && parsed.data !== undefined) values[key] = String(parsed.data);
  }
  if (values.district === undefined && isDistrict(userDistrict)) values.district = userDistrict;
  const filter: CaseFilter = {};
  if (isDistrict(values.district)) filter.regions = regionFilterOfDistrict(values.district);
  if (values.region) filter.regionCode = values.region;
  if (values.court) filter.courtId = Number(values.court);
  if (values.article) filter.article = values.article;
  if (values.outcome) filter.outcome = values.outcome as CaseFilter['outcome'];
  if (values.strength) filter.strength = values.strength as CaseFilter['strength'];
  if (values.from) filter.from = values.from;
  if (values.to) filter.to = values.to;
  return { filter, values };
}

export function filterQueryString(values: FilterValues): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value) params.set(key, value);
  const query = params.toString();
  return query ? `?${query}` : '';
}
