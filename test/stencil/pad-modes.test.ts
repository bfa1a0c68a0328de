/**
 * @file padMode, padValue and dilation of kmap, kscan, smap and sscan (and
 * reverse for the scans) over modes × kernel sizes (odd, even, wider than
 * twice the axis) × 1-3 dims × strides × dilation, with one mode for all dims
 * or one per dim. Every case runs compiled, through the reference interpreter
 * (`codegen: false`), and through two naive references: the index-mapping
 * one of test/helpers/naive.ts and one that pads the array explicitly with
 * numpy.pad's documented definitions (numpyPad), which is itself checked
 * against literal numpy outputs below. All four must agree.
 */
import { afterEach, describe, expect, it } from "vitest";
import * as kex from "kernex";
import {
  mulberry32,
  naiveArray,
  naivePaddedStencil,
  naiveStencil,
  numpyPad,
  numpyPadVector,
  randomNaive,
  resolveSpec,
  type NaiveArray,
  type NaiveKind,
  type NaiveOptions,
  type NaivePadMode,
} from "../helpers/naive";

/** Values inside a kernel are traced windows/arrays; operators on them are rewritten at trace time. */
type Win = any;
type NDArray = ReturnType<typeof kex.array>;

const MODES: readonly NaivePadMode[] = ["constant", "edge", "reflect", "symmetric", "wrap"];
const KINDS: readonly NaiveKind[] = ["kmap", "kscan", "smap", "sscan"];
/** A non-zero constant, so a constant pad is told apart from a zero read. */
const PAD_VALUE = 0.75;
const TOL = 1e-12;

afterEach(() => {
  kex.config({ codegen: true });
});

const toKex = (a: NaiveArray): NDArray => kex.array(Float64Array.from(a.data), { shape: [...a.shape] });

function expectSame(label: string, actual: { shape: readonly number[]; data: ArrayLike<number> }, expected: NaiveArray): void {
  expect(actual.shape, `${label}: shape`).toEqual(expected.shape);
  const bad: string[] = [];
  for (let i = 0; i < expected.data.length; i++) {
    const a = actual.data[i];
    const e = expected.data[i];
    if (!(Math.abs(a - e) <= TOL + TOL * Math.abs(e))) bad.push(`[${i}] got ${a}, expected ${e}`);
  }
  if (bad.length > 0) throw new Error(`${label}: ${bad.length} of ${expected.data.length} values differ\n${bad.slice(0, 8).join("\n")}`);
}

// ---------------------------------------------------------------------------
// the oracle: numpy.pad's definitions against numpy's own outputs

