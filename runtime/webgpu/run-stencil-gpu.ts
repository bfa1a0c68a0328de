/// <reference types="@webgpu/types" />
/**
 * @file One stencil equation on device arrays, as stencil-buffers.ts
 * prepares it for the calling thread: a scan's windowed inputs are copied
 * (inputs are never modified; a scan that writes in place returns the
 * copies), outputs start at zero (or at their input, in place), and the
 * shader runs once per step of the schedule (one dispatch per step `k`,
 * each invocation one cell or one index of the split dim, see
 * compiler/loop/lower-gpu.ts). A grid reduction writes partial rows (one
 * per split-dim index), summed by a tree in workgroup memory (pipelines.ts).
 */
import type { Aval } from "../../compiler/ir";
import { Prim, type StencilParams } from "../../compiler/primitives";
import { scanWritesInPlace } from "../../compiler/loop/loop-ir";
import type { GpuDevice } from "./device";
import { acquireArray, type DeviceArray } from "./device-arrays";
import { combinePipeline, gpuStencil, type GpuStencil } from "./pipelines";

/** Uniform bindings are offset in multiples of this (WebGPU's minUniformBufferOffsetAlignment default). */
const UNIFORM_STRIDE = 256;

/** Device arrays a run made for its own use, released once its commands are submitted. */
export type Scratch = DeviceArray[];

function sizeOf(shape: readonly number[]): number {
  return shape.reduce((n, d) => n * d, 1);
}

/** The arrays the kernel binds (f: windowed, extra, outputs) and the outputs among them, with their commands recorded on `enc`. */
function prepareArrays(dev: GpuDevice, enc: GPUCommandEncoder, prim: Prim.Stencil | Prim.StencilGather, inputs: readonly DeviceArray[], p: StencilParams, outAvals: readonly Aval[], scratch: Scratch): { f: DeviceArray[]; outs: DeviceArray[] } {
  const gather = prim === Prim.StencilGather;
  const scan = p.spec.kind === "scan" && !gather;
  const copy = (x: DeviceArray): DeviceArray => {
    const c = acquireArray(dev, x.length);
    if (x.length > 0) enc.copyBufferToBuffer(x.buffer, 0, c.buffer, 0, x.length * 4);
    return c;
  };
  const f = inputs.map((x, i) => (scan && i < p.nWindowed ? copy(x) : x));
  if (scan && scanWritesInPlace(p)) return { f, outs: f.slice(0, p.nWindowed) };
  f.slice(0, scan ? p.nWindowed : 0).forEach((c) => scratch.push(c));
  const inplace = p.spec.placement === "inplace" && !gather;
  const outs = outAvals.map((a, j) => {
    if (inplace) return copy(inputs[j]!);
    const o = acquireArray(dev, sizeOf(a.shape));
    enc.clearBuffer(o.buffer);
    return o;
  });
  return { f: [...f, ...outs], outs };
}

/** The params uniform of every step: k at offset step·256. */
function stepParams(dev: GpuDevice, steps: number): GPUBuffer {
  const buf = dev.device.createBuffer({ size: steps * UNIFORM_STRIDE, usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST });
  const words = new Int32Array((steps * UNIFORM_STRIDE) / 4);
  for (let k = 0; k < steps; k++) words[(k * UNIFORM_STRIDE) / 4] = k;
  dev.device.queue.writeBuffer(buf, 0, words.buffer, 0, words.byteLength);
  return buf;
}

function dispatchSteps(dev: GpuDevice, enc: GPUCommandEncoder, s: GpuStencil, f: readonly DeviceArray[]): GPUBuffer {
  const { kernel } = s;
  const steps = kernel.schedule.steps;
  const params = stepParams(dev, steps);
  const arrays = kernel.bindings.map((b): GPUBindGroupEntry => ({ binding: 2 + b.fIndex, resource: { buffer: f[b.fIndex]!.buffer } }));
  const pass = enc.beginComputePass();
  pass.setPipeline(s.pipeline);
  for (let k = 0; k < steps; k++) {
    const entries: GPUBindGroupEntry[] = [{ binding: 0, resource: { buffer: params, offset: k * UNIFORM_STRIDE, size: 16 } }, { binding: 1, resource: { buffer: s.tables } }, ...arrays];
    pass.setBindGroup(0, dev.device.createBindGroup({ layout: s.layout, entries }));
    // each dispatch sees the previous one's writes (a usage scope per dispatch)
    if (kernel.workgroups[0] > 0) pass.dispatchWorkgroups(kernel.workgroups[0], kernel.workgroups[1]);
  }
  pass.end();
  return params;
}

