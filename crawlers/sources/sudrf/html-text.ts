// Court HTML to plain text: block elements become line breaks, whitespace is tidied,
// depersonalisation spans («ФИО1», «<данные изъяты>») keep their text as written.
import type { CheerioAPI } from 'cheerio';
import type { AnyNode } from 'domhandler';

const BLOCK = new Set(['p', 'div', 'br', 'tr', 'li', 'table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'section', 'article']);

export function blockText($: CheerioAPI, root: AnyNode): string {
  // An explicit stack, not recursion: hostile pages nest tags 10,000 deep.
  const parts: string[] = [];
  const stack: (AnyNode | '\n')[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === '\n') {
      parts.push('\n');
      continue;
    }
    if (node.type === 'text') {
      parts.push((node as unknown as { data: string }).data);
      continue;
    }
    if (node.type !== 'tag' && node.type !== 'root') continue;
    const name = node.type === 'tag' ? (node as unknown as { name: string }).name.toLowerCase() : '';
    if (name === 'script' || name === 'style') continue;
    const block = BLOCK.has(name);
    if (block) {
      parts.push('\n');
      stack.push('\n');
    }
    const children = (node as unknown as { children?: AnyNode[] }).children ?? [];
    for (let i = children.length - 1; i >= 0; i -= 1) stack.push(children[i]!);
  }
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
