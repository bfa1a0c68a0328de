/**
 * @file The per-dim tables a scan's reverse sweep (compiler/scan-sweep.ts)
 * reads, indexed by padded coordinate + shift as stencil read tables are:
 *
 *   T_d    the cell read (source index · stride), or PAD_SENTINEL for the pad value
 *   V_d    the grid offset of that cell's writer (its grid index · grid stride), or PAD_SENTINEL
 *   R_b_d  1 when the cell lies in branch b's region along d (writers must be covered)
 *
 * so one window read is `i = T0[..] + T1[..]` (negative: the pad value),
 * and its writer `w = V0[..] + V1[..]` (negative: never written). The
 * R tables exist only when some branch has a region (with a branch over the
 * whole grid, every writer is covered).
 */
import { stridesOf } from "../ir";
import { centreOffset, windowStart } from "../geometry/window";
import { padIndex } from "../geometry/pad-index";
import type { StencilParams } from "../primitives";
import { PAD_SENTINEL, readTable } from "../codegen/read-table";

/** The tables of a sweep, in the order the generated function takes them: T, V, then R by branch and dim. */
export interface SweepTables {
  readonly reads: readonly Int32Array[];
  readonly writers: readonly Int32Array[];
  /** Per branch, per dim; empty when every writer is covered. */
  readonly regions: readonly (readonly Int32Array[])[];
  /** Per dim: coordinate c is at index c + shift of each table. */
  readonly shifts: readonly number[];
}

/** The writer table of dim d: for each entry of the read table, the grid offset of the cell's writer. */
function writerTable(scan: StencilParams, d: number, length: number, shift: number): Int32Array {
  const spec = scan.spec;
  const n = spec.inShape[d]!;
  const gridStride = stridesOf(spec.gridShape)[d]!;
  const base = windowStart(scan, d, 0) + centreOffset(scan, d);
  const out = new Int32Array(length);
  for (let i = 0; i < length; i++) {
    const q = padIndex(i - shift, n, spec.padMode[d]!);
    const g = (q - base) / spec.strides[d]!;
    out[i] = q < 0 || !Number.isInteger(g) || g < 0 || g >= spec.gridShape[d]! ? PAD_SENTINEL : g * gridStride;
  }
  return out;
}

/**
 * The tables of the sweep of `scan`.
 *
 * @example
 * sweepTables(scan).writers[0][shift + 2]; // the grid offset of the step that writes cell 2
 */
export function sweepTables(scan: StencilParams): SweepTables {
  const spec = scan.spec;
  const nd = spec.inShape.length;
  const axes = spec.inShape.map((_, d) => readTable(spec, d));
  const shifts = axes.map((a) => a.shift);
  const reads = axes.map((a) => a.table);
  const writers = axes.map((a, d) => writerTable(scan, d, a.table.length, a.shift));
  const allCovered = scan.branches.some((br) => br.region === null);
  const regions = allCovered
    ? []
    : scan.branches.map((br) =>
        Array.from({ length: nd }, (_, d) => {
          const r = br.region!;
          return Int32Array.from({ length: reads[d]!.length }, (_, i) => {
            const q = padIndex(i - shifts[d]!, spec.inShape[d]!, spec.padMode[d]!);
            return q >= r.start[d]! && q < r.stop[d]! && (q - r.start[d]!) % r.step[d]! === 0 ? 1 : 0;
          });
        }),
      );
  return { reads, writers, regions, shifts };
}
