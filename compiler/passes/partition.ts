/**
 * @file Pass partition (bounds-check elimination). Requires: mesh-regions.
 * Guarantees: per dim, the grid is cut where windows start and stop lying
 * inside the input, and boxes whose windows all lie inside are marked
 * interior: their reads use constant flat offsets and no checks. The
 * verifier (loopCheck) proves interior reads in bounds from these ranges.
 *
 * Worked example: kernel 3, "same" padding, n = 6, stride 1: window g starts
 * at g - 1, so g ∈ [1, 5) is interior; [0, 1) and [5, 6) are border boxes.
 */
import { leafBox, refine, type LoopNest } from "../loop/loop-ir";
import type { StencilSpec } from "../primitives";

/** Per dim, the grid range [lo, hi) whose windows lie inside the input. */
export function interiorRange(spec: StencilSpec, d: number): [number, number] {
  const n = spec.inShape[d]!;
  const s = spec.strides[d]!;
  const pb = spec.padding[d]![0];
  const G = spec.gridShape[d]!;
  const extent = (spec.kernelSize[d]! - 1) * spec.dilation[d]! + 1;
  const lo = Math.min(G, Math.max(0, Math.ceil(pb / s)));
  const span = n - extent + pb;
  const hi = span < 0 ? lo : Math.max(lo, Math.min(G, Math.floor(span / s) + 1));
  return [lo, hi];
}

export function partition(nest: LoopNest): LoopNest {
  const spec = nest.params.spec;
  const ranges = spec.gridShape.map((_, d) => interiorRange(spec, d));
  const cut = refine(nest, ranges.map(([lo, hi]) => [lo, hi]));
  const leaves = cut.leaves.map((leaf, i) => {
    const box = leafBox(cut, i);
    const interior = box.every(([lo, hi], d) => lo >= ranges[d]![0] && hi <= ranges[d]![1]);
    return interior === leaf.interior ? leaf : { ...leaf, interior };
  });
  return { ...cut, leaves };
}
