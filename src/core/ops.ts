/**
 * @file The array functions of kernex (add … where, sum … prod, stack,
 * concatenate, transpose, reshape, slicing): numpy broadcasting and argument
 * checks here, then thin `bind` calls. They work eagerly, under every
 * transform, and inside kernels on windows.
 */
import { sizeOf } from "../../compiler/ir";
import { Prim, type BinaryPrim, type DType, type ReducePrim, type UnaryPrim } from "../../compiler/primitives";
import { badValue, KernexError, show } from "../errors";
import { array } from "../ndarray/creation";
import { promote } from "../ndarray/dtype";
import { asArray, NDArray, type ArrayInput, type SliceSpec } from "../ndarray/ndarray";
import { resolveSlices } from "../ndarray/slice-spec";
import { bind, withTrace } from "./trace";

/** Options of reductions. */
export interface AxisOptions {
  /** Axis or axes to reduce (negative counts from the end); all when omitted. */
  axis?: number | readonly number[];
  /** Keep reduced axes with length 1. */
  keepdims?: boolean;
}

type Operand = NDArray | number;

function operand(x: ArrayInput, what: string): Operand {
  if (x instanceof NDArray) return x;
  if (typeof x === "number") return x;
  if (Array.isArray(x)) return array(x);
  if (typeof x === "boolean") return x ? 1 : 0;
  if (typeof x === "object" && x !== null && asArray in x) return (x as { [asArray](): NDArray })[asArray]();
  return badValue(what, x, "an NDArray, a number or nested arrays of numbers");
}

function shapeOf(x: Operand): readonly number[] {
  return typeof x === "number" ? [] : x.shape;
}

/** numpy broadcasting of two shapes. */
export function broadcastShapes(a: readonly number[], b: readonly number[], what = "broadcast"): number[] {
  const n = Math.max(a.length, b.length);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const da = a[a.length - n + i] ?? 1;
    const db = b[b.length - n + i] ?? 1;
    if (da !== db && da !== 1 && db !== 1) {
      throw new KernexError(`${what}: shapes [${a.join(", ")}] and [${b.join(", ")}] cannot be broadcast together (axis ${i}: ${da} vs ${db})`);
    }
    out[i] = da === 1 ? db : da;
  }
  return out;
}

function convert(x: Operand, dtype: DType): Operand {
  if (typeof x === "number" || x.dtype === dtype) return x;
  return bind(Prim.Convert, [x], { dtype })[0]!;
}

/** Broadcast to a shape (numbers become literals or broadcast literals). */
export function broadcastTo(x: ArrayInput, shape: readonly number[], dtype?: DType): NDArray {
  const v = operand(x, "broadcastTo");
  const dt = dtype ?? (typeof v === "number" ? "float64" : v.dtype);
  if (typeof v === "number") {
    if (shape.length === 0) return NDArray.scalar(v, dt);
    return bind(Prim.Broadcast, [v], { shape: [...shape] }, dt)[0]!;
  }
  if (v.shape.length === shape.length && v.shape.every((d, i) => d === shape[i])) return v;
  broadcastShapes(v.shape, shape, "broadcastTo");
  return bind(Prim.Broadcast, [v], { shape: [...shape] })[0]!;
}

function broadcastOperand(x: Operand, shape: readonly number[], dtype: DType): Operand {
  if (typeof x === "number" && shape.length === 0) return x;
  return broadcastTo(convert(x, dtype), shape, dtype);
}

function resultDType(xs: readonly Operand[]): DType {
  let dt: DType | null = null;
  for (const x of xs) if (typeof x !== "number") dt = dt === null ? x.dtype : promote(dt, x.dtype);
  return dt ?? "float64";
}

function unary(prim: UnaryPrim, x: ArrayInput): NDArray {
  const v = operand(x, prim);
  const arr = typeof v === "number" ? NDArray.scalar(v) : v;
  return bind(prim, [arr], {})[0]!;
}

function binary(prim: BinaryPrim, x: ArrayInput, y: ArrayInput): NDArray {
  const a = operand(x, prim);
  const b = operand(y, prim);
  const dtype = resultDType([a, b]);
  const shape = broadcastShapes(shapeOf(a), shapeOf(b), prim);
  let aa = broadcastOperand(a, shape, dtype);
  const bb = broadcastOperand(b, shape, dtype);
  if (typeof aa === "number" && typeof bb === "number") aa = NDArray.scalar(aa, dtype);
  return bind(prim, [aa, bb], {})[0]!;
}

