/**
 * @file What a stencil (or push-form gather) does at one grid cell, as
 * lowered statements: the kernel's reads (a constant flat offset from the
 * window start `q` inside the input, read-table lookups with the pad value
 * at its border), its operations, and its stores (output cell, centre
 * write of a scan, reduce accumulator, or adds onto the cells a gather's
 * window read). lower-stencil.ts builds the loops around it.
 *
 *   interior read:  x[q + OFF]                       (OFF constant)
 *   border read:    i = t0[b0 + k0·d0 + P0] + …;  i < 0 ? padValue : x[i]
 */
import { sizeOf, stridesOf } from "../ir";
import type { StencilParams, StencilSpec } from "../primitives";
import { NodeBuilder, scalarize, type SValue } from "../codegen/scalarize";
import { ix, numOperand, ref, type IndexExpr, type Operand, type Stmt, type Test } from "./lowered-ir";
import { isPlusZero, KernelLowering, type ExtraNode, type KernelLeaves, type ReadNode } from "./lower-kernel";
import type { Schedule } from "./schedule";

/** What the code at every cell of a stencil shares. */
export interface CellContext {
  readonly p: StencilParams;
  readonly spec: StencilSpec;
  readonly schedule: Schedule;
  readonly nd: number;
  readonly gather: boolean;
  /** A scan (not a gather): writes its centre back into the working arrays. */
  readonly scan: boolean;
  /** The working arrays are the outputs (scanWritesInPlace). */
  readonly inPlace: boolean;
  readonly inStrides: readonly number[];
  /** Per dim, the window's centre offset from its start. */
  readonly centre: readonly number[];
  /** Per dim, the read table's shift (coordinate c is at t<d>[c + shift]). */
  readonly shifts: readonly number[];
  readonly extraShapes: readonly (readonly number[])[];
  readonly outElems: readonly number[];
  readonly outF32: readonly boolean[];
  /** Scalar extra inputs read once per call: `c<j>_<f> = e<j>[f]`, by name, in first-use order. */
  readonly hoisted: Map<string, Stmt>;
  /** Statements of the longest kernel body so far. */
  opsPerCell: number;
}

const v = ix.v;

/** The flat index of window cell `cell` (per dim) from the window start, inside the input. */
function flatOffset(ctx: CellContext, cell: readonly number[]): number {
  return cell.reduce((acc, k, d) => acc + k * ctx.spec.dilation[d]! * ctx.inStrides[d]!, 0);
}

/** Σ_d table<d>[b<d> + cell_d·dil_d + shift_d]: where window cell `cell` reads, or a negative sentinel. */
function tableIndex(ctx: CellContext, cell: readonly number[], table: (d: number) => string): IndexExpr {
  return ix.sum(cell.map((k, d) => ix.table(table(d), ix.add(v(`b${d}`), k * ctx.spec.dilation[d]! + ctx.shifts[d]!))));
}

/** The window start's flat index at the innermost loop. */
function q(ctx: CellContext): IndexExpr {
  return v(`q${ctx.nd - 1}`);
}

/** Border cells: is the window's centre inside the input? */
export function centreInside(ctx: CellContext): Test {
  const tests = ctx.centre.map((c, d) => {
    const at = ix.add(v(`b${d}`), c);
    return ix.and(ix.cmp(">=", at, 0), ix.cmp("<", at, ctx.spec.inShape[d]!));
  });
  return tests.reduce((acc, t) => ix.and(acc, t));
}

/** The centre's flat index at a border cell. */
export function centreFlat(ctx: CellContext): IndexExpr {
  return ix.sum(ctx.centre.map((c, d) => ix.mul(ix.add(v(`b${d}`), c), ctx.inStrides[d]!)));
}

/** Store `value` at the window's centre of `buffer` (guarded at border cells). */
function centreWrite(ctx: CellContext, buffer: string, value: Operand, interior: boolean): Stmt {
  if (interior) return { kind: "store", buffer, at: ix.add(q(ctx), ctx.centre.reduce((acc, c, d) => acc + c * ctx.inStrides[d]!, 0)), value, op: "set", guarded: false };
  return { kind: "if", test: centreInside(ctx), then: [{ kind: "store", buffer, at: centreFlat(ctx), value, op: "set", guarded: false }], else: [] };
}

