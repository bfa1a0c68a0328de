/**
 * @file The body of a scan's reverse sweep split across threads
 * (compiler/passes/scan-deps.ts sweepSplitDim decides; schedule.ts
 * sweepSchedule gives the steps): the sweep's loops, run per step on one
 * slice g[0..p) and, along the split dim p, on the grid cells whose adds can
 * land on the call's input rows [lo, hi). With window start b = g·St + ws,
 * extent E and centre offset co along p, a cell's adds and centre lie in
 * [b + sMin, b + sMax], sMin = min(0, co), sMax = max(E − 1, co):
 *
 *   step k > 0:  clear λ's cells of slice k − 1:  g ∈ [ca, cb), centre b + co ∈ [lo, hi)
 *   step k < S:  slice k (reverse visiting order), in visiting order:
 *                  touching  g ∈ [ga, gb):  b + sMax ≥ lo and b + sMin < hi
 *                            (all of g ≤ … when lo = 0, g ≥ … when hi = n: cells whose centre
 *                            lies outside the input own their ā on the first or last row)
 *                  inside    g ∈ [ia, ib):  b + sMin ≥ lo and b + sMax < hi (no test per add)
 *                  the rest of [ga, gb) tests each add (lower-sweep-branch.ts `Own`)
 *
 * Each input cell so gets its adds in the order one thread gives them, for
 * every split of the rows: results are the same bits for any thread count.
 *
 * Worked example (linear convection, 1000 × 1000, p = 1, St = 1, ws = −1,
 * E = 3, co = 1, so cell g's window is columns [g − 1, g + 1] and it reads
 * g − 1 and g): a call with rows [500, 1000) runs, at step k, row
 * 999 − k's cells g1 ∈ [ga, gb) = [499, 1000), inside from ia = 501. Of
 * the two edge cells, 500 adds its read of column 500 and not that of 499
 * (the call with rows [0, 500) adds it), and 499 adds nothing.
 */
import { centreOffset, windowStart } from "../geometry/window";
import { ix, type IndexExpr, type Stmt } from "./lowered-ir";
import type { Own } from "./lower-sweep-branch";
import type { SweepContext } from "./lower-sweep";

const v = ix.v;

/** Bounds that clip the loops of grid dim d to a step's slice or a call's cells, or null (the whole dim). */
export type Clamp = (d: number) => readonly [IndexExpr, IndexExpr] | null;

/** The sweep's loops with the code at each cell made for `own`, clipped by `clamp`. */
export type SweepLoops = (own: Own, clamp: Clamp) => Stmt[];

/**
 * Lets `<prefix>l<d>`, `<prefix>h<d>` (d < p): slice `step` (in the sweep's
 * visiting order, the reverse of the scan's) as bounds of each step dim.
 */
function sliceLets(ctx: SweepContext, prefix: string, step: IndexExpr): Stmt[] {
  const p = ctx.split!;
  const grid = ctx.spec.gridShape;
  const slices = grid.slice(0, p).reduce((a, g) => a * g, 1);
  const forward = ctx.spec.reverse ? step : ix.sub(ix.num(slices - 1), step);
  const out: Stmt[] = [{ kind: "let", name: `${prefix}s`, value: forward }];
  let rest = 1;
  for (let d = p - 1; d >= 0; d--) {
    out.push({ kind: "let", name: `${prefix}l${d}`, value: ix.mod(ix.div(v(`${prefix}s`), rest, "floor"), grid[d]!) });
    out.push({ kind: "let", name: `${prefix}h${d}`, value: ix.add(v(`${prefix}l${d}`), 1) });
    rest *= grid[d]!;
  }
  return out;
}

/** A clamp to the slice of `prefix`'s lets and, along p, to grid cells [from, to). */
function clampTo(ctx: SweepContext, prefix: string, from: IndexExpr, to: IndexExpr): Clamp {
  const p = ctx.split!;
  return (d) => (d < p ? [v(`${prefix}l${d}`), v(`${prefix}h${d}`)] : d === p ? [from, to] : null);
}

