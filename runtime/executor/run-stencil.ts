/**
 * @file Runs a stencil equation's compiled kernel (runtime/executor/stencil-kernel.ts)
 * on concrete buffers: the outputs are allocated (scans work on copies, so
 * inputs are never modified; see stencil-buffers.ts) and the generated
 * function runs on the calling thread, or split across the worker pool
 * (runtime/pool.ts) when the work is large enough. Kernels that cannot be
 * compiled (see NotScalarizable) run on the interpreter.
 */
import type { Aval } from "../../compiler/ir";
import { evalPrim } from "../../compiler/interpret";
import type { Storage, Tensor } from "../../compiler/tensor";
import { Prim, type StencilParams } from "../../compiler/primitives";
import type { Schedule } from "../../compiler/codegen/emit-stencil";
import { allocateUninitialized } from "../buffers";
import { whileRunning } from "../failure";
import { MIN_WORK_PER_COPIED_STEP, MIN_WORK_PER_PIPELINED_STEP, MIN_WORK_PER_STEP, MIN_WORK_PER_THREAD, splitPaysForCopies } from "../partition-work";
import { NO_SCALARS } from "../kernel-function";
import { getPool, type Job } from "../pool";
import { compileStencil, type CompiledStencil } from "./stencil-kernel";
import { prepare, prepareLocal, RANGES_PER_THREAD, scanCopied, shardCopyBytes, writesDirect, type Prepared } from "./stencil-buffers";
import { guardBeside } from "./guard-beside";
import { runWasmSharded } from "./run-wasm-sharded";
import { configuredWorkers, execLog, execSettings } from "./settings";
import { pipelines, wavefrontJob } from "./wavefront";
import { wasmBackendActive } from "../wasm/backend-flag";
import { elementOf, shardedWasmKernelFor, wasmKernelFor, type ShardedWasmKernel, type WasmKernel } from "../wasm/wasm-kernel";

/** Cells the compiled function loops over: grid cells, or output cells for a pull-form gather. */
function cellsRun(params: StencilParams, s: Schedule): number {
  const shape = s.rows && !s.adds ? params.spec.inShape : params.spec.gridShape;
  return shape.reduce((n, g) => n * g, 1);
}

/**
 * Worker threads to use for a job of `work` units (0: the calling thread
 * alone). `copied`: would a multi-step job's working copy go through
 * scratch (see MIN_WORK_PER_COPIED_STEP)? Asked only when it matters.
 */
function workersFor(compiled: CompiledStencil, params: StencilParams, cells: number, sync: boolean, copied: () => boolean, copyBytes: () => number): number {
  if (!compiled.schedule.parallel || compiled.schedule.n < 2) return 0;
  const { steps } = compiled.schedule;
  // every step ends at a barrier, or waits on a neighbour, so it is the work of one step that must pay for the threads
  const work = (cells / steps) * compiled.costPerCell;
  const floor = steps === 1 ? MIN_WORK_PER_THREAD : copied() ? MIN_WORK_PER_COPIED_STEP : pipelines(compiled, params) ? MIN_WORK_PER_PIPELINED_STEP : MIN_WORK_PER_STEP;
  if (work < 2 * floor) return 0;
  const workers = configuredWorkers(sync);
  // a synchronous single step must also save more than the calling thread copies for it
  // (an asynchronous call shards to leave the calling thread free, copies and all)
  if (sync && steps === 1 && workers > 0 && !splitPaysForCopies(work, 1 + workers, copyBytes())) return 0;
  return workers;
}

function job(compiled: CompiledStencil, cells: number, prepared: Prepared): Job {
  const s = compiled.schedule;
  const { f, callerF, onWorkerRange } = prepared;
  // a reduce's partial rows are any thread's to take too (each call writes only its own rows)
  const grain = callerF === undefined && s.partialRows === 0 ? 1 : RANGES_PER_THREAD;
  // multi-step jobs were judged per step (workersFor): no total for the pool to judge again
  const work = s.steps > 1 ? undefined : cells * compiled.costPerCell;
  return { hash: compiled.hash, body: compiled.body, factory: true, fn: compiled.fn, f, callerF, onWorkerRange, t: compiled.tables, n: s.n, steps: s.steps, work, grain };
}

function interpreted(prim: Prim.Stencil | Prim.StencilGather, inputs: readonly Tensor[], params: StencilParams, outAvals: readonly Aval[]): Tensor[] {
  return evalPrim(prim, inputs, params, outAvals);
}

