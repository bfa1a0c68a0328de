/**
 * @file An in-place map (smap) copies into its result only the cells its
 * kernel does not write (runtime/executor/inplace-cover.ts): 'valid',
 * 'same', strided and one-sided smaps in 1-d, 2-d and 3-d give the naive
 * reference's values when their result lands in a recycled buffer holding
 * other values (a donated argument's), sharded or not, and a call that
 * donates nothing never changes its input (issue #23).
 */
import { afterEach, describe, expect, it } from "vitest";
import * as kex from "kernex";
import type { StencilParams } from "../../compiler/primitives";
import { copyUncovered, uncoveredCells } from "../../runtime/executor/inplace-cover";
import { getPool } from "../../runtime/pool";
import { firstBitDifference } from "./helpers";
import { mulberry32, naiveArray, naiveSmap, type NaiveArray, type NaiveOptions } from "../helpers/naive";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Win = any;

function random(shape: number[], seed: number): kex.NDArray {
  const rand = mulberry32(seed);
  const n = shape.reduce((a, b) => a * b, 1);
  return kex.array(Float64Array.from({ length: n }, () => rand() - 0.5), { shape });
}

/** The window's sum plus 1: every written cell differs from its input. */
const windowSum = (w: NaiveArray): number => w.data.reduce((a, b) => a + b, 0) + 1;

/** A 2-d map's params, as much of them as the cover reads. */
function params2d(inShape: number[], kernelSize: number[], padding: [number, number][], strides: number[], regions: (StencilParams["branches"][number]["region"])[]): StencilParams {
  const gridShape = inShape.map((n, d) => Math.floor((n + padding[d]![0] + padding[d]![1] - kernelSize[d]!) / strides[d]!) + 1);
  const spec = { kind: "map", placement: "inplace", inShape, kernelSize, strides, dilation: inShape.map(() => 1), padding, gridShape };
  return { spec, branches: regions.map((region) => ({ region })) } as unknown as StencilParams;
}

describe("uncoveredCells", () => {
  it("a 'valid' 3×3 map over 4×4 leaves the border: [0,5) [7,9) [11,16)", () => {
    const u = uncoveredCells(params2d([4, 4], [3, 3], [[0, 0], [0, 0]], [1, 1], [null]));
    expect(u.all).toBe(false);
    expect([...u.starts]).toEqual([0, 7, 11]);
    expect([...u.ends]).toEqual([5, 9, 16]);
  });

  it("a 'same' map leaves nothing; a strided one or a two-region mesh is copied whole", () => {
    const same = uncoveredCells(params2d([5, 6], [3, 3], [[1, 1], [1, 1]], [1, 1], [null]));
    expect([same.all, same.starts.length]).toEqual([false, 0]);
    expect(uncoveredCells(params2d([6, 6], [3, 3], [[1, 1], [1, 1]], [2, 1], [null])).all).toBe(true);
    const region = { start: [0, 0], stop: [6, 6], step: [1, 1] };
    expect(uncoveredCells(params2d([6, 6], [3, 3], [[1, 1], [1, 1]], [1, 1], [region, region])).all).toBe(true);
  });

  it("one region of step 1 narrows the box: rows 2..3 of a 'same' 5×3 map", () => {
    const u = uncoveredCells(params2d([5, 3], [3, 3], [[1, 1], [1, 1]], [1, 1], [{ start: [2, 0], stop: [4, 3], step: [1, 1] }]));
    expect([...u.starts]).toEqual([0, 12]);
    expect([...u.ends]).toEqual([6, 15]);
  });

  it("copyUncovered copies exactly the ranges, short and long", () => {
    const src = Float64Array.from({ length: 300 }, (_, i) => i + 1);
    const dst = new Float64Array(300);
    copyUncovered(dst, src, { all: false, starts: Int32Array.from([2, 100]), ends: Int32Array.from([5, 250]) });
    const want = new Float64Array(300);
    for (let i = 0; i < 300; i++) if ((i >= 2 && i < 5) || (i >= 100 && i < 250)) want[i] = i + 1;
    expect(dst).toEqual(want);
  });
});

const cases: [string, number[], NaiveOptions][] = [
  ["1-d 'valid'", [50], { kernelSize: 3, offset: 1 }],
  ["1-d 'same'", [50], { kernelSize: 3, offset: 0 }],
  ["1-d one-sided offset", [50], { kernelSize: 5, offset: [[3, 1]] }],
  ["2-d 'valid'", [23, 17], { kernelSize: [3, 3], offset: 1 }],
  ["2-d 'same'", [23, 17], { kernelSize: [3, 3], offset: 0 }],
  ["2-d strided", [23, 17], { kernelSize: [3, 3], offset: 1, strides: [2, 3] }],
  ["2-d 'valid' on rows only", [23, 17], { kernelSize: [3, 1], offset: [1, 0] }],
  ["3-d 'valid'", [5, 9, 11], { kernelSize: [3, 3, 3], offset: 1 }],
  ["3-d mixed", [5, 9, 11], { kernelSize: [3, 3, 5], offset: [0, 1, 2] }],
];

afterEach(() => {
  kex.config({ workers: "auto" });
});

describe("smap results in recycled buffers", () => {
  for (const [name, shape, options] of cases) {
    it(`${name}: donated and plain calls equal the naive smap, and the plain call's input is unchanged`, () => {
      const F = (x: kex.NDArray) => kex.smap(options as kex.StencilOptions, (w: Win) => kex.add(kex.sum(w), 1))(x);
      const a = random(shape, 1);
      const b = random(shape, 2);
      const bCopy = Float64Array.from(b.data);
      const want = naiveSmap(options, windowSum, naiveArray(shape, b.data)).data;
      const plain = kex.jit(F)(b);
      expect(b.data).toEqual(bCopy);
      expect(plain).toBeAllclose(kex.array(want, { shape }), { rtol: 0, atol: 1e-12 });
      // a's buffer goes back to the pool; f(b2) is written into it, over a's values
      const f = kex.jit(F, { donate: [0] });
      f(a);
      const b2 = kex.array(Float64Array.from(b.data), { shape });
      expect(f(b2)).toBeAllclose(kex.array(want, { shape }), { rtol: 0, atol: 1e-12 });
    });
  }

  it("a sharded 'valid' smap writes into scratch dirtied by another map, and equals one thread", async () => {
    const x = random([1500, 1200], 3);
    const step = kex.smap({ kernelSize: [3, 3], offset: 1 }, (w: Win) => kex.add(kex.sum(w), 1));
    kex.config({ workers: 0 });
    const want = step(x);
    kex.config({ workers: 1 });
    await getPool(1).ready();
    kex.kmap({ kernelSize: [3, 3], padding: "same" }, (w: Win) => kex.add(kex.sum(w), 5))(x);
    const before = getPool(1).lastRun;
    const got = step(x);
    expect(getPool(1).lastRun).not.toBe(before);
    expect(firstBitDifference(got.data, want.data)).toBe(-1);
  });
});
