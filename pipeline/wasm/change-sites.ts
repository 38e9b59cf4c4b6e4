// The candidates for plain-text normalization's change sites (plain-text.ts), found by
// change-sites.wat eight characters at a time: the same places the pattern
// /[\n ]\s|[^\n\x20-\x25\x27-\x3b\x3d-\x7e\u0410-\u044f\u2116]/g finds, in order, for a
// quarter of its cost per character. Read in batches, so that a text full of unusual characters
// (another script) costs no more than the candidates the caller reads.
import { isSpaceCode } from '../cyrillic.ts';
import { instantiate, ScannedText } from './instance.ts';

const CANDIDATES = 0x10100;
const BATCH = 16384;
const TEXT = 0x20100;
/** Code units «a» written after the text: the module reads up to nine past its end. */
const PADDING = 16;
const LETTER_A = 0x61;

const CANDIDATE = 1;
const SPACE_OR_LINE_BREAK = 2;
const WHITESPACE = 4;

const instance = instantiate('change-sites');
const memory = instance.exports.memory as WebAssembly.Memory;
const candidatesIn = instance.exports.candidates as (from: number, length: number, cap: number) => number;

/** A usual character: no change starts at it (a space or a line break: unless whitespace follows). */
function isUsual(code: number): boolean {
  return code === 0x0a || (code >= 0x20 && code <= 0x7e && code !== 0x26 && code !== 0x3c) || (code >= 0x410 && code <= 0x44f) || code === 0x2116;
}

const classes = new Uint8Array(memory.buffer, 0, 0x10000);
for (let code = 0; code < 0x10000; code += 1) {
  classes[code] =
    (isUsual(code) ? 0 : CANDIDATE) | (code === 0x0a || code === 0x20 ? SPACE_OR_LINE_BREAK : 0) | (isSpaceCode(code) ? WHITESPACE : 0);
}

const scanned = new ScannedText(memory, TEXT, PADDING, LETTER_A);
let found = new Int32Array(memory.buffer, CANDIDATES, BATCH);

/** The candidates of one text, read forwards. */
export class ChangeCandidates {
  private readonly length: number;
  /** Candidates found and not yet read: found[next, count). */
  private next = 0;
  private count = 0;
  /** Where the module's next batch starts. */
  private scannedTo = 0;

  constructor(text: string) {
    this.length = text.length;
    if (scanned.write(text)) found = new Int32Array(memory.buffer, CANDIDATES, BATCH);
  }

  /** The first candidate at or after `from`, or -1. Calls must not go back (`from` never below an earlier answer). */
  at(from: number): number {
    for (;;) {
      while (this.next < this.count) {
        const candidate = found[this.next]!;
        if (candidate >= from) return candidate;
        this.next += 1;
      }
      if (this.scannedTo >= this.length) return -1;
      const start = Math.max(from, this.scannedTo);
      this.count = candidatesIn(start, this.length, BATCH);
      this.next = 0;
      this.scannedTo = this.count < BATCH ? this.length : found[this.count - 1]! + 1;
    }
  }
}
