/**
 * @file Array creation: array, zeros, ones, full, arange, linspace.
 */
import { sizeOf } from "../../compiler/ir";
import { newStorage } from "./storage";
import { allocationError, checkArraySize, MAX_ELEMENTS } from "./limits";
import { badValue } from "../errors";
import { snapshotOptions } from "../options-snapshot";
import { checkDType, type DType } from "./dtype";
import { NDArray } from "./ndarray";

/**
 * Options of `array`.
 *
 * @example
 * kex.array([1, 2, 3, 4], { shape: [2, 2], dtype: "float32" });
 */
export interface ArrayOptions {
  /** The shape of the result; needed for typed arrays with more than one dimension. */
  shape?: readonly number[];
  /** Element type; default float64 (float32 for a Float32Array). */
  dtype?: DType;
}

/**
 * Most levels of nesting `kex.array` reads from nested JavaScript arrays
 * (numpy allows 64 dimensions); deeper data is almost certainly a mistake and
 * would otherwise overflow the stack.
 */
export const MAX_NESTING = 64;

/**
 * A copy of `shape` after checking it is an array of non-negative integers no
 * larger than MAX_ELEMENTS (the total size is checked where memory is allocated).
 *
 * @example
 * checkShape([2, 3], "zeros: shape"); // [2, 3]
 */
export function checkShape(shape: unknown, what: string): number[] {
  if (!Array.isArray(shape) || shape.some((d) => !Number.isInteger(d) || d < 0 || d > MAX_ELEMENTS)) {
    return badValue(what, shape, `an array of non-negative integers (each at most ${MAX_ELEMENTS})`);
  }
  return [...(shape as number[])];
}

/** Storage for an array of `shape`, after checking it fits in memory (see limits.ts). */
function storageFor(what: string, shape: readonly number[], dtype: DType) {
  checkArraySize(what, shape, dtype);
  try {
    return newStorage(dtype, sizeOf(shape));
  } catch (error) {
    throw allocationError(what, shape, dtype, error) ?? error;
  }
}

function nestedShape(data: unknown, what: string, depth = 0): number[] {
  if (typeof data === "number") return [];
  if (!Array.isArray(data)) return badValue(what, data, "a number or nested arrays of numbers");
  if (depth >= MAX_NESTING) badValue(what, `arrays nested more than ${MAX_NESTING} deep`, `at most ${MAX_NESTING} levels of nesting`);
  if (data.length === 0) return [0];
  const inner = nestedShape(data[0], what, depth + 1);
  for (const item of data) {
    const s = nestedShape(item, what, depth + 1);
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
export function array(data: unknown, arrayOptions: ArrayOptions = {}): NDArray {
  // a snapshot of own enumerable string keys: an inherited Object.prototype.dtype is not an option
  const options = snapshotOptions("array", arrayOptions, ["shape", "dtype"], '{ shape: [2, 3], dtype: "float32" }') as ArrayOptions;
  if (data instanceof NDArray) {
    if (!NDArray.isNDArray(data)) return badValue("array: data", data, "an NDArray made by kernex, a number, nested arrays or a typed array");
    const dtype = options.dtype !== undefined ? checkDType(options.dtype, "array: dtype") : data.dtype;
    const out = storageFor("array", data.shape, dtype);
    out.set(data.data);
    const arr = new NDArray(data.shape, dtype, out);
    return options.shape !== undefined ? arr.reshape(checkShape(options.shape, "array: shape")) : arr;
  }
  if (data instanceof BigInt64Array || data instanceof BigUint64Array) return badValue("array: data", data, "numbers (BigInt arrays are not supported)");
  const typed = data instanceof Float32Array || data instanceof Float64Array || (ArrayBuffer.isView(data) && !(data instanceof DataView));
  const dtype = options.dtype !== undefined ? checkDType(options.dtype, "array: dtype") : data instanceof Float32Array ? "float32" : "float64";
  let flat: ArrayLike<number>;
  let shape: number[];
  if (typed) {
    flat = data as unknown as ArrayLike<number>;
    shape = options.shape !== undefined ? checkShape(options.shape, "array: shape") : [flat.length];
  } else {
    const nested = nestedShape(data, "array: data");
    flat = typeof data === "number" ? [data] : (data as unknown[]).flat(Infinity) as number[];
    for (let i = 0; i < flat.length; i++) {
      if (typeof flat[i] !== "number") badValue("array: data", flat[i], "numbers only");
    }
    shape = options.shape !== undefined ? checkShape(options.shape, "array: shape") : nested;
  }
  if (sizeOf(shape) !== flat.length) {
    badValue("array: shape", options.shape, `a shape with ${flat.length} elements (the size of the data)`);
  }
  const out = storageFor("array", shape, dtype);
  out.set(flat);
  return new NDArray(shape, dtype, out);
}

/**
 * An array from nested JavaScript arrays of numbers, for array functions
 * given plain arrays; `what` names the calling function in error messages.
 *
 * @example
 * nestedArray([[1, 2], [3, 4]], "add").shape; // [2, 2]
 */
export function nestedArray(data: readonly unknown[], what: string): NDArray {
  const shape = nestedShape(data, what);
  const flat = data.flat(Infinity);
  for (let i = 0; i < flat.length; i++) {
    if (typeof flat[i] !== "number") badValue(what, flat[i], "an NDArray, a number or nested arrays of numbers only");
  }
  const out = storageFor(what, shape, "float64");
  out.set(flat as number[]);
  return new NDArray(shape, "float64", out);
}

/**
 * An array filled with `value`.
 *
 * @example
 * kex.full([2, 2], 7).toArray(); // [[7, 7], [7, 7]]
 */
export function full(shape: readonly number[], value: number, dtype: DType = "float64"): NDArray {
  return filled("full", shape, value, dtype);
}

function filled(what: string, shape: unknown, value: unknown, dtype: unknown): NDArray {
  const s = checkShape(shape, `${what}: shape`);
  if (typeof value !== "number") badValue(`${what}: value`, value, "a number");
  const dt = checkDType(dtype, `${what}: dtype`);
  const data = storageFor(what, s, dt);
  data.fill(value);
  return new NDArray(s, dt, data);
}

/**
 * An array of zeros.
 *
 * @example
 * kex.zeros([2, 3]).shape; // [2, 3]
 */
export const zeros = (shape: readonly number[], dtype: DType = "float64"): NDArray => filled("zeros", shape, 0, dtype);
/**
 * An array of ones.
 *
 * @example
 * kex.ones([3]).toArray(); // [1, 1, 1]
 */
export const ones = (shape: readonly number[], dtype: DType = "float64"): NDArray => filled("ones", shape, 1, dtype);

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
  const data = storageFor("arange", [n], "float64");
  for (let i = 0; i < n; i++) data[i] = a + i * step;
  return new NDArray([n], "float64", data);
}

/**
 * `n` evenly spaced values from a to b inclusive.
 *
 * @example
 * kex.linspace(0, 1, 5).toArray(); // [0, 0.25, 0.5, 0.75, 1]
 */
export function linspace(a: number, b: number, n: number): NDArray {
  if (typeof a !== "number") badValue("linspace: start", a, "a number");
  if (typeof b !== "number") badValue("linspace: stop", b, "a number");
  if (!Number.isInteger(n) || n < 0) badValue("linspace: n", n, "a non-negative integer");
  const data = storageFor("linspace", [n], "float64");
  for (let i = 0; i < n; i++) data[i] = n === 1 ? a : a + ((b - a) * i) / (n - 1);
  return new NDArray([n], "float64", data);
}
