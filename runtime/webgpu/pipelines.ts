/// <reference types="@webgpu/types" />
/**
 * @file Compute pipelines of stencil equations, cached per device by the
 * same structural key as the JavaScript kernels (compiler/cache-key.ts over
 * the spec, the windowed count, grid dims, grid reduction, the other
 * inputs' shapes and the printed kernels): the loop pipeline
 * (compiler/passes/pipeline.ts), GPU lowering (compiler/loop/lower-gpu.ts)
 * and the WGSL emitter (compiler/codegen/emit-wgsl.ts), then the pipeline
 * with an explicit bind-group layout and the packed read tables uploaded
 * once. Also the one fixed shader of the backend: the in-order sum of a
 * grid reduction's partial rows.
 */
import { cacheKey } from "../../compiler/cache-key";
import { printProgram } from "../../compiler/ir-print";
import { Prim, type StencilParams } from "../../compiler/primitives";
import { emitWgsl, NotWgslPrintable, WGSL_WORKGROUP_SIZE, type WgslKernel } from "../../compiler/codegen/emit-wgsl";
import { NotScalarizable } from "../../compiler/codegen/scalarize";
import { lowerNestForGpu } from "../../compiler/loop/lower-gpu";
import { runPipeline } from "../../compiler/passes/pipeline";
import { RuntimeFailure } from "../failure";
import { execLog } from "../executor/settings";
import { deviceCache, type GpuDevice } from "./device";

/** A stencil's pipeline on one device. */
export interface GpuStencil {
  readonly kernel: WgslKernel;
  readonly pipeline: GPUComputePipeline;
  readonly layout: GPUBindGroupLayout;
  readonly tables: GPUBuffer;
}

/** The structural key of a stencil equation (as runtime/executor/stencil-kernel.ts keys its JavaScript). */
function structuralKey(gather: boolean, p: StencilParams, extraShapes: readonly (readonly number[])[]): string {
  const key = cacheKey({ spec: p.spec, n: p.nWindowed, g: p.gridDims, r: p.reduceGrid, e: extraShapes, b: p.branches.map((br) => [br.region, printProgram(br.kernel)]) });
  return `${gather ? "gather" : "map"}${key}`;
}

/** What a compile failure names: the primitive and its shapes. */
function describe(prim: Prim, p: StencilParams): string {
  const s = p.spec;
  return `${prim} (${s.kind}) over [${s.inShape.join(", ")}], window [${s.kernelSize.join(", ")}], grid [${s.gridShape.join(", ")}]`;
}

/** The explicit layout: params uniform, tables, then each array binding. */
function layoutOf(dev: GpuDevice, kernel: WgslKernel): GPUBindGroupLayout {
  const entries: GPUBindGroupLayoutEntry[] = [
    { binding: 0, visibility: GPUShaderStage.COMPUTE, buffer: { type: "uniform" } },
    { binding: 1, visibility: GPUShaderStage.COMPUTE, buffer: { type: "read-only-storage" } },
    ...kernel.bindings.map((b): GPUBindGroupLayoutEntry => ({ binding: 2 + b.fIndex, visibility: GPUShaderStage.COMPUTE, buffer: { type: b.writable ? "storage" : "read-only-storage" } })),
  ];
  return dev.device.createBindGroupLayout({ entries });
}

/**
 * A compute pipeline from WGSL source with an explicit layout; a shader
 * that does not compile is a RuntimeFailure naming `what`.
 *
 * @example
 * const pipeline = await buildPipeline(dev, code, layout, "a stencil");
 */
export async function buildPipeline(dev: GpuDevice, code: string, layout: GPUBindGroupLayout, what: string): Promise<GPUComputePipeline> {
  const module = dev.device.createShaderModule({ code });
  try {
    return await dev.device.createComputePipelineAsync({ layout: dev.device.createPipelineLayout({ bindGroupLayouts: [layout] }), compute: { module, entryPoint: "main" } });
  } catch (e) {
    const info = await module.getCompilationInfo().catch(() => null);
    const messages = info?.messages.map((m) => `${m.lineNum}:${m.linePos} ${m.message}`).join("; ") ?? "";
    throw new RuntimeFailure("kernel-compile", `backend "webgpu": the WGSL of ${what} did not compile (${messages || String(e)})`);
  }
}

