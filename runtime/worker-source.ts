/**
 * @file The worker program as one self-contained classic script (no imports),
 * so the same text runs in a Node `worker_threads` eval worker and in a Web
 * Worker from a Blob URL. It speaks the control-block protocol of
 * `control-block.ts`; `pool.ts` is the calling-thread side.
 *
 * Messages in:  { type: "init", index, ready }  then any number of
 *               { type: "run", id, hash, body, factory, wasm, buffers, tables,
 *                 scalars, bounds, steps, participant, home, ctl, notify }
 *               (`wasm`: a WebAssembly module and the shared memory it runs on, or null).
 * Messages out: { type: "ready", index } once its event loop runs;
 *               { type: "error", id, message } when a kernel fails;
 *               { type: "left", id } after each run when `notify` is set.
 *
 * A run does not carry one fixed [lo, hi): it carries the range bounds and a
 * home range. The worker claims its home range in the control block (CAS), and
 * for single-step jobs then claims any range still unclaimed, so a worker that
 * is slow to wake or already dead never holds a job up: someone else takes its
 * range. A finished range of a single-step job is marked DONE in its claim
 * word, so the caller can use its results while others still run.
 * Multi-step jobs keep their claims across steps and meet at a barrier
 * (PROG ≥ ranges·k) before step k; at each step the worker takes its range
 * by moving the range's step word from k to k + 1, and skips a step the
 * calling thread took instead (it does when the worker is late, e.g. not
 * scheduled on a busy machine).
 *
 * The compiled body is cached by hash (LRU, MAX_KERNELS entries). The pool
 * sends the body with every run: a 4 KB body adds ~1-8 µs to a 40-50 µs round
 * trip (bench/pool-overhead.ts), i.e. ≤ 4% of a job big enough to shard, and
 * it keeps the two sides free of any shared record of what a worker has seen
 * (which a replaced worker or a skipped stale message would silently break).
 */

import { FailCode, Layout, MSG_CAP, SPIN_MS } from "./control-block";

/** Compiled kernels each worker keeps (least recently used is dropped first). */
export const MAX_KERNELS = 256;

/** The `run` message, as the pool builds it. */
export interface RunMessage {
  readonly type: "run";
  readonly id: number;
  readonly hash: string;
  readonly body: string;
  /** The body is a factory returning the kernel function. */
  readonly factory: boolean;
  /** A WebAssembly kernel instead of the body (Job.wasm), or null. */
  readonly wasm: { readonly module: WebAssembly.Module; readonly memory: WebAssembly.Memory } | null;
  readonly buffers: readonly (Float64Array | Float32Array)[];
  readonly tables: readonly Int32Array[];
  /** A loop's scalars (Job.scalars); undefined for stencils. */
  readonly scalars: readonly number[] | undefined;
  /** Range r is [bounds[r], bounds[r + 1]). */
  readonly bounds: readonly number[];
  readonly steps: number;
  /** This worker's participant number in the control block (0 is the calling thread of a sync run). */
  readonly participant: number;
  /** The range this worker claims first. */
  readonly home: number;
  /** Multi-step jobs: the control block's word of range 0's next step (control-block.ts stepIndex). */
  readonly stepAt: number;
  readonly ctl: Int32Array;
  /** Post a `left` message after the run (for waiters without `Atomics.waitAsync`). */
  readonly notify: boolean;
  /**
   * The job carries a shared buffer the pool has not sent before, which may
   * be dropped once the job is done: the worker lets go of it (RELEASE_ROUNDS).
   */
  readonly release: boolean;
}

/**
 * Letting go of shared buffers. A SharedArrayBuffer a job carried stays
 * reachable from the worker's heap until that thread's next garbage
 * collection, and an idle worker allocates almost nothing, so it may never
 * collect: a buffer the calling thread dropped (a result, an array the user
 * made) stayed in memory for good (a 2100² map called 60 times in a loop
 * held 2 GiB after a full collection on the calling thread). After a job
 * with `release` set, or once RELEASE_BYTES of buffers have come since the
 * last collection, the worker allocates RELEASE_CHURN_BYTES of short-lived
 * garbage per idle turn until a young collection has run (a sentinel it
 * registered after the job has been collected), at most RELEASE_ROUNDS
 * turns: ~0.1 ms per turn, on a thread that has nothing else to do.
 */
export const RELEASE_ROUNDS = 32;
/** See RELEASE_ROUNDS. */
export const RELEASE_CHURN_BYTES = 256 << 10;
/** See RELEASE_ROUNDS. */
export const RELEASE_BYTES = 1 << 30;

/** Values of a worker's shared ready flag. */
export const Readiness = {
  /** Started, event loop not yet running. */
  BOOTING: 0,
  /** Event loop running: the worker can take jobs. */
  UP: 1,
  /** Its exit hook ran: the thread is ending or has ended. */
  GONE: 2,
} as const;

