/**
 * @file Lowering of a stencil's loop nest (after the passes of
 * compiler/passes/pipeline.ts) to the lowered loop IR (lowered-ir.ts): maps,
 * scans (in place or not, with parallel steps), grid reductions, meshes,
 * extra inputs, and gathers in push form. Pull-form gathers lower in
 * lower-pull-gather.ts.
 *
 * Loops nest dim by dim over the nest's intervals in row-major order (so
 * scans keep their order); each leaf box has one kernel chain and one read
 * mode (lower-cell.ts):
 *
 *   grid of a 3-wide "same" kmap over n=6:  [0,1) border | [1,5) interior | [5,6) border
 *
 * Per cell of dim d: `b<d> = g<d>·S - P` (the window start), `q<d>` its
 * flat index, `og<d>` the flat grid cell. Each interval of the first dim
 * with more than one cell is a `runner` block, and each innermost loop
 * inside outer loops an `inner` block with bounds `glo, ghi`: outline.ts
 * makes them functions of their own. V8 then optimizes every hot loop with
 * complete type feedback, instead of compiling a loop on stack while the
 * border loops after it have not run yet and deoptimizing there (measured
 * on the conv2d gradient's gather: no deoptimization, and a first call of
 * ~100 ms instead of ~300 ms).
 */
import { sizeOf, stridesOf } from "../ir";
import { readTable } from "../codegen/read-table";
import { scanWritesInPlace, type Leaf, type LoopNest } from "./loop-ir";
import { ix, type CodeBuffer, type IndexExpr, type LoweredCode, type Stmt } from "./lowered-ir";
import { kernelCode, uncoveredCode, type CellContext } from "./lower-cell";
import { gatherRows } from "./lower-gather-rows";
import { stencilSchedule, type Schedule } from "./schedule";

const v = ix.v;

/** The context of a nest's lowering: the cells' shared facts, and how its loops run. */
interface NestContext extends CellContext {
  readonly nest: LoopNest;
  readonly reverse: boolean;
  /** The first dim with more than one cell: each of its intervals is a runner. */
  readonly runnerDim: number;
  /** Leaf code by leafKey. */
  readonly leafCodes: Map<string, Stmt[]>;
  /** Adjacent innermost boxes with the same leaf code are one block (code that outline.ts will outline). */
  readonly mergeBoxes: boolean;
}

/**
 * What a leaf's code is made of: its read mode and its owners (branch and
 * step tests). Leaves with equal keys have the same code (W1's eight border
 * boxes: one key), which is built once per lowering.
 */
function leafKey(leaf: Leaf, masked: boolean): string {
  const owners = leaf.owners.map((o) => `${o.branch}:${o.tests.map((t) => `${t.dim},${t.start},${t.step}`).join(";")}`);
  return `${masked ? "m" : leaf.interior ? "i" : "b"}/${owners.join("/")}`;
}

/** A leaf's code, built once per key and shared (lowered IR is never changed in place). */
function leafCode(ctx: NestContext, leaf: Leaf, masked: boolean): Stmt[] {
  const key = leafKey(leaf, masked);
  let code = ctx.leafCodes.get(key);
  if (code === undefined) ctx.leafCodes.set(key, (code = ownersCode(ctx, leaf, masked)));
  return code;
}

/** A leaf's owners as an if-chain, last assignment first. */
function ownersCode(ctx: NestContext, leaf: Leaf, masked: boolean): Stmt[] {
  let chain: Stmt[] = uncoveredCode(ctx);
  for (let i = leaf.owners.length - 1; i >= 0; i--) {
    const owner = leaf.owners[i]!;
    const body = kernelCode(ctx, owner.branch, leaf.interior && !masked, masked);
    if (owner.tests.length === 0) {
      chain = body;
      continue;
    }
    const tests = owner.tests.map((t) => ix.cmp("===", ix.mod(ix.add(v(`g${t.dim}`), -t.start), t.step), 0));
    chain = [{ kind: "if", test: tests.reduce((acc, t) => ix.and(acc, t)), then: body, else: chain }];
  }
  return chain;
}

/**
 * A reduce's innermost loop sums into accumulators `a<j>_<f>` (declared
 * before it) and adds them to its partial row after it: row g<split> when
 * there are several rows, else row 0. Per loop, not per cell, so the hot
 * loop keeps its sums in registers.
 */
