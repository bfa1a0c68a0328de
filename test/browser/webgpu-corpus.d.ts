/** @file Types of test/browser/webgpu-corpus.js, for the Node tests that run it. */

/** One backend's result: the shape and the values. */
export interface BackendResult {
  readonly shape: number[];
  readonly data: number[];
}

/** One case run on both backends. */
export interface CorpusRow {
  readonly name: string;
  readonly js: BackendResult;
  readonly webgpu: BackendResult & { readonly float32: boolean };
  /** max |js - webgpu| over max(1, max |js|). */
  readonly maxRelDiff: number;
  /** The allclose tolerance webgpu must meet against js. */
  readonly tolerance: { rtol: number; atol: number };
}

/** One case: its name, and its function and inputs built from a kernex module. */
export interface CorpusCase {
  readonly name: string;
  /** Extra absolute tolerance for WGSL functions specified below float32 precision (sin, cos). */
  readonly wgslAtol?: number;
  build(kex: unknown): { f: (...args: never[]) => unknown; args: unknown[] };
}

/** The corpus's cases. */
export declare const corpus: readonly CorpusCase[];

/** Run one case on "js" and on "webgpu" with the given kernex module. */
export declare function runCase(kex: unknown, c: CorpusCase): Promise<CorpusRow>;

/** Run every case on "js" and on "webgpu" with the given kernex module. */
export declare function runCorpus(kex: unknown): Promise<CorpusRow[]>;

/** The allclose tolerance of a webgpu result against the js result. */
export declare function tolerance(js: readonly number[], wgslAtol?: number): { rtol: number; atol: number };
