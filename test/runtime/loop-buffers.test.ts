/**
 * @file A planned loop's carry buffers (runtime/executor/loop-plan.ts,
 * run-loop.ts): the second buffer of a carry takes only the border that an
 * in-place map leaves to it, from pooled memory that is not zeroed; loops
 * over 'valid' and one-sided smaps, for odd and even step counts, equal a
 * plain two-buffer loop although the pool hands out buffers holding NaN
 * (issue #23).
 */
import { afterEach, describe, expect, it } from "vitest";
import * as kex from "kernex";
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
