/**
 * @file How the outermost parallel loop [0, n) is cut into contiguous ranges,
 * and how many threads a job is worth. Pure arithmetic: the pool (`pool.ts`)
 * and the executor use it; it knows nothing of workers.
 */

import { RuntimeFailure } from "./failure";

/**
 * Work units (≈ output cells × operations per cell) a thread must get before
 * sharding pays off; below it the work stays on the calling thread.
 *
 * Why this value: handing work to a sleeping worker costs a fixed round trip
 * (postMessage, the worker's event-loop wake-up, Atomics.notify back): 39-49
 * µs for caller + 1 worker (bench/pool-overhead.ts, 2-core Linux VM, Node
 * 20.20). A sharded map also copies the workers' share out of scratch. A
 * unit is one statement of a stencil's generated kernel body (see
 * `StencilCode.opsPerCell`); compiled stencils run 0.14-0.37 ns per unit
 * (conv2d, laplacian, blur, max-pool, patches, the conv2d gradient's gather,
 * at 1024²). 2^20 units per thread gives each share ≈ 0.15-0.4 ms, several
 * round trips: a 512² laplacian (≈ 0.75 ms) still shards and gains little
 * (0.9-1.1× on two threads); a 256² one (≈ 0.2 ms) runs on one thread.
 */
export const MIN_WORK_PER_THREAD = 1 << 20;

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
