/**
 * @file The "wasm" backend in a real browser: Debian's Chromium, headless,
 * opens a page served from 127.0.0.1 (test/browser/wasm.html) that loads
 * the esbuild browser bundle (built here by `scripts/build.mjs --browser`)
 * and runs the "wasm" differential corpus (test/browser/wasm-corpus.js: a
 * 7×7 blur, a vmap'd strided max-pool over NaN and ±0, a 3×3×3
 * convolution, a reflect-padded weighted sum; float64 and float32; odd
 * widths) on "js" and on "wasm". Every case must give the same bits on both
 * and must have called into a WebAssembly kernel on "wasm" (the page counts
 * the calls of each WebAssembly instance's `main`). The same corpus runs in
 * Node in test/wasm/corpus.test.ts. Skipped without Chromium
 * (test/helpers/chromium.ts); KERNEX_REQUIRE_BROWSER=1 makes that a failure.
 */
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserTestsRun } from "../helpers/chromium";
import { expectWasmRow } from "../helpers/wasm-row";
import { openBundlePage, type BundlePage } from "./bundle-page";
import { corpus, type WasmCorpusRow } from "./wasm-corpus";

const runs = browserTestsRun();
const here = (file: string): string => fileURLToPath(new URL(file, import.meta.url));

type WasmPage = { kernexWasm: { simd(): true | string; corpus(): WasmCorpusRow[] } };

let opened: BundlePage | undefined;
let page: Page;

beforeAll(async () => {
  if (!runs) return;
  const files = { "/": here("wasm.html"), "/wasm-page.js": here("wasm-page.js"), "/wasm-corpus.js": here("wasm-corpus.js"), "/random-data.js": here("random-data.js") };
  opened = await openBundlePage(files, { prefix: "kernex-wasm-", args: [] });
  page = opened.page;
}, 120_000);

afterAll(async () => {
  await opened?.close();
});

describe.runIf(runs)('the "wasm" backend in headless Chromium', () => {
  it('has WebAssembly SIMD: kex.config({ backend: "wasm" }) is accepted', async () => {
    expect(await page.evaluate(() => (window as unknown as WasmPage).kernexWasm.simd())).toBe(true);
  });

  it(`runs WebAssembly kernels with the "js" bits over the corpus (${corpus.length} cases)`, async () => {
    const rows = await page.evaluate(() => (window as unknown as WasmPage).kernexWasm.corpus());
    expect(rows.map((r) => r.name)).toEqual(corpus.map((c) => c.name));
    for (const row of rows) expectWasmRow(row);
    // NaN and -0 reach the test as themselves (the comparison above would not see a -0 turned into 0 otherwise)
    const pool = rows.find((r) => r.name.includes("max-pool"))!;
    expect([pool.js.data.some(Number.isNaN), pool.js.data.some((v) => Object.is(v, -0)), pool.wasm.data.some((v) => Object.is(v, -0))]).toEqual([true, true, true]);
    expect(opened!.errors).toEqual([]);
  }, 120_000);
});
