/**
 * @file Self-tests of the naive stencil references against hand-computed
 * cases (seed README examples, numpy.pad outputs, a finite-difference loop),
 * so that the oracle for the differential tests is itself checked.
 */
import { describe, expect, it } from "vitest";
import {
  finiteDifferenceConvection,
  mulberry32,
  naiveArange,
  naiveArray,
  naiveGet,
  naiveKmap,
  naiveKscan,
  naiveMesh,
  naiveSmap,
  naiveSscan,
  naiveToNested,
  normalizePadding,
  padIndex,
  randomNaive,
  resolveSpec,
  sliceSelection,
  type NaiveArray,
  type NaivePadMode,
} from "./naive";

const sum = (w: NaiveArray): number => w.data.reduce((a, b) => a + b, 0);

function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, rtol = 1e-12, atol = 1e-12): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i];
    const e = expected[i];
    if (!(Math.abs(a - e) <= atol + rtol * Math.abs(e))) {
      throw new Error(`element ${i}: got ${a}, expected ${e}`);
    }
  }
}

/** The padded axis numpy.pad(x, (before, after), mode) computes, via padIndex. */
function padAxis(x: number[], before: number, after: number, mode: NaivePadMode): number[] {
  const out: number[] = [];
  for (let i = -before; i < x.length + after; i++) {
    const j = padIndex(i, x.length, mode);
    out.push(j < 0 ? 0 : x[j]);
  }
  return out;
}

describe("padIndex matches numpy.pad", () => {
  // numpy.pad([1, 2, 3, 4], 6, mode)
  const cases: [NaivePadMode, number[]][] = [
    ["constant", [0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 0, 0, 0, 0, 0, 0]],
    ["edge", [1, 1, 1, 1, 1, 1, 1, 2, 3, 4, 4, 4, 4, 4, 4, 4]],
    ["reflect", [1, 2, 3, 4, 3, 2, 1, 2, 3, 4, 3, 2, 1, 2, 3, 4]],
    ["symmetric", [3, 4, 4, 3, 2, 1, 1, 2, 3, 4, 4, 3, 2, 1, 1, 2]],
    ["wrap", [3, 4, 1, 2, 3, 4, 1, 2, 3, 4, 1, 2, 3, 4, 1, 2]],
  ];
  for (const [mode, expected] of cases) {
    it(`numpy.pad([1,2,3,4], 6, "${mode}")`, () => {
      expect(padAxis([1, 2, 3, 4], 6, 6, mode)).toEqual(expected);
    });
  }

  it("numpy.pad([1,2,3], (7,5), mode) for pads longer than the axis", () => {
    expect(padAxis([1, 2, 3], 7, 5, "reflect")).toEqual([2, 3, 2, 1, 2, 3, 2, 1, 2, 3, 2, 1, 2, 3, 2]);
    expect(padAxis([1, 2, 3], 7, 5, "symmetric")).toEqual([1, 1, 2, 3, 3, 2, 1, 1, 2, 3, 3, 2, 1, 1, 2]);
    expect(padAxis([1, 2, 3], 7, 5, "wrap")).toEqual([3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2]);
    expect(padAxis([1, 2, 3], 7, 5, "edge")).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 2, 3, 3, 3, 3, 3, 3]);
  });

  it("degenerate axes: numpy.pad([7], 3, 'reflect') and numpy.pad([1,2], 5, 'reflect')", () => {
    expect(padAxis([7], 3, 3, "reflect")).toEqual([7, 7, 7, 7, 7, 7, 7]);
    expect(padAxis([7], 3, 3, "symmetric")).toEqual([7, 7, 7, 7, 7, 7, 7]);
    expect(padAxis([7], 3, 3, "wrap")).toEqual([7, 7, 7, 7, 7, 7, 7]);
    expect(padAxis([1, 2], 5, 5, "reflect")).toEqual([2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1]);
  });

  it("2-d reflect padding ((1,2),(3,1)) through a 1x1 kmap", () => {
    const x = naiveArray([2, 3], [1, 2, 3, 4, 5, 6]);
    const y = naiveKmap({ kernelSize: 1, padding: [[1, 2], [3, 1]], padMode: "reflect" }, (w) => w.data[0], x);
    expect(naiveToNested(y)).toEqual([
      [5, 6, 5, 4, 5, 6, 5],
      [2, 3, 2, 1, 2, 3, 2],
      [5, 6, 5, 4, 5, 6, 5],
      [2, 3, 2, 1, 2, 3, 2],
      [5, 6, 5, 4, 5, 6, 5],
    ]);
  });

  it("per-dim modes and padValue", () => {
    const x = naiveArray([2, 2], [1, 2, 3, 4]);
    const y = naiveKmap(
      { kernelSize: 1, padding: [[1, 0], [0, 1]], padMode: ["constant", "wrap"], padValue: -5 },
      (w) => w.data[0],
      x,
    );
    expect(naiveToNested(y)).toEqual([
      [-5, -5, -5],
      [1, 2, 1],
      [3, 4, 3],
    ]);
  });
});

