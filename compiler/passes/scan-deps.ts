/**
 * @file Pass scan-deps (kscan dependence analysis). Requires: nothing.
 * Guarantees: `parallelFrom` is the first dim d such that, for every fixed
 * g[0..d), the cells of the slice may be computed in any order: no kernel
 * (of any mesh branch) reads a cell of the same slice that another cell of
 * the slice writes. Maps are parallel from dim 0 (reductions over the grid
 * too: each split-dim cell sums into a partial row of its own); scans whose
 * centres are not their own cells stay sequential.
 *
 * Worked example (linear convection): the kernel writes (n, i) and reads
 * (n-1, i) and (n-1, i-1): offsets (-1, 0) and (-1, -1). Every read leaves
 * the row (its dim-0 offset is nonzero), so rows are sequential but each
 * row is a parallel loop: parallelFrom = 1. A kscan summing (i-1, i, i+1)
 * in 1-d reads its own slice: parallelFrom = 1 = ndim, fully sequential.
 */
import { scanWritesInPlace, type LoopNest } from "../loop/loop-ir";
import { Prim, type StencilParams } from "../primitives";

/** Offsets (from the centre) of the window cells any branch reads; "all" when not known cell by cell. */
function cellsRead(p: StencilParams): number[][] | "all" {
  const ks = p.spec.kernelSize;
  const seen = new Set<string>();
  const offsets: number[][] = [];
  for (const br of p.branches) {
    const windows = new Set<unknown>(br.kernel.inputs.slice(0, p.nWindowed));
    for (const out of br.kernel.outputs) if (windows.has(out)) return "all";
    for (const eqn of br.kernel.eqns) {
      if (!eqn.inputs.some((a) => windows.has(a))) continue;
      if (eqn.prim !== Prim.Index) return "all";
      const index = eqn.params.index;
      if (index.length !== ks.length) return "all";
      const key = index.join(",");
      if (seen.has(key)) continue;
      seen.add(key);
      offsets.push(index.map((k, d) => k * p.spec.dilation[d]! - Math.floor((ks[d]! - 1) / 2) * p.spec.dilation[d]!));
    }
  }
  return offsets;
}

export function scanDeps(nest: LoopNest): LoopNest {
  const p = nest.params;
  const nd = p.spec.gridShape.length;
  let parallelFrom: number;
  if (nest.gather) {
    // neighbouring windows add onto the same cells: split by the rows they write instead (see Schedule.rows)
    parallelFrom = nd;
  } else if (p.spec.kind === "map") {
    // a reduce over the grid sums into one partial row per split-dim cell (compiler/loop/schedule.ts Schedule.partialRows)
    parallelFrom = 0;
  } else if (!scanWritesInPlace(p) || (p.spec.placement === "inplace" && p.spec.strides.some((s) => s !== 1))) {
    parallelFrom = nd;
  } else {
    const offsets = cellsRead(p);
    parallelFrom = nd;
    if (offsets !== "all") {
      for (let d = 0; d < nd; d++) {
        // a read inside the slice g[0..d) fixed, at another cell of it, is a dependence
        const conflict = offsets.some((o) => o.slice(0, d).every((v) => v === 0) && o.slice(d).some((v) => v !== 0));
        if (!conflict) {
          parallelFrom = d;
          break;
        }
      }
    }
  }
  return parallelFrom === nest.parallelFrom ? nest : { ...nest, parallelFrom };
}
