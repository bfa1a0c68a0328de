/**
 * @file The loop pipeline: the ordered, named passes from a stencil
 * equation to the loop nest that code generation emits. With debug level 2
 * each pass prints the nest after it ("(unchanged)" when it returned its
 * input); with verification on (`check`, or compiler/verify.ts), the loop
 * verifier runs after lowering and after every pass (passes/driver.ts).
 */
import type { LoopNest } from "../loop/loop-ir";
import { checkLoopNest } from "../loop/loop-check";
import { printLoopNest } from "../ir-print";
import type { StencilParams } from "../primitives";
import { verifyOn } from "../verify";
import { runPasses } from "./driver";
import { lowerStencil } from "./lower-stencil";
import { meshRegions } from "./mesh-regions";
import { partition } from "./partition";
import { scanDeps } from "./scan-deps";
import { simplify } from "./simplify";

/** A named pass over a loop nest. */
export interface Pass {
  readonly name: string;
  readonly run: (nest: LoopNest) => LoopNest;
}

/** The passes, in order. Each pass file states what it requires and guarantees. */
export const loopPasses: readonly Pass[] = [
  { name: "simplify", run: simplify },
  { name: "mesh-regions", run: meshRegions },
  { name: "partition", run: partition },
  { name: "scan-deps", run: scanDeps },
];

/** Options of the pipeline. */
export interface PipelineOptions {
  /** Called with each pass's name and listing (debug level 2). */
  readonly log?: (line: string) => void;
  /** Run the loop verifier after every pass; when absent, compiler/verify.ts's switch decides (on in tests). */
  readonly check?: boolean;
}

/** Lower a stencil equation through every pass. */
export function runPipeline(params: StencilParams, extraShapes: readonly (readonly number[])[], options: PipelineOptions = {}, gather = false): LoopNest {
  const nest = lowerStencil(params, extraShapes, gather);
  options.log?.(`lowered:\n${printLoopNest(nest)}`);
  if (options.check ?? verifyOn()) checkLoopNest(nest, "lower");
  return runPasses(nest, loopPasses, { print: printLoopNest, verify: checkLoopNest, log: options.log, check: options.check });
}
