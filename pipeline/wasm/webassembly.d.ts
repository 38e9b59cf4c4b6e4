// The part of the WebAssembly JavaScript API the pipeline's scans use: Node has it, but the
// type definitions for Node 20 do not declare it (TypeScript has it in its DOM library only).
declare global {
  namespace WebAssembly {
    class Module {
      constructor(bytes: Uint8Array);
    }
    class Instance {
      constructor(module: Module, imports?: Record<string, Record<string, unknown>>);
      readonly exports: Record<string, unknown>;
    }
    class Memory {
      readonly buffer: ArrayBuffer;
      grow(pages: number): number;
    }
  }
}
export {};