describe("numpyPad (the oracle) reproduces numpy.pad", () => {
  // the examples of numpy.pad's documentation, a = [1, 2, 3, 4, 5]
  const a = [1, 2, 3, 4, 5];
  it.each([
    ["constant", [2, 3], [6, 6, 1, 2, 3, 4, 5, 6, 6, 6]],
    ["edge", [2, 3], [1, 1, 1, 2, 3, 4, 5, 5, 5, 5]],
    ["reflect", [2, 3], [3, 2, 1, 2, 3, 4, 5, 4, 3, 2]],
    ["symmetric", [2, 3], [2, 1, 1, 2, 3, 4, 5, 5, 4, 3]],
    ["wrap", [2, 3], [4, 5, 1, 2, 3, 4, 5, 1, 2, 3]],
  ] as const)("documentation example, mode %s", (mode, [before, after], expected) => {
    expect(numpyPadVector(a, before, after, mode, 6)).toEqual(expected);
  });

  // pads wider than the vector, as printed by numpy 2.4 (np.pad(v, w, mode=...))
  it.each([
    ["reflect", [1, 2, 3], [7, 7], [2, 3, 2, 1, 2, 3, 2, 1, 2, 3, 2, 1, 2, 3, 2, 1, 2]],
    ["symmetric", [1, 2, 3], [7, 7], [1, 1, 2, 3, 3, 2, 1, 1, 2, 3, 3, 2, 1, 1, 2, 3, 3]],
    ["wrap", [1, 2, 3], [7, 7], [3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1]],
    ["reflect", [1, 2], [7, 7], [2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1]],
    ["reflect", [1], [3, 3], [1, 1, 1, 1, 1, 1, 1]],
    ["reflect", [1, 2, 3, 4], [9, 2], [4, 3, 2, 1, 2, 3, 4, 3, 2, 1, 2, 3, 4, 3, 2]],
  ] as const)("wide pad, mode %s of %j by %j", (mode, v, [before, after], expected) => {
    expect(numpyPadVector(v, before, after, mode)).toEqual(expected);
  });

  it("pads a 2-d array axis by axis (corners from both modes), as np.pad does", () => {
    // np.pad(np.arange(1, 7).reshape(2, 3), ((1, 2), (2, 1)), mode="reflect")
    const padded = numpyPad(naiveArray([2, 3], [1, 2, 3, 4, 5, 6]), [[1, 2], [2, 1]], ["reflect", "reflect"]);
    expect(padded.shape).toEqual([5, 6]);
    expect(Array.from(padded.data)).toEqual([
      6, 5, 4, 5, 6, 5,
      3, 2, 1, 2, 3, 2,
      6, 5, 4, 5, 6, 5,
      3, 2, 1, 2, 3, 2,
      6, 5, 4, 5, 6, 5,
    ]);
    // one mode per axis: rows wrap, columns take the constant
    const mixed = numpyPad(naiveArray([2, 2], [1, 2, 3, 4]), [[1, 1], [1, 0]], ["wrap", "constant"], 9);
    expect(Array.from(mixed.data)).toEqual([9, 3, 4, 9, 1, 2, 9, 3, 4, 9, 1, 2]);
  });
});

// ---------------------------------------------------------------------------
// the product

interface Case {
  readonly name: string;
  readonly kind: NaiveKind;
  readonly shape: readonly number[];
  readonly options: NaiveOptions;
  readonly seed: number;
}

/** Distinct positive weights of the window's shape summing to 1 (scans stay bounded, every cell counts). */
function weights(rand: () => number, shape: readonly number[]): NaiveArray {
  const w = randomNaive(rand, shape, 0.5, 1.5);
  const total = w.data.reduce((p, v) => p + v, 0);
  for (let i = 0; i < w.data.length; i++) w.data[i] /= total;
  return w;
}

const weightedSum = (win: NaiveArray, w: NaiveArray): number => {
  let s = 0;
  for (let i = 0; i < win.data.length; i++) s += win.data[i] * w.data[i];
  return s;
};

/** Run one case compiled, interpreted and through both naive references; all must agree. */
function checkCase(c: Case): void {
  const k = resolveSpec(c.kind, c.options, c.shape).kernelSize;
  const rand = mulberry32(c.seed);
  const xN = randomNaive(rand, c.shape);
  const wN = weights(rand, k);
  const byIndex = naiveStencil(c.kind, c.options, weightedSum, xN, wN);
  const byPadding = naivePaddedStencil(c.kind, c.options, weightedSum, xN, wN);
  expectSame(`${c.name}: index-mapping naive vs numpy.pad naive`, byIndex, byPadding);

  const transform = (kex as Win)[c.kind]({ ...c.options }, (x: Win, w: Win) => kex.sum(kex.mul(x, w)));
  const x = toKex(xN);
  const w = toKex(wN);
  kex.config({ codegen: true });
  expectSame(`${c.name}: compiled`, transform(x, w), byPadding);
  kex.config({ codegen: false });
  try {
    expectSame(`${c.name}: interpreted`, transform(x, w), byPadding);
  } finally {
    kex.config({ codegen: true });
  }
  // nothing the caller passed in is modified
  expect(Array.from(x.data)).toEqual(Array.from(xN.data));
}

