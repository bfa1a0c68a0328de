/**
 * @file Lowering of `scan_sweep` (the reverse sweep of a scan's vjp, see
 * compiler/scan-sweep.ts) to the lowered loop IR (lowered-ir.ts), printed
 * by the one emitter (codegen/emit-js.ts) as stencils are. Its loops are
 * those of the scan's own loop nest (compiler/passes/pipeline.ts: the
 * boxes each branch owns, and the boxes whose windows lie inside the
 * input), visited in reverse order: in one call, or, where the scan's
 * rows are parallel and compiler/passes/scan-deps.ts sweepSplitDim allows,
 * in steps of slices split by input rows (lower-sweep-split.ts); per cell:
 *
 *   b<d> = g<d>·S - P;  q<d>: its flat index;  og<d>: the flat grid cell;  c<d> = b<d> + centre
 *   dv<j>: the cotangent of output j at the cell (read, or computed by its map)
 *   <the vjp of the box's owner (lower-sweep-branch.ts)>, or, for cells no branch covers,
 *   a<j>[cf] += dv<j> where the centre is inside
 *
 * Interior boxes read at flat offsets from q and add without guards; border
 * boxes read through the tables, as stencils do.
 *
 * The generated function takes, as stencils do, `(f, t, s, lo, hi, k)`:
 * f holds the windowed inputs X, outputs Y, extras, captured values, the
 * present cotangents (an array, or a map's inputs), then the outputs: one
 * accumulator a<j> per windowed input (zeroed, or holding the in-place
 * cotangent), one ab<j> per extra (zeroed; split, a scalar extra's has a
 * partial row per cell of the split dim); t the tables of sweep-tables.ts
 * (T, V, then R). s is unused; unsplit, so are lo, hi and k (the whole
 * grid runs); split, [lo, hi) are the call's input rows and k its step
 * (compiler/loop/schedule.ts sweepSchedule).
 */
import { sizeOf, stridesOf } from "../ir";
import { centreOffset, windowStart } from "../geometry/window";
import type { DType, ScanSweepParams, StencilParams, StencilSpec } from "../primitives";
import { ctInputs } from "../scan-sweep";
import { NodeBuilder, scalarize, type SValue } from "../codegen/scalarize";
import { ix, ref, type CodeBuffer, type LoweredCode, type Operand, type Stmt } from "./lowered-ir";
import { KernelLowering } from "./lower-kernel";
import { runPipeline } from "../passes/pipeline";
import { atCentre, branchCode, whereOwned, type Own } from "./lower-sweep-branch";
import type { Leaf, LoopNest } from "./loop-ir";
import { sweepSchedule } from "./schedule";
import { splitSweepBody, type Clamp } from "./lower-sweep-split";
import { sweepSplitDim } from "../passes/scan-deps";
import { sweepTables, type SweepTables } from "./sweep-tables";

const v = ix.v;

/** What the code at every cell of a sweep shares. */
export interface SweepContext {
  readonly p: ScanSweepParams;
  readonly scan: StencilParams;
  readonly spec: StencilSpec;
  readonly nd: number;
  /** Windowed inputs, per-cell extras. */
  readonly W: number;
  readonly E: number;
  readonly inplace: boolean;
  /** Accumulators are float32: λ is rounded as they are. */
  readonly f32: boolean;
  /** The pad value, as the window holds it. */
  readonly pad: number;
  /** Shapes of the extras, then of the captured values. */
  readonly extraShapes: readonly (readonly number[])[];
  readonly inStrides: readonly number[];
  readonly kStrides: readonly number[];
  readonly tables: SweepTables;
  /** The grid dim whose slices are split across threads by input rows (scan-deps.ts sweepSplitDim), or null. */
  readonly split: number | null;
  /** Scalar inputs read once per call, by name, in first-use order. */
  readonly hoisted: Map<string, Stmt>;
  /** Statements of the longest branch at one cell. */
  opsPerCell: number;
}

