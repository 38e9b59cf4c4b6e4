// Plain text → normalized text without building a per-character map: the unchanged stretches
// are copied and only the change sites (whitespace runs, quotes, dashes, ё, invisible characters,
// entities) are replaced, each shift noted as a run. Also tells plain text from HTML, which
// normalize.ts then turns into text itself.
import { ENTITIES, ENTITY, mapChar } from './character-map.ts';
import type { NormalizedText } from './normalize.ts';
import { ChangeCandidates } from './wasm/change-sites.ts';

const OPENING_TAG = /<(?:html|body|div|p|span|table|br|td|tr)[\s>/]/iy;
const CLOSING_TAG = /<\/(?:p|div|td)>/iy;

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
// all (it stays as it is). Sticky: tried where a candidate is found (below).
// eslint-disable-next-line no-control-regex
const CHANGE = /[ \t\r\f\v\u00a0\u2007\u2009\u202f]+\n[\s\u00a0\u2007\u2009\u202f]*|\n[\s\u00a0\u2007\u2009\u202f]+|[ \t\r\f\v\u00a0\u2007\u2009\u202f]{2,}|[\t\r\f\v\u00a0\u2007\u2009\u202f]|[«»„“”‟‘’–—−ёЁ\u00ad\u200b-\u200d\ufeff\u0000-\u0008\u000e-\u001f]|&(?:#\d{1,6}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,6});/y;
// Where a change can start (ChangeCandidates, wasm/change-sites.wat): a space or a line break
// before whitespace, a character outside the usual ones (line break, printable ASCII but «&» and
// «<», Cyrillic а–Я, «№»). Found eight characters at a time, for a third of what the pattern
// /[\n ]\s|[^\n\x20-\x25\x27-\x3b\x3d-\x7e\u0410-\u044f\u2116]/g cost; the alternation above
// (sticky) then runs only where one is found, so the changes found are the same. Candidates may
// be more than the change sites (a space before U+2028 is one), never fewer. «<» is a candidate
// so that the same scan tells plain text from HTML (htmlTagAt), instead of a search for «<» of its own.

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
  candidates: ChangeCandidates;
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
    const candidate = scan.candidates.at(at);
    if (candidate < 0) return null;
    const code = input.charCodeAt(candidate);
    if (isLoneChange(code)) return { start: candidate, end: candidate + 1 };
    if (code === 0x3c) {
      if (htmlTagAt(input, candidate)) return HTML_TAG;
    } else {
      CHANGE.lastIndex = candidate;
      if (CHANGE.test(input)) return { start: candidate, end: CHANGE.lastIndex };
    }
    at = candidate + 1;
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
export function tidyPlainText(input: string): NormalizedText | null {
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
  const scan: ChangeScan = { misses: 0, anywhere: false, candidates: new ChangeCandidates(input) };
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