export const add = (x: ArrayInput, y: ArrayInput): NDArray => binary(Prim.Add, x, y);
export const sub = (x: ArrayInput, y: ArrayInput): NDArray => binary(Prim.Sub, x, y);
export const mul = (x: ArrayInput, y: ArrayInput): NDArray => binary(Prim.Mul, x, y);
export const div = (x: ArrayInput, y: ArrayInput): NDArray => binary(Prim.Div, x, y);
export const pow = (x: ArrayInput, y: ArrayInput): NDArray => binary(Prim.Pow, x, y);
export const mod = (x: ArrayInput, y: ArrayInput): NDArray => binary(Prim.Mod, x, y);
export const maximum = (x: ArrayInput, y: ArrayInput): NDArray => binary(Prim.Max, x, y);
export const minimum = (x: ArrayInput, y: ArrayInput): NDArray => binary(Prim.Min, x, y);
export const atan2 = (x: ArrayInput, y: ArrayInput): NDArray => binary(Prim.Atan2, x, y);
export const less = (x: ArrayInput, y: ArrayInput): NDArray => binary(Prim.Lt, x, y);
export const greater = (x: ArrayInput, y: ArrayInput): NDArray => binary(Prim.Gt, x, y);
export const lessEqual = (x: ArrayInput, y: ArrayInput): NDArray => binary(Prim.Le, x, y);
export const greaterEqual = (x: ArrayInput, y: ArrayInput): NDArray => binary(Prim.Ge, x, y);
export const equal = (x: ArrayInput, y: ArrayInput): NDArray => binary(Prim.Eq, x, y);
export const notEqual = (x: ArrayInput, y: ArrayInput): NDArray => binary(Prim.Ne, x, y);

export const neg = (x: ArrayInput): NDArray => unary(Prim.Neg, x);
export const exp = (x: ArrayInput): NDArray => unary(Prim.Exp, x);
export const log = (x: ArrayInput): NDArray => unary(Prim.Log, x);
export const sin = (x: ArrayInput): NDArray => unary(Prim.Sin, x);
export const cos = (x: ArrayInput): NDArray => unary(Prim.Cos, x);
export const tan = (x: ArrayInput): NDArray => unary(Prim.Tan, x);
export const tanh = (x: ArrayInput): NDArray => unary(Prim.Tanh, x);
export const sinh = (x: ArrayInput): NDArray => unary(Prim.Sinh, x);
export const cosh = (x: ArrayInput): NDArray => unary(Prim.Cosh, x);
export const asin = (x: ArrayInput): NDArray => unary(Prim.Asin, x);
export const acos = (x: ArrayInput): NDArray => unary(Prim.Acos, x);
export const atan = (x: ArrayInput): NDArray => unary(Prim.Atan, x);
export const sqrt = (x: ArrayInput): NDArray => unary(Prim.Sqrt, x);
export const cbrt = (x: ArrayInput): NDArray => unary(Prim.Cbrt, x);
export const abs = (x: ArrayInput): NDArray => unary(Prim.Abs, x);
export const sign = (x: ArrayInput): NDArray => unary(Prim.Sign, x);
export const floor = (x: ArrayInput): NDArray => unary(Prim.Floor, x);
export const ceil = (x: ArrayInput): NDArray => unary(Prim.Ceil, x);
export const round = (x: ArrayInput): NDArray => unary(Prim.Round, x);
export const trunc = (x: ArrayInput): NDArray => unary(Prim.Trunc, x);
export const log2 = (x: ArrayInput): NDArray => unary(Prim.Log2, x);
export const log10 = (x: ArrayInput): NDArray => unary(Prim.Log10, x);
export const log1p = (x: ArrayInput): NDArray => unary(Prim.Log1p, x);
export const expm1 = (x: ArrayInput): NDArray => unary(Prim.Expm1, x);
/** x·x */
/** Cast to a dtype. */
export function astype(x: ArrayInput, dtype: DType): NDArray {
  const v = operand(x, "astype");
  const arr = typeof v === "number" ? NDArray.scalar(v, dtype) : v;
  return convert(arr, dtype) as NDArray;
}

export const square = (x: ArrayInput): NDArray => mul(x, x);

/** Elementwise choice: `cond ? x : y` (cond is nonzero). */
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

function reduce(prim: ReducePrim, x: ArrayInput, options: AxisOptions | undefined): NDArray {
  const v = operand(x, prim);
  const arr = typeof v === "number" ? NDArray.scalar(v) : v;
  const axes = normalizeAxes(options?.axis, arr.ndim, prim);
  if (prim !== Prim.ReduceSum && prim !== Prim.ReduceProd && axes.some((a) => arr.shape[a] === 0)) {
    throw new KernexError(`${prim}: cannot reduce an empty axis of shape [${arr.shape.join(", ")}]`);
  }
  const out = axes.length === 0 ? arr : bind(prim, [arr], { axes })[0]!;
  if (!options?.keepdims) return out;
  return reshape(out, arr.shape.map((d, i) => (axes.includes(i) ? 1 : d)));
}

