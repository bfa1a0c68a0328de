/**
 * @file Runs `fori_loop` equations. The body is optimized once (the program
 * passes of jit: fusion into stencils) and planned (loop-plan.ts); a planned
 * loop is one generated function (compiler/codegen/emit-loop.ts) called
 * once with every buffer it needs — two per carry, allocated once per run —
 * on this thread, or as one pool job with a barrier between steps when a
 * step's work pays for the threads. A body that cannot be planned runs
 * step by step (its equations one at a time, each compiled as usual): the
 * reference path, correct for any body.
 */
import { sizeOf, type Aval, type AnyEqn, type Program } from "../../compiler/ir";
import { compileBody, type CompiledBody } from "../../compiler/codegen/compile";
import { emitLoop } from "../../compiler/codegen/emit-loop";
import { printProgram } from "../../compiler/ir-print";
import { loopPosition } from "../../compiler/fori-loop";
import { optimizeProgram } from "../../compiler/passes/program-pipeline";
import { Prim, type LoopParams } from "../../compiler/primitives";
import { evalPrim } from "../../compiler/interpret";
import { allocate, isShared, type FloatArray } from "../../runtime/buffers";
import { recycleBuffer } from "../../runtime/buffer-pool";
import { RuntimeFailure } from "../../runtime/failure";
import { getPool } from "../../runtime/pool";
import { getConfig } from "../config";
import { KernexError } from "../errors";
import { NDArray } from "../ndarray/ndarray";
import { configuredWorkers } from "./execute";
import { planLoop, type HostFn, type LoopPlan } from "./loop-plan";
import { evalProgramWithBind } from "./trace";
import { hashText } from "./hash-text";

/** A loop ready to run: its plan and generated code (null: step by step). */
interface CompiledLoop {
  readonly body: Program;
  readonly plan: LoopPlan | null;
  readonly source: string;
  readonly hash: string;
  readonly fn: () => CompiledBody;
}

/** Distinct loop structures kept compiled; the least recently used is dropped first. */
export const LOOP_CACHE_SIZE = 64;

const byKey = new Map<string, CompiledLoop>();
const byParams = new WeakMap<LoopParams, CompiledLoop>();


/**
 * The compiled form of a loop, cached by the body's structure (every eager
 * call of `foriLoop` traces a new body object with the same structure).
 *
 * @example
 * compileLoop(params).source; // the generated loop function
 */
export function compileLoop(p: LoopParams): CompiledLoop {
  const hit = byParams.get(p);
  if (hit !== undefined) return hit;
  const key = `${p.nCarry}|${p.nXs}|${p.reverse}\n${printProgram(p.body)}`;
  let c = byKey.get(key);
  if (c !== undefined) {
    byKey.delete(key);
  } else {
    const debug = getConfig().debug;
    const body = optimizeProgram(p.body, { log: debug >= 2 ? (line) => console.log(`[kernex] loop body ${line}`) : undefined });
    const plan = planLoop(body, p, hostFor);
    const source = plan === null ? "" : emitLoop(plan.code);
    if (debug >= 3 && plan !== null) console.log(`[kernex] generated loop code:\n${source}`);
    let fn: CompiledBody | null = null;
    c = { body, plan, source, hash: hashText(source, "l"), fn: () => (fn ??= compileBody(source)) };
  }
  byKey.set(key, c);
  if (byKey.size > LOOP_CACHE_SIZE) byKey.delete(byKey.keys().next().value!);
  byParams.set(p, c);
  return c;
}

/** How the generated loop runs an equation that is not a compiled stencil: eagerly, on arrays over the plan's buffers. */
function hostFor(eqn: AnyEqn): HostFn {
  if (eqn.prim === Prim.Slice) {
    const sp = eqn.params;
    if (sp.step.every((s) => s === 1)) return contiguousSlice(eqn.inputs[0]!.aval.shape, sp.start, sp.shape);
  }
  const inAvals = eqn.inputs.map((a) => a.aval);
  const outAvals = eqn.outputs.map((v) => v.aval);
  return (ins, outs) => {
    const results =
      eqn.prim === Prim.ForiLoop
        ? runLoop(ins.map((d, j) => new NDArray(inAvals[j]!.shape, inAvals[j]!.dtype, d)), eqn.params, outAvals)
        : evalPrim(eqn.prim, ins.map((d, j) => ({ shape: inAvals[j]!.shape, dtype: inAvals[j]!.dtype, data: d })), eqn.params, outAvals);
    // the results were copied into the plan's buffers and nothing else holds them
    results.forEach((r, j) => {
      outs[j]!.set(r.data);
      recycleBuffer(r.data);
    });
  };
}