function valid(kind: NaiveKind, options: NaiveOptions, shape: readonly number[]): boolean {
  try {
    resolveSpec(kind, options, shape);
  } catch {
    return false;
  }
  // smap/sscan also need offsets that leave at least one centre on every axis
  if (kind === "smap" || kind === "sscan") {
    const o = options.offset ?? 0;
    return shape.every((n, d) => {
      const entry = typeof o === "number" ? o : o[d];
      const [b, a] = typeof entry === "number" ? [entry, entry] : entry;
      return b + a < n;
    });
  }
  return true;
}

function describeOptions(o: NaiveOptions): string {
  return Object.entries(o)
    .map(([key, v]) => `${key}=${JSON.stringify(v)}`)
    .join(" ");
}

/** Strides and dilation, one pair per case: plain, strided, dilated, both. */
const GEOMETRY_1D: readonly [number, number][] = [
  [1, 1],
  [2, 1],
  [1, 2],
  [3, 2],
];

/**
 * 1-d: n = 1, 2, 3, 5; kernels 2, 3, 4 (odd and even) and 2n+1, 2n+2 (wider
 * than twice the axis, so the pads wrap or reflect more than once).
 */
function cases1d(kind: NaiveKind, mode: NaivePadMode, seedBase: number): Case[] {
  const out: Case[] = [];
  const map = kind === "kmap" || kind === "kscan";
  for (const n of [1, 2, 3, 5]) {
    [...new Set([2, 3, 4, 2 * n + 1, 2 * n + 2])].forEach((k, ki) => {
      GEOMETRY_1D.forEach(([strides, dilation], g) => {
        const extent = (k - 1) * dilation + 1;
        const positions: NaiveOptions[] = map
          ? [
              { kernelSize: k, padding: "same" },
              // wide pads on both sides, then a crop on the left with a wide pad on the right
              { kernelSize: k, padding: [[extent + n, 2 * n + 1]] },
              { kernelSize: k, padding: [[-1, extent + n]] },
            ]
          : [{ kernelSize: k, offset: 0 }, { kernelSize: k, offset: [[1, 0]] }, { kernelSize: k, offset: [[0, 2]] }];
        // one position per geometry, rotating, so each kernel size meets every geometry and every position
        const position = positions[(g + ki) % positions.length]!;
        // one mode for all dims, or the per-dim array form
        const padMode = (g + out.length) % 2 === 0 ? mode : [mode];
        let options: NaiveOptions = { ...position, strides, dilation, padMode, padValue: PAD_VALUE };
        if (kind === "kscan" || kind === "sscan") options = { ...options, reverse: out.length % 3 === 1 };
        if (!valid(kind, options, [n])) return;
        out.push({ name: `${kind} [${n}] ${describeOptions(options)}`, kind, shape: [n], options, seed: seedBase + out.length });
      });
    });
  }
  return out;
}

/** 2-d and 3-d shapes with kernels wider than twice some axis, odd and even sizes, each mode paired with another per dim. */
const SHAPES_ND: readonly { shape: number[]; kernelSize: number[] }[] = [
  { shape: [1, 4], kernelSize: [3, 2] },
  { shape: [2, 3], kernelSize: [5, 2] },
  { shape: [3, 5], kernelSize: [7, 3] },
  { shape: [4, 2], kernelSize: [2, 5] },
  { shape: [2, 3, 2], kernelSize: [3, 2, 5] },
  { shape: [1, 2, 4], kernelSize: [3, 4, 2] },
];

/** Strides and dilation per case (one entry per dim, or one number for all). */
const GEOMETRY_ND: readonly { strides: number | number[]; dilation: number | number[] }[] = [
  { strides: 1, dilation: 1 },
  { strides: 2, dilation: 2 },
  { strides: [1, 3], dilation: [2, 1] },
  { strides: [2, 1], dilation: [1, 3] },
];

