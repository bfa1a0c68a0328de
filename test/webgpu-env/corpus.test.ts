/**
 * @file The differential corpus (test/browser/webgpu-corpus.js) in Node:
 * every kernel gives the same values on kernex's "webgpu" backend, run on
 * Dawn (test/helpers/gpu.ts; a CPU Vulkan driver without a GPU), as on
 * "js", to float32 precision, and webgpu results are float32 arrays. The
 * same corpus runs in headless Chromium (test/browser/webgpu.test.ts).
 * Skipped, saying why, without a GPU; fails with KERNEX_REQUIRE_GPU=1.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as kex from "kernex";
import { gpuForTests } from "../helpers/gpu";
import { corpus, runCase } from "../browser/webgpu-corpus";

const gpu = await gpuForTests();

describe.runIf(gpu)(`the differential corpus on "webgpu" and "js" in Node (${gpu?.name ?? "no GPU"})`, () => {
  beforeAll(() => kex.config({ gpu: gpu!.gpu }));
  afterAll(() => kex.config({ gpu: null }));

  for (const c of corpus) {
    it(`${c.name}: the same values to float32 precision`, async () => {
      const row = await runCase(kex, c);
      expect(row.webgpu.shape).toEqual(row.js.shape);
      expect(row.webgpu.float32).toBe(true);
      expect(row.webgpu.data).toBeAllclose(row.js.data, row.tolerance);
      expect(row.js.data.some((v) => v !== 0)).toBe(true);
    }, 60_000);
  }
});
