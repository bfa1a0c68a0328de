/**
 * @file Runs a `scan_sweep` equation's compiled kernel (sweep-kernel.ts) on
 * the calling thread: the sweep is sequential, as the scan is. Sweeps that
 * cannot be compiled run on the reference interpreter.
 */
import type { Aval } from "../../compiler/ir";
import { evalPrim } from "../../compiler/interpret";
import { allocStorage, type Storage, type Tensor } from "../../compiler/tensor";
import { Prim, type ScanSweepParams } from "../../compiler/primitives";
import { ctInputs } from "../../compiler/scan-sweep";
import { NO_SCALARS } from "../kernel-function";
import { compileSweep } from "./sweep-kernel";

/**
 * Run a sweep equation on concrete buffers (the results' data are fresh).
 *
 * @example
 * runScanSweep(inputs, params, abstractEval(Prim.ScanSweep, inputs, params));
 */
export function runScanSweep(inputs: readonly Tensor[], p: ScanSweepParams, outAvals: readonly Aval[]): Tensor[] {
  const dtype = inputs[0]!.dtype;
  const compiled = compileSweep(p, inputs.map((x) => x.shape), dtype);
  if (compiled === null) return evalPrim(Prim.ScanSweep, inputs, p, outAvals);
  const outs: Storage[] = outAvals.map((a) => allocStorage(a.dtype, a.shape.reduce((n, s) => n * s, 1)));
  if (p.scan.spec.placement === "inplace") {
    // in place, the accumulators start as the cotangents of the final state
    ctInputs(p, inputs).forEach((ins, j) => ins.length > 0 && outs[j]!.set(ins[0]!.data));
  }
  compiled.fn([...inputs.map((x) => x.data), ...outs], compiled.tables, NO_SCALARS, 0, 0, 0);
  return outAvals.map((a, j): Tensor => ({ shape: a.shape, dtype: a.dtype, data: outs[j]! }));
}