/**
 * Record on `enc` the sums out[e] = Σ_r x[r·sr + e·se] (e < n, r < rows) of
 * each input into a fresh device array (see combinePipeline); returns the
 * results and the uniform buffers to destroy once submitted.
 *
 * @example
 * const { outs, params } = await sumRows(dev, enc, [x], { rows: 8, n: 1, sr: 1, se: 0 });
 */
export async function sumRows(dev: GpuDevice, enc: GPUCommandEncoder, xs: readonly DeviceArray[], shape: { rows: number; n: number; sr: number; se: number }): Promise<{ outs: DeviceArray[]; params: GPUBuffer[] }> {
  const c = await combinePipeline(dev);
  const outs: DeviceArray[] = [];
  const params: GPUBuffer[] = [];
  const { rows, n, sr, se } = shape;
  const pass = enc.beginComputePass();
  pass.setPipeline(c.pipeline);
  for (const x of xs) {
    const out = acquireArray(dev, n);
    const u = dev.device.createBuffer({ size: 16, usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST });
    dev.device.queue.writeBuffer(u, 0, new Int32Array([rows, n, sr, se]));
    params.push(u);
    const entries: GPUBindGroupEntry[] = [{ binding: 0, resource: { buffer: u } }, { binding: 1, resource: { buffer: x.buffer } }, { binding: 2, resource: { buffer: out.buffer } }];
    pass.setBindGroup(0, dev.device.createBindGroup({ layout: c.layout, entries }));
    // one workgroup per element (x up to 65,535, then y; the shader reads wid.x + wid.y · 65,535)
    if (n > 0) pass.dispatchWorkgroups(Math.min(n, 65535), Math.ceil(n / 65535));
    outs.push(out);
  }
  pass.end();
  return { outs, params };
}

/**
 * Run a stencil equation on device arrays (`shapes`: their shapes); null
 * when it cannot run on the GPU (the caller runs it on the interpreter).
 * The results are fresh device arrays; `scratch` receives the temporaries,
 * free once this returns (the commands are submitted).
 *
 * @example
 * const outs = await runStencilGpu(dev, Prim.Stencil, [x], [[8, 8]], params, outAvals, scratch);
 */
export async function runStencilGpu(
  dev: GpuDevice,
  prim: Prim.Stencil | Prim.StencilGather,
  inputs: readonly DeviceArray[],
  shapes: readonly (readonly number[])[],
  p: StencilParams,
  outAvals: readonly Aval[],
  scratch: Scratch,
): Promise<DeviceArray[] | null> {
  const s = await gpuStencil(dev, prim, p, shapes.slice(p.nWindowed));
  if (s === null) return null;
  const rows = s.kernel.schedule.partialRows;
  const runAvals = rows > 0 ? outAvals.map((a): Aval => ({ shape: [rows, sizeOf(a.shape)], dtype: a.dtype })) : outAvals;
  const enc = dev.device.createCommandEncoder();
  const { f, outs } = prepareArrays(dev, enc, prim, inputs, p, runAvals, scratch);
  const params = [dispatchSteps(dev, enc, s, f)];
  let results = outs;
  if (rows > 0) {
    results = [];
    for (let j = 0; j < outs.length; j++) {
      const n = sizeOf(outAvals[j]!.shape);
      const c = await sumRows(dev, enc, [outs[j]!], { rows, n, sr: n, se: 1 });
      results.push(...c.outs);
      params.push(...c.params);
      scratch.push(outs[j]!);
    }
  }
  dev.device.queue.submit([enc.finish()]);
  params.forEach((b) => b.destroy());
  return results;
}
