/**
 * @file The WebGPU test environment itself, before any kernex code runs on
 * it: which Vulkan loader and driver test/helpers/gpu.ts picks for a given
 * machine (fake file systems), then Dawn's adapter running a raw WGSL
 * compute shader (a second difference over a float32 array) whose values are
 * checked against a closed form and a plain-loop reference. Without a GPU
 * the second part is skipped, saying why; with KERNEX_REQUIRE_GPU=1 it fails.
 */
import { describe, expect, it } from "vitest";
import { CHROMIUM_LIB, SWIFTSHADER_ICD, gpuForTests, isCpuAdapter, newDevice, vulkanSetup, type FileQueries } from "../helpers/gpu";

/** A file system holding exactly `paths` (directories listed from them). */
function fakeFiles(paths: readonly string[]): FileQueries {
  return {
    exists: (p) => paths.includes(p),
    list: (dir) => paths.filter((p) => p.startsWith(`${dir}/`)).map((p) => p.slice(dir.length + 1)),
  };
}

describe("vulkanSetup: the loader and driver for a machine", () => {
  const chromiumOnly = fakeFiles([`${CHROMIUM_LIB}/libvulkan.so.1`, SWIFTSHADER_ICD]);

  it("uses Chromium's loader (LD_LIBRARY_PATH) and SwiftShader when nothing else is installed", () => {
    expect(vulkanSetup({ LD_LIBRARY_PATH: "/opt/x" }, chromiumOnly, "linux")).toEqual({
      env: { LD_LIBRARY_PATH: `${CHROMIUM_LIB}:/opt/x`, VK_ICD_FILENAMES: SWIFTSHADER_ICD },
      driver: `SwiftShader (${SWIFTSHADER_ICD})`,
    });
  });

  it("needs no LD_LIBRARY_PATH with the system loader (libvulkan1)", () => {
    const files = fakeFiles(["/usr/lib/x86_64-linux-gnu/libvulkan.so.1", `${CHROMIUM_LIB}/libvulkan.so.1`, SWIFTSHADER_ICD]);
    expect(vulkanSetup({}, files, "linux").env).toEqual({ VK_ICD_FILENAMES: SWIFTSHADER_ICD });
  });

  it("leaves registered drivers (lavapipe, a real GPU) to the loader, and a chosen one alone", () => {
    const files = fakeFiles(["/usr/lib/x86_64-linux-gnu/libvulkan.so.1", "/usr/share/vulkan/icd.d/lvp_icd.x86_64.json", SWIFTSHADER_ICD]);
    expect(vulkanSetup({}, files, "linux")).toEqual({ env: {}, driver: "the system's Vulkan drivers (lvp_icd.x86_64.json)" });
    expect(vulkanSetup({ VK_ICD_FILENAMES: "/x.json" }, files, "linux")).toEqual({ env: {}, driver: "VK_ICD_FILENAMES=/x.json" });
  });

  it("says what to install when the loader or the driver is missing", () => {
    expect(vulkanSetup({}, fakeFiles([SWIFTSHADER_ICD]), "linux").missing).toMatch(/no Vulkan loader.*libvulkan1/);
    expect(vulkanSetup({}, fakeFiles(["/usr/lib/libvulkan.so.1"]), "linux").missing).toMatch(/no Vulkan driver.*chromium.*mesa-vulkan-drivers/);
  });

  it("asks nothing off Linux", () => {
    expect(vulkanSetup({}, fakeFiles([]), "darwin")).toEqual({ env: {}, driver: "the platform's own GPU API" });
  });

  it("tells CPU drivers from GPUs by the adapter's info", () => {
    const info = (vendor: string, architecture: string, description = "") => ({ vendor, architecture, device: "", description }) as GPUAdapterInfo;
    expect(isCpuAdapter(info("google", "swiftshader"))).toBe(true);
    expect(isCpuAdapter(info("mesa", "", "llvmpipe (LLVM 15.0.6, 256 bits)"))).toBe(true);
    expect(isCpuAdapter(info("nvidia", "ampere"))).toBe(false);
  });
});

/** y[i] = x[i] - 2 x[i+1] + x[i+2]: the second difference, "valid" (n - 2 outputs). */
const SECOND_DIFFERENCE = /* wgsl */ `
@group(0) @binding(0) var<storage, read> x: array<f32>;
@group(0) @binding(1) var<storage, read_write> y: array<f32>;

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) id: vec3u) {
  let i = id.x;
  if (i + 2u >= arrayLength(&x)) { return; }
  y[i] = x[i] - 2.0 * x[i + 1u] + x[i + 2u];
}`;

/** Run SECOND_DIFFERENCE on `x` and read the result back. */
async function secondDifference(device: GPUDevice, x: Float32Array<ArrayBuffer>): Promise<Float32Array> {
  const input = device.createBuffer({ size: x.byteLength, usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST });
  device.queue.writeBuffer(input, 0, x);
  const bytes = (x.length - 2) * 4;
  const output = device.createBuffer({ size: bytes, usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC });
  const readback = device.createBuffer({ size: bytes, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST });
  const pipeline = device.createComputePipeline({ layout: "auto", compute: { module: device.createShaderModule({ code: SECOND_DIFFERENCE }), entryPoint: "main" } });
  const bindGroup = device.createBindGroup({
    layout: pipeline.getBindGroupLayout(0),
    entries: [
      { binding: 0, resource: { buffer: input } },
      { binding: 1, resource: { buffer: output } },
    ],
  });
  const encoder = device.createCommandEncoder();
  const pass = encoder.beginComputePass();
  pass.setPipeline(pipeline);
  pass.setBindGroup(0, bindGroup);
  pass.dispatchWorkgroups(Math.ceil((x.length - 2) / 64));
  pass.end();
  encoder.copyBufferToBuffer(output, 0, readback, 0, bytes);
  device.queue.submit([encoder.finish()]);
  await readback.mapAsync(GPUMapMode.READ);
  const values = new Float32Array(readback.getMappedRange().slice(0));
  readback.unmap();
  for (const b of [input, output, readback]) b.destroy();
  return values;
}

const gpu = await gpuForTests();

describe.runIf(gpu)(`a raw WGSL shader on Dawn (${gpu?.name ?? "no GPU"})`, () => {
  it("the adapter gives a device", async () => {
    const device = await newDevice(gpu!.gpu);
    expect(device.limits.maxComputeWorkgroupSizeX).toBeGreaterThanOrEqual(64);
    device.destroy();
  });

  it("computes the second difference of i² exactly: 2 everywhere (1000 values, 16 workgroups)", async () => {
    const device = await newDevice(gpu!.gpu);
    const n = 1002;
    const y = await secondDifference(device, Float32Array.from({ length: n }, (_, i) => i * i));
    expect(y.length).toBe(n - 2);
    expect(Array.from(y)).toEqual(new Array<number>(n - 2).fill(2));
    device.destroy();
  });

  it("matches a float32 plain-loop reference on irregular values", async () => {
    const device = await newDevice(gpu!.gpu);
    const x = Float32Array.from({ length: 300 }, (_, i) => Math.sin(0.37 * i) * (1 + i / 50));
    const y = await secondDifference(device, x);
    const f = Math.fround;
    const reference = Array.from({ length: x.length - 2 }, (_, i) => f(f(x[i]! - f(2 * x[i + 1]!)) + x[i + 2]!));
    // float32 rounding, with a fused multiply-add allowed: a few ulps of the inputs' size
    expect(y).toBeAllclose(reference, { rtol: 1e-6, atol: 1e-6 });
    expect(Array.from(y).some((v) => v !== 0)).toBe(true);
    device.destroy();
  });
});
