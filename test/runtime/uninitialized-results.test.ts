/**
 * @file Results that kernex allocates without zeroing them first (maps and
 * scans over the whole grid, pull-form gathers) have every element written: here that
 * memory starts as NaN, and each result must still equal the interpreter's.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import * as kex from "kernex";
import type { FloatDType } from "../../runtime/buffers";
import { mulberry32 } from "../helpers/naive";

const calls = vi.hoisted(() => ({ n: 0 }));
vi.mock(import("../../runtime/buffers"), async (original) => {
  const actual = await original();
  return {
    ...actual,
    allocateUninitialized: (dtype: FloatDType, length: number) => {
      calls.n++;
      return actual.allocate(dtype, length, false).fill(NaN);
    },
  };
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Win = any;

function random(shape: number[], seed: number): kex.NDArray {
  const rand = mulberry32(seed);
  return kex.array(Float64Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => rand() - 0.5), { shape });
}

const w = random([3, 3, 3], 1);
const cases: [string, () => kex.NDArray][] = [
  ["laplacian 'valid'", () => kex.kmap({ kernelSize: [3, 3], relative: true }, (u: Win) => u[1][0] + u[-1][0] - 2 * u[0][0])(random([9, 8], 2))],
  ["patches (a window per cell)", () => kex.kmap({ kernelSize: 3, padding: "same" }, (x: Win) => x)(random([10], 3))],
  ["strided max-pool", () => kex.kmap({ kernelSize: [2, 2], strides: 2 }, (x: Win) => kex.max(x))(random([7, 9], 4))],
  ["'same' reflect with dilation", () => kex.kmap({ kernelSize: [3, 3], padding: "same", padMode: "reflect", dilation: 2 }, (x: Win) => kex.sum(x))(random([6, 7], 5))],
  ["float32 blur", () => kex.kmap({ kernelSize: [3, 3], padding: "same" }, (x: Win) => kex.mean(x))(kex.astype(random([5, 6], 6), "float32"))],
  ["kscan 'valid' (its grid smaller than its input: a result of its own)", () => kex.kscan({ kernelSize: 3 }, (x: Win) => x[0] * 0.5 + x[2])(random([12], 10))],
  ["grad of sum(conv2d) (pull gather)", () => kex.grad((a: kex.NDArray) => kex.sum(kex.kmap({ kernelSize: [3, 3, 3], padding: ["valid", "same", "same"] }, (x: Win, k: Win) => kex.sum(kex.mul(x, k)))(a, w)))(random([3, 6, 5], 7))],
  ["grad through padding wider than the kernel (pull gather)", () => kex.grad((a: kex.NDArray) => kex.sum(kex.exp(kex.kmap({ kernelSize: [3, 2], padding: [[4, 1], [0, 3]] }, (x: Win) => kex.sum(kex.sin(x)))(a))))(random([6, 5], 8))],
  ["grad through cropping padding: cells no window reads (pull gather)", () => kex.grad((a: kex.NDArray) => kex.sum(kex.kmap({ kernelSize: [2, 3], padding: [[-1, -2], [1, 1]] }, (x: Win) => kex.sum(kex.sin(x)))(a)))(random([8, 5], 9))],
];

afterEach(() => {
  kex.config({ codegen: true });
});

describe("results allocated without zeroing", () => {
  for (const [name, run] of cases) {
    it(`are written in full: ${name}`, () => {
      const before = calls.n;
      const compiled = run();
      expect(calls.n).toBeGreaterThan(before);
      kex.config({ codegen: false });
      const interpreted = run();
      expect(Array.from(compiled.data).some(Number.isNaN)).toBe(false);
      expect(compiled.data).toBeAllclose(interpreted.data, { rtol: 1e-6, atol: 1e-6 });
    });
  }
});
