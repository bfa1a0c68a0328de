/**
 * @file Beyond the shared budget (runtime/shared-budget.ts): with 1 GiB of
 * shared buffers handed out and alive, kernex hands out no more — arrays
 * made while workers are on are plain, a map's result above 32 MiB goes
 * through scratch, a kscan above 32 MiB copies through scratch, a split
 * sweep's results are copied out of scratch — and every result is still
 * equal bit for bit to one thread's, on plain memory. (In a file of its
 * own: the budget is the process's.)
 */
import { afterAll, describe, expect, it } from "vitest";
import * as kex from "kernex";
import type { NDArray } from "kernex";
import { allocate, isShared } from "../../runtime/buffers";
import { SHARED_ARRAY_ELEMENTS } from "../../runtime/partition-work";
import { getPool } from "../../runtime/pool";
import { SHARED_OUTSTANDING_BYTES, handOutShared, mayHandOutShared } from "../../runtime/shared-budget";
import { randomArray, type Window } from "../helpers/check";
import { seedConvection, seedConvectionGradient } from "../helpers/convection";
import { mulberry32 } from "../helpers/naive";
import { firstBitDifference } from "./helpers";

// the budget, handed out and held (never written: no memory is touched)
const held: Float64Array[] = [];
while (mayHandOutShared(64 << 20)) held.push(handOutShared(allocate("float64", 8 << 20, true)) as Float64Array);

afterAll(() => {
  held.length = 0;
  kex.config({ workers: "auto" });
});

/**
 * `run` on one thread and on the calling thread plus one worker; the second
 * result is checked to be its own memory: a second sharded run (reusing any
 * scratch) leaves it as it was.
 */
function bothWays(run: () => NDArray): { one: NDArray; two: NDArray } {
  kex.config({ workers: 0 });
  const one = run();
  kex.config({ workers: 1 });
  const two = run();
  const kept = Float64Array.from(two.data);
  run();
  expect(firstBitDifference(two.data, kept)).toBe(-1);
  return { one, two };
}

describe("beyond the shared budget", () => {
  it("is exhausted by what this file holds", () => {
    expect(held.length * (64 << 20)).toBeGreaterThan(SHARED_OUTSTANDING_BYTES - (64 << 20));
    expect(mayHandOutShared(8 << 20)).toBe(false);
  });

  it("arrays made while workers are on are plain", () => {
    kex.config({ workers: 1 });
    const a = kex.zeros([SHARED_ARRAY_ELEMENTS]);
    expect(isShared(a.data)).toBe(false);
  });

  it("a map with a 32 MiB result on a plain input still shards, through scratch, and gives one thread's bits on plain memory", async () => {
    await getPool(1).ready();
    const x = randomArray(mulberry32(3), [1500, 2800]);
    // a 5×5 sum of squares: enough work per cell to pay for copying its plain input to scratch and its result out
    const sumOfSquares = kex.jit(kex.kmap({ kernelSize: [5, 5], padding: "same" }, (w: Window) => kex.sum(kex.mul(w, w))));
    const before = getPool(1).lastRun;
    const { one, two } = bothWays(() => sumOfSquares(x) as NDArray);
    expect(getPool(1).lastRun).not.toBe(before);
    expect(isShared(two.data)).toBe(false);
    expect(firstBitDifference(two.data, one.data)).toBe(-1);
  });

  it("a kscan above 32 MiB gives one thread's bits on plain memory", () => {
    const F = seedConvection(1_100, 4_000);
    const u = randomArray(mulberry32(4), [1_100, 4_000]);
    const { one, two } = bothWays(() => F(u));
    expect(isShared(two.data)).toBe(false);
    expect(firstBitDifference(two.data, one.data)).toBe(-1);
  });

  it("a split sweep (the kscan gradient) shards with its results in scratch, copied out", () => {
    const { g, u } = seedConvectionGradient(8, 24_000);
    const before = getPool(1).lastRun;
    const { one, two } = bothWays(() => g(u));
    expect(getPool(1).lastRun).not.toBe(before);
    expect(isShared(two.data)).toBe(false);
    expect(firstBitDifference(two.data, one.data)).toBe(-1);
  });
});
