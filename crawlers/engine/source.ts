// The small interface every crawler source implements and the shared engine drives.
// Adding a court system means adding a folder under crawlers/sources/, not editing the engine.
import type { Db } from '../../db/client.ts';

/** A page to fetch. uniqueKey defaults to the URL; a key is fetched at most once per frontier. */
export interface RequestSpec {
  url: string;
  kind: string; // 'list' | 'card' | 'doc' | ...
  uniqueKey?: string;
  courtId?: number | null;
  userData?: Record<string, unknown>;
}

export interface FetchedPage {
  url: string;
  kind: string;
  courtId: number | null;
  userData: Record<string, unknown>;
  httpStatus: number;
  headers: Record<string, string>;
  raw: Uint8Array;
  text: string;
  encoding: string;
}

/** How a page turned out. Anything but 'ok' and 'no_data' is recorded as a failure kind. */
export type PageStatus =
  | 'ok'
  | 'no_data'
  | 'captcha'
  | 'throttled'
  | 'geo_blocked'
  | 'waf_blocked'
  | 'http_error'
  | 'parse_failure';

export interface PageResult {
  status: PageStatus;
  reason?: string;
  /** Structured content (e.g. a CaseCard for a card page), stored with the document. */
  parsed?: unknown;
  /** New requests discovered on the page (pagination, case links, act links). */
  enqueue: RequestSpec[];
  /**
   * The text to store for the document when the decoded body is not it (a DOCX/DOC/RTF
   * attachment: the act's own text). The raw bytes are kept either way.
   */
  storedText?: string;
}

export interface SeedContext {
  db: Db;
  /**
   * Only cases published on or after this date (YYYY-MM-DD). Null: continue from each court's
   * cursor (the source keeps one per court and case type), a week back for a court never read.
   */
  since: string | null;
  until: string;
  /** Restrict to these court codes; all known courts of the source when empty. */
  courtCodes: string[];
}

export interface CrawlSource {
  name: string;
  /** Starting requests for a run (list pages per court, case type and date window). */
  seedRequests(ctx: SeedContext): Promise<RequestSpec[]>;
  /** Classify and parse a fetched page. Pure: no I/O. */
  handlePage(page: FetchedPage): PageResult;
}
