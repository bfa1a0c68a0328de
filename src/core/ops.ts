/**
 * @file The array functions of kernex (add … where, sum … prod, stack,
 * concatenate, transpose, reshape): numpy broadcasting and argument checks
 * here, then thin `bind` calls. They work eagerly, under every transform,
 * and inside kernels on windows.
 *
 * Every export of this module is a public array function (helpers live in
 * operands.ts, slicing in slicing.ts): src/index.ts re-exports the module
 * and src/array-api.ts spreads it, so a new function is written once, here.
 */
import { sizeOf } from "../../compiler/ir";
import { Prim, type DType, type ReducePrim } from "../../compiler/primitives";
import { badValue, KernexError, show } from "../errors";
import { snapshotOptions } from "../options-snapshot";
import { checkShape } from "../ndarray/creation";
import { MAX_ELEMENTS } from "../ndarray/limits";
import { checkDType } from "../ndarray/dtype";
import { NDArray, registerArrayMethods, type ArrayInput } from "../ndarray/ndarray";
import { bind } from "./trace";
import { applyBinary, applyUnary, broadcastOperand, broadcastShapes, broadcastValue, convert, operand, publicNames, resultDType, shapeOf } from "./operands";
// loaded for its effect: installs eager evaluation as what bind does outside a trace
import "./eager";

/**
 * Options of reductions.
 *
 * @example
 * kex.sum(kex.ones([2, 3]), { axis: -1, keepdims: true }).shape; // [2, 1]
 */
export interface AxisOptions {
  /** Axis or axes to reduce (negative counts from the end); all when omitted. */
  axis?: number | readonly number[];
  /** Keep reduced axes with length 1. */
  keepdims?: boolean;
}

/**
 * Broadcast to a shape (numbers become literals or broadcast literals).
 *
 * @example
 * kex.broadcastTo([1, 2], [2, 2]).toArray(); // [[1, 2], [1, 2]]
 */
export function broadcastTo(x: ArrayInput, shape: readonly number[], dtype?: DType): NDArray {
  const v = operand(x, "broadcastTo");
  checkShape(shape, "broadcastTo: shape");
  const dt = dtype !== undefined ? checkDType(dtype, "broadcastTo: dtype") : typeof v === "number" ? "float64" : v.dtype;
  return broadcastValue(v, shape, dt);
}

/**
 * Elementwise x + y, with numpy broadcasting.
 *
 * @example
 * kex.add([1, 2], 10).toArray(); // [11, 12]
 */
export const add = (x: ArrayInput, y: ArrayInput): NDArray => applyBinary(Prim.Add, x, y);

/**
 * Elementwise x - y.
 *
 * @example
 * kex.sub([5, 7], [1, 2]).toArray(); // [4, 5]
 */
export const sub = (x: ArrayInput, y: ArrayInput): NDArray => applyBinary(Prim.Sub, x, y);

/**
 * Elementwise x · y.
 *
 * @example
 * kex.mul([[1], [2]], [1, 10]).toArray(); // [[1, 10], [2, 20]] (broadcast)
 */
export const mul = (x: ArrayInput, y: ArrayInput): NDArray => applyBinary(Prim.Mul, x, y);

/**
 * Elementwise x / y.
 *
 * @example
 * kex.div([1, 3], 2).toArray(); // [0.5, 1.5]
 */
export const div = (x: ArrayInput, y: ArrayInput): NDArray => applyBinary(Prim.Div, x, y);

/**
 * Elementwise x ** y.
 *
 * @example
 * kex.pow([2, 3], 2).toArray(); // [4, 9]
 */
export const pow = (x: ArrayInput, y: ArrayInput): NDArray => applyBinary(Prim.Pow, x, y);

/**
 * Elementwise remainder x % y, with JavaScript's sign rule (the sign of x).
 *
 * @example
 * kex.mod([5, -5], 3).toArray(); // [2, -2]
 */
export const mod = (x: ArrayInput, y: ArrayInput): NDArray => applyBinary(Prim.Mod, x, y);

/**
 * Elementwise larger of x and y.
 *
 * @example
 * kex.maximum([1, 5], [3, 2]).toArray(); // [3, 5]
 */
export const maximum = (x: ArrayInput, y: ArrayInput): NDArray => applyBinary(Prim.Max, x, y);

