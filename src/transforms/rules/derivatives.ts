/**
 * @file The local derivatives of the elementwise primitives and of the
 * max/min/prod reductions, written once and used by both jvp.ts (t · ∂) and
 * grad.ts (ct · ∂). A null derivative is zero almost everywhere
 * (comparisons, rounding, sign).
 *
 * Conventions at kinks, all as JAX, each tested in
 * test/transforms/primitives.test.ts ("conventions at kinks"):
 * - `abs'(x)` is `x >= 0 ? 1 : -1`, so `abs'(0) = 1` (JAX `lax._abs_jvp_rule`:
 *   `select(x >= 0, g, -g)`; a NaN gives -1 there too);
 * - `sign`, `floor`, `ceil`, `round`, `trunc` and the comparisons have zero
 *   derivative everywhere (also at their jumps);
 * - `maximum`/`minimum` of tied operands give each operand half the
 *   cotangent (JAX `lax._balanced_eq`), so `max(x, x)` has derivative 1;
 * - `max`/`min` reductions split the cotangent evenly among the tied
 *   extrema (JAX `lax._reduce_chooser_jvp_rule`): 1/count each;
 * - `d(a^b)/da` is 0 where b = 0 and `d(a^b)/db` is 0 where a = 0
 *   (JAX `lax._pow_jvp_lhs`/`_pow_jvp_rhs`).
 */
import { Prim, type BinaryPrim, type UnaryPrim } from "../../../compiler/primitives";
import * as ops from "../../core/ops";
import type { NDArray } from "../../ndarray/ndarray";
import * as V from "./values";
import type { Val } from "./values";

/** ∂y/∂x of y = f(x), given x and y; null: zero. */
export type UnaryDerivative = ((x: Val, y: NDArray) => Val) | null;

const LN2 = Math.LN2;
const LN10 = Math.LN10;

/** The derivative of every unary primitive. */
export const unaryDerivatives: { [P in UnaryPrim]: UnaryDerivative } = {
  // d(-x) = -dx
  [Prim.Neg]: () => -1,
  // d(exp x) = exp x · dx
  [Prim.Exp]: (_x, y) => y,
  // d(log x) = dx / x
  [Prim.Log]: (x) => V.div(1, x),
  // d(sin x) = cos x · dx
  [Prim.Sin]: (x) => V.unary(Prim.Cos, x),
  // d(cos x) = -sin x · dx
  [Prim.Cos]: (x) => V.neg(V.unary(Prim.Sin, x)),
  // d(tan x) = (1 + tan² x) · dx
  [Prim.Tan]: (_x, y) => V.add(1, V.square(y)),
  // d(tanh x) = (1 - tanh² x) · dx
  [Prim.Tanh]: (_x, y) => V.sub(1, V.square(y)),
  // d(sinh x) = cosh x · dx
  [Prim.Sinh]: (x) => V.unary(Prim.Cosh, x),
  // d(cosh x) = sinh x · dx
  [Prim.Cosh]: (x) => V.unary(Prim.Sinh, x),
  // d(asin x) = dx / √(1 - x²)
  [Prim.Asin]: (x) => V.div(1, V.unary(Prim.Sqrt, V.sub(1, V.square(x)))),
  // d(acos x) = -dx / √(1 - x²)
  [Prim.Acos]: (x) => V.div(-1, V.unary(Prim.Sqrt, V.sub(1, V.square(x)))),
  // d(atan x) = dx / (1 + x²)
  [Prim.Atan]: (x) => V.div(1, V.add(1, V.square(x))),
  // d(√x) = dx / (2√x)
  [Prim.Sqrt]: (_x, y) => V.div(0.5, y),
  // d(∛x) = dx / (3 ∛x²)
  [Prim.Cbrt]: (_x, y) => V.div(1, V.mul(3, V.square(y))),
  // d|x| = (x >= 0 ? 1 : -1) · dx   (1 at 0, as JAX)
  [Prim.Abs]: (x) => V.select(V.binary(Prim.Ge, x, 0), 1, -1),
  // d sign(x) = 0
  [Prim.Sign]: null,
  // d floor(x) = 0
  [Prim.Floor]: null,
  // d ceil(x) = 0
  [Prim.Ceil]: null,
  // d round(x) = 0
  [Prim.Round]: null,
  // d trunc(x) = 0
  [Prim.Trunc]: null,
  // d(log₂ x) = dx / (x ln 2)
  [Prim.Log2]: (x) => V.div(1 / LN2, x),
  // d(log₁₀ x) = dx / (x ln 10)
  [Prim.Log10]: (x) => V.div(1 / LN10, x),
  // d(log(1 + x)) = dx / (1 + x)
  [Prim.Log1p]: (x) => V.div(1, V.add(1, x)),
  // d(exp x - 1) = exp x · dx
  [Prim.Expm1]: (_x, y) => V.add(y, 1),
  // d isnan(x) = 0 (a test: 1 or 0)
  [Prim.IsNan]: null,
  // d isfinite(x) = 0 (a test: 1 or 0)
  [Prim.IsFinite]: null,
};

