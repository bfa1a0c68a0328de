/**
 * @file The lowering driver: a loop nest (after the passes of
 * compiler/passes/pipeline.ts) becomes lowered code ready to print. Gathers
 * lower in pull form where gather-form.ts allows it, otherwise (and every
 * other stencil) through lower-stencil.ts; then index arithmetic is
 * simplified, the loop verifier checks the result, and blocks are outlined
 * into functions.
 */
import { pullPlan } from "./gather-form";
import { jamLowered } from "./jam";
import { checkLowered } from "./loop-check";
import type { LoopNest } from "./loop-ir";
import type { LoweredCode } from "./lowered-ir";
import { lowerPullGather } from "./lower-pull-gather";
import { lowerStencil } from "./lower-stencil";
import { outline } from "./outline";
import { simplifyLowered } from "./simplify-index";

/**
 * Lowered, simplified, verified and outlined code of a stencil's loop nest:
 * what the JavaScript emitter prints.
 *
 * @example
 * printLowered(lowerNest(runPipeline(params, []))); // the listing of the loops and functions
 */
export function lowerNest(nest: LoopNest): LoweredCode {
  const plan = nest.gather ? pullPlan(nest) : null;
  const lowered = plan !== null ? lowerPullGather(nest, plan) : lowerStencil(nest, true, true);
  const code = jamLowered(simplifyLowered(lowered));
  checkLowered(code, plan !== null ? "lower-pull-gather" : "lower-stencil");
  return outline(code);
}
