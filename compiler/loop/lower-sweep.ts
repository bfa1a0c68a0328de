/**
 * @file Lowering of `scan_sweep` (the reverse sweep of a scan's vjp, see
 * compiler/scan-sweep.ts) to the lowered loop IR (lowered-ir.ts), printed
 * by the one emitter (codegen/emit-js.ts) as stencils are. One loop nest
 * over the grid in reverse visiting order, run on one thread (the sweep is
 * as sequential as the scan); per cell:
 *
 *   b<d> = g<d>·S - P;  og<d>: the flat grid cell;  c<d> = b<d> + centre
 *   dv<j>: the cotangent of output j at the cell (read, or computed by its map)
 *   if cell in region of branch B: <B's vjp (lower-sweep-branch.ts)>  else if …
 *   else (no branch): if centre inside: a<j>[cf] += dv<j>
 *
 * The generated function takes, as stencils do, `(f, t, s, lo, hi, k)`:
 * f holds the windowed inputs X, outputs Y, extras, captured values, the
 * present cotangents (an array, or a map's inputs), then the outputs: one
 * accumulator a<j> per windowed input (zeroed, or holding the in-place
 * cotangent), one ab<j> per extra (zeroed); t the tables of sweep-tables.ts
 * (T, V, then R). s, lo, hi and k are unused: the whole grid runs.
 */
import { sizeOf, stridesOf } from "../ir";
import { windowStart, centreOffset } from "../interpret";
import type { DType, ScanSweepParams, StencilParams, StencilSpec } from "../primitives";
import { ctInputs } from "../scan-sweep";
import { NodeBuilder, scalarize, type SValue } from "../codegen/scalarize";
import { ix, ref, type Buffer, type IndexExpr, type LoweredCode, type Operand, type Stmt } from "./lowered-ir";
import { KernelLowering } from "./lower-kernel";
import { branchCode, centreInside, centreLet } from "./lower-sweep-branch";
import type { Schedule } from "./schedule";
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
  /** Scalar inputs read once per call, by name, in first-use order. */
  readonly hoisted: Map<string, Stmt>;
  /** Statements of the longest branch at one cell. */
  opsPerCell: number;
}

/** The buffers of a sweep, in the calling convention's order (see the file header). */
function sweepBuffers(ctx: SweepContext, shapes: readonly (readonly number[])[], tables: readonly Int32Array[]): Buffer[] {
  const { W, E, p } = ctx;
  const out: Buffer[] = [];
  let slot = 0;
  const take = (name: string, role: Buffer["role"]): void => {
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
  for (let j = 0; j < E; j++) out.push({ name: `ab${j}`, source: "f", index: slot++, role: "output", writable: true, length: sizeOf(ctx.extraShapes[j]!) });
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

/** The branches as an if-chain on the step's centre, the last branch first; cells no branch covers pass their cotangent to x̄ at the centre. */
function branchChain(ctx: SweepContext, dv: readonly (Operand | null)[]): Stmt[] {
  const { spec } = ctx;
  const uncovered: Stmt[] = ctx.inplace ? [] : dv.flatMap((d, j): Stmt[] => (d === null ? [] : [{ kind: "store", buffer: `a${j}`, at: v("cf"), value: d, op: "add", guarded: false }]));
  let chain: Stmt[] = uncovered.length === 0 ? [] : [{ kind: "if", test: centreInside(ctx), then: [centreLet(ctx), ...uncovered], else: [] }];
  ctx.scan.branches.forEach((br, bi) => {
    const code = branchCode(ctx, ctx.p.adjoints[bi]!, dv);
    const r = br.region;
    if (r === null) {
      chain = code;
      return;
    }
    const tests = spec.inShape.map((_, d) => {
      const c = v(`c${d}`);
      const t = ix.and(ix.cmp(">=", c, r.start[d]!), ix.cmp("<", c, r.stop[d]!));
      return r.step[d] === 1 ? t : ix.and(t, ix.cmp("===", ix.mod(ix.add(c, -r.start[d]!), r.step[d]!), 0));
    });
    chain = [{ kind: "if", test: tests.reduce((a, t) => ix.and(a, t)), then: code, else: chain }];
  });
  return chain;
}

/** The loops over the grid in reverse visiting order, with the cell's code innermost. */
function sweepLoops(ctx: SweepContext, shapes: readonly (readonly number[])[]): Stmt[] {
  const { spec, nd, scan } = ctx;
  const [ctCode, dv] = cotangents(ctx, shapes);
  const centres: Stmt[] = spec.inShape.map((_, d) => ({ kind: "let", name: `c${d}`, value: ix.add(v(`b${d}`), centreOffset(scan, d)) }));
  let body: Stmt[] = [...centres, ...ctCode, ...branchChain(ctx, dv)];
  for (let d = nd - 1; d >= 0; d--) {
    const og: IndexExpr = d === 0 ? v("g0") : ix.add(ix.mul(v(`og${d - 1}`), spec.gridShape[d]!), v(`g${d}`));
    const lets: Stmt[] = [
      { kind: "let", name: `b${d}`, value: ix.add(ix.mul(v(`g${d}`), spec.strides[d]!), windowStart(scan, d, 0)) },
      { kind: "let", name: `og${d}`, value: og },
    ];
    body = [{ kind: "for", v: `g${d}`, from: ix.num(0), to: ix.num(spec.gridShape[d]!), step: 1, reverse: !spec.reverse, dim: d, split: false, body: [...lets, ...body] }];
  }
  return body;
}

/** A sweep runs on the calling thread, over the whole grid, adding onto its accumulators. */
function sweepSchedule(spec: StencilSpec): Schedule {
  return { rows: false, adds: true, partialRows: 0, stepDims: 0, splitDim: 0, steps: 1, n: spec.gridShape[0]!, parallel: false };
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
  const ctx: SweepContext = {
    p, scan, spec, W, E, f32,
    nd: spec.inShape.length,
    inplace: spec.placement === "inplace",
    pad: f32 ? Math.fround(spec.padValue) : spec.padValue,
    extraShapes: shapes.slice(2 * W, 2 * W + E + p.nCaptured),
    inStrides: stridesOf(spec.inShape),
    kStrides: stridesOf(spec.kernelSize),
    tables: sweepTables(scan),
    hoisted: new Map(),
    opsPerCell: 0,
  };
  const loops = sweepLoops(ctx, shapes);
  const t = ctx.tables;
  const tables = [...t.reads, ...t.writers, ...t.regions.flat()];
  const body: Stmt[] = [...ctx.hoisted.values(), { kind: "block", role: "runner", params: [], body: loops }];
  return { buffers: sweepBuffers(ctx, shapes, tables), fns: [], body, tables, schedule: sweepSchedule(spec), extents: spec.gridShape, opsPerCell: ctx.opsPerCell };
}
