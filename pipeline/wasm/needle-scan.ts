// Every occurrence of a set of needles in a text, found by needle-scan.wat: what one global
// alternation of the needles, tried again one character after each match, finds, for about a
// quarter of its cost per character. Used by the shared needle index (cyrillic.ts).
import { instantiate, ScannedText } from './instance.ts';

const FINGERPRINT = 3; // characters of a needle the filter reads
const BUCKETS = 16; // two banks of eight
const BANK_BYTES = 0x60;
const NIBBLE_MASK = 0xc0;
const SLOTS_AT = 0x01000;
/** Slots of the table of first two characters: a power of two, the hash's top eight bits. */
const SLOTS = 256;
const SLOT_BYTES = 8;
const SHORT_NEEDLES_AT = 0x01800;
const ENTRIES_AT = 0x01c00;
const ENTRY_BYTES = 64;
const MAX_NEEDLE_LENGTH = (ENTRY_BYTES - 4) / 2;
const HITS = 0x09000;
const MAX_ENTRIES = (HITS - ENTRIES_AT) / ENTRY_BYTES;
const MAX_SHORT_NEEDLES = (ENTRIES_AT - SHORT_NEEDLES_AT - 4) / 4;
/** Hits the module may write at one position: hits() stops early while fewer than this may still be written. */
const MAX_HITS_AT_ONE_POSITION = 64;
const HIT_PAIRS = 16384;
const TEXT = 0x29000;
/** Zero code units written after the text: a block reads up to 33 past its first position. */
const PADDING = 40;
const STOPPED_AT = 0x110;

const instance = instantiate('needle-scan');
const memory = instance.exports.memory as WebAssembly.Memory;
const hitsIn = instance.exports.hits as (from: number, length: number, cap: number) => number;
const sentenceStartAt = instance.exports.sentence_start as (at: number, from: number) => number;

const scanned = new ScannedText(memory, TEXT, PADDING, 0);
let hits = new Int32Array(memory.buffer, HITS, 2 * HIT_PAIRS);
let stoppedAt = new Int32Array(memory.buffer, STOPPED_AT, 1);
/** The needles whose tables are in the module's memory now. */
let loaded: readonly string[] | null = null;

/** Whether the filter reads the high nibble of the k-th character's low byte (needle-scan.wat: not the third's). */
const READS_HIGH_NIBBLE = [true, true, false];

/**
 * How often characters appear in court acts, per mille of the corpus's normalized text (those above
 * half a per mille). The filter sees a character's low byte only, so characters sharing one add up
 * («Р» and the space, «с» and «A»).
 */
const CHARACTER_FREQUENCY: [string, number][] = [
  [' ', 123.5], ['о', 71.7], ['и', 65.4], ['а', 61.5], ['н', 56.5], ['е', 56.1], ['с', 46.1], ['р', 43.2], ['т', 43.0], ['в', 36.1],
  ['д', 27.7], ['м', 20.9], ['у', 20.5], ['.', 20.0], ['л', 18.4], ['0', 18.0], ['п', 17.7], ['к', 17.3], ['я', 13.6], [',', 12.6],
  ['г', 12.2], ['1', 11.2], ['й', 10.1], ['ы', 9.2], ['з', 9.2], ['б', 8.6], ['2', 8.4], ['ч', 7.8], ['\n', 7.2], ['ь', 6.6],
  ['Р', 6.4], ['Ф', 5.8], ['К', 5.6], ['ж', 5.6], ['ш', 5.5], ['8', 4.9], ['5', 4.3], ['ц', 4.2], ['О', 4.2], ['И', 4.2],
  ['П', 4.1], ['А', 3.9], ['9', 3.7], ['С', 3.6], ['7', 3.5], ['3', 3.2], ['Н', 3.1], ['4', 2.8], ['В', 2.7], ['У', 2.7],
  ['х', 2.5], ['М', 2.4], ['Д', 2.4], ['ф', 2.4], ['6', 2.3], ['-', 2.2], ['ю', 1.9], [':', 1.9], ['Г', 1.7], ['Т', 1.7],
  ['щ', 1.5], ['Б', 1.4], ['Е', 1.2], ['"', 1.0], ['Л', 1.0], [')', 0.9], ['(', 0.9], ['ъ', 0.8], ['№', 0.7], ['/', 0.7],
];
/** How often a low byte occurs in court acts (per mille of characters), by the characters that have it. */
export const LOW_BYTE_FREQUENCY = new Float64Array(256).fill(0.01);
for (const [character, perMille] of CHARACTER_FREQUENCY) LOW_BYTE_FREQUENCY[character.charCodeAt(0) & 0xff]! += perMille;

/** What a bucket's filter lets through at each fingerprint position: its needles' nibbles, as bit masks. */
interface BucketFilter {
  needles: number;
  low: number[];
  high: number[];
}
const NO_NEEDLE: BucketFilter = { needles: 0, low: new Array<number>(FINGERPRINT).fill(0), high: new Array<number>(FINGERPRINT).fill(0) };

