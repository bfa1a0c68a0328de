/// <reference types="@webgpu/types" />
/**
 * @file The webgpu executor: a program equation by equation, its values on
 * the device where they were made there. Stencil equations (maps, scans,
 * gathers, grid reductions) run as compute shaders on device arrays
 * (run-stencil-gpu.ts); a loop keeps its carries on the device for every
 * step (each step's body runs here, so a step is one dispatch per stencil,
 * and the carries of the step before go back to the pool: ping-pong);
 * reshapes and leading/trailing sums of device arrays stay on the device
 * (run-reduce-gpu.ts); every other equation runs on the host
 * (runtime/executor/run-program.ts runEqn: its inputs read back, its
 * results uploaded when a shader needs them).
 * Inputs are uploaded once per call and results read back once at its end.
 */
import { Lit, sizeOf, type Aval, type Atom, type Program, type Var } from "../../compiler/ir";
import { Prim, type DType, type LoopParams } from "../../compiler/primitives";
import { loopPosition } from "../../compiler/fori-loop";
import { optimizeProgram } from "../../compiler/passes/program-pipeline";
import type { Tensor } from "../../compiler/tensor";
import { tensor } from "../../compiler/tensor";
import { runEqn } from "../executor/run-program";
import { RuntimeFailure } from "../failure";
import { checkNotLost, gpuDevice, type GpuDevice } from "./device";
import { readArray, releaseArray, uploadArray, type DeviceArray } from "./device-arrays";
import { runOnDevice } from "./run-reduce-gpu";
import { runStencilGpu } from "./run-stencil-gpu";

/** A value of a run: on the host, on the device, or both (an upload or readback is kept). */
interface GpuValue {
  readonly aval: Aval;
  host: Tensor | null;
  device: DeviceArray | null;
}

/** The device arrays a program's run made: released when it ends, except those it returns (they pass to its caller). */
type Scope = DeviceArray[];

function hostValue(t: Tensor): GpuValue {
  return { aval: { shape: t.shape, dtype: t.dtype }, host: t, device: null };
}

function scalar(value: number, dtype: DType): Tensor {
  const t = tensor([], dtype);
  t.data[0] = value;
  return t;
}

function toDevice(dev: GpuDevice, v: GpuValue, scope: Scope): DeviceArray {
  if (v.device === null) {
    v.device = uploadArray(dev, v.host!.data);
    scope.push(v.device);
  }
  return v.device;
}

async function toHost(dev: GpuDevice, v: GpuValue): Promise<Tensor> {
  if (v.host === null) {
    const values = await readArray(dev, v.device!);
    const t = tensor(v.aval.shape, v.aval.dtype);
    t.data.set(values);
    v.host = t;
  }
  return v.host;
}

/**
 * Where the equations of the last run went: stencils run as shaders
 * ("gpu"), and the primitives of those that ran on the host, in order
 * (what docs/webgpu.md lists as not yet on the GPU). Tests read it.
 */
export interface GpuRunRecord {
  readonly gpu: string[];
  readonly host: string[];
}

let record: GpuRunRecord = { gpu: [], host: [] };

/**
 * The record of the last run (see GpuRunRecord).
 *
 * @example
 * lastGpuRun().host; // [] when every equation ran as a shader
 */
export function lastGpuRun(): GpuRunRecord {
  return record;
}

/** Run one equation; its results' device arrays are recorded in `scope`. */
async function runEqnGpu(dev: GpuDevice, prim: Prim, ins: GpuValue[], params: unknown, outAvals: readonly Aval[], scope: Scope): Promise<GpuValue[]> {
  if (prim === Prim.Stencil || prim === Prim.StencilGather) {
    const arrays = ins.map((v) => toDevice(dev, v, scope));
    const scratch: DeviceArray[] = [];
    const outs = await runStencilGpu(dev, prim, arrays, ins.map((v) => v.aval.shape), params as never, outAvals, scratch);
    scratch.forEach((a) => releaseArray(dev, a));
    if (outs !== null) {
      record.gpu.push(`${prim} (${(params as { spec: { kind: string } }).spec.kind})`);
      scope.push(...outs);
      return outs.map((d, j) => ({ aval: outAvals[j]!, host: null, device: d }));
    }
  }
  if (prim === Prim.ForiLoop) return runLoopGpu(dev, ins, params as LoopParams, outAvals, scope);
  // a reshape or sum of an array already on the device stays there
  if (ins.length === 1 && ins[0]!.device !== null) {
    const out = await runOnDevice(dev, prim, ins[0]!.device, ins[0]!.aval.shape, params, outAvals[0]!, scope);
    if (out !== null) {
      record.gpu.push(prim);
      return [{ aval: outAvals[0]!, host: null, device: out }];
    }
  }
  record.host.push(prim);
  const hosts = await Promise.all(ins.map((v) => toHost(dev, v)));
  return runEqn(prim, hosts, params as never, outAvals).map(hostValue);
}

/**
 * Run a program on values; the returned values' device arrays made here
 * pass to `outer`, the others go back to the pool.
 */
