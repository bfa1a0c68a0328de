/**
 * @file The "wasm" backend's differential corpus: a 7×7 blur with 'same'
 * padding, a vmap'd 3×3 max-pool of stride 2 over NaN, ±0 and ±Infinity, a
 * 3×3×3 convolution and a 3×3 weighted sum with reflect padding, each in
 * float64 and float32, every width odd (the SIMD loops leave a scalar
 * tail). Each case runs on "js" and on "wasm" from the same inputs; the
 * results must be the same bits (Object.is per element, any NaN equal to
 * any NaN) and a WebAssembly kernel must have run for the "wasm" call (none
 * for "js"). The decider (compiler/loop/wasm-decide.ts) chooses
 * WebAssembly for every case. Plain JavaScript that takes kernex and a
 * counter of WebAssembly kernel runs as arguments, so the same corpus runs
 * in Node (test/wasm/corpus.test.ts: kernex from src/, the runtime's
 * counter) and in headless Chromium (test/browser/wasm-page.js: the
 * browser bundle, the page's count of calls into WebAssembly kernels).
 */

import { randomData } from "./random-data.js";

/**
 * Random values with NaN, ±0 and ±Infinity mixed in (every fifth cell one
 * of them); the first `front` cells are -0 and negative values, so a max
 * over a window there is -0.
 */
function specialData(length, seed, front) {
  const special = [NaN, 0, -0, Infinity, -Infinity];
  return randomData(length, seed).map((v, i) => (i < front ? (i % 2 === 0 ? -0 : -Math.abs(v)) : i % 5 === 2 ? special[Math.floor(i / 5) % special.length] : v));
}

/** One kernel, built from a kernex module for a dtype. */
const kernels = [
  {
    name: "7×7 blur 'same' (37×41)",
    build(kex, dtype) {
      const w = kex.array(randomData(49, 1), { shape: [7, 7], dtype });
      const blur = kex.kmap({ kernelSize: [7, 7], padding: "same", scope: { w } }, (v) => kex.sum(kex.mul(v, w)));
      return { f: (x) => blur(x), args: [kex.array(randomData(37 * 41, 2), { shape: [37, 41], dtype })] };
    },
  },
  {
    name: "vmap'd 3×3 max-pool, stride 2, over NaN, ±0 and ±Infinity (3×17×23)",
    build(kex, dtype) {
      const pool = kex.vmap(kex.kmap({ kernelSize: [3, 3], strides: 2 }, (v) => kex.max(v)));
      return { f: (x) => pool(x), args: [kex.array(specialData(3 * 17 * 23, 3, 3 * 23), { shape: [3, 17, 23], dtype })] };
    },
  },
  {
    name: "3×3×3 convolution (3×11×13)",
    build(kex, dtype) {
      const conv = kex.kmap({ kernelSize: [3, 3, 3], padding: ["valid", "same", "same"] }, (x, w) => kex.sum(kex.mul(x, w)));
      return { f: (x, w) => conv(x, w), args: [kex.array(randomData(3 * 11 * 13, 4), { shape: [3, 11, 13], dtype }), kex.array(randomData(27, 5), { shape: [3, 3, 3], dtype })] };
    },
  },
  {
    name: "3×3 weighted sum, reflect padding (15×9)",
    build(kex, dtype) {
      const w = kex.array(randomData(9, 6), { shape: [3, 3], dtype });
      const sum = kex.kmap({ kernelSize: [3, 3], padding: "same", padMode: "reflect", scope: { w } }, (v) => kex.sum(kex.mul(v, w)));
      return { f: (x) => sum(x), args: [kex.array(randomData(15 * 9, 7), { shape: [15, 9], dtype })] };
    },
  },
];

/** The corpus's cases: every kernel in float64 and in float32. */
export const corpus = kernels.flatMap((k) =>
  ["float64", "float32"].map((dtype) => ({ name: `${k.name}, ${dtype}`, dtype, build: (kex) => k.build(kex, dtype) })),
);

/** Indices where a and b differ (Object.is; any NaN equals any NaN), at most 5; the lengths must match. */
export function differences(a, b) {
  const bad = a.length === b.length ? [] : [-1];
  for (let i = 0; i < Math.min(a.length, b.length) && bad.length < 5; i++) {
    if (!Object.is(a[i], b[i]) && !(Number.isNaN(a[i]) && Number.isNaN(b[i]))) bad.push(i);
  }
  return bad;
}

/**
 * Run one case on "js" and on "wasm": both results, where they differ, and
 * how many WebAssembly kernel runs (`wasmRuns()`, a counter) each call made.
 *
 * @example
 * const row = runCase(kex, corpus[0], wasmRuns); // { name, dtype, js, wasm, differences: [], wasmRunsByJs: 0, wasmRunsByWasm: 1 }
 */
export function runCase(kex, c, wasmRuns) {
  const { f, args } = c.build(kex);
  const r0 = wasmRuns();
  const js = kex.jit(f, { backend: "js" })(...args);
  const r1 = wasmRuns();
  const wasm = kex.jit(f, { backend: "wasm" })(...args);
  const r2 = wasmRuns();
  const result = (y) => ({ shape: y.shape, dtype: y.dtype, data: Array.from(y.data) });
  return { name: c.name, dtype: c.dtype, js: result(js), wasm: result(wasm), differences: differences(js.data, wasm.data), wasmRunsByJs: r1 - r0, wasmRunsByWasm: r2 - r1 };
}

/** Every case of the corpus through {@link runCase}, in order. */
export function runCorpus(kex, wasmRuns) {
  return corpus.map((c) => runCase(kex, c, wasmRuns));
}
