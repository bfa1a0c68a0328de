/**
 * @file Which Vulkan loader and driver Dawn (the `webgpu` package) will use
 * on this machine, and the environment variables that make it find them.
 * Plain JavaScript (types in vulkan-env.d.mts) because vitest.config.ts
 * imports it too, to start its worker processes with those variables:
 * `LD_LIBRARY_PATH` is read by the dynamic linker only when a process
 * starts. Test code uses it through test/helpers/gpu.ts.
 *
 * On Linux a machine without a GPU uses a CPU driver: SwiftShader from
 * Debian's chromium package (/usr/lib/chromium, with Chromium's own loader
 * beside it) or Mesa's lavapipe (`mesa-vulkan-drivers`, registered in
 * /usr/share/vulkan/icd.d). `LD_LIBRARY_PATH` is asked for only when the one
 * loader is Chromium's (no libvulkan1), and `VK_ICD_FILENAMES` only when no
 * driver is registered system-wide (the loader reads it when Dawn creates
 * its instance, so it may also be set in-process).
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

/** The real file system. */
const realFiles = {
  exists: existsSync,
  list: (dir) => (existsSync(dir) ? readdirSync(dir) : []),
};

/**
 * The Vulkan loader and driver Dawn will use, and the environment variables
 * that make it find them. Off Linux (Metal, Direct3D) nothing is needed.
 *
 * @example
 * vulkanSetup({}).env; // { LD_LIBRARY_PATH: "/usr/lib/chromium", VK_ICD_FILENAMES: ".../vk_swiftshader_icd.json" } without libvulkan1
 */
export function vulkanSetup(environment = process.env, files = realFiles, platform = process.platform) {
  if (platform !== "linux") return { env: {}, driver: "the platform's own GPU API" };
  const env = {};
  const searched = (environment.LD_LIBRARY_PATH ?? "").split(":").filter((d) => d !== "");
  const hasLoader = [...searched, ...LIB_DIRS].some((d) => files.exists(join(d, LOADER)));
  let missing;
  if (!hasLoader) {
    if (files.exists(join(CHROMIUM_LIB, LOADER))) env.LD_LIBRARY_PATH = [CHROMIUM_LIB, ...searched].join(":");
    else missing = `no Vulkan loader (${LOADER}): install libvulkan1 (scripts/install-vulkan.sh)`;
  }
  const chosen = environment.VK_ICD_FILENAMES || environment.VK_DRIVER_FILES;
  const registered = ICD_DIRS.flatMap((d) => files.list(d).filter((f) => f.endsWith(".json")));
  let driver;
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