export const sum = (x: ArrayInput, options?: AxisOptions): NDArray => reduce(Prim.ReduceSum, x, options);
export const max = (x: ArrayInput, options?: AxisOptions): NDArray => reduce(Prim.ReduceMax, x, options);
export const min = (x: ArrayInput, options?: AxisOptions): NDArray => reduce(Prim.ReduceMin, x, options);
export const prod = (x: ArrayInput, options?: AxisOptions): NDArray => reduce(Prim.ReduceProd, x, options);

/** Arithmetic mean over the given axes (all by default). */
export function mean(x: ArrayInput, options?: AxisOptions): NDArray {
  const v = operand(x, "mean");
  const arr = typeof v === "number" ? NDArray.scalar(v) : v;
  const axes = normalizeAxes(options?.axis, arr.ndim, "mean");
  const count = axes.reduce((n, a) => n * arr.shape[a]!, 1);
  return div(sum(arr, options), count);
}

/** Same values, new shape; one entry may be -1. */
export function reshape(x: ArrayInput, shape: readonly number[]): NDArray {
  const v = operand(x, "reshape");
  const arr = typeof v === "number" ? NDArray.scalar(v) : v;
  if (!Array.isArray(shape) || shape.some((d) => !Number.isInteger(d) || d < -1)) {
    return badValue("reshape: shape", shape, "an array of non-negative integers (one may be -1)");
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

/** Permute axes (reverse them by default). */
export function transpose(x: ArrayInput, perm?: readonly number[]): NDArray {
  const v = operand(x, "transpose");
  const arr = typeof v === "number" ? NDArray.scalar(v) : v;
  const p = perm ?? arr.shape.map((_, i) => arr.ndim - 1 - i);
  const sorted = [...p].sort((a, b) => a - b);
  if (p.length !== arr.ndim || sorted.some((a, i) => a !== i)) {
    badValue("transpose: perm", perm, `a permutation of 0..${arr.ndim - 1}`);
  }
  if (p.every((a, i) => a === i)) return arr;
  return bind(Prim.Transpose, [arr], { perm: [...p] })[0]!;
}

/** Reverse the order of elements along axes. */
export function flip(x: ArrayInput, axes: readonly number[]): NDArray {
  const v = operand(x, "flip");
  const arr = typeof v === "number" ? NDArray.scalar(v) : v;
  if (axes.length === 0) return arr;
  return bind(Prim.Rev, [arr], { axes: [...axes] })[0]!;
}

/** Join arrays along an existing axis. */
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

/** Join arrays along a new axis. */
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

/** numpy-style slicing: integer entries drop their axis, negative steps reverse. */
export function slice(x: ArrayInput, spec: SliceSpec): NDArray {
  const v = operand(x, "slice");
  const arr = typeof v === "number" ? NDArray.scalar(v) : v;
  const axes = resolveSlices(spec, arr.shape, "slice");
  const revAxes = axes.flatMap((a, i) => (a.step < 0 ? [i] : []));
  let src = flip(arr, revAxes);
  const start = axes.map((a, i) => (a.step < 0 ? arr.shape[i]! - 1 - a.start : a.start));
  const step = axes.map((a) => Math.abs(a.step));
  const shape = axes.map((a) => a.count);
  const whole = axes.every((a, i) => a.count === arr.shape[i] && step[i] === 1 && start[i] === 0);
  if (!whole) src = bind(Prim.Slice, [src], { start, step, shape })[0]!;
  const kept = axes.flatMap((a) => (a.index ? [] : [a.count]));
  return reshape(src, kept);
}

/** A copy of x with the cells selected by spec replaced by value (broadcast). */
export function setSlice(x: ArrayInput, spec: SliceSpec, value: ArrayInput): NDArray {
  const v = operand(x, "set");
  const arr = typeof v === "number" ? NDArray.scalar(v) : v;
  const axes = resolveSlices(spec, arr.shape, "set");
  const keptShape = axes.flatMap((a) => (a.index ? [] : [a.count]));
  const fullShape = axes.map((a) => a.count);
  const val = reshape(broadcastTo(value, keptShape, arr.dtype), fullShape);
  const revAxes = axes.flatMap((a, i) => (a.step < 0 ? [i] : []));
  const ordered = flip(val, revAxes);
  const lo = axes.map((a) => (a.step < 0 ? a.start + (a.count - 1) * a.step : a.start));
  const interior = axes.map((a) => Math.abs(a.step) - 1);
  const hi = axes.map((a, i) => arr.shape[i]! - (lo[i]! + Math.max(0, a.count - 1) * (interior[i]! + 1) + 1));
  if (sizeOf(fullShape) === 0) return arr;
  const padParams = { lo, hi, interior };
  // the mask is a constant: build it eagerly, outside any trace
  const mask = withTrace(null, () => bind(Prim.Pad, [broadcastTo(1, fullShape, arr.dtype)], padParams)[0]!);
  const placed = bind(Prim.Pad, [ordered], padParams)[0]!;
  return where(mask, placed, arr);
}
