/**
 * @file Data movement as index maps: for each structural primitive, which
 * input element each output element comes from (or -1 for a zero). The
 * interpreter applies these maps to numbers and the scalarizer to
 * expression nodes, so both read the same definition.
 */
import { stridesOf } from "../ir";
import type { ParamsOf, Prim } from "../primitives";

/** Output multi-index → flat input index, or -1 for a zero. */
export type SourceMap = (idx: readonly number[]) => number;

/** numpy broadcasting of x to `shape` (leading axes added, size-1 axes repeated). */
export function broadcastMap(xShape: readonly number[], { shape }: ParamsOf<Prim.Broadcast>): SourceMap {
  const off = shape.length - xShape.length;
  const st = stridesOf(xShape);
  return (idx) => xShape.reduce((f, d, i) => f + (d === 1 ? 0 : idx[off + i]!) * st[i]!, 0);
}

/** Output axis i is input axis perm[i]. */
export function transposeMap(xShape: readonly number[], { perm }: ParamsOf<Prim.Transpose>): SourceMap {
  const st = stridesOf(xShape);
  return (idx) => idx.reduce((f, v, i) => f + v * st[perm[i]!]!, 0);
}

/** Output cell v reads start + v·step on each axis. */
export function sliceMap(xShape: readonly number[], { start, step }: ParamsOf<Prim.Slice>): SourceMap {
  const st = stridesOf(xShape);
  return (idx) => idx.reduce((f, v, i) => f + (start[i]! + v * step[i]!) * st[i]!, 0);
}

/** Zeros before, after and between input cells (lo, hi, interior per axis). */
export function padMap(xShape: readonly number[], { lo, interior }: ParamsOf<Prim.Pad>): SourceMap {
  const st = stridesOf(xShape);
  return (idx) => {
    let f = 0;
    for (let d = 0; d < idx.length; d++) {
      const r = idx[d]! - lo[d]!;
      const q = interior[d]! + 1;
      if (r < 0 || r % q !== 0 || r / q >= xShape[d]!) return -1;
      f += (r / q) * st[d]!;
    }
    return f;
  };
}

/** Reversed order on the given axes. */
export function revMap(xShape: readonly number[], { axes }: ParamsOf<Prim.Rev>): SourceMap {
  const st = stridesOf(xShape);
  return (idx) => idx.reduce((f, v, i) => f + (axes.includes(i) ? xShape[i]! - 1 - v : v) * st[i]!, 0);
}

/** Flat offset of the block an integer index on the leading axes selects. */
export function indexOffset(xShape: readonly number[], { index }: ParamsOf<Prim.Index>): number {
  const st = stridesOf(xShape);
  return index.reduce((f, v, i) => f + v * st[i]!, 0);
}

/** Apply a source map: out[f] = source(f) < 0 ? zero : values[source(f)]. */
export function gatherWith<T>(values: readonly T[] | ArrayLike<T>, outShape: readonly number[], source: SourceMap, zero: () => T, out: { [i: number]: T; length: number }): void {
  const idx = new Array<number>(outShape.length).fill(0);
  for (let f = 0; f < out.length; f++) {
    let r = f;
    for (let d = outShape.length - 1; d >= 0; d--) {
      idx[d] = r % outShape[d]!;
      r = Math.floor(r / outShape[d]!);
    }
    const s = source(idx);
    out[f] = s < 0 ? zero() : values[s]!;
  }
}
