// npm run build:wasm: compiles each .wat file here to the .wasm file beside it (committed, so
// that running Kuzet needs no compiler; test/pipeline/wasm-build.test.ts checks they agree).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import wabtInit from 'wabt';

const here = fileURLToPath(new URL('.', import.meta.url));

/** The binary module `name`.wat compiles to. */
export async function compileWat(name: string): Promise<Uint8Array> {
  const wabt = await wabtInit();
  const module = wabt.parseWat(`${name}.wat`, readFileSync(`${here}${name}.wat`, 'utf8'), { simd: true });
  try {
    module.validate();
    return module.toBinary({}).buffer;
  } finally {
    module.destroy();
  }
}

export const watSources = () => readdirSync(here).filter((f) => f.endsWith('.wat')).map((f) => f.slice(0, -'.wat'.length));

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const name of watSources()) {
    const binary = await compileWat(name);
    writeFileSync(`${here}${name}.wasm`, binary);
    console.log(`${name}.wasm: ${binary.length} bytes`);
  }
}
