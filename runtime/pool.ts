/**
 * @file The persistent worker pool: shards a job's outer loop [0, n) over
 * worker threads and shared buffers. `runSync` (Node, Web Workers) lets the
 * calling thread take a share and block in `Atomics.wait`; `runAsync` (a
 * browser's main thread) only awaits. Workers are unref'd when idle, so the
 * pool never keeps a process alive. Pairs with `worker-source.ts` (the worker
 * side) and `control-block.ts` (the shared protocol).
 *
 * Waiting and failure detection. A caller blocked in `Atomics.wait` receives
 * no events — not even a worker's "exit" — so everything it must know travels
 * through the job's control block, in four layers:
 *  1. A kernel that throws is caught in the worker, which records the first
 *     failure (participant, code, message) in the block and signals.
 *  2. A kernel that ends its thread (`process.exit`, an uncaught async error)
 *     runs the worker's `process.on("exit")` hook, which records "died" and
 *     signals before the thread is gone.
 *  3. Ranges are claimed, not assigned: jobs go only to workers whose shared
 *     ready flag is set, and a single-step job's ranges are taken by whoever
 *     is free first (the caller included), so a worker that never wakes holds
 *     nothing up. Multi-step jobs keep claims across steps; the caller takes
 *     over a range that stays unclaimed past STEAL_GRACE_MS or whose worker
 *     is gone (an unclaimed range means no one has passed the first barrier).
 *  4. A thread killed without running JavaScript (heap OOM, `process.reallyExit`)
 *     is caught by a probe: the wait is cut into WAIT_SLICE_MS slices and after
 *     each the caller asks `WorkerHandle.probeStopped()` (Node: the worker's
 *     event-loop counters, readable synchronously) about every worker still inside.
 *     Until the calling thread's event loop has seen a worker come online the
 *     probe cannot tell; such a worker counts as stopped only after the job has
 *     been silent for UNSEEN_GRACE_MS, or UNSEEN_GRACE_FACTOR times the caller's
 *     own share if that is longer.
 * On failure the caller waits until no participant is still running a range
 * (so nothing writes the buffers after it returns), throws a RuntimeFailure,
 * and a dead worker is replaced; the next job runs normally.
 */

import {
  claim,
  claimStep,
  type Control,
  markDone,
  rangeDone,
  createControl,
  FailCode,
  failed,
  Layout,
  ownerOf,
  progress,
  readFailure,
  recordFailure,
  signal,
  SPIN_MS,
  stateIndex,
  stepIndex,
} from "./control-block";
import { describeThrown, RuntimeFailure } from "./failure";
import { compileKernel, NO_SCALARS, type KernelFn } from "./kernel-function";
import { type FloatArray, isShared } from "./buffers";
import { guidedRanges, planRanges, splitRange } from "./partition-work";
import {
  canBlock,
  hardwareConcurrency,
  sharedMemoryUsable,
  spawnWorker,
  waitAsyncFunction,
  type WorkerEvent,
  type WorkerHandle,
} from "./platform";
import { type InitMessage, Readiness, type RunMessage, WORKER_SOURCE } from "./worker-source";

/**
 * A unit of sharded work. The body is JavaScript source of
 * `function (f, t, s, lo, hi, k)`; running [0, n) on one thread must equal
 * running disjoint ranges on several (each range writes disjoint cells).
 */
