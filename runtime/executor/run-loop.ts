/**
 * @file Runs a `fori_loop` equation's compiled kernel (loop-kernel.ts): a
 * planned loop is one generated function called once with every buffer it
 * needs — two per carry, allocated once per run — on this thread, or as one
 * pool job with a barrier between steps when a step's work pays for the
 * threads. (A body that cannot be planned runs step by step, in
 * run-program.ts.)
 */
import { sizeOf, type Aval } from "../../compiler/ir";
import type { Tensor } from "../../compiler/tensor";
import type { LoopParams } from "../../compiler/primitives";
import { allocate, allocateUninitialized, isShared, plainCopy, type FloatArray } from "../buffers";
import { recycleBuffer } from "../buffer-pool";
import { whileRunning } from "../failure";
import { getPool } from "../pool";
import type { CompiledLoop } from "./loop-kernel";
import { copyUncovered } from "./inplace-cover";
import { copyOnPool, POOL_COPY_ELEMENTS } from "./stencil-buffers";
import type { HostFn, LoopPlan } from "./loop-plan";
import { configuredWorkers, execLog } from "./settings";
import { threadsForSteps } from "../partition-work";

/**
 * Threads for a planned loop, from its cost (partition-work.ts
 * threadsForSteps: each step's work against a barrier per call): 0 for the
 * calling thread alone. A 1024² heat step (~2 ms) is sharded, a 64² one
 * (~8 µs) is not.
 */
function loopWorkers(plan: LoopPlan, steps: number): number {
  if (plan.shard === null) return 0;
  const allowed = configuredWorkers(true);
  if (allowed === 0) return 0;
  const { workPerCall, calls } = plan.shard;
  // every call of a step ends at a barrier: a call's work must pay for one
  return threadsForSteps(workPerCall, steps * calls, 1 + allowed) - 1;
}

/** The carries' buffers before step n (the plan's states repeat with its period). */
function stateAt(plan: LoopPlan, n: number): readonly number[] {
  const { transient, period } = plan.code;
  return plan.states[n < transient ? n : transient + ((n - transient) % period)]!;
}

/**
 * Buffers for one run: carries copied in (the second buffer of a carry only
 * where its first write leaves it), invariants as given (copied when they
 * must be shared). With `workers`, a large shared carry is copied by every
 * thread.
 */
function setUp(plan: LoopPlan, inputs: readonly Tensor[], p: LoopParams, workers: number): FloatArray[] {
  const shared = workers > 0;
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
    const n = sizeOf(aval.shape);
    if (how.kind === "carry" || how.kind === "border") {
      // written before read (a copy of the carry, or an in-place map's result over its border): a pooled buffer needs no zero fill
      const buf = allocateUninitialized(aval.dtype, n, shared);
      const src = inputs[1 + how.carry]!.data;
      if (how.kind === "carry" && shared && n >= POOL_COPY_ELEMENTS && isShared(src)) copyOnPool(buf, src, workers, "a loop");
      else if (how.kind === "carry") buf.set(src);
      else copyUncovered(buf, src, how.cells);
      return buf;
    }
    const buf = allocate(aval.dtype, n, shared);
    if (how.kind === "lit") buf.fill(how.value);
    return buf;
  });
}

/** The generated loop function (compiler/codegen/emit-loop.ts): a stencil function's signature plus the host functions. */
type LoopFn = (f: readonly FloatArray[], t: readonly Int32Array[], s: readonly number[], lo: number, hi: number, k: number, h: readonly (HostFn | null)[]) => void;

/**
 * Steps a probe of each setting takes, as a fraction of the loop (at least
 * PROBE_MIN): the cost model chose the pool, and two probes (one thread,
 * then the pool) confirm it on the machine as it is, so a wrong guess costs
 * at most ~1/PROBE_FRACTION of the loop.
 */
const PROBE_FRACTION = 32;
const PROBE_MIN = 2;