/**
 * Elementwise smaller of x and y.
 *
 * @example
 * kex.minimum([1, 5], [3, 2]).toArray(); // [1, 2]
 */
export const minimum = (x: ArrayInput, y: ArrayInput): NDArray => applyBinary(Prim.Min, x, y);

/**
 * Elementwise four-quadrant arctangent `Math.atan2(x, y)` (the first argument is the y-coordinate, as in `Math.atan2`).
 *
 * @example
 * kex.atan2(1, 1).item(); // 0.7853981633974483 (π/4)
 */
export const atan2 = (x: ArrayInput, y: ArrayInput): NDArray => applyBinary(Prim.Atan2, x, y);

/**
 * Elementwise x < y as 1 or 0.
 *
 * @example
 * kex.less([1, 2, 3], 2).toArray(); // [1, 0, 0]
 */
export const less = (x: ArrayInput, y: ArrayInput): NDArray => applyBinary(Prim.Lt, x, y);

/**
 * Elementwise x > y as 1 or 0.
 *
 * @example
 * kex.greater([1, 2, 3], 2).toArray(); // [0, 0, 1]
 */
export const greater = (x: ArrayInput, y: ArrayInput): NDArray => applyBinary(Prim.Gt, x, y);

/**
 * Elementwise x <= y as 1 or 0.
 *
 * @example
 * kex.lessEqual([1, 2, 3], 2).toArray(); // [1, 1, 0]
 */
export const lessEqual = (x: ArrayInput, y: ArrayInput): NDArray => applyBinary(Prim.Le, x, y);

/**
 * Elementwise x >= y as 1 or 0.
 *
 * @example
 * kex.greaterEqual([1, 2, 3], 2).toArray(); // [0, 1, 1]
 */
export const greaterEqual = (x: ArrayInput, y: ArrayInput): NDArray => applyBinary(Prim.Ge, x, y);

/**
 * Elementwise x === y as 1 or 0.
 *
 * @example
 * kex.equal([1, 2, 3], 2).toArray(); // [0, 1, 0]
 */
export const equal = (x: ArrayInput, y: ArrayInput): NDArray => applyBinary(Prim.Eq, x, y);

/**
 * Elementwise x !== y as 1 or 0.
 *
 * @example
 * kex.notEqual([1, 2, 3], 2).toArray(); // [1, 0, 1]
 */
export const notEqual = (x: ArrayInput, y: ArrayInput): NDArray => applyBinary(Prim.Ne, x, y);

/**
 * Elementwise -x.
 *
 * @example
 * kex.neg([1, -2]).toArray(); // [-1, 2]
 */
export const neg = (x: ArrayInput): NDArray => applyUnary(Prim.Neg, x);

/**
 * Elementwise e^x.
 *
 * @example
 * kex.exp([0, 1]).toArray(); // [1, 2.718281828459045]
 */
export const exp = (x: ArrayInput): NDArray => applyUnary(Prim.Exp, x);

/**
 * Elementwise natural logarithm.
 *
 * @example
 * kex.log([1, Math.E]).toArray(); // [0, 1]
 */
export const log = (x: ArrayInput): NDArray => applyUnary(Prim.Log, x);

/**
 * Elementwise sine (radians).
 *
 * @example
 * kex.sin([0, Math.PI / 2]).toArray(); // [0, 1]
 */
export const sin = (x: ArrayInput): NDArray => applyUnary(Prim.Sin, x);

/**
 * Elementwise cosine (radians).
 *
 * @example
 * kex.cos([0, Math.PI]).toArray(); // [1, -1]
 */
export const cos = (x: ArrayInput): NDArray => applyUnary(Prim.Cos, x);

/**
 * Elementwise tangent (radians).
 *
 * @example
 * kex.tan([0, Math.PI / 4]).toArray(); // [0, 0.9999999999999999]
 */
export const tan = (x: ArrayInput): NDArray => applyUnary(Prim.Tan, x);

/**
 * Elementwise hyperbolic tangent.
 *
 * @example
 * kex.tanh([0, 100]).toArray(); // [0, 1]
 */
export const tanh = (x: ArrayInput): NDArray => applyUnary(Prim.Tanh, x);

