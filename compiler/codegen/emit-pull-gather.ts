/**
 * @file Code generation for a `stencil_gather` in pull form: a loop over the
 * output cells (the input's shape), each summing the values that the windows
 * reading it give it, and writing once. The adjoint of a map's window reads,
 * written as a map over the transposed stencil:
 *
 *     push (emit-stencil.ts):  for each window g, slot k:   out[g - P + k·dil] += R_k(g)
 *     pull (here):             for each cell j:  out[j] = Σ_k R_k(g = j + P - k·dil), g on the grid
 *
 * Every cell is written exactly once, so a pull gather needs no zeroed
 * output, and threads split it by output rows like any map. The terms come
 * in the order push adds them (windows in row-major order, i.e. slots in
 * reverse row-major order), starting from 0, rounded after each add for
 * float32: the bits are those of the push form.
 *
 * It applies to gathers with any strides and dilation, every pad mode,
 * meshes whose regions are boxes of the grid (each box of cells is also cut
 * where a slot's window crosses a region's edge, so each term knows its
 * kernel), and only when evaluating each slot's value on its own costs at most
 * about twice the whole window's (a slot's value usually depends on its own
 * read and the cell's cotangent only; a kernel that normalizes by the whole
 * window would repeat that work per slot). A constant pad's cells are not
 * input cells: their adds are dropped. Through edge, reflect, symmetric or
 * wrap padding a read outside the input lands on a cell near a border: each
 * such cell is a box of its own (one cell wide along that dim), which also
 * sums the windows whose outside reads land on it, every term in push order.
 * With a stride s along a dim, the slots a cell sums depend on (j + P) mod s:
 * each interval is then s loops stepping by s, one per residue class, each
 * with its own slots. The push form remains (windowBranches and the cost
 * test in emitPullGather say so where they decide) for mesh regions with
 * steps (`"::2"`: a window's kernel would depend on g mod step) and costly
 * slots.
 *
 * Each dim is cut where a slot's window crosses a cut of the grid's boxes
 * (its edges, the regions' edges, the centres leaving the input), and,
 * when the kernel reads its windows, where every read falls inside the
 * input: each box then knows statically which slots it sums and whether
 * its reads need the border tables. A box whose terms read neither window
 * nor per-cell input (a constant cotangent, as in the gradient of a sum)
 * computes its sum once, before the loop over the box's innermost dim.
 */
import type * as ES from "estree";
import { generate } from "astring";
import { sizeOf, stridesOf } from "../ir";
import type { LoopNest } from "../loop/loop-ir";
import type { StencilParams, StencilSpec } from "../primitives";
import * as b from "./estree";
import { bufferDecls, declaredName, LoopFunctions, runnerFunctions } from "./loop-functions";
import { kernelCuts, pullGeometry, windowBranches, type PullGeometry, type Term } from "./pull-geometry";
import { readTable } from "./read-table";
import { NodeEmitter, type Leaves } from "./scalar-expr";
import { NodeBuilder, scalarize, type SNode, type SValue } from "./scalarize";
import type { Schedule, StencilCode } from "./emit-stencil";

/** A pull gather is emitted only when its slots' separate values cost at most this many times the window's... */
const MAX_PULL_COST_RATIO = 2;
/** ...plus this many operations (small kernels always qualify). */
const PULL_COST_SLACK = 8;
/** Above this many slot terms summed over all boxes, the push form is emitted instead (code size). */
const MAX_PULL_TERMS = 20_000;

/** The operands of a node. */
function operands(n: SNode): SNode[] {
  return n.kind === "unary" ? [n.a] : n.kind === "binary" ? [n.a, n.b] : n.kind === "select" ? [n.c, n.a, n.b] : [];
}

/** Every node under `roots`, each once. */
function under(roots: readonly SNode[]): SNode[] {
  const seen = new Map<number, SNode>();
  const stack = [...roots];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (seen.has(n.id)) continue;
    seen.set(n.id, n);
    stack.push(...operands(n));
  }
  return [...seen.values()];
}

/** Operations (reads and arithmetic, not constants or extra-input loads) under `roots`, each counted once. */
function operations(roots: readonly SNode[]): number {
  return under(roots).filter((n) => n.kind !== "const" && n.kind !== "extra").length;
}

