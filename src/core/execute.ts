/**
 * @file Runs stencil equations through compiled code: look up (or build) the
 * generated function for the equation's structure (loop pipeline, then code
 * generation), allocate the outputs (scans work on copies, so inputs are
 * never modified), and call it — on the calling thread, or split across the
 * worker pool when the work is large enough (runtime/pool.ts).
 * Kernels that cannot be compiled (see NotScalarizable) run on the interpreter.
 */
import type { Aval } from "../../compiler/ir";
import { evalPrim } from "../../compiler/interpret";
import type { Storage } from "../../compiler/tensor";
import { ByteLru, sourceBytes } from "../../compiler/byte-lru";
import { cacheKey } from "../../compiler/cache-key";
import { printProgram } from "../../compiler/ir-print";
import { Prim, type StencilParams } from "../../compiler/primitives";
import { compileBody, type CompiledBody } from "../../compiler/codegen/compile";
import { emitStencil, type Schedule } from "../../compiler/codegen/emit-stencil";
import { NotScalarizable } from "../../compiler/codegen/scalarize";
import { scanWritesInPlace } from "../../compiler/loop/loop-ir";
import { runPipeline } from "../../compiler/passes/pipeline";
import { allocate, allocateUninitialized, dtypeOf, isShared, type FloatDType } from "../../runtime/buffers";
import { acquireScratch, acquireZeroedScratch, releaseScratch } from "../../runtime/scratch";
import { RuntimeFailure } from "../../runtime/failure";
import { MIN_WORK_PER_COPIED_STEP, MIN_WORK_PER_STEP, MIN_WORK_PER_THREAD } from "../../runtime/partition-work";
import { canBlock, sharedMemoryUsable } from "../../runtime/platform";
import { defaultPoolSize, getPool, type Job } from "../../runtime/pool";
import { debugLog, debugLogger, getConfig } from "../config";
import { KernexError } from "../errors";
import { checkArraySize } from "../ndarray/limits";
import { NDArray } from "../ndarray/ndarray";
import { hashText } from "./hash-text";

/**
 * A stencil ready to run.
 *
 * @example
 * compileStencil(Prim.Stencil, params, [])?.body; // the generated loop code
 */
export interface CompiledStencil {
  readonly fn: CompiledBody;
  readonly body: string;
  /** Identifies `body` for the workers' compile caches. */
  readonly hash: string;
  readonly tables: readonly Int32Array[];
  readonly schedule: Schedule;
  /** Estimated work per grid cell (scalar operations), for the sharding threshold. */
  readonly costPerCell: number;
}

/** Distinct stencil structures kept compiled; the least recently used is dropped first. */
export const STENCIL_CACHE_SIZE = 256;
/** Bytes compiled stencils may retain (index tables, source): 128 MiB, beyond the newest entry (see ByteLru). */
export const STENCIL_CACHE_BYTES = 128 << 20;

/**
 * Structural cache: the same geometry and kernels give the same code. An
 * entry retains its index tables (4 bytes per cell of a padded axis) and its
 * source, so it is bounded by bytes as well as entries (compiler/byte-lru.ts).
 */
const byKey = new ByteLru<string, CompiledStencil | null>("compiled stencils", STENCIL_CACHE_SIZE, STENCIL_CACHE_BYTES);
/** The structural key of a params object and extra shapes: a hit skips printing the kernels, and keeps nothing alive itself. */
const byParams = new WeakMap<StencilParams, Map<string, string>>();

/** Number of stencil structures kept compiled (for tests of the bound). */
export function stencilCacheSize(): number {
  return byKey.size;
}

/** Bytes the compiled stencils retain (tables and source), as the cache counts them (for tests of the bound). */
export function stencilCacheBytes(): number {
  return byKey.bytes;
}

/** Bytes a compiled stencil retains: its index tables, its source and compiled code, its key. */
function retainedBytes(key: string, compiled: CompiledStencil | null): number {
  if (compiled === null) return 2 * key.length;
  return 2 * key.length + sourceBytes(compiled.body) + compiled.tables.reduce((n, t) => n + t.byteLength, 0);
}

function structuralKey(p: StencilParams, extraShapes: readonly (readonly number[])[]): string {
  return cacheKey({
    spec: p.spec,
    n: p.nWindowed,
    g: p.gridDims,
    r: p.reduceGrid,
    e: extraShapes,
    b: p.branches.map((br) => [br.region, printProgram(br.kernel)]),
  });
}


