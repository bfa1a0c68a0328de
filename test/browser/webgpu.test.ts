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
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserTestsRun } from "../helpers/chromium";
import { CHROMIUM_WEBGPU_ARGS, gpuRequired } from "../helpers/gpu";
import { openBundlePage, type BundlePage } from "./bundle-page";
import { corpus, type CorpusRow } from "./webgpu-corpus";

const runs = browserTestsRun();
const here = (file: string): string => fileURLToPath(new URL(file, import.meta.url));

interface AdapterReport {
  gpu: boolean;
  adapter: boolean;
  info: { vendor: string; architecture: string; device: string; description: string; fallback: boolean | null } | null;
}
type GpuPage = { kernexGpu: { adapter(): Promise<AdapterReport>; rawShader(n: number): Promise<number[]>; corpus(): Promise<CorpusRow[]> } };

let opened: BundlePage | undefined;
let page: Page;
let adapter: AdapterReport | undefined;
let errors: string[] = [];

beforeAll(async () => {
  if (!runs) return;
  const files = { "/": here("webgpu.html"), "/webgpu-page.js": here("webgpu-page.js"), "/webgpu-corpus.js": here("webgpu-corpus.js"), "/random-data.js": here("random-data.js") };
  opened = await openBundlePage(files, { prefix: "kernex-webgpu-", args: CHROMIUM_WEBGPU_ARGS });
  ({ page, errors } = opened);
  adapter = await page.evaluate(() => (window as unknown as GpuPage).kernexGpu.adapter());
  process.stderr.write(`kernex: Chromium's WebGPU adapter: ${JSON.stringify(adapter.info)}\n`);
}, 120_000);

afterAll(async () => {
  await opened?.close();
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
