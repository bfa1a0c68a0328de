/**
 * @file What a scan's reverse sweep (compiler/scan-sweep.ts) does at one
 * covered grid cell, as lowered statements: λ taken out of the accumulator
 * at the cell's centre, the window the step saw (Y where the cell's writer
 * ran before the step, X where not, the pad value outside), the branch's
 * kernel vjp as straight-line code, and its adds onto the accumulators:
 *
 *   acc l0 = dv0;  if centre inside: l0 += a0[cf] (f32);  a0[cf] = 0
 *   i = T0[b0 + k0] + …  (interior boxes: q + OFF);  w = V0[b0 + k0] + …
 *   v = if w ≥ 0 && w < og then y0[w] else x0[i] or pad
 *   a0[i] += s̄  if ≥ 0 (interior boxes: always);    ab0[eb0 + f] += ā
 *
 * In a sweep split across threads (lower-sweep.ts), a call owns rows
 * [lo, hi) of the split dim p: λ is read but not cleared (the next step
 * clears it), and only adds onto its rows are made ("edge" cells test each
 * one; at "inside" cells every add is on them); a scalar extra's ā goes to
 * partial row g<p>, added by the call owning the centre's row (clamped to
 * the input).
 *
 * lower-sweep.ts builds the loops around it and chains the branches.
 */
import { sizeOf, type Program } from "../ir";
import { NodeBuilder, scalarize, type SNode, type SValue } from "../codegen/scalarize";
import { ix, ref, type IndexExpr, type Operand, type ScalarExpr, type Stmt, type Test } from "./lowered-ir";
import { KernelLowering, type ExtraNode, type KernelLeaves, type ReadNode } from "./lower-kernel";
import type { SweepContext } from "./lower-sweep";

const v = ix.v;

/**
 * Which adds the code at a cell makes: all of them, clearing λ's cell (an
 * unsplit sweep, "whole"); in a split sweep, those onto the call's rows
 * [lo, hi) of the split dim, tested one by one ("edge"), or all of them,
 * every one being on those rows ("inside").
 */
export type Own = "whole" | "inside" | "edge";

/**
 * Is input row `at` of the split dim one of the call's rows [lo, hi)?
 *
 * @example
 * ownsRow(ix.add(ix.v("b1"), 2)); // listed as (b1 + 2 >= lo && b1 + 2 < hi)
 */
export function ownsRow(at: IndexExpr): Test {
  return ix.and(ix.cmp(">=", at, v("lo")), ix.cmp("<", at, v("hi")));
}

/**
 * `body` where the call owns row `at` (own "edge"), else `body` as it is.
 *
 * @example
 * whereOwned("edge", () => ix.v("c1"), [store]); // [if (c1 >= lo && c1 < hi): store]
 */
export function whereOwned(own: Own, at: () => IndexExpr, body: readonly Stmt[]): Stmt[] {
  return own === "edge" ? [{ kind: "if", test: ownsRow(at()), then: body, else: [] }] : [...body];
}

/** The row that owns the cell's own results (ā): its centre's along the split dim, clamped to the input. */
function ownerRow(ctx: SweepContext): IndexExpr {
  const p = ctx.split!;
  return ix.min(ix.max(v(`c${p}`), ix.num(0)), ix.num(ctx.spec.inShape[p]! - 1));
}

/**
 * Is the step's centre inside the input?
 *
 * @example
 * centreInside(ctx); // listed as (c0 >= 0 && c0 < 5) for a 1-d input of 5
 */
export function centreInside(ctx: SweepContext): Test {
  const tests = ctx.spec.inShape.map((n, d) => ix.and(ix.cmp(">=", v(`c${d}`), 0), ix.cmp("<", v(`c${d}`), n)));
  return tests.reduce((acc, t) => ix.and(acc, t));
}

/**
 * `cf`: the flat index of the step's centre (where centreInside holds).
 *
 * @example
 * centreLet(ctx); // let cf = c0*6 + c1, over a [4, 6] input
 */
export function centreLet(ctx: SweepContext): Stmt {
  return { kind: "let", name: "cf", value: ix.sum(ctx.inStrides.map((s, d) => ix.mul(v(`c${d}`), s))) };
}

/** Statements that need the centre's flat index `cf`: under a test that it is inside the input, unless the box is interior. */
export function atCentre(ctx: SweepContext, interior: boolean, body: readonly Stmt[]): Stmt[] {
  if (interior) return [centreLet(ctx), ...body];
  return [{ kind: "if", test: centreInside(ctx), then: [centreLet(ctx), ...body], else: [] }];
}

