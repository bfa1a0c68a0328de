/**
 * @file The array functions as one namespace object: what kernels see as
 * `kex` (kernels are rebuilt from source, so they get it passed in), and
 * what the public index re-exports.
 */
import * as ops from "./core/ops";
import { arange, array, full, linspace, ones, zeros } from "./ndarray/creation";
import { slice as sliceOf } from "./ndarray/slice-spec";

/**
 * Array creation and array functions.
 *
 * @example
 * arrayApi.sum(arrayApi.ones([3])).item(); // 3
 */
export const arrayApi = {
  array,
  zeros,
  ones,
  full,
  arange,
  linspace,
  sliceOf,
  // every export of core/ops.ts is an array function: no copied list
  ...ops,
};
