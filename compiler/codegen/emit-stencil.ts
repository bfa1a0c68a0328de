/**
 * @file Code generation for one stencil equation: its loop nest (after the
 * passes of compiler/passes/pipeline.ts) is lowered to the lowered loop IR
 * (compiler/loop/lower-stencil.ts), its index arithmetic simplified, the
 * result verified, its loops outlined into functions, and printed by the
 * one JavaScript emitter (emit-js.ts). The source is a factory: run once,
 * it returns the stencil function `(f, t, s, lo, hi, k)` — f: windowed
 * inputs, extra inputs, then outputs; t: per-dim read tables; s: unused
 * scalars; [lo, hi): the range of the split dim to run; k: the step (see
 * Schedule).
 */
import type { LoopNest } from "../loop/loop-ir";
import type { LoweredCode } from "../loop/lowered-ir";
import { checkLowered } from "../loop/loop-check";
import { lowerStencil } from "../loop/lower-stencil";
import { outline } from "../loop/outline";
import { simplifyLowered } from "../loop/simplify-index";
import type { Schedule } from "../loop/schedule";
import { emitPullGather } from "./emit-pull-gather";
import { emitJs } from "./emit-js";

export { stencilSchedule, type Schedule } from "../loop/schedule";

/** Generated code for a stencil and the constant tables it reads. */
export interface StencilCode {
  readonly body: string;
  readonly tables: readonly Int32Array[];
  readonly schedule: Schedule;
  /** Statements of the longest kernel body at one grid cell (reads, operations, writes): its cost. */
  readonly opsPerCell: number;
}

/**
 * Lowered, simplified, verified and outlined code of a stencil's loop nest:
 * what emitStencil prints.
 *
 * @example
 * printLowered(lowerNest(runPipeline(params, []))); // the listing of the loops
 */
export function lowerNest(nest: LoopNest): LoweredCode {
  const code = simplifyLowered(lowerStencil(nest));
  checkLowered(code, "lower-stencil");
  return outline(code);
}

/**
 * Emit the factory source of the compiled function of a lowered stencil.
 *
 * @example
 * emitStencil(runPipeline(params, [])).body; // "const r0 = (x0, o0, lo, hi) => {…}; return function (f, t, s, lo, hi, k) {…}"
 */
export function emitStencil(nest: LoopNest): StencilCode {
  if (nest.gather) {
    const pull = emitPullGather(nest);
    if (pull !== null) return pull;
  }
  const code = lowerNest(nest);
  return { body: emitJs(code), tables: code.tables, schedule: code.schedule, opsPerCell: code.opsPerCell };
}
