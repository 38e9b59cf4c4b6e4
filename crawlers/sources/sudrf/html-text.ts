// Court HTML to plain text: block elements become line breaks, whitespace is tidied,
// depersonalisation spans («ФИО1», «<данные изъяты>») keep their text as written.
import type { CheerioAPI } from 'cheerio';
import type { AnyNode } from 'domhandler';

const BLOCK = new Set(['p', 'div', 'br', 'tr', 'li', 'table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'section', 'article']);

export function blockText($: CheerioAPI, root: AnyNode): string {
  const parts: string[] = [];
  const walk = (node: AnyNode) => {
    if (node.type === 'text') {
      parts.push((node as unknown as { data: string }).data);
      return;
    }
    if (node.type !== 'tag') return;
    const name = (node as unknown as { name: string }).name.toLowerCase();
    if (name === 'script' || name === 'style') return;
    const block = BLOCK.has(name);
    if (block) parts.push('\n');
    for (const child of $(node).contents().toArray()) walk(child);
    if (block) parts.push('\n');
  };
  walk(root);
  return tidy(parts.join(''));
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
