/**
 * @file max and min in compiled kernels keep JavaScript's `Math.max` /
 * `Math.min` semantics at the values where a comparison-based form would
 * not: a NaN anywhere in the operands gives NaN, and -0 orders below +0.
 * Inputs drawn from NaN, ±0, ±Infinity and ±1, on grids wide enough for the
 * innermost loop to be jammed (compiler/loop/jam.ts), compiled against the
 * interpreter element by element with `Object.is` (which tells -0 from +0
 * and matches NaN), and against a naive reference.
 */
import { afterEach, describe, expect, it } from "vitest";
import * as kex from "kernex";
import { mulberry32 } from "../helpers/naive";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Win = any;

const SPECIAL = [NaN, -0, 0, Infinity, -Infinity, 1, -1];

/** `n` values drawn from `values`, or NaN (rarer, so that windows without one occur). */
function specials(seed: number, n: number, values: readonly number[] = SPECIAL.slice(1), nanRate = 0.08): Float64Array {
  const rand = mulberry32(seed);
  return Float64Array.from({ length: n }, () => (rand() < nanRate ? NaN : values[Math.floor(rand() * values.length)]!));
}

/** Compiled and interpreted results of `f` on `x`, as plain arrays. */
function bothWays(f: (x: kex.NDArray) => kex.NDArray, x: kex.NDArray): [number[], number[]] {
  const compiled = Array.from(f(x).data as Float64Array);
  kex.config({ codegen: false });
  const interpreted = Array.from(f(x).data as Float64Array);
  kex.config({ codegen: true });
  return [compiled, interpreted];
}

/** Index of the first element where Object.is fails, or -1. */
const firstMismatch = (a: readonly number[], b: readonly number[]): number => (a.length !== b.length ? 0 : a.findIndex((v, i) => !Object.is(v, b[i])));

afterEach(() => {
  kex.config({ codegen: true });
});

describe("max and min keep NaN and signed-zero semantics when compiled", () => {
  it("a 1-d window of 5: Math.max and Math.min chains, bit-equal to the interpreter and to Math.max over the window", () => {
    const n = 64;
    const xd = specials(11, n);
    const x = kex.array(xd, { shape: [n] });
    const mx = kex.kmap({ kernelSize: 5 }, (w: Win) => Math.max(Math.max(Math.max(Math.max(w[0], w[1]), w[2]), w[3]), w[4]));
    const mn = kex.kmap({ kernelSize: 5 }, (w: Win) => Math.min(Math.min(Math.min(Math.min(w[0], w[1]), w[2]), w[3]), w[4]));
    for (const [f, ref] of [[mx, Math.max], [mn, Math.min]] as const) {
      expect(kex.jit(f).lower(x).js).toMatch(/g0 \+= [234]/);
      const [compiled, interpreted] = bothWays(f, x);
      expect(firstMismatch(compiled, interpreted)).toBe(-1);
      const want = Array.from({ length: n - 4 }, (_, i) => ref(...Array.from(xd.subarray(i, i + 5))));
      expect(firstMismatch(compiled, want)).toBe(-1);
    }
  });

  it("max-pool 3×3 stride 2 (W4's shape, jammed): bit-equal to the interpreter and to Math.max over each window", () => {
    const [H, W] = [9, 41];
    // no +Infinity or positive values: the max of a window is then often a zero of either sign
    const xd = specials(12, H * W, [-0, 0, -1, -Infinity], 0.03);
    const x = kex.array(xd, { shape: [H, W] });
    const pool = kex.kmap({ kernelSize: [3, 3], strides: 2 }, (w: Win) => kex.max(w));
    expect(kex.jit(pool).lower(x).js).toMatch(/g1 \+= 2/);
    const [compiled, interpreted] = bothWays(pool, x);
    expect(firstMismatch(compiled, interpreted)).toBe(-1);
    const [oh, ow] = [(H - 3) / 2 + 1, (W - 3) / 2 + 1];
    const want: number[] = [];
    for (let i = 0; i < oh; i++) for (let j = 0; j < ow; j++) {
      const cells: number[] = [];
      for (let a = 0; a < 3; a++) for (let b = 0; b < 3; b++) cells.push(xd[(2 * i + a) * W + 2 * j + b]!);
      want.push(Math.max(...cells));
    }
    expect(firstMismatch(compiled, want)).toBe(-1);
    // the draw has windows whose max is NaN, -0 and +0
    expect([want.some(Number.isNaN), want.some((v) => Object.is(v, -0)), want.some((v) => Object.is(v, 0))]).toEqual([true, true, true]);
  });

  it("float32: the same values through a float32 array, compiled equal to interpreted", () => {
    const n = 48;
    const x = kex.astype(kex.array(specials(13, n), { shape: [n] }), "float32");
    const f = kex.kmap({ kernelSize: 3 }, (w: Win) => Math.max(w[0], w[1]) - Math.min(w[1], w[2]));
    const compiled = Array.from(f(x).data as Float32Array);
    kex.config({ codegen: false });
    const interpreted = Array.from(f(x).data as Float32Array);
    expect(firstMismatch(compiled, interpreted)).toBe(-1);
  });
});
