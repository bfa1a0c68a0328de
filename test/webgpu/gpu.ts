/**
 * @file A GPU for the webgpu tests: Dawn (the `webgpu` package) with an
 * adapter, or the reason there is none. On Linux without a system Vulkan
 * loader, Dawn finds Chromium's (SwiftShader) only when the process starts
 * with `LD_LIBRARY_PATH=/usr/lib/chromium`; `VK_ICD_FILENAMES` is set here,
 * before the GPU object is made. Tests skip, saying why, when there is no
 * adapter, unless `KERNEX_REQUIRE_GPU=1` (then they fail).
 */
import { existsSync } from "node:fs";
import * as kex from "kernex";

/** Chromium's SwiftShader Vulkan driver, when Chromium is installed. */
const SWIFTSHADER_ICD = "/usr/lib/chromium/vk_swiftshader_icd.json";

/** Either a GPU object with an adapter, or why there is none. */
export type GpuOrReason = { readonly ok: true; readonly gpu: kex.GpuLike } | { readonly ok: false; readonly reason: string };

/** True when a missing GPU must fail the run. */
export const gpuRequired: boolean = process.env.KERNEX_REQUIRE_GPU === "1";

let pending: Promise<GpuOrReason> | undefined;

async function openGpu(): Promise<GpuOrReason> {
  if (process.env.VK_ICD_FILENAMES === undefined && existsSync(SWIFTSHADER_ICD)) process.env.VK_ICD_FILENAMES = SWIFTSHADER_ICD;
  try {
    const dawn = await import("webgpu");
    Object.assign(globalThis, dawn.globals);
    const gpu = dawn.create([]);
    const adapter = await gpu.requestAdapter();
    if (adapter === null) return { ok: false, reason: "Dawn gave no adapter (start the tests with LD_LIBRARY_PATH=/usr/lib/chromium, or install a Vulkan loader and driver)" };
    return { ok: true, gpu };
  } catch (e) {
    return { ok: false, reason: `the webgpu package did not load: ${String(e)}` };
  }
}

/**
 * Dawn with an adapter, or the reason there is none (one GPU object per process).
 *
 * @example
 * const found = await findGpu();
 * if (found.ok) kex.config({ gpu: found.gpu });
 */
export function findGpu(): Promise<GpuOrReason> {
  pending ??= openGpu();
  return pending;
}

/**
 * The GPU for a test file: configured as kex.config's `gpu`, or null
 * (after printing why, once) when there is none; with KERNEX_REQUIRE_GPU=1 a
 * missing GPU throws.
 *
 * @example
 * const gpu = await gpuForTests(); // in beforeAll
 * it.skipIf(!gpu)(...) — use `describe.runIf(await hasGpu())`
 */
export async function gpuForTests(): Promise<kex.GpuLike | null> {
  const found = await findGpu();
  if (!found.ok) {
    if (gpuRequired) throw new Error(`KERNEX_REQUIRE_GPU=1 but no GPU: ${found.reason}`);
    console.warn(`[webgpu tests skipped] ${found.reason}`);
    return null;
  }
  kex.config({ gpu: found.gpu });
  return found.gpu;
}
