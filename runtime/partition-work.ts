/**
 * @file How the outermost parallel loop [0, n) is cut into contiguous ranges,
 * and how many threads a job is worth. Pure arithmetic: the pool (`pool.ts`)
 * and the executor use it; it knows nothing of workers.
 */

import { RuntimeFailure } from "./failure";

/**
 * Work units (≈ output cells × operations per cell) each thread of a
 * single-step job must get before sharding pays off; below it the work stays
 * on the calling thread.
 *
 * Why this value: handing work to a sleeping worker costs a round trip
 * (postMessage, the worker's event-loop wake-up, Atomics.notify back): 39-49
 * µs for caller + 1 worker (bench/pool-overhead.ts, 2-core Linux VM, Node
 * 20.20). A sharded map also allocates its result and copies the workers'
 * share out on the calling thread. A unit is one statement of a stencil's
 * generated kernel body (`StencilCode.opsPerCell`); compiled stencils run
 * 0.14-0.37 ns per unit (conv2d, laplacian, blur, max-pool, patches, the
 * conv2d gradient's gather, at 1024²). On two threads, jobs of 0.7-1 ms
 * (a 512² laplacian, a (3,256,256) conv2d) ran 0.45-1.1× as fast as on one,
 * and jobs of 3 ms and more 1.2-1.9×: 2^22 units per thread (≈ 0.6-1.5 ms)
 * keeps jobs under ~1.5 ms on the calling thread.
 */
export const MIN_WORK_PER_THREAD = 1 << 22;

/**
 * The same for each step of a multi-step job (a kscan's parallel rows) whose
 * buffers need no copy to be shared: the threads stay awake between steps,
 * checking the control block in a loop (SPIN_MS), so a step pays a barrier
 * of ~1 µs, not a round trip.
 *
 * Why this value (2-core VM, Node 20.20): linear-convection kscans of 16M
 * cells (a fresh shared working copy, filled by both threads either way),
 * rows sharded against rows on the calling thread, medians of 15
 * alternating calls: rows of 125 cells (2,250 units a step) 0.48×, 250
 * 0.66×, 500 0.97×, 1,000 0.84–1.10×, 2,000 (18,000 units) 0.93–1.14×,
 * 4,000 (36,000 units, W5) 1.24–1.33×. The barrier and a bare row alone
 * (bench/pool-overhead.ts, section 3: one hand-written row, warm memory)
 * pay from shorter rows: 0.9 µs a barrier, rows of 250 cells 0.95×, 500
 * 1.23×, 1,000 1.45×, 4,000 1.78×; a compiled kscan step (its mesh boxes,
 * border tables and loop calls) costs more than the bare row.
 */
export const MIN_WORK_PER_STEP = 1 << 14;

/**
 * The same for a scan whose steps run as a wavefront
 * (runtime/executor/wavefront.ts): no barrier per step, only a read of the
 * left neighbour's progress, so shorter rows pay. Linear convection on two
 * threads against one (2026-12-02, 2-core VM, medians of 40 interleaved
 * calls, results above 32 MiB): rows of 250 cells (2,250 units a step)
 * 1.06× in a donated loop and 1.27× with fresh results, 500 cells 1.27× and
 * 1.39×, 1,000 cells 1.53× and 1.48×, 2,000 cells 1.50× donated.
 */
export const MIN_WORK_PER_PIPELINED_STEP = 1 << 11;

/**
 * The same for a multi-step job whose working copy goes through reused
 * shared scratch (a scan of 32 MiB or less): sharded, it also copies the
 * whole array out of scratch, which costs about what the rows gain. Linear-
 * convection kscans of 4M cells, rows of 250 to 8,000 cells, ran 0.62–0.91×
 * as fast on two threads as on one.
 */
export const MIN_WORK_PER_COPIED_STEP = 1 << 17;

/**
 * Arrays of at least this many elements are allocated shared (when workers
 * may run), so that a sharded stencil reads them without copying them first.
 */
