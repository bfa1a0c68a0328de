/**
 * @file Eager evaluation of one primitive on concrete arrays: stencils run
 * compiled code (or the interpreter when codegen is off), everything else
 * runs the reference interpreter's loops.
 */
import { abstractEval } from "../../compiler/abstract-eval";
import { evalPrim } from "../../compiler/interpret";
import { Prim, type ParamsOf, type StencilParams } from "../../compiler/primitives";
import { getConfig } from "../config";
import { NDArray } from "../ndarray/ndarray";
import { runStencil } from "./execute";

export function evalEager<P extends Prim>(prim: P, inputs: readonly NDArray[], params: ParamsOf<P>): NDArray[] {
  const outAvals = abstractEval(prim, inputs, params);
  if ((prim === Prim.Stencil || prim === Prim.StencilGather) && getConfig().codegen) {
    return runStencil(prim, inputs, params as StencilParams, outAvals);
  }
  return evalPrim(prim, inputs, params, outAvals).map((t) => new NDArray(t.shape, t.dtype, t.data));
}