/** The `init` message: the worker's slot index and its shared ready flag. */
export interface InitMessage {
  readonly type: "init";
  readonly index: number;
  /** Int32Array(1) on a SharedArrayBuffer holding a Readiness value, written by the worker. */
  readonly ready: Int32Array;
}

const L = Layout;

/** The worker program. Only numeric constants of this project are spliced into it. */
export const WORKER_SOURCE = `"use strict";
(() => {
  const SIGNAL = ${L.SIGNAL}, PROG = ${L.PROG}, FAIL_TAG = ${L.FAIL_TAG}, FAIL_CODE = ${L.FAIL_CODE};
  const MSG_LEN = ${L.MSG_LEN}, MSG = ${L.MSG}, MSG_CAP = ${MSG_CAP}, CLAIMS = ${L.CLAIMS}, DONE = ${L.DONE};
  const INSIDE = ${L.INSIDE}, LEFT = ${L.LEFT};
  const THREW = ${FailCode.THREW}, COMPILE = ${FailCode.COMPILE}, DIED = ${FailCode.DIED};
  const MAX_KERNELS = ${MAX_KERNELS}, UP = ${Readiness.UP}, GONE = ${Readiness.GONE};
  const SPIN_MS = ${SPIN_MS};
  const RELEASE_ROUNDS = ${RELEASE_ROUNDS}, CHURN = ${RELEASE_CHURN_BYTES >> 5}, RELEASE_BYTES = ${RELEASE_BYTES};

  // ---- host adapter: Web Worker or Node worker_threads ----
  const inBrowser = typeof WorkerGlobalScope !== "undefined" && typeof self !== "undefined";
  let post, listen, onExit;
  if (inBrowser) {
    post = (m) => self.postMessage(m);
    listen = (cb) => self.addEventListener("message", (e) => cb(e.data));
    onExit = (cb) => {
      const close = self.close.bind(self);
      self.close = () => { cb(0); close(); };
    };
  } else {
    const wt = typeof process.getBuiltinModule === "function"
      ? process.getBuiltinModule("node:worker_threads")
      : require("node:worker_threads");
    post = (m) => wt.parentPort.postMessage(m);
    listen = (cb) => wt.parentPort.on("message", cb);
    onExit = (cb) => process.on("exit", cb);
  }

  let index = -1;
  let ready = null;
  let current = null; // { ctl, tag, stateAt, hash } while a run is in progress
  const kernels = new Map();

  function signal(ctl) {
    Atomics.add(ctl, SIGNAL, 1);
    Atomics.notify(ctl, SIGNAL);
  }

  function describe(e) {
    try {
      return e instanceof Error ? e.name + ": " + e.message : "thrown value: " + String(e);
    } catch (_) {
      return "thrown value (unprintable)";
    }
  }

  // First failure wins; later ones only signal.
  function fail(ctl, tag, code, message) {
    if (Atomics.compareExchange(ctl, FAIL_TAG, 0, tag) === 0) {
      Atomics.store(ctl, FAIL_CODE, code);
      const text = new Uint16Array(ctl.buffer, MSG * 4, MSG_CAP);
      const len = Math.min(message.length, MSG_CAP);
      for (let i = 0; i < len; i++) text[i] = message.charCodeAt(i);
      Atomics.store(ctl, MSG_LEN, len);
    }
    signal(ctl);
  }

  // A WebAssembly kernel runs main(lo, hi, k) of its module on the shared memory, instantiated once per hash.
  function kernel(hash, body, factory, wasm) {
    const hit = kernels.get(hash);
    if (hit !== undefined && hit.body === body && hit.factory === factory && (wasm === null) === (hit.wasm === null)) {
      kernels.delete(hash);
      kernels.set(hash, hit);
      return hit.fn;
    }
    let fn;
    if (wasm !== null) {
      const main = new WebAssembly.Instance(wasm.module, { k: { m: wasm.memory } }).exports.main;
      fn = (f, t, s, lo, hi, k) => main(lo, hi, k);
    } else {
      fn = factory ? new Function(body)() : new Function("f", "t", "s", "lo", "hi", "k", body);
    }
    kernels.delete(hash);
    kernels.set(hash, { body, factory, wasm, fn });
    if (kernels.size > MAX_KERNELS) kernels.delete(kernels.keys().next().value);
    return fn;
  }

  // Wait until PROG >= target; false if a failure was recorded first. Checks in a
  // loop for SPIN_MS before it sleeps: the other threads are usually one step away.
  function waitFor(ctl, target) {
    const spinUntil = performance.now() + SPIN_MS;
    for (let spins = 0; ; spins++) {
      const seen = Atomics.load(ctl, SIGNAL);
      if (Atomics.load(ctl, FAIL_TAG) !== 0) return false;
      if (Atomics.load(ctl, PROG) >= target) return true;
      if ((spins & 63) !== 63 || performance.now() < spinUntil) continue;
      Atomics.wait(ctl, SIGNAL, seen);
    }
  }

  function run(m) {
    const ctl = m.ctl, bounds = m.bounds, ranges = bounds.length - 1;
    const tag = m.participant + 1, stateAt = CLAIMS + ranges + m.participant;
    Atomics.store(ctl, stateAt, INSIDE);
    current = { ctl, tag, stateAt, hash: m.hash };
    try {
      if (Atomics.load(ctl, FAIL_TAG) !== 0) return;
      let fn;
      try {
        fn = kernel(m.hash, m.body, m.factory === true, m.wasm || null);
      } catch (e) {
        fail(ctl, tag, COMPILE, describe(e));
        post({ type: "error", id: m.id, message: describe(e) });
        return;
      }
      const f = m.buffers, t = m.tables, s = m.scalars;
      try {
        if (m.steps === 1) {
          // Home range first, then any range nobody has claimed yet.
          for (let i = 0; i < ranges; i++) {
            const r = (m.home + i) % ranges;
            if (Atomics.compareExchange(ctl, CLAIMS + r, 0, tag) !== 0) continue;
            if (Atomics.load(ctl, FAIL_TAG) !== 0) return;
            fn(f, t, s, bounds[r], bounds[r + 1], 0);
            Atomics.or(ctl, CLAIMS + r, DONE);
            Atomics.add(ctl, PROG, 1);
            signal(ctl);
          }
        } else {
          const r = m.home, at = m.stepAt + r;
          if (Atomics.compareExchange(ctl, CLAIMS + r, 0, tag) !== 0) return;
          for (;;) {
            // the next step of this range nobody has taken (the caller takes a late worker's steps)
            const k = Atomics.load(ctl, at);
            if (k >= m.steps) break;
            if (!waitFor(ctl, ranges * k)) return;
            if (Atomics.compareExchange(ctl, at, k, k + 1) !== k) continue;
            fn(f, t, s, bounds[r], bounds[r + 1], k);
            Atomics.add(ctl, PROG, 1);
            signal(ctl);
          }
        }
      } catch (e) {
        fail(ctl, tag, THREW, describe(e));
        post({ type: "error", id: m.id, message: describe(e) });
      }
    } finally {
      current = null;
      Atomics.store(ctl, stateAt, LEFT);
      signal(ctl);
      if (m.notify) post({ type: "left", id: m.id });
    }
  }

  // A kernel that ends the thread (process.exit in Node, close() in a browser)
  // still reports: the waiting caller must wake up and learn why.
  // The ready flag turns GONE so that a caller that never returns to its event loop
  // (and so never sees the "exit" event) still stops sending jobs here.
  onExit((code) => {
    const c = current;
    current = null;
    if (c !== null) {
      fail(c.ctl, c.tag, DIED, "worker " + index + " exited with code " + code + " while running kernel " + c.hash);
      Atomics.store(c.ctl, c.stateAt, LEFT);
      signal(c.ctl);
    }
    if (ready !== null) Atomics.store(ready, 0, GONE);
  });

  // ---- letting go of a job's buffers (RELEASE_ROUNDS) ----
  const later = typeof setImmediate === "function" ? setImmediate : (cb) => setTimeout(cb, 0);
  let receivedBytes = 0, releasing = false, collected = false, rounds = 0, generation = 0, sink = null;
  const sentinels = typeof FinalizationRegistry === "function" ? new FinalizationRegistry((g) => { if (g === generation) collected = true; }) : null;

  function churn() {
    if (collected || ++rounds > RELEASE_ROUNDS) {
      releasing = false;
      sink = null;
      return;
    }
    // ~32 bytes per array: CHURN of them is RELEASE_CHURN_BYTES of garbage
    for (let i = 0; i < CHURN; i++) sink = [i, i];
    later(churn);
  }

  function releaseBuffers(m) {
    for (const b of m.buffers) receivedBytes += b.byteLength;
    if (sentinels === null || !(m.release || receivedBytes > RELEASE_BYTES)) return;
    // a collection that takes this sentinel comes after the job: its buffers go with it
    receivedBytes = 0;
    collected = false;
    rounds = 0;
    sentinels.register({}, ++generation);
    if (!releasing) {
      releasing = true;
      later(churn);
    }
  }

  listen((m) => {
    if (m === null || typeof m !== "object") return;
    if (m.type === "run") {
      run(m);
      releaseBuffers(m);
    } else if (m.type === "init") {
      index = m.index;
      ready = m.ready;
      // A timer callback runs inside the event loop, so "ready" also means "loop started".
      setTimeout(() => {
        Atomics.store(ready, 0, UP);
        post({ type: "ready", index });
      }, 0);
    }
  });
})();
`;
