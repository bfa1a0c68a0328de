/**
 * @file A GPU for the tests: Dawn (the `webgpu` package) with an adapter, or
 * the reason there is none. On Linux Dawn needs a Vulkan loader and driver:
 * test/helpers/vulkan-env.mjs works out which ones and the variables that
 * find them (vitest.config.ts starts its workers with them;
 * `VK_ICD_FILENAMES` may be set in-process, `LD_LIBRARY_PATH` not).
 * `scripts/install-vulkan.sh` installs the system loader.
 * Tests needing a GPU skip, saying why, when none is available; with
 * `KERNEX_REQUIRE_GPU=1` (as `.ci/run` sets) they fail instead.
 */
import { CHROMIUM_LIB, vulkanSetup } from "./vulkan-env.mjs";

export type { FileQueries, VulkanSetup } from "./vulkan-env.mjs";
export { CHROMIUM_LIB, SWIFTSHADER_ICD, vulkanSetup } from "./vulkan-env.mjs";

/**
 * A GPU the tests can use: Dawn's `GPU` object (what `kex.config({ gpu })`
 * takes) and its adapter's name. An adapter gives one device only, so a test
 * wanting a device of its own calls {@link newDevice}.
 */
export interface TestGpu {
  readonly gpu: GPU;
  /** The adapter in words: vendor, architecture, description. */
  readonly name: string;
  /** True for a CPU driver (SwiftShader, lavapipe): timings are for information only. */
  readonly cpuDriver: boolean;
}

/** Either a GPU, or why there is none. */
export type GpuOrReason = { readonly ok: true; readonly value: TestGpu } | { readonly ok: false; readonly reason: string };

/**
 * What headless Chromium needs for WebGPU without a GPU: WebGPU switched on
 * (Linux builds ship it off) and its bundled SwiftShader as the adapter.
 * Checked with Debian's chromium 156.
 */
export const CHROMIUM_WEBGPU_ARGS: readonly string[] = ["--enable-unsafe-webgpu", "--use-webgpu-adapter=swiftshader"];

/** True when a missing GPU must fail the run (CI sets KERNEX_REQUIRE_GPU=1). */
export const gpuRequired: boolean = process.env.KERNEX_REQUIRE_GPU === "1";

/** The adapter's info as one line of words. */
export function adapterName(info: GPUAdapterInfo): string {
  return [info.vendor, info.architecture, info.device, info.description].filter((s) => s !== "").join(" / ") || "unnamed adapter";
}

/** True for the CPU Vulkan drivers (SwiftShader, llvmpipe/lavapipe) and WebGPU fallback adapters. */
export function isCpuAdapter(info: GPUAdapterInfo & { isFallbackAdapter?: boolean }): boolean {
  return info.isFallbackAdapter === true || /swiftshader|llvmpipe|lavapipe/i.test(adapterName(info));
}

let pending: Promise<GpuOrReason> | undefined;

/**
 * Dawn with an adapter, or the reason there is none (cached: one GPU object
 * per process). Sets `VK_ICD_FILENAMES` in-process when {@link vulkanSetup}
 * asks for it; a needed `LD_LIBRARY_PATH` must already be set (vitest's
 * config does it for test workers).
 *
 * @example
 * const found = await findGpu();
 * if (found.ok) console.log(found.value.name);
 */
export function findGpu(): Promise<GpuOrReason> {
  pending ??= openGpu();
  return pending;
}

async function openGpu(): Promise<GpuOrReason> {
  const setup = vulkanSetup();
  if (setup.missing !== undefined) return { ok: false, reason: setup.missing };
  const late = setup.env.LD_LIBRARY_PATH;
  if (late !== undefined) {
    return { ok: false, reason: `the Vulkan loader is only in ${CHROMIUM_LIB} and this process started without LD_LIBRARY_PATH=${late} (install libvulkan1 with scripts/install-vulkan.sh, or start it with that variable)` };
  }
  for (const [name, value] of Object.entries(setup.env)) process.env[name] = value;
  let gpu: GPU;
  try {
    const dawn = await import("webgpu");
    Object.assign(globalThis, dawn.globals);
    gpu = dawn.create([]);
  } catch (e) {
    return { ok: false, reason: `the webgpu package did not load: ${(e as Error).message}` };
  }
  const adapter = await gpu.requestAdapter();
  if (adapter === null) return { ok: false, reason: `Dawn found no adapter with ${setup.driver}` };
  return { ok: true, value: { gpu, name: adapterName(adapter.info), cpuDriver: isCpuAdapter(adapter.info) } };
}

/**
 * For a test file: the GPU, or undefined when there is none (the reason is
 * printed on one line and the caller skips); throws when the run requires a GPU.
 *
 * @example
 * const gpu = await gpuForTests();
 * describe.runIf(gpu)("on the GPU", () => { ... });
 */
export async function gpuForTests(): Promise<TestGpu | undefined> {
  const found = await findGpu();
  if (found.ok) return found.value;
  if (gpuRequired) throw new Error(`KERNEX_REQUIRE_GPU=1 but no GPU: ${found.reason}`);
  process.stderr.write(`kernex: GPU tests skipped: ${found.reason}\n`);
  return undefined;
}

/** A fresh adapter and device from `gpu` (an adapter is spent once it has made a device). */
export async function newDevice(gpu: GPU): Promise<GPUDevice> {
  const adapter = await gpu.requestAdapter();
  if (adapter === null) throw new Error("the GPU gave an adapter before and none now");
  return adapter.requestDevice();
}
