/**
 * @file Runs stencil equations through compiled code: look up (or build) the
 * generated function for the equation's structure (loop pipeline, then code
 * generation), allocate the outputs (scans work on copies, so inputs are
 * never modified), and call it — on the calling thread, or split across the
 * worker pool when the work is large enough (runtime/pool.ts).
 * Kernels that cannot be compiled (see NotScalarizable) run on the interpreter.
 */
import type { Aval } from "../../compiler/ir";
import { allocStorage, evalPrim, type Storage } from "../../compiler/interpret";
import { printProgram } from "../../compiler/ir-print";
import { Prim, type StencilParams } from "../../compiler/primitives";
import { compileBody, type CompiledBody } from "../../compiler/codegen/compile";
import { emitStencil, type Schedule } from "../../compiler/codegen/emit-stencil";
import { NotScalarizable } from "../../compiler/codegen/scalarize";
import { scanWritesInPlace } from "../../compiler/loop/loop-ir";
import { runPipeline } from "../../compiler/passes/pipeline";
import { allocate, isShared } from "../../runtime/buffers";
import { acquireScratch, releaseScratch } from "../../runtime/scratch";
import { RuntimeFailure } from "../../runtime/failure";
import { MIN_WORK_PER_THREAD, splitRange } from "../../runtime/partition-work";
import { canBlock, sharedMemoryUsable } from "../../runtime/platform";
import { defaultPoolSize, getPool, type Job, type WorkerPool } from "../../runtime/pool";
import { getConfig } from "../config";
import { KernexError } from "../errors";
import { checkArraySize } from "../ndarray/limits";
import { NDArray } from "../ndarray/ndarray";

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

/** Structural cache: the same geometry and kernels give the same code. */
const byKey = new Map<string, CompiledStencil | null>();
const byParams = new WeakMap<StencilParams, Map<string, CompiledStencil | null>>();
/** Distinct stencil structures kept compiled; the least recently used is dropped first. */
export const STENCIL_CACHE_SIZE = 256;

/** Number of stencil structures kept compiled (for tests of the bound). */
export function stencilCacheSize(): number {
  return byKey.size;
}

function structuralKey(p: StencilParams, extraShapes: readonly (readonly number[])[]): string {
  return JSON.stringify({
    spec: p.spec,
    n: p.nWindowed,
    g: p.gridDims,
    r: p.reduceGrid,
    e: extraShapes,
    b: p.branches.map((br) => [br.region, printProgram(br.kernel)]),
  });
}

/** FNV-1a hash of a source text (a cache key for workers, not a security measure). */
function hashText(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return `k${(h >>> 0).toString(16)}_${text.length}`;
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
  if (perParams?.has(shapeKey)) return perParams.get(shapeKey)!;
  const key = `${gather ? "gather" : "map"}${structuralKey(p, extraShapes)}`;
  let compiled = byKey.get(key);
  if (compiled !== undefined) {
    // refresh: byKey is least-recently-used first
    byKey.delete(key);
    byKey.set(key, compiled);
  } else {
    try {
      const debug = getConfig().debug;
      const nest = runPipeline(p, extraShapes, { log: debug >= 2 ? (line) => console.log(`[kernex] ${line}`) : undefined }, gather);
      const code = emitStencil(nest);
      if (debug >= 3) console.log(`[kernex] generated stencil code:\n${code.body}`);
      const costPerCell = 1 + Math.max(...nest.params.branches.map((br) => br.kernel.eqns.length));
      // Built on first call, not here: lowering (jit(f).lower) and codegen: false never reach `new Function`.
      let fn: CompiledBody | null = null;
      compiled = {
        get fn(): CompiledBody {
          return (fn ??= compileBody(code.body));
        },
        body: code.body,
        hash: hashText(code.body),
        tables: code.tables,
        schedule: code.schedule,
        costPerCell,
      };
    } catch (e) {
      if (!(e instanceof NotScalarizable)) throw e;
      compiled = null;
    }
    byKey.set(key, compiled);
    if (byKey.size > STENCIL_CACHE_SIZE) byKey.delete(byKey.keys().next().value!);
  }
  if (perParams === undefined) {
    perParams = new Map();
    byParams.set(p, perParams);
  }
  perParams.set(shapeKey, compiled);
  return compiled;
}

/** Worker threads the configuration allows for a run on this thread (0: none). */
function configuredWorkers(sync: boolean): number {
  const setting = getConfig().workers;
  if (setting === 0 || !sharedMemoryUsable() || (sync && !canBlock())) return 0;
  return setting === "auto" ? defaultPoolSize() : setting;
}

/** Worker threads to use for a job of `work` units (0: the calling thread alone). */
function workersFor(compiled: CompiledStencil, cells: number, sync: boolean): number {
  if (!compiled.schedule.parallel || compiled.schedule.n < 2) return 0;
  // every step ends at a barrier, so it is the work of one step that must pay for the threads
  const work = (cells / compiled.schedule.steps) * compiled.costPerCell;
  if (work < 2 * MIN_WORK_PER_THREAD) return 0;
  return configuredWorkers(sync);
}

