/**
 * @file Every primitive through jvp, vjp and vmap: central finite
 * differences (inner-product form) for the derivative rules and a loop of
 * unbatched calls for the batching rules. The coverage test walks
 * Object.values(Prim) and fails when a primitive has no case here, or when
 * its case does not actually trace that primitive.
 */
import { describe, expect, it } from "vitest";
import * as kex from "kernex";
import { Prim, type ScanSweepParams, type StencilParams } from "../../compiler/primitives";
import { bind } from "../../src/core/trace";
import { grad } from "../../src/transforms/grad";
import { checkJvp, checkVjp, checkVmap, randomArray, type ArrayFn, type CheckOptions, type Window } from "../helpers/check";
import { mulberry32 } from "../helpers/naive";

type NDArray = kex.NDArray;
type Win = Window;

interface PrimCase {
  readonly f: ArrayFn;
  /** Argument shapes and the value range of each. */
  readonly args: readonly (readonly [readonly number[], number, number])[];
  /** Batch axis per argument for the vmap check (a batch of 3 is inserted there). */
  readonly inAxes: readonly (number | null)[];
  readonly options?: CheckOptions;
}

const un = (p: Prim, lo = -1, hi = 1): PrimCase => ({ f: (x) => bind(p, [x], {} as never)[0]!, args: [[[3, 4], lo, hi]], inAxes: [1] });
const bin = (p: Prim, a: [number, number] = [-1, 1], b: [number, number] = [-1, 1]): PrimCase => ({
  f: (x, y) => bind(p, [x, y], {} as never)[0]!,
  args: [[[3, 4], ...a], [[3, 4], ...b]],
  inAxes: [0, null],
});

/** The params of a kmap applied to x (and w), read off its traced program. */
function stencilParams(F: (x: NDArray, w: NDArray) => NDArray, x: NDArray, w: NDArray): StencilParams {
  return kex.makeIR((a, b) => F(a, b))(x, w).program.eqns.at(-1)!.params as StencilParams;
}
const patches = kex.kmap({ kernelSize: [3, 2], padding: "same", padMode: "reflect" }, (x: Win, w: Win) => kex.mul(kex.sin(x), kex.add(w, x[1][0])));
const gatherParams = stencilParams(patches, kex.zeros([5, 4]), kex.zeros([3, 2]));
/** The params of the reverse sweep of a kscan with a weight argument, read off the traced gradient. */
const scanWeighted = kex.kscan({ kernelSize: 3, padding: "same", padValue: 0.5 }, (x: Win, w: Win) => kex.add(kex.sum(kex.mul(kex.sin(x), w)), x[0] * x[2]));
const sweepParams = kex.makeIR(grad((x: NDArray, w: NDArray, c: NDArray) => kex.sum(kex.mul(scanWeighted(x, w), c)), [0, 1]))(kex.zeros([7]), kex.zeros([3]), kex.zeros([7]))
  .program.eqns.find((e) => e.prim === Prim.ScanSweep)!.params as ScanSweepParams;

