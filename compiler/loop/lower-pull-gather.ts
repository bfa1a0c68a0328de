/**
 * @file Lowering of a `stencil_gather` in pull form (gather-form.ts decides
 * when): a loop over the output cells (the input's shape), each summing the
 * values that the windows reading it give it, and writing once. The terms
 * come in the order push adds them (windows in row-major order, i.e. slots
 * in reverse row-major order), starting from 0, rounded after each add for
 * float32: the bits are those of the push form.
 *
 * Boxes of output cells come from pull-geometry.ts: each knows statically
 * which slots it sums and whether its reads need the border tables. With a
 * stride s along a dim, the slots a cell sums depend on (j + P) mod s: each
 * interval is then s loops stepping by s, one per residue class. A box
 * whose terms read neither window nor per-cell input (a constant cotangent,
 * as in the gradient of a sum) computes its sum once, before the loop over
 * the box's innermost dim. Per cell of dim d: `j<d>` the output coordinate,
 * `p<d>` its flat index.
 */
import { sizeOf, stridesOf } from "../ir";
import type { StencilParams, StencilSpec } from "../primitives";
import { readTable } from "../codegen/read-table";
import type { SNode } from "../codegen/scalarize";
import type { LoopNest } from "./loop-ir";
import { ix, ref, type CodeBuffer, type IndexExpr, type LoweredCode, type Operand, type Stmt } from "./lowered-ir";
import { KernelLowering, type KernelLeaves } from "./lower-kernel";
import { operands, type PullPlan } from "./gather-form";
import type { Term } from "./pull-geometry";
import type { Schedule } from "./schedule";

const v = ix.v;

/** What the code of a pull gather's cells needs, shared by all its boxes. */
interface PullContext {
  readonly p: StencilParams;
  readonly spec: StencilSpec;
  readonly nd: number;
  readonly plan: PullPlan;
  readonly inStrides: readonly number[];
  readonly slotCell: (c: number) => number[];
  readonly shifts: readonly number[];
  /** Scalar extra inputs read once per call, by name. */
  readonly hoisted: Map<string, Stmt>;
  /** Per extra: the flat multiplier of each of its grid dims. */
  readonly extraMult: readonly (readonly number[])[];
  readonly float32: readonly boolean[];
  /** The pad value as the windowed input `j` holds it. */
  readonly padOf: (j: number) => number;
  /** Does a node's value change from cell to cell (it reads a window or a grid-indexed extra)? */
  readonly varies: (n: SNode) => boolean;
  readonly splitDim: number;
  opsPerCell: number;
  boxes: number;
  /** Sums that are the same at every cell of their box, computed once before the box's loop. */
  invariantSums: Stmt[];
}

/** How slot term `t` of a cell reads its window (flat offsets inside, pad tables outside) and the per-cell extras. */
function slotLeaves(ctx: PullContext, t: Term, interior: boolean, tag: string, res: readonly number[], usedBases: Set<number>): KernelLeaves {
  const { spec, p, nd } = ctx;
  return {
    read: (node, out) => {
      const mc = ctx.slotCell(node.cell);
      const buffer = `x${node.input}`;
      if (interior) {
        const off = mc.reduce((acc, m, d) => acc + (t.start[d]! + m * spec.dilation[d]!) * ctx.inStrides[d]!, 0);
        return { kind: "load", buffer, at: ix.add(v(`p${nd - 1}`), off) };
      }
      // the window's cell m reads padded coordinate j + start + m·dil (j + (m - k)·dil when not aliased)
      const at = `i${tag}_${node.id}`;
      out.push({ kind: "let", name: at, value: ix.sum(mc.map((m, d) => ix.table(`t${d}`, ix.add(v(`j${d}`), t.start[d]! + m * spec.dilation[d]! + ctx.shifts[d]!)))) });
      return { kind: "padLoad", buffer, at, pad: ctx.padOf(node.input) };
    },
    extra: (node) => {
      const dims = p.gridDims[node.input]!;
      if (dims.length === 0) {
        const name = `c${node.input}_${node.flat}`;
        if (!ctx.hoisted.has(name)) ctx.hoisted.set(name, { kind: "value", name, value: { kind: "load", buffer: `e${node.input}`, at: ix.num(node.flat) } });
        return ref(name);
      }
      usedBases.add(node.input);
      const mult = ctx.extraMult[node.input]!;
      // window g = (j + P + start) / S = h + (r + start) / S, h the base below
      const off = node.flat + dims.reduce((acc, gd, i) => acc + ((res[gd]! + t.start[gd]!) / spec.strides[gd]!) * mult[i]!, 0);
      return { kind: "load", buffer: `e${node.input}`, at: ix.add(v(`eb${node.input}`), off) };
    },
  };
}