const isZero = (n: SNode): boolean => n.kind === "const" && n.value === 0 && !Object.is(n.value, -0);

/** Per branch and slot, the output values it adds (null: a literal zero, skipped as the push form skips it); null when pulling would cost too much. */
function slotTerms(nb: NodeBuilder, p: StencilParams, inputs: SValue[], slots: number): { terms: (SNode | null)[][][]; everyNode: SNode[] } | null {
  const terms: (SNode | null)[][][] = [];
  const everyNode: SNode[] = [];
  for (const br of p.branches) {
    const outsOf = scalarize(nb, br.kernel, inputs);
    const t = Array.from({ length: slots }, (_, k) => outsOf.map((o) => (isZero(o.nodes[k]!) ? null : o.nodes[k]!)));
    const all = t.flat().filter((n): n is SNode => n !== null);
    const pullCost = t.reduce((acc, v) => acc + operations(v.filter((n): n is SNode => n !== null)), 0);
    if (pullCost > MAX_PULL_COST_RATIO * operations(all) + PULL_COST_SLACK) return null;
    terms.push(t);
    everyNode.push(...all);
  }
  return { terms, everyNode };
}

/** What the code of a pull gather's cells needs, shared by all its boxes, and the counts the boxes add to. */
interface PullContext {
  readonly p: StencilParams;
  readonly spec: StencilSpec;
  readonly nd: number;
  readonly inStrides: readonly number[];
  readonly slotCell: (c: number) => number[];
  /** Per branch, slot and output: the value the slot adds (null: nothing). */
  readonly terms: (SNode | null)[][][];
  /** Do the kernels read their windows? */
  readonly reads: boolean;
  readonly geometry: PullGeometry;
  readonly axes: ReturnType<typeof readTable>[];
  /** Declarations of per-job constants (scalar extras), by name. */
  readonly hoisted: Map<string, ES.Statement>;
  /** Per extra: the flat multiplier of each of its grid dims. */
  readonly extraMult: readonly (readonly number[])[];
  readonly float32: readonly boolean[];
  /** The pad value as the windowed input `j` holds it. */
  readonly padOf: (j: number) => number;
  /** Does a node's value change from cell to cell (it reads a window or a grid-indexed extra)? */
  readonly varies: (n: SNode) => boolean;
  readonly splitDim: number;
  readonly innermost: LoopFunctions;
  readonly outerNames: readonly string[];
  opsPerCell: number;
  totalTerms: number;
  boxes: number;
  /** Sums that are the same at every cell of their box, computed once before the box's loop. */
  invariantSums: ES.Statement[];
}

/** How slot term `t` of a cell reads its window (flat offsets inside, pad tables outside) and the per-cell extras. */
function slotLeaves(ctx: PullContext, t: Term, interior: boolean, tag: string, res: readonly number[], usedBases: Set<number>): Leaves {
  const { spec, p, nd } = ctx;
  return {
    read: (node, out) => {
      const mc = ctx.slotCell(node.cell);
      const arr = b.id(`x${node.input}`);
      if (interior) {
        const off = mc.reduce((acc, m, d) => acc + (t.start[d]! + m * spec.dilation[d]!) * ctx.inStrides[d]!, 0);
        return b.index(arr, off === 0 ? b.id("p") : b.bin("+", b.id("p"), b.num(off)));
      }
      // the window's cell m reads padded coordinate j + start + m·dil (j + (m - k)·dil when not aliased)
      let idx: ES.Expression | null = null;
      for (let d = 0; d < nd; d++) {
        const off = t.start[d]! + mc[d]! * spec.dilation[d]! + ctx.axes[d]!.shift;
        const term = b.index(b.id(`t${d}`), off === 0 ? b.id(`j${d}`) : b.bin("+", b.id(`j${d}`), b.num(off)));
        idx = idx === null ? term : b.bin("+", idx, term);
      }
      const name = `i${tag}_${node.id}`;
      out.push(b.constDecl(name, idx!));
      return b.cond(b.bin("<", b.id(name), b.num(0)), b.num(ctx.padOf(node.input)), b.index(arr, b.id(name)));
    },
    extra: (node) => {
      const dims = p.gridDims[node.input]!;
      if (dims.length === 0) {
        const name = `c${node.input}_${node.flat}`;
        if (!ctx.hoisted.has(name)) ctx.hoisted.set(name, b.constDecl(name, b.index(b.id(`e${node.input}`), b.num(node.flat))));
        return b.id(name);
      }
      usedBases.add(node.input);
      const mult = ctx.extraMult[node.input]!;
      // window g = (j + P + start) / S = h + (r + start) / S, h the base below
      const off = node.flat + dims.reduce((acc, gd, i) => acc + ((res[gd]! + t.start[gd]!) / spec.strides[gd]!) * mult[i]!, 0);
      const base = b.id(`eb${node.input}`);
      return b.index(b.id(`e${node.input}`), off === 0 ? base : b.bin("+", base, b.num(off)));
    },
  };
}