function casesNd(kind: NaiveKind, mode: NaivePadMode, seedBase: number): Case[] {
  const out: Case[] = [];
  const map = kind === "kmap" || kind === "kscan";
  const m = MODES.indexOf(mode);
  for (const { shape, kernelSize } of SHAPES_ND) {
    const nd = shape.length;
    for (const geometry of GEOMETRY_ND) {
      const strides = typeof geometry.strides === "number" ? geometry.strides : [...geometry.strides, 1].slice(0, nd);
      const dilation = typeof geometry.dilation === "number" ? geometry.dilation : [...geometry.dilation, 2].slice(0, nd);
      // this mode on dim 0, the others on later dims
      const padMode = Array.from({ length: nd }, (_, d) => MODES[(m + 2 * d) % MODES.length]);
      const positions: NaiveOptions[] = map
        ? [
            { kernelSize, padding: "same" },
            { kernelSize, padding: shape.map((n, d) => (d === 0 ? [-1, 3 * n + 2] : d === 1 ? 2 * n + 1 : "same")) },
          ]
        : [{ kernelSize, offset: 0 }, { kernelSize, offset: shape.map((n) => (n > 1 ? [1, 0] : 0)) }];
      for (const position of positions) {
        let options: NaiveOptions = { ...position, strides, dilation, padMode, padValue: PAD_VALUE };
        if (kind === "kscan" || kind === "sscan") options = { ...options, reverse: out.length % 2 === 1 };
        if (!valid(kind, options, shape)) continue;
        out.push({ name: `${kind} [${shape.join(", ")}] ${describeOptions(options)}`, kind, shape, options, seed: seedBase + out.length });
      }
    }
  }
  return out;
}

describe("padMode × kernel size × dims × strides × dilation: compiled == interpreted == naive", () => {
  let total = 0;
  KINDS.forEach((kind, ki) => {
    MODES.forEach((mode, mi) => {
      const seed = 1_000 * (10 * ki + mi);
      const one = cases1d(kind, mode, seed);
      const many = casesNd(kind, mode, seed + 500);
      total += one.length + many.length;
      it(`${kind}, ${mode}, 1-d (${one.length} cases)`, () => {
        expect(one.length).toBeGreaterThan(50);
        for (const c of one) checkCase(c);
      });
      it(`${kind}, ${mode} on dim 0, 2-d and 3-d (${many.length} cases)`, () => {
        expect(many.length).toBeGreaterThan(30);
        for (const c of many) checkCase(c);
      });
    });
  });
  it("covers over two thousand cases", () => {
    expect(total).toBeGreaterThan(2_000);
  });
});

// ---------------------------------------------------------------------------
// what the modes mean, by hand

