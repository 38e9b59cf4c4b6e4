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

const OPENING_TAG = /<(?:html|body|div|p|span|table|br|td|tr)[\s>/]/iy;
const CLOSING_TAG = /<\/(?:p|div|td)>/iy;
const BLOCK = new Set(['p', 'div', 'br', 'tr', 'li', 'table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'section', 'article', 'td', 'th', 'hr']);
/** Where a court page keeps the act: sudrf (both layouts) and the act-only page. */
const ACT_CONTAINER = '#cont_doc1, #tab_content_Document1, div#content';

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', nbsp: ' ', laquo: '"', raquo: '"', apos: "'" };
const ENTITY = /^&(?:#(\d{1,6})|#x([0-9a-f]{1,6})|([a-z]{2,6}));/i;

/** One character class per code unit, decided once: the loop below stays branch-light. */
function mapChar(code: number): number {
  if (code === 0x0451) return 0x0435; // ё → е: the stages match on е only
  if (code === 0x0401) return 0x0415;
  if (code === 0xab || code === 0xbb || code === 0x201e || code === 0x201c || code === 0x201d || code === 0x201f) return 0x22;
  if (code === 0x2018 || code === 0x2019) return 0x27;
  if (code === 0x2013 || code === 0x2014 || code === 0x2212) return 0x2d;
  if (code === 0x09 || code === 0x0d || code === 0x0b || code === 0x0c || code === 0xa0 || code === 0x2007 || code === 0x202f || code === 0x2009) return 0x20;
  if ((code >= 0x200b && code <= 0x200d) || code === 0xfeff || code === 0xad || (code < 0x20 && code !== 0x0a)) return -1;
  return code;
}

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

/**
 * Whether the «<» at `at` opens an HTML tag: an opening tag within the first 4,096 characters or a
 * closing one within the first 65,536.
 */
function htmlTagAt(input: string, at: number): boolean {
  if (at < 4096) {
    OPENING_TAG.lastIndex = at;
    if (OPENING_TAG.test(input.length > 4096 ? input.slice(0, 4096) : input)) return true;
  }
  if (at >= 65536) return false;
  CLOSING_TAG.lastIndex = at;
  return CLOSING_TAG.test(input.length > 65536 ? input.slice(0, 65536) : input);
}

/** Whether a «<» at or after `from` opens an HTML tag (htmlTagAt). */
function htmlTagFrom(input: string, from: number): boolean {
  // Tried only at each «<» (plain acts have a few: «<данные изъяты>», «<адрес>»), not by two
  // case-insensitive scans of the whole text.
  const end = Math.min(input.length, 65536);
  for (let at = input.indexOf('<', from); at >= 0 && at < end; at = input.indexOf('<', at + 1)) {
    if (htmlTagAt(input, at)) return true;
  }
  return false;
}

export function looksLikeHtml(input: string): boolean {
  return htmlTagFrom(input, 0);
}

// Control characters are deliberately matched here: they are removed from court texts.
// Everything plain-text normalization changes: whitespace runs that are not a lone space or a
// lone line break, characters that map to others, entities. A lone line break is not matched at
// all (it stays as it is). Sticky: tried where CHANGE_MAY_START finds a candidate.
// eslint-disable-next-line no-control-regex
const CHANGE = /[ \t\r\f\v\u00a0\u2007\u2009\u202f]+\n[\s\u00a0\u2007\u2009\u202f]*|\n[\s\u00a0\u2007\u2009\u202f]+|[ \t\r\f\v\u00a0\u2007\u2009\u202f]{2,}|[\t\r\f\v\u00a0\u2007\u2009\u202f]|[«»„“”‟‘’–—−ёЁ\u00ad\u200b-\u200d\ufeff\u0000-\u0008\u000e-\u001f]|&(?:#\d{1,6}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,6});/y;
// Where a change can start: a space or a line break before whitespace, a character outside the
// usual ones (line break, printable ASCII but «&» and «<», Cyrillic а–Я, «№»). One scan for these
// is cheaper than the alternation above tried at every space; the alternation (sticky) then runs
// only where one is found, so the changes found are the same. Candidates may be more than the
// change sites (a space before U+2028 is one), never fewer. The pair comes first and takes any \s
// after the space: measured 18 % cheaper per character than the class first (most characters are
// letters, which fail the pair at its first character). «<» is a candidate so that the same scan
// tells plain text from HTML (htmlTagAt), instead of a search for «<» of its own.
const CHANGE_MAY_START = /[\n ]\s|[^\n\x20-\x25\x27-\x3b\x3d-\x7e\u0410-\u044f\u2116]/g;

/** CHANGE tried everywhere: for texts full of unusual characters (another script), where candidates are everywhere. */
const CHANGE_ANYWHERE = new RegExp(CHANGE.source, 'g');

/**
 * A character CHANGE replaces on its own, whatever follows (quotes, dashes, ё, invisible and
 * control characters): what mapChar changes to something other than a space. At such a candidate
 * the change is that one character, without running CHANGE.
 */
function isLoneChange(code: number): boolean {
  const mapped = mapChar(code);
  return mapped !== code && mapped !== 0x20;
}

/** A change site: input[start, end) is replaced. */
interface ChangeSite {
  start: number;
  end: number;
}

/** How far a scan for change sites got: candidates that were none, and whether it switched to CHANGE_ANYWHERE. */
interface ChangeScan {
  misses: number;
  anywhere: boolean;
}

/** What nextChange gives when the text is HTML after all. */
const HTML_TAG: ChangeSite = { start: -1, end: -1 };

/**
 * The first change site at or after `from`: what a global CHANGE would find from there; HTML_TAG
 * when a «<» before it opens an HTML tag (looksLikeHtml's rule: the text is then HTML).
 * Past a few hundred candidates that were no change, CHANGE_ANYWHERE alone is cheaper.
 * At a candidate, CHANGE is tried by `test` and the end read from lastIndex: no match array and
 * no matched string per change (a real act has a hundred and more: double spaces, quotes).
 */
function nextChange(input: string, from: number, scan: ChangeScan): ChangeSite | null {
  for (let at = from; ; ) {
    if (scan.misses > 256 && !scan.anywhere) {
      // The plain scan does not stop at «<»: look for a tag in the rest once, when switching.
      if (htmlTagFrom(input, at)) return HTML_TAG;
      scan.anywhere = true;
    }
    if (scan.anywhere) {
      CHANGE_ANYWHERE.lastIndex = at;
      const change = CHANGE_ANYWHERE.exec(input);
      return change ? { start: change.index, end: change.index + change[0].length } : null;
    }
    CHANGE_MAY_START.lastIndex = at;
    const candidate = CHANGE_MAY_START.exec(input);
    if (!candidate) return null;
    const code = input.charCodeAt(candidate.index);
    if (isLoneChange(code)) return { start: candidate.index, end: candidate.index + 1 };
    if (code === 0x3c) {
      if (htmlTagAt(input, candidate.index)) return HTML_TAG;
    } else {
      CHANGE.lastIndex = candidate.index;
      if (CHANGE.test(input)) return { start: candidate.index, end: CHANGE.lastIndex };
    }
    at = candidate.index + 1;
    scan.misses += 1;
  }
}

/** What a change site becomes; the site itself when it is an entity that does not decode. */
function replacementFor(input: string, site: ChangeSite, atEnd: boolean): string {
  const first = input.charCodeAt(site.start);
  if (site.end - site.start === 1) {
    const mapped = mapChar(first);
    return mapped === -1 ? '' : String.fromCharCode(mapped);
  }
  if (first === 0x26) {
    const match = input.slice(site.start, site.end);
    const entity = ENTITY.exec(match);
    if (!entity) return match;
    const decoded = entity[1] ? Number(entity[1]) : entity[2] ? parseInt(entity[2], 16) : ENTITIES[entity[3]!.toLowerCase()]?.charCodeAt(0);
    if (decoded === undefined || decoded <= 0 || decoded >= 0xffff) return match;
    const mapped = mapChar(decoded);
    return mapped === -1 ? '' : String.fromCharCode(mapped);
  }
  if (atEnd) return '';
  let newlines = 0;
  for (let i = site.start; i < site.end && newlines < 2; i += 1) if (input.charCodeAt(i) === 0x0a) newlines += 1;
  return newlines === 0 ? ' ' : newlines === 1 ? '\n' : '\n\n';
}

/**
 * Plain text: copy the unchanged stretches, replace the change sites, note each shift. Null when
 * the text turns out to be HTML.
 */
function tidyPlainText(input: string): NormalizedText | null {
  const pieces: string[] = [];
  const runs: number[] = [0, 0];
  let copiedUpTo = 0;
  let length = 0;
  // Leading and trailing whitespace go: the first stretch starts after it, the last ends before.
  // trimStart/trimEnd remove exactly what \s matches (no copy when there is nothing to remove).
  const lead = input.length - input.trimStart().length;
  const trailStart = Math.max(lead, input.trimEnd().length);
  if (lead > 0) {
    copiedUpTo = lead;
    runs[1] = lead;
  }
  const scan: ChangeScan = { misses: 0, anywhere: false };
  for (let site = nextChange(input, lead, scan); site !== null; site = nextChange(input, site.end, scan)) {
    if (site === HTML_TAG) return null;
    const at = site.start;
    if (at >= trailStart) break;
    const replacement = replacementFor(input, site, site.end >= trailStart);
    // Unchanged: an entity that does not decode, a paragraph break («\n\n»).
    if (replacement.length === site.end - at && input.startsWith(replacement, at)) continue;
    pieces.push(input.slice(copiedUpTo, at), replacement);
    length += at - copiedUpTo + replacement.length;
    copiedUpTo = site.end;
    runs.push(length, copiedUpTo);
  }
  if (copiedUpTo < trailStart) pieces.push(input.slice(copiedUpTo, trailStart));
  return { text: pieces.join(''), runs, inputLength: input.length, wasHtml: false };
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
