// The registry of sudrf court sites: regions, URLs and srv_num lists from one public dataset
// (sudrf_websites_dataout.json), captcha and layout flags from another
// (sudrfscraper_court_config.json), merged by court code (VNKOD, e.g. 22RS0001). Pure apart
// from reading the two files, whose paths are parameters: a deployment may not have ../shared.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/** One court, shaped like an insert into the `courts` table. */
export interface RegistryCourt {
  source: 'sudrf';
  code: string;
  name: string;
  regionCode: string | null;
  region: string | null;
  baseUrl: string;
  layout: 'primary' | 'vnkod';
  srvNums: number[];
  hasCaptcha: boolean;
}

const websiteEntry = z.object({
  court_id: z.string().min(4),
  court_name: z.string().min(1),
  court_website: z.string().regex(/^https?:\/\//),
  srv: z.array(z.union([z.string(), z.number()])).default(['1']),
});
const websitesFile = z.record(z.string(), z.array(websiteEntry));

const scraperEntry = z.looseObject({
  vnkod: z.string().nullish(),
  name: z.string().nullish(),
  searchString: z.string().nullish(),
  searchPattern: z.string().nullish(),
  hasCaptcha: z.boolean().nullish(),
});
const scraperFile = z.array(scraperEntry);
type ScraperEntry = z.infer<typeof scraperEntry>;

/** «Алейский городской суд (Алтайский край)» → «Алтайский край». */
const regionOf = (courtName: string) => courtName.match(/\(([^()]+)\)\s*$/)?.[1]?.trim() ?? null;
const withoutRegion = (courtName: string) => courtName.replace(/\s*\([^()]+\)\s*$/, '').trim();
const trimUrl = (url: string) => url.trim().replace(/\/+$/, '');
// Moscow City Court and one Moscow district court publish on mos-gorsud.ru: not sud_delo sites.
const isSudrfSite = (url: string) => /^https?:\/\/[^/]+\.sudrf\.ru\/?$/i.test(url.trim());

function srvNumsOf(srv: (string | number)[]): number[] {
  const numbers = [...new Set(srv.map(Number).filter((n) => Number.isInteger(n) && n > 0))].sort((a, b) => a - b);
  // Every site has at least server 1; an empty list would make the crawler skip the court.
  return numbers.length > 0 ? numbers : [1];
}

const layoutOf = (flags: ScraperEntry | undefined): 'primary' | 'vnkod' => (flags?.searchPattern === 'VNKOD_PATTERN' ? 'vnkod' : 'primary');

/** Merges the two parsed files. Throws a ZodError naming the offending entry if either is malformed. */
export function mergeCourtRegistry(websitesJson: unknown, scraperConfigJson: unknown): RegistryCourt[] {
  const sites = websitesFile.parse(websitesJson);
  const flags = new Map<string, ScraperEntry>();
  for (const entry of scraperFile.parse(scraperConfigJson)) if (entry.vnkod) flags.set(entry.vnkod, entry);
  const courts = new Map<string, RegistryCourt>();
  for (const [regionCode, entries] of Object.entries(sites)) {
    for (const entry of entries) {
      if (!isSudrfSite(entry.court_website)) continue;
      const flag = flags.get(entry.court_id);
      courts.set(entry.court_id, {
        source: 'sudrf',
        code: entry.court_id,
        name: withoutRegion(entry.court_name),
        regionCode: regionCode.padStart(2, '0'),
        region: regionOf(entry.court_name),
        baseUrl: trimUrl(entry.court_website),
        layout: layoutOf(flag),
        srvNums: srvNumsOf(entry.srv),
        hasCaptcha: flag?.hasCaptcha === true,
      });
    }
  }
  // Courts only the scraper config knows (a couple): keep those on sudrf.ru, with server 1.
  for (const [code, flag] of flags) {
    if (courts.has(code) || !flag.searchString || !isSudrfSite(flag.searchString)) continue;
    courts.set(code, {
      source: 'sudrf',
      code,
      name: flag.name ?? code,
      regionCode: /^\d{2}/.test(code) ? code.slice(0, 2) : null,
      region: null,
      baseUrl: trimUrl(flag.searchString),
      layout: layoutOf(flag),
      srvNums: [1],
      hasCaptcha: flag.hasCaptcha === true,
    });
  }
  return [...courts.values()];
}

export interface CourtRegistryFiles {
  /** sudrf_websites_dataout.json */
  websitesPath: string;
  /** sudrfscraper_court_config.json */
  scraperConfigPath: string;
}

export function loadCourtRegistryFiles(files: CourtRegistryFiles): RegistryCourt[] {
  const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as unknown;
  return mergeCourtRegistry(read(files.websitesPath), read(files.scraperConfigPath));
}

/** The two files under their published names in one directory (e.g. ../shared/real-pages/reference). */
export function loadCourtRegistry(directory: string): RegistryCourt[] {
  return loadCourtRegistryFiles({
    websitesPath: join(directory, 'sudrf_websites_dataout.json'),
    scraperConfigPath: join(directory, 'sudrfscraper_court_config.json'),
  });
}