/** The fastest of `count` steps from `from`, each timed alone, in ms. */
function fastestStep(from: number, count: number, run: (from: number, to: number) => void): number {
  let best = Infinity;
  for (let i = from; i < from + count; i++) {
    const t0 = performance.now();
    run(i, i + 1);
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

/**
 * A probe's verdict, kept for the next calls of the same loop: whether the
 * pool won, the fastest step on one thread (ms), the worker count it was
 * taken with, and how many calls have used it since.
 */
interface Verdict {
  readonly pool: boolean;
  readonly oneMs: number;
  readonly workers: number;
  calls: number;
}

/**
 * Calls of a loop that reuse its last probe's verdict for the pool before
 * probing again (the machine's load changes). A sharded call that turns out
 * slower per step than the verdict's one-thread step (by the probe's 10%)
 * probes on the next call. Each probe runs a few steps on one thread (2 of
 * the 20 steps of a 1024² heat loop: ~10% of its sharded time).
 */
const VERDICT_CALLS = 16;

/**
 * The same for a verdict for one thread, which nothing else contradicts: a
 * probe taken while another process briefly held a core would otherwise
 * keep a loop that pays for two threads on one for VERDICT_CALLS calls.
 */
const ONE_THREAD_VERDICT_CALLS = 4;

const verdicts = new WeakMap<LoopPlan, Verdict>();

/**
 * Run steps [0, steps) sharded, unless a probe shows one thread faster:
 * the fastest of a few steps on this thread against the fastest of a few
 * on the pool (each step alone, so the first step's page faults in a fresh
 * buffer and a worker's wake-up count once), and the rest with whichever
 * was faster (the pool unless one thread was clearly faster: on a busy
 * machine a barrier per step can cost more than it saves). The verdict
 * serves the plan's next calls (VERDICT_CALLS, ONE_THREAD_VERDICT_CALLS). Loops too short to probe
 * run as the model chose.
 */
function runAdaptive(plan: LoopPlan, workers: number, steps: number, one: (from: number, to: number) => void, sharded: (from: number, to: number) => void): boolean {
  const probe = Math.max(PROBE_MIN, Math.floor(steps / PROBE_FRACTION));
  if (steps < 3 * probe) {
    sharded(0, steps);
    return true;
  }
  const kept = verdicts.get(plan);
  if (kept !== undefined && kept.workers === workers && kept.calls < (kept.pool ? VERDICT_CALLS : ONE_THREAD_VERDICT_CALLS)) {
    kept.calls++;
    if (!kept.pool) {
      one(0, steps);
      return false;
    }
    const t0 = performance.now();
    sharded(0, steps);
    if ((performance.now() - t0) / steps > 1.1 * kept.oneMs) verdicts.delete(plan);
    return true;
  }
  const tOne = fastestStep(0, probe, one);
  const tPool = fastestStep(probe, probe, sharded);
  const pool = tPool < 1.1 * tOne;
  verdicts.set(plan, { pool, oneMs: tOne, workers, calls: 0 });
  (pool ? sharded : one)(2 * probe, steps);
  return pool;
}

/**
 * Run a planned loop; returns the final carries and the stacked ys.
 *
 * @example
 * runPlanned(compiled, compiled.plan!, [lower, u0], params, outAvals);
 */
export function runPlanned(c: CompiledLoop, plan: LoopPlan, inputs: readonly Tensor[], p: LoopParams, outAvals: readonly Aval[]): Tensor[] {
  const nc = p.nCarry;
  const workers = loopWorkers(plan, p.steps);
  const bufs = setUp(plan, inputs, p, workers);
  const xs = inputs.slice(1 + nc, 1 + nc + p.nXs).map((x) => x.data);
  const ys = outAvals.slice(nc).map((a) => allocate(a.dtype, sizeOf(a.shape), false));
  const f = [...bufs, ...xs, ...ys];
  const lower = inputs[0]!.data[0]!;
  const kernel = c.fn();
  const fn = kernel as unknown as LoopFn;
  const one = (from: number, to: number): void => fn(f, plan.tables, [to, lower, from], 0, 0, -1, plan.host);
  if (workers === 0) {
    one(0, p.steps);
    if (plan.shard !== null) {
      execLog(4, () => `loop of ${p.steps} steps: one thread (${configuredWorkers(true) === 0 ? "no workers allowed" : `cost model: ${plan.shard!.workPerCall} units a call do not pay for a barrier`})`);
    }
  } else {
    const shard = plan.shard!;
    const pool = getPool(workers);
    const sharded = (from: number, to: number): void => {
      try {
        pool.runSync({ hash: c.hash, body: c.source, factory: true, fn: kernel, f, t: plan.tables, scalars: [to, lower, from], n: shard.n, steps: (to - from) * shard.calls });
      } catch (e) {
        whileRunning(e, "a loop");
      }
    };
    const used = runAdaptive(plan, workers, p.steps, one, sharded);
    execLog(4, () => `loop of ${p.steps} steps: ${used ? `sharded on ${workers} worker(s) + caller` : "one thread (faster in the probe)"}`);
  }
  const final = stateAt(plan, p.steps);
  // On shared buffers the final carries are copied out to plain memory (~0.7 ms per 8 MiB): handed out,
  // a loop's shared buffer would be fresh memory on every call, page faults the engine does not count
  // as memory (runtime/shared-budget.ts): a sharded 1024² loop called in a loop grew by 8 MiB a call.
  const shared = workers > 0;
  const results = final.map((b) => (shared ? plainCopy(bufs[b]!) : bufs[b]!));
  // the loop's own buffers other than the results go back to the pool (the second buffer of each carry, temporaries)
  bufs.forEach((b, i) => {
    if ((shared || !final.includes(i)) && (plan.init[i]!.kind !== "invariant" || b !== inputs[1 + nc + p.nXs + (plan.init[i] as { input: number }).input]!.data)) recycleBuffer(b);
  });
  return [...results.map((r, j) => tensorOf(outAvals[j]!, r)), ...ys.map((y, j) => tensorOf(outAvals[nc + j]!, y))];
}

/**
 * Row `pos` of a stacked array, as a tensor over a view (never written).
 *
 * @example
 * rowOf(xs, 3).shape; // xs.shape.slice(1)
 */
export function rowOf(x: Tensor, pos: number): Tensor {
  const shape = x.shape.slice(1);
  const n = sizeOf(shape);
  return { shape, dtype: x.dtype, data: x.data.subarray(pos * n, (pos + 1) * n) as FloatArray };
}

/**
 * A tensor of `aval` over `data`.
 *
 * @example
 * tensorOf({ shape: [2], dtype: "float64" }, new Float64Array(2));
 */
export function tensorOf(aval: Aval, data: FloatArray): Tensor {
  return { shape: aval.shape, dtype: aval.dtype, data };
}
