/**
 * @file kmap, kscan, smap and sscan (plain and as function meshes) against the
 * naive references over a product of options: dims × kernel sizes × strides ×
 * padding/offset forms × relative indexing, then padMode × dilation × reverse.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as kex from "kernex";
import {
  flatIndex,
  mulberry32,
  naiveMesh,
  naiveStencil,
  product,
  randomNaive,
  resolveSpec,
  rowMajorStrides,
  type NaiveArray,
  type NaiveKind,
  type NaiveOptions,
  type NaivePadMode,
} from "../helpers/naive";

/** Values inside a kernel are traced windows/arrays; operators on them are rewritten at trace time. */
type Win = any;
type NDArray = ReturnType<typeof kex.array>;
type Scope = Record<string, number>;

const RTOL = 1e-11;
const ATOL = 1e-11;

function expectMatches(label: string, actual: NDArray, expected: NaiveArray): void {
  expect(actual.shape, `${label}: shape`).toEqual(expected.shape);
  const a = actual.data;
  const e = expected.data;
  expect(a.length, `${label}: size`).toBe(e.length);
  const bad: string[] = [];
  for (let i = 0; i < e.length; i++) {
    if (!(Math.abs(a[i] - e[i]) <= ATOL + RTOL * Math.abs(e[i]))) bad.push(`[${i}] got ${a[i]}, expected ${e[i]}`);
  }
  if (bad.length > 0) {
    throw new Error(`${label}: ${bad.length} of ${e.length} elements differ\n${bad.slice(0, 8).join("\n")}`);
  }
}

const toKex = (a: NaiveArray): NDArray => kex.array(Float64Array.from(a.data), { shape: [...a.shape] });

const stencil = (kind: NaiveKind): Win => (kex as Win)[kind];

// ---------------------------------------------------------------------------
// kernels: each in a library form and an equivalent naive form

/** Distinct positive weights of the window's shape, summing to 1 (so scans stay bounded). */
function normalizedWeights(rand: () => number, shape: readonly number[]): NaiveArray {
  const w = randomNaive(rand, shape, 0.5, 1.5);
  const total = w.data.reduce((p, v) => p + v, 0);
  for (let i = 0; i < w.data.length; i++) w.data[i] /= total;
  return w;
}

/** Weighted sum of every window cell, weights from an extra argument. */
const weightedKernel = (x: Win, w: Win) => kex.sum(kex.mul(x, w));
const naiveWeighted = (win: NaiveArray, w: NaiveArray): number => {
  let s = 0;
  for (let i = 0; i < win.data.length; i++) s += win.data[i] * w.data[i];
  return s;
};

/**
 * Scope for the index-reading kernels. Per dim d: k{d} the kernel size;
 * s{d} the shift so that window cell i is read as `i - s{d}` (relative: the
 * centre; absolute: 0, or k so that the index counts from the end); a{d},
 * b{d}, c{d} spell the first, last and centre cells; q normalizes the
 * weights 1, 2, ..., size to sum to 1.
 */
function readScope(k: readonly number[], relative: boolean, fromEnd: boolean): Scope {
  const scope: Scope = {};
  k.forEach((kd, d) => {
    const centre = Math.floor((kd - 1) / 2);
    scope[`k${d}`] = kd;
    scope[`s${d}`] = relative ? centre : fromEnd ? kd : 0;
    scope[`a${d}`] = relative ? -centre : 0;
    scope[`b${d}`] = relative ? kd - 1 - centre : -1;
    scope[`c${d}`] = relative ? 0 : centre - kd;
  });
  const size = product(k);
  scope.q = 2 / (size * (size + 1));
  return scope;
}

/** Σ cell_f · (1 + f) · q over the window in row-major order, read cell by cell. */
function indexedKernel(ndim: number, sc: Scope): (x: Win) => Win {
  switch (ndim) {
    case 1: {
      const { k0, s0, q } = sc;
      return (x: Win) => {
        let s = 0;
        for (let i = 0; i < k0; i++) s = s + x[i - s0] * ((1 + i) * q);
        return s;
      };
    }
    case 2: {
      const { k0, k1, s0, s1, q } = sc;
      return (x: Win) => {
        let s = 0;
        for (let i = 0; i < k0; i++) {
          for (let j = 0; j < k1; j++) s = s + x.at(i - s0, j - s1) * ((1 + i * k1 + j) * q);
        }
        return s;
      };
    }
    case 3: {
      const { k0, k1, k2, s0, s1, s2, q } = sc;
      return (x: Win) => {
        let s = 0;
        for (let i = 0; i < k0; i++) {
          for (let j = 0; j < k1; j++) {
            for (let l = 0; l < k2; l++) s = s + x[i - s0][j - s1][l - s2] * ((1 + (i * k1 + j) * k2 + l) * q);
          }
        }
        return s;
      };
    }
    default:
      throw new Error(`no indexed kernel for ${ndim} dims`);
  }
}

