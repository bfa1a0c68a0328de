/**
 * @file Whether the program being run chose the "wasm" backend
 * (`jit(f, { backend: "wasm" })` or kex.config's backend): jit runs its
 * program inside `withWasmBackend`, and the stencil executor asks
 * `wasmBackendActive()` before it looks for a WebAssembly kernel.
 */

let depth = 0;

/**
 * Run `fn` with the "wasm" backend chosen (nested calls keep it).
 *
 * @example
 * const outs = withWasmBackend(() => runProgram(entry, args));
 */
export function withWasmBackend<T>(fn: () => T): T {
  depth++;
  try {
    return fn();
  } finally {
    depth--;
  }
}

/** Is a program of the "wasm" backend running? */
export function wasmBackendActive(): boolean {
  return depth > 0;
}
