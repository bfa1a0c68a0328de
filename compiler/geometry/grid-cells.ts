/**
 * @file The grid cells of a stencil in visiting order (row-major, or
 * reversed for reverse scans), each with its window centre and the branch
 * that owns it: the walk shared by the reference sweep
 * (compiler/scan-sweep.ts) and the constant tables of the transform rules;
 * and the slice of an extra input that one grid cell sees.
 */
import { sizeOf, stridesOf } from "../ir";
import type { StencilParams } from "../primitives";
import { tensor, type Tensor } from "../tensor";
import { branchAt, centreOffset, windowStart } from "./window";

/**
 * The window centres as a lattice over the input: along dim d, cell g has
 * its centre at `base[d] + g·strides[d]` (input coordinates, possibly outside).
 *
 * @example
 * centreBase(params); // [1] for a size-3 "valid" window on a 1-d input
 */
export function centreBase(params: StencilParams): number[] {
  return params.spec.inShape.map((_, d) => windowStart(params, d, 0) + centreOffset(params, d));
}

/** One grid cell in visiting order. */
export interface GridCell {
  /** Grid index (reused between calls: copy to keep). */
  readonly g: readonly number[];
  /** Row-major flat index on the grid. */
  readonly flat: number;
  /** Position in visiting order. */
  readonly order: number;
  /** Centre in input coordinates (reused: copy to keep). */
  readonly centre: readonly number[];
  /** Flat index of the centre in the input, or -1 when outside. */
  readonly centreFlat: number;
  /** Index of the branch that owns the cell, or -1. */
  readonly branch: number;
}

/**
 * Visit every grid cell in the stencil's visiting order, or backwards
 * (last visited first) with `backwards`.
 *
 * @example
 * forEachCell(params, (c) => console.log(c.order, c.centreFlat, c.branch));
 */
export function forEachCell(params: StencilParams, fn: (cell: GridCell) => void, backwards = false): void {
  const { spec } = params;
  const grid = spec.gridShape;
  const n = sizeOf(grid);
  const nd = grid.length;
  const base = centreBase(params);
  const inStrides = stridesOf(spec.inShape);
  const g = new Array<number>(nd).fill(0);
  const centre = new Array<number>(nd).fill(0);
  for (let i = 0; i < n; i++) {
    const t = backwards ? n - 1 - i : i;
    const flat = spec.kind === "scan" && spec.reverse ? n - 1 - t : t;
    let r = flat;
    for (let d = nd - 1; d >= 0; d--) {
      g[d] = r % grid[d]!;
      r = Math.floor(r / grid[d]!);
    }
    let centreFlat = 0;
    for (let d = 0; d < nd; d++) {
      centre[d] = base[d]! + g[d]! * spec.strides[d]!;
      if (centre[d]! < 0 || centre[d]! >= spec.inShape[d]!) centreFlat = -1;
      else if (centreFlat >= 0) centreFlat += centre[d]! * inStrides[d]!;
    }
    fn({ g, flat, order: t, centre, centreFlat, branch: branchAt(params, centre) });
  }
}

/**
 * The part of an extra input that grid cell g sees: the slice its grid dims
 * pick (the whole input when none).
 *
 * @example
 * perCellExtra(e, [0], [2]); // row 2 of e (shape e.shape.slice(1)) for an extra indexed by grid dim 0
 */
export function perCellExtra(e: Tensor, dims: readonly number[], g: readonly number[]): Tensor {
  if (dims.length === 0) return e;
  const restShape = e.shape.slice(dims.length);
  const restSize = sizeOf(restShape);
  let f = 0;
  for (let i = 0; i < dims.length; i++) f = f * e.shape[i]! + g[dims[i]!]!;
  return tensor(restShape, e.dtype, e.data.slice(f * restSize, (f + 1) * restSize));
}
