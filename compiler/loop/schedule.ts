/**
 * @file The schedule of a compiled stencil: which dim its loops split across
 * threads, the steps (with barriers between them) of parallel scans, and how
 * gathers and grid reductions split their outputs. Decided from the loop
 * nest after the passes; lower-stencil.ts builds the loops to match.
 */
import type { StencilSpec } from "../primitives";
import type { LoopNest } from "./loop-ir";

/**
 * How a compiled stencil is split across threads. The function is called
 * as `(f, t, s, lo, hi, k)`: [lo, hi) is the range of grid dim `splitDim`
 * (the dims before it have size 1, or are fixed by the step); for parallel
 * scans, step k ≥ 0 fixes the `stepDims` outer dims to their k-th cell in
 * visiting order and steps run in order with a barrier between them; k = -1
 * runs every step in one call.
 */
export interface Schedule {
  /**
   * Gathers only: [lo, hi) are rows of the input (and output) along
   * `splitDim`, not grid cells. A call adds, in visiting order, every window
   * that touches those rows onto the outputs (zero on entry), and writes
   * only into those rows (see `gatherRows`). Each output cell so receives
   * its adds in the same order for every split: results are bit-identical
   * for every thread count.
   */
  readonly rows: boolean;
  /**
   * The function adds onto its outputs, which must be zero on entry (a
   * push-form gather); otherwise it writes every output cell it covers once.
   */
  readonly adds: boolean;
  /**
   * A reduce over the grid (reduceGrid): 0 for other stencils, else the
   * number of partial sums per output element. Output j is then a
   * [partialRows, E_j] array: row r sums the cells whose split-dim index is
   * r (or every cell when partialRows is 1), over the innermost loops in
   * order, each loop's terms into locals first. A call writes (zeroes, then
   * adds to) only the rows of its range, so threads never share a row, and
   * the executor adds the rows in order: the same bits for every thread
   * count (see lower-stencil.ts's reduce accumulators). A split sweep
   * (sweepSchedule) has one partial row per cell of the split dim for each
   * scalar extra's cotangent, likewise added in order by the executor.
   */
  readonly partialRows: number;
  readonly stepDims: number;
  readonly splitDim: number;
  /** Number of steps (1 when stepDims is 0). */
  readonly steps: number;
  /** Extent of the split dim (grid cells, or input rows for gathers). */
  readonly n: number;
  /** May the split dim run on several threads? */
  readonly parallel: boolean;
}

/**
 * The schedule of a stencil's loop nest: which dim threads split, whether
 * steps with barriers run first, how gathers and grid reductions split.
 *
 * @example
 * stencilSchedule(nest).splitDim; // 0 for a 2-d map over a 6×6 grid
 */
export function stencilSchedule(nest: LoopNest): Schedule {
  const s = nest.params.spec;
  const grid = s.gridShape;
  const nd = grid.length;
  let d = 0;
  while (d < nd - 1 && grid[d] === 1) d++;
  if (nest.gather) {
    // periodic and reflecting borders add across the whole axis: one thread
    const [pb, pe] = s.padding[d]!;
    const ownRows = s.padMode[d] === "constant" || (pb <= 0 && pe <= 0);
    return { rows: true, adds: true, partialRows: 0, stepDims: 0, splitDim: d, steps: 1, n: s.inShape[d]!, parallel: ownRows };
  }
  if (s.kind === "scan") {
    if (nest.parallelFrom >= nd) return { rows: false, adds: false, partialRows: 0, stepDims: 0, splitDim: 0, steps: 1, n: grid[0]!, parallel: false };
    const p = nest.parallelFrom;
    return { rows: false, adds: false, partialRows: 0, stepDims: p, splitDim: p, steps: grid.slice(0, p).reduce((a, g) => a * g, 1), n: grid[p]!, parallel: true };
  }
  if (nest.params.reduceGrid) {
    // one partial sum per cell of the split dim when loops run inside it; a 1-d grid sums into one row, on one thread
    const perRow = d < nd - 1;
    return { rows: false, adds: false, partialRows: perRow ? grid[d]! : 1, stepDims: 0, splitDim: d, steps: 1, n: grid[d]!, parallel: perRow && nest.parallelFrom === 0 };
  }
  return { rows: false, adds: false, partialRows: 0, stepDims: 0, splitDim: d, steps: 1, n: grid[d]!, parallel: nest.parallelFrom === 0 };
}

/**
 * The schedule of a scan's reverse sweep (lower-sweep.ts). Unsplit
 * (`splitDim` null): one call over the whole grid, on the calling thread.
 * Split along grid dim p (compiler/passes/scan-deps.ts sweepSplitDim): step
 * k < S runs slice k of the S slices g[0..p) in reverse visiting order,
 * [lo, hi) being rows of the input along p; step k > 0 first clears the
 * centres of slice k - 1 in [lo, hi) (their λ was read in step k - 1, by
 * other threads too); step S only clears. Every step must run, in order,
 * with [lo, hi) covering the rows: k = -1 is not used.
 *
 * @example
 * sweepSchedule(spec, 1).steps; // 1,001 for a 1000×1000 grid split along dim 1
 */
export function sweepSchedule(spec: StencilSpec, splitDim: number | null, scalarExtras: boolean): Schedule {
  if (splitDim === null) return { rows: false, adds: true, partialRows: 0, stepDims: 0, splitDim: 0, steps: 1, n: spec.gridShape[0]!, parallel: false };
  const slices = spec.gridShape.slice(0, splitDim).reduce((a, g) => a * g, 1);
  const partialRows = scalarExtras ? spec.gridShape[splitDim]! : 0;
  return { rows: true, adds: true, partialRows, stepDims: splitDim, splitDim, steps: slices + 1, n: spec.inShape[splitDim]!, parallel: true };
}
