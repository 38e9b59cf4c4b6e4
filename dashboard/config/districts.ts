// Consular districts of Kyrgyzstan in Russia, keyed by the region code that starts every
// court code (66RS0001 → 66, Sverdlovsk region). The split below is a working assumption
// for the triage filter, to be confirmed with the consular service: it is configuration,
// not law, and regions missing here fall to the embassy in Moscow.

import type { RegionSet } from '../../db/queries/case-filters.ts';

export const DISTRICTS = ['moscow', 'yekaterinburg', 'novosibirsk', 'honorary'] as const;
export type DistrictName = (typeof DISTRICTS)[number];

const REGIONS_BY_DISTRICT: Record<DistrictName, readonly string[]> = {
  // Embassy consular section: Moscow, Moscow region and central / southern Russia.
  moscow: [
    '77', '50', '31', '32', '33', '36', '37', '40', '44', '46', '48', '57', '62', '67', '68', '69', '71', '76',
    '01', '05', '06', '07', '08', '09', '15', '20', '26', '30', '34', '61', '82', '92',
  ],
  // Consulate General in Yekaterinburg: the Urals and Western Siberia's oil regions.
  yekaterinburg: ['66', '74', '72', '86', '89', '45', '59', '02', '56', '18'],
  // Consulate General in Novosibirsk: Siberia and the Far East.
  novosibirsk: [
    '54', '55', '70', '42', '22', '04', '24', '38', '19', '17', '03', '75', '14', '25', '27', '28', '41', '49', '65', '79', '87',
  ],
  // Regions served through honorary consuls (St Petersburg, Volga, North-West).
  honorary: ['78', '47', '16', '63', '64', '73', '52', '58', '13', '12', '21', '43', '10', '11', '29', '35', '39', '51', '53', '60', '83', '23'],
};

const DISTRICT_BY_REGION = new Map<string, DistrictName>(
  DISTRICTS.flatMap((district) => REGIONS_BY_DISTRICT[district].map((region) => [region, district] as const)),
);

/** The region code of a court code ('66RS0001' → '66'); null when it does not start with two digits. */
export function regionCodeOfCourt(courtCode: string | null | undefined): string | null {
  const match = courtCode?.match(/^(\d{2})/);
  return match ? match[1]! : null;
}

export function districtOfRegion(regionCode: string | null | undefined): DistrictName {
  return (regionCode && DISTRICT_BY_REGION.get(regionCode)) || 'moscow';
}

/**
 * Region codes of a district, as a filter. Moscow is "everything not given to another
 * district", so its filter is expressed as an exclusion list.
 */
export function regionFilterOfDistrict(district: DistrictName): RegionSet {
  if (district !== 'moscow') return { include: [...REGIONS_BY_DISTRICT[district]] };
  return { exclude: DISTRICTS.filter((d) => d !== 'moscow').flatMap((d) => [...REGIONS_BY_DISTRICT[d]]) };
}

export function isDistrict(value: unknown): value is DistrictName {
  return typeof value === 'string' && (DISTRICTS as readonly string[]).includes(value);
}