/** The buffers of a sweep, in the calling convention's order (see the file header). */
function sweepBuffers(ctx: SweepContext, shapes: readonly (readonly number[])[], tables: readonly Int32Array[]): CodeBuffer[] {
  const { W, E, p } = ctx;
  const out: CodeBuffer[] = [];
  let slot = 0;
  const take = (name: string, role: CodeBuffer["role"]): void => {
    out.push({ name, source: "f", index: slot, role, writable: false, length: sizeOf(shapes[slot]!) });
    slot++;
  };
  for (let j = 0; j < W; j++) take(`x${j}`, "input");
  for (let j = 0; j < W; j++) take(`y${j}`, "input");
  for (let j = 0; j < E; j++) take(`e${j}`, "extra");
  for (let j = 0; j < p.nCaptured; j++) take(`k${j}`, "extra");
  ctInputs(p, shapes).forEach((ins, j) => {
    if (ins.length === 0) return;
    if ((p.ctMaps?.[j] ?? null) === null) take(`d${j}`, "input");
    else ins.forEach((_, i) => take(`m${j}_${i}`, "input"));
  });
  const inLen = sizeOf(ctx.spec.inShape);
  for (let j = 0; j < W; j++) out.push({ name: `a${j}`, source: "f", index: slot++, role: "output", writable: true, length: inLen });
  // split: a scalar extra's ā is one partial row per cell of the split dim (Schedule.partialRows)
  const rows = (j: number): number => (ctx.split !== null && ctx.scan.gridDims[j]!.length === 0 ? ctx.spec.gridShape[ctx.split]! : 1);
  for (let j = 0; j < E; j++) out.push({ name: `ab${j}`, source: "f", index: slot++, role: "output", writable: true, length: rows(j) * sizeOf(ctx.extraShapes[j]!) });
  tables.forEach((t, i) => out.push({ name: `t${i}`, source: "t", index: i, role: "table", writable: false, length: t.length }));
  return out;
}

/** The cotangent of output j computed at the cell by its map (a window-1 stencil over the grid): its statements and value. */
function mappedCotangent(ctx: SweepContext, j: number, m: StencilParams, ins: readonly (readonly number[])[]): [Stmt[], Operand] {
  const og = v(`og${ctx.nd - 1}`);
  const nb = new NodeBuilder();
  const values: SValue[] = ins.map((shape, i) => {
    const rest = i < m.nWindowed ? ctx.spec.kernelSize.map(() => 1) : shape.slice(m.gridDims[i - m.nWindowed]!.length);
    return { shape: rest, nodes: Array.from({ length: sizeOf(rest) }, (_, f) => (i < m.nWindowed ? nb.read(i, 0) : nb.extra(i, f))) };
  });
  const [out] = scalarize(nb, m.branches[0]!.kernel, values);
  const lowering = new KernelLowering(
    {
      read: (node) => ({ kind: "load", buffer: `m${j}_${node.input}`, at: og }),
      extra: (node) => {
        const i = node.input;
        const buffer = `m${j}_${i}`;
        if (m.gridDims[i - m.nWindowed]!.length > 0) {
          const rest = sizeOf(ins[i]!.slice(m.gridDims[i - m.nWindowed]!.length));
          return { kind: "load", buffer, at: rest === 1 ? og : ix.add(ix.mul(og, rest), node.flat) };
        }
        const name = `hm${j}_${i}_${node.flat}`;
        if (!ctx.hoisted.has(name)) ctx.hoisted.set(name, { kind: "value", name, value: { kind: "load", buffer, at: ix.num(node.flat) } });
        return ref(name);
      },
    },
    `u${j}_`,
  );
  const value = lowering.operand(out!.nodes[0]!);
  return [lowering.stmts, value];
}

/** Each output's cotangent at the cell (null: none), and the statements that compute them. */
function cotangents(ctx: SweepContext, shapes: readonly (readonly number[])[]): [Stmt[], (Operand | null)[]] {
  const stmts: Stmt[] = [];
  const dv = ctInputs(ctx.p, shapes).map((ins, j): Operand | null => {
    if (ins.length === 0) return null;
    const m = ctx.p.ctMaps?.[j] ?? null;
    if (m === null) {
      stmts.push({ kind: "value", name: `dv${j}`, value: { kind: "load", buffer: `d${j}`, at: v(`og${ctx.nd - 1}`) } });
      return ref(`dv${j}`);
    }
    const [code, value] = mappedCotangent(ctx, j, m, ins);
    stmts.push(...code);
    return value;
  });
  return [stmts, dv];
}

