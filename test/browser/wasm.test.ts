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
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserTestsRun, chromiumPath } from "../helpers/chromium";
import { expectWasmRow } from "../helpers/wasm-row";
import { serve, type StaticServer } from "./server";
import { corpus, type WasmCorpusRow } from "./wasm-corpus";

const runs = browserTestsRun();
const repo = fileURLToPath(new URL("../..", import.meta.url));
const here = fileURLToPath(new URL(".", import.meta.url));

type WasmPage = { kernexWasm: { simd(): true | string; corpus(): WasmCorpusRow[] } };

let work = "";
let browser: Browser | undefined;
let page: Page;
let server: StaticServer | undefined;
const errors: string[] = [];

beforeAll(async () => {
  if (!runs) return;
  work = mkdtempSync(join(tmpdir(), "kernex-wasm-"));
  execFileSync(process.execPath, ["scripts/build.mjs", "--browser", join(work, "kernex.browser.js")], { cwd: repo, stdio: "pipe" });
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ["--headless", "--no-sandbox", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  server = await serve(
    {
      "/": join(here, "wasm.html"),
      "/wasm-page.js": join(here, "wasm-page.js"),
      "/wasm-corpus.js": join(here, "wasm-corpus.js"),
      "/kernex.browser.js": join(work, "kernex.browser.js"),
      "/kernex.browser.js.map": join(work, "kernex.browser.js.map"),
    },
    { isolated: false },
  );
  page = await browser.newPage();
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  await page.goto(`${server.url}/`);
  await page.waitForFunction(() => document.getElementById("status")?.textContent === "ready", undefined, { timeout: 30_000 });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
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
    expect(errors).toEqual([]);
  }, 120_000);
});
