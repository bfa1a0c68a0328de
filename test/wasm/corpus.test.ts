/**
 * @file The "wasm" backend's differential corpus (test/browser/wasm-corpus.js)
 * in Node, with the decider choosing: every case runs a WebAssembly kernel
 * and gives the "js" backend's bits. The same corpus runs in headless
 * Chromium on the browser bundle (test/browser/wasm.test.ts).
 */
import { describe, expect, it } from "vitest";
import * as kex from "kernex";
import { wasmRuns } from "../../runtime/wasm/wasm-kernel";
import { corpus, runCase } from "../browser/wasm-corpus";
import { expectWasmRow } from "../helpers/wasm-row";

describe('the "wasm" differential corpus in Node', () => {
  for (const c of corpus) {
    it(`${c.name}: a WebAssembly kernel runs and gives the "js" bits`, () => {
      expectWasmRow(runCase(kex, c, wasmRuns));
    });
  }

  it("the max-pool cases carry NaN, -0 and ±Infinity through to both results", () => {
    for (const c of corpus.filter((k) => k.name.includes("max-pool"))) {
      const row = runCase(kex, c, wasmRuns);
      expect(row.js.data.some(Number.isNaN), row.name).toBe(true);
      expect(row.js.data.some((v) => v === Infinity), row.name).toBe(true);
      expect(row.js.data.some((v) => Object.is(v, -0)), row.name).toBe(true);
      expect(row.wasm.data.some(Number.isNaN), row.name).toBe(true);
    }
  });
});