export const SHARED_ARRAY_ELEMENTS = 1 << 17;

/**
 * Split [0, n) into `parts` contiguous ranges whose sizes differ by at most
 * one (the longer ones first). Returns the bounds: range r is
 * [bounds[r], bounds[r + 1]). Deterministic: depends only on n and parts.
 *
 * @example
 * splitRange(10, 3); // [0, 4, 7, 10]
 */
export function splitRange(n: number, parts: number): number[] {
  if (!Number.isInteger(n) || n < 0) throw new RuntimeFailure("bad-job", `splitRange: n must be a non-negative integer, got ${n}`);
  if (!Number.isInteger(parts) || parts < 1) {
    throw new RuntimeFailure("bad-job", `splitRange: parts must be a positive integer, got ${parts}`);
  }
  const base = Math.floor(n / parts);
  const extra = n % parts;
  const bounds = [0];
  for (let r = 0; r < parts; r++) bounds.push(bounds[r] + base + (r < extra ? 1 : 0));
  return bounds;
}

/**
 * Work units below which a range of a guided job is not cut shorter (see
 * guidedRanges): ~0.1-0.2 ms at 0.14-0.37 ns per unit, against a few µs to
 * claim a range and signal its end.
 */
export const MIN_RANGE_WORK = 1 << 19;

/**
 * Bounds for a single-step job whose ranges are taken in order by whoever is
 * free (guided self-scheduling): each range is 1/(2·threads) of the
 * iterations not yet cut, but no shorter than n/(2·threads·grain), nor, when
 * the job's `work` is given, than MIN_RANGE_WORK where that is shorter. The
 * first ranges are long (few claims), the last ones short, so a thread that
 * takes the last range holds the others up for a small part of the job only.
 * Equal ranges of n/(threads·grain) left up to a whole range of idle time at
 * the end: with 8 per thread, ~0.9 ms of a 10 ms two-thread conv2d.
 * Deterministic: depends only on the arguments.
 *
 * @example
 * guidedRanges(1024, 2, 8); // [0, 256, 448, 592, 700, 781, 842, 888, 922, 954, 986, 1018, 1024]
 */
export function guidedRanges(n: number, threads: number, grain: number, work?: number): number[] {
  for (const [name, v, min] of [["n", n, 0], ["threads", threads, 1], ["grain", grain, 1]] as const) {
    if (!Number.isSafeInteger(v) || v < min) throw new RuntimeFailure("bad-job", `guidedRanges: ${name} must be an integer ≥ ${min}, got ${v}`);
  }
  if (work !== undefined && !(work >= 0)) throw new RuntimeFailure("bad-job", `guidedRanges: work must be a number ≥ 0, got ${work}`);
  const even = Math.ceil(n / (2 * threads * grain));
  const shortest = Math.max(1, work === undefined || work === 0 ? even : Math.min(even, Math.ceil((MIN_RANGE_WORK * n) / work)));
  const bounds = [0];
  for (let lo = 0; lo < n; ) {
    lo += Math.min(n - lo, Math.max(shortest, Math.ceil((n - lo) / (2 * threads))));
    bounds.push(lo);
  }
  return bounds;
}

/**
 * How many ranges to cut a job of `n` outer iterations into, given at most
 * `threads` threads and optionally its total `work` in units: never more
 * ranges than iterations, and, when `work` is given, no more threads than
 * `work / MIN_WORK_PER_THREAD`. Always ≥ 1 when n ≥ 1; 0 when n is 0.
 *
 * @example
 * planRanges(1_000_000, 4);          // 4
 * planRanges(1_000_000, 4, 200_000); // 1 — too little work to share
 * planRanges(3, 8);                  // 3
 */
export function planRanges(n: number, threads: number, work?: number): number {
  if (n <= 0) return 0;
  let k = Math.max(1, Math.min(Math.floor(threads), n));
  if (work !== undefined) k = Math.max(1, Math.min(k, Math.floor(work / MIN_WORK_PER_THREAD)));
  return k;
}