/** Grid-indexed extras' bases h = (j + P - r) / S per dim (the window of slot 0 at stride 1); slots are offset from them. */
function extraBases(ctx: PullContext, usedBases: ReadonlySet<number>, res: readonly number[]): ES.Statement[] {
  const { spec, p } = ctx;
  return [...usedBases].sort((x, y) => x - y).map((j) => {
    const e = p.gridDims[j]!.reduce<ES.Expression | null>((acc, gd, i) => {
      const S = spec.strides[gd]!;
      const shifted = b.bin("+", b.id(`j${gd}`), b.num(spec.padding[gd]![0] - res[gd]!));
      const h = S === 1 ? shifted : b.bin("/", shifted, b.num(S));
      const term = b.bin("*", h, b.num(ctx.extraMult[j]![i]!));
      return acc === null ? term : b.bin("+", acc, term);
    }, null);
    return b.constDecl(`eb${j}`, e!);
  });
}

/** Code at one output cell of the box with intervals `iv` and residue classes `res`: sum its slots' values, write once. */
function cellCode(ctx: PullContext, iv: readonly number[], res: readonly number[]): ES.Statement[] {
  const { terms } = ctx;
  const interior = ctx.reads && iv.every((i, d) => ctx.geometry.readsInside(d, i));
  const box = ctx.boxes++;
  const on = ctx.geometry.boxTerms(iv, res);
  const invariant = on.every((t) => terms[t.branch]![t.k]!.every((v) => v === null || !ctx.varies(v)));
  // names by slot, and by slot and term where a slot occurs more than once (windows read through the pad mode)
  const repeated = new Set(on.filter((t, i) => on.findIndex((u) => u.k === t.k) !== i).map((t) => t.k));
  const stmts: ES.Statement[] = [];
  const usedBases = new Set<number>();
  const sums = ctx.float32.map(() => [] as ES.Expression[]);
  // the windows that read this cell, in the order they are visited (slots in reverse row-major order when no read is aliased)
  on.forEach((t, ti) => {
    const tag = repeated.has(t.k) ? `${t.k}_${ti}` : `${t.k}`;
    const emitter = new NodeEmitter(slotLeaves(ctx, t, interior, tag, res, usedBases), invariant ? `z${box}_${tag}_` : `s${tag}_`);
    terms[t.branch]![t.k]!.forEach((v, j) => v !== null && sums[j]!.push(emitter.emit(v)));
    stmts.push(...emitter.stmts);
    ctx.totalTerms++;
  });
  const totals = sums.map((vals, j) => {
    let acc: ES.Expression = b.num(0);
    for (const v of vals) acc = ctx.float32[j] ? b.mathCall("fround", [b.bin("+", acc, v)]) : b.bin("+", acc, v);
    return acc;
  });
  if (invariant) {
    // (a constant cotangent, as in the gradient of a sum: V8 would hoist it too, but the cost estimate would not see that)
    ctx.invariantSums.push(...stmts, ...totals.map((acc, j) => b.constDecl(`z${box}_${j}`, acc)));
    ctx.opsPerCell = Math.max(ctx.opsPerCell, totals.length);
    return totals.map((_, j) => b.assign(b.index(b.id(`o${j}`), b.id("p")), b.id(`z${box}_${j}`)));
  }
  const writes = totals.map((acc, j) => b.assign(b.index(b.id(`o${j}`), b.id("p")), acc));
  ctx.opsPerCell = Math.max(ctx.opsPerCell, stmts.length + writes.length);
  return [...extraBases(ctx, usedBases, res), ...stmts, ...writes];
}