/** Grid-indexed extras' bases h = (j + P - r) / S per dim (the window of slot 0 at stride 1); slots are offset from them. */
function extraBases(ctx: PullContext, usedBases: ReadonlySet<number>, res: readonly number[]): Stmt[] {
  const { spec, p } = ctx;
  return [...usedBases].sort((x, y) => x - y).map((j): Stmt => {
    const terms = p.gridDims[j]!.map((gd, i) => ix.mul(ix.div(ix.add(v(`j${gd}`), spec.padding[gd]![0] - res[gd]!), spec.strides[gd]!, "exact"), ctx.extraMult[j]![i]!));
    return { kind: "let", name: `eb${j}`, value: ix.sum(terms) };
  });
}

/** Code at one output cell of the box with intervals `iv` and residue classes `res`: sum its slots' values, write once. */
function cellCode(ctx: PullContext, iv: readonly number[], res: readonly number[]): Stmt[] {
  const { terms, geometry } = ctx.plan;
  const interior = ctx.plan.reads && iv.every((i, d) => geometry.readsInside(d, i));
  const box = ctx.boxes++;
  const on = ctx.plan.boxTerms(iv, res);
  const invariant = on.every((t) => terms[t.branch]![t.k]!.every((n) => n === null || !ctx.varies(n)));
  // names by slot, and by slot and term where a slot occurs more than once (windows read through the pad mode)
  const repeated = new Set(on.filter((t, i) => on.findIndex((u) => u.k === t.k) !== i).map((t) => t.k));
  const stmts: Stmt[] = [];
  const usedBases = new Set<number>();
  const sums = ctx.float32.map((): Operand[] => []);
  // the windows that read this cell, in the order they are visited
  on.forEach((t, ti) => {
    const tag = repeated.has(t.k) ? `${t.k}_${ti}` : `${t.k}`;
    const lowering = new KernelLowering(slotLeaves(ctx, t, interior, tag, res, usedBases), invariant ? `z${box}_${tag}_` : `s${tag}_`);
    terms[t.branch]![t.k]!.forEach((n, j) => n !== null && sums[j]!.push(lowering.operand(n)));
    stmts.push(...lowering.stmts);
  });
  const total = (j: number, name: string): Stmt => ({ kind: "value", name, value: { kind: "sum", terms: sums[j]!, float32: ctx.float32[j]! } });
  const p = v(`p${ctx.nd - 1}`);
  if (invariant) {
    // (a constant cotangent, as in the gradient of a sum: V8 would hoist it too, but the cost estimate would not see that)
    ctx.invariantSums.push(...stmts, ...sums.map((_, j) => total(j, `z${box}_${j}`)));
    ctx.opsPerCell = Math.max(ctx.opsPerCell, sums.length);
    return sums.map((_, j): Stmt => ({ kind: "store", buffer: `o${j}`, at: p, value: ref(`z${box}_${j}`), op: "set", guarded: false }));
  }
  const writes = sums.flatMap((_, j): Stmt[] => [total(j, `y${j}`), { kind: "store", buffer: `o${j}`, at: p, value: ref(`y${j}`), op: "set", guarded: false }]);
  ctx.opsPerCell = Math.max(ctx.opsPerCell, stmts.length + sums.length);
  return [...extraBases(ctx, usedBases, res), ...stmts, ...writes];
}

/** `for j<d> ∈ [from, to)`, or with a stride S the cells of [from, to) with (j + P) mod S = r, stepping by S. */
function residueLoop(ctx: PullContext, d: number, r: number, from: IndexExpr, to: IndexExpr, body: Stmt[]): Stmt {
  const S = ctx.spec.strides[d]!;
  // the first j >= from in the class: from + ((r - P - from) mod S)
  const lag = ix.mod(ix.add(ix.mod(ix.sub(ix.num(r - ctx.spec.padding[d]![0]), from), S), S), S);
  return { kind: "for", v: `j${d}`, from: S === 1 ? from : ix.add(from, lag), to, step: S, reverse: false, dim: d, split: d === ctx.splitDim, body };
}

/** The loops over dims d.. of the boxes inside intervals `iv` and residues `res`, for the split dim's interval `only`. */
function nestCode(ctx: PullContext, d: number, iv: number[], res: number[], only: number): Stmt[] {
  const { nd, splitDim, inStrides } = ctx;
  if (d === nd) return cellCode(ctx, iv, res);
  const { geometry } = ctx.plan;
  const out: Stmt[] = [];
  for (let i = 0; i < geometry.counts[d]!; i++) {
    if (d === splitDim && i !== only) continue;
    const [lo, hi] = [geometry.cuts[d]![i]!, geometry.cuts[d]![i + 1]!];
    for (const r of geometry.residues(d, i)) {
      const perCell: Stmt = { kind: "let", name: `p${d}`, value: ix.add(d === 0 ? ix.num(0) : v(`p${d - 1}`), ix.mul(v(`j${d}`), inStrides[d]!)) };
      const from = d === splitDim ? ix.max(ix.num(lo), v("lo")) : ix.num(lo);
      const to = d === splitDim ? ix.min(ix.num(hi), v("hi")) : ix.num(hi);
      if (d < nd - 1) {
        out.push(residueLoop(ctx, d, r, from, to, [perCell, ...nestCode(ctx, d + 1, [...iv, i], [...res, r], only)]));
        continue;
      }
      // an innermost loop, with the sums that are the same at each of its cells computed before it
      ctx.invariantSums = [];
      const inner = nestCode(ctx, d + 1, [...iv, i], [...res, r], only);
      const loop = residueLoop(ctx, d, r, nd === 1 ? from : v("glo"), nd === 1 ? to : v("ghi"), [perCell, ...inner]);
      const body = [...ctx.invariantSums, loop];
      if (nd === 1) out.push(...body);
      else out.push({ kind: "block", role: "inner", params: [{ name: "glo", value: from }, { name: "ghi", value: to }], body });
    }
  }
  return out;
}

