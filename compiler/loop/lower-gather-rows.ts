/**
 * @file The row split of a push-form gather (lower-stencil.ts lowers its
 * loops): for input rows [lo, hi) of the split dim d, run the grid rows
 * whose windows touch those rows, in order, adding onto the outputs (zero on
 * entry). Windows wholly inside [lo, hi) run the ordinary loops; the few at
 * either end run the masked loops, whose adds along d go through `m<d>`, a
 * copy of the read table with rows outside [lo, hi) turned into padding, so
 * they are dropped. Reads still use `t<d>`.
 *
 *   windows of extent E, stride S, padding P: grid row g adds onto rows [gS − P, gS − P + E)
 *   touching:  ga = ⌈(lo + P − E + 1) / S⌉ … gb = ⌊(hi − 1 + P) / S⌋ + 1 (clamped to the grid)
 *   inside:    ia = ⌈(lo + P) / S⌉ … ib = ⌊(hi − E + P) / S⌋ + 1 (clamped to [ga, gb))
 */
import { stridesOf } from "../ir";
import type { StencilSpec } from "../primitives";
import { ix, type IndexExpr, type Stmt } from "./lowered-ir";
import type { Schedule } from "./schedule";

const v = ix.v;

/** Runner blocks over grid rows [from, to) of the split dim, one per interval's loops. */
function runAll(loops: readonly Stmt[][], from: IndexExpr, to: IndexExpr): Stmt[] {
  return loops.map((body) => ({ kind: "block", role: "runner", params: [{ name: "lo", value: from }, { name: "hi", value: to }], body }));
}

/**
 * The body of a gather for input rows [lo, hi) of the split dim: `plain`
 * and `masked` are the loops of each interval of the split dim (masked:
 * adding through m<d>), over grid rows [lo, hi) of their block.
 */
export function gatherRows(spec: StencilSpec, schedule: Schedule, plain: readonly Stmt[][], masked: readonly Stmt[][]): Stmt[] {
  const d = schedule.splitDim;
  const S = spec.strides[d]!;
  const P = spec.padding[d]![0];
  const E = (spec.kernelSize[d]! - 1) * spec.dilation[d]! + 1;
  const G = spec.gridShape[d]!;
  const rowLen = stridesOf(spec.inShape)[d]!;
  // periodic and reflecting borders add across the whole axis: the only call (lo = 0, hi = n) runs every window
  if (!schedule.parallel) return runAll(plain, ix.num(0), ix.num(G));
  const whole = ix.and(ix.cmp("===", v("lo"), 0), ix.cmp("===", v("hi"), spec.inShape[d]!));
  const inside: Stmt[] = [
    { kind: "let", name: "ia", value: ix.min(v("gb"), ix.max(v("ga"), ix.div(ix.add(v("lo"), P), S, "ceil"))) },
    { kind: "let", name: "ib", value: ix.max(v("ia"), ix.min(v("gb"), ix.add(ix.div(ix.add(v("hi"), P - E), S, "floor"), 1))) },
    { kind: "mask", name: `m${d}`, table: `t${d}`, from: ix.mul(v("lo"), rowLen), to: ix.mul(v("hi"), rowLen), unless: whole },
    ...runAll(masked, v("ga"), v("ia")),
    ...runAll(plain, v("ia"), v("ib")),
    ...runAll(masked, v("ib"), v("gb")),
  ];
  return [
    { kind: "let", name: "ga", value: ix.max(ix.num(0), ix.div(ix.add(v("lo"), P - E + 1), S, "ceil")) },
    { kind: "let", name: "gb", value: ix.min(ix.num(G), ix.add(ix.div(ix.add(v("hi"), P - 1), S, "floor"), 1)) },
    { kind: "if", test: ix.cmp("<", v("ga"), v("gb")), then: inside, else: [] },
  ];
}
