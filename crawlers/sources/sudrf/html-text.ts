// Court HTML to plain text: block elements become line breaks, whitespace is tidied,
// depersonalisation spans («ФИО1», «<данные изъяты>») keep their text as written.
import type { CheerioAPI } from 'cheerio';
import type { AnyNode } from 'domhandler';
import { domText } from '../../engine/dom-text.ts';

/** The root's text with one line per block (crawlers/engine/dom-text.ts), tidied. */
export function blockText($: CheerioAPI, root: AnyNode): string {
  return tidy(domText([root], { blockBreaks: true }));
}

export function tidy(text: string): string {
  return text
    .replace(/\u00a0/g, ' ')
    .replace(/[ \t\r\f\v]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export function cellText($: CheerioAPI, node: AnyNode): string {
  return blockText($, node).replace(/\n+/g, ' ');
}

/** Court pages always close </html>; a page without it was cut off in transit. */
export function isTruncated(html: string): boolean {
  return !/<\/html\s*>/i.test(html);
}