/**
 * Elementwise hyperbolic sine.
 *
 * @example
 * kex.sinh([0]).toArray(); // [0]
 */
export const sinh = (x: ArrayInput): NDArray => applyUnary(Prim.Sinh, x);

/**
 * Elementwise hyperbolic cosine.
 *
 * @example
 * kex.cosh([0]).toArray(); // [1]
 */
export const cosh = (x: ArrayInput): NDArray => applyUnary(Prim.Cosh, x);

/**
 * Elementwise arcsine.
 *
 * @example
 * kex.asin([0, 1]).toArray(); // [0, 1.5707963267948966]
 */
export const asin = (x: ArrayInput): NDArray => applyUnary(Prim.Asin, x);

/**
 * Elementwise arccosine.
 *
 * @example
 * kex.acos([1, 0]).toArray(); // [0, 1.5707963267948966]
 */
export const acos = (x: ArrayInput): NDArray => applyUnary(Prim.Acos, x);

/**
 * Elementwise arctangent.
 *
 * @example
 * kex.atan([0, 1]).toArray(); // [0, 0.7853981633974483]
 */
export const atan = (x: ArrayInput): NDArray => applyUnary(Prim.Atan, x);

/**
 * Elementwise square root.
 *
 * @example
 * kex.sqrt([4, 9]).toArray(); // [2, 3]
 */
export const sqrt = (x: ArrayInput): NDArray => applyUnary(Prim.Sqrt, x);

/**
 * Elementwise cube root.
 *
 * @example
 * kex.cbrt([8, -27]).toArray(); // [2, -3]
 */
export const cbrt = (x: ArrayInput): NDArray => applyUnary(Prim.Cbrt, x);

/**
 * Elementwise absolute value.
 *
 * @example
 * kex.abs([-1.5, 2]).toArray(); // [1.5, 2]
 */
export const abs = (x: ArrayInput): NDArray => applyUnary(Prim.Abs, x);

/**
 * Elementwise sign: -1, 0 or 1.
 *
 * @example
 * kex.sign([-3, 0, 2]).toArray(); // [-1, 0, 1]
 */
export const sign = (x: ArrayInput): NDArray => applyUnary(Prim.Sign, x);

/**
 * Elementwise rounding down.
 *
 * @example
 * kex.floor([1.5, -1.5]).toArray(); // [1, -2]
 */
export const floor = (x: ArrayInput): NDArray => applyUnary(Prim.Floor, x);

/**
 * Elementwise rounding up.
 *
 * @example
 * kex.ceil([1.5, -1.5]).toArray(); // [2, -1]
 */
export const ceil = (x: ArrayInput): NDArray => applyUnary(Prim.Ceil, x);

/**
 * Elementwise rounding to the nearest integer, halves up (like `Math.round`).
 *
 * @example
 * kex.round([1.4, 1.6, 2.5]).toArray(); // [1, 2, 3]
 */
export const round = (x: ArrayInput): NDArray => applyUnary(Prim.Round, x);

/**
 * Elementwise rounding toward zero.
 *
 * @example
 * kex.trunc([1.7, -1.7]).toArray(); // [1, -1]
 */
export const trunc = (x: ArrayInput): NDArray => applyUnary(Prim.Trunc, x);

/**
 * Elementwise base-2 logarithm.
 *
 * @example
 * kex.log2([1, 8]).toArray(); // [0, 3]
 */
export const log2 = (x: ArrayInput): NDArray => applyUnary(Prim.Log2, x);

/**
 * Elementwise base-10 logarithm.
 *
 * @example
 * kex.log10([1, 1000]).toArray(); // [0, 3]
 */
export const log10 = (x: ArrayInput): NDArray => applyUnary(Prim.Log10, x);

/**
 * Elementwise log(1 + x), accurate for small x.
 *
 * @example
 * kex.log1p([0, 1e-20]).toArray(); // [0, 1e-20]
 */
export const log1p = (x: ArrayInput): NDArray => applyUnary(Prim.Log1p, x);

/**
 * Elementwise e^x - 1, accurate for small x.
 *
 * @example
 * kex.expm1([0, 1e-20]).toArray(); // [0, 1e-20]
 */
export const expm1 = (x: ArrayInput): NDArray => applyUnary(Prim.Expm1, x);

