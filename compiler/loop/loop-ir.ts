/**
 * @file Loop-nest IR of one stencil equation: the grid cut, per dimension,
 * into intervals; one leaf per box (the product of one interval per dim, in
 * row-major order) saying which kernel owns it and whether its windows lie
 * inside the input; and which loops carry no dependence. Passes in
 * compiler/passes/ refine it; lower-stencil.ts lowers it to the lowered
 * loop IR (lowered-ir.ts), which code generation prints.
 *
 * Grammar (as printed by ir-print.ts):
 *
 *     nest  ::= "stencil" kind "grid=(" dims ")" ("parallel=" dims)? leaf*
 *     leaf  ::= "box" range+ ("interior" | "border") ":" owner ("else" owner)*
 *     range ::= "g" dim "∈[" lo "," hi ")"
 *     owner ::= "kernel" branch ("if g" dim "≡" start "mod" step)* | "none"
 */
import type { StencilParams } from "../primitives";

/** Membership of a strided region on one dim: (g - start) % step === 0. */
export interface StepTest {
  readonly dim: number;
  readonly start: number;
  readonly step: number;
}

/** A kernel that owns (part of) a leaf; tests empty means the whole leaf. */
export interface Owner {
  readonly branch: number;
  readonly tests: readonly StepTest[];
}

/** One box of grid cells. */
export interface Leaf {
  /** Candidate kernels, last assignment first; the first whose tests pass runs. Empty: no kernel. */
  readonly owners: readonly Owner[];
  /** Every window of the box lies inside the input (reads need no checks). */
  readonly interior: boolean;
}

/** The loop nest of a stencil equation. */
export interface LoopNest {
  readonly params: StencilParams;
  /**
   * A stencil_gather: the kernel's window-shaped result is added onto the
   * input cells each window read (the adjoint of the reads), in visiting
   * order; threads split it by the rows it writes (Schedule.rows). Emitted
   * in pull form where it can be (compiler/loop/gather-form.ts decides).
   */
  readonly gather: boolean;
  readonly extraShapes: readonly (readonly number[])[];
  /** Per dim: cut points from 0 to the grid size (sorted, distinct). */
  readonly cuts: readonly (readonly number[])[];
  /** One leaf per box, boxes in row-major order of their intervals. */
  readonly leaves: readonly Leaf[];
  /**
   * The first dim from which the loops carry no dependence (cells of one
   * slice g[0..d) may run in any order, in parallel); `ndim` when none is.
   */
  readonly parallelFrom: number;
}

/** Number of intervals per dim. */
export function intervalCounts(nest: LoopNest): number[] {
  return nest.cuts.map((c) => c.length - 1);
}

/** The interval indices of leaf i (row-major over intervalCounts). */
export function leafIntervals(nest: LoopNest, i: number): number[] {
  const counts = intervalCounts(nest);
  const out = new Array<number>(counts.length);
  for (let d = counts.length - 1; d >= 0; d--) {
    out[d] = i % counts[d]!;
    i = Math.floor(i / counts[d]!);
  }
  return out;
}

/** The box (per-dim [lo, hi)) of leaf i. */
export function leafBox(nest: LoopNest, i: number): [number, number][] {
  return leafIntervals(nest, i).map((k, d) => [nest.cuts[d]![k]!, nest.cuts[d]![k + 1]!]);
}

/**
 * Split the intervals at new cut points; every new leaf starts as a copy of
 * the leaf that contained it.
 */
export function refine(nest: LoopNest, extra: readonly (readonly number[])[]): LoopNest {
  const cuts = nest.cuts.map((c, d) => {
    const hi = c[c.length - 1]!;
    return [...new Set([...c, ...extra[d]!.filter((x) => x > 0 && x < hi)])].sort((a, b) => a - b);
  });
  if (cuts.every((c, d) => c.length === nest.cuts[d]!.length)) return nest;
  const oldCounts = intervalCounts(nest);
  const total = cuts.reduce((n, c) => n * (c.length - 1), 1);
  const leaves: Leaf[] = [];
  const idx = new Array<number>(cuts.length).fill(0);
  for (let i = 0; i < total; i++) {
    let r = i;
    for (let d = cuts.length - 1; d >= 0; d--) {
      const n = cuts[d]!.length - 1;
      idx[d] = r % n;
      r = Math.floor(r / n);
    }
    let old = 0;
    for (let d = 0; d < cuts.length; d++) {
      const lo = cuts[d]![idx[d]!]!;
      const k = nest.cuts[d]!.findIndex((c, j) => c <= lo && lo < nest.cuts[d]![j + 1]!);
      old = old * oldCounts[d]! + k;
    }
    leaves.push(nest.leaves[old]!);
  }
  return { ...nest, cuts, leaves };
}

/**
 * True when a scan's grid output equals its final working array: every grid
 * cell's centre is that same cell (stride 1, grid = input shape, centre at
 * the window's offset), and each cell is written at most once, at its own
 * step. Then the working array is the output and the per-cell output store
 * disappears (linear convection's kscan is this case).
 */
export function scanWritesInPlace(p: StencilParams): boolean {
  const s = p.spec;
  if (s.kind !== "scan") return false;
  if (s.placement === "inplace") return true;
  return s.inShape.every(
    (n, d) => s.gridShape[d] === n && s.strides[d] === 1 && s.padding[d]![0] === Math.floor((s.kernelSize[d]! - 1) / 2) * s.dilation[d]!,
  );
}