/** The shapes of a stencil's inputs after the windowed ones. */
function extraShapes(inputs: readonly Tensor[], params: StencilParams): (readonly number[])[] {
  const shapes: (readonly number[])[] = [];
  for (let i = params.nWindowed; i < inputs.length; i++) shapes.push(inputs[i]!.shape);
  return shapes;
}

/**
 * Run a stencil equation on concrete buffers (the results' data are fresh).
 *
 * @example
 * runStencil(Prim.Stencil, [x], params, abstractEval(Prim.Stencil, [x], params));
 */
export function runStencil(prim: Prim.Stencil | Prim.StencilGather, inputs: readonly Tensor[], params: StencilParams, outAvals: readonly Aval[], beside?: () => void): Tensor[] {
  const compiled = compileStencil(prim, params, extraShapes(inputs, params));
  if (compiled === null) {
    beside?.();
    return interpreted(prim, inputs, params, outAvals);
  }
  if (compiled.schedule.partialRows > 0) return combinePartials(runCompiled(prim, inputs, params, partialAvals(outAvals, compiled.schedule), compiled, beside), outAvals);
  return runCompiled(prim, inputs, params, outAvals, compiled, beside);
}

/**
 * Worker threads a synchronous run of this stencil equation would use
 * (0: the calling thread alone, also when it is not compiled), as runStencil decides.
 *
 * @example
 * stencilWorkers(Prim.Stencil, [x], params, outAvals); // 1 for a large conv2d with one worker configured
 */
export function stencilWorkers(prim: Prim.Stencil | Prim.StencilGather, inputs: readonly Tensor[], params: StencilParams, outAvals: readonly Aval[]): number {
  const compiled = compileStencil(prim, params, extraShapes(inputs, params));
  if (compiled === null) return 0;
  const avals = compiled.schedule.partialRows > 0 ? partialAvals(outAvals, compiled.schedule) : outAvals;
  return threadsFor(prim, inputs, params, avals, compiled).workers;
}

/**
 * runCompiled's choice: the JavaScript kernel or (the "wasm" backend) a
 * WebAssembly one where the decider finds it pays (runtime/wasm/wasm-kernel.ts),
 * on `workers` workers and the calling thread (0: the calling thread
 * alone); a sharded WebAssembly kernel runs as `sharded`.
 */
function threadsFor(
  prim: Prim.Stencil | Prim.StencilGather,
  inputs: readonly Tensor[],
  params: StencilParams,
  outAvals: readonly Aval[],
  compiled: CompiledStencil,
): { kernel: WasmKernel | null; sharded: ShardedWasmKernel | null; workers: number } {
  const workers = workersFor(compiled, params, cellsRun(params, compiled.schedule), true, () => scanCopied(prim, inputs, params), () => shardCopyBytes(inputs, outAvals));
  if (prim !== Prim.Stencil || !wasmBackendActive()) return { kernel: null, sharded: null, workers };
  const types = [...inputs, ...outAvals].map((x) => elementOf(x.dtype));
  // maps only (the decider's rule): one step, each range writing its own cells; the one-thread module is then not built
  const sharded = workers > 0 && compiled.schedule.steps === 1 ? shardedWasmKernelFor(params, extraShapes(inputs, params), compiled, types) : null;
  if (sharded !== null) return { kernel: null, sharded, workers };
  const kernel = wasmKernelFor(params, extraShapes(inputs, params), compiled, types);
  return { kernel, sharded: null, workers: kernel === null ? workers : 0 };
}


/**
 * A reduce over the grid's results as the compiled function writes them:
 * each output as rows of partial sums (Schedule.partialRows).
 */
function partialAvals(outAvals: readonly Aval[], s: Schedule): Aval[] {
  return outAvals.map((a) => ({ shape: [s.partialRows, a.shape.reduce((n, d) => n * d, 1)], dtype: a.dtype }));
}

/**
 * The sums of the partial rows, row after row in order from 0 (in float64,
 * rounded once for float32): the same for every split of the rows between
 * threads.
 */
function combinePartials(partials: readonly Tensor[], outAvals: readonly Aval[]): Tensor[] {
  return outAvals.map((a, j) => {
    const [rows, n] = partials[j]!.shape as [number, number];
    const src = partials[j]!.data;
    const sums = new Float64Array(n);
    for (let r = 0; r < rows; r++) {
      for (let f = 0; f < n; f++) sums[f]! += src[r * n + f]!;
    }
    const out = allocateUninitialized(a.dtype, n);
    out.set(sums);
    return { shape: a.shape, dtype: a.dtype, data: out };
  });
}

