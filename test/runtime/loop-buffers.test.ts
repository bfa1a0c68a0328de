/**
 * @file A planned loop's carry buffers (runtime/executor/loop-plan.ts,
 * run-loop.ts): the second buffer of a carry takes only the border that an
 * in-place map leaves to it, from pooled memory that is not zeroed; loops
 * over 'valid' and one-sided smaps, for odd and even step counts, equal a
 * plain two-buffer loop although the pool hands out buffers holding NaN;
 * the cost model shards a 1024² heat loop and not a 64² one, and the
 * sharded loop equals the one-thread loop bit for bit (issue #23).
 */
import { afterEach, describe, expect, it } from "vitest";
import * as kex from "kernex";
import { getPool } from "../../runtime/pool";
import { BARRIER_US, DISPATCH_US, NS_PER_UNIT, SHARD_GAIN, threadsForSteps } from "../../runtime/partition-work";
import { firstBitDifference } from "./helpers";
import { mulberry32 } from "../helpers/naive";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Win = any;

const r = 0.2;

/** u ← u + r·Δu on rows [rb, n−ra) and columns [1, m−1) (rb, ra: the rows left alone above and below), two buffers. */
function plainHeat(u0: Float64Array, n: number, m: number, rb: number, ra: number, steps: number): Float64Array {
  let a = Float64Array.from(u0);
  let b = Float64Array.from(u0);
  for (let s = 0; s < steps; s++) {
    for (let i = rb; i < n - ra; i++) {
      for (let j = 1; j < m - 1; j++) {
        const c = a[i * m + j]!;
        b[i * m + j] = c + r * (a[(i + 1) * m + j]! + a[(i - 1) * m + j]! + a[i * m + j + 1]! + a[i * m + j - 1]! - 4 * c);
      }
    }
    [a, b] = [b, a];
  }
  return a;
}

/** Give the pool buffers of `n` float64 elements full of NaN (donated arrays go back to it). */
function dirtyPool(n: number, count: number): void {
  const f = kex.jit((x: kex.NDArray) => kex.mul(x, 1), { donate: [0] });
  for (let i = 0; i < count; i++) f(kex.array(new Float64Array(n).fill(NaN)));
}

afterEach(() => {
  kex.config({ workers: "auto" });
});

describe("planned loops: the second buffer of a carry", () => {
  const [n, m] = [37, 29];
  const rand = mulberry32(5);
  const u0 = Float64Array.from({ length: n * m }, () => rand() - 0.5);
  const cases: [string, kex.StencilOptions, number, number][] = [
    ["'valid' heat", { kernelSize: [3, 3], offset: 1, relative: true, scope: { r } }, 1, 1],
    ["heat leaving 3 rows above and 2 below", { kernelSize: [3, 3], offset: [[3, 2], 1], relative: true, scope: { r } }, 3, 2],
  ];
  for (const [name, options, rb, ra] of cases) {
    for (const steps of [1, 2, 3, 8]) {
      it(`${name}, ${steps} step(s), from buffers holding NaN, equals the plain loop`, () => {
        kex.config({ workers: 0 });
        const step = kex.smap(options, (u: Win) => u[0][0] + r * (u[1][0] + u[-1][0] + u[0][1] + u[0][-1] - 4 * u[0][0]));
        dirtyPool(n * m, 4);
        const got = kex.foriLoop(0, steps, (_i, v: kex.NDArray) => step(v), kex.array(u0, { shape: [n, m] }));
        const want = plainHeat(u0, n, m, rb, ra, steps);
        expect(got.shape).toEqual([n, m]);
        let worst = 0;
        for (let i = 0; i < want.length; i++) worst = Math.max(worst, Math.abs(got.data[i]! - want[i]!));
        expect(worst).toBeLessThanOrEqual(1e-14);
      });
    }
  }
});

describe("planned loops: threads from cost", () => {
  it("threadsForSteps: the closed form of its model at the edges", () => {
    // a 1024² heat step of ~8 units a cell: ~2.1 ms, against a 10 µs barrier
    expect(threadsForSteps(1024 * 1024 * 8, 20, 2)).toBe(2);
    // a 64² step: ~8 µs, less than the barrier it would need
    expect(threadsForSteps(64 * 64 * 8, 1000, 2)).toBe(1);
    // the break-even step: sharded time = SHARD_GAIN × one-thread time, for k threads and s steps
    const [k, s] = [2, 100];
    const oneUs = (DISPATCH_US + s * BARRIER_US) / (s * (SHARD_GAIN - 1 / k));
    const units = (oneUs * 1000) / NS_PER_UNIT;
    expect(threadsForSteps(units * 1.01, s, k)).toBe(2);
    expect(threadsForSteps(units * 0.99, s, k)).toBe(1);
    expect(threadsForSteps(1e12, 10, 1)).toBe(1);
  });

  it("a 1024² heat loop of 5 steps runs sharded and equals the one-thread loop bit for bit", async () => {
    const n = 1024;
    const rand = mulberry32(9);
    const u0 = kex.array(Float64Array.from({ length: n * n }, () => rand() - 0.5), { shape: [n, n] });
    const step = kex.smap({ kernelSize: [3, 3], offset: 1, relative: true, scope: { r } }, (u: Win) => u[0][0] + r * (u[1][0] + u[-1][0] + u[0][1] + u[0][-1] - 4 * u[0][0]));
    kex.config({ workers: 0 });
    const one = kex.foriLoop(0, 5, (_i, v: kex.NDArray) => step(v), u0);
    kex.config({ workers: 1 });
    await getPool(1).ready();
    dirtyPool(n * n, 2);
    const before = getPool(1).lastRun;
    const sharded = kex.foriLoop(0, 5, (_i, v: kex.NDArray) => step(v), u0);
    expect(getPool(1).lastRun).not.toBe(before);
    expect(new Set(getPool(1).lastRun!.ranBy).size).toBeGreaterThan(1);
    expect(firstBitDifference(sharded.data, one.data)).toBe(-1);
  });

  it("a loop's probe (a few steps on one thread against a few on the pool) serves its next calls", async () => {
    const n = 1024;
    const rand = mulberry32(11);
    const u0 = kex.array(Float64Array.from({ length: n * n }, () => rand() - 0.5), { shape: [n, n] });
    const step = kex.smap({ kernelSize: [3, 3], offset: 1, relative: true, scope: { r } }, (u: Win) => u[0][0] + r * (u[1][0] + u[-1][0] + u[0][1] + u[0][-1] - 4 * u[0][0]));
    const loop = (): kex.NDArray => kex.foriLoop(0, 8, (_i, v: kex.NDArray) => step(v), u0);
    kex.config({ workers: 0 });
    const one = loop();
    kex.config({ workers: 1 });
    await getPool(1).ready();
    const pool = getPool(1);
    const runSync = pool.runSync.bind(pool);
    let jobs = 0;
    pool.runSync = (job) => {
      // the loop's own jobs carry its scalars (a carry's parallel copy has none)
      if (job.scalars !== undefined) jobs++;
      runSync(job);
    };
    try {
      const first = loop();
      // probed: two single steps on the pool, then the rest of the loop on the pool or on this thread
      expect(jobs).toBeGreaterThanOrEqual(2);
      jobs = 0;
      const second = loop();
      // the verdict kept: one job for the whole loop (pool), or none (one thread)
      expect(jobs).toBeLessThanOrEqual(1);
      expect(firstBitDifference(first.data, one.data)).toBe(-1);
      expect(firstBitDifference(second.data, one.data)).toBe(-1);
    } finally {
      pool.runSync = runSync;
    }
  });
});
