/**
 * @file The cells an in-place map (smap) leaves to its input: an smap's
 * result has the input's shape, its kernel writes the cells at window
 * centres, and every other cell keeps the input's value. Rather than copy
 * the whole input into the result before the kernel overwrites most of it
 * (the whole of a 1024² grid per step of a donated `u = f(u)` loop), the
 * run copies only the uncovered cells: none for a 'same' smap, the border
 * of a 'valid' one.
 *
 * The written cells form a box when the centres are dense along every dim
 * (stride 1, or one centre) and a branch covers them all (no region, or a
 * single branch whose region is a box of step 1); otherwise the whole input
 * is copied, as before.
 */
import type { Storage } from "../../compiler/tensor";
import type { StencilParams } from "../../compiler/primitives";
import { centreBase } from "../../compiler/geometry/grid-cells";

/**
 * Flat element ranges [starts[i], ends[i]) of the input that an in-place
 * map does not write, in increasing order and merged; `all`: copy
 * everything (the written cells are not a box).
 */
export interface Uncovered {
  readonly all: boolean;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
}

const ALL: Uncovered = { all: true, starts: new Int32Array(0), ends: new Int32Array(0) };

/** The box [lo, hi) per dim that the centres of a map write, or null when they are not a box. */
function writtenBox(params: StencilParams): { lo: number[]; hi: number[] } | null {
  const { spec, branches } = params;
  const base = centreBase(params);
  const lo: number[] = [];
  const hi: number[] = [];
  for (let d = 0; d < spec.inShape.length; d++) {
    const g = spec.gridShape[d]!;
    if (g > 1 && spec.strides[d]! !== 1) return null;
    lo.push(Math.max(0, base[d]!));
    hi.push(Math.min(spec.inShape[d]!, base[d]! + g));
  }
  if (branches.some((b) => b.region === null)) return { lo, hi };
  if (branches.length !== 1) return null;
  const r = branches[0]!.region!;
  for (let d = 0; d < lo.length; d++) {
    lo[d] = Math.max(lo[d]!, r.start[d]!);
    hi[d] = Math.min(hi[d]!, r.stop[d]!);
    if (r.step[d]! !== 1 && hi[d]! - lo[d]! > 1) return null;
  }
  return { lo, hi };
}

/**
 * The cells of an in-place map's input that its kernel leaves unwritten
 * (see the file comment). Computed once per compiled kernel.
 *
 * @example
 * uncoveredCells(params); // 'valid' 3×3 smap over 4×4: [0,5) [7,9) [11,16) — the border
 */
export function uncoveredCells(params: StencilParams): Uncovered {
  const box = params.spec.kind === "map" ? writtenBox(params) : null;
  const shape = params.spec.inShape;
  const nd = shape.length;
  if (box === null || nd === 0) return ALL;
  const total = shape.reduce((n, s) => n * s, 1);
  if (box.lo.some((l, d) => l >= box.hi[d]!)) return ranges([0], [total]);
  // the written cells, as runs along the last dim; everything between two runs is uncovered
  const starts: number[] = [];
  const ends: number[] = [];
  let at = 0;
  const row = (d: number, offset: number): void => {
    const stride = shape.slice(d + 1).reduce((n, s) => n * s, 1);
    if (d === nd - 1) {
      const a = offset + box.lo[d]!;
      if (a > at) {
        starts.push(at);
        ends.push(a);
      }
      at = offset + box.hi[d]!;
      return;
    }
    for (let i = box.lo[d]!; i < box.hi[d]!; i++) row(d + 1, offset + i * stride);
  };
  row(0, 0);
  if (at < total) {
    starts.push(at);
    ends.push(total);
  }
  return ranges(starts, ends);
}

function ranges(starts: number[], ends: number[]): Uncovered {
  return { all: false, starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}

/** Ranges longer than this are copied with `set`; shorter ones element by element (no view per range). */
const SET_FROM = 64;

/**
 * Copy the uncovered cells of `src` into `dst` (the whole of it with `all`).
 *
 * @example
 * copyUncovered(out, input, uncoveredCells(params)); // before the kernel writes the rest
 */
export function copyUncovered(dst: Storage, src: Storage, u: Uncovered): void {
  if (u.all) {
    dst.set(src);
    return;
  }
  const { starts, ends } = u;
  for (let i = 0; i < starts.length; i++) {
    const a = starts[i]!;
    const z = ends[i]!;
    if (z - a >= SET_FROM) dst.set(src.subarray(a, z), a);
    else for (let k = a; k < z; k++) dst[k] = src[k]!;
  }
}