/** The kernel's window and extra inputs as scalar nodes. */
function kernelInputs(ctx: CellContext, nb: NodeBuilder): SValue[] {
  const { spec, p } = ctx;
  const windows: SValue[] = Array.from({ length: p.nWindowed }, (_, j) => ({ shape: spec.kernelSize, nodes: Array.from({ length: sizeOf(spec.kernelSize) }, (_, c) => nb.read(j, c)) }));
  const extras: SValue[] = ctx.extraShapes.map((s, j) => {
    const rest = s.slice(p.gridDims[j]!.length);
    return { shape: rest, nodes: Array.from({ length: sizeOf(rest) }, (_, f) => nb.extra(j, f)) };
  });
  return [...windows, ...extras];
}

/** The reads of a kernel at a cell: flat offsets inside, tables (with the pad value) at the border. */
function cellLeaves(ctx: CellContext, branch: number, interior: boolean): KernelLeaves {
  const { spec, p } = ctx;
  const kStrides = stridesOf(spec.kernelSize);
  const kernel = p.branches[branch]!.kernel;
  return {
    read: (node: ReadNode, out: Stmt[]) => {
      const cell = spec.kernelSize.map((_, d) => Math.floor(node.cell / kStrides[d]!) % spec.kernelSize[d]!);
      const buffer = `x${node.input}`;
      if (interior) return { kind: "load", buffer, at: ix.add(q(ctx), flatOffset(ctx, cell)) };
      const at = `i${node.id}`;
      out.push({ kind: "let", name: at, value: tableIndex(ctx, cell, (d) => `t${d}`) });
      // a float32 window holds the pad value as float32, as the interpreter's window does
      const pad = kernel.inputs[node.input]?.aval.dtype === "float32" ? Math.fround(spec.padValue) : spec.padValue;
      return { kind: "padLoad", buffer, at, pad };
    },
    extra: (node: ExtraNode) => {
      if (p.gridDims[node.input]!.length === 0) {
        const name = `c${node.input}_${node.flat}`;
        if (!ctx.hoisted.has(name)) ctx.hoisted.set(name, { kind: "value", name, value: { kind: "load", buffer: `e${node.input}`, at: ix.num(node.flat) } });
        return ref(name);
      }
      return { kind: "load", buffer: `e${node.input}`, at: ix.add(v(`eb${node.input}`), node.flat) };
    },
  };
}

/** Extra inputs indexed by grid cell: the flat base `eb<j>` of the cell's part. */
function extraBases(ctx: CellContext): Stmt[] {
  const { p } = ctx;
  const out: Stmt[] = [];
  p.gridDims.forEach((dims, j) => {
    if (dims.length === 0) return;
    const shape = ctx.extraShapes[j]!;
    const rest = sizeOf(shape.slice(dims.length));
    let e: IndexExpr | null = null;
    dims.forEach((gd, i) => {
      e = e === null ? v(`g${gd}`) : ix.add(ix.mul(e, shape[i]!), v(`g${gd}`));
    });
    out.push({ kind: "let", name: `eb${j}`, value: ix.mul(e!, rest) });
  });
  return out;
}

