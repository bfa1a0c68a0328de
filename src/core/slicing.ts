/**
 * @file numpy-style slicing of arrays, read (`x.slice(spec)`, `x[i]` in
 * kernels) and write (`x.with(spec, value)`), as pad/slice/rev primitives.
 */
import { sizeOf } from "../../compiler/ir";
import { Prim } from "../../compiler/primitives";
import { NDArray, registerArrayMethods, type ArrayInput, type SliceSpec } from "../ndarray/ndarray";
import { resolveSlices } from "../ndarray/slice-spec";
import { broadcastTo, flip, reshape, where } from "./ops";
import { checkBroadcastTo, operand } from "./operands";
import { bind, withTrace } from "./trace";

/**
 * numpy-style slicing: integer entries drop their axis, negative steps reverse.
 *
 * @example
 * slice(kex.arange(6).reshape([2, 3]), "1, ::-1").toArray(); // [5, 4, 3]
 */
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

/**
 * A copy of x with the cells selected by spec replaced by value (broadcast).
 *
 * @example
 * setSlice(kex.zeros([3]), "1:", 7).toArray(); // [0, 7, 7]
 */
export function setSlice(x: ArrayInput, spec: SliceSpec, value: ArrayInput): NDArray {
  const v = operand(x, "with");
  const arr = typeof v === "number" ? NDArray.scalar(v) : v;
  const axes = resolveSlices(spec, arr.shape, "with");
  const keptShape = axes.flatMap((a) => (a.index ? [] : [a.count]));
  const fullShape = axes.map((a) => a.count);
  const given = operand(value, "with: value");
  if (typeof given !== "number") checkBroadcastTo(given.shape, keptShape, "with: value");
  const val = reshape(broadcastTo(given, keptShape, arr.dtype), fullShape);
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

// NDArray's slice and with call these (see registerArrayMethods in ndarray.ts)
registerArrayMethods({ slice, setSlice });
