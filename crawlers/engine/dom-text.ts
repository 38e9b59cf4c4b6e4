// The text of DOM nodes, like cheerio's .text() (domutils textContent) but with an explicit
// stack: textContent recurses once per level, and hostile pages nest tags 10,000 deep.
import type { AnyNode } from 'domhandler';

/** Concatenated text of the nodes and their descendants, in document order (script and style included, as .text() does). */
export function plainText(nodes: Iterable<AnyNode>): string {
  const parts: string[] = [];
  const stack: AnyNode[] = [...nodes].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'text') {
      parts.push((node as unknown as { data: string }).data);
      continue;
    }
    const children = (node as unknown as { children?: AnyNode[] }).children;
    if (!children || node.type === 'comment') continue;
    for (let i = children.length - 1; i >= 0; i -= 1) stack.push(children[i]!);
  }
  return parts.join('');
}
