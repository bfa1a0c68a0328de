/**
 * @file Concrete values of the reference interpreter and of the eager path:
 * typed-array storage of a dtype and a row-major tensor (shape, dtype, data).
 */
import { sizeOf } from "./ir";
import type { DType } from "./primitives";

/**
 * Typed-array storage of a dtype (Float32Array for float32).
 *
 * @example
 * const data: Storage = new Float64Array(4);
 */
export type Storage = Float64Array | Float32Array;

/**
 * A concrete value: row-major data with a shape.
 *
 * @example
 * const t: Tensor = { shape: [2], dtype: "float64", data: Float64Array.of(1, 2) };
 */
export interface Tensor {
  readonly shape: readonly number[];
  readonly dtype: DType;
  readonly data: Storage;
}

/**
 * A zero-filled typed array of a dtype.
 *
 * @example
 * allocStorage("float32", 2); // Float32Array(2) [0, 0]
 */
export function allocStorage(dtype: DType, n: number): Storage {
  return dtype === "float32" ? new Float32Array(n) : new Float64Array(n);
}

/**
 * A tensor of a shape, on new zeroed storage unless `data` is given (not copied).
 *
 * @example
 * tensor([2, 2], "float64").data.length; // 4
 */
export function tensor(shape: readonly number[], dtype: DType, data?: Storage): Tensor {
  return { shape, dtype, data: data ?? allocStorage(dtype, sizeOf(shape)) };
}