describe("option normalization", () => {
  it("'same' is (k-1)//2 before and k//2 after, on the dilated extent", () => {
    expect(normalizePadding("same", [3, 4, 1])).toEqual([[1, 1], [1, 2], [0, 0]]);
    expect(normalizePadding("SAME", [5])).toEqual([[2, 2]]);
    expect(normalizePadding("Valid", [5, 2])).toEqual([[0, 0], [0, 0]]);
    expect(normalizePadding(2, [3, 3])).toEqual([[2, 2], [2, 2]]);
    expect(normalizePadding([1, [2, -1], "same", "valid"], [3, 3, 4, 4])).toEqual([[1, 1], [2, -1], [1, 2], [0, 0]]);
    const spec = resolveSpec("kmap", { kernelSize: 4, dilation: 2, padding: "same" }, [9]);
    expect(spec.extent).toEqual([7]);
    expect([spec.before[0], spec.after[0], spec.grid[0]]).toEqual([3, 3, 9]);
  });

  it("kernelSize -1 is the whole axis", () => {
    const spec = resolveSpec("kmap", { kernelSize: [-1, 2] }, [4, 5]);
    expect(spec.kernelSize).toEqual([4, 2]);
    expect(spec.grid).toEqual([1, 4]);
  });

  it("grid size is (n + before + after - extent) // stride + 1", () => {
    expect(resolveSpec("kmap", { kernelSize: 3, strides: 2 }, [8]).grid).toEqual([3]);
    expect(resolveSpec("kmap", { kernelSize: 2, strides: 2, padding: [[1, 0]] }, [6]).grid).toEqual([3]);
    expect(resolveSpec("kmap", { kernelSize: 3, padding: -1 }, [7]).grid).toEqual([3]);
  });

  it("offset turns into padding ((k-1)//2)*d - before, (k//2)*d - after", () => {
    const spec = resolveSpec("smap", { kernelSize: [3, 4], offset: [1, [0, 2]] }, [6, 6]);
    expect(spec.before).toEqual([0, 1]);
    expect(spec.after).toEqual([0, 0]);
    const dil = resolveSpec("sscan", { kernelSize: 3, dilation: 2, offset: 1 }, [9]);
    expect([dil.before[0], dil.after[0], dil.grid[0]]).toEqual([1, 1, 7]);
  });
});

describe("numpy slice selection", () => {
  it("ints, negative ints, steps and empty parts", () => {
    expect(sliceSelection("1:", [10])).toEqual([[1, 2, 3, 4, 5, 6, 7, 8, 9]]);
    expect(sliceSelection("::-2", [7])).toEqual([[6, 4, 2, 0]]);
    expect(sliceSelection("-3:-1", [7])).toEqual([[4, 5]]);
    expect(sliceSelection("5:1:-2", [7])).toEqual([[5, 3]]);
    expect(sliceSelection("-100:100:3", [7])).toEqual([[0, 3, 6]]);
    expect(sliceSelection("10:-100:-1", [7])).toEqual([[6, 5, 4, 3, 2, 1, 0]]);
    expect(sliceSelection(":, -1", [2, 4])).toEqual([[0, 1], [3]]);
    expect(sliceSelection("0", [3, 2])).toEqual([[0], [0, 1]]);
    expect(sliceSelection(" 1 : -1 , 0:1 ", [4, 3])).toEqual([[1, 2], [0]]);
    expect(() => sliceSelection("3", [3])).toThrow();
  });
});

