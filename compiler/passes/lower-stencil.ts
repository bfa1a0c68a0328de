/**
 * @file First step of the loop pipeline: a stencil equation becomes a loop
 * nest with one box covering the whole grid, owned by every branch in
 * assignment order (strided ownership tests still unresolved), reads checked.
 */
import type { LoopNest } from "../loop/loop-ir";
import type { StencilParams } from "../primitives";
import { regionOnGrid } from "./mesh-regions";

export function lowerStencil(params: StencilParams, extraShapes: readonly (readonly number[])[], gather = false): LoopNest {
  const nd = params.spec.gridShape.length;
  const owners = [];
  for (let b = params.branches.length - 1; b >= 0; b--) {
    const r = params.branches[b]!.region;
    if (r === null) {
      owners.push({ branch: b, tests: [] });
      break;
    }
    const g = regionOnGrid(params, r);
    owners.push({
      branch: b,
      tests: g.count.flatMap((_, d) => [{ dim: d, start: g.start[d]!, step: g.step[d]!, count: g.count[d]! }]).map(({ dim, start, step }) => ({ dim, start, step })),
    });
  }
  return {
    params,
    gather,
    extraShapes,
    cuts: params.spec.gridShape.map((G) => [0, G]),
    leaves: [{ owners, interior: false }],
    parallelFrom: nd,
  };
}
