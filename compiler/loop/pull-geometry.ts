/**
 * @file Which terms each output cell of a pull-form gather sums
 * (lower-pull-gather.ts lowers them): the boxes of output cells, cut
 * where a slot's window crosses a box of the grid (its ends, mesh regions,
 * centres leaving the input), where reads leave the input, and around the
 * cells that reads through a pad mode land on; per box, its terms (slot,
 * window, kernel) in push order; per interval, its residue classes modulo
 * the stride.
 */
import { stridesOf } from "../ir";
import type { LoopNest } from "./loop-ir";
import { padIndex } from "../geometry/pad-index";
import type { StencilSpec } from "../primitives";

/**
 * The kernel of the window at grid cell g (-1: none runs there), when each
 * leaf box of the grid has at most one kernel and no per-cell tests (mesh
 * regions that are boxes); null when `nest` cannot be emitted in pull form.
 * The push form stays for regions with steps (`"::2"`: a leaf whose kernel
 * depends on g mod step) and for kernels whose slots are costly (gather-form.ts).
 *
 * @example
 * windowBranches(nest)?.([0, 0]); // 0: the first kernel runs the window at grid cell (0, 0)
 */
export function windowBranches(nest: LoopNest): ((g: readonly number[]) => number) | null {
  if (!nest.gather) return null;
  if (!nest.leaves.every((l) => l.owners.length === 0 || (l.owners.length === 1 && l.owners[0]!.tests.length === 0))) return null;
  if (nest.leaves.every((l) => l.owners.length === 0)) return null;
  const counts = nest.cuts.map((c) => c.length - 1);
  return (g) => {
    let leaf = 0;
    for (let d = 0; d < g.length; d++) {
      const cuts = nest.cuts[d]!;
      if (g[d]! < cuts[0]! || g[d]! >= cuts[cuts.length - 1]!) return -1;
      let i = 0;
      while (cuts[i + 1]! <= g[d]!) i++;
      leaf = leaf * counts[d]! + i;
    }
    return nest.leaves[leaf]!.owners[0]?.branch ?? -1;
  };
}

/**
 * Per dim, the grid cuts where the kernel changes (a region's edge, the
 * windows whose centre leaves the input) for some cells of the other dims,
 * with the grid's ends: cuts the forward pass makes for its own reasons
 * (where reads leave the input) change nothing here.
 *
 * @example
 * kernelCuts(nest); // [[0, 8], [0, 1, 7, 8]] for a mesh whose second kernel covers columns 1 to 6
 */
export function kernelCuts(nest: LoopNest): number[][] {
  const counts = nest.cuts.map((c) => c.length - 1);
  const strides = stridesOf(counts);
  const owner = (leaf: number): number => nest.leaves[leaf]!.owners[0]?.branch ?? -1;
  return nest.cuts.map((cuts, d) =>
    cuts.filter((_, i) => {
      if (i === 0 || i === counts[d]) return true;
      for (let leaf = 0; leaf < nest.leaves.length; leaf++) {
        if (Math.floor(leaf / strides[d]!) % counts[d]! === i && owner(leaf) !== owner(leaf - strides[d]!)) return true;
      }
      return false;
    }),
  );
}

/** One term of a cell's sum: slot k of the window whose start is `start` from the cell, per dim, and that window's kernel. */
export interface Term {
  readonly k: number;
  readonly start: readonly number[];
  readonly branch: number;
}

/**
 * Along dim d, the cells that reads outside the input land on (through a
 * non-constant pad mode) from the slots in `live` of the windows [glo, ghi).
 */
function aliasedCells(spec: StencilSpec, d: number, live: readonly number[]): Set<number> {
  const cells = new Set<number>();
  const n = spec.inShape[d]!;
  if (spec.padMode[d] === "constant") return cells;
  for (const k of live) {
    for (let g = 0; g < spec.gridShape[d]!; g++) {
      const c = g * spec.strides[d]! - spec.padding[d]![0] + k * spec.dilation[d]!;
      if (c < 0 || c >= n) cells.add(padIndex(c, n, spec.padMode[d]!));
    }
  }
  return cells;
}

/** Push order of a cell's terms: windows in row-major order (start ascending), then slots in row-major order. */
function pushOrder(a: Term, b: Term): number {
  for (let d = 0; d < a.start.length; d++) if (a.start[d] !== b.start[d]) return a.start[d]! - b.start[d]!;
  return a.k - b.k;
}

/** The boxes of a pull gather's output cells and the terms each sums. */
export interface PullGeometry {
  /** Per dim, the cut points of the output cells' intervals. */
  readonly cuts: readonly number[][];
  readonly counts: readonly number[];
  /** Do all reads of the cells of interval i of dim d stay inside the input (flat offsets, no tables)? */
  readonly readsInside: (d: number, i: number) => boolean;
  /** The terms of a box's cells (intervals iv, residue classes res), in push order. */
  readonly boxTerms: (iv: readonly number[], res: readonly number[]) => Term[];
  /** The residue classes ((j + P) mod stride) of interval i of dim d that get a loop. */
  readonly residues: (d: number, i: number) => number[];
}

