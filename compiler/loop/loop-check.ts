/**
 * @file The loop-nest verifier: cuts run from 0 to the grid size, one leaf
 * per box, owners name real branches, kernels typecheck, and every read of
 * an interior box is proven inside the input from the box's ranges.
 */
import { checkProgram } from "../ir-check";
import { printLoopNest } from "../ir-print";
import { leafBox, type LoopNest } from "./loop-ir";

/** Throw (naming the pass and the problem, with the listing) if the nest is malformed. */
export function checkLoopNest(nest: LoopNest, pass: string): void {
  const fail = (msg: string): never => {
    throw new Error(`loop verifier after ${pass}: ${msg}\n${printLoopNest(nest)}`);
  };
  const spec = nest.params.spec;
  nest.cuts.forEach((c, d) => {
    if (c[0] !== 0 || c[c.length - 1] !== spec.gridShape[d]) fail(`cuts of dim ${d} must run from 0 to ${spec.gridShape[d]}`);
    // an empty dimension (size 0: an empty batch or input) has the one empty box [0, 0)
    if (spec.gridShape[d] === 0 && c.length === 2) return;
    for (let i = 1; i < c.length; i++) if (!(c[i]! > c[i - 1]!)) fail(`cuts of dim ${d} are not increasing`);
  });
  const count = nest.cuts.reduce((n, c) => n * (c.length - 1), 1);
  if (nest.leaves.length !== count) fail(`${nest.leaves.length} leaves for ${count} boxes`);
  nest.leaves.forEach((leaf, i) => {
    for (const o of leaf.owners) if (o.branch < 0 || o.branch >= nest.params.branches.length) fail(`leaf ${i} names branch ${o.branch}`);
    if (!leaf.interior) return;
    leafBox(nest, i).forEach(([lo, hi], d) => {
      const first = lo * spec.strides[d]! - spec.padding[d]![0];
      const last = (hi - 1) * spec.strides[d]! - spec.padding[d]![0] + (spec.kernelSize[d]! - 1) * spec.dilation[d]!;
      if (first < 0 || last >= spec.inShape[d]!) fail(`interior leaf ${i} reads coordinates [${first}, ${last}] on dim ${d}, outside [0, ${spec.inShape[d]! - 1}]`);
    });
  });
  if (nest.parallelFrom < 0 || nest.parallelFrom > spec.gridShape.length) fail(`parallelFrom ${nest.parallelFrom} out of range`);
  for (const br of nest.params.branches) checkProgram(br.kernel);
}
