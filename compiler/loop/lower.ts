/**
 * @file The lowering driver: a loop nest (after the passes of
 * compiler/passes/pipeline.ts) becomes lowered code ready to print. Gathers
 * lower in pull form where gather-form.ts allows it, otherwise (and every
 * other stencil) through lower-stencil.ts; then index arithmetic is
 * simplified, the loop verifier checks the result, and blocks are outlined
 * into functions.
 *
 * Two tiers (`lowerNestTiers`): the first, without unroll-and-jam, is what
 * a kernel's first calls run (V8 optimizes its shorter loop bodies sooner);
 * the jammed one is lowered from the same simplified code when it is first
 * asked for, so both share their index tables and schedule. Stencils
 * whose jam would add little to a first call's warm-up (tierWorthwhile:
 * small grids, whose loops V8 does not optimize during a call, and short
 * loop bodies) have one tier, jammed: a second compile would cost more
 * than it saves.
 */
import { jamLowered, tierWorthwhile } from "./jam";
import { checkLowered } from "./loop-check";
import type { LoopNest } from "./loop-ir";
import type { LoweredCode } from "./lowered-ir";
import { lowerPullGather } from "./lower-pull-gather";
import { lowerStencil } from "./lower-stencil";
import { outline } from "./outline";
import { pullPlan } from "./gather-form";
import { simplifyLowered } from "./simplify-index";

/** A stencil's lowered code in two tiers (see the file header). */
export interface LoweredTiers {
  /** Verified and outlined, not jammed. */
  readonly first: LoweredCode;
  /** The jammed code, verified and outlined on the first call (`first` itself when the jam changes nothing). */
  readonly final: () => LoweredCode;
  /** Is the final tier lowered later (false: `first` is the final, jammed code)? */
  readonly later: boolean;
}

/** Simplified code of a nest and the name its lowering reports to the verifier. */
function lowerSimplified(nest: LoopNest): { code: LoweredCode; stage: string } {
  const plan = nest.gather ? pullPlan(nest) : null;
  const lowered = plan !== null ? lowerPullGather(nest, plan) : lowerStencil(nest);
  return { code: simplifyLowered(lowered), stage: plan !== null ? "lower-pull-gather" : "lower-stencil" };
}

/** Verified and outlined. */
function finish(code: LoweredCode, stage: string): LoweredCode {
  checkLowered(code, stage);
  return outline(code);
}

/**
 * Lowered, simplified, jammed, verified and outlined code of a stencil's
 * loop nest: what the JavaScript emitter prints (the final tier).
 *
 * @example
 * printLowered(lowerNest(runPipeline(params, []))); // the listing of the loops and functions
 */
export function lowerNest(nest: LoopNest): LoweredCode {
  const { code, stage } = lowerSimplified(nest);
  return finish(jamLowered(code), stage);
}

/**
 * The two tiers of a stencil's lowered code: the first verified and
 * outlined now, the jammed one on demand (each verified).
 *
 * @example
 * const tiers = lowerNestTiers(nest);
 * emitJs(tiers.first); // what the first calls run
 * emitJs(tiers.final()); // lowerNest(nest), from the same tables
 */
export function lowerNestTiers(nest: LoopNest): LoweredTiers {
  const { code, stage } = lowerSimplified(nest);
  if (!tierWorthwhile(code)) {
    // the jam adds little warm-up to a first call, or its loops are not optimized during one: the jammed code is the only tier
    const only = finish(jamLowered(code), stage);
    return { first: only, final: () => only, later: false };
  }
  const first = finish(code, stage);
  let final: LoweredCode | null = null;
  return {
    first,
    later: true,
    final: () => {
      if (final === null) {
        const jammed = jamLowered(code);
        final = jammed === code ? first : finish(jammed, stage);
      }
      return final;
    },
  };
}
