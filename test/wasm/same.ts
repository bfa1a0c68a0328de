/**
 * @file The differential check of the wasm tests: run a function on the
 * "js" and "wasm" backends and expect the same bits (Object.is per element;
 * any NaN equals any NaN) and a wasm kernel run, so a silent fall-back to
 * JavaScript fails. Also their seeded random data.
 */
import { expect } from "vitest";
import * as kex from "kernex";
import { wasmRuns } from "../../runtime/wasm/wasm-kernel";

/** n values in [-0.5, 0.5) from a linear congruential generator. */
export function random(n: number, seed: number): Float64Array {
  let s = seed >>> 0;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = s / 4294967296 - 0.5;
  }
  return out;
}

/** Indices where a and b differ (Object.is, NaN = NaN), at most 5. */
export function differences(a: ArrayLike<number>, b: ArrayLike<number>): number[] {
  const bad: number[] = [];
  for (let i = 0; i < a.length && bad.length < 5; i++) if (!Object.is(a[i], b[i]) && !(Number.isNaN(a[i]!) && Number.isNaN(b[i]!))) bad.push(i);
  return bad;
}

/** Run f on both backends; expect the same bits and a wasm kernel run. */
export function expectSame(f: (...a: kex.NDArray[]) => kex.NDArray, ...args: kex.NDArray[]): void {
  const js = kex.jit(f, { backend: "js" })(...args);
  const before = wasmRuns();
  const wasm = kex.jit(f, { backend: "wasm" })(...args);
  expect(wasmRuns()).toBeGreaterThan(before);
  expect(wasm.shape).toEqual(js.shape);
  expect(wasm.dtype).toBe(js.dtype);
  expect(differences(wasm.data, js.data)).toEqual([]);
}