/** ∂y/∂a and ∂y/∂b of y = f(a, b), each computed only when asked for; null: zero. */
export type BinaryPartials = readonly [
  ((a: Val, b: Val, y: NDArray) => Val) | null,
  ((a: Val, b: Val, y: NDArray) => Val) | null,
];

/** Half where the operands tie: the even split of max/min at a tie. */
function chooser(first: Val, second: Val, wins: (p: Val, q: Val) => Val): Val {
  return V.select(wins(first, second), 1, V.select(V.eq(first, second), 0.5, 0));
}

/** The partial derivatives of every binary primitive. */
export const binaryPartials: { [P in BinaryPrim]: BinaryPartials } = {
  // d(a + b) = da + db
  [Prim.Add]: [() => 1, () => 1],
  // d(a - b) = da - db
  [Prim.Sub]: [() => 1, () => -1],
  // d(a · b) = b · da + a · db
  [Prim.Mul]: [(_a, b) => b, (a) => a],
  // d(a / b) = da / b - (a / b) / b · db
  [Prim.Div]: [(_a, b) => V.div(1, b), (_a, b, y) => V.neg(V.div(y, b))],
  // d(a^b) = b · a^(b-1) · da + ln a · a^b · db   (0 where b = 0, resp. a = 0)
  [Prim.Pow]: [
    (a, b) => V.select(V.eq(b, 0), 0, V.mul(b, V.pow(a, V.sub(b, 1)))),
    (a, _b, y) => V.select(V.eq(a, 0), 0, V.mul(V.unary(Prim.Log, a), y)),
  ],
  // d(a mod b) = da - trunc(a / b) · db
  [Prim.Mod]: [() => 1, (a, b) => V.neg(V.unary(Prim.Trunc, V.div(a, b)))],
  // d max(a, b) = [a > b] · da + [b > a] · db, ties split evenly
  [Prim.Max]: [(a, b) => chooser(a, b, V.gt), (a, b) => chooser(b, a, V.gt)],
  // d min(a, b) = [a < b] · da + [b < a] · db, ties split evenly
  [Prim.Min]: [(a, b) => chooser(a, b, V.lt), (a, b) => chooser(b, a, V.lt)],
  // d atan2(a, b) = (b · da - a · db) / (a² + b²)
  [Prim.Atan2]: [(a, b) => V.div(b, V.add(V.square(a), V.square(b))), (a, b) => V.neg(V.div(a, V.add(V.square(a), V.square(b))))],
  // comparisons are piecewise constant: zero derivative
  [Prim.Lt]: [null, null],
  [Prim.Gt]: [null, null],
  [Prim.Le]: [null, null],
  [Prim.Ge]: [null, null],
  [Prim.Eq]: [null, null],
  [Prim.Ne]: [null, null],
};

/** `y` (a reduction of x over `axes`) broadcast back to x's shape. */
export function expandReduced(y: NDArray, xShape: readonly number[], axes: readonly number[]): NDArray {
  const kept = xShape.map((d, i) => (axes.includes(i) ? 1 : d));
  return ops.broadcastTo(ops.reshape(y, kept), xShape);
}

/**
 * Weights of each element of x in y = max/min(x) over `axes`: 1/count on the
 * elements equal to the extremum, 0 elsewhere (ties split evenly, as JAX).
 * d max(x) = Σᵢ wᵢ dxᵢ
 */
export function chooserWeights(x: NDArray, y: NDArray, axes: readonly number[]): NDArray {
  const mask = ops.equal(x, expandReduced(y, x.shape, axes));
  const count = ops.sum(mask, { axis: [...axes], keepdims: true });
  return ops.div(mask, ops.broadcastTo(count, x.shape));
}

/**
 * ∂prod(x)/∂xᵢ = ∏_{j≠i} xⱼ over `axes`, exact with zeros in x: with no zero it
 * is prod/xᵢ; with one zero it is the product of the others at the zero and 0
 * elsewhere; with two or more zeros it is 0.
 */
export function productOfOthers(x: NDArray, axes: readonly number[]): NDArray {
  const isZero = ops.equal(x, 0);
  const nonZero = ops.where(isZero, 1, x);
  const pz = ops.broadcastTo(ops.prod(nonZero, { axis: [...axes], keepdims: true }), x.shape);
  const zeroCount = ops.broadcastTo(ops.sum(isZero, { axis: [...axes], keepdims: true }), x.shape);
  const onlyZero = ops.mul(ops.equal(zeroCount, 1), isZero);
  return ops.where(ops.equal(zeroCount, 0), ops.div(pz, nonZero), ops.where(onlyZero, pz, 0));
}
