/**
 * @file The examples of the original Python kernex README, in TypeScript,
 * checked through the public API against hand-computed values, the naive
 * stencil references and an explicit finite-difference loop.
 */
import { describe, expect, it } from "vitest";
import * as kex from "kernex";
import {
  finiteDifferenceConvection,
  mulberry32,
  naiveArray,
  naiveGet,
  naiveKmap,
  randomNaive,
  type NaiveArray,
} from "../helpers/naive";

/** Values inside a kernel are traced windows/arrays; operators on them are rewritten at trace time. */
type Win = any;
type NDArray = ReturnType<typeof kex.array>;

function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, rtol = 1e-12, atol = 1e-12): void {
  expect(actual.length).toBe(expected.length);
  const bad: string[] = [];
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i];
    const e = expected[i];
    if (!(Math.abs(a - e) <= atol + rtol * Math.abs(e))) bad.push(`[${i}] got ${a}, expected ${e}`);
  }
  if (bad.length > 0) throw new Error(`${bad.length} of ${expected.length} elements differ:\n${bad.slice(0, 10).join("\n")}`);
}

/** Compare a library array with a naive reference: shape and values. */
function expectMatches(actual: NDArray, expected: NaiveArray, rtol = 1e-12, atol = 1e-12): void {
  expect(actual.shape).toEqual(expected.shape);
  expectClose(actual.data, expected.data, rtol, atol);
}

const toKex = (a: NaiveArray): NDArray => kex.array(Float64Array.from(a.data), { shape: [...a.shape] });

const weightedSum = (win: NaiveArray, w: NaiveArray): number => {
  let s = 0;
  for (let i = 0; i < win.data.length; i++) s += win.data[i] * w.data[i];
  return s;
};