/** One case per primitive; the mapped type makes tsc refuse a missing primitive. */
const cases: { [P in Prim]: PrimCase } = {
  [Prim.Neg]: un(Prim.Neg),
  [Prim.Exp]: un(Prim.Exp),
  [Prim.Log]: un(Prim.Log, 0.5, 2),
  [Prim.Sin]: un(Prim.Sin),
  [Prim.Cos]: un(Prim.Cos),
  [Prim.Tan]: un(Prim.Tan),
  [Prim.Tanh]: un(Prim.Tanh),
  [Prim.Sinh]: un(Prim.Sinh),
  [Prim.Cosh]: un(Prim.Cosh),
  [Prim.Asin]: un(Prim.Asin, -0.8, 0.8),
  [Prim.Acos]: un(Prim.Acos, -0.8, 0.8),
  [Prim.Atan]: un(Prim.Atan),
  [Prim.Sqrt]: un(Prim.Sqrt, 0.5, 2),
  [Prim.Cbrt]: un(Prim.Cbrt, 0.5, 2),
  [Prim.Abs]: un(Prim.Abs),
  [Prim.Sign]: un(Prim.Sign),
  [Prim.Floor]: un(Prim.Floor, -2, 2),
  [Prim.Ceil]: un(Prim.Ceil, -2, 2),
  [Prim.Round]: un(Prim.Round, -2, 2),
  [Prim.Trunc]: un(Prim.Trunc, -2, 2),
  [Prim.Log2]: un(Prim.Log2, 0.5, 2),
  [Prim.Log10]: un(Prim.Log10, 0.5, 2),
  [Prim.Log1p]: un(Prim.Log1p, -0.5, 1),
  [Prim.Expm1]: un(Prim.Expm1),
  [Prim.IsNan]: un(Prim.IsNan),
  [Prim.IsFinite]: un(Prim.IsFinite),
  [Prim.Add]: bin(Prim.Add),
  [Prim.Sub]: bin(Prim.Sub),
  [Prim.Mul]: bin(Prim.Mul),
  [Prim.Div]: bin(Prim.Div, [-1, 1], [0.5, 2]),
  [Prim.Pow]: bin(Prim.Pow, [0.5, 2], [-1, 2]),
  [Prim.Mod]: bin(Prim.Mod, [-3, 3], [0.7, 1.5]),
  [Prim.Max]: bin(Prim.Max),
  [Prim.Min]: bin(Prim.Min),
  [Prim.Atan2]: bin(Prim.Atan2),
  [Prim.Lt]: bin(Prim.Lt),
  [Prim.Gt]: bin(Prim.Gt),
  [Prim.Le]: bin(Prim.Le),
  [Prim.Ge]: bin(Prim.Ge),
  [Prim.Eq]: bin(Prim.Eq),
  [Prim.Ne]: bin(Prim.Ne),
  [Prim.Where]: { f: (c, a, b) => bind(Prim.Where, [kex.greater(c, 0), a, b], {})[0]!, args: [[[3, 4], -1, 1], [[3, 4], -1, 1], [[3, 4], -1, 1]], inAxes: [1, null, 0] },
  [Prim.ReduceSum]: { f: (x) => bind(Prim.ReduceSum, [x], { axes: [0, 2] })[0]!, args: [[[2, 3, 4], -1, 1]], inAxes: [2] },
  [Prim.ReduceMax]: { f: (x) => bind(Prim.ReduceMax, [x], { axes: [1] })[0]!, args: [[[3, 5], -1, 1]], inAxes: [0] },
  [Prim.ReduceMin]: { f: (x) => bind(Prim.ReduceMin, [x], { axes: [0, 1] })[0]!, args: [[[3, 5], -1, 1]], inAxes: [1] },
  [Prim.ReduceProd]: { f: (x) => bind(Prim.ReduceProd, [x], { axes: [1] })[0]!, args: [[[3, 4], 0.5, 1.5]], inAxes: [0] },
  [Prim.Broadcast]: { f: (x) => bind(Prim.Broadcast, [x], { shape: [2, 3, 4] })[0]!, args: [[[3, 1], -1, 1]], inAxes: [1] },
  [Prim.Reshape]: { f: (x) => bind(Prim.Reshape, [x], { shape: [2, 6] })[0]!, args: [[[3, 4], -1, 1]], inAxes: [2] },
  [Prim.Transpose]: { f: (x) => bind(Prim.Transpose, [x], { perm: [2, 0, 1] })[0]!, args: [[[2, 3, 4], -1, 1]], inAxes: [1] },
  [Prim.Slice]: { f: (x) => bind(Prim.Slice, [x], { start: [1, 0], step: [2, 3], shape: [2, 2] })[0]!, args: [[[5, 6], -1, 1]], inAxes: [1] },
  [Prim.Index]: { f: (x) => bind(Prim.Index, [x], { index: [2, 1] })[0]!, args: [[[3, 4, 2], -1, 1]], inAxes: [2] },
  [Prim.Pad]: { f: (x) => bind(Prim.Pad, [x], { lo: [1, -1], hi: [2, 0], interior: [1, 2] })[0]!, args: [[[3, 4], -1, 1]], inAxes: [0] },
  [Prim.Rev]: { f: (x) => bind(Prim.Rev, [x], { axes: [0, 2] })[0]!, args: [[[2, 3, 4], -1, 1]], inAxes: [3] },
  [Prim.Concatenate]: { f: (a, b, c) => bind(Prim.Concatenate, [a, b, c], { axis: 1 })[0]!, args: [[[2, 3], -1, 1], [[2, 1], -1, 1], [[2, 2], -1, 1]], inAxes: [0, null, 2] },
  [Prim.Convert]: {
    f: (x) => bind(Prim.Convert, [kex.mul(bind(Prim.Convert, [x], { dtype: "float32" })[0]!, 3)], { dtype: "float64" })[0]!,
    args: [[[3, 4], -1, 1]],
    inAxes: [1],
    // float32 in the middle: a wide step keeps rounding out of the difference quotient (the function is linear)
    options: { eps: 1e-2, rtol: 1e-5, atol: 1e-5 },
  },
  [Prim.Stencil]: {
    f: kex.kmap({ kernelSize: [3, 2], padding: [[1, 2], "same"], strides: [2, 1], padMode: ["reflect", "constant"], padValue: 0.5 }, (x: Win, w: Win) => kex.mul(kex.sum(kex.mul(kex.tanh(x), w)), x[1][0])),
    args: [[[7, 5], -1, 1], [[3, 2], -1, 1]],
    inAxes: [0, 1],
  },
  [Prim.StencilGather]: { f: (x, w) => bind(Prim.StencilGather, [x, w], gatherParams)[0]!, args: [[[5, 4], -1, 1], [[3, 2], -1, 1]], inAxes: [1, null] },
  // (x, y, w, ȳ) → x̄ and w̄ side by side; any y is a valid input (the sweep reads it as the scan's output)
  [Prim.ScanSweep]: {
    f: (x, y, w, c) => kex.concatenate(bind(Prim.ScanSweep, [x, y, w, c], sweepParams)),
    args: [[[7], -1, 1], [[7], -1, 1], [[3], -1, 1], [[7], -1, 1]],
    inAxes: [0, null, null, 0],
  },
  // two carries, a captured invariant and the index
  [Prim.ForiLoop]: {
    f: (x, a) => {
      const [u, v] = kex.foriLoop(2, 7, (i, [u, v]: NDArray[]) => [kex.add(kex.mul(u!, 0.9), kex.mul(kex.sin(v!), a)), kex.add(u!, kex.mul(i, 0.01))], [x, kex.mul(x, 2)]);
      return kex.add(u!, kex.square(v!));
    },
    args: [[[3, 4], -1, 1], [[3, 4], -1, 1]],
    inAxes: [0, 1],
  },
};

