// Every occurrence of a set of needles in a text, found by needle-scan.wat: what one global
// alternation of the needles, tried again one character after each match, finds, for about a
// quarter of its cost per character. Used by the shared needle index (cyrillic.ts).
import { ensureMemory, instantiate } from './instance.ts';

const FINGERPRINT = 3; // characters of a needle the filter reads
const BUCKETS = 16; // two banks of eight
const BANK_BYTES = 0x60;
const NIBBLE_MASK = 0xc0;
const NEEDLES_AT = 0x01000;
const BUCKET_BYTES = 0x800;
const ENTRY_BYTES = 64;
const MAX_NEEDLE_LENGTH = (ENTRY_BYTES - 4) / 2;
const HITS = 0x09000;
const HIT_PAIRS = 16384;
const TEXT = 0x29000;
/** Zero code units written after the text: a block reads up to 33 past its first position. */
const PADDING = 40;
const STOPPED_AT = 0x110;

const instance = instantiate('needle-scan');
const memory = instance.exports.memory as WebAssembly.Memory;
const hitsIn = instance.exports.hits as (from: number, length: number, cap: number) => number;

let buffer = Buffer.from(memory.buffer);
let codeUnits = new Uint16Array(memory.buffer);
let hits = new Int32Array(memory.buffer, HITS, 2 * HIT_PAIRS);
let stoppedAt = new Int32Array(memory.buffer, STOPPED_AT, 1);
/** The needles whose tables are in the module's memory now. */
let loaded: readonly string[] | null = null;

/** The low bytes a bucket's needles have at each fingerprint position (all 256 past a needle's end). */
type BucketBytes = Set<number>[];

/** How many fingerprints a bucket lets through: the product of its byte sets' sizes (0 when empty). */
function reach(bytes: BucketBytes): number {
  return bytes.reduce((product, set) => product * set.size, 1);
}

function withNeedle(bytes: BucketBytes, needle: string): BucketBytes {
  return bytes.map((set, k) => {
    const grown = new Set(set);
    if (k < needle.length) grown.add(needle.charCodeAt(k) & 0xff);
    else for (let byte = 0; byte < 256; byte += 1) grown.add(byte);
    return grown;
  });
}

/**
 * Each needle's bucket: the one whose filter lets through the fewest more fingerprints with it
 * (an empty bucket while there is one, else one holding needles much alike). On the corpus, with
 * the 48 needles of the stages, the filter then lets through about 49 positions per act that are
 * no occurrence (and 35 that are). Weighing the bytes by how often they occur in court acts, with
 * or without moving needles between buckets afterwards, let more through (measured, not kept).
 */
function bucketsOf(needles: readonly string[]): number[] {
  const buckets: BucketBytes[] = [];
  for (let b = 0; b < BUCKETS; b += 1) buckets.push(Array.from({ length: FINGERPRINT }, () => new Set<number>()));
  return needles.map((needle) => {
    let best = 0;
    let bestCost = Infinity;
    buckets.forEach((bytes, b) => {
      const cost = reach(withNeedle(bytes, needle)) - reach(bytes);
      if (cost < bestCost) {
        best = b;
        bestCost = cost;
      }
    });
    buckets[best] = withNeedle(buckets[best]!, needle);
    return best;
  });
}

/** Writes the filter's tables and each bucket's needles. */
function load(needles: readonly string[]): void {
  const bytes = new Uint8Array(memory.buffer);
  const view = new DataView(memory.buffer);
  bytes.fill(0, 0, HITS);
  bytes.fill(0x0f, NIBBLE_MASK, NIBBLE_MASK + 16);
  const entries = new Array<number>(BUCKETS).fill(0);
  const bucketOfNeedle = bucketsOf(needles);
  needles.forEach((needle, id) => {
    if (needle.length === 0 || needle.length > MAX_NEEDLE_LENGTH) throw new Error(`needle of ${needle.length} characters: 1 to ${MAX_NEEDLE_LENGTH} allowed`);
    const bucket = bucketOfNeedle[id]!;
    const bank = BANK_BYTES * (bucket >> 3);
    const bit = 1 << (bucket & 7);
    for (let k = 0; k < FINGERPRINT; k += 1) {
      if (k >= needle.length) {
        // Any character may follow a needle shorter than the fingerprint.
        for (let nibble = 0; nibble < 16; nibble += 1) {
          bytes[bank + k * 16 + nibble]! |= bit;
          bytes[bank + 0x30 + k * 16 + nibble]! |= bit;
        }
        continue;
      }
      const low = needle.charCodeAt(k) & 0xff;
      bytes[bank + k * 16 + (low & 0x0f)]! |= bit;
      bytes[bank + 0x30 + k * 16 + (low >> 4)]! |= bit;
    }
    if (entries[bucket]! >= (BUCKET_BYTES - 4) / ENTRY_BYTES) throw new Error(`more than ${(BUCKET_BYTES - 4) / ENTRY_BYTES} needles in one bucket`);
    const entry = NEEDLES_AT + bucket * BUCKET_BYTES + 4 + entries[bucket]! * ENTRY_BYTES;
    entries[bucket]! += 1;
    view.setUint16(entry, needle.length, true);
    view.setUint16(entry + 2, id, true);
    for (let c = 0; c < needle.length; c += 1) view.setUint16(entry + 4 + 2 * c, needle.charCodeAt(c), true);
  });
  entries.forEach((count, bucket) => view.setInt32(NEEDLES_AT + bucket * BUCKET_BYTES, count, true));
  loaded = needles;
}

/**
 * Appends to `positions[id]` every offset where `needles[id]` occurs in `text`, in increasing
 * order, overlapping occurrences included («лиц» and «лица,» at the same offset).
 */
export function needleOccurrences(needles: readonly string[], text: string, positions: number[][]): void {
  if (needles !== loaded) load(needles);
  if (ensureMemory(memory, TEXT + 2 * (text.length + PADDING))) {
    buffer = Buffer.from(memory.buffer);
    codeUnits = new Uint16Array(memory.buffer);
    hits = new Int32Array(memory.buffer, HITS, 2 * HIT_PAIRS);
    stoppedAt = new Int32Array(memory.buffer, STOPPED_AT, 1);
  }
  buffer.write(text, TEXT, 'utf16le');
  const end = TEXT / 2 + text.length;
  for (let i = end; i < end + PADDING; i += 1) codeUnits[i] = 0;
  for (let from = 0; from < text.length; from = stoppedAt[0]!) {
    const count = hitsIn(from, text.length, HIT_PAIRS);
    for (let h = 0; h < 2 * count; h += 2) positions[hits[h + 1]!]!.push(hits[h]!);
  }
}