/** How often a bucket's filter lets a position through, from the frequency of each position's bytes. */
function passRate(bucket: BucketFilter): number {
  if (bucket.needles === 0) return 0;
  let rate = 1;
  for (let k = 0; k < FINGERPRINT; k += 1) {
    let perMille = 0;
    for (let byte = 0; byte < 256; byte += 1) {
      if ((bucket.low[k]! >> (byte & 0x0f)) & 1 && (!READS_HIGH_NIBBLE[k] || (bucket.high[k]! >> (byte >> 4)) & 1)) perMille += LOW_BYTE_FREQUENCY[byte]!;
    }
    rate *= perMille / 1000;
  }
  return rate;
}

function withNeedle(bucket: BucketFilter, needle: string): BucketFilter {
  const low = [...bucket.low];
  const high = [...bucket.high];
  for (let k = 0; k < FINGERPRINT; k += 1) {
    if (k >= needle.length) {
      // Any character may follow a needle shorter than the fingerprint.
      low[k] = 0xffff;
      high[k] = 0xffff;
    } else {
      const byte = needle.charCodeAt(k) & 0xff;
      low[k]! |= 1 << (byte & 0x0f);
      high[k]! |= 1 << (byte >> 4);
    }
  }
  return { needles: bucket.needles + 1, low, high };
}

/**
 * Each needle's bucket, so that the filter lets few positions through in court acts: the needles
 * whose own fingerprint is commonest are placed first, each where it adds least to the sum of the
 * buckets' pass rates; then a needle moves to another bucket while that lowers the sum. On the
 * corpus, with the 49 needles of the stages, the filter then lets through about 69 positions per act
 * that are no occurrence (and 35 that are). Assigning by the count of bytes a bucket lets through,
 * ignoring their frequency, let through 50 to 120 depending on the order the needles came in.
 */
function bucketsOf(needles: readonly string[]): number[] {
  const bucketOf = new Array<number>(needles.length).fill(-1);
  const added = (bucket: number, needle: string) => {
    const filter = filterOf(needles, bucketOf, bucket);
    return passRate(withNeedle(filter, needle)) - passRate(filter);
  };
  const commonestFirst = needles.map((needle, id) => ({ id, rate: passRate(withNeedle(NO_NEEDLE, needle)) })).sort((a, b) => b.rate - a.rate || a.id - b.id);
  for (const { id } of commonestFirst) bucketOf[id] = cheapestBucket((bucket) => added(bucket, needles[id]!));
  for (let round = 0, moved = true; round < 10 && moved; round += 1) {
    moved = false;
    needles.forEach((needle, id) => {
      const from = bucketOf[id]!;
      const saved = passRate(filterOf(needles, bucketOf, from)) - passRate(filterOf(needles, bucketOf, from, id));
      // Staying costs what the needle adds where it is; a move must save more than rounding.
      const best = cheapestBucket((bucket) => (bucket === from ? saved - 1e-12 : added(bucket, needle)));
      if (best !== from) {
        bucketOf[id] = best;
        moved = true;
      }
    });
  }
  return bucketOf;
}

/** The bucket whose cost is least (the first of equal ones). */
function cheapestBucket(costOf: (bucket: number) => number): number {
  let best = 0;
  let bestCost = costOf(0);
  for (let bucket = 1; bucket < BUCKETS; bucket += 1) {
    const cost = costOf(bucket);
    if (cost < bestCost) {
      best = bucket;
      bestCost = cost;
    }
  }
  return best;
}

/** The filter of the needles in `bucket` (but `leaving`). */
function filterOf(needles: readonly string[], bucketOf: number[], bucket: number, leaving = -1): BucketFilter {
  return needles.reduce((filter, needle, id) => (id !== leaving && bucketOf[id] === bucket ? withNeedle(filter, needle) : filter), NO_NEEDLE);
}

/** The two first code units of a needle as the module reads them (one little-endian i32). */
const firstTwo = (needle: string) => (needle.charCodeAt(0) | (needle.charCodeAt(1) << 16)) >>> 0;
/** The slot the module probes first for a key (needle-scan.wat, $verify: the hash's top eight bits). */
const homeSlot = (key: number) => Math.imul(key, 0x9e3779b1) >>> 24;

