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
import { isShared } from "../../runtime/buffers";
import { acquireScratch, releaseScratch } from "../../runtime/scratch";
import { RuntimeFailure } from "../../runtime/failure";
import { MIN_WORK_PER_THREAD } from "../../runtime/partition-work";
import { canBlock, sharedMemoryUsable } from "../../runtime/platform";
import { defaultPoolSize, getPool, type Job } from "../../runtime/pool";
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

/** Worker threads to use for a job of `work` units (0: the calling thread alone). */
function workersFor(compiled: CompiledStencil, cells: number, sync: boolean): number {
  const setting = getConfig().workers;
  if (setting === 0 || !compiled.schedule.parallel || compiled.schedule.n < 2) return 0;
  if (!sharedMemoryUsable() || (sync && !canBlock())) return 0;
  // every step ends at a barrier, so it is the work of one step that must pay for the threads
  const work = (cells / compiled.schedule.steps) * compiled.costPerCell;
  if (work < 2 * MIN_WORK_PER_THREAD) return 0;
  return setting === "auto" ? defaultPoolSize() : setting;
}

interface Prepared {
  /** Buffers handed to the kernel: windowed, extra, outputs. */
  readonly f: Storage[];
  /** Where the outputs end up. */
  readonly outs: Storage[];
  /** After the run: copy results from scratch into `outs`, release scratch. */
  readonly finish: () => void;
}

/**
 * Buffers for one run. Single-threaded: inputs as they are, outputs fresh.
 * Sharded: inputs that are not shared and every buffer the kernel writes
 * are scratch (runtime/scratch.ts); results are copied out afterwards.
 */
function prepare(prim: Prim.Stencil | Prim.StencilGather, inputs: readonly NDArray[], params: StencilParams, outAvals: readonly Aval[], shared: boolean): Prepared {
  const { spec } = params;
  const gather = prim === Prim.StencilGather;
  const scratch: Storage[] = [];
  const take = (like: Storage): Storage => {
    const s = acquireScratch(like instanceof Float32Array ? "float32" : "float64", like.length);
    scratch.push(s);
    return s;
  };
  const readable = (x: Storage): Storage => {
    if (!shared || isShared(x)) return x;
    const s = take(x);
    s.set(x);
    return s;
  };
  const copyOf = (x: Storage): Storage => {
    const c = shared ? take(x) : x instanceof Float32Array ? new Float32Array(x.length) : new Float64Array(x.length);
    c.set(x);
    return c;
  };
  const extras = inputs.slice(params.nWindowed).map((e) => readable(e.data));
  const windowed = inputs.slice(0, params.nWindowed).map((x) => (spec.kind === "scan" && !gather ? copyOf(x.data) : readable(x.data)));
  const inPlace = !gather && scanWritesInPlace(params);
  const outs = inPlace
    ? windowed.map((w) => (shared ? allocStorage(w instanceof Float32Array ? "float32" : "float64", w.length) : w))
    : outAvals.map((a) => allocStorage(a.dtype, a.shape.reduce((m, d) => m * d, 1)));
  const written = inPlace ? windowed : outs.map((o) => (shared ? take(o) : o));
  if (spec.placement === "inplace" && !inPlace && !gather) written.forEach((o, j) => o.set(inputs[j]!.data));
  // reused scratch holds old values: cells no kernel writes must read 0, and sums start from 0
  else if (shared && !inPlace) written.forEach((o) => o.fill(0));
  const finish = (): void => {
    if (shared) outs.forEach((o, j) => o.set(written[j]!));
    scratch.forEach(releaseScratch);
  };
  return { f: inPlace ? [...windowed, ...extras] : [...windowed, ...extras, ...written], outs, finish };
}

function failure(e: unknown): never {
  if (e instanceof RuntimeFailure) throw new KernexError(`a worker failed while running a stencil (${e.kind}): ${e.message}`);
  throw e;
}

function job(compiled: CompiledStencil, f: Storage[], cells: number): Job {
  const s = compiled.schedule;
  return { hash: compiled.hash, body: compiled.body, factory: true, f, t: compiled.tables, s: [], n: s.n, steps: s.steps, work: cells * compiled.costPerCell };
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
  const { f, outs, finish } = prepare(prim, inputs, params, outAvals, workers > 0);
  try {
    if (workers > 0) {
      const t1 = performance.now();
      const pool = getPool(workers);
      try {
        pool.runSync(job(compiled, f, cells));
      } catch (e) {
        failure(e);
      }
      if (getConfig().debug >= 4) {
        const ran = pool.lastRun?.ranBy.join(",") ?? "";
        console.log(`[kernex] sharded ${cells} cells on ${workers} worker(s) + caller: prepare ${(t1 - t0).toFixed(2)} ms, run ${(performance.now() - t1).toFixed(2)} ms, ranges by [${ran}]`);
      }
    } else if (compiled.schedule.block > 0) {
      // gathers add in blocks, even blocks first, whatever the thread count
      compiled.fn(f, compiled.tables, [], 0, compiled.schedule.n, 0);
      compiled.fn(f, compiled.tables, [], 0, compiled.schedule.n, 1);
    } else {
      compiled.fn(f, compiled.tables, [], 0, compiled.schedule.n, -1);
    }
  } finally {
    finish();
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
  const { f, outs, finish } = prepare(prim, inputs, params, outAvals, true);
  try {
    await getPool(workers).runAsync(job(compiled, f, cells));
  } catch (e) {
    failure(e);
  } finally {
    finish();
  }
  return outAvals.map((a, j) => new NDArray(a.shape, a.dtype, outs[j]!));
}
