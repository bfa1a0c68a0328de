/**
 * @file WebGPU in a real browser: Debian's Chromium, headless, with
 * `--enable-unsafe-webgpu --use-webgpu-adapter=swiftshader` (its bundled CPU
 * Vulkan driver: no GPU needed), opens a page served from 127.0.0.1
 * (test/browser/webgpu.html). `navigator.gpu` must give an adapter (its info
 * is printed), a raw WGSL shader must compute the second difference of i²
 * (2 everywhere), and the differential corpus (webgpu-corpus.js) must give
 * the same values on kernex's "webgpu" backend as on "js" to float32
 * precision. Skipped without Chromium (test/helpers/chromium.ts); an
 * adapter missing in Chromium skips the GPU checks, saying why, and fails
 * them with KERNEX_REQUIRE_GPU=1.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserTestsRun, chromiumPath } from "../helpers/chromium";
import { CHROMIUM_WEBGPU_ARGS, gpuRequired } from "../helpers/gpu";
import { serve, type StaticServer } from "./server";
import { corpus, type CorpusRow } from "./webgpu-corpus";

const runs = browserTestsRun();
const repo = fileURLToPath(new URL("../..", import.meta.url));
const here = fileURLToPath(new URL(".", import.meta.url));

interface AdapterReport {
  gpu: boolean;
  adapter: boolean;
  info: { vendor: string; architecture: string; device: string; description: string; fallback: boolean | null } | null;
}
type GpuPage = { kernexGpu: { adapter(): Promise<AdapterReport>; rawShader(n: number): Promise<number[]>; corpus(): Promise<CorpusRow[]> } };

let work = "";
let browser: Browser | undefined;
let page: Page;
let server: StaticServer | undefined;
let adapter: AdapterReport | undefined;
const errors: string[] = [];

beforeAll(async () => {
  if (!runs) return;
  work = mkdtempSync(join(tmpdir(), "kernex-webgpu-"));
  execFileSync(process.execPath, ["scripts/build.mjs", "--browser", join(work, "kernex.browser.js")], { cwd: repo, stdio: "pipe" });
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ["--headless", "--no-sandbox", ...CHROMIUM_WEBGPU_ARGS, "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  server = await serve(
    {
      "/": join(here, "webgpu.html"),
      "/webgpu-page.js": join(here, "webgpu-page.js"),
      "/webgpu-corpus.js": join(here, "webgpu-corpus.js"),
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
  adapter = await page.evaluate(() => (window as unknown as GpuPage).kernexGpu.adapter());
  process.stderr.write(`kernex: Chromium's WebGPU adapter: ${JSON.stringify(adapter.info)}\n`);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Skip (or, with KERNEX_REQUIRE_GPU=1, fail) a GPU check when Chromium has no adapter. */
function needAdapter(skip: (note: string) => void): void {
  if (adapter?.adapter) return;
  const why = adapter?.gpu ? "navigator.gpu gave no adapter" : "no navigator.gpu";
  if (gpuRequired) throw new Error(`KERNEX_REQUIRE_GPU=1 but Chromium has no WebGPU: ${why}`);
  skip(why);
}

describe.runIf(runs)("WebGPU in headless Chromium (SwiftShader)", () => {
  it("navigator.gpu gives an adapter on a page from 127.0.0.1", ({ skip }) => {
    needAdapter(skip);
    expect(adapter!.gpu).toBe(true);
    expect(adapter!.info!.vendor.length + adapter!.info!.architecture.length).toBeGreaterThan(0);
  });

  it("runs a raw WGSL shader: the second difference of i² is 2 everywhere", async ({ skip }) => {
    needAdapter(skip);
    const n = 1002;
    const values = await page.evaluate((m) => (window as unknown as GpuPage).kernexGpu.rawShader(m), n);
    expect(values).toEqual(new Array<number>(n - 2).fill(2));
    expect(errors).toEqual([]);
  }, 60_000);

  it(`gives the same values on "webgpu" as on "js" over the differential corpus (${corpus.length} kernels)`, async ({ skip }) => {
    needAdapter(skip);
    const rows = await page.evaluate(() => (window as unknown as GpuPage).kernexGpu.corpus());
    expect(rows.map((r) => r.name)).toEqual(corpus.map((c) => c.name));
    for (const row of rows) {
      expect(row.webgpu.shape, row.name).toEqual(row.js.shape);
      expect(row.webgpu.float32, row.name).toBe(true);
      expect(row.webgpu.data, row.name).toBeAllclose(row.js.data, row.tolerance);
      expect(row.js.data.some((v) => v !== 0), row.name).toBe(true);
    }
    expect(errors).toEqual([]);
  }, 120_000);
});