describe("seed README quick examples", () => {
  const x = naiveArange(1, 6);
  it("kmap sum, kernel 3 → [6, 9, 12]", () => {
    const y = naiveKmap({ kernelSize: [3] }, sum, x);
    expect(y.shape).toEqual([3]);
    expect(Array.from(y.data)).toEqual([6, 9, 12]);
  });
  it("kscan sum, kernel 3 → [6, 13, 22]", () => {
    const y = naiveKscan({ kernelSize: [3] }, sum, x);
    expect(Array.from(y.data)).toEqual([6, 13, 22]);
  });
  it("the input is not modified", () => {
    naiveKscan({ kernelSize: 3 }, sum, x);
    expect(Array.from(x.data)).toEqual([1, 2, 3, 4, 5]);
  });
});

describe("kmap", () => {
  it("3x3 'same' patches of arange(1,26).reshape(5,5)", () => {
    const mat = naiveArray([5, 5], naiveArange(1, 26).data);
    const patches = naiveKmap({ kernelSize: [3, 3], padding: "same" }, (w) => w, mat);
    expect(patches.shape).toEqual([5, 5, 3, 3]);
    const nested = naiveToNested(patches) as number[][][][];
    expect(nested[0][0]).toEqual([
      [0, 0, 0],
      [0, 1, 2],
      [0, 6, 7],
    ]);
    expect(nested[4][4]).toEqual([
      [19, 20, 0],
      [24, 25, 0],
      [0, 0, 0],
    ]);
    expect(nested[2][3]).toEqual([
      [8, 9, 10],
      [13, 14, 15],
      [18, 19, 20],
    ]);
  });

  it("strides, dilation and negative (cropping) padding", () => {
    const x = naiveArange(1, 8);
    expect(Array.from(naiveKmap({ kernelSize: 3, strides: 2 }, sum, x).data)).toEqual([6, 12, 18]);
    expect(Array.from(naiveKmap({ kernelSize: 3, dilation: 2 }, sum, x).data)).toEqual([9, 12, 15]);
    expect(Array.from(naiveKmap({ kernelSize: 3, dilation: 2, padding: "same" }, sum, x).data)).toEqual([
      4, 6, 9, 12, 15, 10, 12,
    ]);
    const y = naiveArange(1, 6);
    expect(Array.from(naiveKmap({ kernelSize: 2, padding: [[-1, 1]] }, sum, y).data)).toEqual([5, 7, 9, 5]);
  });

  it("even kernels with 'same' put the extra cell after", () => {
    const x = naiveArange(1, 6);
    // before = 1, after = 2: windows start at -1.
    expect(Array.from(naiveKmap({ kernelSize: 4, padding: "same" }, sum, x).data)).toEqual([6, 10, 14, 12, 9]);
  });

  it("padModes on kernel 3 'same' sums of [1..5]", () => {
    const x = naiveArange(1, 6);
    const run = (padMode: NaivePadMode) => Array.from(naiveKmap({ kernelSize: 3, padding: "same", padMode }, sum, x).data);
    expect(run("constant")).toEqual([3, 6, 9, 12, 9]);
    expect(run("edge")).toEqual([4, 6, 9, 12, 14]);
    expect(run("reflect")).toEqual([5, 6, 9, 12, 13]);
    expect(run("symmetric")).toEqual([4, 6, 9, 12, 14]);
    expect(run("wrap")).toEqual([8, 6, 9, 12, 10]);
  });

  it("extra arguments reach the kernel unchanged", () => {
    const x = naiveArange(1, 6);
    const w = [1, 10, 100];
    const y = naiveKmap({ kernelSize: 3 }, (win, ws: number[]) => win.data[0] * ws[0] + win.data[1] * ws[1] + win.data[2] * ws[2], x, w);
    expect(Array.from(y.data)).toEqual([321, 432, 543]);
  });

  it("2-d 'same' weighted sum equals a direct correlation loop", () => {
    const rand = mulberry32(7);
    const x = randomNaive(rand, [6, 7]);
    const w = randomNaive(rand, [3, 3]);
    const y = naiveKmap(
      { kernelSize: [3, 3], padding: "same" },
      (win, ww: NaiveArray) => win.data.reduce((acc, v, i) => acc + v * ww.data[i], 0),
      x,
      w,
    );
    const expected = new Float64Array(42);
    for (let i = 0; i < 6; i++) {
      for (let j = 0; j < 7; j++) {
        let acc = 0;
        for (let a = 0; a < 3; a++) {
          for (let b = 0; b < 3; b++) {
            const r = i + a - 1;
            const s = j + b - 1;
            if (r >= 0 && r < 6 && s >= 0 && s < 7) acc += x.data[r * 7 + s] * w.data[a * 3 + b];
          }
        }
        expected[i * 7 + j] = acc;
      }
    }
    expect(y.shape).toEqual([6, 7]);
    expectClose(y.data, expected);
  });

  it("laplacian of ones is zero", () => {
    const ones = naiveArray([10, 10], new Float64Array(100).fill(1));
    const lap = (w: NaiveArray) => naiveGet(w, 2, 1) + naiveGet(w, 0, 1) + naiveGet(w, 1, 2) + naiveGet(w, 1, 0) - 4 * naiveGet(w, 1, 1);
    const y = naiveKmap({ kernelSize: [3, 3] }, lap, ones);
    expect(y.shape).toEqual([8, 8]);
    expect(Array.from(y.data)).toEqual(new Array(64).fill(0));
  });
});

