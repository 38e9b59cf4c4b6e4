// HTML or plain text → the plain text every later stage reads. Evidence offsets refer to this
// normalized text; `toOriginal` maps them back to the input (the raw HTML or text) so a viewer
// of the original page can highlight the same words.
//
// What changes: HTML becomes text (block elements → line breaks, script/style dropped), a few
// entities are decoded in plain text too (texts saved from HTML keep «&lt;данные изъяты&gt;»),
// spaces are collapsed, quotes become ", dashes -, ё → е, invisible characters disappear.
// Depersonalisation markers («ФИО1», «<данные изъяты>», «ДД.ММ.ГГГГ», «<адрес>») stay as written.
import { load } from 'cheerio';
import type { AnyNode } from 'domhandler';
import { ENTITIES, ENTITY, mapChar } from './character-map.ts';
import { tidyPlainText } from './plain-text.ts';

export { looksLikeHtml } from './plain-text.ts';

export interface NormalizedText {
  text: string;
  /**
   * The offset map, run-length encoded: pairs (normalized offset, input offset); inside a run
   * both advance together. Compact because most characters keep their distance to the input.
   */
  runs: number[];
  inputLength: number;
  wasHtml: boolean;
}

// Scratch space reused across documents: allocating typed arrays per document costs more than
// the normalization itself.
let scratch = new Uint16Array(1 << 16);
const utf16 = new TextDecoder('utf-16le');

const BLOCK = new Set(['p', 'div', 'br', 'tr', 'li', 'table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'section', 'article', 'td', 'th', 'hr']);
/** Where a court page keeps the act: sudrf (both layouts) and the act-only page. */
const ACT_CONTAINER = '#cont_doc1, #tab_content_Document1, div#content';


/**
 * Collapses whitespace and maps characters. `origin` gives each input character's offset in the
 * original document (identity for plain text).
 */
function tidyWithOrigins(input: string, origin: Int32Array | null, decodeEntities: boolean, inputLength: number): NormalizedText {
  if (scratch.length < input.length + 4) scratch = new Uint16Array(input.length * 2 + 4);
  const out = scratch;
  const runs: number[] = [];
  let delta = Number.NaN; // input offset minus normalized offset in the current run
  const put = (code: number, from: number) => {
    if (from - n !== delta) {
      delta = from - n;
      runs.push(n, from);
    }
    out[n++] = code;
  };
  let n = 0;
  let pendingSpace = -1; // origin of a space not yet written
  let newlines = 0; // newlines pending (collapsed to at most two)
  let newlineOrigin = 0;
  const at = (i: number) => (origin ? origin[i]! : i);
  for (let i = 0; i < input.length; i += 1) {
    let code = input.charCodeAt(i);
    let consumed = 1;
    if (code === 0x26 && decodeEntities) {
      const entity = ENTITY.exec(input.slice(i, i + 10));
      if (entity) {
        const decoded = entity[1] ? Number(entity[1]) : entity[2] ? parseInt(entity[2], 16) : ENTITIES[entity[3]!.toLowerCase()]?.charCodeAt(0);
        if (decoded !== undefined && decoded > 0 && decoded < 0xffff) {
          code = decoded;
          consumed = entity[0].length;
        }
      }
    }
    const mapped = mapChar(code);
    const from = at(i);
    i += consumed - 1;
    if (mapped === -1) continue;
    if (mapped === 0x0a) {
      if (newlines === 0) newlineOrigin = from;
      newlines += 1;
      pendingSpace = -1;
      continue;
    }
    if (mapped === 0x20) {
      if (pendingSpace === -1 && newlines === 0) pendingSpace = from;
      continue;
    }
    if (n > 0) {
      if (newlines > 0) {
        for (let k = 0; k < Math.min(newlines, 2); k += 1) put(0x0a, newlineOrigin + k);
      } else if (pendingSpace !== -1) {
        put(0x20, pendingSpace);
      }
    }
    newlines = 0;
    pendingSpace = -1;
    put(mapped, from);
  }
  const text = utf16.decode(new Uint8Array(out.buffer, 0, n * 2));
  return { text, runs, inputLength, wasHtml: origin !== null };
}

/** HTML → text with, for each character, its offset in the HTML source. */
function htmlToTextWithOrigins(html: string): { text: string; origin: Int32Array } {
  const $ = load(html, { sourceCodeLocationInfo: true } as Parameters<typeof load>[1]);
  const root = $(ACT_CONTAINER).first()[0] ?? $('body')[0] ?? $.root()[0]!;
  const chunks: string[] = [];
  const origins: number[] = [];
  const emit = (text: string, start: number, sourceLength: number) => {
    // «</p><p>»: one boundary between blocks, not two.
    if (text === '\n' && chunks[chunks.length - 1] === '\n') return;
    chunks.push(text);
    // Entities make a text node shorter than its source: offsets inside it are then approximate.
    for (let i = 0; i < text.length; i += 1) origins.push(start + Math.min(i, Math.max(0, sourceLength - 1)));
  };
  // An explicit stack, not recursion: a page nested 10,000 tags deep must not overflow the call stack.
  // An entry with `closing` emits the line break that ends a block element after its children.
  const stack: { node: AnyNode; closing: boolean }[] = [{ node: root, closing: false }];
  while (stack.length > 0) {
    const { node, closing } = stack.pop()!;
    const located = node as AnyNode & { startIndex: number | null; endIndex: number | null };
    const start = located.startIndex ?? 0;
    if (closing) {
      emit('\n', located.endIndex ?? start, 1);
      continue;
    }
    if (node.type === 'text') {
      const data = (node as unknown as { data: string }).data;
      emit(data, start, (located.endIndex ?? start + data.length - 1) - start + 1);
      continue;
    }
    if (node.type !== 'tag' && node.type !== 'root') continue;
    const name = (node as unknown as { name?: string }).name?.toLowerCase() ?? '';
    if (name === 'script' || name === 'style' || name === 'noscript' || name === 'template') continue;
    if (BLOCK.has(name)) {
      emit('\n', start, 1);
      stack.push({ node, closing: true });
    }
    const children = (node as unknown as { children?: AnyNode[] }).children ?? [];
    for (let i = children.length - 1; i >= 0; i -= 1) stack.push({ node: children[i]!, closing: false });
  }
  return { text: chunks.join(''), origin: Int32Array.from(origins) };
}


/** The analysed text and the map back to the input. */
export function normalizeText(input: string): NormalizedText {
  const plain = tidyPlainText(input);
  if (plain) return plain;
  const html = htmlToTextWithOrigins(input);
  return tidyWithOrigins(html.text, html.origin, false, input.length);
}

/** The analysed text alone. */
export function normalizeDocument(input: string): string {
  return normalizeText(input).text;
}

/** The input offset of normalized offset `at` (the last run starting at or before it). */
export function toOriginal(normalized: NormalizedText, at: number): number {
  const { runs } = normalized;
  let lo = 0;
  let hi = runs.length / 2 - 1;
  if (hi < 0) return 0;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (runs[mid * 2]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return Math.min(normalized.inputLength, runs[lo * 2 + 1]! + (at - runs[lo * 2]!));
}

/** Maps a [start, end) span of the normalized text back to the input. */
export function originalSpan(normalized: NormalizedText, start: number, end: number): { start: number; end: number } {
  const from = toOriginal(normalized, start);
  return { start: from, end: end > start ? toOriginal(normalized, end - 1) + 1 : from };
}