/** A unit-step slice as row copies (the interpreter's per-element index map is ~10× slower; reverse-mode loop bodies slice every step). */
function contiguousSlice(inShape: readonly number[], start: readonly number[], shape: readonly number[]): HostFn {
  const nd = inShape.length;
  const inStrides = inShape.map((_, d) => sizeOf(inShape.slice(d + 1)));
  const row = nd === 0 ? 1 : shape[nd - 1]!;
  const rows = sizeOf(shape.slice(0, -1));
  return ([x], [out]) => {
    for (let r = 0; r < rows; r++) {
      let rest = r;
      let src = nd === 0 ? 0 : start[nd - 1]!;
      for (let d = nd - 2; d >= 0; d--) {
        const n = shape[d]!;
        src += ((rest % n) + start[d]!) * inStrides[d]!;
        rest = Math.floor(rest / n);
      }
      out!.set(x!.subarray(src, src + row), r * row);
    }
  };
}

/**
 * Work per call (bench units, ~ scalar operations) below which a loop
 * never tries the pool: a barrier per step costs tens of µs on a shared
 * 2-core VM, so a step must do about a millisecond of work before threads
 * can pay for it (the 64² heat step, ~60k units, never does).
 */
export const MIN_LOOP_WORK_PER_CALL = 1 << 20;

/** Threads for a planned loop: only when one call's work pays for a barrier per call. */
function loopWorkers(plan: LoopPlan): number {
  if (plan.shard === null || plan.shard.workPerCall < MIN_LOOP_WORK_PER_CALL) return 0;
  return configuredWorkers(true);
}

/** The carries' buffers before step n (the plan's states repeat with its period). */
function stateAt(plan: LoopPlan, n: number): readonly number[] {
  const { transient, period } = plan.code;
  return plan.states[n < transient ? n : transient + ((n - transient) % period)]!;
}

/** Buffers for one run: carries copied in twice, invariants as given (copied when they must be shared). */
function setUp(plan: LoopPlan, inputs: readonly NDArray[], p: LoopParams, shared: boolean): FloatArray[] {
  const nc = p.nCarry;
  const invariants = inputs.slice(1 + nc + p.nXs);
  return plan.init.map((how, b) => {
    const aval = plan.bufAvals[b]!;
    if (how.kind === "invariant") {
      const data = invariants[how.input]!.data;
      if (!shared || isShared(data)) return data;
      const copy = allocate(aval.dtype, data.length, true);
      copy.set(data);
      return copy;
    }
    const buf = allocate(aval.dtype, sizeOf(aval.shape), shared);
    if (how.kind === "carry") buf.set(inputs[1 + how.carry]!.data);
    else if (how.kind === "lit") buf.fill(how.value);
    return buf;
  });
}

/** The generated loop function (compiler/codegen/emit-loop.ts): a stencil function's signature plus the host functions. */
type LoopFn = (f: readonly FloatArray[], t: readonly Int32Array[], s: readonly number[], lo: number, hi: number, k: number, h: readonly (HostFn | null)[]) => void;

/**
 * Steps a probe of each setting takes, as a fraction of the loop: two such
 * probes (one thread, then the pool) decide how the rest runs, so a wrong
 * guess costs at most ~1/PROBE_FRACTION of the loop.
 */
const PROBE_FRACTION = 32;

/**
 * Run steps [0, steps) one thread or sharded, chosen from measured cost:
 * a probe of steps on this thread, one on the pool, and the rest with
 * whichever took less time per step (the pool only when clearly faster:
 * on a busy machine a barrier per step can cost more than it saves).
 */
function runAdaptive(steps: number, one: (from: number, to: number) => void, sharded: (from: number, to: number) => void): boolean {
  const probe = Math.max(1, Math.floor(steps / PROBE_FRACTION));
  if (steps < 3 * probe || steps < 4) {
    one(0, steps);
    return false;
  }
  let t0 = performance.now();
  one(0, probe);
  const tOne = performance.now() - t0;
  t0 = performance.now();
  sharded(probe, 2 * probe);
  const tPool = performance.now() - t0;
  const pool = tPool < 0.9 * tOne;
  (pool ? sharded : one)(2 * probe, steps);
  return pool;
}