function naiveIndexed(k: readonly number[]) {
  const size = product(k);
  const q = 2 / (size * (size + 1));
  return (win: NaiveArray): number => {
    let s = 0;
    for (let f = 0; f < win.data.length; f++) s += win.data[f] * ((1 + f) * q);
    return s;
  };
}

/** sin(first cell) · last cell + cos(centre cell). */
function nonlinearKernel(ndim: number, sc: Scope): (x: Win) => Win {
  switch (ndim) {
    case 1: {
      const { a0, b0, c0 } = sc;
      return (x: Win) => Math.sin(x.at(a0)) * x.at(b0) + Math.cos(x.at(c0));
    }
    case 2: {
      const { a0, a1, b0, b1, c0, c1 } = sc;
      return (x: Win) => Math.sin(x[a0][a1]) * x[b0][b1] + Math.cos(x[c0][c1]);
    }
    case 3: {
      const { a0, a1, a2, b0, b1, b2, c0, c1, c2 } = sc;
      return (x: Win) => Math.sin(x.at(a0, a1, a2)) * x.at(b0, b1, b2) + Math.cos(x.at(c0, c1, c2));
    }
    default:
      throw new Error(`no nonlinear kernel for ${ndim} dims`);
  }
}

function naiveNonlinear(k: readonly number[]) {
  const centre = flatIndex(
    k.map((kd) => Math.floor((kd - 1) / 2)),
    rowMajorStrides(k),
  );
  return (win: NaiveArray): number => Math.sin(win.data[0]) * win.data[win.data.length - 1] + Math.cos(win.data[centre]);
}

// ---------------------------------------------------------------------------
// case generation

interface Case {
  name: string;
  kind: NaiveKind;
  shape: number[];
  options: NaiveOptions;
  seed: number;
}

const KERNEL_SIZES: Record<number, (number | number[])[]> = {
  1: [3, [2], [-1], 4],
  2: [3, [2, 3], [-1, 2]],
  3: [
    [3, 2, 1],
    [1, -1, 2],
  ],
};

const STRIDES: Record<number, (number | number[])[]> = {
  1: [1, 2],
  2: [1, 2, [1, 2]],
  3: [1, 2, [2, 1, 2]],
};

/** Raw kernel size of dim d (may be -1). */
const rawK = (ks: number | number[], d: number): number => (typeof ks === "number" ? ks : ks[d]);

/** Padding forms: strings (any case), a number, and mixed per-dim entries with crops. */
function paddingForms(ndim: number, ks: number | number[]): NaiveOptions["padding"][] {
  // a crop only where the kernel is not the whole axis (a whole-axis window cannot lose cells)
  const crop = (d: number, entry: [number, number], fallback: [number, number]) => (rawK(ks, d) === -1 ? fallback : entry);
  switch (ndim) {
    case 1:
      return ["valid", "SAME", 1, [crop(0, [2, -1], [1, 2])], [[0, 2]]];
    case 2:
      return ["valid", "Same", 1, [crop(0, [2, -1], [1, 0]), "same"], [1, crop(1, [-1, 0], [0, 1])]];
    case 3:
      return ["VALID", "same", 1, ["valid", crop(1, [2, -1], [2, 1]), "Same"], [[1, 0], 0, "valid"]];
    default:
      throw new Error(`no padding forms for ${ndim} dims`);
  }
}

/** Offset forms for smap/sscan: numbers and per-dim number / [before, after] entries. */
function offsetForms(ndim: number): NaiveOptions["offset"][] {
  switch (ndim) {
    case 1:
      return [0, 1, [[0, 2]], [[2, 1]]];
    case 2:
      return [0, 1, [[1, 0], 0], [2, [0, 1]]];
    case 3:
      return [0, 1, [0, [0, 1], 1], [[1, 1], 0, [2, 0]]];
    default:
      throw new Error(`no offset forms for ${ndim} dims`);
  }
}