/** Writes the filter's tables and the table of needles by their first two characters. */
function load(needles: readonly string[]): void {
  for (const needle of needles) {
    if (needle.length === 0 || needle.length > MAX_NEEDLE_LENGTH) throw new Error(`needle of ${needle.length} characters: 1 to ${MAX_NEEDLE_LENGTH} allowed`);
    if (needle.includes('\0')) throw new Error('a needle may not contain U+0000 (the table marks empty slots with it)');
  }
  const bytes = new Uint8Array(memory.buffer);
  const view = new DataView(memory.buffer);
  bytes.fill(0, 0, HITS);
  bytes.fill(0x0f, NIBBLE_MASK, NIBBLE_MASK + 16);
  const bucketOf = bucketsOf(needles);
  for (let bucket = 0; bucket < BUCKETS; bucket += 1) {
    const { low, high } = filterOf(needles, bucketOf, bucket);
    const bank = BANK_BYTES * (bucket >> 3);
    const bit = 1 << (bucket & 7);
    for (let k = 0; k < FINGERPRINT; k += 1) {
      for (let nibble = 0; nibble < 16; nibble += 1) {
        if ((low[k]! >> nibble) & 1) bytes[bank + k * 16 + nibble]! |= bit;
        if ((high[k]! >> nibble) & 1) bytes[bank + 0x30 + k * 16 + nibble]! |= bit;
      }
    }
  }
  const short = needles.flatMap((needle, id) => (needle.length === 1 ? [{ needle, id }] : []));
  if (short.length > MAX_SHORT_NEEDLES) throw new Error(`more than ${MAX_SHORT_NEEDLES} needles of one character`);
  view.setInt32(SHORT_NEEDLES_AT, short.length, true);
  short.forEach(({ needle, id }, i) => {
    view.setUint16(SHORT_NEEDLES_AT + 4 + 4 * i, needle.charCodeAt(0), true);
    view.setUint16(SHORT_NEEDLES_AT + 6 + 4 * i, id, true);
  });
  const byKey = new Map<number, number[]>();
  needles.forEach((needle, id) => {
    if (needle.length === 1) return;
    const ids = byKey.get(firstTwo(needle));
    if (ids) ids.push(id);
    else byKey.set(firstTwo(needle), [id]);
  });
  if (needles.length - short.length > MAX_ENTRIES || byKey.size > SLOTS / 2) throw new Error(`too many needles: at most ${MAX_ENTRIES}, with at most ${SLOTS / 2} different first two characters`);
  let entry = 0;
  for (const [key, ids] of byKey) {
    if (short.length + ids.length > MAX_HITS_AT_ONE_POSITION) throw new Error(`more than ${MAX_HITS_AT_ONE_POSITION} needles may occur at one position`);
    let slot = homeSlot(key);
    while (view.getUint32(SLOTS_AT + slot * SLOT_BYTES, true) !== 0) slot = (slot + 1) % SLOTS;
    view.setUint32(SLOTS_AT + slot * SLOT_BYTES, key, true);
    view.setUint16(SLOTS_AT + slot * SLOT_BYTES + 4, entry, true);
    view.setUint16(SLOTS_AT + slot * SLOT_BYTES + 6, ids.length, true);
    for (const id of ids) {
      const needle = needles[id]!;
      const at = ENTRIES_AT + entry * ENTRY_BYTES;
      view.setUint16(at, needle.length, true);
      view.setUint16(at + 2, id, true);
      for (let c = 0; c < needle.length; c += 1) view.setUint16(at + 4 + 2 * c, needle.charCodeAt(c), true);
      entry += 1;
    }
  }
  loaded = needles;
}

/**
 * The positions of a needle that does not occur: shared, never written to (readonly to the type
 * checker; not frozen, which would give it an array kind of its own, and its readers two).
 */
export const NO_POSITIONS: readonly number[] = [];

/** Copies `text` into the module's memory. */
function write(text: string): void {
  if (scanned.write(text)) {
    hits = new Int32Array(memory.buffer, HITS, 2 * HIT_PAIRS);
    stoppedAt = new Int32Array(memory.buffer, STOPPED_AT, 1);
  }
}

/**
 * Sets `positions[id]` to every offset where `needles[id]` occurs in `text`, in increasing order,
 * overlapping occurrences included («лиц» and «лица,» at the same offset); a needle that does not
 * occur keeps the NO_POSITIONS it had.
 */
export function needleOccurrences(needles: readonly string[], text: string, positions: (readonly number[])[]): void {
  if (needles !== loaded) load(needles);
  write(text);
  for (let from = 0; from < text.length; from = stoppedAt[0]!) {
    const count = hitsIn(from, text.length, HIT_PAIRS);
    for (let h = 0; h < 2 * count; h += 2) {
      const id = hits[h + 1]!;
      const list = positions[id]!;
      if (list === NO_POSITIONS) positions[id] = [hits[h]!];
      else (list as number[]).push(hits[h]!);
    }
  }
}

/**
 * Where the sentence containing `at` starts, looking back no further than `from` (cyrillic.ts,
 * sentenceStart), read by the module in its copy of `text`: copied in first when the module holds
 * another text (a batch's stage asks about each document in turn; a copy costs less than reading
 * one sentence by charCodeAt); null when `at` is past the text's end.
 */
export function scannedSentenceStart(text: string, at: number, from: number): number | null {
  if (at > text.length) return null;
  if (!scanned.holds(text)) write(text);
  return sentenceStartAt(at, from);
}
