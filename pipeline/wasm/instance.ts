// The WebAssembly modules of the pipeline's scans, compiled from the .wat sources beside them
// (npm run build:wasm) and loaded once, synchronously: each is a few hundred bytes.
import { readFileSync } from 'node:fs';

export function instantiate(name: string): WebAssembly.Instance {
  const binary = readFileSync(new URL(`./${name}.wasm`, import.meta.url));
  return new WebAssembly.Instance(new WebAssembly.Module(binary));
}

/** A module's memory, grown to hold at least `bytes`; the views of it must then be made again. */
export function ensureMemory(memory: WebAssembly.Memory, bytes: number): boolean {
  const short = bytes - memory.buffer.byteLength;
  if (short <= 0) return false;
  memory.grow(Math.ceil(short / 65536));
  return true;
}