/** A shape (2..6 per dim) for which the options give a non-empty grid. */
function drawShape(rand: () => number, kind: NaiveKind, ndim: number, options: NaiveOptions): number[] {
  for (let attempt = 0; attempt < 200; attempt++) {
    const shape = Array.from({ length: ndim }, () => 2 + Math.floor(rand() * 5));
    try {
      resolveSpec(kind, options, shape);
      return shape;
    } catch {
      // empty grid for this shape: draw again
    }
  }
  throw new Error(`no shape up to 6 per dim fits ${kind} ${JSON.stringify(options)}`);
}

function optionsName(o: NaiveOptions): string {
  return Object.entries(o)
    .map(([key, v]) => `${key}=${JSON.stringify(v)}`)
    .join(" ");
}

function buildProductCases(): Case[] {
  const rand = mulberry32(0x5eed);
  const cases: Case[] = [];
  const kinds: NaiveKind[] = ["kmap", "kscan", "smap", "sscan"];
  for (const kind of kinds) {
    for (const ndim of [1, 2, 3]) {
      for (const kernelSize of KERNEL_SIZES[ndim]) {
        for (const strides of STRIDES[ndim]) {
          const positions: NaiveOptions[] =
            kind === "kmap" || kind === "kscan"
              ? paddingForms(ndim, kernelSize).map((padding) => ({ kernelSize, strides, padding }))
              : offsetForms(ndim).map((offset) => ({ kernelSize, strides, offset }));
          for (const options of positions) {
            const shape = drawShape(rand, kind, ndim, options);
            const seed = cases.length + 1;
            cases.push({ name: `${kind} shape=${JSON.stringify(shape)} ${optionsName(options)}`, kind, shape, options, seed });
          }
        }
      }
    }
  }
  return cases;
}

function buildPadModeCases(): Case[] {
  const modes: NaivePadMode[] = ["constant", "edge", "reflect", "symmetric", "wrap"];
  const cases: Case[] = [];
  const kinds: NaiveKind[] = ["kmap", "kscan", "smap", "sscan"];
  for (const kind of kinds) {
    const scan = kind === "kscan" || kind === "sscan";
    for (let m = 0; m < modes.length; m++) {
      for (const dilation of [1, 2]) {
        for (const reverse of scan ? [false, true] : [false]) {
          for (const ndim of [1, 2]) {
            let options: NaiveOptions;
            let shape: number[];
            if (ndim === 1) {
              // pads longer than the axis (n = 3)
              shape = [3];
              options =
                kind === "kmap" || kind === "kscan"
                  ? { kernelSize: 3, padding: [[4, 5]], dilation, padMode: modes[m] }
                  : { kernelSize: 5, offset: 0, dilation, padMode: modes[m] };
            } else {
              shape = [3, 4];
              const padMode: NaivePadMode[] = [modes[m], modes[(m + 2) % modes.length]];
              options =
                kind === "kmap" || kind === "kscan"
                  ? { kernelSize: [3, 2], padding: ["same", [3, 1]], strides: [1, 2], dilation: [dilation, 1], padMode, padValue: 0.25 }
                  : { kernelSize: [3, 4], offset: [0, [1, 0]], strides: [2, 1], dilation: [1, dilation], padMode, padValue: 0.25 };
            }
            if (reverse) options = { ...options, reverse };
            resolveSpec(kind, options, shape); // must be a valid case
            const seed = 10_000 + cases.length;
            cases.push({ name: `${kind} shape=${JSON.stringify(shape)} ${optionsName(options)}`, kind, shape, options, seed });
          }
        }
      }
    }
  }
  return cases;
}

// ---------------------------------------------------------------------------
// running a case

function checkCase(c: Case): void {
  const ndim = c.shape.length;
  const k = resolveSpec(c.kind, c.options, c.shape).kernelSize;
  const rand = mulberry32(c.seed);
  const xN = randomNaive(rand, c.shape);
  const wN = normalizedWeights(rand, k);
  const x = toKex(xN);
  const w = toKex(wN);

  const weighted = stencil(c.kind)({ ...c.options }, weightedKernel);
  expectMatches("weighted sum", weighted(x, w), naiveStencil(c.kind, c.options, naiveWeighted, xN, wN));

  for (const relative of [false, true]) {
    const scope = readScope(k, relative, c.seed % 2 === 1);
    const options = { ...c.options, relative, scope };
    const indexed = stencil(c.kind)(options, indexedKernel(ndim, scope));
    expectMatches(`indexed sum, relative=${relative}`, indexed(x), naiveStencil(c.kind, c.options, naiveIndexed(k), xN));
    const nonlinear = stencil(c.kind)(options, nonlinearKernel(ndim, scope));
    expectMatches(`nonlinear, relative=${relative}`, nonlinear(x), naiveStencil(c.kind, c.options, naiveNonlinear(k), xN));
  }

  // nothing the caller passed in is modified
  expect(Array.from(x.data)).toEqual(Array.from(xN.data));
  expect(Array.from(w.data)).toEqual(Array.from(wN.data));
}