/** λ(g) of each windowed input: its cotangent at the cell plus what the accumulator holds at the centre, which is cleared (split: by the next step). */
function takeLambda(ctx: SweepContext, dv: readonly (Operand | null)[], interior: boolean, own: Own): Stmt[] {
  const decls: Stmt[] = [];
  const take: Stmt[] = [];
  for (let j = 0; j < ctx.W; j++) {
    const mine = !ctx.inplace ? dv[j] ?? null : null;
    decls.push(mine === null ? { kind: "acc", name: `l${j}` } : { kind: "acc", name: `l${j}`, init: mine });
    take.push({ kind: "value", name: `ta${j}`, value: { kind: "load", buffer: `a${j}`, at: v("cf") } });
    take.push({ kind: "accumulate", name: `l${j}`, value: ref(`ta${j}`), float32: ctx.f32 });
    // split: other threads read this λ in the same step; the next step clears it
    if (own === "whole") take.push({ kind: "store", buffer: `a${j}`, at: v("cf"), value: { kind: "num", value: 0 }, op: "set", guarded: false });
  }
  // in place, the whole step already runs only where the centre is inside (and cf is defined)
  return ctx.inplace ? [...decls, ...take] : [...decls, ...atCentre(ctx, interior, take)];
}

/** The coordinate of window cell c along d in its table: b<d> + k_d·dilation + shift (unshifted: in the padded input). */
function tableAt(ctx: SweepContext, c: number, d: number, shifted = true): IndexExpr {
  const k = Math.floor(c / ctx.kStrides[d]!) % ctx.spec.kernelSize[d]!;
  return ix.add(v(`b${d}`), k * ctx.spec.dilation[d]! + (shifted ? ctx.tables.shifts[d]! : 0));
}

/** Did window cell c see the output (its writer is a covered cell visited before this step)? */
function sawOutput(ctx: SweepContext, c: number, interior: boolean): Test {
  const w = v(`w${c}`);
  let saw = ix.and(ix.cmp(">=", w, 0), ix.cmp(ctx.spec.reverse ? ">" : "<", w, v(`og${ctx.nd - 1}`)));
  if (ctx.tables.regions.length > 0) {
    // inside branch br's region along every dim: its 0/1 entries sum to nd (one test, no branches)
    const covered = ctx.tables.regions.map((_, br) =>
      ix.cmp("===", ix.sum(ctx.spec.inShape.map((_, d) => ix.table(`t${2 * ctx.nd + br * ctx.nd + d}`, tableAt(ctx, c, d)))), ctx.nd),
    );
    saw = ix.and(saw, covered.reduce((a, t) => ix.or(a, t)));
  }
  // in place, Y is read where X is: a written cell is inside the input
  return ctx.inplace && !interior ? ix.and(ix.cmp(">=", v(`i${c}`), 0), saw) : saw;
}

/** The leaves of a branch's vjp: the window the step saw, per-cell and scalar extras, λ. */
class BranchLeaves implements KernelLeaves {
  private readonly cells = new Set<number>();
  private readonly writers = new Set<number>();

  /** `interior`: every window of the box lies inside the input (reads at flat offsets from the window start). */
  constructor(
    private readonly ctx: SweepContext,
    private readonly interior: boolean,
  ) {}

  /** `i<c>`: where window cell c reads (negative: the pad value), defined once. */
  readAt(c: number, out: Stmt[]): void {
    if (this.cells.has(c)) return;
    this.cells.add(c);
    const { ctx } = this;
    const offset = ctx.spec.kernelSize.reduce((acc, k, d) => acc + (Math.floor(c / ctx.kStrides[d]!) % k) * ctx.spec.dilation[d]! * ctx.inStrides[d]!, 0);
    const at = this.interior ? ix.add(v(`q${ctx.nd - 1}`), offset) : ix.sum(ctx.spec.inShape.map((_, d) => ix.table(`t${d}`, tableAt(ctx, c, d))));
    out.push({ kind: "let", name: `i${c}`, value: at });
  }

  read(node: ReadNode, out: Stmt[]): ScalarExpr {
    const { ctx } = this;
    const c = node.cell;
    this.readAt(c, out);
    if (!this.writers.has(c)) {
      this.writers.add(c);
      out.push({ kind: "let", name: `w${c}`, value: ix.sum(ctx.spec.inShape.map((_, d) => ix.table(`t${ctx.nd + d}`, tableAt(ctx, c, d)))) });
    }
    const pad = node.input >= (ctx.p.zeroPadFrom ?? ctx.W) ? 0 : ctx.pad;
    const seen: ScalarExpr = { kind: "load", buffer: `y${node.input}`, at: v(ctx.inplace ? `i${c}` : `w${c}`) };
    const unseen: ScalarExpr = this.interior ? { kind: "load", buffer: `x${node.input}`, at: v(`i${c}`) } : { kind: "padLoad", buffer: `x${node.input}`, at: `i${c}`, pad };
    return { kind: "choose", test: sawOutput(ctx, c, this.interior), a: seen, b: unseen };
  }

