// The act-only page (name_op=doc): the decision text in div#content, for cards that link to
// their act instead of showing it.
import { load } from 'cheerio';
import type { ActPage } from '../../../db/case-card.ts';
import { blockText, isTruncated } from './html-text.ts';

export function parseActPage(html: string, cardUrl: string): ActPage | { failure: true; reason: string } {
  if (isTruncated(html)) return { failure: true, reason: 'truncated page (no closing </html>)' };
  const $ = load(html);
  const content = $('div#content').first();
  if (content.length === 0) return { failure: true, reason: 'no div#content on the act page' };
  const actText = blockText($, content[0]!);
  if (actText.length < 40) return { failure: true, reason: 'act page without a text' };
  return { cardUrl, actText };
}