export interface Job {
  /** Identifies `body`; workers cache the compiled body under it. */
  readonly hash: string;
  /** Kernel body source. */
  readonly body: string;
  /** When true, `body` is a factory: run once, it returns the kernel function (see compiler/codegen/emit-stencil.ts). */
  readonly factory?: boolean;
  /**
   * `body` already compiled for the calling thread (a kernel cache entry's
   * function, runtime/kernel-cache.ts); without it the body is compiled for
   * this run.
   */
  readonly fn?: KernelFn;
  /** Float buffers (inputs and outputs). Must be SharedArrayBuffer-backed when the job is split. */
  readonly f: readonly FloatArray[];
  /**
   * Buffers the calling thread runs its ranges with instead of `f` (sync
   * runs only), e.g. with an output the workers cannot see, so that the
   * caller's share needs no copy. `lastRun.ranBy` tells which ranges ran
   * with which. Shared or not; same length and kinds as `f`.
   */
  readonly callerF?: readonly FloatArray[];
  /**
   * Single-step sync jobs with `callerF`: called on the calling thread with
   * the [lo, hi) of every range a worker ran, once that range is finished,
   * between the caller's own ranges and while it waits for the rest (e.g. to
   * copy a worker's results out of `f` into the caller's buffers).
   */
  readonly onWorkerRange?: (lo: number, hi: number) => void;
  /** Int32 index tables (read-only for kernels; plain ones are copied to each worker). */
  readonly t: readonly Int32Array[];
  /**
   * A WebAssembly kernel instead of `body`: each worker instantiates
   * `module` on the shared `memory` (once per `hash`) and runs its
   * `main(lo, hi, k)`; `fn` is the calling thread's.
   */
  readonly wasm?: { readonly module: WebAssembly.Module; readonly memory: WebAssembly.Memory };
  /**
   * Scalars a loop's generated function reads as its `s` parameter
   * ([steps, lower, first step], compiler/codegen/emit-loop.ts); stencils
   * and sweeps have none and get undefined.
   */
  readonly scalars?: readonly number[];
  /** Iterations of the outermost parallel loop. */
  readonly n: number;
  /** Steps separated by a barrier over all threads; the body gets the step as `k`. Default 1. */
  readonly steps?: number;
  /** Estimated total work units; when given, small jobs use fewer threads (MIN_WORK_PER_THREAD). */
  readonly work?: number;
  /**
   * Single-step sync jobs, when > 1 (default 1: a range per thread): cut
   * into ranges taken in order by whoever is free, long ones first and the
   * last ones 1/(2·grain) of a thread's share or shorter (see
   * guidedRanges), so a thread that wakes late or runs slower (a shared
   * machine, a cold worker) does less of the job.
   */
  readonly grain?: number;
  /**
   * Single-step jobs whose ranges wait for each other inside the kernel (a
   * pipelined scan, runtime/executor/wavefront.ts): can the range starting
   * at `lo` run now without waiting? The calling thread takes a range other
   * than its home range only once it can (a kernel waiting on the calling
   * thread would block it where no liveness probe runs), and takes such
   * ranges as they become ready while it waits for the rest.
   */
  readonly ready?: (lo: number) => boolean;
  /**
   * Called once a failure is recorded, before the pool waits for every
   * thread to leave: tells ranges waiting inside the kernel to give up.
   */
  readonly cancel?: () => void;
}

/** Who ran what in the last job (for tests and debug output). */
export interface RunReport {
  /** Range r is [bounds[r], bounds[r + 1]). */
  readonly bounds: readonly number[];
  /** Per range: 0 = the calling thread, i + 1 = worker slot i. */
  readonly ranBy: readonly number[];
}

/** How long a blocked caller sleeps before probing whether its workers are still alive. */
const WAIT_SLICE_MS = 50;

/**
 * In a multi-step job, how long a range may stay unclaimed before the caller
 * runs it itself. Jobs go only to workers that are up, which claim within
 * ~0.1 ms; this is a backstop, long enough never to race a healthy worker.
 */
const STEAL_GRACE_MS = 100;

/**
 * A worker the probe cannot yet tell about (see `WorkerHandle.probeStopped`)
 * is presumed stopped once nothing has signalled for this long... A live
 * worker's share takes about as long as the caller's equal share: a cold
 * worker compiles the kernel and runs it unoptimized for a moment, which the
 * factor below covers many times over.
 */
const UNSEEN_GRACE_MS = 1000;
/** ...or for this many times the longest range the caller ran itself, if longer. */
const UNSEEN_GRACE_FACTOR = 20;

const CALLER_TAG = 1;

/**
 * In a multi-step sync job, a worker's range at step k ≥ 1 that nobody has
 * taken this long after the calling thread began to wait for it is run by
 * the calling thread (its result is the same whoever runs it). A worker
 * that is up takes its range within ~1 µs of the barrier while it spins,
 * or tens of µs once asleep (steps longer than SPIN_MS); one that the OS
 * has not scheduled (more runnable threads than cores) takes it only after
 * a time slice of several ms, which made each step of a W5 kscan (4,000
 * rows of ~10 µs) cost ~1 ms on a 2-core machine with a third busy process.
 * The delay is at least the time the caller's own range of the step took,
 * so taking a range costs at most what waiting for it already had (a worker
 * asleep between long steps wakes tens to hundreds of µs after the notify).
 */
const LATE_STEP_MS = 0.05;
/** While a late worker's step may be taken, the calling thread sleeps in slices this short, then looks again. */
const LATE_POLL_MS = 0.2;

/**
 * The calling thread's taker of late steps: `late(k)` returns what to run
 * while waiting for step k to finish, which takes every range of step k
 * nobody has taken once the wait has lasted LATE_STEP_MS, or the time
 * `ownMs()` (the caller's own ranges of step k) if longer; or at once if
 * the previous step was taken from a late worker too (it is likely still
 * away). `step(r, k)` claims and runs range r at step k (false if taken
 * already).
 */
function lateSteps(ranges: number, step: (r: number, k: number) => boolean, ownMs: () => number): (k: number) => () => void {
  let tookAt = -2;
  return (k) => {
    const since = performance.now();
    return () => {
      if (tookAt !== k - 1 && performance.now() - since < Math.max(LATE_STEP_MS, ownMs())) return;
      for (let r = 0; r < ranges; r++) if (step(r, k)) tookAt = k;
    };
  };
}