const productCases = buildProductCases();
const padModeCases = buildPadModeCases();

describe("options product: library equals the naive references", () => {
  it("covers a few hundred cases", () => {
    expect(productCases.length).toBeGreaterThan(300);
    expect(productCases.length).toBeLessThan(600);
  });
  for (const c of productCases) it(c.name, () => checkCase(c));
});

describe("padMode × dilation × reverse: library equals the naive references", () => {
  for (const c of padModeCases) it(c.name, () => checkCase(c));
});

// ---------------------------------------------------------------------------
// function meshes

interface MeshConfig {
  shape: number[];
  kernelSize: number | number[];
  strides: number | number[];
  padding: NaiveOptions["padding"];
  offset: NaiveOptions["offset"];
  regions: string[];
}

/** Regions overlap, and leave some cells uncovered. */
const MESHES: MeshConfig[] = [
  // "1:4" and "::3" overlap at 3; cells 4 and 5 are uncovered
  { shape: [7], kernelSize: 3, strides: 1, padding: "same", offset: 1, regions: ["1:4", "::3"] },
  // column 0, a block, the last row; rows 0 and 3 are partly uncovered
  {
    shape: [5, 6],
    kernelSize: [3, 2],
    strides: [1, 2],
    padding: [1, [0, 1]],
    offset: [1, [0, 1]],
    regions: [":, 0", "1:3, 1:", "-1"],
  },
  {
    shape: [3, 4, 5],
    kernelSize: [1, 3, 3],
    strides: 1,
    padding: "same",
    offset: [0, 1, [1, 0]],
    regions: ["0", "1:, 1:3, ::2", ":, :, -1"],
  },
];

describe("function mesh: library equals the naive references", () => {
  const kinds: NaiveKind[] = ["kmap", "kscan", "smap", "sscan"];
  MESHES.forEach((m, mi) => {
    for (const kind of kinds) {
      const options: NaiveOptions =
        kind === "kmap" || kind === "kscan"
          ? { kernelSize: m.kernelSize, strides: m.strides, padding: m.padding }
          : { kernelSize: m.kernelSize, strides: m.strides, offset: m.offset };
      for (const relative of [false, true]) {
        it(`${kind} mesh shape=${JSON.stringify(m.shape)} regions=${JSON.stringify(m.regions)} relative=${relative}`, () => {
          const ndim = m.shape.length;
          const k = resolveSpec(kind, options, m.shape).kernelSize;
          const rand = mulberry32(500 + mi);
          const xN = randomNaive(rand, m.shape);
          const wN = normalizedWeights(rand, k);
          const scope = readScope(k, relative, mi % 2 === 0);

          const libKernels = [weightedKernel, nonlinearKernel(ndim, scope), indexedKernel(ndim, scope)];
          const refKernels = [
            (win: NaiveArray, w: NaiveArray) => naiveWeighted(win, w),
            (win: NaiveArray) => naiveNonlinear(k)(win),
            (win: NaiveArray) => naiveIndexed(k)(win),
          ];

          const F = stencil(kind)({ ...options, relative, scope });
          F.at[m.regions[0]] = libKernels[0];
          let mesh = F;
          for (let r = 1; r < m.regions.length; r++) mesh = mesh.set(m.regions[r], libKernels[r % 3]);

          const expected = naiveMesh(
            kind,
            options,
            m.regions.map((spec, r) => ({ spec, fn: refKernels[r % 3] })),
            xN,
            wN,
          );
          expectMatches("mesh", mesh(toKex(xN), toKex(wN)), expected);
        });
      }
    }
  });
});

// The same cases through the reference interpreter: with the compiled runs
// above, generated code == interpreter == naive loops.
describe("reference interpreter (codegen: false) equals the naive references", () => {
  beforeAll(() => {
    kex.config({ codegen: false });
  });
  afterAll(() => {
    kex.config({ codegen: true });
  });
  for (const c of [...productCases.filter((_, i) => i % 3 === 0), ...padModeCases.filter((_, i) => i % 3 === 0)]) {
    it(`interpreted: ${c.name}`, () => checkCase(c));
  }
});