/**
 * Elementwise test for NaN, as 1 or 0 (numpy's `isnan`; `isNaN(v)` and
 * `Number.isNaN(v)` on a window value in a kernel become this). Its
 * gradient is zero.
 *
 * @example
 * kex.isnan([1, NaN, Infinity]).toArray(); // [0, 1, 0]
 */
export const isnan = (x: ArrayInput): NDArray => applyUnary(Prim.IsNan, x);

/**
 * Elementwise test for a finite number (neither NaN nor ±Infinity), as 1 or
 * 0 (numpy's `isfinite`; `isFinite(v)` and `Number.isFinite(v)` on a window
 * value in a kernel become this). Its gradient is zero.
 *
 * @example
 * kex.isfinite([1, NaN, -Infinity]).toArray(); // [1, 0, 0]
 */
export const isfinite = (x: ArrayInput): NDArray => applyUnary(Prim.IsFinite, x);
/**
 * Cast to a dtype.
 *
 * @example
 * kex.astype([1.5], "float32").dtype; // "float32"
 */
export function astype(x: ArrayInput, dtype: DType): NDArray {
  const v = operand(x, "astype");
  checkDType(dtype, "astype: dtype");
  const arr = typeof v === "number" ? NDArray.scalar(v, dtype) : v;
  return convert(arr, dtype) as NDArray;
}

/**
 * Elementwise x · x.
 *
 * @example
 * kex.square([3, -2]).toArray(); // [9, 4]
 */
export const square = (x: ArrayInput): NDArray => {
  const v = operand(x, "square");
  return mul(v, v);
};

/**
 * Elementwise choice: `cond ? x : y` (cond is nonzero), with broadcasting.
 *
 * @example
 * kex.where([1, 0, 1], [1, 2, 3], 0).toArray(); // [1, 0, 3]
 */
export function where(cond: ArrayInput, x: ArrayInput, y: ArrayInput): NDArray {
  const c = operand(cond, "where");
  const a = operand(x, "where");
  const b = operand(y, "where");
  const dtype = resultDType([a, b]);
  const shape = broadcastShapes(broadcastShapes(shapeOf(c), shapeOf(a), "where"), shapeOf(b), "where");
  const cc = broadcastTo(convert(c, dtype), shape, dtype);
  return bind(Prim.Where, [cc, broadcastOperand(a, shape, dtype), broadcastOperand(b, shape, dtype)], {})[0]!;
}

function normalizeAxes(axis: AxisOptions["axis"], ndim: number, what: string): number[] {
  if (axis === undefined) return Array.from({ length: ndim }, (_, i) => i);
  const list = typeof axis === "number" ? [axis] : axis;
  if (!Array.isArray(list)) return badValue(`${what}: axis`, axis, "an integer or an array of integers");
  const out: number[] = [];
  for (const a of list) {
    if (!Number.isInteger(a) || a < -ndim || a >= ndim) badValue(`${what}: axis`, a, `an integer in [${-ndim}, ${ndim})`);
    const n = a < 0 ? a + ndim : a;
    if (out.includes(n)) badValue(`${what}: axis`, axis, "distinct axes");
    out.push(n);
  }
  return out.sort((p, q) => p - q);
}

/** Reject reduction options that would silently be ignored (`sum(x, 0)`, `{ axes: 0 }`). */
function checkAxisOptions(options: unknown, what: string): AxisOptions | undefined {
  if (options === undefined) return undefined;
  // a snapshot of own enumerable string keys: an inherited Object.prototype.axis is not an option
  const opts = snapshotOptions(what, options, ["axis", "keepdims"], "{ axis: 0 } or { axis: [0, 1], keepdims: true }") as AxisOptions;
  if (opts.keepdims !== undefined && typeof opts.keepdims !== "boolean") badValue(`${what}: keepdims`, opts.keepdims, "true or false");
  return opts;
}

