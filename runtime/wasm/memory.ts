/**
 * @file The WebAssembly Memories wasm kernels import ("k" "m"): one for
 * kernels run on the calling thread, and a shared one (a
 * SharedArrayBuffer underneath) for kernels sharded over the worker pool,
 * where every thread runs the same module on it. Each is made on first
 * use and grown (never shrunk) to the largest call's buffers. Each call
 * copies its inputs in and its results out, so users' arrays stay
 * ordinary garbage-collected typed arrays and are never detached; views
 * into a Memory are made per call (growing replaces its buffer).
 */
import { sharedMemoryUsable } from "../platform";

const PAGE = 65536;
let memory: WebAssembly.Memory | null = null;
let shared: WebAssembly.Memory | null = null;

/**
 * Pages the shared Memory may grow to (a shared Memory declares its
 * maximum, and its modules import it with the same): 2 GiB, as far as a
 * kernel's i32 byte addresses reach.
 */
export const SHARED_MAX_PAGES = 32768;

/**
 * The shared Memory, at least `bytes` long; null where shared memory is
 * not usable (no SharedArrayBuffer, or a page that is not cross-origin isolated).
 *
 * @example
 * const m = sharedWasmMemory(1 << 20); // m.buffer is a SharedArrayBuffer of ≥ 1 MiB
 */
export function sharedWasmMemory(bytes: number): WebAssembly.Memory | null {
  if (!sharedMemoryUsable()) return null;
  const pages = Math.ceil(bytes / PAGE);
  if (shared === null) return (shared = new WebAssembly.Memory({ initial: Math.max(1, pages), maximum: SHARED_MAX_PAGES, shared: true }));
  const have = shared.buffer.byteLength / PAGE;
  if (pages > have) shared.grow(pages - have);
  return shared;
}

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
