/**
 * @file Runs a `scan_sweep` equation's compiled kernel (sweep-kernel.ts):
 * in one call on the calling thread, or, when the lowering split it into
 * steps of slices (compiler/loop/schedule.ts sweepSchedule), step after
 * step, on the calling thread or split by input rows across the worker pool
 * (runtime/pool.ts) when a step is large enough. Every split gives the same
 * bits. Sweeps that cannot be compiled run on the reference interpreter.
 */
import type { Aval } from "../../compiler/ir";
import { evalPrim } from "../../compiler/interpret";
import { allocStorage, type Storage, type Tensor } from "../../compiler/tensor";
import { Prim, type ScanSweepParams } from "../../compiler/primitives";
import { ctInputs } from "../../compiler/scan-sweep";
import { allocate, bytesOf, isShared, plainCopy } from "../buffers";
import { whileRunning } from "../failure";
import { NO_SCALARS } from "../kernel-function";
import { MIN_WORK_PER_COPIED_STEP, MIN_WORK_PER_STEP, SHARED_ARRAY_ELEMENTS } from "../partition-work";
import { getPool } from "../pool";
import { acquireScratch, acquireZeroedScratch, releaseScratch } from "../scratch";
import { handOutShared, mayHandOutShared } from "../shared-budget";
import { configuredWorkers, execLog } from "./settings";
import { compileSweep, type CompiledSweep } from "./sweep-kernel";

/**
 * Run a sweep equation on concrete buffers (the results' data are fresh).
 *
 * @example
 * runScanSweep(inputs, params, abstractEval(Prim.ScanSweep, inputs, params));
 */
export function runScanSweep(inputs: readonly Tensor[], p: ScanSweepParams, outAvals: readonly Aval[]): Tensor[] {
  const dtype = inputs[0]!.dtype;
  const compiled = compileSweep(p, inputs.map((x) => x.shape), dtype);
  if (compiled === null) return evalPrim(Prim.ScanSweep, inputs, p, outAvals);
  const sizes = outSizes(p, compiled, outAvals);
  const workers = workersFor(inputs, p, compiled);
  const dtypes = outAvals.map((a) => a.dtype);
  const outs = workers === 0 ? runLocal(inputs, p, compiled, sizes, dtypes) : runSharded(inputs, p, compiled, sizes, dtypes, workers);
  return outAvals.map((a, j): Tensor => {
    const n = a.shape.reduce((m, d) => m * d, 1);
    return { shape: a.shape, dtype: a.dtype, data: sizes[j] === n ? outs[j]! : sumRows(outs[j]!, sizes[j]! / n, n) };
  });
}

/** Elements of each output as the kernel writes it: a scalar extra's cotangent has Schedule.partialRows rows. */
function outSizes(p: ScanSweepParams, compiled: CompiledSweep, outAvals: readonly Aval[]): number[] {
  const W = p.scan.nWindowed;
  const rows = compiled.schedule.partialRows;
  return outAvals.map((a, j) => {
    const n = a.shape.reduce((m, d) => m * d, 1);
    return j >= W && rows > 0 && p.scan.gridDims[j - W]!.length === 0 ? rows * n : n;
  });
}

/**
 * Worker threads for a split sweep (0: the calling thread alone). Each step
 * ends at a barrier, so one step's work must pay for the threads; inputs
 * the workers cannot see are copied first, so then it must pay for that
 * too (the floors of forward scans, runtime/partition-work.ts).
 */
function workersFor(inputs: readonly Tensor[], p: ScanSweepParams, compiled: CompiledSweep): number {
  const s = compiled.schedule;
  if (!s.parallel || s.n < 2) return 0;
  const cellsPerStep = p.scan.spec.gridShape.slice(s.stepDims).reduce((a, g) => a * g, 1);
  // small inputs (a mesh's constants) cost nothing to copy
  const copied = inputs.some((x) => !isShared(x.data) && x.data.length >= SHARED_ARRAY_ELEMENTS);
  if (cellsPerStep * compiled.costPerCell < 2 * (copied ? MIN_WORK_PER_COPIED_STEP : MIN_WORK_PER_STEP)) return 0;
  return configuredWorkers(true);
}

/** In place, the accumulators start as the cotangents of the final state. */
function initAccumulators(inputs: readonly Tensor[], p: ScanSweepParams, outs: readonly Storage[]): void {
  if (p.scan.spec.placement !== "inplace") return;
  ctInputs(p, inputs).forEach((ins, j) => ins.length > 0 && outs[j]!.set(ins[0]!.data));
}

/** On the calling thread: one call, or every step in order over all rows. */
function runLocal(inputs: readonly Tensor[], p: ScanSweepParams, compiled: CompiledSweep, sizes: readonly number[], dtypes: readonly Aval["dtype"][]): Storage[] {
  const outs: Storage[] = sizes.map((n, j) => allocStorage(dtypes[j]!, n));
  initAccumulators(inputs, p, outs);
  const f = [...inputs.map((x) => x.data), ...outs];
  const s = compiled.schedule;
  for (let k = 0; k < s.steps; k++) compiled.fn(f, compiled.tables, NO_SCALARS, 0, s.n, k);
  return outs;
}

/** Split across the pool: inputs the workers cannot see copied to scratch, the accumulators shared results. */
function runSharded(inputs: readonly Tensor[], p: ScanSweepParams, compiled: CompiledSweep, sizes: readonly number[], dtypes: readonly Aval["dtype"][], workers: number): Storage[] {
  const scratch: Storage[] = [];
  const readable = (x: Tensor): Storage => {
    if (isShared(x.data)) return x.data;
    const c = acquireScratch(x.dtype, x.data.length);
    scratch.push(c);
    c.set(x.data);
    return c;
  };
  const f = inputs.map(readable);
  // the results themselves, shared (recycled by the buffer pool when it has them): no copy out; beyond
  // the shared memory handed out (runtime/shared-budget.ts), zeroed scratch copied out after the run
  const handOut = mayHandOutShared(sizes.reduce((b, n, j) => b + bytesOf(dtypes[j]!, n), 0));
  const acc = sizes.map((n, j) => (handOut ? handOutShared(allocate(dtypes[j]!, n, true)) : acquireZeroedScratch(dtypes[j]!, n)));
  if (!handOut) scratch.push(...acc);
  initAccumulators(inputs, p, acc);
  const s = compiled.schedule;
  try {
    const t0 = performance.now();
    getPool(workers).runSync({ hash: compiled.hash, body: compiled.body, factory: true, fn: compiled.fn, f: [...f, ...acc], t: compiled.tables, n: s.n, steps: s.steps, work: undefined, grain: 1 });
    execLog(4, () => `sharded a scan_sweep: ${s.steps} steps of rows [0, ${s.n}) on ${workers} worker(s) + caller in ${(performance.now() - t0).toFixed(2)} ms`);
  } catch (e) {
    scratch.forEach((x) => releaseScratch(x));
    whileRunning(e, "a scan_sweep");
  }
  const outs = handOut ? acc : acc.map((a) => plainCopy(a));
  scratch.forEach((x) => releaseScratch(x));
  return outs;
}


/**
 * The sum of `rows` partial rows of n elements, row after row in order from
 * 0 (in float64, rounded once for float32): the same for every split.
 */
function sumRows(partials: Storage, rows: number, n: number): Storage {
  const sums = new Float64Array(n);
  for (let r = 0; r < rows; r++) {
    for (let i = 0; i < n; i++) sums[i]! += partials[r * n + i]!;
  }
  const out = allocStorage(partials instanceof Float32Array ? "float32" : "float64", n);
  out.set(sums);
  return out;
}