describe("border reads by hand", () => {
  const x = kex.array([1, 2, 3, 4]);
  const first = (w: Win) => w[0];

  it.each([
    ["constant", [9, 9, 1, 2, 3, 4]],
    ["edge", [1, 1, 1, 2, 3, 4]],
    ["reflect", [3, 2, 1, 2, 3, 4]],
    ["symmetric", [2, 1, 1, 2, 3, 4]],
    ["wrap", [3, 4, 1, 2, 3, 4]],
  ] as const)("kmap reads the first cell of 3-wide windows padded [2, 0] with %s", (padMode, expected) => {
    const f = kex.kmap({ kernelSize: 3, padding: [[2, 0]], padMode, padValue: 9 }, first);
    expect(f(x).toArray()).toEqual(expected.slice(0, 4));
    // window cell 2 with dilation 2 starts two cells further left: [-2, 0, 2] for the first window
    const g = kex.kmap({ kernelSize: 2, dilation: 2, padding: [[2, 0]], padMode, padValue: 9 }, first);
    expect(g(x).toArray()).toEqual(expected.slice(0, 4));
  });

  it("a window wider than twice the axis wraps around more than once", () => {
    // n = 2, kernel 7 "same": pads of 3 on both sides
    const f = kex.kmap({ kernelSize: 7, padding: "same", padMode: "wrap" }, (w: Win) => w);
    expect(f(kex.array([1, 2])).toArray()).toEqual([
      [2, 1, 2, 1, 2, 1, 2],
      [1, 2, 1, 2, 1, 2, 1],
    ]);
    const r = kex.kmap({ kernelSize: 7, padding: "same", padMode: "reflect" }, (w: Win) => w);
    expect(r(kex.array([1, 2, 3])).toArray()).toEqual([
      [2, 3, 2, 1, 2, 3, 2],
      [3, 2, 1, 2, 3, 2, 1],
      [2, 1, 2, 3, 2, 1, 2],
    ]);
  });

  it("one mode per dim, and one mode for all dims equals that mode repeated", () => {
    const m = kex.array([
      [1, 2],
      [3, 4],
    ]);
    const corner = (w: Win) => w[0][0];
    const mixed = kex.kmap({ kernelSize: [2, 2], padding: [[1, 0], [1, 0]], padMode: ["wrap", "constant"], padValue: -1 }, corner);
    expect(mixed(m).toArray()).toEqual([
      [-1, 3],
      [-1, 1],
    ]);
    const all = kex.kmap({ kernelSize: [3, 3], padding: "same", padMode: "symmetric" }, (w: Win) => kex.sum(w));
    const each = kex.kmap({ kernelSize: [3, 3], padding: "same", padMode: ["symmetric", "symmetric"] }, (w: Win) => kex.sum(w));
    expect(all(m).toArray()).toEqual(each(m).toArray());
  });

  it("padValue applies to constant dims only", () => {
    const f = kex.kmap({ kernelSize: 3, padding: "same", padMode: "edge", padValue: 100 }, (w: Win) => kex.sum(w));
    expect(f(kex.array([1, 2, 3])).toArray()).toEqual([4, 6, 8]);
    const g = kex.kmap({ kernelSize: 3, padding: "same", padValue: -2.5 }, (w: Win) => kex.sum(w));
    expect(g(kex.array([1, 2, 3])).toArray()).toEqual([0.5, 6, 2.5]);
  });

  it("'same' padding of a dilated even kernel is (e-1)//2 before and e//2 after on the extent e", () => {
    // kernel 2, dilation 2: extent 3, pads [1, 1]; window g reads cells g-1 and g+1
    const f = kex.kmap({ kernelSize: 2, dilation: 2, padding: "same" }, (w: Win) => 10 * w[0] + w[1]);
    expect(f(kex.array([1, 2, 3, 4])).toArray()).toEqual([2, 13, 24, 30]);
  });
});

