/**
 * @file A GPU for the tests: Dawn (the `webgpu` package) with an adapter, or
 * the reason there is none. On Linux Dawn needs a Vulkan loader
 * (libvulkan.so.1) and a Vulkan driver. A machine without a GPU uses a CPU
 * driver: SwiftShader from Debian's chromium package
 * (/usr/lib/chromium/vk_swiftshader_icd.json, with Chromium's own loader
 * beside it) or Mesa's lavapipe (`mesa-vulkan-drivers`, registered in
 * /usr/share/vulkan/icd.d). {@link vulkanSetup} works out from the files
 * present which variables a process needs: `LD_LIBRARY_PATH` only when the
 * one loader is Chromium's (the dynamic linker reads it when a process
 * starts, so vitest.config.ts passes it to its worker processes), and
 * `VK_ICD_FILENAMES` when no driver is registered system-wide (the loader
 * reads it when Dawn creates its instance, so {@link gpuForTests} may set
 * it in-process). `scripts/install-vulkan.sh` installs the system loader.
 * Tests needing a GPU skip, saying why, when none is available; with
 * `KERNEX_REQUIRE_GPU=1` (as `.ci/run` sets) they fail instead.
 */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";

/** Chromium's directory in Debian's chromium package: SwiftShader and a Vulkan loader. */
export const CHROMIUM_LIB = "/usr/lib/chromium";
/** Chromium's SwiftShader Vulkan driver manifest. */
export const SWIFTSHADER_ICD = join(CHROMIUM_LIB, "vk_swiftshader_icd.json");
/** Where the Vulkan loader looks for registered driver manifests. */
const ICD_DIRS = ["/usr/share/vulkan/icd.d", "/usr/local/share/vulkan/icd.d", "/etc/vulkan/icd.d"];
/** Where a system Vulkan loader lives (Debian multiarch, then the usual others). */
const LIB_DIRS = ["/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib", "/usr/local/lib"];
const LOADER = "libvulkan.so.1";

/** The file system queries {@link vulkanSetup} makes (real ones by default; tests pass fakes). */
export interface FileQueries {
  exists(path: string): boolean;
  list(dir: string): readonly string[];
}

const realFiles: FileQueries = {
  exists: existsSync,
  list: (dir) => (existsSync(dir) ? readdirSync(dir) : []),
};

/** What a process needs for Dawn to find a Vulkan adapter on this machine. */
export interface VulkanSetup {
  /** Variables to add to a process's environment before it starts. */
  readonly env: Readonly<Record<string, string>>;
  /** The driver that will be used, in words (for messages). */
  readonly driver: string;
  /** Why no adapter can be had here, when that is known from the files alone. */
  readonly missing?: string;
}

/**
 * The Vulkan loader and driver Dawn will use, and the environment variables
 * that make it find them. Off Linux (Metal, Direct3D) nothing is needed.
 *
 * @example
 * vulkanSetup({ LD_LIBRARY_PATH: "" }).env; // { LD_LIBRARY_PATH: "/usr/lib/chromium", VK_ICD_FILENAMES: ".../vk_swiftshader_icd.json" } without libvulkan1
 */
export function vulkanSetup(environment: NodeJS.ProcessEnv = process.env, files: FileQueries = realFiles, platform: string = process.platform): VulkanSetup {
  if (platform !== "linux") return { env: {}, driver: "the platform's own GPU API" };
  const env: Record<string, string> = {};
  const searched = (environment.LD_LIBRARY_PATH ?? "").split(":").filter((d) => d !== "");
  const hasLoader = [...searched, ...LIB_DIRS].some((d) => files.exists(join(d, LOADER)));
  let missing: string | undefined;
  if (!hasLoader) {
    if (files.exists(join(CHROMIUM_LIB, LOADER))) env.LD_LIBRARY_PATH = [CHROMIUM_LIB, ...searched].join(":");
    else missing = `no Vulkan loader (${LOADER}): install libvulkan1 (scripts/install-vulkan.sh)`;
  }
  const chosen = environment.VK_ICD_FILENAMES || environment.VK_DRIVER_FILES;
  const registered = ICD_DIRS.flatMap((d) => files.list(d).filter((f) => f.endsWith(".json")));
  let driver: string;
  if (chosen) driver = `VK_ICD_FILENAMES=${chosen}`;
  else if (registered.length > 0) driver = `the system's Vulkan drivers (${registered.join(", ")})`;
  else if (files.exists(SWIFTSHADER_ICD)) {
    env.VK_ICD_FILENAMES = SWIFTSHADER_ICD;
    driver = `SwiftShader (${SWIFTSHADER_ICD})`;
  } else {
    driver = "none";
    missing ??= "no Vulkan driver: install chromium (scripts/install-chromium.sh, SwiftShader) or mesa-vulkan-drivers (lavapipe)";
  }
  return missing === undefined ? { env, driver } : { env, driver, missing };
}

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