function reduce(prim: ReducePrim, x: ArrayInput, options: AxisOptions | undefined): NDArray {
  const name = publicNames[prim];
  const v = operand(x, name);
  const arr = typeof v === "number" ? NDArray.scalar(v) : v;
  const opts = checkAxisOptions(options, name);
  const axes = normalizeAxes(opts?.axis, arr.ndim, name);
  if (prim !== Prim.ReduceSum && prim !== Prim.ReduceProd && axes.some((a) => arr.shape[a] === 0)) {
    throw new KernexError(`${name}: cannot reduce an empty axis of shape [${arr.shape.join(", ")}]`);
  }
  const out = axes.length === 0 ? arr : bind(prim, [arr], { axes })[0]!;
  if (!opts?.keepdims) return out;
  return reshape(out, arr.shape.map((d, i) => (axes.includes(i) ? 1 : d)));
}

/**
 * Sum of all elements, or over `axis`.
 *
 * @example
 * kex.sum([[1, 2], [3, 4]]).item(); // 10
 * kex.sum([[1, 2], [3, 4]], { axis: 0 }).toArray(); // [4, 6]
 */
export const sum = (x: ArrayInput, options?: AxisOptions): NDArray => reduce(Prim.ReduceSum, x, options);

/**
 * Largest element, or the largest along `axis`.
 *
 * @example
 * kex.max([[1, 5], [3, 2]]).item(); // 5
 * kex.max([[1, 5], [3, 2]], { axis: 1 }).toArray(); // [5, 3]
 */
export const max = (x: ArrayInput, options?: AxisOptions): NDArray => reduce(Prim.ReduceMax, x, options);

/**
 * Smallest element, or the smallest along `axis`.
 *
 * @example
 * kex.min([3, 1, 2]).item(); // 1
 */
export const min = (x: ArrayInput, options?: AxisOptions): NDArray => reduce(Prim.ReduceMin, x, options);

/**
 * Product of all elements, or over `axis`.
 *
 * @example
 * kex.prod([1, 2, 3, 4]).item(); // 24
 */
export const prod = (x: ArrayInput, options?: AxisOptions): NDArray => reduce(Prim.ReduceProd, x, options);

/**
 * Arithmetic mean over the given axes (all by default).
 *
 * @example
 * kex.mean([[1, 2], [3, 4]], { axis: 1 }).toArray(); // [1.5, 3.5]
 */
export function mean(x: ArrayInput, options?: AxisOptions): NDArray {
  const v = operand(x, "mean");
  const arr = typeof v === "number" ? NDArray.scalar(v) : v;
  const opts = checkAxisOptions(options, "mean");
  const axes = normalizeAxes(opts?.axis, arr.ndim, "mean");
  const count = axes.reduce((n, a) => n * arr.shape[a]!, 1);
  return div(sum(arr, opts), count);
}

/**
 * Same values, new shape; one entry may be -1.
 *
 * @example
 * kex.reshape(kex.arange(6), [2, -1]).shape; // [2, 3]
 */
export function reshape(x: ArrayInput, shape: readonly number[]): NDArray {
  const v = operand(x, "reshape");
  const arr = typeof v === "number" ? NDArray.scalar(v) : v;
  // each dimension bounded as in kex.zeros (checkShape): a shape no array could have is refused even when empty
  if (!Array.isArray(shape) || shape.some((d) => !Number.isInteger(d) || d < -1 || d > MAX_ELEMENTS)) {
    return badValue("reshape: shape", shape, `an array of non-negative integers, each at most ${MAX_ELEMENTS} (one may be -1)`);
  }
  const free = shape.filter((d) => d === -1).length;
  if (free > 1) badValue("reshape: shape", shape, "at most one -1");
  const known = shape.filter((d) => d !== -1).reduce((a, b) => a * b, 1);
  const resolved = shape.map((d) => (d === -1 ? (known === 0 ? 0 : arr.size / known) : d));
  if (sizeOf(resolved) !== arr.size || resolved.some((d) => !Number.isInteger(d))) {
    badValue("reshape: shape", shape, `a shape with ${arr.size} elements (the array has shape [${arr.shape.join(", ")}])`);
  }
  if (resolved.length === arr.ndim && resolved.every((d, i) => d === arr.shape[i])) return arr;
  return bind(Prim.Reshape, [arr], { shape: resolved })[0]!;
}

/**
 * Permute axes (reverse them by default).
 *
 * @example
 * kex.transpose([[1, 2, 3]]).toArray(); // [[1], [2], [3]]
 */