/**
 * A copy of `x` in a fresh buffer. Above FRESH_SHARED_BYTES, when `x` is
 * shared and workers are allowed, the copy is a fresh shared buffer that the
 * workers and the calling thread fill range by range: its page faults, most
 * of the cost of a scan over a large array on this machine, are taken in
 * parallel even when the scan itself runs on one thread. Shared when `shared`.
 */
function freshCopy(x: Storage, shared: boolean): Storage {
  const workers = x.byteLength > FRESH_SHARED_BYTES && isShared(x) ? configuredWorkers(true) : 0;
  const c = storageLike(x, shared || workers > 0);
  if (workers === 0) {
    c.set(x);
    return c;
  }
  try {
    // one unit per element: a copy is cheap, but only large arrays come here
    getPool(workers).runSync({ hash: "kernex-copy", body: COPY_BODY, f: [x, c], t: [], s: [], n: x.length, work: x.length, grain: RANGES_PER_THREAD });
  } catch (e) {
    failure(e);
  }
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
 * A synchronous map whose calling thread writes straight into the result,
 * and the parallel copy of `freshCopy`, are cut into this many ranges per
 * thread, taken by whoever is free: the caller's ranges need no copy, and a
 * late or slow worker holds nothing up.
 */
const RANGES_PER_THREAD = 4;

interface Prepared {
  /** Buffers handed to the kernel: windowed, extra, outputs. */
  readonly f: Storage[];
  /** What the calling thread runs with instead of `f` (outputs written in place), or undefined. */
  readonly callerF: Storage[] | undefined;
  /** Where the outputs end up. */
  readonly outs: Storage[];
  /**
   * After the run: copy results from scratch into `outs` and release scratch.
   * `workerRanges` lists the [lo, hi) ranges of the split dim run with `f`
   * when `callerF` was used (the others are already in place).
   */
  readonly finish: (workerRanges: readonly (readonly [number, number])[] | null) => void;
}

function storageLike(like: Storage, shared: boolean): Storage {
  return allocate(like instanceof Float32Array ? "float32" : "float64", like.length, shared);
}

/**
 * Buffers for one run. Single-threaded: inputs as they are, outputs fresh.
 * Sharded: inputs that are not shared are copied to scratch; outputs above
 * FRESH_SHARED_BYTES are fresh shared buffers written in place; smaller ones
 * are written to scratch (runtime/scratch.ts) and copied out afterwards,
 * except that in a synchronous map the calling thread writes its share
 * straight into the result (`callerF`), so only the workers' share is copied.
 */
function prepare(
  prim: Prim.Stencil | Prim.StencilGather,
  inputs: readonly NDArray[],
  params: StencilParams,
  outAvals: readonly Aval[],
  shared: boolean,
  direct: Schedule | null,
): Prepared {
  const { spec } = params;
  const gather = prim === Prim.StencilGather;
  const scratch: Storage[] = [];
  const take = (like: Storage): Storage => {
    const s = acquireScratch(like instanceof Float32Array ? "float32" : "float64", like.length);
    scratch.push(s);
    return s;
  };
  const large = (x: Storage): boolean => x.byteLength > FRESH_SHARED_BYTES;
  const readable = (x: Storage): Storage => {
    if (!shared || isShared(x)) return x;
    const s = take(x);
    s.set(x);
    return s;
  };
  const copyOf = (x: Storage): Storage => {
    if (!shared || large(x)) return freshCopy(x, shared);
    const c = take(x);
    c.set(x);
    return c;
  };
  const extras = inputs.slice(params.nWindowed).map((e) => readable(e.data));
  const windowed = inputs.slice(0, params.nWindowed).map((x) => (spec.kind === "scan" && !gather ? copyOf(x.data) : readable(x.data)));
  const inPlace = !gather && scanWritesInPlace(params);
  const outs = inPlace
    ? windowed.map((w) => (shared && !large(w) ? storageLike(w, false) : w))
    : outAvals.map((a) => {
        const n = a.shape.reduce((m, d) => m * d, 1);
        return shared && n * (a.dtype === "float32" ? 4 : 8) > FRESH_SHARED_BYTES ? allocate(a.dtype, n, true) : allocStorage(a.dtype, n);
      });
  const written = inPlace ? windowed : outs.map((o) => (shared && !isShared(o) ? take(o) : o));
  if (spec.placement === "inplace" && !inPlace && !gather) written.forEach((o, j) => o.set(inputs[j]!.data));
  // reused scratch holds old values: cells no kernel writes must read 0, and sums start from 0
  else if (shared && !inPlace) {
    const covered = !gather && !params.reduceGrid && params.branches.some((br) => br.region === null);
    written.forEach((o, j) => {
      if (o !== outs[j] && !covered) o.fill(0);
    });
  }
  const viaScratch = written.map((w, j) => w !== outs[j]);
  const useCaller = direct !== null && viaScratch.some((v) => v);
  const callerF = useCaller ? [...windowed, ...extras, ...outs] : undefined;
  const cells = spec.gridShape.reduce((n, g) => n * g, 1);
  const finish = (workerRanges: readonly (readonly [number, number])[] | null): void => {
    outs.forEach((o, j) => {
      if (!viaScratch[j]) return;
      const w = written[j]!;
      if (!useCaller || workerRanges === null) {
        o.set(w);
        return;
      }
      // the dims before the split dim have size 1, so a range of it is a flat range of the output
      const perIndex = (o.length / cells) * spec.gridShape.slice(direct!.splitDim + 1).reduce((n, g) => n * g, 1);
      for (const [lo, hi] of workerRanges) o.set(w.subarray(lo * perIndex, hi * perIndex), lo * perIndex);
    });
    scratch.forEach(releaseScratch);
  };
  return { f: inPlace ? [...windowed, ...extras] : [...windowed, ...extras, ...written], callerF: inPlace ? undefined : callerF, outs, finish };
}

function failure(e: unknown): never {
  if (e instanceof RuntimeFailure) throw new KernexError(`a worker failed while running a stencil (${e.kind}): ${e.message}`);
  throw e;
}

function job(compiled: CompiledStencil, f: Storage[], cells: number, callerF?: Storage[]): Job {
  const s = compiled.schedule;
  return { hash: compiled.hash, body: compiled.body, factory: true, f, callerF, t: compiled.tables, s: [], n: s.n, steps: s.steps, work: cells * compiled.costPerCell, grain: callerF === undefined ? 1 : RANGES_PER_THREAD };
}

/**
 * The schedule of a map whose calling thread may write its share straight
 * into the result (one step, each grid cell's values written once, at the
 * cell's place), or null.
 */
function directSchedule(prim: Prim.Stencil | Prim.StencilGather, params: StencilParams, compiled: CompiledStencil): Schedule | null {
  const { spec } = params;
  const s = compiled.schedule;
  const simple = prim === Prim.Stencil && spec.kind === "map" && spec.placement === "grid" && !params.reduceGrid;
  return simple && s.parallel && s.steps === 1 && s.block === 0 && spec.gridShape.slice(0, s.splitDim).every((g) => g === 1) ? s : null;
}

/** The [lo, hi) ranges of the last run that a worker ran (with the job's `f`). */
function workerRanges(pool: WorkerPool, n: number): [number, number][] | null {
  const run = pool.lastRun;
  if (run === null) return null;
  if (run.ranges <= 1) return run.ranBy[0] === 0 || run.ranges === 0 ? [] : null;
  const bounds = splitRange(n, run.ranges);
  const out: [number, number][] = [];
  run.ranBy.forEach((by, r) => {
    if (by !== 0) out.push([bounds[r]!, bounds[r + 1]!]);
  });
  return out;
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
  const cells = params.spec.gridShape.reduce((n, g) => n * g, 1);
  const workers = workersFor(compiled, cells, true);
  const t0 = performance.now();
  const { f, callerF, outs, finish } = prepare(prim, inputs, params, outAvals, workers > 0, workers > 0 ? directSchedule(prim, params, compiled) : null);
  let ran: [number, number][] | null = null;
  try {
    if (workers > 0) {
      const t1 = performance.now();
      const pool = getPool(workers);
      try {
        pool.runSync(job(compiled, f, cells, callerF));
      } catch (e) {
        failure(e);
      }
      if (callerF !== undefined) ran = workerRanges(pool, compiled.schedule.n);
      if (getConfig().debug >= 4) {
        const by = pool.lastRun?.ranBy.join(",") ?? "";
        console.log(`[kernex] sharded ${cells} cells on ${workers} worker(s) + caller: prepare ${(t1 - t0).toFixed(2)} ms, run ${(performance.now() - t1).toFixed(2)} ms, ranges by [${by}]`);
      }
    } else if (compiled.schedule.block > 0) {
      // gathers add in blocks, even blocks first, whatever the thread count
      compiled.fn(f, compiled.tables, [], 0, compiled.schedule.n, 0);
      compiled.fn(f, compiled.tables, [], 0, compiled.schedule.n, 1);
    } else {
      compiled.fn(f, compiled.tables, [], 0, compiled.schedule.n, -1);
    }
  } finally {
    finish(ran);
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
  const cells = params.spec.gridShape.reduce((n, g) => n * g, 1);
  const workers = workersFor(compiled, cells, false);
  if (workers === 0) return runStencil(prim, inputs, params, outAvals);
  const { f, outs, finish } = prepare(prim, inputs, params, outAvals, true, null);
  try {
    await getPool(workers).runAsync(job(compiled, f, cells));
  } catch (e) {
    failure(e);
  } finally {
    finish(null);
  }
  return outAvals.map((a, j) => new NDArray(a.shape, a.dtype, outs[j]!));
}