/** `for (j = from; j < to; j++)`, or with a stride S the cells of [from, to) with (j + P) mod S = r, stepping by S. */
function residueLoop(spec: StencilSpec, d: number, r: number, from: ES.Expression, to: ES.Expression, body: ES.Statement[]): ES.Statement {
  const S = spec.strides[d]!;
  if (S === 1) return b.forRange(`j${d}`, from, to, body);
  const v = `j${d}`;
  // the first j >= from in the class: from + ((r - P - from) mod S)
  const lag = b.bin("%", b.bin("+", b.bin("%", b.bin("-", b.num(r - spec.padding[d]![0]), from), b.num(S)), b.num(S)), b.num(S));
  return {
    type: "ForStatement",
    init: b.constDecl(v, b.bin("+", from, lag), "let"),
    test: b.bin("<", b.id(v), to),
    update: { type: "AssignmentExpression", operator: "+=", left: b.id(v), right: b.num(S) },
    body: b.block(body),
  };
}

/** The loops over dims d.. of the boxes inside intervals `iv` and residues `res`, for the split dim's interval `only`. */
function nestCode(ctx: PullContext, d: number, iv: number[], res: number[], only: number): ES.Statement[] {
  const { nd, spec, splitDim, inStrides } = ctx;
  if (d === nd) return cellCode(ctx, iv, res);
  const out: ES.Statement[] = [];
  for (let i = 0; i < ctx.geometry.counts[d]!; i++) {
    if (d === splitDim && i !== only) continue;
    const [lo, hi] = [ctx.geometry.cuts[d]![i]!, ctx.geometry.cuts[d]![i + 1]!];
    for (const r of ctx.geometry.residues(d, i)) {
      const perCell: ES.Statement[] = [b.constDecl(`p${d}`, d === 0 ? b.bin("*", b.id("j0"), b.num(inStrides[0]!)) : b.bin("+", b.id(`p${d - 1}`), b.bin("*", b.id(`j${d}`), b.num(inStrides[d]!))))];
      if (d === nd - 1) perCell.push(b.constDecl("p", b.id(`p${d}`)));
      const from = d === splitDim ? b.mathCall("max", [b.num(lo), b.id("lo")]) : b.num(lo);
      const to = d === splitDim ? b.mathCall("min", [b.num(hi), b.id("hi")]) : b.num(hi);
      if (d < nd - 1) {
        out.push(residueLoop(spec, d, r, from, to, [...perCell, ...nestCode(ctx, d + 1, [...iv, i], [...res, r], only)]));
        continue;
      }
      // an innermost loop, with the sums that are the same at each of its cells computed before it
      ctx.invariantSums = [];
      const loop = residueLoop(spec, d, r, nd === 1 ? from : b.id("glo"), nd === 1 ? to : b.id("ghi"), [...perCell, ...nestCode(ctx, d + 1, [...iv, i], [...res, r], only)]);
      const before = ctx.invariantSums;
      if (nd === 1) {
        out.push(...before, loop);
        continue;
      }
      out.push(ctx.innermost.call(ctx.outerNames, [...before, loop], from, to));
    }
  }
  return out;
}

/**
 * The pull form of a gather's loop nest, or null when it does not apply
 * (emitStencil then emits the push form).
 */