describe("scans read border cells through the modes and see updated values", () => {
  // sscan over [1, 2, 3, 4], 3-wide windows, each centre set to left + right.
  const sum2 = (w: Win) => w[0] + w[2];
  const x = kex.array([1, 2, 3, 4]);

  it("wrap: the last window reads the first cell after it was rewritten", () => {
    // c0: 4 + 2 = 6; c1: 6 + 3 = 9; c2: 9 + 4 = 13; c3: 13 + x[4 → 0] = 13 + 6 = 19
    const f = kex.sscan({ kernelSize: 3, padMode: "wrap" }, sum2);
    expect(f(x).toArray()).toEqual([6, 9, 13, 19]);
    // reversed: c3: 3 + 1 = 4; c2: 2 + 4 = 6; c1: 1 + 6 = 7; c0: x[-1 → 3] + 7 = 4 + 7 = 11
    const r = kex.sscan({ kernelSize: 3, padMode: "wrap", reverse: true }, sum2);
    expect(r(x).toArray()).toEqual([11, 7, 6, 4]);
  });

  it("reflect, symmetric and edge read the rewritten neighbours", () => {
    // reflect: x[-1] = x[1], x[4] = x[2]. c0: 2 + 2 = 4; c1: 4 + 3 = 7; c2: 7 + 4 = 11; c3: 11 + 11 = 22
    expect(kex.sscan({ kernelSize: 3, padMode: "reflect" }, sum2)(x).toArray()).toEqual([4, 7, 11, 22]);
    // symmetric: x[-1] = x[0], x[4] = x[3]. c0: 1 + 2 = 3; c1: 3 + 3 = 6; c2: 6 + 4 = 10; c3: 10 + 4 = 14
    expect(kex.sscan({ kernelSize: 3, padMode: "symmetric" }, sum2)(x).toArray()).toEqual([3, 6, 10, 14]);
    // edge, reversed: x[4] = x[3], x[-1] = x[0]. c3: 3 + 4 = 7; c2: 2 + 7 = 9; c1: 1 + 9 = 10; c0: 1 + 10 = 11
    expect(kex.sscan({ kernelSize: 3, padMode: "edge", reverse: true }, sum2)(x).toArray()).toEqual([11, 10, 9, 7]);
  });

  it("kscan with 'same' padding outputs the same values on its grid", () => {
    const f = kex.kscan({ kernelSize: 3, padding: "same", padMode: "wrap" }, sum2);
    expect(f(x).toArray()).toEqual([6, 9, 13, 19]);
  });

  it("kscan with pads wider than the axis: windows whose centre is outside write nothing", () => {
    // n = 2, kernel 3, padding [3, 3]: grid of 6 windows with centres -2, -1, 0, 1, 2, 3
    const f = kex.kscan({ kernelSize: 3, padding: [[3, 3]], padMode: "wrap" }, sum2);
    // c-2: x[-3 → 1] + x[-1 → 1] = 4; c-1: x[0] + x[0] = 2; c0: x[1] + x[1] = 4 (x0 := 4);
    // c1: x0 + x[2 → 0] = 8 (x1 := 8); c2: x1 + x[3 → 1] = 16; c3: x[2 → 0] + x[4 → 0] = 8
    expect(f(kex.array([1, 2])).toArray()).toEqual([4, 2, 4, 8, 16, 8]);
    const reference = naivePaddedStencil("kscan", { kernelSize: 3, padding: [[3, 3]], padMode: "wrap" }, (w) => w.data[0] + w.data[2], naiveArray([2], [1, 2]));
    expect(Array.from(reference.data)).toEqual([4, 2, 4, 8, 16, 8]);
  });

  it("2-d sscan on a torus equals both naive references", () => {
    const options: NaiveOptions = { kernelSize: [3, 3], padMode: ["wrap", "reflect"], reverse: true };
    const xN = randomNaive(mulberry32(77), [4, 5]);
    const kernel = (w: Win) => 0.25 * (w[0][1] + w[2][1] + w[1][0] + w[1][2]);
    const naiveKernel = (w: NaiveArray) => 0.25 * (w.data[1] + w.data[7] + w.data[3] + w.data[5]);
    const expected = naivePaddedStencil("sscan", options, naiveKernel, xN);
    expectSame("index naive", naiveStencil("sscan", options, naiveKernel, xN), expected);
    expectSame("compiled", kex.sscan({ ...options } as Win, kernel)(toKex(xN)), expected);
    kex.config({ codegen: false });
    expectSame("interpreted", kex.sscan({ ...options } as Win, kernel)(toKex(xN)), expected);
  });
});

describe("dilation", () => {
  it("window cell k reads input offset k·dilation, per dim", () => {
    const m = kex.arange(0, 30).reshape([5, 6]);
    const f = kex.kmap({ kernelSize: [2, 3], dilation: [3, 2] }, (w: Win) => w);
    const y = f(m);
    // extent [4, 5]: grid [2, 2]; window (0, 0) reads rows 0, 3 and columns 0, 2, 4
    expect(y.shape).toEqual([2, 2, 2, 3]);
    expect((y.toArray() as number[][][][])[0][0]).toEqual([
      [0, 2, 4],
      [18, 20, 22],
    ]);
    expect((y.toArray() as number[][][][])[1][1]).toEqual([
      [7, 9, 11],
      [25, 27, 29],
    ]);
  });
});