describe("kscan", () => {
  const x = naiveArange(1, 6);
  it("2-d scan in row-major order", () => {
    // kernel 2x2 valid on [[1,2,3],[4,5,6],[7,8,9]]; centre of a 2x2 window is its first cell
    const m = naiveArray([3, 3], naiveArange(1, 10).data);
    const y = naiveKscan({ kernelSize: [2, 2] }, sum, m);
    // (0,0): 1+2+4+5=12 → m[0][0]; (0,1): 2+3+5+6=16 → m[0][1];
    // (1,0): 4+5+7+8=24 → m[1][0]; (1,1): 5+6+8+9=28
    expect(naiveToNested(y)).toEqual([
      [12, 16],
      [24, 28],
    ]);
    const z = naiveKscan({ kernelSize: [2, 2], padding: [[0, 0], [1, 0]] }, sum, m);
    // (0,0) cells (0,-1..0),(1,-1..0): 1+4=5 → centre (0,-1) dropped; (0,1): 1+2+4+5=12 → m[0][0];
    // (0,2): 2+3+5+6=16 → m[0][1]; (1,0): 4+7=11 → dropped; (1,1): 4+5+7+8=24 → m[1][0]; (1,2): 5+6+8+9=28
    expect(naiveToNested(z)).toEqual([
      [5, 12, 16],
      [11, 24, 28],
    ]);
  });

  it("reverse visits windows last to first", () => {
    expect(Array.from(naiveKscan({ kernelSize: 3, reverse: true }, sum, x).data)).toEqual([20, 17, 12]);
  });
  it("padding reads see the current working copy", () => {
    expect(Array.from(naiveKscan({ kernelSize: 3, padding: "same", padMode: "edge" }, sum, x).data)).toEqual([
      4, 9, 16, 25, 35,
    ]);
    expect(Array.from(naiveKscan({ kernelSize: 3, padding: "same", padMode: "reflect" }, sum, x).data)).toEqual([
      5, 10, 17, 26, 57,
    ]);
  });
  it("writes whose centre falls outside the array are dropped", () => {
    // kernel 3, padding (3, 0): windows start at -3; the first centre is -2.
    const y = naiveKscan({ kernelSize: 3, padding: [[3, 0]] }, sum, x);
    // centres -2 and -1 are dropped; then centre 0: 0+1+2=3, 1: 3+2+3=8, 2: 8+3+4=15, 3: 15+4+5=24
    expect(Array.from(y.data)).toEqual([0, 1, 3, 8, 15, 24]);
  });
  it("strided scan sees the writes of earlier windows", () => {
    // kernel 5, stride 2, 'same' on [1..7]: centres 0, 2, 4, 6
    expect(Array.from(naiveKscan({ kernelSize: 5, strides: 2, padding: "same" }, sum, naiveArange(1, 8)).data)).toEqual([
      6, 20, 42, 55,
    ]);
  });
});

