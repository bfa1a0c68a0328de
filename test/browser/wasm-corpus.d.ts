/** @file Types of test/browser/wasm-corpus.js, for the tests that run it. */

/** One backend's result. */
export interface WasmResult {
  readonly shape: number[];
  readonly dtype: string;
  readonly data: number[];
}

/** One case run on "js" and on "wasm". */
export interface WasmCorpusRow {
  readonly name: string;
  readonly dtype: "float64" | "float32";
  readonly js: WasmResult;
  readonly wasm: WasmResult;
  /** Indices where the results differ (at most 5; -1 first when the lengths differ). */
  readonly differences: number[];
  /** WebAssembly kernel runs during the "js" call (0 expected). */
  readonly wasmRunsByJs: number;
  /** WebAssembly kernel runs during the "wasm" call (at least 1 expected). */
  readonly wasmRunsByWasm: number;
}

/** One case: its name, dtype, and its function and inputs built from a kernex module. */
export interface WasmCorpusCase {
  readonly name: string;
  readonly dtype: "float64" | "float32";
  build(kex: unknown): { f: (...args: never[]) => unknown; args: unknown[] };
}

/** The corpus's cases. */
export declare const corpus: readonly WasmCorpusCase[];

/** Indices where a and b differ (Object.is; any NaN equals any NaN), at most 5. */
export declare function differences(a: ArrayLike<number>, b: ArrayLike<number>): number[];

/** Run one case on "js" and on "wasm" with the given kernex module and counter of WebAssembly kernel runs. */
export declare function runCase(kex: unknown, c: WasmCorpusCase, wasmRuns: () => number): WasmCorpusRow;

/** Run every case. */
export declare function runCorpus(kex: unknown, wasmRuns: () => number): WasmCorpusRow[];
