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
  add: ops.add,
  sub: ops.sub,
  mul: ops.mul,
  div: ops.div,
  neg: ops.neg,
  pow: ops.pow,
  mod: ops.mod,
  exp: ops.exp,
  log: ops.log,
  sin: ops.sin,
  cos: ops.cos,
  tan: ops.tan,
  tanh: ops.tanh,
  sinh: ops.sinh,
  cosh: ops.cosh,
  asin: ops.asin,
  acos: ops.acos,
  atan: ops.atan,
  atan2: ops.atan2,
  sqrt: ops.sqrt,
  cbrt: ops.cbrt,
  abs: ops.abs,
  sign: ops.sign,
  floor: ops.floor,
  ceil: ops.ceil,
  round: ops.round,
  trunc: ops.trunc,
  log2: ops.log2,
  log10: ops.log10,
  log1p: ops.log1p,
  expm1: ops.expm1,
  isnan: ops.isnan,
  isfinite: ops.isfinite,
  square: ops.square,
  maximum: ops.maximum,
  minimum: ops.minimum,
  where: ops.where,
  less: ops.less,
  greater: ops.greater,
  lessEqual: ops.lessEqual,
  greaterEqual: ops.greaterEqual,
  equal: ops.equal,
  notEqual: ops.notEqual,
  sum: ops.sum,
  mean: ops.mean,
  max: ops.max,
  min: ops.min,
  prod: ops.prod,
  stack: ops.stack,
  concatenate: ops.concatenate,
  transpose: ops.transpose,
  reshape: ops.reshape,
  flip: ops.flip,
  astype: ops.astype,
  broadcastTo: ops.broadcastTo,
};