function reduceAccumulators(ctx: NestContext, loop: Stmt): Stmt[] {
  if (!ctx.p.reduceGrid) return [loop];
  const decls: Stmt[] = [];
  const flush: Stmt[] = [];
  ctx.outElems.forEach((n, j) => {
    for (let f = 0; f < n; f++) {
      const acc = `a${j}_${f}`;
      decls.push({ kind: "acc", name: acc });
      const at = ctx.schedule.partialRows > 1 ? ix.add(ix.mul(v(`g${ctx.schedule.splitDim}`), n), f) : ix.num(f);
      flush.push({ kind: "store", buffer: `o${j}`, at, value: { kind: "ref", name: acc }, op: "add", guarded: false });
    }
  });
  return [...decls, loop, ...flush];
}

/** The intervals of dim d in visiting order. */
function intervalOrder(ctx: NestContext, d: number): number[] {
  const order = Array.from({ length: ctx.nest.cuts[d]!.length - 1 }, (_, i) => i);
  return ctx.reverse ? order.reverse() : order;
}

/**
 * The intervals of a map's runner dim, the widest (the interior) first,
 * then the others in order. A map writes each output cell once, so the
 * order of its runners leaves its results as they are; run first, the
 * interior's loop is the first V8 optimizes, while the borders' loops,
 * which read through tables and would otherwise warm up first, are still
 * cold (W1's first call: ~5 ms sooner).
 */
function widestFirst(cuts: readonly number[]): number[] {
  const order = Array.from({ length: cuts.length - 1 }, (_, i) => i);
  const widest = order.reduce((w, k) => (cuts[k + 1]! - cuts[k]! > cuts[w + 1]! - cuts[w]! ? k : w), 0);
  return [widest, ...order.filter((k) => k !== widest)];
}

/** The per-cell lets of dim d: window start, its flat index, the flat grid cell. */
function cellLets(ctx: NestContext, d: number): Stmt[] {
  const { spec } = ctx;
  const b = ix.add(ix.mul(v(`g${d}`), spec.strides[d]!), -spec.padding[d]![0]);
  const qPrev = d === 0 ? ix.num(0) : v(`q${d - 1}`);
  const ogPrev = d === 0 ? ix.num(0) : ix.mul(v(`og${d - 1}`), spec.gridShape[d]!);
  return [
    { kind: "let", name: `b${d}`, value: b },
    { kind: "let", name: `q${d}`, value: ix.add(qPrev, ix.mul(v(`b${d}`), ctx.inStrides[d]!)) },
    { kind: "let", name: `og${d}`, value: ix.add(ogPrev, v(`g${d}`)) },
  ];
}

/** The bounds of interval [lo, hi) of dim d: clipped to the call's range (split dim) or step (step dims). */
function loopBounds(ctx: NestContext, d: number, lo: number, hi: number): [IndexExpr, IndexExpr] {
  if (d === ctx.schedule.splitDim) return [ix.max(ix.num(lo), v("lo")), ix.min(ix.num(hi), v("hi"))];
  if (d < ctx.schedule.stepDims) return [ix.max(ix.num(lo), v(`kl${d}`)), ix.min(ix.num(hi), v(`kh${d}`))];
  return [ix.num(lo), ix.num(hi)];
}

/**
 * The intervals [lo, hi) of dim d to loop over, in visiting order, as cut
 * indices; interval `only` of the runner dim alone. With `mergeBoxes`,
 * inside an innermost block with constant bounds, adjacent intervals whose
 * leaves have the same code are one: outlining would merge their calls into
 * one over the union anyway (outline.ts mergeAdjacent), so building them
 * once gives the same code with less to lower, simplify, verify and compare
 * (W1: the three border boxes of a border row).
 */