/**
 * The compiled code of a stencil equation, or null when it must be interpreted.
 *
 * @example
 * const compiled = compileStencil(Prim.Stencil, params, extraShapes); // cached by structure
 */
export function compileStencil(prim: Prim.Stencil | Prim.StencilGather, p: StencilParams, extraShapes: readonly (readonly number[])[]): CompiledStencil | null {
  const gather = prim === Prim.StencilGather;
  const shapeKey = `${gather ? "g" : "m"}${extraShapes.map((s) => s.join(",")).join(";")}`;
  let perParams = byParams.get(p);
  const known = perParams?.get(shapeKey);
  const key = known ?? `${gather ? "gather" : "map"}${structuralKey(p, extraShapes)}`;
  let compiled = byKey.get(key);
  if (compiled === undefined) {
    compiled = buildStencil(prim, p, extraShapes, gather);
    byKey.set(key, compiled, retainedBytes(key, compiled));
  }
  if (known === undefined) {
    if (perParams === undefined) byParams.set(p, (perParams = new Map()));
    perParams.set(shapeKey, key);
  }
  return compiled;
}

/** What a compile event names: the primitive, its input and window shapes, and the shapes of its other inputs. */
function describeStencil(prim: Prim.Stencil | Prim.StencilGather, p: StencilParams, extraShapes: readonly (readonly number[])[]): string {
  const s = p.spec;
  const extras = extraShapes.length > 0 ? `, other inputs ${extraShapes.map((e) => `[${e.join(", ")}]`).join(" ")}` : "";
  return `${prim} (${s.kind}) over [${s.inShape.join(", ")}], window [${s.kernelSize.join(", ")}], grid [${s.gridShape.join(", ")}]${extras}`;
}

/** Lower, generate and wrap one stencil (null when its kernels cannot be scalarized). */
function buildStencil(prim: Prim.Stencil | Prim.StencilGather, p: StencilParams, extraShapes: readonly (readonly number[])[], gather: boolean): CompiledStencil | null {
  try {
    const t0 = performance.now();
    const nest = runPipeline(p, extraShapes, { log: debugLogger(2) }, gather);
    const code = emitStencil(nest);
    debugLog(1, () => `compiled ${describeStencil(prim, p, extraShapes)} in ${(performance.now() - t0).toFixed(1)} ms`);
    debugLog(3, () => `generated stencil code:\n${code.body}`);
    const costPerCell = 1 + code.opsPerCell;
    // Built on first call, not here: lowering (jit(f).lower) and codegen: false never reach `new Function`.
    let fn: CompiledBody | null = null;
    return {
      get fn(): CompiledBody {
        return (fn ??= compileBody(code.body));
      },
      body: code.body,
      hash: hashText(code.body, "k"),
      tables: code.tables,
      schedule: code.schedule,
      costPerCell,
    };
  } catch (e) {
    if (!(e instanceof NotScalarizable)) throw e;
    return null;
  }
}

/** Worker threads the configuration allows for a run on this thread (0: none). */
export function configuredWorkers(sync: boolean): number {
  const setting = getConfig().workers;
  if (setting === 0 || !sharedMemoryUsable() || (sync && !canBlock())) return 0;
  return setting === "auto" ? defaultPoolSize() : setting;
}

/** Cells the compiled function loops over: grid cells, or output cells for a pull-form gather. */
function cellsRun(params: StencilParams, s: Schedule): number {
  const shape = s.rows && !s.adds ? params.spec.inShape : params.spec.gridShape;
  return shape.reduce((n, g) => n * g, 1);
}

/**
 * Worker threads to use for a job of `work` units (0: the calling thread
 * alone). `copied`: a multi-step job whose working copy would go through
 * scratch (see MIN_WORK_PER_COPIED_STEP).
 */
function workersFor(compiled: CompiledStencil, cells: number, sync: boolean, copied: boolean): number {
  if (!compiled.schedule.parallel || compiled.schedule.n < 2) return 0;
  const { steps } = compiled.schedule;
  // every step ends at a barrier, so it is the work of one step that must pay for the threads
  const work = (cells / steps) * compiled.costPerCell;
  const floor = steps === 1 ? MIN_WORK_PER_THREAD : copied ? MIN_WORK_PER_COPIED_STEP : MIN_WORK_PER_STEP;
  if (work < 2 * floor) return 0;
  return configuredWorkers(sync);
}

