/**
 * @file Lowering for the WebGPU backend: the same lowering, simplification,
 * jamming and verification as lower.ts, without outlining (WGSL functions
 * cannot take the buffers and tables the outlined functions take as
 * arguments, so blocks stay inline as scopes of their own). One invocation
 * of the shader runs the lowered `main` on one index of the schedule's
 * split dim (a range [lo, lo + 1)), or the whole range when the schedule
 * does not allow splitting; parallel scans run step by step, one dispatch
 * per step `k`.
 */
import { pullPlan } from "./gather-form";
import { jamLowered } from "./jam";
import { checkLowered } from "./loop-check";
import type { LoopNest } from "./loop-ir";
import type { LoweredCode } from "./lowered-ir";
import { lowerPullGather } from "./lower-pull-gather";
import { lowerStencil } from "./lower-stencil";
import { simplifyLowered } from "./simplify-index";

/**
 * Lowered, simplified and verified code of a stencil's loop nest, its
 * blocks inline: what the WGSL emitter prints.
 *
 * @example
 * emitWgsl(lowerNestForGpu(runPipeline(params, []))).code; // the compute shader
 */
export function lowerNestForGpu(nest: LoopNest): LoweredCode {
  const plan = nest.gather ? pullPlan(nest) : null;
  const lowered = plan !== null ? lowerPullGather(nest, plan) : lowerStencil(nest);
  const code = jamLowered(simplifyLowered(lowered));
  checkLowered(code, plan !== null ? "lower-pull-gather-gpu" : "lower-stencil-gpu");
  return code;
}
