/**
 * @file The per-dimension read tables of generated stencil code: for each
 * padded coordinate of an axis, the cell it reads (source index times the
 * axis stride) or PAD_SENTINEL for the pad value, so that border reads are
 * table lookups whatever the pad mode.
 */
import { stridesOf } from "../ir";
import { padIndex } from "../pad-index";
import type { StencilSpec } from "../primitives";
import { NotScalarizable } from "./scalarize";

/** A table entry meaning "constant padding": any sum including it stays negative. */
export const PAD_SENTINEL = -1_000_000_000;

/** A border table may be this many times longer than the cells it serves (input length + reads)... */
const MAX_TABLE_WASTE = 4;
/** ...plus this many entries, so small stencils never fall back (16 KiB of Int32). */
const MIN_TABLE_LENGTH = 4096;

/**
 * The read table of axis d: padded coordinate c (from the first window's
 * start to the last window's end) is at `table[c + shift]`, holding the
 * source index times the axis stride, or PAD_SENTINEL for the pad value.
 *
 * @example
 * readTable(spec, 0).table[shift - 1]; // where coordinate -1 reads
 */
export function readTable(spec: StencilSpec, d: number): { readonly table: Int32Array; readonly shift: number } {
  const n = spec.inShape[d]!;
  const G = spec.gridShape[d]!;
  const pb = spec.padding[d]![0];
  const shift = Math.max(0, pb);
  const maxCoord = (G - 1) * spec.strides[d]! - pb + (spec.kernelSize[d]! - 1) * spec.dilation[d]!;
  const len = Math.max(0, maxCoord + shift + 1);
  // A table spans every padded coordinate up to the last window, read or not. With huge
  // padding and strides (padding 2^30, stride 2^29) that is far more than the cells the
  // windows read (at most G · k); the interpreter then computes each read instead.
  if (len > MAX_TABLE_WASTE * (n + G * spec.kernelSize[d]!) + MIN_TABLE_LENGTH) {
    throw new NotScalarizable(`border table of ${len} entries on axis ${d} for ${G} windows of ${spec.kernelSize[d]} cells`);
  }
  const stride = stridesOf(spec.inShape)[d]!;
  const table = new Int32Array(len);
  for (let i = 0; i < len; i++) {
    const src = padIndex(i - shift, n, spec.padMode[d]!);
    table[i] = src < 0 ? PAD_SENTINEL : src * stride;
  }
  return { table, shift };
}
