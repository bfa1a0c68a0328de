/**
 * @file The checks of one row of the "wasm" differential corpus
 * (test/browser/wasm-corpus.js), shared by its Node test
 * (test/wasm/corpus.test.ts) and its browser test (test/browser/wasm.test.ts).
 */
import { expect } from "vitest";
import type { WasmCorpusRow } from "../browser/wasm-corpus";

/**
 * The "wasm" result has the "js" result's shape, dtype and bits (checked
 * again here, element by element, on the values the row carries), a
 * WebAssembly kernel ran for the "wasm" call and none for the "js" call,
 * and the values are not trivial.
 *
 * @example
 * for (const row of runCorpus(kex, wasmRuns)) expectWasmRow(row);
 */
export function expectWasmRow(row: WasmCorpusRow): void {
  expect(row.wasmRunsByWasm, `${row.name}: WebAssembly kernel runs of the "wasm" call`).toBeGreaterThan(0);
  expect(row.wasmRunsByJs, `${row.name}: WebAssembly kernel runs of the "js" call`).toBe(0);
  expect(row.wasm.shape, row.name).toEqual(row.js.shape);
  expect([row.js.dtype, row.wasm.dtype], row.name).toEqual([row.dtype, row.dtype]);
  expect(row.differences, `${row.name}: indices where "wasm" and "js" differ`).toEqual([]);
  const bad: number[] = [];
  row.js.data.forEach((v, i) => {
    const w = row.wasm.data[i]!;
    if (!Object.is(v, w) && !(Number.isNaN(v) && Number.isNaN(w))) bad.push(i);
  });
  expect(bad.slice(0, 5), `${row.name}: indices where the carried values differ`).toEqual([]);
  expect(row.wasm.data.length, row.name).toBe(row.js.data.length);
  expect(row.js.data.filter((v) => v !== 0 && Number.isFinite(v)).length, `${row.name}: finite nonzero values`).toBeGreaterThan(row.js.data.length / 4);
}
