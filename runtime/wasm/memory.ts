/**
 * @file The one WebAssembly Memory every wasm kernel imports ("k" "m"):
 * made on first use, grown (never shrunk) to the largest call's buffers.
 * Each call copies its inputs in and its results out, so users' arrays
 * stay ordinary garbage-collected typed arrays and are never detached;
 * views into the Memory are made per call (growing detaches the old
 * ArrayBuffer).
 */

const PAGE = 65536;
let memory: WebAssembly.Memory | null = null;

/**
 * The Memory, at least `bytes` long.
 *
 * @example
 * const buf = wasmMemory(1 << 20).buffer; // ≥ 1 MiB
 */
export function wasmMemory(bytes: number): WebAssembly.Memory {
  const pages = Math.ceil(bytes / PAGE);
  if (memory === null) return (memory = new WebAssembly.Memory({ initial: Math.max(1, pages) }));
  const have = memory.buffer.byteLength / PAGE;
  if (pages > have) memory.grow(pages - have);
  return memory;
}

/** Can this runtime run kernex's wasm kernels (WebAssembly with fixed-width SIMD)? */
export function wasmSimdAvailable(): boolean {
  if (typeof WebAssembly !== "object" || typeof WebAssembly.validate !== "function") return false;
  // (module (func (result v128) (v128.const i64x2 0 0)))
  const probe = [0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 22, 1, 20, 0, 253, 12, ...Array<number>(16).fill(0), 11];
  try {
    return WebAssembly.validate(new Uint8Array(probe));
  } catch {
    return false;
  }
}
