// One crawl of a source named on the command line or in a schedule: what the source needs
// before it can run (the mos-gorsud portal's court row, a chromium pool for the acts bank)
// and which page fetcher drives it. `kuzet crawl` and `kuzet worker` both come through here.
import type { Db } from '../../db/client.ts';
import { BrowserPool } from '../browser/browser-pool.ts';
import { crawlBrowserSource } from '../browser/crawl-browser-source.ts';
import { BrowserPageRenderer } from '../browser/page-renderer.ts';
import { runCrawl, type CrawlOptions, type CrawlSummary } from '../engine/crawler.ts';
import type { SeedContext } from '../engine/source.ts';
import { actsBankSource } from '../sources/acts-bank/index.ts';
import { mosgorsudSource } from '../sources/mosgorsud/index.ts';
import { registerMosgorsudPortal } from '../sources/mosgorsud/registry.ts';
import { sudrfSource } from '../sources/sudrf/index.ts';
import type { CrawlSourceName } from './schedules.ts';

export interface NamedSourceCrawl {
  source: CrawlSourceName;
  /** mosgorsud: the portal's base URL; acts-bank: its portal page. The live sites when absent. */
  portal?: string;
  seed: SeedContext | null;
  overrides?: Partial<CrawlOptions>;
}

export async function crawlNamedSource(db: Db, { source, portal, seed, overrides = {} }: NamedSourceCrawl): Promise<CrawlSummary> {
  switch (source) {
    case 'sudrf':
      return runCrawl(db, sudrfSource(), seed, overrides);
    case 'mosgorsud':
      await registerMosgorsudPortal(db, portal);
      return runCrawl(db, mosgorsudSource(), seed, overrides);
    case 'acts-bank': {
      // A browser per crawl: chromium holds hundreds of MB, too much to keep between nightly runs.
      const pool = new BrowserPool({ maxPages: overrides.concurrency ?? 4 });
      try {
        return await crawlBrowserSource(db, actsBankSource({ portal }), new BrowserPageRenderer(pool), seed, overrides);
      } finally {
        await pool.close();
      }
    }
  }
}