/** Would a sharded run of this scan copy its working array through scratch (see prepare)? */
function scanCopied(prim: Prim.Stencil | Prim.StencilGather, inputs: readonly NDArray[], params: StencilParams): boolean {
  if (prim === Prim.StencilGather || params.spec.kind !== "scan") return false;
  return inputs.slice(0, params.nWindowed).some((x) => !freshWhenShared(x.data.byteLength));
}

/** Is a sharded run's array of `bytes` a fresh shared buffer (true) or reused scratch (see FRESH_SHARED_BYTES)? */
function freshWhenShared(bytes: number): boolean {
  return bytes > FRESH_SHARED_BYTES;
}

/**
 * A copy of `x` in a fresh buffer. Above FRESH_SHARED_BYTES, when `x` is
 * shared and workers are allowed, the copy is a fresh shared buffer that the
 * workers and the calling thread fill range by range: its page faults, most
 * of the cost of a scan over a large array on this machine, are taken in
 * parallel even when the scan itself runs on one thread. Shared when `shared`.
 */
function freshCopy(x: Storage, shared: boolean): Storage {
  const workers = freshWhenShared(x.byteLength) && isShared(x) ? configuredWorkers(true) : 0;
  const c = storageLike(x, shared || workers > 0);
  if (workers === 0) {
    c.set(x);
    return c;
  }
  try {
    // no work estimate: only arrays above 32 MiB come here, whose page faults alone take tens of ms
    getPool(workers).runSync({ hash: "kernex-copy", body: COPY_BODY, factory: false, callerF: undefined, onWorkerRange: undefined, f: [x, c], t: [], s: [], n: x.length, steps: 1, work: undefined, grain: RANGES_PER_THREAD });
  } catch (e) {
    failure(e);
  }
  debugLog(4, () => `sharded a fresh copy of ${x.length} elements on ${workers} worker(s) + caller`);
  return c;
}

/** Kernel body of `freshCopy`: f[1][lo, hi) = f[0][lo, hi). */
const COPY_BODY = "f[1].set(f[0].subarray(lo, hi), lo);";

/**
 * Results larger than this are fresh shared buffers that every thread writes
 * its own part of, with no scratch and no copy. glibc hands out blocks above
 * 32 MiB (its largest mmap threshold) as fresh pages, so a result this big
 * pays a page fault per 4 KiB page however it is allocated; written by
 * several threads, those faults are taken in parallel (measured on the 2-core
 * VM: filling a fresh 128 MiB buffer takes ~600 ms on one thread, ~330 ms on two).
 * Smaller results come from recycled memory and are cheap to allocate, while a
 * fresh SharedArrayBuffer is never recycled (~24 ms per 8 MiB): those runs
 * write into reused scratch instead (runtime/scratch.ts).
 */
export const FRESH_SHARED_BYTES = 32 << 20;

/**
 * A synchronous map or gather whose calling thread writes straight into the
 * result, and the parallel copy of `freshCopy`, are cut into ranges taken by
 * whoever is free (the pool's `grain`, see runtime/partition-work.ts
 * guidedRanges): the caller's ranges need no copy, a late or slow worker
 * holds nothing up, and the calling thread, which also allocates the result
 * and copies the workers' ranges out, ends up with fewer rows. The last
 * ranges are 1/(2·8) of a thread's share. With equal ranges of 1/8 (W3,
 * laplacian 1024², measured 1.24–1.65× over three runs at 8 against
 * 1.22–1.58× at 4), the thread that took the last range of a (3,1024,1024)
 * conv2d gradient finished ~1 ms after the other, of ~10 ms; with guided
 * ranges both finish within ~0.3 ms.
 */
const RANGES_PER_THREAD = 8;

interface Prepared {
  /** Buffers handed to the kernel: windowed, extra, outputs. */
  readonly f: Storage[];
  /**
   * What the calling thread runs with instead of `f` (outputs written in
   * place), or undefined.
   */
  readonly callerF: Storage[] | undefined;
  /** With callerF: copy the rows [lo, hi) of the split dim a worker ran from scratch into the results. */
  readonly onWorkerRange: ((lo: number, hi: number) => void) | undefined;
  /**
   * After the run (`ok`: it completed): the results, copied out of scratch
   * unless callerF was given; scratch is released.
   */
  readonly finish: (ok: boolean) => Storage[];
}