/**
 * runStencil with its compiled code, for `outAvals` as the compiled
 * function writes them; `beside` as in WorkerPool.runSync (run first when
 * this runs on the calling thread alone).
 */
function runCompiled(prim: Prim.Stencil | Prim.StencilGather, inputs: readonly Tensor[], params: StencilParams, outAvals: readonly Aval[], compiled: CompiledStencil, beside?: () => void): Tensor[] {
  const cells = cellsRun(params, compiled.schedule);
  const { kernel, sharded, workers } = threadsFor(prim, inputs, params, outAvals, compiled);
  if (sharded !== null) return runWasmSharded(sharded, { prim, inputs, params, outAvals }, compiled, workers, cells, beside);
  if (workers === 0) {
    beside?.();
    const { f, outs } = prepareLocal(prim, inputs, params, outAvals, compiled.schedule, compiled.uncovered);
    (kernel?.fn ?? compiled.fn)(f, compiled.tables, NO_SCALARS, 0, compiled.schedule.n, -1);
    return outAvals.map((a, j): Tensor => ({ shape: a.shape, dtype: a.dtype, data: outs[j]! }));
  }
  const t0 = performance.now();
  const prepared = prepare(prim, inputs, params, outAvals, true, compiled.schedule, writesDirect(prim, params, compiled.schedule), compiled.uncovered);
  let outs: Storage[] | null = null;
  const { guarded, rethrow } = guardBeside(beside);
  try {
    const t1 = performance.now();
    const pool = getPool(workers);
    const run = wavefrontJob(compiled, params, job(compiled, cells, prepared), 1 + workers);
    try {
      pool.runSync(run, guarded);
    } catch (e) {
      whileRunning(e, "a stencil");
    }
    execLog(4, () => {
      const by = pool.lastRun?.ranBy.join(",") ?? "";
      const steps = compiled.schedule.steps === 1 ? "" : run.steps === 1 ? `, ${compiled.schedule.steps} steps as a wavefront` : `, ${compiled.schedule.steps} steps with barriers`;
      return `sharded ${cells} cells on ${workers} worker(s) + caller${steps}: prepare ${(t1 - t0).toFixed(2)} ms, run ${(performance.now() - t1).toFixed(2)} ms, ranges by [${by}]`;
    });
    outs = prepared.finish(true);
  } finally {
    if (outs === null) prepared.finish(false);
  }
  rethrow();
  return outAvals.map((a, j): Tensor => ({ shape: a.shape, dtype: a.dtype, data: outs[j]! }));
}

/**
 * Like runStencil, but the calling thread only waits (a browser's main thread): sharded when possible.
 *
 * @example
 * await runStencilAsync(Prim.Stencil, [x], params, outAvals);
 */
export async function runStencilAsync(prim: Prim.Stencil | Prim.StencilGather, inputs: readonly Tensor[], params: StencilParams, outAvals: readonly Aval[]): Promise<Tensor[]> {
  if (!execSettings().codegen) return interpreted(prim, inputs, params, outAvals);
  const compiled = compileStencil(prim, params, extraShapes(inputs, params));
  if (compiled === null) return interpreted(prim, inputs, params, outAvals);
  const cells = cellsRun(params, compiled.schedule);
  const workers = workersFor(compiled, params, cells, false, () => scanCopied(prim, inputs, params), () => shardCopyBytes(inputs, outAvals));
  if (workers === 0) return runStencil(prim, inputs, params, outAvals);
  const partial = compiled.schedule.partialRows > 0;
  const runAvals = partial ? partialAvals(outAvals, compiled.schedule) : outAvals;
  const prepared = prepare(prim, inputs, params, runAvals, true, compiled.schedule, false, compiled.uncovered);
  let outs: Storage[] | null = null;
  try {
    await getPool(workers).runAsync(wavefrontJob(compiled, params, job(compiled, cells, prepared), workers));
    outs = prepared.finish(true);
  } catch (e) {
    whileRunning(e, "a stencil");
  } finally {
    if (outs === null) prepared.finish(false);
  }
  const results = runAvals.map((a, j): Tensor => ({ shape: a.shape, dtype: a.dtype, data: outs![j]! }));
  return partial ? combinePartials(results, outAvals) : results;
}
