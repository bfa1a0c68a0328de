/**
 * @file Code generation for `scan_sweep` (the reverse sweep of a scan, see
 * compiler/scan-sweep.ts): lowered to the lowered loop IR
 * (compiler/loop/lower-sweep.ts), its index arithmetic simplified, verified,
 * its loop outlined and printed by the one JavaScript emitter (emit-js.ts),
 * as stencils are (emit-stencil.ts). The calling convention and the tables
 * are described in lower-sweep.ts and compiler/loop/sweep-tables.ts.
 */
import type { DType, ScanSweepParams } from "../primitives";
import { checkLowered } from "../loop/loop-check";
import type { LoweredCode } from "../loop/lowered-ir";
import type { Schedule } from "../loop/schedule";
import { lowerSweep } from "../loop/lower-sweep";
import { outline } from "../loop/outline";
import { simplifyLowered } from "../loop/simplify-index";
import { emitJs } from "./emit-js";

/** Generated code of a sweep, the constant tables it reads, how it splits across threads, and its cost per cell. */
export interface SweepCode {
  readonly body: string;
  readonly tables: readonly Int32Array[];
  readonly schedule: Schedule;
  readonly opsPerCell: number;
}

/**
 * Lowered, simplified, verified and outlined code of the sweep of `p`: what
 * emitSweep prints. `shapes`: of its inputs; `dtype`: of the accumulators.
 *
 * @example
 * printLowered(lowerSweepCode(p, shapes, "float64")); // the listing of the loops
 */
export function lowerSweepCode(p: ScanSweepParams, shapes: readonly (readonly number[])[], dtype: DType): LoweredCode {
  const code = simplifyLowered(lowerSweep(p, shapes, dtype));
  checkLowered(code, "lower-sweep");
  return outline(code);
}

/**
 * Emit the sweep of `p` as a factory source returning `(f, t, s, lo, hi, k)`.
 * `shapes`: of its inputs; `dtype`: of the accumulators.
 *
 * @example
 * compileBody(emitSweep(p, shapes, "float64").body)([...inputs, ...outs], tables, [], 0, 0, 0);
 */
export function emitSweep(p: ScanSweepParams, shapes: readonly (readonly number[])[], dtype: DType): SweepCode {
  const code = lowerSweepCode(p, shapes, dtype);
  return { body: emitJs(code), tables: code.tables, schedule: code.schedule, opsPerCell: code.opsPerCell };
}
