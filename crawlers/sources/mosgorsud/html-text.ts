// Card and list HTML to plain text: line breaks where the page breaks lines (<br>, <p>,
// block elements), whitespace tidied. Kept here rather than shared with sudrf, whose pages
// follow other conventions.
import { load, type CheerioAPI } from 'cheerio';
import type { AnyNode } from 'domhandler';

export function tidy(text: string): string {
  return text
    .replace(/\u00a0/g, ' ')
    .replace(/[ \t\r\f\v]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{2,}/g, '\n')
    .trim();
}

/** The node's text with one line per block, tidied. */
export function linesOf($: CheerioAPI, node: AnyNode): string {
  const copy = $(node).clone();
  copy.find('script, style, svg, .hint, .tooltip').remove();
  copy.find('br').replaceWith('\n');
  copy.find('p, div, li, tr').each((_, el) => {
    $(el).prepend('\n').append('\n');
  });
  return tidy(copy.text());
}

/** The node's text on one line. */
export function oneLine($: CheerioAPI, node: AnyNode): string {
  return linesOf($, node).replace(/\n+/g, ' ').trim();
}

/** The text of an HTML fragment (e.g. an attribute holding escaped HTML). */
export function fragmentLines(html: string): string {
  const $ = load(html);
  const body = $('body').get(0);
  return body ? linesOf($, body) : '';
}