export function emitPullGather(loopNest: LoopNest): StencilCode | null {
  const branchAt = windowBranches(loopNest);
  if (branchAt === null) return null;
  const p = loopNest.params;
  const { spec, nWindowed } = p;
  const kernel = p.branches[0]!.kernel;
  const extraShapes = loopNest.extraShapes;
  const nd = spec.inShape.length;
  const K = spec.kernelSize;
  const slots = sizeOf(K);
  const kStrides = stridesOf(K);
  const slotCell = (c: number): number[] => K.map((_, d) => Math.floor(c / kStrides[d]!) % K[d]!);

  const nb = new NodeBuilder();
  const windows: SValue[] = Array.from({ length: nWindowed }, (_, j) => ({ shape: K, nodes: Array.from({ length: slots }, (_, c) => nb.read(j, c)) }));
  const extras: SValue[] = extraShapes.map((s, j) => {
    const rest = s.slice(p.gridDims[j]!.length);
    return { shape: rest, nodes: Array.from({ length: sizeOf(rest) }, (_, f) => nb.extra(j, f)) };
  });
  const pulled = slotTerms(nb, p, [...windows, ...extras], slots);
  if (pulled === null) return null;
  const { terms, everyNode } = pulled;
  const outs = kernel.outputs;
  const reads = under(everyNode).some((n) => n.kind === "read");
  // per dim: the slot indices of the slots with a value in some kernel (the others add nothing, and cut nothing)
  const live = K.map((_, d) => [...new Set(terms.flatMap((bt) => bt.flatMap((t, k) => (t.some((n) => n !== null) ? [slotCell(k)[d]!] : []))))]);
  const hasValue = (branch: number, k: number): boolean => terms[branch]![k]!.some((v) => v !== null);
  const geometry = pullGeometry(spec, kernelCuts(loopNest), live, reads, branchAt, hasValue);
  const extraRest = extraShapes.map((s, j) => sizeOf(s.slice(p.gridDims[j]!.length)));
  const varying = new Map<number, boolean>();
  const varies = (n: SNode): boolean => {
    if (n.kind === "const") return false;
    if (n.kind === "read") return true;
    if (n.kind === "extra") return p.gridDims[n.input]!.length > 0;
    let v = varying.get(n.id);
    if (v === undefined) varying.set(n.id, (v = operands(n).some(varies)));
    return v;
  };
  // the first dim whose grid has more than one cell: threads split it, and each of its intervals is a function
  let splitDim = 0;
  while (splitDim < nd - 1 && spec.gridShape[splitDim] === 1) splitDim++;
  const ctx: PullContext = {
    p, spec, nd, slotCell, terms, reads, geometry, varies, splitDim,
    inStrides: stridesOf(spec.inShape),
    axes: spec.inShape.map((_, d) => readTable(spec, d)),
    hoisted: new Map(),
    // a grid-indexed extra at window g: (Σ_i g[dims[i]]·M_i)·rest, M the row-major strides of its grid part
    extraMult: extraShapes.map((s, j) => stridesOf(s.slice(0, p.gridDims[j]!.length)).map((m) => m * extraRest[j]!)),
    float32: outs.map((o) => o.aval.dtype === "float32"),
    padOf: (j) => (kernel.inputs[j]?.aval.dtype === "float32" ? Math.fround(spec.padValue) : spec.padValue),
    // innermost loops inside outer loops are functions of their own (loop-functions.ts)
    innermost: new LoopFunctions(),
    outerNames: Array.from({ length: nd - 1 }, (_, d) => [`j${d}`, `p${d}`]).flat(),
    opsPerCell: 0,
    totalTerms: 0,
    boxes: 0,
    invariantSums: [],
  };
  const runnerLoops = Array.from({ length: geometry.counts[splitDim]! }, (_, i) => nestCode(ctx, 0, [], [], i));
  if (ctx.totalTerms > MAX_PULL_TERMS) return null;
  const head = bufferDecls(nWindowed, extraShapes.length, outs.length, nd);
  const shared = [...head, ...ctx.hoisted.values()].map(declaredName);
  ctx.innermost.share(shared);
  const { runners, calls } = runnerFunctions(runnerLoops, shared);
  const stencilFn = b.fn(["f", "t", "s", "lo", "hi", "k"], [...head, ...ctx.hoisted.values(), ...calls]);
  const schedule: Schedule = { rows: true, adds: false, partialRows: 0, stepDims: 0, splitDim, steps: 1, n: spec.inShape[splitDim]!, parallel: true };
  return { body: generate(b.program([...ctx.innermost.decls, ...runners, b.ret(stencilFn)])), tables: ctx.axes.map((a) => a.table), schedule, opsPerCell: ctx.opsPerCell };
}
