// The MVD entry-ban service as a crawl source: the engine's conventions (politeness per host,
// the raw answer stored as a document, classification by the source) for a service that can
// only be asked about one known person at a time. It has nothing to crawl on its own: a
// check is started for one detainee by check.ts, never seeded in bulk.
import type { CrawlSource, FetchedPage, PageResult, PageStatus } from '../../engine/source.ts';
import { parseEntryBanAnswer, type EntryBanResult } from './parse-answer.ts';
import { ENTRY_BAN_SOURCE } from './request.ts';

const STATUS_OF: Record<EntryBanResult, PageStatus> = { ban: 'ok', no_data: 'no_data', unknown: 'parse_failure' };

export const entryBanSource: CrawlSource = {
  name: ENTRY_BAN_SOURCE,
  // Never a list: the service is asked about one person at a time, on an officer's request.
  seedRequests: async () => [],
  handlePage(page: FetchedPage): PageResult {
    const answer = parseEntryBanAnswer(page.text, page.httpStatus);
    let status = STATUS_OF[answer.result];
    if (answer.reason.startsWith('captcha')) status = 'captcha';
    else if (page.httpStatus === 429) status = 'throttled';
    else if (page.httpStatus >= 400) status = 'http_error';
    return { status, reason: answer.result === 'unknown' ? answer.reason : undefined, parsed: answer, enqueue: [] };
  },
};


