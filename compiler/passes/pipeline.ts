/**
 * @file The loop pipeline: the ordered, named passes from a stencil
 * equation to the loop nest that code generation emits. With debug level 2
 * each pass prints the nest after it ("(unchanged)" when it returned its
 * input); with `check`, the loop verifier runs after every pass.
 */
import type { LoopNest } from "../loop/loop-ir";
import { checkLoopNest } from "../loop/loop-check";
import { printLoopNest } from "../ir-print";
import type { StencilParams } from "../primitives";
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
  /** Run the loop verifier after every pass (tests turn this on). */
  readonly check?: boolean;
}

/** Lower a stencil equation through every pass. */
export function runPipeline(params: StencilParams, extraShapes: readonly (readonly number[])[], options: PipelineOptions = {}, gather = false): LoopNest {
  let nest = lowerStencil(params, extraShapes, gather);
  options.log?.(`lowered:\n${printLoopNest(nest)}`);
  if (options.check) checkLoopNest(nest, "lower");
  for (const pass of loopPasses) {
    const next = pass.run(nest);
    options.log?.(next === nest ? `after ${pass.name}: (unchanged)` : `after ${pass.name}:\n${printLoopNest(next)}`);
    if (options.check) checkLoopNest(next, pass.name);
    nest = next;
  }
  return nest;
}