describe("smap / sscan", () => {
  const x = naiveArange(1, 6);
  it("offset 1 on a 3-window: centres 1..3, edges keep the input", () => {
    expect(Array.from(naiveSmap({ kernelSize: 3, offset: 1 }, sum, x).data)).toEqual([1, 6, 9, 12, 5]);
  });
  it("offset 0: every cell is a centre (same-padded)", () => {
    expect(Array.from(naiveSmap({ kernelSize: 3, offset: 0 }, sum, x).data)).toEqual([3, 6, 9, 12, 9]);
  });
  it("offset [before, after] per dim", () => {
    expect(Array.from(naiveSmap({ kernelSize: 3, offset: [[2, 0]] }, sum, x).data)).toEqual([1, 2, 9, 12, 9]);
  });
  it("strides with offset", () => {
    expect(Array.from(naiveSmap({ kernelSize: 3, offset: 1, strides: 2 }, sum, x).data)).toEqual([1, 6, 3, 12, 5]);
  });
  it("sscan writes sequentially and returns the final array", () => {
    expect(Array.from(naiveSscan({ kernelSize: 3, offset: 1 }, sum, x).data)).toEqual([1, 6, 13, 22, 5]);
    expect(Array.from(naiveSscan({ kernelSize: 3, offset: 1, reverse: true }, sum, x).data)).toEqual([1, 20, 17, 12, 5]);
  });
  it("2-d smap with mixed offsets", () => {
    const m = naiveArray([3, 4], naiveArange(1, 13).data);
    // kernel [1, 3], offset [0, [1, 1]]: centres rows 0..2, cols 1..2
    const y = naiveSmap({ kernelSize: [1, 3], offset: [0, [1, 1]] }, sum, m);
    expect(naiveToNested(y)).toEqual([
      [1, 6, 9, 4],
      [5, 18, 21, 8],
      [9, 30, 33, 12],
    ]);
  });
});