async function runProgramGpu(dev: GpuDevice, program: Program, args: readonly GpuValue[], outer: Scope): Promise<GpuValue[]> {
  const scope: Scope = [];
  const env = new Map<Var, GpuValue>();
  // wrappers: an upload made here is recorded here, not on the caller's value
  program.inputs.forEach((v, i) => env.set(v, { ...args[i]! }));
  for (const eqn of program.eqns) {
    const literal = eqn.inputs.find((a): a is Lit => a instanceof Lit);
    const read = (a: Atom): GpuValue => (a instanceof Lit ? hostValue(scalar(a.value, literal!.aval.dtype)) : env.get(a)!);
    const outs = await runEqnGpu(dev, eqn.prim, eqn.inputs.map(read), eqn.params, eqn.outputs.map((v) => v.aval), scope);
    eqn.outputs.forEach((v, i) => env.set(v, outs[i]!));
  }
  const outs = program.outputs.map((a) => (a instanceof Lit ? hostValue(scalar(a.value, a.aval.dtype)) : env.get(a)!));
  const kept = new Set(outs.map((v) => v.device));
  for (const a of scope) {
    if (kept.has(a)) outer.push(a);
    else releaseArray(dev, a);
  }
  return outs;
}

/** Loop bodies after the program passes, by loop (as the JavaScript loop kernel optimizes them). */
const optimizedBodies = new WeakMap<Program, Program>();

/**
 * A loop whose carries stay on the device: the body runs once per step
 * here; a step's carries replace the step before's, whose arrays go back
 * to the pool (two buffers per carry alternate). The ys are read back and
 * stacked on the host at the end.
 */
async function runLoopGpu(dev: GpuDevice, ins: GpuValue[], p: LoopParams, outAvals: readonly Aval[], scope: Scope): Promise<GpuValue[]> {
  let body = optimizedBodies.get(p.body);
  if (body === undefined) optimizedBodies.set(p.body, (body = optimizeProgram(p.body)));
  const nc = p.nCarry;
  const lower = (await toHost(dev, ins[0]!)).data[0]!;
  const dtype = ins[0]!.aval.dtype;
  let carries = ins.slice(1, 1 + nc);
  carries.forEach((c) => toDevice(dev, c, scope));
  const xs = await Promise.all(ins.slice(1 + nc, 1 + nc + p.nXs).map((x) => toHost(dev, x)));
  const invariants = ins.slice(1 + nc + p.nXs);
  invariants.forEach((v) => toDevice(dev, v, scope));
  const ys = outAvals.slice(nc).map((a) => tensor(a.shape, a.dtype));
  let owned: Scope = [];
  for (let t = 0; t < p.steps; t++) {
    const pos = loopPosition(p, t);
    const rows = xs.map((x): GpuValue => {
      const n = sizeOf(x.shape.slice(1));
      return hostValue({ shape: x.shape.slice(1), dtype: x.dtype, data: x.data.subarray(pos * n, (pos + 1) * n) });
    });
    const made: Scope = [];
    const outs = await runProgramGpu(dev, body, [hostValue(scalar(lower + pos, dtype)), ...carries, ...rows, ...invariants], made);
    for (let j = nc; j < outs.length; j++) {
      const y = await toHost(dev, outs[j]!);
      ys[j - nc]!.data.set(y.data, pos * sizeOf(y.shape));
    }
    carries = outs.slice(0, nc);
    const live = new Set(carries.map((c) => c.device));
    const next: Scope = [];
    for (const a of [...owned, ...made]) {
      if (live.has(a)) next.push(a);
      else releaseArray(dev, a);
    }
    owned = next;
  }
  scope.push(...owned);
  return [...carries, ...ys.map(hostValue)];
}

/**
 * Run a program on the GPU: inputs uploaded once, results read back once
 * (float32 arrays). Failures (no device, a shader that does not compile,
 * validation or out-of-memory errors, a lost device) are RuntimeFailures.
 *
 * @example
 * const [y] = await runProgramOnGpu(program, [x]);
 */
export async function runProgramOnGpu(program: Program, inputs: readonly Tensor[]): Promise<Tensor[]> {
  const dev = await gpuDevice();
  record = { gpu: [], host: [] };
  dev.device.pushErrorScope("out-of-memory");
  dev.device.pushErrorScope("validation");
  const scope: Scope = [];
  let results: Tensor[] = [];
  try {
    const outs = await runProgramGpu(dev, program, inputs.map(hostValue), scope);
    results = await Promise.all(outs.map(async (v) => float32(await toHost(dev, v))));
  } finally {
    const validation = await dev.device.popErrorScope().catch(() => null);
    const memory = await dev.device.popErrorScope().catch(() => null);
    scope.forEach((a) => releaseArray(dev, a));
    checkNotLost(dev);
    if (memory !== null) throw new RuntimeFailure("unavailable", `backend "webgpu": the GPU ran out of memory (${memory.message})`);
    if (validation !== null) throw new RuntimeFailure("bad-job", `backend "webgpu": the device rejected a command (${validation.message})`);
  }
  return results;
}

/** A tensor as float32 (the webgpu backend's results are float32 arrays). */
function float32(t: Tensor): Tensor {
  if (t.dtype === "float32") return t;
  const out = tensor(t.shape, "float32");
  out.data.set(t.data);
  return out;
}