/**
 * The code of a cell of `leaf`: its owners as an if-chain (the first whose
 * step tests pass runs), or, where no branch covers the cell, its cotangent
 * passed to x̄ at the centre (the output there is the centre, never written).
 */
function leafCode(ctx: SweepContext, leaf: Leaf, dv: readonly (Operand | null)[], own: Own): Stmt[] {
  const uncovered: Stmt[] = ctx.inplace ? [] : dv.flatMap((d, j): Stmt[] => (d === null ? [] : [{ kind: "store", buffer: `a${j}`, at: v("cf"), value: d, op: "add", guarded: false }]));
  let chain: Stmt[] = uncovered.length === 0 ? [] : atCentre(ctx, leaf.interior, whereOwned(own, () => v(`c${ctx.split}`), uncovered));
  for (let i = leaf.owners.length - 1; i >= 0; i--) {
    const owner = leaf.owners[i]!;
    const code = branchCode(ctx, ctx.p.adjoints[owner.branch]!, dv, leaf.interior, own);
    if (owner.tests.length === 0) {
      chain = code;
      continue;
    }
    const tests = owner.tests.map((t) => ix.cmp("===", ix.mod(ix.add(v(`g${t.dim}`), -t.start), t.step), 0));
    chain = [{ kind: "if", test: tests.reduce((a, t) => ix.and(a, t)), then: code, else: chain }];
  }
  return chain;
}

/** The per-cell lets of dim d: window start, its flat index, the flat grid cell. */
function cellLets(ctx: SweepContext, d: number): Stmt[] {
  const { spec } = ctx;
  const qPrev = d === 0 ? ix.num(0) : v(`q${d - 1}`);
  const ogPrev = d === 0 ? ix.num(0) : ix.mul(v(`og${d - 1}`), spec.gridShape[d]!);
  return [
    { kind: "let", name: `b${d}`, value: ix.add(ix.mul(v(`g${d}`), spec.strides[d]!), windowStart(ctx.scan, d, 0)) },
    { kind: "let", name: `q${d}`, value: ix.add(qPrev, ix.mul(v(`b${d}`), ctx.inStrides[d]!)) },
    { kind: "let", name: `og${d}`, value: ix.add(ogPrev, v(`g${d}`)) },
  ];
}

/**
 * The loops over the boxes of the scan's loop nest (compiler/passes: which
 * branch owns each box, which boxes read only inside the input), dims d..,
 * under leafIndex, in reverse visiting order, with the cell's code innermost.
 */
function boxLoops(ctx: SweepContext, nest: LoopNest, d: number, leafIndex: number, cell: (leaf: Leaf) => Stmt[], clamp: Clamp = NO_CLAMP): Stmt[] {
  if (d === ctx.nd) return cell(nest.leaves[leafIndex]!);
  const cuts = nest.cuts[d]!;
  const order = Array.from({ length: cuts.length - 1 }, (_, k) => k);
  if (!ctx.spec.reverse) order.reverse();
  return order.flatMap((k): Stmt[] => {
    const inner = boxLoops(ctx, nest, d + 1, leafIndex * (cuts.length - 1) + k, cell, clamp);
    if (inner.length === 0) return [];
    const body = [...cellLets(ctx, d), ...inner];
    const bounds = clamp(d);
    const from = bounds === null ? ix.num(cuts[k]!) : ix.max(ix.num(cuts[k]!), bounds[0]);
    const to = bounds === null ? ix.num(cuts[k + 1]!) : ix.min(ix.num(cuts[k + 1]!), bounds[1]);
    return [{ kind: "for", v: `g${d}`, from, to, step: 1, reverse: !ctx.spec.reverse, dim: d, split: d === ctx.split, body }];
  });
}

const NO_CLAMP: Clamp = () => null;