function draw(c: PrimCase, seed: number): NDArray[] {
  const rand = mulberry32(seed);
  return c.args.map(([shape, lo, hi]) => randomArray(rand, shape, lo, hi));
}

function drawBatched(c: PrimCase, seed: number): NDArray[] {
  const rand = mulberry32(seed);
  return c.args.map(([shape, lo, hi], i) => {
    const ax = c.inAxes[i];
    return randomArray(rand, ax === null || ax === undefined ? shape : [...shape.slice(0, ax), 3, ...shape.slice(ax)], lo, hi);
  });
}

describe("rule coverage", () => {
  it("every primitive has a numeric case that traces it", () => {
    const missing: string[] = [];
    for (const p of Object.values(Prim)) {
      const c = (cases as Partial<Record<Prim, PrimCase>>)[p];
      if (c === undefined) {
        missing.push(p);
        continue;
      }
      const program = kex.makeIR((...xs) => c.f(...xs))(...draw(c, 0)).program;
      if (!program.eqns.some((e) => e.prim === p)) missing.push(`${p} (its case does not trace it)`);
    }
    expect(missing).toEqual([]);
  });
});

describe.each(Object.values(Prim))("%s", (p) => {
  const c = cases[p];
  it("jvp matches finite differences", () => checkJvp(c.f, draw(c, 11), c.options));
  it("vjp matches finite differences (inner product)", () => checkVjp(c.f, draw(c, 12), c.options));
  it("vmap matches a loop of calls", () => checkVmap(c.f, drawBatched(c, 13), c.inAxes));
});