function storageLike(like: Storage, shared: boolean): Storage {
  return allocate(dtypeOf(like), like.length, shared);
}

/**
 * Buffers for one run. Single-threaded: inputs as they are, outputs fresh.
 * Sharded: inputs that are not shared are copied to scratch; outputs above
 * FRESH_SHARED_BYTES are fresh shared buffers written in place; smaller ones
 * are written to scratch (runtime/scratch.ts) and copied out afterwards,
 * except that in a synchronous map or gather the calling thread writes its
 * share straight into the result (`callerF`), and copies each worker's
 * share as soon as it is done.
 */
function prepare(
  prim: Prim.Stencil | Prim.StencilGather,
  inputs: readonly NDArray[],
  params: StencilParams,
  outAvals: readonly Aval[],
  shared: boolean,
  schedule: Schedule,
  direct: boolean,
): Prepared {
  const { spec } = params;
  const { adds } = schedule;
  const gather = prim === Prim.StencilGather;
  const scratch: Storage[] = [];
  const take = (dtype: FloatDType, n: number, zeroed = false): Storage => {
    const s = zeroed ? acquireZeroedScratch(dtype, n) : acquireScratch(dtype, n);
    scratch.push(s);
    return s;
  };
  const large = (x: Storage): boolean => freshWhenShared(x.byteLength);
  const scratchCopy = (x: Storage): Storage => {
    const s = take(dtypeOf(x), x.length);
    s.set(x);
    return s;
  };
  const readable = (x: Storage): Storage => (!shared || isShared(x) ? x : scratchCopy(x));
  const copyOf = (x: Storage): Storage => (!shared || large(x) ? freshCopy(x, shared) : scratchCopy(x));
  const extras = inputs.slice(params.nWindowed).map((e) => readable(e.data));
  const windowed = inputs.slice(0, params.nWindowed).map((x) => (spec.kind === "scan" && !gather ? copyOf(x.data) : readable(x.data)));
  if (!gather && scanWritesInPlace(params)) {
    const outs = windowed.map((w) => (shared && !large(w) ? storageLike(w, false) : w));
    const finish = (): Storage[] => {
      outs.forEach((o, j) => o !== windowed[j] && o.set(windowed[j]!));
      scratch.forEach((s) => releaseScratch(s));
      return outs;
    };
    return { f: [...windowed, ...extras], callerF: undefined, onWorkerRange: undefined, finish };
  }
  // per output: a fresh shared result written in place, reused scratch (copied out), or a plain fresh result
  const sized = outAvals.map((a) => ({ dtype: a.dtype, n: a.shape.reduce((m, d) => m * d, 1) }));
  const viaScratch = sized.map(({ dtype, n }) => shared && !freshWhenShared(n * (dtype === "float32" ? 4 : 8)));
  // the kernels write every output cell (a pull gather; a map or scan with a kernel over the whole grid):
  // results need no zero fill, and scratch keeps its old values
  // (a reduce over the grid zeroes its own partial rows: Schedule.partialRows)
  const writesAll = gather ? !adds : params.reduceGrid || (spec.placement === "grid" && params.branches.some((br) => br.region === null));
  const fresh = (dtype: FloatDType, n: number): Storage => (writesAll ? allocateUninitialized(dtype, n) : allocate(dtype, n, false));
  // a push-form gather adds onto its outputs: its scratch starts zero, and is given back zero (see finish)
  const written = sized.map(({ dtype, n }, j) => (viaScratch[j] ? take(dtype, n, adds) : shared ? allocate(dtype, n, true) : fresh(dtype, n)));
  // results are allocated now, before any job is sent: allocated after the job was posted (to overlap a
  // zero fill with the worker's start), W3's 8 MiB result got fresh pages from the allocator on most
  // calls, ~1,500-1,900 page faults and ~31-36 ms per call, against ~2 ms and a handful of faults now
  const outs = written.map((w, j) => (viaScratch[j] ? fresh(sized[j]!.dtype, sized[j]!.n) : w));
  if (spec.placement === "inplace" && !gather) written.forEach((o, j) => o.set(inputs[j]!.data));
  // reused scratch holds old values: cells no kernel writes must read 0, and sums start from 0
  // (a push gather's scratch is zero already, above)
  else if (!gather && !writesAll) written.forEach((o, j) => viaScratch[j] && o.fill(0));
  const useCaller = direct && viaScratch.some((v) => v);
  const layouts = useCaller ? written.map((w) => splitLayout(prim, params, schedule, w.length)) : [];
  const onWorkerRange = (lo: number, hi: number): void => {
    outs.forEach((o, j) => {
      if (!viaScratch[j]) return;
      const w = written[j]!;
      const { outer, span, rowLen } = layouts[j]!;
      for (let i = 0; i < outer; i++) {
        const [a, z] = [i * span + lo * rowLen, i * span + hi * rowLen];
        o.set(w.subarray(a, z), a);
        if (adds) w.fill(0, a, z);
      }
    });
  };
  const finish = (ok: boolean): Storage[] => {
    written.forEach((w, j) => {
      if (!viaScratch[j]) return;
      if (!useCaller) outs[j]!.set(w);
      // the caller's rows were never written, the workers' were zeroed once copied
      if (adds && ok && !useCaller) w.fill(0);
    });
    const zeroed = adds && ok;
    scratch.forEach((s) => releaseScratch(s, zeroed && written.includes(s)));
    return outs;
  };
  return {
    f: [...windowed, ...extras, ...written],
    callerF: useCaller ? [...windowed, ...extras, ...outs] : undefined,
    onWorkerRange: useCaller ? onWorkerRange : undefined,
    finish,
  };
}

