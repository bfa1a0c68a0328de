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
import { sizeOf, type Aval, type Program } from "../../compiler/ir";
import { compileBody, type CompiledBody } from "../../compiler/codegen/compile";
import { emitLoop } from "../../compiler/codegen/emit-loop";
import { printProgram } from "../../compiler/ir-print";
import { loopPosition } from "../../compiler/fori-loop";
import { optimizeProgram } from "../../compiler/passes/program-pipeline";
import type { LoopParams } from "../../compiler/primitives";
import { allocate, isShared, type FloatArray } from "../../runtime/buffers";
import { RuntimeFailure } from "../../runtime/failure";
import { MIN_WORK_PER_STEP } from "../../runtime/partition-work";
import { getPool } from "../../runtime/pool";
import { getConfig } from "../config";
import { KernexError } from "../errors";
import { NDArray } from "../ndarray/ndarray";
import { configuredWorkers } from "./execute";
import { planLoop, type LoopPlan } from "./loop-plan";
import { evalProgramWithBind } from "./trace";

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

/** FNV-1a hash of a source text (the workers' compile-cache key). */
function hashText(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return `l${(h >>> 0).toString(16)}_${text.length}`;
}

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
    const plan = planLoop(body, p);
    const source = plan === null ? "" : emitLoop(plan.code);
    if (debug >= 3 && plan !== null) console.log(`[kernex] generated loop code:\n${source}`);
    let fn: CompiledBody | null = null;
    c = { body, plan, source, hash: hashText(source), fn: () => (fn ??= compileBody(source)) };
  }
  byKey.set(key, c);
  if (byKey.size > LOOP_CACHE_SIZE) byKey.delete(byKey.keys().next().value!);
  byParams.set(p, c);
  return c;
}

/** Threads for a planned loop: only when one call's work pays for a barrier per call. */
function loopWorkers(plan: LoopPlan): number {
  if (plan.shard === null || plan.shard.workPerCall < 2 * MIN_WORK_PER_STEP) return 0;
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

/** Run a planned loop; returns the final carries and the stacked ys. */
function runPlanned(c: CompiledLoop, plan: LoopPlan, inputs: readonly NDArray[], p: LoopParams, outAvals: readonly Aval[]): NDArray[] {
  const nc = p.nCarry;
  const workers = loopWorkers(plan);
  const bufs = setUp(plan, inputs, p, workers > 0);
  const xs = inputs.slice(1 + nc, 1 + nc + p.nXs).map((x) => x.data);
  const ys = outAvals.slice(nc).map((a) => allocate(a.dtype, sizeOf(a.shape), false));
  const f = [...bufs, ...xs, ...ys];
  const s = [p.steps, inputs[0]!.data[0]!];
  if (workers > 0 && p.steps > 0) {
    const shard = plan.shard!;
    try {
      getPool(workers).runSync({ hash: c.hash, body: c.source, factory: true, f, t: plan.tables, s, n: shard.n, steps: p.steps * shard.calls });
    } catch (e) {
      if (e instanceof RuntimeFailure) throw new KernexError(`a worker failed while running a loop (${e.kind}): ${e.message}`);
      throw e;
    }
    if (getConfig().debug >= 4) console.log(`[kernex] sharded a loop of ${p.steps} steps on ${workers} worker(s) + caller`);
  } else {
    c.fn()(f, plan.tables, s, 0, 0, -1);
  }
  const final = stateAt(plan, p.steps);
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