async function buildStencil(dev: GpuDevice, prim: Prim.Stencil | Prim.StencilGather, p: StencilParams, extraShapes: readonly (readonly number[])[]): Promise<GpuStencil | null> {
  let kernel: WgslKernel;
  try {
    kernel = emitWgsl(lowerNestForGpu(runPipeline(p, extraShapes, {}, prim === Prim.StencilGather)));
  } catch (e) {
    if (e instanceof NotScalarizable) return null;
    // a construct the WGSL printer lacks: an error naming it, never a wrong result
    if (e instanceof NotWgslPrintable) throw new RuntimeFailure("kernel-compile", `backend "webgpu" cannot compile ${describe(prim, p)}: ${e.message}`);
    throw e;
  }
  // more arrays than the device binds: the equation runs on the interpreter
  if (kernel.bindings.length + 1 > dev.device.limits.maxStorageBuffersPerShaderStage) return null;
  execLog(3, () => `generated WGSL:\n${kernel.code}`);
  const layout = layoutOf(dev, kernel);
  const pipeline = await buildPipeline(dev, kernel.code, layout, describe(prim, p));
  const tables = dev.device.createBuffer({ size: Math.max(256, kernel.tables.byteLength), usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST });
  dev.device.queue.writeBuffer(tables, 0, kernel.tables.buffer, kernel.tables.byteOffset, kernel.tables.byteLength);
  return { kernel, pipeline, layout, tables };
}

/**
 * The pipeline of a stencil equation on `dev`, or null when it runs on the
 * interpreter (a kernel that cannot be scalarized, or too many arrays).
 *
 * @example
 * const s = await gpuStencil(dev, Prim.Stencil, params, []);
 */
export function gpuStencil(dev: GpuDevice, prim: Prim.Stencil | Prim.StencilGather, p: StencilParams, extraShapes: readonly (readonly number[])[]): Promise<GpuStencil | null> {
  const cache = deviceCache(dev, "stencils", () => new Map<string, Promise<GpuStencil | null>>());
  const key = structuralKey(prim === Prim.StencilGather, p, extraShapes);
  let s = cache.get(key);
  if (s === undefined) {
    s = buildStencil(dev, prim, p, extraShapes);
    cache.set(key, s);
    s.catch(() => cache.delete(key));
  }
  return s;
}

/**
 * The pipeline summing rows: out[e] = Σ_r x[r·sr + e·se] for e < n, r < rows
 * (a grid reduction's partial rows: sr = n, se = 1; a sum over an array's
 * leading or trailing axes), one workgroup per element. Invocation t adds rows t, t + 64, t + 128, … in
 * order, then the 64 partial sums are added pairwise in workgroup memory
 * (a tree of 6 levels, each one a fixed pairing): the same order, so the
 * same bits, on every run and device.
 */
export interface CombinePipeline {
  readonly pipeline: GPUComputePipeline;
  readonly layout: GPUBindGroupLayout;
}

const COMBINE_CODE = `struct KParams { rows: i32, n: i32, sr: i32, se: i32 }
@group(0) @binding(0) var<uniform> kparams: KParams;
@group(0) @binding(1) var<storage, read> partial: array<f32>;
@group(0) @binding(2) var<storage, read_write> result: array<f32>;
var<workgroup> sums: array<f32, ${WGSL_WORKGROUP_SIZE}>;

@compute @workgroup_size(${WGSL_WORKGROUP_SIZE})
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_index) t: u32) {
  let e: i32 = i32(wid.x + wid.y * 65535u);
  var s: f32 = 0.0f;
  if (e < kparams.n) {
    for (var r: i32 = i32(t); r < kparams.rows; r = r + ${WGSL_WORKGROUP_SIZE}) { s = s + partial[r * kparams.sr + e * kparams.se]; }
  }
  sums[t] = s;
  for (var half: u32 = ${WGSL_WORKGROUP_SIZE / 2}u; half > 0u; half = half / 2u) {
    workgroupBarrier();
    if (t < half) { sums[t] = sums[t] + sums[t + half]; }
  }
  if (t == 0u && e < kparams.n) { result[e] = sums[0]; }
}
`;

/**
 * The partial-rows sum pipeline of `dev` (built once).
 *
 * @example
 * const c = await combinePipeline(dev);
 */
export function combinePipeline(dev: GpuDevice): Promise<CombinePipeline> {
  return deviceCache(dev, "combine", async (): Promise<CombinePipeline> => {
    const layout = dev.device.createBindGroupLayout({
      entries: [
        { binding: 0, visibility: GPUShaderStage.COMPUTE, buffer: { type: "uniform" } },
        { binding: 1, visibility: GPUShaderStage.COMPUTE, buffer: { type: "read-only-storage" } },
        { binding: 2, visibility: GPUShaderStage.COMPUTE, buffer: { type: "storage" } },
      ],
    });
    return { layout, pipeline: await buildPipeline(dev, COMBINE_CODE, layout, "the partial sums of a grid reduction") };
  });
}