interface Slot {
  readonly index: number;
  readonly handle: WorkerHandle;
  /** Shared Readiness flag: BOOTING → UP once its event loop runs → GONE from its exit hook. */
  readonly ready: Int32Array;
  /** The thread is known to have ended (or failed to start). */
  dead: boolean;
  /** Last uncaught error the worker reported. */
  lastError: string | null;
  /** Reasons to keep the process alive for this worker (a pending ready(), an async job); unref'd at 0. */
  holds: number;
}

interface Dispatch {
  readonly id: number;
  readonly hash: string;
  readonly control: Control;
  readonly bounds: readonly number[];
  readonly steps: number;
  /** Participant p ≥ 1 is workers[p - 1]; participant 0 is the calling thread. */
  readonly workers: readonly Slot[];
  /** Resolver of the pending async wait, when waiting on messages. */
  wake: (() => void) | null;
  /** Date.now() when the caller last saw a signal (or the dispatch). */
  heardAt: number;
  /** Longest range the calling thread ran, in ms. */
  callerMs: number;
}

/**
 * A fixed set of worker threads that run jobs over shared buffers.
 *
 * @example
 * const pool = new WorkerPool(2);
 * await pool.ready();
 * const x = allocate("float64", 1e6), y = allocate("float64", 1e6);
 * pool.runSync({ hash: "dbl", body: "for (let i = lo; i < hi; i++) f[1][i] = 2 * f[0][i];",
 *                f: [x, y], t: [], n: 1e6 });
 */
export class WorkerPool {
  private slots: Slot[] = [];
  private target = 0;
  private closed = false;
  private active: Dispatch | null = null;
  private pendingSize: number | null = null;
  private queue: Promise<void> = Promise.resolve();
  private nextId = 1;
  private readyWaiters: (() => void)[] = [];
  /** Workers held (ref'd) for pending ready() waiters. */
  private readyHeld: Slot[] = [];
  private report: RunReport | null = null;

  /** Start `size` workers (0 is allowed: everything then runs on the calling thread). */
  constructor(size: number) {
    this.resize(size);
  }

  /** Number of worker threads requested. */
  get size(): number {
    return this.target;
  }

  /** True after `terminate()`. */
  get terminated(): boolean {
    return this.closed;
  }

  /** Who ran which range in the last job, or null before the first. */
  get lastRun(): RunReport | null {
    return this.report;
  }

  /** Resolves once every worker has started (or failed to start); keeps the process alive meanwhile. */
  ready(): Promise<void> {
    if (this.allSettled()) return Promise.resolve();
    const settled = new Promise<void>((resolve) => this.readyWaiters.push(resolve));
    for (const slot of this.slots) this.holdForReady(slot);
    return settled;
  }

  /** How many ranges the pool would cut a job of `n` iterations and `work` units into, right now. */
  rangesFor(n: number, work?: number): number {
    return planRanges(n, 1 + this.usableWorkers().length, work);
  }

  /**
   * Run `job` to completion on the calling thread plus idle workers, blocking
   * until all ranges are done. Where the thread cannot block (a browser's main
   * thread), or while an async job is running, it runs on the calling thread alone.
   *
   * `beside`: other work for the calling thread (an independent job that
   * runs on it alone): in a single-step job it runs once the job is sent,
   * while the workers start on the ranges, and the calling thread then takes
   * whatever ranges are left; otherwise it runs first. If it throws, the job
   * still completes (nothing writes the buffers after this returns) and
   * its error is thrown.
   *
   * @example
   * pool.runSync({ hash, body, f: [input, output], t: [], n: output.length });
   */
  runSync(job: Job, beside?: () => void): void {
    const start = this.start(job);
    if (start === null) return beside?.();
    const { steps, fn } = start;
    const workers = this.active === null && canBlock() ? this.usableWorkers() : [];
    const threads = planRanges(job.n, 1 + workers.length, job.work);
    if (threads <= 1 || steps > 1) beside?.();
    if (threads <= 1) {
      runOnCaller(job, job.callerF ?? job.f, fn, steps);
      this.report = { bounds: [0, job.n], ranBy: [0] };
      return;
    }
    const grain = job.grain ?? 1;
    const bounds = steps === 1 && grain > 1 ? guidedRanges(job.n, threads, grain, job.work) : splitRange(job.n, threads);
    checkShared(job);
    const deferred = steps === 1 && beside !== undefined;
    const d = this.dispatch(job, workers.slice(0, threads - 1), bounds, steps, true, deferred);
    const collect = steps === 1 ? workerRangeCollector(d, job) : null;
    let besideError: { readonly error: unknown } | null = null;
    if (deferred) {
      try {
        beside();
      } catch (error) {
        besideError = { error };
      }
    }
    this.participate(d, job, fn, collect, !deferred);
    const onWake = job.ready === undefined ? collect : (): void => this.takeReady(d, job, fn, collect);
    if (!this.waitSync(d, (bounds.length - 1) * steps, onWake)) {
      job.cancel?.();
      this.waitAllLeft(d);
      throw this.failureOf(d);
    }
    collect?.();
    this.report = reportOf(d);
    if (besideError !== null) throw besideError.error;
  }