/**
 * The geometry of a pull gather: `live[d]` the slot indices along d with a
 * value in some kernel, `reads` whether kernels read their windows,
 * `branchAt` the kernel of a window, `hasValue(branch, k)` whether that
 * kernel's slot k adds anything.
 *
 * @example
 * const { cuts, boxTerms } = pullGeometry(spec, kernelCuts(nest), live, true, branchAt, hasValue);
 */
export function pullGeometry(
  spec: StencilSpec,
  gridCuts: readonly (readonly number[])[],
  live: readonly (readonly number[])[],
  reads: boolean,
  branchAt: (g: readonly number[]) => number,
  hasValue: (branch: number, k: number) => boolean,
): PullGeometry {
  const K = spec.kernelSize;
  const nd = K.length;
  const kStrides = stridesOf(K);
  // per dim: cuts where a slot's window crosses a cut of the grid's boxes (j = c·S - P + k·dil for each grid cut c),
  // where every read is inside the input ((K - 1)·dil, n - (K - 1)·dil)
  // and around each cell that reads through the pad mode land on (a box one cell wide)
  const aliased = spec.inShape.map((_, d) => aliasedCells(spec, d, live[d]!));
  const cuts = spec.inShape.map((n, d) => {
    const [P, dil, reach] = [spec.padding[d]![0], spec.dilation[d]!, (K[d]! - 1) * spec.dilation[d]!];
    const at = new Set([0, n]);
    const S = spec.strides[d]!;
    for (const k of live[d]!) for (const c of gridCuts[d]!) at.add(c * S - P + k * dil);
    if (reads) at.add(reach).add(n - reach);
    for (const j of aliased[d]!) at.add(j).add(j + 1);
    return [...at].filter((c) => c >= 0 && c <= n).sort((x, y) => x - y);
  });
  const counts = cuts.map((c) => c.length - 1);
  /**
   * The grid index along dim d of the windows whose slot k_d reads the cells
   * of interval i in residue class r ((j + P) mod stride), g = (j + P - k·dil) / stride:
   * one that stands for all of them (they lie in one box of the grid, by the
   * cuts above), or null when it is not whole or not on the grid.
   */
  const slotWindow = (d: number, i: number, k: number, r: number): number | null => {
    const S = spec.strides[d]!;
    if ((((r - k * spec.dilation[d]!) % S) + S) % S !== 0) return null;
    const x = cuts[d]![i]! + spec.padding[d]![0] - k * spec.dilation[d]!;
    const g = Math.floor(x / S);
    return x >= 0 && g < spec.gridShape[d]! ? g : null;
  };
  const readsInside = (d: number, i: number): boolean => {
    const reach = (K[d]! - 1) * spec.dilation[d]!;
    return !aliased[d]!.has(cuts[d]![i]!) && cuts[d]![i]! >= reach && cuts[d]![i + 1]! <= spec.inShape[d]! - reach;
  };
  /**
   * Along dim d in interval i: each (slot k_d, window start - j) summed
   * there. A cell that outside reads land on lists the windows one by one
   * (slot k of window g reads coordinate g·S - P + k·dil, through the pad mode);
   * elsewhere the window starts at j - k·dil for each slot whose window runs
   * (in residue class r).
   */
  const axisTerms = (d: number, i: number, r: number): [number, number, number][] => {
    const [P, dil, S] = [spec.padding[d]![0], spec.dilation[d]!, spec.strides[d]!];
    const j = cuts[d]![i]!;
    const out: [number, number, number][] = [];
    for (const k of live[d]!) {
      if (!aliased[d]!.has(j)) {
        const g = slotWindow(d, i, k, r);
        if (g !== null) out.push([k, -k * dil, g]);
        continue;
      }
      for (let g = 0; g < spec.gridShape[d]!; g++) {
        if (padIndex(g * S - P + k * dil, spec.inShape[d]!, spec.padMode[d]!) === j) out.push([k, g * S - P - j, g]);
      }
    }
    return out;
  };
  /** The terms of a box's cells (intervals iv, residue classes res), in push order. */
  const boxTerms = (iv: readonly number[], res: readonly number[]): Term[] => {
    let partial: { k: number[]; start: number[]; g: number[] }[] = [{ k: [], start: [], g: [] }];
    for (let d = 0; d < nd; d++) {
      const choices = axisTerms(d, iv[d]!, res[d]!);
      partial = partial.flatMap((t) => choices.map(([k, st, g]) => ({ k: [...t.k, k], start: [...t.start, st], g: [...t.g, g] })));
    }
    const flat = (cell: readonly number[]): number => cell.reduce((acc, k, d) => acc + k * kStrides[d]!, 0);
    return partial
      .map((t) => ({ k: flat(t.k), start: t.start, branch: branchAt(t.g) }))
      .filter((t) => t.branch >= 0 && hasValue(t.branch, t.k))
      .sort(pushOrder);
  };

  // the residue classes of an interval: all, or the one of an aliased cell (or of a single cell)
  const residues = (d: number, i: number): number[] => {
    const [S, P, j] = [spec.strides[d]!, spec.padding[d]![0], cuts[d]![i]!];
    if (S === 1) return [0];
    if (aliased[d]!.has(j) || cuts[d]![i + 1]! - j === 1) return [(((j + P) % S) + S) % S];
    return Array.from({ length: S }, (_, r) => r);
  };
  return { cuts, counts, readsInside, boxTerms, residues };
}