/**
 * Estimated time of one work unit on one thread, in ns: compiled stencils
 * run 0.14–0.37 ns per unit (conv2d, laplacian, blur, max-pool, patches, the
 * heat step, at 1024², 2-core VMs); the middle of that range.
 */
export const NS_PER_UNIT = 0.25;

/**
 * Estimated time for the calling thread to copy one byte, in ns: an 8 MiB
 * input copied to scratch took 0.6–1.2 ms, the workers' 14 MB share of a
 * gather's result copied out ~2.1 ms (2-core VM).
 */
export const NS_PER_COPIED_BYTE = 0.12;

/**
 * Does splitting a single-step job of `work` units over `threads` threads
 * surely save more time than the calling thread spends copying `bytes` for
 * it (an input the workers cannot see copied to scratch, their share of a
 * result copied out)? The work is timed at the fast end of NS_PER_UNIT's
 * range (0.14 ns): a 1024² heat step, 14 units a cell, runs at ~0.17 ns a
 * unit, and on a plain input (8 MiB copied in, 4 MiB out) its sharded run
 * was 0.69–0.93× as fast as one thread.
 *
 * @example
 * splitPaysForCopies(14 << 20, 2, 12 << 20); // false: the heat step on a plain input
 * splitPaysForCopies(14 << 20, 2, 4 << 20);  // true: on a shared one
 */
export function splitPaysForCopies(work: number, threads: number, bytes: number): boolean {
  return work * FAST_NS_PER_UNIT * (1 - 1 / threads) > bytes * NS_PER_COPIED_BYTE;
}

/** The fast end of NS_PER_UNIT's range, in ns (see splitPaysForCopies). */
const FAST_NS_PER_UNIT = 0.14;

/**
 * Estimated cost of one barrier between the steps of a sharded multi-step
 * job, in µs. The threads spin between steps (control-block.ts SPIN_MS):
 * bench/pool-overhead.ts measured 0.7–1.5 µs a barrier on a quiet 2-core VM;
 * the estimate allows for a step whose threads do not arrive together (an
 * uneven split, a thread briefly descheduled).
 */
export const BARRIER_US = 10;

/**
 * Estimated cost of handing a job to sleeping workers and seeing it end, in
 * µs: a postMessage, the worker's wake-up and an Atomics.notify back, 39–49
 * µs for the caller and one worker (bench/pool-overhead.ts, 2-core VM).
 */
export const DISPATCH_US = 50;

/**
 * The estimated time of sharded steps must be at most this fraction of
 * their time on one thread before a loop is sharded: the estimates are
 * rough (NS_PER_UNIT spans 2.5× between kernels), and a sharded loop that
 * is not clearly faster is often slower on a busy machine.
 */
export const SHARD_GAIN = 0.7;

/**
 * Threads (1 … `threads`) for `steps` steps of `workPerStep` units each, with
 * a barrier after every step: the most threads whose estimated time
 * (dispatch, then per step the work divided among them plus a barrier) is
 * within SHARD_GAIN of one thread's.
 *
 * @example
 * threadsForSteps(1024 * 1024 * 8, 20, 2); // 2 — a 1024² heat step (~2 ms) pays for a barrier
 * threadsForSteps(64 * 64 * 8, 1000, 2);   // 1 — a 64² step (~8 µs) does not
 */
export function threadsForSteps(workPerStep: number, steps: number, threads: number): number {
  const oneUs = (workPerStep * NS_PER_UNIT) / 1000;
  const one = steps * oneUs;
  for (let k = Math.floor(threads); k >= 2; k--) {
    const sharded = DISPATCH_US + steps * (oneUs / k + BARRIER_US);
    if (sharded <= SHARD_GAIN * one) return k;
  }
  return 1;
}
