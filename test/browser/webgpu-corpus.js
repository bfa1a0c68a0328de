/**
 * @file The differential corpus of the WebGPU backend: a few kernels that
 * cover what the backend compiles (a 'same'-padded laplacian, a strided max
 * pool, a kscan sweep, a gradient, a foriLoop of heat steps, transcendental
 * functions), each run on the "js" backend and on "webgpu" from the same
 * inputs. Plain JavaScript that takes kernex as an argument, so the same
 * corpus runs in Node (test/webgpu-env/corpus.test.ts, kernex from src/)
 * and in headless Chromium (test/browser/webgpu-page.js, the browser bundle).
 * WebGPU computes in float32: results agree with "js" to float32 precision,
 * |webgpu - js| ≤ 3e-5·|js| + 3e-5·(1 + max|js|) ({@link tolerance}: a few
 * ulps per accumulated term, as test/webgpu/differential.test.ts allows; the
 * GPU adds in float32 where JavaScript sums in float64 and rounds once, and
 * WGSL's sin, exp, ... differ from Math's by a few ulps).
 */

import { randomData as random } from "./random-data.js";

/** Deterministic inputs in [-1, 1) (mulberry32), as float32 values. */
function randomData(length, seed) {
  return random(length, seed).map(Math.fround);
}

/**
 * The corpus: each case builds its function (a jit-able function of
 * NDArrays) and its inputs from a kernex module `kex`.
 */
export const corpus = [
  {
    name: "laplacian 'same' (2-D, 64×48)",
    build(kex) {
      const lap = kex.kmap({ kernelSize: [3, 3], padding: "same", relative: true }, (u) => u[1][0] + u[-1][0] + u[0][1] + u[0][-1] - 4 * u[0][0]);
      return { f: (x) => lap(x), args: [kex.array(randomData(64 * 48, 1), { shape: [64, 48] })] };
    },
  },
  {
    name: "strided max pool (2×2, stride 2, 32×30)",
    build(kex) {
      const pool = kex.kmap({ kernelSize: [2, 2], strides: [2, 2] }, (w) => kex.max(w));
      return { f: (x) => pool(x), args: [kex.array(randomData(32 * 30, 2), { shape: [32, 30] })] };
    },
  },
  {
    name: "kscan sweep (1-D Gauss–Seidel, 200)",
    build(kex) {
      const sweep = kex.kscan({ kernelSize: 3, padding: 1, relative: true }, (u) => 0.5 * (u[-1] + u[1]));
      return { f: (x) => sweep(x), args: [kex.array(randomData(200, 3))] };
    },
  },
  {
    name: "grad of sum(sin(window sums)) (1-D, 100)",
    // WGSL's sin and cos are only specified to 2^-11 absolute on [-π, π], and
    // SwiftShader's are that coarse (1.9e-4 measured against Math.sin): the
    // gradient sums three cosines, so three times that on top of float32's.
    wgslAtol: 3 * 2 ** -11,
    build(kex) {
      const sums = kex.kmap({ kernelSize: 3, padding: "same" }, (w) => kex.sum(w));
      return { f: kex.grad((x) => kex.sum(kex.sin(sums(x)))), args: [kex.array(randomData(100, 4))] };
    },
  },
  {
    name: "foriLoop of 20 heat steps (40×40)",
    build(kex) {
      const r = 0.2;
      const step = kex.smap({ kernelSize: [3, 3], offset: 1, relative: true, scope: { r } }, (u) => u[0][0] + r * (u[1][0] + u[-1][0] + u[0][1] + u[0][-1] - 4 * u[0][0]));
      return { f: (u) => kex.foriLoop(0, 20, (_i, v) => step(v), u), args: [kex.array(randomData(40 * 40, 5), { shape: [40, 40] })] };
    },
  },
  {
    name: "tanh, exp and a condition (2-D, 20×20)",
    build(kex) {
      const g = kex.kmap({ kernelSize: [3, 3] }, (w) => (w[1][1] > 0 ? Math.tanh(kex.sum(w)) : Math.exp(-w[0][0] * w[0][0])));
      return { f: (x) => g(x), args: [kex.array(randomData(20 * 20, 6), { shape: [20, 20] })] };
    },
  },
];

/**
 * The allclose tolerance of a webgpu result against the js result `js`;
 * `wgslAtol` adds a case's allowance for WGSL functions specified to less
 * than float32 precision (sin, cos).
 *
 * @example
 * tolerance([1, -4]); // { rtol: 3e-5, atol: 1.5e-4 }
 */
export function tolerance(js, wgslAtol = 0) {
  let scale = 0;
  for (const v of js) if (Number.isFinite(v)) scale = Math.max(scale, Math.abs(v));
  return { rtol: 3e-5, atol: 3e-5 * (1 + scale) + wgslAtol };
}

/**
 * Run one case on "js" and on "webgpu": both results' shapes and values,
 * the largest difference relative to the js result's scale, and the
 * tolerance they must agree to ({@link tolerance}).
 * `kex.jit(f, { backend })` picks the backend; webgpu is called with `.async`.
 *
 * @example
 * const row = await runCase(kex, corpus[0]); // { name, js: { shape, data }, webgpu: { shape, data, float32 }, maxRelDiff, tolerance }
 */
export async function runCase(kex, c) {
  const { f, args } = c.build(kex);
  const js = await kex.jit(f, { backend: "js" }).async(...args);
  const gpu = await kex.jit(f, { backend: "webgpu" }).async(...args);
  const a = Array.from(js.data);
  const b = Array.from(gpu.data);
  const scale = Math.max(1, ...a.map(Math.abs));
  let maxRelDiff = a.length === b.length ? 0 : Infinity;
  for (let i = 0; i < Math.min(a.length, b.length); i++) maxRelDiff = Math.max(maxRelDiff, Math.abs(a[i] - b[i]) / scale);
  const webgpu = { shape: gpu.shape, data: b, float32: gpu.data instanceof Float32Array };
  return { name: c.name, js: { shape: js.shape, data: a }, webgpu, maxRelDiff, tolerance: tolerance(a, c.wgslAtol ?? 0) };
}

/** Every case of the corpus through {@link runCase}, in order. */
export async function runCorpus(kex) {
  const rows = [];
  for (const c of corpus) rows.push(await runCase(kex, c));
  return rows;
}
