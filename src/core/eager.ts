/**
 * @file Eager evaluation of one primitive on concrete arrays: stencils run
 * compiled code (or the interpreter when codegen is off), everything else
 * runs the reference interpreter's loops.
 */
import { abstractEval } from "../../compiler/abstract-eval";
import { evalPrim } from "../../compiler/interpret";
import { Prim, type LoopParams, type ParamsOf, type ScanSweepParams, type StencilParams } from "../../compiler/primitives";
import { getConfig } from "../config";
import { allocationError, checkArraySize } from "../ndarray/limits";
import { NDArray } from "../ndarray/ndarray";
import { runStencil } from "./execute";
import { runScanSweep } from "./execute-sweep";
import { runLoop } from "./execute-loop";
import { setEagerEvaluator } from "./trace";
import { trackResult } from "../../runtime/buffer-pool";
import type { Aval } from "../../compiler/ir";

function run<P extends Prim>(prim: P, inputs: readonly NDArray[], params: ParamsOf<P>, outAvals: readonly Aval[]): NDArray[] {
  if ((prim === Prim.Stencil || prim === Prim.StencilGather) && getConfig().codegen) {
    return runStencil(prim, inputs, params as StencilParams, outAvals);
  }
  if (prim === Prim.ScanSweep && getConfig().codegen) return runScanSweep(inputs, params as ScanSweepParams, outAvals);
  if (prim === Prim.ForiLoop && getConfig().codegen) return runLoop(inputs, params as LoopParams, outAvals);
  return evalPrim(prim, inputs, params, outAvals).map((t) => new NDArray(t.shape, t.dtype, t.data));
}

/**
 * Evaluate `prim` on concrete arrays. Results too large for the machine are a
 * KernexError before anything is allocated (ndarray/limits.ts), and an
 * allocation the engine refuses anyway is one too.
 *
 * @example
 * evalEager(Prim.Neg, [kex.array([1, 2])], {})[0]!.toArray(); // [-1, -2]
 */
export function evalEager<P extends Prim>(prim: P, inputs: readonly NDArray[], params: ParamsOf<P>): NDArray[] {
  const outAvals = abstractEval(prim, inputs, params);
  for (const a of outAvals) checkArraySize(`${prim}: result`, a.shape, a.dtype);
  try {
    const outs = run(prim, inputs, params, outAvals);
    // every eager result is a fresh buffer: it goes back to the pool when its array is collected
    for (const o of outs) trackResult(o.data);
    return outs;
  } catch (error) {
    const out = outAvals[0];
    throw (out && allocationError(`${prim}: result`, out.shape, out.dtype, error)) ?? error;
  }
}

// bind evaluates through this when no trace is recording (see setEagerEvaluator in trace.ts)
setEagerEvaluator(evalEager);