  /**
   * Run `job` on the workers only and resolve when it is done; the calling
   * thread never blocks. Jobs queue behind each other. With no workers it
   * runs on the calling thread.
   *
   * @example
   * await pool.runAsync({ hash, body, f: [input, output], t: [], n: output.length });
   */
  runAsync(job: Job): Promise<void> {
    const run = this.queue.then(() => this.runAsyncNow(job));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Grow or shrink the pool to `size` workers (applied after a running async job). */
  resize(size: number): void {
    this.assertOpen();
    if (!Number.isInteger(size) || size < 0) {
      throw new RuntimeFailure("bad-job", `pool size: got ${String(size)}, expected a non-negative integer`);
    }
    this.target = size;
    if (this.active !== null) {
      this.pendingSize = size;
      return;
    }
    while (this.slots.length > size) {
      const slot = this.slots.pop();
      if (slot !== undefined) this.retire(slot);
    }
    const canShard = sharedMemoryUsable();
    for (let i = this.slots.length; i < size && canShard; i++) {
      const slot = this.spawn(i);
      if (slot === null) break;
      this.slots.push(slot);
    }
    this.settleReady();
  }

  /** Stop every worker. A job still running fails; later calls throw RuntimeFailure("terminated"). */
  terminate(): void {
    if (this.closed) return;
    this.closed = true;
    const d = this.active;
    if (d !== null) {
      const { ctl, ranges } = d.control;
      recordFailure(ctl, CALLER_TAG, FailCode.DIED, "the worker pool was terminated while the job ran");
      for (let p = 0; p < d.control.participants; p++) Atomics.store(ctl, stateIndex(ranges, p), Layout.LEFT);
      signal(ctl);
      wakeAsync(d);
    }
    for (const slot of this.slots) this.retire(slot);
    this.slots = [];
    this.settleReady();
  }

  /** What both paths do first: check the job and compile it; null when it has no cells (nothing to run). */
  private start(job: Job): { steps: number; fn: KernelFn } | null {
    this.assertOpen();
    const steps = checkJob(job);
    const fn = job.fn ?? compileKernel(job.hash, job.body, job.factory === true);
    if (job.n === 0) {
      this.report = { bounds: [0], ranBy: [] };
      return null;
    }
    return { steps, fn };
  }

  // ---- async path ----

  private async runAsyncNow(job: Job): Promise<void> {
    const start = this.start(job);
    if (start === null) return;
    const { steps, fn } = start;
    let workers = this.usableWorkers();
    if (workers.length === 0 && this.slots.some((s) => !s.dead)) {
      await this.ready();
      this.assertOpen();
      workers = this.usableWorkers();
    }
    if (workers.length === 0) {
      runOnCaller(job, job.f, fn, steps);
      this.report = { bounds: [0, job.n], ranBy: [0] };
      return;
    }
    const ranges = planRanges(job.n, workers.length, job.work);
    checkShared(job);
    const d = this.dispatch(job, workers.slice(0, ranges), splitRange(job.n, ranges), steps, false);
    this.active = d;
    for (const w of d.workers) hold(w);
    const waitAsync = waitAsyncFunction();
    const { ctl } = d.control;
    try {
      for (;;) {
        const seen = Atomics.load(ctl, Layout.SIGNAL);
        if (failed(ctl)) job.cancel?.();
        if (failed(ctl) ? this.noneInside(d) : Atomics.load(ctl, Layout.PROG) >= ranges * steps) break;
        if (waitAsync !== undefined) {
          const w = waitAsync(ctl, Layout.SIGNAL, seen);
          if (w.async) await w.value;
        } else {
          await new Promise<void>((resolve) => {
            d.wake = resolve;
          });
        }
      }
    } finally {
      this.active = null;
      for (const w of d.workers) release(w);
      if (this.pendingSize !== null && !this.closed) {
        const size = this.pendingSize;
        this.pendingSize = null;
        this.resize(size);
      }
    }
    if (failed(ctl)) throw this.failureOf(d);
    this.report = reportOf(d);
  }

  // ---- sync path ----

  /**
   * The calling thread's share of a sync job: its home range 0 (`home`: held
   * for it at dispatch), then whatever is left unclaimed; `collect`
   * (single-step jobs) runs after each range.
   */
  private participate(d: Dispatch, job: Job, fn: KernelFn, collect: (() => void) | null, home: boolean): void {
    const { ctl, ranges } = d.control;
    const { bounds, steps } = d;
    const me = stateIndex(ranges, 0);
    const owned = [0];
    const started = Date.now();
    const f = job.callerF ?? job.f;
    const timed = (r: number, k: number): void => {
      const t0 = Date.now();
      fn(f, job.t, job.scalars ?? NO_SCALARS, bounds[r], bounds[r + 1], k);
      d.callerMs = Math.max(d.callerMs, Date.now() - t0);
    };
    Atomics.store(ctl, me, Layout.INSIDE);
    try {
      if (steps === 1) {
        for (let r = 0; r < ranges; r++) {
          if (r !== 0 || !home) {
            if (job.ready !== undefined && !job.ready(bounds[r]!)) continue;
            if (!claim(ctl, r, CALLER_TAG)) continue;
          }
          if (failed(ctl)) break;
          timed(r, 0);
          markDone(ctl, r);
          progress(ctl);
          collect?.();
        }
        return;
      }
      // the caller's own ranges of the current step, ms (the patience of `late`)
      let ownMs = 0;
      const step = (r: number, k: number): boolean => {
        if (!claimStep(d.control, r, k)) return false;
        timed(r, k);
        progress(ctl);
        return true;
      };
      // Ranges still unclaimed while step 0 is incomplete: their worker is gone
      // (state LEFT without a claim) or late past the grace period.
      const steal = (): void => {
        const late = Date.now() - started > STEAL_GRACE_MS;
        for (let r = 1; r < ranges; r++) {
          if (ownerOf(ctl, r) !== 0) continue;
          if (!late && Atomics.load(ctl, stateIndex(ranges, r)) !== Layout.LEFT) continue;
          if (!claim(ctl, r, CALLER_TAG)) continue;
          owned.push(r);
          step(r, 0);
        }
      };
      const late = lateSteps(ranges, step, () => ownMs);
      for (let k = 0; k < steps; k++) {
        if (k > 0 && !this.waitSync(d, ranges * k, k === 1 ? steal : late(k - 1), k === 1 ? null : LATE_POLL_MS)) return;
        const t0 = performance.now();
        for (const r of owned) step(r, k);
        ownMs = performance.now() - t0;
      }
      if (steps > 1) this.waitSync(d, ranges * steps, late(steps - 1), LATE_POLL_MS);
    } catch (e) {
      recordFailure(ctl, CALLER_TAG, FailCode.THREW, describeThrown(e));
    } finally {
      Atomics.store(ctl, me, Layout.LEFT);
      signal(ctl);
    }
  }

  /**
   * While the calling thread waits on a job with `ready`: run the ranges
   * nobody has claimed that have become ready (a worker that has not woken
   * yet holds nothing up), then `collect`.
   */
  private takeReady(d: Dispatch, job: Job, fn: KernelFn, collect: (() => void) | null): void {
    const { ctl, ranges } = d.control;
    for (let r = 1; r < ranges; r++) {
      if (ownerOf(ctl, r) !== 0 || !job.ready!(d.bounds[r]!)) continue;
      this.participate(d, job, fn, collect, false);
      return;
    }
    collect?.();
  }

  /**
   * Block until PROG ≥ target (true) or a failure is recorded (false):
   * checking for SPIN_MS, then asleep in WAIT_SLICE_MS slices with a liveness
   * probe after each; `onWake` runs on every change of the control block and
   * after every slice (used to take over abandoned ranges, and to copy out
   * the ranges workers finished).
   */
  private waitSync(d: Dispatch, target: number, onWake: (() => void) | null, pollMs: number | null = null): boolean {
    const { ctl } = d.control;
    const spinUntil = performance.now() + SPIN_MS;
    let handled = -1;
    let heard = Atomics.load(ctl, Layout.SIGNAL);
    let slept = 0;
    for (let spins = 0; ; spins++) {
      const seen = Atomics.load(ctl, Layout.SIGNAL);
      if (seen !== heard) {
        heard = seen;
        d.heardAt = Date.now();
      }
      if (failed(ctl)) return false;
      if (Atomics.load(ctl, Layout.PROG) >= target) return true;
      // with pollMs, onWake also judges time (a late worker's step is taken): it runs while spinning too
      if (onWake !== null && (seen !== handled || (pollMs !== null && (spins & 63) === 63))) {
        handled = seen;
        onWake();
        if (Atomics.load(ctl, Layout.SIGNAL) !== seen) continue;
      }
      if ((spins & 63) !== 63 || performance.now() < spinUntil) continue;
      const slice = pollMs ?? WAIT_SLICE_MS;
      if (Atomics.wait(ctl, Layout.SIGNAL, seen, slice) === "timed-out") {
        slept += slice;
        if (slept >= WAIT_SLICE_MS) {
          slept = 0;
          this.probe(d);
        }
        // onWake also judges time (a late worker's range is taken after a grace period): run it again
        handled = -1;
      } else d.heardAt = Date.now();
    }
  }

  /** After a failure: block until no participant is still running a range. */
  private waitAllLeft(d: Dispatch): void {
    const { ctl } = d.control;
    for (;;) {
      const seen = Atomics.load(ctl, Layout.SIGNAL);
      if (this.noneInside(d)) return;
      if (Atomics.wait(ctl, Layout.SIGNAL, seen, WAIT_SLICE_MS) === "timed-out") this.probe(d);
      else d.heardAt = Date.now();
    }
  }

  /**
   * Check every worker of `d` that has not left: a stopped thread that was
   * inside (or holds a range) is a failure; one that never entered just leaves.
   */
  private probe(d: Dispatch): void {
    const { ctl, ranges } = d.control;
    d.workers.forEach((slot, i) => {
      const p = i + 1;
      const at = stateIndex(ranges, p);
      const state = Atomics.load(ctl, at);
      if (state === Layout.LEFT) return;
      const exited = readiness(slot) === Readiness.GONE && state === Layout.NOT_ENTERED;
      if (!slot.dead && !exited && !this.stopped(d, slot)) return;
      slot.dead = true;
      let holds = state === Layout.INSIDE;
      for (let r = 0; r < ranges && !holds; r++) holds = ownerOf(ctl, r) === p + 1;
      if (holds) {
        recordFailure(
          ctl,
          p + 1,
          FailCode.STOPPED,
          `worker ${slot.index} stopped without reporting while running kernel ${d.hash}` +
            (slot.lastError !== null ? ` (${slot.lastError})` : ""),
        );
      }
      Atomics.store(ctl, at, Layout.LEFT);
      signal(ctl);
    });
    this.replaceDead();
  }

  /** The probe's verdict on a worker of `d`; one it cannot tell about yet is judged by the job's silence. */
  private stopped(d: Dispatch, slot: Slot): boolean {
    const stopped = slot.handle.probeStopped();
    if (stopped !== null) return stopped;
    return Date.now() - d.heardAt > Math.max(UNSEEN_GRACE_MS, UNSEEN_GRACE_FACTOR * d.callerMs);
  }

  private noneInside(d: Dispatch): boolean {
    const { ctl, ranges, participants } = d.control;
    for (let p = 0; p < participants; p++) {
      if (Atomics.load(ctl, stateIndex(ranges, p)) === Layout.INSIDE) return false;
    }
    return true;
  }

  // ---- dispatch and failures ----

  /** Send `job` to `workers`; `deferred`: a sync job's calling thread joins late (range 0 is not held for it). */
  private dispatch(job: Job, workers: readonly Slot[], bounds: readonly number[], steps: number, sync: boolean, deferred = false): Dispatch {
    const ranges = bounds.length - 1;
    const control = createControl(ranges, 1 + workers.length);
    const { ctl } = control;
    const d: Dispatch = { id: this.nextId++, hash: job.hash, control, bounds, steps, workers, wake: null, heardAt: Date.now(), callerMs: 0 };
    if (sync && !deferred) claim(ctl, 0, CALLER_TAG);
    else Atomics.store(ctl, stateIndex(ranges, 0), Layout.LEFT);
    const notify = !sync && waitAsyncFunction() === undefined;
    const release = carriesUnsent(job.f);
    workers.forEach((slot, i) => {
      const p = i + 1;
      // the worker is up and idle: prime the counters its liveness probe reads
      slot.handle.noteAlive();
      const message: RunMessage = {
        type: "run",
        id: d.id,
        hash: job.hash,
        body: job.body,
        factory: job.factory === true,
        wasm: job.wasm === undefined ? null : { module: job.wasm.module, memory: job.wasm.memory },
        buffers: job.f,
        tables: job.t,
        scalars: job.scalars ?? NO_SCALARS,
        bounds,
        steps,
        participant: p,
        home: sync && !deferred ? p : i,
        stepAt: stepIndex(control, 0),
        ctl,
        notify,
        release,
      };
      try {
        slot.handle.post(message);
      } catch (e) {
        recordFailure(ctl, p + 1, FailCode.THREW, `could not send the job: ${describeThrown(e)}`);
        Atomics.store(ctl, stateIndex(ranges, p), Layout.LEFT);
        signal(ctl);
      }
    });
    return d;
  }

  /** The RuntimeFailure for a failed dispatch; dead workers are replaced on the way. */
  private failureOf(d: Dispatch): RuntimeFailure {
    const info = readFailure(d.control.ctl);
    if (info === null) return new RuntimeFailure("kernel-threw", `kernel ${d.hash} failed without a recorded reason`);
    const p = info.tag - 1;
    const slot = p >= 1 ? d.workers[p - 1] : undefined;
    const where = slot === undefined ? "the calling thread" : `worker ${slot.index}`;
    const worker = slot === undefined ? null : slot.index;
    switch (info.code) {
      case FailCode.THREW:
        return new RuntimeFailure("kernel-threw", `kernel ${d.hash} threw on ${where}: ${info.message}`, worker);
      case FailCode.COMPILE:
        return new RuntimeFailure("kernel-compile", `kernel ${d.hash} does not compile on ${where}: ${info.message}`, worker);
      case FailCode.DIED:
      case FailCode.STOPPED:
        if (slot !== undefined) slot.dead = true;
        this.replaceDead();
        return new RuntimeFailure("worker-died", info.message, worker);
      default:
        return new RuntimeFailure("kernel-threw", `kernel ${d.hash} failed on ${where} (code ${info.code}): ${info.message}`, worker);
    }
  }

  // ---- workers ----

  private usableWorkers(): Slot[] {
    // A GONE flag is news the "exit" event may not have brought yet (it needs the event loop).
    if (this.slots.some((s) => !s.dead && readiness(s) === Readiness.GONE)) {
      for (const s of this.slots) if (readiness(s) === Readiness.GONE) s.dead = true;
      this.replaceDead();
    }
    return this.slots.filter((s) => !s.dead && readiness(s) === Readiness.UP);
  }

  private spawn(index: number): Slot | null {
    const handle = spawnWorker(WORKER_SOURCE, `kernex-worker-${index}`);
    if (handle === null) return null;
    const ready = new Int32Array(new SharedArrayBuffer(4));
    const slot: Slot = { index, handle, ready, dead: false, lastError: null, holds: 0 };
    handle.onMessage((m) => this.onMessage(slot, m));
    handle.onError((message) => {
      slot.lastError = message;
      // A worker that errors before it is up never will be (browsers report a failed script this way).
      if (readiness(slot) === Readiness.BOOTING) {
        slot.dead = true;
        this.settleReady();
      }
    });
    handle.onExit((code) => this.onExit(slot, code));
    // After the listeners: in Node, adding a "message" listener refs the worker again.
    handle.unref();
    if (this.readyWaiters.length > 0) this.holdForReady(slot);
    const init: InitMessage = { type: "init", index, ready: slot.ready };
    handle.post(init);
    return slot;
  }

  private onMessage(slot: Slot, m: WorkerEvent): void {
    if (m.type === "ready") {
      slot.handle.noteAlive();
      this.settleReady();
    }
    else if (m.type === "left" || m.type === "error") {
      const d = this.active;
      if (d !== null && d.workers.includes(slot)) wakeAsync(d);
    }
  }

  private onExit(slot: Slot, code: number): void {
    slot.dead = true;
    const d = this.active;
    const p = d === null ? -1 : d.workers.indexOf(slot) + 1;
    if (d !== null && p >= 1) {
      const { ctl, ranges } = d.control;
      const at = stateIndex(ranges, p);
      if (Atomics.load(ctl, at) !== Layout.LEFT) {
        const why = slot.lastError !== null ? `: ${slot.lastError}` : "";
        recordFailure(ctl, p + 1, FailCode.DIED, `worker ${slot.index} exited with code ${code}${why} while running kernel ${d.hash}`);
        Atomics.store(ctl, at, Layout.LEFT);
        signal(ctl);
      }
      wakeAsync(d);
    }
    this.replaceDead();
    this.settleReady();
  }

  /** Replace every dead worker of a live pool by a fresh one (it is usable once it reports ready). */
  private replaceDead(): void {
    if (this.closed) return;
    this.slots = this.slots.map((slot) => {
      if (!slot.dead) return slot;
      this.retire(slot);
      return this.spawn(slot.index) ?? slot;
    });
  }

  private retire(slot: Slot): void {
    slot.dead = true;
    slot.handle.terminate();
  }

  private allSettled(): boolean {
    return this.slots.every((s) => s.dead || readiness(s) !== Readiness.BOOTING);
  }

  private holdForReady(slot: Slot): void {
    if (slot.dead || readiness(slot) !== Readiness.BOOTING || this.readyHeld.includes(slot)) return;
    hold(slot);
    this.readyHeld.push(slot);
  }

  private settleReady(): void {
    if (this.readyWaiters.length === 0 || !this.allSettled()) return;
    const waiters = this.readyWaiters;
    this.readyWaiters = [];
    for (const slot of this.readyHeld) release(slot);
    this.readyHeld = [];
    for (const resolve of waiters) resolve();
  }

  private assertOpen(): void {
    if (this.closed) throw new RuntimeFailure("terminated", "the worker pool has been terminated");
  }
}

function readiness(slot: Slot): number {
  return Atomics.load(slot.ready, 0);
}

/** Keep the process alive for `slot` (counted; the first hold refs the worker). */
function hold(slot: Slot): void {
  if (slot.holds++ === 0) slot.handle.ref();
}

/** The stores of shared buffers the pool has sent to its workers. */
const sentStores = new WeakSet<object>();

/**
 * Does `f` hold a shared buffer the pool has not sent before (whose workers
 * then let go of it after the job: worker-source.ts RELEASE_ROUNDS)? Scratch
 * and a loop's buffers are sent again and again; a result or an array the
 * user made may be dropped after one job.
 */
function carriesUnsent(f: readonly FloatArray[]): boolean {
  let unsent = false;
  for (const x of f) {
    if (sentStores.has(x.buffer)) continue;
    sentStores.add(x.buffer);
    unsent = true;
  }
  return unsent;
}

/** Undo one `hold`; the last release unrefs the worker. */
function release(slot: Slot): void {
  if (--slot.holds === 0) slot.handle.unref();
}

function wakeAsync(d: Dispatch): void {
  const wake = d.wake;
  d.wake = null;
  wake?.();
}

function reportOf(d: Dispatch): RunReport {
  const { ctl, ranges } = d.control;
  const ranBy: number[] = [];
  for (let r = 0; r < ranges; r++) {
    const p = ownerOf(ctl, r) - 1;
    ranBy.push(p <= 0 ? 0 : (d.workers[p - 1]?.index ?? -1) + 1);
  }
  return { bounds: d.bounds, ranBy };
}

/**
 * For a single-step job with `onWorkerRange`: a function that hands each
 * finished range a worker ran to `onWorkerRange`, once; null without.
 */
function workerRangeCollector(d: Dispatch, job: Job): (() => void) | null {
  const report = job.onWorkerRange;
  if (report === undefined) return null;
  const { ctl, ranges } = d.control;
  const handled = new Uint8Array(ranges);
  return () => {
    for (let r = 0; r < ranges; r++) {
      if (handled[r] === 1 || !rangeDone(ctl, r)) continue;
      handled[r] = 1;
      if (ownerOf(ctl, r) !== CALLER_TAG) report(d.bounds[r]!, d.bounds[r + 1]!);
    }
  };
}

function runOnCaller(job: Job, f: readonly FloatArray[], fn: KernelFn, steps: number): void {
  try {
    for (let k = 0; k < steps; k++) fn(f, job.t, job.scalars ?? NO_SCALARS, 0, job.n, k);
  } catch (e) {
    throw new RuntimeFailure("kernel-threw", `kernel ${job.hash} threw on the calling thread: ${describeThrown(e)}`);
  }
}

/** Validate a job descriptor; returns its step count. */
function checkJob(job: Job): number {
  const bad = (what: string, value: unknown, expected: string): never => {
    throw new RuntimeFailure("bad-job", `job.${what}: got ${String(value)}, expected ${expected}`);
  };
  if (typeof job.hash !== "string") bad("hash", job.hash, "a string");
  if (typeof job.body !== "string") bad("body", typeof job.body, "a string");
  if (!Array.isArray(job.f)) bad("f", job.f, "an array of Float64Array/Float32Array");
  if (job.callerF !== undefined) {
    if (!Array.isArray(job.callerF) || job.callerF.length !== job.f.length) bad("callerF", job.callerF, `an array of ${job.f.length} buffers like f`);
    job.callerF.forEach((a, i) => {
      const like = job.f[i];
      if (a.constructor !== like?.constructor || a.length !== like.length) bad(`callerF[${i}]`, a, `a ${like?.constructor.name}(${like?.length}) like f[${i}]`);
    });
  }
  if (job.onWorkerRange !== undefined && typeof job.onWorkerRange !== "function") bad("onWorkerRange", job.onWorkerRange, "a function");
  job.f.forEach((a, i) => {
    if (!(a instanceof Float64Array || a instanceof Float32Array)) bad(`f[${i}]`, a, "a Float64Array or Float32Array");
  });
  if (!Array.isArray(job.t)) bad("t", job.t, "an array of Int32Array");
  job.t.forEach((a, i) => {
    if (!(a instanceof Int32Array)) bad(`t[${i}]`, a, "an Int32Array");
  });
  if (job.scalars !== undefined) {
    if (!Array.isArray(job.scalars)) bad("scalars", job.scalars, "an array of numbers");
    job.scalars.forEach((x, i) => {
      if (typeof x !== "number") bad(`scalars[${i}]`, x, "a number");
    });
  }
  if (job.fn !== undefined && typeof job.fn !== "function") bad("fn", job.fn, "a function");
  if (!Number.isSafeInteger(job.n) || job.n < 0) bad("n", job.n, "a non-negative integer");
  const steps = job.steps ?? 1;
  if (!Number.isSafeInteger(steps) || steps < 1) bad("steps", job.steps, "a positive integer");
  if (job.work !== undefined && !(job.work >= 0)) bad("work", job.work, "a non-negative number");
  if (job.grain !== undefined && !(Number.isSafeInteger(job.grain) && job.grain >= 1)) bad("grain", job.grain, "a positive integer");
  return steps;
}

function checkShared(job: Job): void {
  job.f.forEach((a, i) => {
    if (!isShared(a)) {
      throw new RuntimeFailure(
        "not-shared",
        `job.f[${i}] (${a.constructor.name}(${a.length})) is not backed by a SharedArrayBuffer, so workers ` +
          "could not see its contents or writes; allocate it with buffers.allocate or copy it with toShared",
      );
    }
  });
}

/** Default worker count: one fewer than the hardware threads (the caller takes a share), 0 without shared memory. */
export function defaultPoolSize(): number {
  return sharedMemoryUsable() ? Math.max(0, hardwareConcurrency() - 1) : 0;
}

let sharedPool: WorkerPool | null = null;

/**
 * The process-wide pool, created on first use and resized when `size` changes.
 *
 * @example
 * getPool().runSync(job); // defaultPoolSize() workers
 */
export function getPool(size: number = defaultPoolSize()): WorkerPool {
  if (sharedPool === null || sharedPool.terminated) sharedPool = new WorkerPool(size);
  else if (sharedPool.size !== size) sharedPool.resize(size);
  return sharedPool;
}
