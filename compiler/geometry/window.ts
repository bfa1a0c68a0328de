/**
 * @file Where a stencil's windows sit: the start and centre of the window of
 * a grid cell, and which branch of a function mesh owns a centre. Shared by
 * the reference interpreter, the code generators and the transform rules.
 */
import type { Region, StencilParams } from "../primitives";

/**
 * First coordinate (input coordinates, possibly outside) of the window at
 * grid index g along dim d; its centre is `windowStart + centreOffset`.
 *
 * @example
 * windowStart(params, 0, 0); // -1 for a size-3 "same" window: the window of cell 0 starts one cell before the input
 */
export function windowStart(p: StencilParams, d: number, g: number): number {
  return g * p.spec.strides[d]! - p.spec.padding[d]![0];
}

/**
 * Offset of the window centre from the window start along dim d (input
 * cells, dilation included): the middle cell, the lower one for even sizes.
 *
 * @example
 * centreOffset(params, 0); // 1 for kernelSize 3, 2 for kernelSize 3 with dilation 2
 */
export function centreOffset(p: StencilParams, d: number): number {
  return Math.floor((p.spec.kernelSize[d]! - 1) / 2) * p.spec.dilation[d]!;
}

/**
 * Does region r (null: everywhere) contain centre c? A region is a slice
 * (start, stop, step) per dimension.
 *
 * @example
 * regionContains({ start: [1], stop: [5], step: [2] }, [3]); // true (1, 3 are in it; 2, 5 are not)
 */
export function regionContains(r: Region | null, c: readonly number[]): boolean {
  if (r === null) return true;
  for (let d = 0; d < c.length; d++) {
    const v = c[d]!;
    if (v < r.start[d]! || v >= r.stop[d]! || (v - r.start[d]!) % r.step[d]! !== 0) return false;
  }
  return true;
}

/**
 * Index of the branch of a function mesh that owns centre c (the last
 * assignment whose region contains it wins), or -1 when none does.
 *
 * @example
 * branchAt(params, [0, 3]); // the branch of F.at[":, 0"] = ... if it was assigned last over that cell
 */
export function branchAt(p: StencilParams, centre: readonly number[]): number {
  for (let b = p.branches.length - 1; b >= 0; b--) if (regionContains(p.branches[b]!.region, centre)) return b;
  return -1;
}
