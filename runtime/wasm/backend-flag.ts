/**
 * @file Whether the program being run chose the "wasm" backend
 * (`jit(f, { backend: "wasm" })` or kex.config's backend): jit runs its
 * program inside `withWasmBackend`, and the stencil executor asks
 * `wasmBackendActive()` before it looks for a WebAssembly kernel.
 */
import { scopedFlag } from "../scoped-flag";

const flag = scopedFlag();

/**
 * Run `fn` with the "wasm" backend chosen (nested calls keep it).
 *
 * @example
 * const outs = withWasmBackend(() => runProgram(entry, args));
 */
export function withWasmBackend<T>(fn: () => T): T {
  return flag.during(fn);
}

/** Is a program of the "wasm" backend running? */
export function wasmBackendActive(): boolean {
  return flag.active();
}
