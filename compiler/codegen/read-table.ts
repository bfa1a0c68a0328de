/**
 * @file The per-dimension read tables of generated stencil code: for each
 * padded coordinate of an axis, the cell it reads (source index times the
 * axis stride) or PAD_SENTINEL for the pad value, so that border reads are
 * table lookups whatever the pad mode.
 */
import { stridesOf } from "../ir";
import { padIndex } from "../geometry/pad-index";
import type { PadMode, StencilSpec } from "../primitives";
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
  fillTable(table, shift, n, spec.padMode[d]!, stride);
  return { table, shift };
}

/**
 * Fill `table[i]` with where coordinate `i - shift` reads (see readTable) in
 * time and memory traffic of a fill, not of a padIndex call per entry (which
 * took ~75 ns per entry for wrap, 0.16 s for a 2^21-entry table): constant and
 * edge tables are three runs; wrap, reflect and symmetric tables repeat with
 * the mode's period, so one period is computed and then copied onward.
 */
function fillTable(table: Int32Array, shift: number, n: number, mode: PadMode, stride: number): void {
  const len = table.length;
  const period = mode === "wrap" ? n : mode === "reflect" ? (n === 1 ? 1 : 2 * (n - 1)) : mode === "symmetric" ? 2 * n : 0;
  if (period === 0 || n === 0) {
    // constant or edge: before the axis, the axis itself, after it
    const lo = Math.min(len, Math.max(0, shift));
    const hi = Math.min(len, Math.max(0, shift + n));
    const edge = mode === "edge" && n > 0;
    table.fill(edge ? 0 : PAD_SENTINEL, 0, lo);
    for (let i = lo; i < hi; i++) table[i] = (i - shift) * stride;
    table.fill(edge ? (n - 1) * stride : PAD_SENTINEL, hi, len);
    return;
  }
  const first = Math.min(len, period);
  for (let i = 0; i < first; i++) table[i] = padIndex(i - shift, n, mode) * stride;
  // table[i + period] = table[i]: copy whole blocks of periods, doubling
  for (let k = period; k < len; k *= 2) table.copyWithin(k, 0, Math.min(k, len - k));
}
