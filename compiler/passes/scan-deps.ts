/**
 * @file Pass scan-deps (kscan dependence analysis). Requires: nothing.
 * Guarantees: `parallelFrom` is the first dim d such that, for every fixed
 * g[0..d), the cells of the slice may be computed in any order: no kernel
 * (of any mesh branch) reads a cell of the same slice that another cell of
 * the slice writes. Maps are parallel from dim 0 (reductions over the grid
 * too: each split-dim cell sums into a partial row of its own); scans whose
 * centres are not their own cells stay sequential.
 *
 * Along a dim padded by "edge" or "symmetric", a read past the border
 * lands on the border cells, so any offset there may be 0: row 0 of a scan
 * reading (n-1, i-1) reads (0, i-1) of its own row.
 *
 * Worked example (linear convection): the kernel writes (n, i) and reads
 * (n-1, i) and (n-1, i-1): offsets (-1, 0) and (-1, -1). Every read leaves
 * the row (its dim-0 offset is nonzero), so rows are sequential but each
 * row is a parallel loop: parallelFrom = 1. A kscan summing (i-1, i, i+1)
 * in 1-d reads its own slice: parallelFrom = 1 = ndim, fully sequential.
 * sweepSplitDim then says whether the scan's reverse sweep may split the
 * same way.
 */
import { scanWritesInPlace, type LoopNest } from "../loop/loop-ir";
import { Prim, type PadMode, type ScanSweepParams, type StencilParams, type StencilSpec } from "../primitives";

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

/** How dim d is padded, or null when it is not padded on either side. */
function padModeOf(spec: StencilSpec, d: number): PadMode | null {
  const [lo, hi] = spec.padding[d]!;
  return lo > 0 || hi > 0 ? spec.padMode[d]! : null;
}

/** Is every dim 0..p unpadded or padded with a constant? */
function constantPaddingThrough(spec: StencilSpec, p: number): boolean {
  for (let d = 0; d <= p; d++) if ((padModeOf(spec, d) ?? "constant") !== "constant") return false;
  return true;
}

/**
 * The pass: `parallelFrom` of a scan's loop nest (see the file header).
 *
 * @example
 * scanDeps(nest).parallelFrom; // 1 for linear convection
 */
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
    // edge and symmetric padding fold a read past the border back onto the border cells: along
    // such a dim a nonzero offset may land in the cell's own slice (row 0 reading row -1 reads row 0)
    const folds = p.spec.padMode.map((_, d) => padModeOf(p.spec, d) === "edge" || padModeOf(p.spec, d) === "symmetric");
    if (offsets !== "all") {
      for (let d = 0; d < nd; d++) {
        // a read inside the slice g[0..d) fixed, at another cell of it, is a dependence
        const conflict = offsets.some((o) => o.slice(0, d).every((v, e) => v === 0 || folds[e]) && o.slice(d).some((v) => v !== 0));
        if (!conflict) {
          parallelFrom = d;
          break;
        }
      }
    }
  }
  return parallelFrom === nest.parallelFrom ? nest : { ...nest, parallelFrom };
}

/**
 * The grid dim p whose slices a scan's reverse sweep (compiler/scan-sweep.ts)
 * may split across threads by input rows, or null; `nest`: the scan's loop
 * nest after scanDeps. The sweep then runs one step per slice (g[0..p)
 * fixed, in reverse visiting order): a cell adds its window's adjoints only
 * onto cells of other slices, which no cell of its own slice reads, so each
 * thread can run every cell whose window touches its rows and add only into
 * its rows (lower-sweep.ts). That needs, besides scanDeps' parallelFrom = p:
 *
 * - no kernel reading its own centre (the adjoint of that read lands in the
 *   slice, on the cell whose λ other threads read in the same step);
 * - constant padding along dims 0..p (edge, reflect, symmetric and wrap
 *   padding can fold a read back into its own slice, or onto rows far from
 *   the window along p);
 * - extras that are scalars (their cotangents sum into one partial row per
 *   cell of dim p) or have a part per grid cell (each cell adds its own).
 *
 * Worked example (linear convection, reads at (-1, 0) and (-1, -1)): p = 1;
 * sweep step n adds into row n-1, cell (n, i) onto columns i-1 and i. With
 * rows [lo, hi) of dim 1, a thread runs cells i ∈ [lo, hi + 1) and adds
 * only at columns in [lo, hi): column hi-1 gets its adds from cells hi and
 * hi-1 in that order, as on one thread.
 *
 * @example
 * sweepSplitDim(scanDeps(nest), sweepParams); // 1 for linear convection, null for a 1-d kscan
 */
export function sweepSplitDim(nest: LoopNest, sweep: ScanSweepParams): number | null {
  const scan = sweep.scan;
  const spec = scan.spec;
  const p = nest.parallelFrom;
  const nd = spec.gridShape.length;
  if (nest.gather || spec.kind !== "scan" || p >= nd) return null;
  const offsets = cellsRead(scan);
  if (offsets === "all" || offsets.some((o) => o.every((v) => v === 0))) return null;
  if (!constantPaddingThrough(spec, p)) return null;
  if (!scan.gridDims.every((dims) => dims.length === 0 || (dims.length === nd && dims.every((g, i) => g === i)))) return null;
  return p;
}

/**
 * How far back along the split dim a scan's steps may run ahead of each
 * other (runtime/executor/wavefront.ts), or null when they must meet at a
 * barrier after every step; `splitDim`: the scan's parallelFrom (its
 * Schedule.splitDim, steps over the dims before it). Steps may run as a
 * wavefront when every read of another cell of the split dim is at a lower
 * index (offset < 0) and in an earlier step (its offsets along the step
 * dims, in visiting order, first nonzero one negative): a thread on the
 * rows [lo, hi) then reads other threads' cells only in [lo − lag, lo),
 * each written once, in a step they have finished, and nobody reads its
 * cells before it writes them. Reverse scans, and padding other than
 * constant along the dims up to the split dim (edge, reflect and symmetric
 * padding fold a read back onto cells of the same or a later step, wrapping
 * onto the far end), keep their barriers.
 *
 * Worked example (linear convection, reads at (-1, 0) and (-1, -1)): lag 1:
 * the thread on columns [lo, hi) runs row n once the thread left of it has
 * finished row n − 1; the leftmost never waits.
 *
 * @example
 * pipelineLag(convectionParams, 1); // 1
 */
export function pipelineLag(p: StencilParams, splitDim: number): number | null {
  const spec = p.spec;
  if (spec.kind !== "scan" || spec.reverse || splitDim <= 0 || splitDim >= spec.gridShape.length) return null;
  if (!constantPaddingThrough(spec, splitDim)) return null;
  const offsets = cellsRead(p);
  if (offsets === "all") return null;
  let lag = 0;
  for (const o of offsets) {
    const along = o[splitDim]!;
    if (along > 0) return null;
    if (along === 0) continue;
    const firstStep = o.slice(0, splitDim).find((v) => v !== 0);
    if (firstStep === undefined || firstStep > 0) return null;
    lag = Math.max(lag, -along);
  }
  return lag;
}
