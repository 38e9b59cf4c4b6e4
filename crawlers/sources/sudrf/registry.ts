// The registry of sudrf court sites: regions, URLs and srv_num lists from one public dataset,
// captcha and layout flags from another, merged by court code (VNKOD).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { NewCourt } from '../../../db/queries/courts.ts';

const websites = z.record(
  z.string(),
  z.array(z.object({ court_id: z.string(), court_name: z.string(), court_website: z.string(), srv: z.array(z.string()).default(['1']) })),
);
const scraperConfig = z.array(
  z.object({ vnkod: z.string().nullable().optional(), searchPattern: z.string().nullable().optional(), hasCaptcha: z.boolean().nullable().optional() }).passthrough(),
);

/** «Алейский городской суд (Алтайский край)» → «Алтайский край». */
const regionOf = (courtName: string) => courtName.match(/\(([^()]+)\)\s*$/)?.[1] ?? null;

export function loadCourtRegistry(directory: string): NewCourt[] {
  const sites = websites.parse(JSON.parse(readFileSync(join(directory, 'sudrf_websites_dataout.json'), 'utf8')));
  const flags = new Map(
    scraperConfig
      .parse(JSON.parse(readFileSync(join(directory, 'sudrfscraper_court_config.json'), 'utf8')))
      .filter((entry) => entry.vnkod)
      .map((entry) => [entry.vnkod!, entry]),
  );
  const courts: NewCourt[] = [];
  for (const [regionCode, entries] of Object.entries(sites)) {
    for (const entry of entries) {
      const flag = flags.get(entry.court_id);
      courts.push({
        source: 'sudrf',
        code: entry.court_id,
        name: entry.court_name.replace(/\s*\([^()]+\)\s*$/, ''),
        region: regionOf(entry.court_name),
        regionCode: regionCode.padStart(2, '0'),
        baseUrl: entry.court_website.replace(/\/$/, ''),
        layout: flag?.searchPattern === 'VNKOD_PATTERN' ? 'vnkod' : 'primary',
        srvNums: entry.srv.map(Number).filter((n) => Number.isInteger(n) && n > 0),
        hasCaptcha: flag?.hasCaptcha === true,
      });
    }
  }
  return courts;
}