function loopIntervals(ctx: NestContext, d: number, leafIndex: number, masked: boolean, only: number): [number, number][] {
  const { nest, nd, schedule } = ctx;
  const n = nest.cuts[d]!.length - 1;
  const order = intervalOrder(ctx, d).filter((k) => d !== ctx.runnerDim || k === only);
  const merging = ctx.mergeBoxes && d === nd - 1 && ctx.runnerDim !== nd - 1 && d !== schedule.splitDim && d >= schedule.stepDims;
  const out: [number, number][] = [];
  let lastKey: string | null = null;
  for (const k of order) {
    const key = merging ? leafKey(nest.leaves[leafIndex * n + k]!, masked) : null;
    const last = out[out.length - 1];
    if (key !== null && key === lastKey && last !== undefined) out[out.length - 1] = [Math.min(last[0], k), Math.max(last[1], k + 1)];
    else out.push([k, k + 1]);
    lastKey = key;
  }
  return out;
}

/** The loops of dims d.., of the leaves under leafIndex; interval `only` of the runner dim alone. */
function nestCode(ctx: NestContext, d: number, leafIndex: number, masked: boolean, only: number): Stmt[] {
  const { nest, nd } = ctx;
  if (d === nd) return leafCode(ctx, nest.leaves[leafIndex]!, masked);
  const out: Stmt[] = [];
  const cuts = nest.cuts[d]!;
  for (const [k0, k1] of loopIntervals(ctx, d, leafIndex, masked, only)) {
    const inner = nestCode(ctx, d + 1, leafIndex * (cuts.length - 1) + k0, masked, only);
    if (inner.length === 0) continue;
    const [from, to] = loopBounds(ctx, d, cuts[k0]!, cuts[k1]!);
    const loop = (lo: IndexExpr, hi: IndexExpr): Stmt => ({
      kind: "for", v: `g${d}`, from: lo, to: hi, step: 1, reverse: ctx.reverse, dim: d, split: d === ctx.schedule.splitDim, body: [...cellLets(ctx, d), ...inner],
    });
    if (d < nd - 1) out.push(loop(from, to));
    else if (ctx.runnerDim === nd - 1) out.push(...reduceAccumulators(ctx, loop(from, to)));
    // an innermost loop inside outer loops: a function of its own, called once per outer cell
    else out.push({ kind: "block", role: "inner", params: [{ name: "glo", value: from }, { name: "ghi", value: to }], body: reduceAccumulators(ctx, loop(v("glo"), v("ghi"))) });
  }
  return out;
}

/** Step k (k ≥ 0) fixes the dims before stepDims to one cell, kl<d> ≤ g<d> < kh<d>; k = -1 runs them all. */
function stepLets(ctx: NestContext): Stmt[] {
  const { schedule, spec } = ctx;
  if (schedule.stepDims === 0) return [];
  const grid = spec.gridShape;
  const stepCount = grid.slice(0, schedule.stepDims).reduce((n, g) => n * g, 1);
  const out: Stmt[] = [{ kind: "let", name: "kk", value: ctx.reverse ? ix.sub(ix.num(stepCount - 1), v("k")) : v("k") }];
  const all = ix.cmp("<", v("k"), 0);
  let rest = 1;
  for (let d = schedule.stepDims - 1; d >= 0; d--) {
    out.push({ kind: "let", name: `kl${d}`, value: ix.select(all, ix.num(0), ix.mod(ix.div(v("kk"), rest, "floor"), grid[d]!)) });
    out.push({ kind: "let", name: `kh${d}`, value: ix.select(all, ix.num(grid[d]!), ix.add(v(`kl${d}`), 1)) });
    rest *= grid[d]!;
  }
  return out;
}

/** A reduce's partial rows [lo, hi) start at zero (rows outside the call's range are not touched). */
function zeroPartialRows(schedule: Schedule, outElems: readonly number[]): Stmt[] {
  if (schedule.partialRows === 0) return [];
  return outElems.map((n, j) => ({
    kind: "fill",
    buffer: `o${j}`,
    from: schedule.partialRows > 1 ? ix.mul(v("lo"), n) : ix.num(0),
    to: schedule.partialRows > 1 ? ix.mul(v("hi"), n) : ix.num(n),
  }));
}