/**
 * Where index i of the split dim lies in an output of `length` elements:
 * elements [o·span + i·rowLen, o·span + (i + 1)·rowLen) for o < outer. A
 * map's dims before the split dim have size 1 (outer is 1); a gather's
 * output has the input's shape.
 */
function splitLayout(prim: Prim.Stencil | Prim.StencilGather, params: StencilParams, s: Schedule, length: number): { outer: number; span: number; rowLen: number } {
  const { spec } = params;
  if (prim === Prim.StencilGather) {
    const rowLen = spec.inShape.slice(s.splitDim + 1).reduce((n, g) => n * g, 1);
    return { outer: spec.inShape.slice(0, s.splitDim).reduce((n, g) => n * g, 1), span: spec.inShape[s.splitDim]! * rowLen, rowLen };
  }
  const cells = spec.gridShape.reduce((n, g) => n * g, 1);
  const rowLen = (length / cells) * spec.gridShape.slice(s.splitDim + 1).reduce((n, g) => n * g, 1);
  return { outer: 1, span: length, rowLen };
}

function failure(e: unknown): never {
  if (e instanceof RuntimeFailure) throw new KernexError(`a worker failed while running a stencil (${e.kind}): ${e.message}`);
  throw e;
}

function job(compiled: CompiledStencil, cells: number, prepared: Prepared): Job {
  const s = compiled.schedule;
  const { f, callerF, onWorkerRange } = prepared;
  // a reduce's partial rows are any thread's to take too (each call writes only its own rows)
  const grain = callerF === undefined && s.partialRows === 0 ? 1 : RANGES_PER_THREAD;
  // multi-step jobs were judged per step (workersFor): no total for the pool to judge again
  const work = s.steps > 1 ? undefined : cells * compiled.costPerCell;
  return { hash: compiled.hash, body: compiled.body, factory: true, f, callerF, onWorkerRange, t: compiled.tables, s: [], n: s.n, steps: s.steps, work, grain };
}

/**
 * Can the calling thread of a sharded map or gather write its share
 * straight into the result (one step, each range's values written once, at
 * their place; see splitLayout)?
 */
function writesDirect(prim: Prim.Stencil | Prim.StencilGather, params: StencilParams, s: Schedule): boolean {
  const { spec } = params;
  if (!s.parallel || s.steps !== 1) return false;
  if (prim === Prim.StencilGather) return s.rows;
  const simple = spec.kind === "map" && spec.placement === "grid" && !params.reduceGrid;
  return simple && spec.gridShape.slice(0, s.splitDim).every((g) => g === 1);
}

function interpreted(prim: Prim.Stencil | Prim.StencilGather, inputs: readonly NDArray[], params: StencilParams, outAvals: readonly Aval[]): NDArray[] {
  return evalPrim(prim, inputs, params, outAvals).map((t) => new NDArray(t.shape, t.dtype, t.data));
}

/**
 * Run a stencil equation on concrete arrays.
 *
 * @example
 * runStencil(Prim.Stencil, [x], params, abstractEval(Prim.Stencil, [x], params));
 */