/** The sweep's loops, with each cell's centre, its cotangents and its owners' code. */
function sweepLoops(ctx: SweepContext, nest: LoopNest, shapes: readonly (readonly number[])[], own: Own = "whole", clamp: Clamp = NO_CLAMP): Stmt[] {
  return boxLoops(
    ctx,
    nest,
    0,
    0,
    (leaf) => {
      const [ctCode, dv] = cotangents(ctx, shapes);
      return [...centreLets(ctx), ...ctCode, ...leafCode(ctx, leaf, dv, own)];
    },
    clamp,
  );
}

/**
 * The loops of a split sweep's clear phase (lower-sweep-split.ts): at each
 * covered cell whose centre is inside the input, its accumulators' λ cells
 * set to 0 (the unsplit sweep does it as it takes λ).
 */
function clearLoops(ctx: SweepContext, nest: LoopNest, clamp: Clamp): Stmt[] {
  const clear: Stmt[] = Array.from({ length: ctx.W }, (_, j) => ({ kind: "store", buffer: `a${j}`, at: v("cf"), value: { kind: "num", value: 0 }, op: "set", guarded: false }));
  const cell = (leaf: Leaf): Stmt[] => {
    if (leaf.owners.length === 0) return [];
    const code = atCentre(ctx, leaf.interior, clear);
    if (leaf.owners.some((o) => o.tests.length === 0)) return [...centreLets(ctx), ...code];
    const tests = leaf.owners.map((o) => o.tests.map((t) => ix.cmp("===", ix.mod(ix.add(v(`g${t.dim}`), -t.start), t.step), 0)).reduce((a, t) => ix.and(a, t)));
    return [...centreLets(ctx), { kind: "if", test: tests.reduce((a, t) => ix.or(a, t)), then: code, else: [] }];
  };
  return boxLoops(ctx, nest, 0, 0, cell, clamp);
}

/** `c<d>`: the cell's centre along each dim. */
function centreLets(ctx: SweepContext): Stmt[] {
  return ctx.spec.inShape.map((_, d) => ({ kind: "let", name: `c${d}`, value: ix.add(v(`b${d}`), centreOffset(ctx.scan, d)) }));
}

/**
 * Lower the sweep of `p` to the lowered loop IR, before simplification and
 * outlining. `shapes`: of its inputs; `dtype`: of its accumulators.
 *
 * @example
 * printLowered(lowerSweep(p, shapes, "float64")); // "… main(f, t, s, lo, hi, k):\n  runner():\n    for g0 ∈ [0, 5) rev dim 0: …"
 */
export function lowerSweep(p: ScanSweepParams, shapes: readonly (readonly number[])[], dtype: DType): LoweredCode {
  const scan = p.scan;
  const spec = scan.spec;
  const W = scan.nWindowed;
  const E = scan.gridDims.length;
  const f32 = dtype === "float32";
  const nest = runPipeline(scan, shapes.slice(2 * W, 2 * W + E));
  const ctx: SweepContext = {
    p, scan, spec, W, E, f32,
    nd: spec.inShape.length,
    inplace: spec.placement === "inplace",
    pad: f32 ? Math.fround(spec.padValue) : spec.padValue,
    extraShapes: shapes.slice(2 * W, 2 * W + E + p.nCaptured),
    inStrides: stridesOf(spec.inShape),
    kStrides: stridesOf(spec.kernelSize),
    tables: sweepTables(scan),
    split: sweepSplitDim(nest, p),
    hoisted: new Map(),
    opsPerCell: 0,
  };
  const schedule = sweepSchedule(spec, ctx.split, scan.gridDims.some((dims) => dims.length === 0));
  const run: Stmt[] =
    ctx.split === null
      ? [{ kind: "block", role: "runner", params: [], body: sweepLoops(ctx, nest, shapes) }]
      : splitSweepBody(ctx, schedule.steps, (own, clamp) => sweepLoops(ctx, nest, shapes, own, clamp), (clamp) => clearLoops(ctx, nest, clamp));
  const t = ctx.tables;
  const tables = [...t.reads, ...t.writers, ...t.regions.flat()];
  const body: Stmt[] = [...ctx.hoisted.values(), ...run];
  return { buffers: sweepBuffers(ctx, shapes, tables), fns: [], body, tables, schedule, extents: spec.gridShape, opsPerCell: ctx.opsPerCell };
}
