/**
 * @file Array creation: array, zeros, ones, full, arange, linspace.
 */
import { sizeOf } from "../../compiler/ir";
import { newStorage } from "./storage";
import { badValue } from "../errors";
import { checkDType, type DType } from "./dtype";
import { NDArray } from "./ndarray";

/** Options of `array`. */
export interface ArrayOptions {
  shape?: readonly number[];
  dtype?: DType;
}

function checkShape(shape: unknown, what: string): number[] {
  if (!Array.isArray(shape) || shape.some((d) => !Number.isInteger(d) || d < 0)) {
    return badValue(what, shape, "an array of non-negative integers");
  }
  return [...(shape as number[])];
}

function nestedShape(data: unknown, what: string): number[] {
  if (typeof data === "number") return [];
  if (!Array.isArray(data)) return badValue(what, data, "a number or nested arrays of numbers");
  if (data.length === 0) return [0];
  const inner = nestedShape(data[0], what);
  for (const item of data) {
    const s = nestedShape(item, what);
    if (s.length !== inner.length || s.some((d, i) => d !== inner[i])) {
      return badValue(what, data, "nested arrays of equal lengths (a rectangular array)");
    }
  }
  return [data.length, ...inner];
}

/**
 * Create an array from a number, nested arrays, a flat array or a typed array.
 *
 * @example
 * kex.array([1, 2, 3]); // shape [3], float64
 * kex.array(new Float32Array(6), { shape: [2, 3] }); // float32
 */
export function array(data: unknown, options: ArrayOptions = {}): NDArray {
  if (data instanceof NDArray) {
    const dtype = options.dtype ? checkDType(options.dtype, "array: dtype") : data.dtype;
    const out = newStorage(dtype, data.size);
    out.set(data.data);
    const arr = new NDArray(data.shape, dtype, out);
    return options.shape ? arr.reshape(options.shape) : arr;
  }
  if (typeof options !== "object" || options === null) return badValue("array: options", options, "an object { shape?, dtype? }");
  const typed = data instanceof Float32Array || data instanceof Float64Array || (ArrayBuffer.isView(data) && !(data instanceof DataView));
  const dtype = options.dtype !== undefined ? checkDType(options.dtype, "array: dtype") : data instanceof Float32Array ? "float32" : "float64";
  let flat: ArrayLike<number>;
  let shape: number[];
  if (typed) {
    flat = data as unknown as ArrayLike<number>;
    shape = options.shape ? checkShape(options.shape, "array: shape") : [flat.length];
  } else {
    const nested = nestedShape(data, "array: data");
    flat = typeof data === "number" ? [data] : (data as unknown[]).flat(Infinity) as number[];
    for (let i = 0; i < flat.length; i++) {
      if (typeof flat[i] !== "number") badValue("array: data", flat[i], "numbers only");
    }
    shape = options.shape ? checkShape(options.shape, "array: shape") : nested;
  }
  if (sizeOf(shape) !== flat.length) {
    badValue("array: shape", options.shape, `a shape with ${flat.length} elements (the size of the data)`);
  }
  const out = newStorage(dtype, flat.length);
  out.set(flat);
  return new NDArray(shape, dtype, out);
}

/** An array filled with `value`. */
export function full(shape: readonly number[], value: number, dtype: DType = "float64"): NDArray {
  const s = checkShape(shape, "full: shape");
  if (typeof value !== "number") badValue("full: value", value, "a number");
  const data = newStorage(checkDType(dtype, "full: dtype"), sizeOf(s));
  data.fill(value);
  return new NDArray(s, dtype, data);
}

export const zeros = (shape: readonly number[], dtype: DType = "float64"): NDArray => full(shape, 0, dtype);
export const ones = (shape: readonly number[], dtype: DType = "float64"): NDArray => full(shape, 1, dtype);

/**
 * Evenly spaced values in [start, stop): `arange(stop)` or `arange(start, stop, step)`.
 *
 * @example
 * kex.arange(1, 6); // [1, 2, 3, 4, 5]
 */
export function arange(start: number, stop?: number, step = 1): NDArray {
  const [a, b] = stop === undefined ? [0, start] : [start, stop];
  for (const [name, v] of [["start", a], ["stop", b], ["step", step]] as const) {
    if (typeof v !== "number" || !Number.isFinite(v)) badValue(`arange: ${name}`, v, "a finite number");
  }
  if (step === 0) badValue("arange: step", step, "a nonzero number");
  const n = Math.max(0, Math.ceil((b - a) / step));
  const data = newStorage("float64", n);
  for (let i = 0; i < n; i++) data[i] = a + i * step;
  return new NDArray([n], "float64", data);
}

/** `n` evenly spaced values from a to b inclusive. */
export function linspace(a: number, b: number, n: number): NDArray {
  if (!Number.isInteger(n) || n < 0) badValue("linspace: n", n, "a non-negative integer");
  const data = newStorage("float64", n);
  for (let i = 0; i < n; i++) data[i] = n === 1 ? a : a + ((b - a) * i) / (n - 1);
  return new NDArray([n], "float64", data);
}