describe("function mesh", () => {
  it("x^2 at index 0, x^3 elsewhere on 1..10", () => {
    const x = naiveArange(1, 11);
    const y = naiveMesh(
      "kmap",
      { kernelSize: [1] },
      [
        { spec: "0", fn: (w) => w.data[0] ** 2 },
        { spec: "1:", fn: (w) => w.data[0] ** 3 },
      ],
      x,
    );
    expect(Array.from(y.data)).toEqual([1, 8, 27, 64, 125, 216, 343, 512, 729, 1000]);
  });

  it("last assignment wins; uncovered cells: kmap 0, smap/sscan unchanged, kscan current value", () => {
    const x = naiveArange(1, 7);
    const regions = [
      { spec: "1:4", fn: (w: NaiveArray) => sum(w) },
      { spec: "3", fn: (w: NaiveArray) => -w.data[1] },
    ];
    // centres: kmap 'same' → 0..5
    expect(Array.from(naiveMesh("kmap", { kernelSize: 3, padding: "same" }, regions, x).data)).toEqual([0, 6, 9, -4, 0, 0]);
    expect(Array.from(naiveMesh("smap", { kernelSize: 3, offset: 0 }, regions, x).data)).toEqual([1, 6, 9, -4, 5, 6]);
    expect(Array.from(naiveMesh("sscan", { kernelSize: 3, offset: 0 }, regions, x).data)).toEqual([1, 6, 13, -4, 5, 6]);
    expect(Array.from(naiveMesh("kscan", { kernelSize: 3, padding: "same" }, regions, x).data)).toEqual([1, 6, 13, -4, 5, 6]);
    // valid kscan: grid cell g has centre g + 1
    expect(Array.from(naiveMesh("kscan", { kernelSize: 3 }, regions, x).data)).toEqual([6, 13, -4, 5]);
  });

  it("2-d regions with ':, 0' and ':, -1'", () => {
    const x = naiveArray([2, 3], [1, 2, 3, 4, 5, 6]);
    const y = naiveMesh(
      "kmap",
      { kernelSize: 1 },
      [
        { spec: ":, 0", fn: () => 7 },
        { spec: ":, -1", fn: () => 8 },
        { spec: "1", fn: (w) => w.data[0] * 10 },
      ],
      x,
    );
    expect(naiveToNested(y)).toEqual([
      [7, 0, 8],
      [40, 50, 60],
    ]);
  });
});

describe("linear convection (seed README)", () => {
  it("kscan function mesh equals the explicit finite-difference loop", () => {
    const [nt, nx] = [151, 51];
    const [tmax, xmax] = [0.5, 2.0];
    const dt = tmax / (nt - 1);
    const dx = xmax / (nx - 1);
    const c = 0.5;
    const q = Math.trunc((nx - 1) / 4) + 1; // 13
    const h = Math.trunc((nx - 1) / 2); // 25
    expect([q, h]).toEqual([13, 25]);

    const u0 = naiveArray([nt, nx], new Float64Array(nt * nx).fill(1));
    // absolute window indices: centre (1, 1); u['i', 'n-1'] = w[0][1], u['i-1', 'n-1'] = w[0][0]
    const linearConvection = (w: NaiveArray) =>
      naiveGet(w, 0, 1) - ((c * dt) / dx) * (naiveGet(w, 0, 1) - naiveGet(w, 0, 0));
    const bc = () => 1;
    const ic1 = () => 1;
    const ic2 = () => 2;
    const sol = naiveMesh(
      "kscan",
      { kernelSize: [3, 3], padding: [[1, 1], [1, 1]] },
      [
        { spec: ":, 0", fn: bc },
        { spec: ":, -1", fn: bc },
        { spec: `:, :${q}`, fn: ic1 },
        { spec: `:, ${h}:`, fn: ic1 },
        { spec: `0:1, ${q}:${h}`, fn: ic2 },
        { spec: "1:, 1:-1", fn: linearConvection },
      ],
      u0,
    );
    const ref = finiteDifferenceConvection(nt, nx, c, dt, dx, q, h);
    expect(sol.shape).toEqual([nt, nx]);
    expectClose(sol.data, ref.data);
    // sanity on the reference itself: square wave at t=0, mass moves right
    expect(Array.from(ref.data.subarray(0, nx)).filter((v) => v === 2).length).toBe(12);
    expect(ref.data[0 * nx + 13]).toBe(2);
    expect(ref.data[0 * nx + 12]).toBe(1);
    expect(ref.data[0 * nx + 24]).toBe(2);
    expect(ref.data[0 * nx + 25]).toBe(1);
  });
});

describe("utilities", () => {
  it("mulberry32 is deterministic and in [0, 1)", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    for (let i = 0; i < 100; i++) {
      const v = a();
      expect(v).toBe(b());
      expect(v >= 0 && v < 1).toBe(true);
    }
    const r = randomNaive(mulberry32(1), [2, 3]);
    expect(r.shape).toEqual([2, 3]);
    expect(r.data.length).toBe(6);
  });
});
