/**
 * @file Pass mesh-regions. Requires: a lowered nest. Guarantees: the grid is
 * cut at every region boundary, so each box has exactly one kernel (or none)
 * for regions with unit grid step; a region with a larger step keeps a
 * membership test per cell, and the box falls back to the earlier owners
 * where the test fails ("last assignment wins" in order).
 *
 * Worked example (linear convection, grid 151×51): regions ":, 0", ":, -1",
 * ":, :13", ":, 25:", "0:1, 13:25", "1:, 1:-1" cut dim 0 at {0, 1, 151} and
 * dim 1 at {0, 1, 13, 25, 50, 51}: 2 × 5 boxes, e.g. box g0∈[1,151)
 * g1∈[1,13) belongs to the convection kernel alone.
 */
import { leafBox, refine, type LoopNest, type Owner } from "../loop/loop-ir";
import type { Region, StencilParams } from "../primitives";

/** A region on the grid: per dim, the grid indices whose window centre is in the region. */
export interface RegionOnGrid {
  readonly start: number[];
  readonly count: number[];
  readonly step: number[];
}

/** Grid indices (per dim) whose window centre lies in a region, as start/count/step. */
export function regionOnGrid(p: StencilParams, region: Region): RegionOnGrid {
  const { spec } = p;
  const out: RegionOnGrid = { start: [], count: [], step: [] };
  for (let d = 0; d < spec.gridShape.length; d++) {
    const off = -spec.padding[d]![0] + Math.floor((spec.kernelSize[d]! - 1) / 2) * spec.dilation[d]!;
    const hits: number[] = [];
    for (let g = 0; g < spec.gridShape[d]!; g++) {
      const c = g * spec.strides[d]! + off;
      if (c >= region.start[d]! && c < region.stop[d]! && (c - region.start[d]!) % region.step[d]! === 0) hits.push(g);
    }
    out.start.push(hits[0] ?? 0);
    out.count.push(hits.length);
    out.step.push(hits.length > 1 ? hits[1]! - hits[0]! : 1);
  }
  return out;
}

export function meshRegions(nest: LoopNest): LoopNest {
  const p = nest.params;
  if (p.branches.length === 1 && p.branches[0]!.region === null) return nest;
  const regions = p.branches.map((br) => (br.region === null ? null : regionOnGrid(p, br.region)));
  const nd = p.spec.gridShape.length;
  const extra: number[][] = Array.from({ length: nd }, () => []);
  for (const r of regions) {
    if (r === null) continue;
    for (let d = 0; d < nd; d++) {
      if (r.count[d] === 0) continue;
      extra[d]!.push(r.start[d]!, r.start[d]! + (r.count[d]! - 1) * r.step[d]! + 1);
    }
  }
  const cut = refine(nest, extra);
  const leaves = cut.leaves.map((leaf, i) => {
    const box = leafBox(cut, i);
    const owners: Owner[] = [];
    for (let b = p.branches.length - 1; b >= 0; b--) {
      const r = regions[b]!;
      if (r === null) {
        owners.push({ branch: b, tests: [] });
        break;
      }
      let empty = false;
      const tests = [];
      for (let d = 0; d < nd; d++) {
        const [lo, hi] = box[d]!;
        const first = r.start[d]!;
        const last = first + (r.count[d]! - 1) * r.step[d]!;
        if (r.count[d] === 0 || hi <= first || lo > last) {
          empty = true;
          break;
        }
        if (r.step[d] === 1) continue;
        if (hi - lo === 1) {
          if ((lo - first) % r.step[d]! !== 0) empty = true;
          continue;
        }
        tests.push({ dim: d, start: first, step: r.step[d]! });
      }
      if (empty) continue;
      owners.push({ branch: b, tests });
      if (tests.length === 0) break;
    }
    return { ...leaf, owners };
  });
  return { ...cut, leaves };
}