export function runStencil(prim: Prim.Stencil | Prim.StencilGather, inputs: readonly NDArray[], params: StencilParams, outAvals: readonly Aval[]): NDArray[] {
  const compiled = compileStencil(prim, params, inputs.slice(params.nWindowed).map((e) => e.shape));
  if (compiled === null) return interpreted(prim, inputs, params, outAvals);
  if (compiled.schedule.partialRows > 0) return combinePartials(runCompiled(prim, inputs, params, partialAvals(outAvals, compiled.schedule), compiled), outAvals);
  return runCompiled(prim, inputs, params, outAvals, compiled);
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
function combinePartials(partials: readonly NDArray[], outAvals: readonly Aval[]): NDArray[] {
  return outAvals.map((a, j) => {
    const [rows, n] = partials[j]!.shape as [number, number];
    const src = partials[j]!.data;
    const sums = new Float64Array(n);
    for (let r = 0; r < rows; r++) {
      for (let f = 0; f < n; f++) sums[f]! += src[r * n + f]!;
    }
    const out = allocateUninitialized(a.dtype, n);
    out.set(sums);
    return new NDArray(a.shape, a.dtype, out);
  });
}

/** runStencil with its compiled code, for `outAvals` as the compiled function writes them. */
function runCompiled(prim: Prim.Stencil | Prim.StencilGather, inputs: readonly NDArray[], params: StencilParams, outAvals: readonly Aval[], compiled: CompiledStencil): NDArray[] {
  const cells = cellsRun(params, compiled.schedule);
  const workers = workersFor(compiled, cells, true, scanCopied(prim, inputs, params));
  // timings only for the debug output (performance.now() is a measurable share of a small call)
  const t0 = workers > 0 ? performance.now() : 0;
  const prepared = prepare(prim, inputs, params, outAvals, workers > 0, compiled.schedule, workers > 0 && writesDirect(prim, params, compiled.schedule));
  let outs: Storage[] | null = null;
  try {
    if (workers > 0) {
      const t1 = performance.now();
      const pool = getPool(workers);
      try {
        pool.runSync(job(compiled, cells, prepared));
      } catch (e) {
        failure(e);
      }
      debugLog(4, () => {
        const by = pool.lastRun?.ranBy.join(",") ?? "";
        return `sharded ${cells} cells on ${workers} worker(s) + caller: prepare ${(t1 - t0).toFixed(2)} ms, run ${(performance.now() - t1).toFixed(2)} ms, ranges by [${by}]`;
      });
    } else {
      compiled.fn(prepared.f, compiled.tables, [], 0, compiled.schedule.n, -1);
    }
    outs = prepared.finish(true);
  } finally {
    if (outs === null) prepared.finish(false);
  }
  return outAvals.map((a, j) => new NDArray(a.shape, a.dtype, outs[j]!));
}

/**
 * Like runStencil, but the calling thread only waits (a browser's main thread): sharded when possible.
 *
 * @example
 * await runStencilAsync(Prim.Stencil, [x], params, outAvals);
 */
export async function runStencilAsync(prim: Prim.Stencil | Prim.StencilGather, inputs: readonly NDArray[], params: StencilParams, outAvals: readonly Aval[]): Promise<NDArray[]> {
  for (const a of outAvals) checkArraySize(`${prim}: result`, a.shape, a.dtype);
  if (!getConfig().codegen) return interpreted(prim, inputs, params, outAvals);
  const compiled = compileStencil(prim, params, inputs.slice(params.nWindowed).map((e) => e.shape));
  if (compiled === null) return interpreted(prim, inputs, params, outAvals);
  const cells = cellsRun(params, compiled.schedule);
  const workers = workersFor(compiled, cells, false, scanCopied(prim, inputs, params));
  if (workers === 0) return runStencil(prim, inputs, params, outAvals);
  const partial = compiled.schedule.partialRows > 0;
  const runAvals = partial ? partialAvals(outAvals, compiled.schedule) : outAvals;
  const prepared = prepare(prim, inputs, params, runAvals, true, compiled.schedule, false);
  let outs: Storage[] | null = null;
  try {
    await getPool(workers).runAsync(job(compiled, cells, prepared));
    outs = prepared.finish(true);
  } catch (e) {
    failure(e);
  } finally {
    if (outs === null) prepared.finish(false);
  }
  const results = runAvals.map((a, j) => new NDArray(a.shape, a.dtype, outs[j]!));
  return partial ? combinePartials(results, outAvals) : results;
}