describe("seed README", () => {
  it("quick example: kmap sum over 3-windows of [1..5] is [6, 9, 12]", () => {
    const sumAll = kex.kmap({ kernelSize: [3] }, (x: Win) => kex.sum(x));
    const x = kex.array([1, 2, 3, 4, 5]);
    const y = sumAll(x);
    expect(y.shape).toEqual([3]);
    expect(y.toArray()).toEqual([6, 9, 12]);
    // the kernel can also be given to the options-only form
    expect(kex.kmap({ kernelSize: [3] })((x: Win) => kex.sum(x))(x).toArray()).toEqual([6, 9, 12]);
    // the input is not modified
    expect(x.toArray()).toEqual([1, 2, 3, 4, 5]);
  });

  it("quick example: kscan sum over 3-windows of [1..5] is [6, 13, 22]", () => {
    const sumAll = kex.kscan({ kernelSize: [3] }, (x: Win) => kex.sum(x));
    const x = kex.array([1, 2, 3, 4, 5]);
    expect(sumAll(x).toArray()).toEqual([6, 13, 22]);
    expect(x.toArray()).toEqual([1, 2, 3, 4, 5]);
  });

  it("function mesh: x^2 at index 0 and x^3 on 1: gives [1, 8, 27, ..., 1000]", () => {
    const F = kex.kmap({ kernelSize: [1] });
    F.at["0"] = (x: Win) => x[0] ** 2;
    F.at["1:"] = (x: Win) => x[0] ** 3;
    const array = kex.arange(1, 11);
    const expected = [1, 8, 27, 64, 125, 216, 343, 512, 729, 1000];
    expect(F(array).toArray()).toEqual(expected);

    // the same mesh built with the chainable F.set
    const G = kex
      .kmap({ kernelSize: [1] })
      .set("0", (x: Win) => x[0] ** 2)
      .set("1:", (x: Win) => x[0] ** 3);
    expect(G(array).toArray()).toEqual(expected);
  });

  describe("convolution with padding ['valid', 'same', 'same']", () => {
    const rand = mulberry32(2024);
    const xN = randomNaive(rand, [3, 8, 9]);
    const wN = randomNaive(rand, [3, 3, 3]);
    const expected = naiveKmap({ kernelSize: [3, 3, 3], padding: ["valid", "same", "same"] }, weightedSum, xN, wN);

    it("operator form: kex.sum(x * w)", () => {
      const conv = kex.kmap(
        { kernelSize: [3, 3, 3], padding: ["valid", "same", "same"] },
        (x: Win, w: Win) => kex.sum(x * w),
      );
      const y = conv(toKex(xN), toKex(wN));
      expect(y.shape).toEqual([1, 8, 9]);
      expectMatches(y, expected);
    });

    it("function form: kex.sum(kex.mul(x, w)), also under jit", () => {
      const conv = kex.kmap(
        { kernelSize: [3, 3, 3], padding: ["valid", "same", "same"] },
        (x: Win, w: Win) => kex.sum(kex.mul(x, w)),
      );
      expectMatches(conv(toKex(xN), toKex(wN)), expected);
      expectMatches(kex.jit(conv)(toKex(xN), toKex(wN)), expected);
    });

    it("method form: kex.sum(x.mul(w))", () => {
      const conv = kex.kmap(
        { kernelSize: [3, 3, 3], padding: ["valid", "same", "same"] },
        (x: Win, w: Win) => kex.sum(x.mul(w)),
      );
      expectMatches(conv(toKex(xN), toKex(wN)), expected);
    });
  });

  describe("laplacian with relative indexing", () => {
    const laplacian = kex.kmap(
      { kernelSize: [3, 3], padding: "valid", relative: true },
      (x: Win) =>
        0 * x[1][-1] + 1 * x[1][0] + 0 * x[1][1] +
        1 * x[0][-1] + -4 * x[0][0] + 1 * x[0][1] +
        0 * x[-1][-1] + 1 * x[-1][0] + 0 * x[-1][1],
    );
    // absolute window indices: relative (a, b) is cell (1 + a, 1 + b)
    const naiveLaplacian = (w: NaiveArray): number =>
      naiveGet(w, 2, 1) + naiveGet(w, 1, 0) - 4 * naiveGet(w, 1, 1) + naiveGet(w, 1, 2) + naiveGet(w, 0, 1);

    it("of ones([10, 10]) is zeros([8, 8])", () => {
      const y = laplacian(kex.ones([10, 10]));
      expect(y.shape).toEqual([8, 8]);
      expectClose(y.data, new Float64Array(64));
    });

    it("of a random array equals the naive stencil", () => {
      const xN = randomNaive(mulberry32(5), [7, 9]);
      expectMatches(laplacian(toKex(xN)), naiveKmap({ kernelSize: [3, 3] }, naiveLaplacian, xN));
    });
  });

  it("get patches: 3x3 'same' patches of arange(1, 26).reshape([5, 5])", () => {
    const getPatches = kex.kmap({ kernelSize: [3, 3], padding: "same" }, (x: Win) => x);
    const mat = kex.arange(1, 26).reshape([5, 5]);
    const patches = getPatches(mat);
    expect(patches.shape).toEqual([5, 5, 3, 3]);
    const nested = patches.toArray() as unknown as number[][][][];
    expect(nested[0][0]).toEqual([
      [0, 0, 0],
      [0, 1, 2],
      [0, 6, 7],
    ]);
    const matN = naiveArray([5, 5], Array.from({ length: 25 }, (_, i) => i + 1));
    expectMatches(patches, naiveKmap({ kernelSize: [3, 3], padding: "same" }, (w) => w, matN));

    // relative identity: the centre cell of each valid window
    const identity = kex.kmap({ kernelSize: [3, 3], relative: true }, (x: Win) => x[0][0]);
    expect(identity(mat).toArray()).toEqual([
      [7, 8, 9],
      [12, 13, 14],
      [17, 18, 19],
    ]);
  });

  it("linear convection: kscan function mesh with named axes equals the finite-difference loop", () => {
    const [tmax, xmax] = [0.5, 2.0];
    const [nt, nx] = [151, 51];
    const dt = tmax / (nt - 1);
    const dx = xmax / (nx - 1);
    const u = kex.ones([nt, nx]);
    const c = 0.5;

    const F = kex.kscan({
      kernelSize: [3, 3],
      padding: [
        [1, 1],
        [1, 1],
      ],
      namedAxis: { 0: "n", 1: "i" },
      relative: true,
      scope: { c, dt, dx },
    });
    const bc = (_u: Win) => 1;
    const ic1 = (_u: Win) => 1;
    const ic2 = (_u: Win) => 2;
    const linearConvection = (u: Win) => u.at("i", "n-1") - ((c * dt) / dx) * (u.at("i", "n-1") - u.at("i-1", "n-1"));

    const q = Math.trunc((nx - 1) / 4) + 1; // 13
    const h = Math.trunc((nx - 1) / 2); // 25
    F.at[":, 0"] = F.at[":, -1"] = bc;
    F.at[`:, :${q}`] = F.at[`:, ${h}:`] = ic1;
    F.at[`0:1, ${q}:${h}`] = ic2;
    F.at["1:, 1:-1"] = linearConvection;

    const solution = F(u);
    const reference = finiteDifferenceConvection(nt, nx, c, dt, dx, q, h);
    expectMatches(solution, reference, 1e-12, 1e-12);
    // the caller's array is untouched
    expect(Array.from(u.data).every((v) => v === 1)).toBe(true);
  });

  it("gaussian blur: 7x7 'same' with weights passed through scope", () => {
    const kernelSize = 7;
    const sigma = 1.5;
    const t = Array.from({ length: kernelSize }, (_, i) => -(kernelSize - 1) / 2 + i);
    const g = t.map((v) => Math.exp(-0.5 * v * v * (1 / Math.sqrt(sigma))));
    const outer: number[] = [];
    for (const a of g) for (const b of g) outer.push(a * b);
    const total = outer.reduce((p, v) => p + v, 0);
    const wN = naiveArray([kernelSize, kernelSize], outer.map((v) => v / total));

    const w: Win = toKex(wN);
    const conv = kex.kmap(
      { kernelSize: [kernelSize, kernelSize], padding: "same", scope: { w } },
      (x: Win) => kex.sum(x * w),
    );
    const imageN = randomNaive(mulberry32(11), [12, 10], 0, 1);
    const expected = naiveKmap({ kernelSize: [7, 7], padding: "same" }, (win) => weightedSum(win, wN), imageN);
    expectMatches(conv(toKex(imageN)), expected);
  });

  describe("max-pool and average-pool, 3x3 stride 2", () => {
    const maxpool = kex.kmap({ kernelSize: [3, 3], strides: [2, 2] }, (x: Win) => kex.max(x));
    const avgpool = kex.kmap({ kernelSize: [3, 3], strides: [2, 2] }, (x: Win) => kex.mean(x));
    const naiveMax = (w: NaiveArray) => Math.max(...w.data);
    const naiveMean = (w: NaiveArray) => w.data.reduce((p, v) => p + v, 0) / w.data.length;
    const xN = randomNaive(mulberry32(99), [9, 11]);

    it("on one channel", () => {
      const opts = { kernelSize: [3, 3], strides: [2, 2] };
      const mx = maxpool(toKex(xN));
      expect(mx.shape).toEqual([4, 5]);
      expectMatches(mx, naiveKmap(opts, naiveMax, xN));
      expectMatches(avgpool(toKex(xN)), naiveKmap(opts, naiveMean, xN));
    });

  });
});
