/**
 * @file The public surface of kernex: re-exports only.
 *
 * @example
 * import * as kex from "kernex";
 * const sumAll = kex.kmap({ kernelSize: 3 }, (x) => kex.sum(x));
 * sumAll(kex.array([1, 2, 3, 4, 5])).toArray(); // [6, 9, 12]
 */
export { KernexError } from "./errors";
export { config, type Backend, type Config, type DebugLevel, type GpuLike } from "./config";
export { NDArray, type ArrayInput, type NestedArray, type NestedArrayItems, type SliceSpec } from "./ndarray/ndarray";
export type { DType } from "./ndarray/dtype";
export { array, zeros, ones, full, arange, linspace, type ArrayOptions } from "./ndarray/creation";
export { slice, type Slice } from "./ndarray/slice-spec";
// every export of core/ops.ts is a public array function (add … broadcastTo, and AxisOptions)
export * from "./core/ops";
// loaded for its effect: gives NDArray its slice and with methods
import "./core/slicing";
export { kmap, kscan, smap, sscan, type FunctionMesh, type Kernel, type KernelValue, type StencilFunction } from "./stencil/kmap";
export type { PaddingName, StencilOptions } from "./stencil/options";
export type { PadMode } from "../compiler/primitives";
export { makeIR, type ProgramListing } from "./transforms/make-ir";
export { jit, type JitFunction } from "./transforms/jit";
export type { JitOptions } from "./transforms/jit-options";
export { jvp } from "./transforms/jvp";
export { vjp, grad, valueAndGrad, type Fn as DifferentiableFunction } from "./transforms/grad";
export { vmap } from "./transforms/vmap";
export { __kernexKernel, type KernelBuildInfo } from "./kernel/build-info";
export { foriLoop } from "./transforms/fori-loop";
