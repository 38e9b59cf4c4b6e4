// The text of DOM nodes, walked with an explicit stack: cheerio's .text() (domutils
// textContent) recurses once per level, and hostile pages nest tags 10,000 deep.
import type { AnyNode } from 'domhandler';

const BLOCK = new Set(['p', 'div', 'br', 'tr', 'li', 'table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'section', 'article']);

/**
 * The text of the nodes and their descendants in document order, without scripts and styles.
 * With `blockBreaks`, block elements (p, div, br, tr, …) start and end with a line break.
 */
export function domText(nodes: Iterable<AnyNode>, { blockBreaks = false } = {}): string {
  const parts: string[] = [];
  const stack: (AnyNode | '\n')[] = [...nodes].reverse();
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
    if (blockBreaks && BLOCK.has(name)) {
      parts.push('\n');
      stack.push('\n');
    }
    const children = (node as unknown as { children?: AnyNode[] }).children ?? [];
    for (let i = children.length - 1; i >= 0; i -= 1) stack.push(children[i]!);
  }
  return parts.join('');
}