export function transpose(x: ArrayInput, perm?: readonly number[]): NDArray {
  const v = operand(x, "transpose");
  const arr = typeof v === "number" ? NDArray.scalar(v) : v;
  if (perm !== undefined && !Array.isArray(perm)) badValue("transpose: perm", perm, `a permutation of 0..${arr.ndim - 1}`);
  const p = perm ?? arr.shape.map((_, i) => arr.ndim - 1 - i);
  const sorted = [...p].sort((a, b) => a - b);
  if (p.length !== arr.ndim || sorted.some((a, i) => a !== i)) {
    badValue("transpose: perm", perm, `a permutation of 0..${arr.ndim - 1}`);
  }
  if (p.every((a, i) => a === i)) return arr;
  return bind(Prim.Transpose, [arr], { perm: [...p] })[0]!;
}

/**
 * Reverse the order of elements along axes.
 *
 * @example
 * kex.flip([[1, 2], [3, 4]], [1]).toArray(); // [[2, 1], [4, 3]]
 */
export function flip(x: ArrayInput, axes?: readonly number[]): NDArray {
  const v = operand(x, "flip");
  const arr = typeof v === "number" ? NDArray.scalar(v) : v;
  const list = normalizeAxes(axes, arr.ndim, "flip");
  if (list.length === 0) return arr;
  return bind(Prim.Rev, [arr], { axes: list })[0]!;
}

/**
 * Join arrays along an existing axis.
 *
 * @example
 * kex.concatenate([[1, 2], [3]]).toArray(); // [1, 2, 3]
 */
export function concatenate(xs: readonly ArrayInput[], axis = 0): NDArray {
  if (!Array.isArray(xs) || xs.length === 0) return badValue("concatenate", xs, "a non-empty array of arrays");
  const arrs = xs.map((x) => {
    const v = operand(x, "concatenate");
    return typeof v === "number" ? NDArray.scalar(v) : v;
  });
  const nd = arrs[0]!.ndim;
  if (nd === 0) badValue("concatenate", show(arrs[0]), "arrays with at least one dimension");
  if (!Number.isInteger(axis) || axis < -nd || axis >= nd) badValue("concatenate: axis", axis, `an integer in [${-nd}, ${nd})`);
  const ax = axis < 0 ? axis + nd : axis;
  arrs.forEach((a, i) => {
    if (a.ndim !== nd || a.shape.some((d, j) => j !== ax && d !== arrs[0]!.shape[j])) {
      badValue(`concatenate: array ${i}`, a, `shape [${arrs[0]!.shape.map((d, j) => (j === ax ? "*" : d)).join(", ")}]`);
    }
  });
  if (arrs.length === 1) return arrs[0]!;
  const dtype = resultDType(arrs);
  return bind(Prim.Concatenate, arrs.map((a) => convert(a, dtype) as NDArray), { axis: ax })[0]!;
}

/**
 * Join arrays along a new axis.
 *
 * @example
 * kex.stack([[1, 2], [3, 4]], 1).toArray(); // [[1, 3], [2, 4]]
 */
export function stack(xs: readonly ArrayInput[], axis = 0): NDArray {
  if (!Array.isArray(xs) || xs.length === 0) return badValue("stack", xs, "a non-empty array of arrays");
  const arrs = xs.map((x) => {
    const v = operand(x, "stack");
    return typeof v === "number" ? NDArray.scalar(v) : v;
  });
  const nd = arrs[0]!.ndim;
  if (!Number.isInteger(axis) || axis < -(nd + 1) || axis > nd) badValue("stack: axis", axis, `an integer in [${-(nd + 1)}, ${nd}]`);
  const ax = axis < 0 ? axis + nd + 1 : axis;
  arrs.forEach((a, i) => {
    if (a.ndim !== nd || a.shape.some((d, j) => d !== arrs[0]!.shape[j])) {
      badValue(`stack: array ${i}`, a, `shape [${arrs[0]!.shape.join(", ")}] like the first array`);
    }
  });
  const expanded = arrs.map((a) => reshape(a, [...a.shape.slice(0, ax), 1, ...a.shape.slice(ax)]));
  return concatenate(expanded, ax);
}

// NDArray's methods call these functions (see registerArrayMethods in ndarray.ts; slice and with are registered by core/slicing.ts)
registerArrayMethods({ reshape, add, sub, mul, div, pow, neg, sum, mean, max, min });