/** The buffers of a stencil: windowed inputs, extras, outputs (none when written in place), read tables. */
function stencilBuffers(ctx: NestContext, tables: readonly Int32Array[]): CodeBuffer[] {
  const { p, spec, nest } = ctx;
  const nW = p.nWindowed;
  const nE = nest.extraShapes.length;
  const inLen = sizeOf(spec.inShape);
  const outLen = (j: number): number => {
    if (ctx.gather || spec.placement === "inplace") return inLen;
    if (ctx.schedule.partialRows > 0) return ctx.schedule.partialRows * ctx.outElems[j]!;
    return sizeOf(spec.gridShape) * (ctx.scan ? 1 : ctx.outElems[j]!);
  };
  return [
    ...Array.from({ length: nW }, (_, j): CodeBuffer => ({ name: `x${j}`, source: "f", index: j, role: "input", writable: ctx.scan, length: inLen })),
    ...nest.extraShapes.map((s, j): CodeBuffer => ({ name: `e${j}`, source: "f", index: nW + j, role: "extra", writable: false, length: sizeOf(s) })),
    ...(ctx.inPlace ? [] : ctx.outElems.map((_, j): CodeBuffer => ({ name: `o${j}`, source: "f", index: nW + nE + j, role: "output", writable: true, length: outLen(j) }))),
    ...tables.map((t, d): CodeBuffer => ({ name: `t${d}`, source: "t", index: d, role: "table", writable: false, length: t.length })),
  ];
}

/**
 * Lower a stencil's loop nest (a map, scan, grid reduction, or a gather in
 * push form) to the lowered loop IR, before simplification and outlining.
 * `interiorFirst`: a map's runners start with the widest interval
 * (widestFirst: what V8 optimizes first); the GPU's lowering keeps the
 * visiting order (every invocation runs one cell, so order buys nothing there).
 * `mergeBoxes`: adjacent innermost boxes with the same code as one block
 * (lower.ts, whose outlining would merge them anyway, and the wasm
 * backend's lowering); the GPU's lowering keeps a block per box.
 *
 * @example
 * const code = lowerStencil(runPipeline(params, [])); // code.body: the runner blocks
 */
export function lowerStencil(nest: LoopNest, interiorFirst: boolean = true, mergeBoxes: boolean = false): LoweredCode {
  const p = nest.params;
  const spec = p.spec;
  const nd = spec.inShape.length;
  const schedule = stencilSchedule(nest);
  const scan = spec.kind === "scan" && !nest.gather;
  const axes = spec.inShape.map((_, d) => readTable(spec, d));
  let runnerDim = 0;
  while (runnerDim < nd - 1 && spec.gridShape[runnerDim] === 1) runnerDim++;
  const ctx: NestContext = {
    p, spec, schedule, nd, nest, runnerDim, scan,
    gather: nest.gather,
    inPlace: !nest.gather && scanWritesInPlace(p),
    reverse: scan && spec.reverse,
    inStrides: stridesOf(spec.inShape),
    centre: spec.kernelSize.map((k, d) => Math.floor((k - 1) / 2) * spec.dilation[d]!),
    shifts: axes.map((a) => a.shift),
    extraShapes: nest.extraShapes,
    outElems: p.branches[0]!.kernel.outputs.map((o) => sizeOf(o.aval.shape)),
    outF32: p.branches[0]!.kernel.outputs.map((o) => o.aval.dtype === "float32"),
    hoisted: new Map(),
    opsPerCell: 0,
    leafCodes: new Map(),
    mergeBoxes,
  };
  const order = interiorFirst && !p.reduceGrid && !scan && !nest.gather ? widestFirst(nest.cuts[runnerDim]!) : intervalOrder(ctx, runnerDim);
  const runners = (masked: boolean): Stmt[][] => order.map((k) => nestCode(ctx, 0, 0, masked, k)).filter((l) => l.length > 0);
  let calls: Stmt[];
  if (nest.gather) {
    const plain = runners(false);
    calls = gatherRows(spec, schedule, plain, schedule.parallel ? runners(true) : []);
  } else {
    calls = runners(false).map((body): Stmt => ({ kind: "block", role: "runner", params: [], body }));
  }
  const tables = axes.map((a) => a.table);
  const body = [...ctx.hoisted.values(), ...stepLets(ctx), ...zeroPartialRows(schedule, ctx.outElems), ...calls];
  return { buffers: stencilBuffers(ctx, tables), fns: [], body, tables, schedule, extents: spec.gridShape, opsPerCell: ctx.opsPerCell };
}