/** The stores of output j's values at a cell, and how many statements they count as. */
function outputStores(ctx: CellContext, j: number, vals: readonly Operand[], interior: boolean, masked: boolean): [Stmt[], number] {
  const { spec, p, schedule } = ctx;
  const out = `o${j}`;
  const og = v(`og${ctx.nd - 1}`);
  if (ctx.gather) {
    // adjoint of the window reads: add each window cell's value onto the cell it read
    const kStrides = stridesOf(spec.kernelSize);
    const stmts: Stmt[] = [];
    let count = 0;
    vals.forEach((value, c) => {
      if (isPlusZero(value)) return;
      const cell = spec.kernelSize.map((_, d) => Math.floor(c / kStrides[d]!) % spec.kernelSize[d]!);
      if (interior) {
        stmts.push({ kind: "store", buffer: out, at: ix.add(q(ctx), flatOffset(ctx, cell)), value, op: "add", guarded: false });
        count++;
        return;
      }
      const name = `w${c}`;
      stmts.push({ kind: "let", name, value: tableIndex(ctx, cell, (d) => (masked && d === schedule.splitDim ? `m${d}` : `t${d}`)) });
      stmts.push({ kind: "store", buffer: out, at: v(name), value, op: "add", guarded: true });
      count += 2;
    });
    return [stmts, count];
  }
  if (ctx.scan) {
    const stmts: Stmt[] = [];
    if (!ctx.inPlace) stmts.push({ kind: "store", buffer: out, at: og, value: vals[0]!, op: "set", guarded: false });
    stmts.push(centreWrite(ctx, `x${j}`, vals[0]!, interior));
    return [stmts, stmts.length];
  }
  if (p.reduceGrid) {
    // into the innermost loop's accumulators (see reduceAccumulators in lower-stencil.ts)
    const stmts: Stmt[] = vals.flatMap((value, f): Stmt[] => (isPlusZero(value) ? [] : [{ kind: "accumulate", name: `a${j}_${f}`, value, float32: ctx.outF32[j]! }]));
    return [stmts, stmts.length];
  }
  if (spec.placement === "inplace") return [[centreWrite(ctx, out, vals[0]!, interior)], 1];
  const n = ctx.outElems[j]!;
  const stmts: Stmt[] = vals.map((value, f) => ({ kind: "store", buffer: out, at: n === 1 ? og : ix.add(ix.mul(og, n), f), value, op: "set", guarded: false }));
  return [stmts, stmts.length];
}

/** A branch's kernel scalarized once per lowering (every leaf it owns shares its nodes), by context and branch. */
const scalarCache = new WeakMap<CellContext, Map<number, SValue[]>>();

function scalarized(ctx: CellContext, branch: number): SValue[] {
  let byBranch = scalarCache.get(ctx);
  if (byBranch === undefined) scalarCache.set(ctx, (byBranch = new Map()));
  let outs = byBranch.get(branch);
  if (outs === undefined) {
    const nb = new NodeBuilder();
    outs = scalarize(nb, ctx.p.branches[branch]!.kernel, kernelInputs(ctx, nb));
    byBranch.set(branch, outs);
  }
  return outs;
}

/**
 * Straight-line code of one kernel at one grid cell. `masked`: a gather's
 * adds along the split dim go through the table `m<d>` (lower-gather-rows.ts).
 */
export function kernelCode(ctx: CellContext, branch: number, interior: boolean, masked: boolean): Stmt[] {
  const outs = scalarized(ctx, branch);
  const lowering = new KernelLowering(cellLeaves(ctx, branch, interior));
  const values = outs.map((o) => o.nodes.map((n) => lowering.operand(n)));
  const stores: Stmt[] = [];
  let storeCount = 0;
  values.forEach((vals, j) => {
    const [stmts, count] = outputStores(ctx, j, vals, interior, masked);
    stores.push(...stmts);
    storeCount += count;
  });
  ctx.opsPerCell = Math.max(ctx.opsPerCell, lowering.stmts.length + storeCount);
  return [...extraBases(ctx), ...lowering.stmts, ...stores];
}

/** A scan's cells that no kernel covers copy their centre (or the pad value) to the output. */
export function uncoveredCode(ctx: CellContext): Stmt[] {
  if (!ctx.scan || ctx.inPlace) return [];
  const og = v(`og${ctx.nd - 1}`);
  return ctx.outElems.map((_, j): Stmt => {
    const inside: Stmt[] = [{ kind: "value", name: `u${j}`, value: { kind: "load", buffer: `x${j}`, at: centreFlat(ctx) } }, { kind: "store", buffer: `o${j}`, at: og, value: ref(`u${j}`), op: "set", guarded: false }];
    return { kind: "if", test: centreInside(ctx), then: inside, else: [{ kind: "store", buffer: `o${j}`, at: og, value: numOperand(ctx.spec.padValue), op: "set", guarded: false }] };
  });
}