describe("conventions at kinks (as JAX; the list is in src/transforms/rules/derivatives.ts)", () => {
  const gradOf = (f: (a: NDArray) => NDArray, x: number[]) => (grad((a: NDArray) => kex.sum(f(a)))(kex.array(x)) as NDArray).toArray();
  const tangentOf = (f: (a: NDArray) => NDArray, x: number[]) => (kex.jvp(f, [kex.array(x)], [kex.ones([x.length])])[1] as NDArray).toArray();

  it("abs'(x) is 1 for x >= 0 (so abs'(0) = 1, JAX's select(x >= 0, g, -g)) and -1 below", () => {
    expect(gradOf(kex.abs, [-2, 0, 2])).toEqual([-1, 1, 1]);
    expect(tangentOf(kex.abs, [-2, 0, 2])).toEqual([-1, 1, 1]);
    // -0 >= 0, as in JAX
    expect(gradOf(kex.abs, [-0])).toEqual([1]);
    // inside a kernel the same rule applies
    const K = kex.kmap({ kernelSize: 1 }, (w: Win) => Math.abs(w[0]));
    expect(gradOf((a) => K(a), [-1, 0, 3])).toEqual([-1, 1, 1]);
  });

  it("sign (and floor, round) have zero derivative, at their jumps too", () => {
    expect(gradOf(kex.sign, [-1, 0, 1])).toEqual([0, 0, 0]);
    expect(tangentOf(kex.sign, [-1, 0, 1])).toEqual([0, 0, 0]);
    expect(gradOf((a) => kex.floor(a), [-1, 0, 0.5])).toEqual([0, 0, 0]);
  });

  it("maximum/minimum of tied operands give each half the cotangent (JAX's balanced_eq)", () => {
    const x = kex.array([1, 2, 3]);
    const y = kex.array([1, 5, 0]);
    expect((grad((a: NDArray) => kex.sum(kex.maximum(a, a)))(x) as NDArray).toArray()).toEqual([1, 1, 1]);
    const [gx, gy] = grad((a: NDArray, b: NDArray) => kex.sum(kex.maximum(a, b)), [0, 1])(x, y) as NDArray[];
    expect([gx!.toArray(), gy!.toArray()]).toEqual([
      [0.5, 0, 1],
      [0.5, 1, 0],
    ]);
    const [hx, hy] = grad((a: NDArray, b: NDArray) => kex.sum(kex.minimum(a, b)), [0, 1])(x, y) as NDArray[];
    expect([hx!.toArray(), hy!.toArray()]).toEqual([
      [0.5, 1, 0],
      [0.5, 0, 1],
    ]);
    // forward mode agrees: d max(a, b) with da = 1, db = 0 at a tie is 0.5
    expect((kex.jvp((a: NDArray) => kex.maximum(a, y), [x], [kex.ones([3])])[1] as NDArray).toArray()).toEqual([0.5, 0, 1]);
  });

  it("max/min reductions split the cotangent evenly among the tied extrema", () => {
    expect((grad((a: NDArray) => kex.max(a))(kex.array([1, 3, 3, 2])) as NDArray).toArray()).toEqual([0, 0.5, 0.5, 0]);
    expect((grad((a: NDArray) => kex.min(a))(kex.array([0, 4, 0, 0])) as NDArray).toArray()).toEqual([1 / 3, 0, 1 / 3, 1 / 3]);
  });

  it("prod is differentiable at zeros (one zero, two zeros)", () => {
    const g1 = grad((a: NDArray) => kex.prod(a))(kex.array([2, 0, 3])) as NDArray;
    expect(g1.toArray()).toEqual([0, 6, 0]);
    const g2 = grad((a: NDArray) => kex.prod(a))(kex.array([0, 0, 3])) as NDArray;
    expect(g2.toArray()).toEqual([0, 0, 0]);
  });

  it("d(a^b)/db = 0 at a = 0 and d(a^b)/da = 0 at b = 0", () => {
    const g = grad((b: NDArray) => kex.sum(kex.pow(kex.zeros([2]), b)))(kex.array([2, 3])) as NDArray;
    expect(g.toArray()).toEqual([0, 0]);
    const h = grad((a: NDArray) => kex.sum(kex.pow(a, kex.zeros([2]))))(kex.array([0, 3])) as NDArray;
    expect(h.toArray()).toEqual([0, 0]);
  });
});
