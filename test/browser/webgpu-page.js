/**
 * @file The WebGPU browser test's checks, run in headless Chromium
 * (test/browser/webgpu.test.ts): the adapter `navigator.gpu` gives, a raw
 * WGSL compute shader (the second difference of i², 2 everywhere), and the
 * differential corpus (test/browser/webgpu-corpus.js) on kernex's "js" and
 * "webgpu" backends in the browser bundle.
 */
import * as kex from "/kernex.browser.js";
import { runCorpus } from "/webgpu-corpus.js";

/** y[i] = x[i] - 2 x[i+1] + x[i+2], "valid". */
const SECOND_DIFFERENCE = `
@group(0) @binding(0) var<storage, read> x: array<f32>;
@group(0) @binding(1) var<storage, read_write> y: array<f32>;

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) id: vec3u) {
  let i = id.x;
  if (i + 2u >= arrayLength(&x)) { return; }
  y[i] = x[i] - 2.0 * x[i + 1u] + x[i + 2u];
}`;

async function device() {
  const adapter = await navigator.gpu.requestAdapter();
  if (!adapter) throw new Error("navigator.gpu gave no adapter");
  return adapter.requestDevice();
}

/** Run SECOND_DIFFERENCE on x (a Float32Array) and read the result back. */
async function secondDifference(x) {
  const gpu = await device();
  const input = gpu.createBuffer({ size: x.byteLength, usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST });
  gpu.queue.writeBuffer(input, 0, x);
  const bytes = (x.length - 2) * 4;
  const output = gpu.createBuffer({ size: bytes, usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC });
  const readback = gpu.createBuffer({ size: bytes, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST });
  const pipeline = gpu.createComputePipeline({ layout: "auto", compute: { module: gpu.createShaderModule({ code: SECOND_DIFFERENCE }), entryPoint: "main" } });
  const bindGroup = gpu.createBindGroup({ layout: pipeline.getBindGroupLayout(0), entries: [0, 1].map((binding) => ({ binding, resource: { buffer: [input, output][binding] } })) });
  const encoder = gpu.createCommandEncoder();
  const pass = encoder.beginComputePass();
  pass.setPipeline(pipeline);
  pass.setBindGroup(0, bindGroup);
  pass.dispatchWorkgroups(Math.ceil((x.length - 2) / 64));
  pass.end();
  encoder.copyBufferToBuffer(output, 0, readback, 0, bytes);
  gpu.queue.submit([encoder.finish()]);
  await readback.mapAsync(GPUMapMode.READ);
  const values = Array.from(new Float32Array(readback.getMappedRange()));
  readback.unmap();
  gpu.destroy();
  return values;
}

window.kernexGpu = {
  /** Whether the page has navigator.gpu and an adapter, and the adapter's info. */
  async adapter() {
    if (!navigator.gpu) return { gpu: false, adapter: false, info: null };
    const adapter = await navigator.gpu.requestAdapter();
    if (!adapter) return { gpu: true, adapter: false, info: null };
    const { vendor, architecture, device, description } = adapter.info;
    return { gpu: true, adapter: true, info: { vendor, architecture, device, description, fallback: adapter.info.isFallbackAdapter ?? adapter.isFallbackAdapter ?? null } };
  },
  /** The raw shader on i² for i < n: n - 2 values. */
  rawShader(n) {
    return secondDifference(Float32Array.from({ length: n }, (_, i) => i * i));
  },
  /** The differential corpus on "js" and "webgpu". */
  corpus() {
    return runCorpus(kex);
  },
};
document.getElementById("status").textContent = "ready";
