// The WebAssembly modules of the pipeline's scans, compiled from the .wat sources beside them
// (npm run build:wasm) and loaded once, synchronously: each is a few hundred bytes.
import { readFileSync } from 'node:fs';

export function instantiate(name: string): WebAssembly.Instance {
  const binary = readFileSync(new URL(`./${name}.wasm`, import.meta.url));
  return new WebAssembly.Instance(new WebAssembly.Module(binary));
}

/**
 * The text a module scans, in its memory: UTF-16 from byte `textAt`, followed by `padding` code
 * units `padUnit` (a scan reads a little past the end). The memory grows with the longest text.
 */
export class ScannedText {
  private bytes: Buffer;
  private codeUnits: Uint16Array;
  /** The text in memory now. */
  private held: string | null = null;

  constructor(
    private readonly memory: WebAssembly.Memory,
    private readonly textAt: number,
    private readonly padding: number,
    private readonly padUnit: number,
  ) {
    this.bytes = Buffer.from(memory.buffer);
    this.codeUnits = new Uint16Array(memory.buffer);
  }

  /** Writes `text` (a copy of its code units); true when the memory grew, so other views of it must be made again. */
  write(text: string): boolean {
    const short = this.textAt + 2 * (text.length + this.padding) - this.memory.buffer.byteLength;
    if (short > 0) {
      this.memory.grow(Math.ceil(short / 65536));
      this.bytes = Buffer.from(this.memory.buffer);
      this.codeUnits = new Uint16Array(this.memory.buffer);
    }
    this.bytes.write(text, this.textAt, 'utf16le');
    const end = this.textAt / 2 + text.length;
    this.codeUnits.fill(this.padUnit, end, end + this.padding);
    this.held = text;
    return short > 0;
  }

  /** Whether `text` is the text in memory (the same string object, or one equal to it). */
  holds(text: string): boolean {
    return text === this.held;
  }
}