  extra(node: ExtraNode): ScalarExpr | Operand {
    const { ctx } = this;
    const i = node.input;
    if (i >= ctx.E && i < ctx.E + ctx.W) return ref(`l${i - ctx.E}`);
    if (i < ctx.E && ctx.scan.gridDims[i]!.length > 0) return { kind: "load", buffer: `e${i}`, at: ix.add(v(`eb${i}`), node.flat) };
    const [buffer, name] = i < ctx.E ? [`e${i}`, `h${i}_${node.flat}`] : [`k${i - ctx.E - ctx.W}`, `hk${i - ctx.E - ctx.W}_${node.flat}`];
    if (!ctx.hoisted.has(name)) ctx.hoisted.set(name, { kind: "value", name, value: { kind: "load", buffer, at: ix.num(node.flat) } });
    return ref(name);
  }
}

/** Extra inputs indexed by grid cell: the flat base `eb<j>` of the cell's part. */
function extraBases(ctx: SweepContext): Stmt[] {
  const out: Stmt[] = [];
  ctx.scan.gridDims.forEach((dims, j) => {
    if (dims.length === 0) return;
    const shape = ctx.extraShapes[j]!;
    const at = dims.reduce<IndexExpr | null>((e, gd, i) => (e === null ? v(`g${gd}`) : ix.add(ix.mul(e, shape[i]!), v(`g${gd}`))), null);
    out.push({ kind: "let", name: `eb${j}`, value: ix.mul(at!, sizeOf(shape.slice(dims.length))) });
  });
  return out;
}

/** The branch's inputs as scalar nodes: windows, per-cell extras, λ, captured values. */
function adjointInputs(ctx: SweepContext, nb: NodeBuilder): SValue[] {
  const { spec, E, W } = ctx;
  const windows: SValue[] = Array.from({ length: W }, (_, j) => ({ shape: spec.kernelSize, nodes: Array.from({ length: sizeOf(spec.kernelSize) }, (_, c) => nb.read(j, c)) }));
  const leaves: SValue[] = ctx.extraShapes.map((s, i) => {
    const shape = i < E ? s.slice(ctx.scan.gridDims[i]!.length) : s;
    return { shape, nodes: Array.from({ length: sizeOf(shape) }, (_, f) => nb.extra(i < E ? i : i + W, f)) };
  });
  const lambdas: SValue[] = Array.from({ length: W }, (_, j) => ({ shape: [], nodes: [nb.extra(E + j, 0)] }));
  return [...windows, ...leaves.slice(0, E), ...lambdas, ...leaves.slice(E)];
}

const isZero = (node: SNode): boolean => node.kind === "const" && node.value === 0;

/**
 * The code of the branch whose vjp is `adjoint` at one covered grid cell;
 * `dv`: each windowed input's cotangent at the cell (null: none);
 * `interior`: every window of the cell's box lies inside the input.
 *
 * @example
 * branchCode(ctx, p.adjoints[0], [ref("dv0")], false); // acc l0 = dv0; if centre inside: …; val v2 = if (w2 >= 0 && w2 < og0) then y0[w2] else …
 */
export function branchCode(ctx: SweepContext, adjoint: Program, dv: readonly (Operand | null)[], interior: boolean, own: Own = "whole"): Stmt[] {
  const nb = new NodeBuilder();
  const outs = scalarize(nb, adjoint, adjointInputs(ctx, nb));
  const leaves = new BranchLeaves(ctx, interior);
  const lowering = new KernelLowering(leaves);
  const stores: Stmt[] = [];
  outs.slice(0, ctx.W).forEach((sBar, j) => {
    sBar.nodes.forEach((node, c) => {
      if (isZero(node)) return;
      const value = lowering.operand(node);
      leaves.readAt(c, lowering.stmts);
      const store: Stmt = { kind: "store", buffer: `a${j}`, at: v(`i${c}`), value, op: "add", guarded: !interior };
      stores.push(...whereOwned(own, () => tableAt(ctx, c, ctx.split!, false), [store]));
    });
  });
  outs.slice(ctx.W, ctx.W + ctx.E).forEach((aBar, j) => {
    const perCell = ctx.scan.gridDims[j]!.length > 0;
    // split: a scalar extra's ā sums into partial row g<p> (Schedule.partialRows)
    const row = !perCell && ctx.split !== null ? ix.mul(v(`g${ctx.split}`), sizeOf(ctx.extraShapes[j]!)) : ix.num(0);
    aBar.nodes.forEach((node, f) => {
      if (isZero(node)) return;
      const value = lowering.operand(node);
      const store: Stmt = { kind: "store", buffer: `ab${j}`, at: perCell ? ix.add(v(`eb${j}`), f) : ix.add(row, f), value, op: "add", guarded: false };
      stores.push(...whereOwned(own, () => ownerRow(ctx), [store]));
    });
  });
  ctx.opsPerCell = Math.max(ctx.opsPerCell, lowering.stmts.length + stores.length);
  const body = [...takeLambda(ctx, dv, interior, own), ...extraBases(ctx), ...lowering.stmts, ...stores];
  return ctx.inplace ? atCentre(ctx, interior, body) : body;
}
