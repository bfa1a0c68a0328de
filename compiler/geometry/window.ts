/**
 * @file Where a stencil's windows sit: the start and centre of the window of
 * a grid cell, and which branch of a function mesh owns a centre. Shared by
 * the reference interpreter, the code generators and the transform rules.
 */
import type { Region, StencilParams } from "../primitives";

/** Centre coordinate (input coordinates) of the window at grid index g along dim d. */
export function windowStart(p: StencilParams, d: number, g: number): number {
  return g * p.spec.strides[d]! - p.spec.padding[d]![0];
}
/** Offset of the window centre from the window start along dim d (input cells, dilation included). */
export function centreOffset(p: StencilParams, d: number): number {
  return Math.floor((p.spec.kernelSize[d]! - 1) / 2) * p.spec.dilation[d]!;
}

/** Does region r (null: everywhere) contain centre c? */
export function regionContains(r: Region | null, c: readonly number[]): boolean {
  if (r === null) return true;
  for (let d = 0; d < c.length; d++) {
    const v = c[d]!;
    if (v < r.start[d]! || v >= r.stop[d]! || (v - r.start[d]!) % r.step[d]! !== 0) return false;
  }
  return true;
}

/** Index of the branch that owns centre c (last assignment wins), or -1. */
export function branchAt(p: StencilParams, centre: readonly number[]): number {
  for (let b = p.branches.length - 1; b >= 0; b--) if (regionContains(p.branches[b]!.region, centre)) return b;
  return -1;
}