/** Geometry along p: stride, window start of cell 0, centre offset, and the span [sMin, sMax] of adds and centre. */
function alongSplit(ctx: SweepContext): { St: number; ws: number; co: number; sMin: number; sMax: number; n: number; G: number } {
  const p = ctx.split!;
  const spec = ctx.spec;
  const co = centreOffset(ctx.scan, p);
  const E = (spec.kernelSize[p]! - 1) * spec.dilation[p]! + 1;
  return { St: spec.strides[p]!, ws: windowStart(ctx.scan, p, 0), co, sMin: Math.min(0, co), sMax: Math.max(E - 1, co), n: spec.inShape[p]!, G: spec.gridShape[p]! };
}

/** ⌈(lo − a) / St⌉: the first cell g with g·St + a ≥ lo (a includes the window start). */
function firstFrom(lo: IndexExpr, a: number, St: number): IndexExpr {
  return ix.div(ix.add(lo, -a), St, "ceil");
}
/** ⌊(hi − 1 − a) / St⌋ + 1: the end of the cells g with g·St + a < hi. */
function endBelow(hi: IndexExpr, a: number, St: number): IndexExpr {
  return ix.add(ix.div(ix.add(hi, -1 - a), St, "floor"), 1);
}

/** Step k > 0: the centres of slice k − 1 on the call's rows, whose λ every thread has read, set to 0. */
function clearStep(ctx: SweepContext, clears: (clamp: Clamp) => Stmt[]): Stmt[] {
  const { St, ws, co, G } = alongSplit(ctx);
  const lets: Stmt[] = [
    ...sliceLets(ctx, "c", ix.add(v("k"), -1)),
    { kind: "let", name: "ca", value: ix.max(ix.num(0), firstFrom(v("lo"), co + ws, St)) },
    { kind: "let", name: "cb", value: ix.max(v("ca"), ix.min(ix.num(G), endBelow(v("hi"), co + ws, St))) },
  ];
  const loops = clears(clampTo(ctx, "c", v("ca"), v("cb")));
  return loops.length === 0 ? [] : [...lets, { kind: "block", role: "runner", params: [], body: loops }];
}

/** Step k < S: slice k's cells whose adds can land on the call's rows, in visiting order. */
function runStep(ctx: SweepContext, loops: SweepLoops): Stmt[] {
  const { St, ws, sMin, sMax, n, G } = alongSplit(ctx);
  const [lo, hi] = [v("lo"), v("hi")];
  const lets: Stmt[] = [
    ...sliceLets(ctx, "k", v("k")),
    { kind: "let", name: "ga", value: ix.select(ix.cmp("===", lo, 0), ix.num(0), ix.max(ix.num(0), firstFrom(lo, sMax + ws, St))) },
    { kind: "let", name: "gb", value: ix.max(v("ga"), ix.select(ix.cmp("===", hi, n), ix.num(G), ix.min(ix.num(G), endBelow(hi, sMin + ws, St)))) },
    { kind: "let", name: "ia", value: ix.min(v("gb"), ix.max(v("ga"), firstFrom(lo, sMin + ws, St))) },
    { kind: "let", name: "ib", value: ix.max(v("ia"), ix.min(v("gb"), endBelow(hi, sMax + ws, St))) },
  ];
  const segments: [IndexExpr, IndexExpr, Own][] = [
    [v("ga"), v("ia"), "edge"],
    [v("ia"), v("ib"), "inside"],
    [v("ib"), v("gb"), "edge"],
  ];
  // the sweep visits g<p> downwards unless the scan runs in reverse
  if (!ctx.spec.reverse) segments.reverse();
  const runners = segments.flatMap(([from, to, own]): Stmt[] => {
    const body = loops(own, clampTo(ctx, "k", from, to));
    return body.length === 0 ? [] : [{ kind: "block", role: "runner", params: [], body }];
  });
  return [...lets, ...runners];
}

/**
 * The body of a split sweep, for step k of `steps` (see schedule.ts
 * sweepSchedule): clear slice k − 1's centres, then run slice k.
 *
 * @example
 * splitSweepBody(ctx, 1001, (own, clamp) => sweepLoops(ctx, nest, shapes, own, clamp), (clamp) => clearLoops(ctx, nest, clamp));
 */
export function splitSweepBody(ctx: SweepContext, steps: number, loops: SweepLoops, clears: (clamp: Clamp) => Stmt[]): Stmt[] {
  const clear = clearStep(ctx, clears);
  const run = runStep(ctx, loops);
  return [
    { kind: "if", test: ix.cmp(">", v("k"), 0), then: clear, else: [] },
    { kind: "if", test: ix.cmp("<", v("k"), steps - 1), then: run, else: [] },
  ];
}
