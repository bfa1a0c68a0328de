/**
 * @file Code generation for one stencil equation: its loop nest (after the
 * passes of compiler/passes/pipeline.ts) is lowered, simplified, verified
 * and outlined (compiler/loop/lower.ts), then printed by the one JavaScript
 * emitter (emit-js.ts). The source is a factory: run once, it returns the
 * stencil function `(f, t, s, lo, hi, k)` — f: windowed inputs, extra
 * inputs, then outputs; t: per-dim read tables; s: unused scalars;
 * [lo, hi): the range of the split dim to run; k: the step (see Schedule).
 */
import type { LoopNest } from "../loop/loop-ir";
import { lowerNest } from "../loop/lower";
import type { LoweredCode } from "../loop/lowered-ir";
import type { Schedule } from "../loop/schedule";
import { emitJs } from "./emit-js";

export { stencilSchedule, type Schedule } from "../loop/schedule";

/** Generated code for a stencil and the constant tables it reads. */
export interface StencilCode {
  readonly body: string;
  readonly tables: readonly Int32Array[];
  readonly schedule: Schedule;
  /** Statements of the longest kernel body at one grid cell (reads, operations, writes): its cost. */
  readonly opsPerCell: number;
  /** The lowered loop IR that `body` prints (listed at debug level 2). */
  readonly lowered: LoweredCode;
}

/**
 * Emit the factory source of the compiled function of a lowered stencil.
 *
 * @example
 * emitStencil(runPipeline(params, [])).body; // "const r0 = (x0, o0, lo, hi) => {…}; return function (f, t, s, lo, hi, k) {…}"
 */
export function emitStencil(nest: LoopNest): StencilCode {
  const code = lowerNest(nest);
  return { body: emitJs(code), tables: code.tables, schedule: code.schedule, opsPerCell: code.opsPerCell, lowered: code };
}