/** Run a planned loop; returns the final carries and the stacked ys. */
function runPlanned(c: CompiledLoop, plan: LoopPlan, inputs: readonly NDArray[], p: LoopParams, outAvals: readonly Aval[]): NDArray[] {
  const nc = p.nCarry;
  const workers = loopWorkers(plan);
  const bufs = setUp(plan, inputs, p, workers > 0);
  const xs = inputs.slice(1 + nc, 1 + nc + p.nXs).map((x) => x.data);
  const ys = outAvals.slice(nc).map((a) => allocate(a.dtype, sizeOf(a.shape), false));
  const f = [...bufs, ...xs, ...ys];
  const lower = inputs[0]!.data[0]!;
  const fn = c.fn() as unknown as LoopFn;
  const one = (from: number, to: number): void => fn(f, plan.tables, [to, lower, from], 0, 0, -1, plan.host);
  if (workers === 0) {
    one(0, p.steps);
  } else {
    const shard = plan.shard!;
    const pool = getPool(workers);
    const sharded = (from: number, to: number): void => {
      try {
        pool.runSync({ hash: c.hash, body: c.source, factory: true, f, t: plan.tables, s: [to, lower, from], n: shard.n, steps: (to - from) * shard.calls });
      } catch (e) {
        if (e instanceof RuntimeFailure) throw new KernexError(`a worker failed while running a loop (${e.kind}): ${e.message}`);
        throw e;
      }
    };
    const used = runAdaptive(p.steps, one, sharded);
    if (getConfig().debug >= 4) console.log(`[kernex] loop of ${p.steps} steps: ${used ? `sharded on ${workers} worker(s) + caller` : "one thread (faster in the probe)"}`);
  }
  const final = stateAt(plan, p.steps);
  // the loop's own buffers other than the results go back to the pool (the second buffer of each carry, temporaries)
  bufs.forEach((b, i) => {
    if (!final.includes(i) && (plan.init[i]!.kind !== "invariant" || b !== inputs[1 + nc + p.nXs + (plan.init[i] as { input: number }).input]!.data)) recycleBuffer(b);
  });
  return [...final.map((b, j) => new NDArray(outAvals[j]!.shape, outAvals[j]!.dtype, bufs[b]!)), ...ys.map((y, j) => new NDArray(outAvals[nc + j]!.shape, outAvals[nc + j]!.dtype, y))];
}

/** Row `pos` of a stacked array, as an array over a view (never written). */
function rowOf(x: NDArray, pos: number): NDArray {
  const shape = x.shape.slice(1);
  const n = sizeOf(shape);
  return new NDArray(shape, x.dtype, x.data.subarray(pos * n, (pos + 1) * n) as FloatArray);
}

/** The reference path: the optimized body evaluated once per step. */
function runStepByStep(body: Program, inputs: readonly NDArray[], p: LoopParams, outAvals: readonly Aval[]): NDArray[] {
  const nc = p.nCarry;
  const lower = inputs[0]!.data[0]!;
  const dtype = inputs[0]!.dtype;
  let carries = inputs.slice(1, 1 + nc);
  const xs = inputs.slice(1 + nc, 1 + nc + p.nXs);
  const invariants = inputs.slice(1 + nc + p.nXs);
  const ys = outAvals.slice(nc).map((a) => allocate(a.dtype, sizeOf(a.shape), false));
  for (let t = 0; t < p.steps; t++) {
    const pos = loopPosition(p, t);
    const outs = evalProgramWithBind(body, [NDArray.scalar(lower + pos, dtype), ...carries, ...xs.map((x) => rowOf(x, pos)), ...invariants]);
    carries = outs.slice(0, nc);
    outs.slice(nc).forEach((y, j) => ys[j]!.set(y.data, pos * y.size));
  }
  return [...carries, ...ys.map((y, j) => new NDArray(outAvals[nc + j]!.shape, outAvals[nc + j]!.dtype, y))];
}

/**
 * Run a loop equation on concrete arrays.
 *
 * @example
 * runLoop([lower, u0], params, abstractEval(Prim.ForiLoop, [lower, u0], params));
 */
export function runLoop(inputs: readonly NDArray[], p: LoopParams, outAvals: readonly Aval[]): NDArray[] {
  const c = compileLoop(p);
  if (c.plan === null) return runStepByStep(c.body, inputs, p, outAvals);
  return runPlanned(c, c.plan, inputs, p, outAvals);
}