/** Does a node's value change from cell to cell? Memoized per node. */
function variesFn(p: StencilParams): (n: SNode) => boolean {
  const known = new Map<number, boolean>();
  const varies = (n: SNode): boolean => {
    if (n.kind === "const") return false;
    if (n.kind === "read") return true;
    if (n.kind === "extra") return p.gridDims[n.input]!.length > 0;
    let r = known.get(n.id);
    if (r === undefined) known.set(n.id, (r = operands(n).some(varies)));
    return r;
  };
  return varies;
}

/**
 * Lower a gather's loop nest in pull form, given its plan (gather-form.ts).
 *
 * @example
 * const plan = pullPlan(nest);
 * if (plan !== null) lowerPullGather(nest, plan).body; // one runner per interval of the split dim
 */
export function lowerPullGather(nest: LoopNest, plan: PullPlan): LoweredCode {
  const p = nest.params;
  const { spec } = p;
  const nd = spec.inShape.length;
  const K = spec.kernelSize;
  const kStrides = stridesOf(K);
  const axes = spec.inShape.map((_, d) => readTable(spec, d));
  const kernel = p.branches[0]!.kernel;
  const extraRest = nest.extraShapes.map((s, j) => sizeOf(s.slice(p.gridDims[j]!.length)));
  // the first dim whose grid has more than one cell: threads split it, and each of its intervals is a runner
  let splitDim = 0;
  while (splitDim < nd - 1 && spec.gridShape[splitDim] === 1) splitDim++;
  const ctx: PullContext = {
    p, spec, nd, plan, splitDim,
    inStrides: stridesOf(spec.inShape),
    slotCell: (c) => K.map((_, d) => Math.floor(c / kStrides[d]!) % K[d]!),
    shifts: axes.map((a) => a.shift),
    hoisted: new Map(),
    // a grid-indexed extra at window g: (Σ_i g[dims[i]]·M_i)·rest, M the row-major strides of its grid part
    extraMult: nest.extraShapes.map((s, j) => stridesOf(s.slice(0, p.gridDims[j]!.length)).map((m) => m * extraRest[j]!)),
    float32: kernel.outputs.map((o) => o.aval.dtype === "float32"),
    padOf: (j) => (kernel.inputs[j]?.aval.dtype === "float32" ? Math.fround(spec.padValue) : spec.padValue),
    varies: variesFn(p),
    opsPerCell: 0,
    boxes: 0,
    invariantSums: [],
  };
  const runners = Array.from({ length: plan.geometry.counts[splitDim]! }, (_, i) => nestCode(ctx, 0, [], [], i))
    .filter((body) => body.length > 0)
    .map((body): Stmt => ({ kind: "block", role: "runner", params: [], body }));
  const tables = axes.map((a) => a.table);
  const inLen = sizeOf(spec.inShape);
  const buffers: CodeBuffer[] = [
    ...Array.from({ length: p.nWindowed }, (_, j): CodeBuffer => ({ name: `x${j}`, source: "f", index: j, role: "input", writable: false, length: inLen })),
    ...nest.extraShapes.map((s, j): CodeBuffer => ({ name: `e${j}`, source: "f", index: p.nWindowed + j, role: "extra", writable: false, length: sizeOf(s) })),
    ...kernel.outputs.map((_, j): CodeBuffer => ({ name: `o${j}`, source: "f", index: p.nWindowed + nest.extraShapes.length + j, role: "output", writable: true, length: inLen })),
    ...tables.map((t, d): CodeBuffer => ({ name: `t${d}`, source: "t", index: d, role: "table", writable: false, length: t.length })),
  ];
  const schedule: Schedule = { rows: true, adds: false, partialRows: 0, stepDims: 0, splitDim, steps: 1, n: spec.inShape[splitDim]!, parallel: true };
  return { buffers, fns: [], body: [...ctx.hoisted.values(), ...runners], tables, schedule, extents: spec.inShape, opsPerCell: ctx.opsPerCell };
}
