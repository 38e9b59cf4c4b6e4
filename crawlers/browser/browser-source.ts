// A crawl source whose pages only exist after a browser has run their scripts: like the
// engine's CrawlSource (seeds, a pure handlePage), plus what to wait for before a page counts
// as rendered. Its page carries the HTML of its iframes too.
import type { CrawlSource, FetchedPage, PageResult } from '../engine/source.ts';
import type { RenderedFrame } from './page-renderer.ts';

export interface RenderedFetchedPage extends FetchedPage {
  frames: RenderedFrame[];
}

export interface BrowserCrawlSource extends Omit<CrawlSource, 'handlePage'> {
  /** The selector that exists once a page of this kind has been rendered by its script. */
  readySelector(kind: string): string;
  /** Classify and parse a rendered page. Pure: no I/O. */
  handlePage(page: RenderedFetchedPage): PageResult;
}
