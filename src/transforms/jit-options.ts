/**
 * @file The option keys of `kex.jit(f, options)`: a snapshot of the own
 * enumerable string keys, taken when jit is called (options-snapshot.ts).
 * A symbol key or an unknown key (a typo such as `donat`) is a KernexError
 * with a hint among jit's own option names. The values of `donate` and
 * `backend` are checked by jit itself (jit.ts).
 */
import { snapshotOptions } from "../options-snapshot";

/** The options jit knows (SPEC: `donate`, like JAX's donate_argnums, and `backend`). */
export const JIT_OPTION_KEYS: readonly string[] = ["donate", "backend"];

/**
 * The options of `kex.jit(f, options)`.
 *
 * @example
 * const options: JitOptions = { donate: [0] }; // u's buffer may hold the result of f(u)
 */
export interface JitOptions {
  /** Indices of arguments whose buffers may be reused for results (JAX's donate_argnums). */
  donate?: number | readonly number[];
  /**
   * The backend that runs the compiled function: "js" (generated JavaScript),
   * "wasm" (WebAssembly SIMD kernels where they pay, synchronous; docs/wasm.md)
   * or "webgpu" (WGSL compute shaders, float32 results, called with `.async`).
   * Absent: kex.config's backend at each call.
   */
  backend?: "js" | "wasm" | "webgpu";
}

/** Python spellings of jit's options. */
const pythonNames: Readonly<Record<string, string>> = { donate_argnums: "donate", donateArgnums: "donate" };

/**
 * Snapshot and check the keys of jit's options; undefined means none.
 *
 * @example
 * checkJitOptions({ donate: [0] }); // { donate: [0] } (frozen)
 * checkJitOptions({ donat: [0] });  // KernexError: jit: unknown option "donat" (did you mean "donate"?); ...
 */
export function checkJitOptions(options: unknown): Readonly<{ donate?: unknown; backend?: unknown }> {
  if (options === undefined) return Object.freeze({});
  return snapshotOptions("jit", options, JIT_OPTION_KEYS, "{ donate: [0] }", pythonNames);
}
