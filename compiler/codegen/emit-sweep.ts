/**
 * @file Code generation for `scan_sweep` (the reverse sweep of a scan, see
 * compiler/scan-sweep.ts): one loop nest over the grid in reverse visiting
 * order, with each branch's kernel vjp inlined as straight-line code.
 *
 * Signature, as for stencils: a factory returning `(f, t)`. f: windowed
 * inputs X, outputs Y, extras, captured values, present cotangents D, then
 * the outputs: one accumulator per windowed input (zeroed, or holding the
 * in-place cotangent), one per extra (zeroed). t: per-dim tables indexed by
 * padded coordinate + shift:
 *
 *   T_d: the cell read (source index · stride), or PAD_SENTINEL for the pad value
 *   V_d: the grid offset of that cell's writer (its grid index · grid stride), or PAD_SENTINEL
 *   R_b_d: 1 when the cell lies in branch b's region along d (writers must be covered)
 *
 * so one window read is `q = T0[..] + T1[..]` (negative: pad value), and it
 * saw the output when its writer `w = V0[..] + V1[..]` is a covered grid cell
 * visited before the current one (w < og; w > og for reverse scans).
 */
import type * as ES from "estree";
import { generate } from "astring";
import { sizeOf, stridesOf, type Program } from "../ir";
import { centreOffset, windowStart } from "../geometry/window";
import { padIndex } from "../geometry/pad-index";
import type { DType, ScanSweepParams } from "../primitives";
import * as b from "./estree";
import { ctInputs } from "../scan-sweep";
import { PAD_SENTINEL, readTable } from "./read-table";
import { NodeEmitter } from "./scalar-expr";
import { NodeBuilder, scalarize, type SNode, type SValue } from "./scalarize";

/** Generated code of a sweep and the constant tables it reads. */
export interface SweepCode {
  readonly body: string;
  readonly tables: readonly Int32Array[];
}

/**
 * Emit the sweep of `p`. `shapes`: of its inputs; `dtype`: of the accumulators.
 */
export function emitSweep(p: ScanSweepParams, shapes: readonly (readonly number[])[], dtype: DType): SweepCode {
  const scan = p.scan;
  const { spec, nWindowed: W } = scan;
  const E = scan.gridDims.length;
  const C = p.nCaptured;
  const extraShapes = shapes.slice(2 * W, 2 * W + E + C);
  const ctShapes = ctInputs(p, shapes);
  const nd = spec.inShape.length;
  const grid = spec.gridShape;
  const inStrides = stridesOf(spec.inShape);
  const gridStrides = stridesOf(grid);
  const inplace = spec.placement === "inplace";
  const f32 = dtype === "float32";
  const round = (e: ES.Expression) => (f32 ? b.mathCall("fround", [e]) : e);
  const pad = f32 ? Math.fround(spec.padValue) : spec.padValue;

  // per-dim tables over padded coordinates: what is read (as for stencils), and its writer
  const shifts: number[] = [];
  const T: Int32Array[] = [];
  const V: Int32Array[] = [];
  const coordAt: ((i: number) => number)[] = [];
  for (let d = 0; d < nd; d++) {
    const { table, shift } = readTable(spec, d);
    const n = spec.inShape[d]!;
    const base = windowStart(scan, d, 0) + centreOffset(scan, d);
    const v = new Int32Array(table.length);
    for (let i = 0; i < table.length; i++) {
      const q = padIndex(i - shift, n, spec.padMode[d]!);
      const g = (q - base) / spec.strides[d]!;
      v[i] = q < 0 || !Number.isInteger(g) || g < 0 || g >= grid[d]! ? PAD_SENTINEL : g * gridStrides[d]!;
    }
    shifts.push(shift);
    T.push(table);
    V.push(v);
    coordAt.push((i) => padIndex(i - shift, n, spec.padMode[d]!));
  }
  // coverage of writers: per branch with a region, per dim, is the cell inside it?
  const allCovered = scan.branches.some((br) => br.region === null);
  const R: Int32Array[][] = allCovered
    ? []
    : scan.branches.map((br) =>
        T.map((t, d) => {
          const r = br.region!;
          return Int32Array.from({ length: t.length }, (_, i) => {
            const q = coordAt[d]!(i);
            return q >= r.start[d]! && q < r.stop[d]! && (q - r.start[d]!) % r.step[d]! === 0 ? 1 : 0;
          });
        }),
      );
  const tables = [...T, ...V, ...R.flat()];

  const head: ES.Statement[] = [];
  let slot = 0;
  const take = (name: string) => head.push(b.constDecl(name, b.index(b.id("f"), b.num(slot++))));
  for (let j = 0; j < W; j++) take(`x${j}`);
  for (let j = 0; j < W; j++) take(`y${j}`);
  for (let j = 0; j < E; j++) take(`e${j}`);
  for (let j = 0; j < C; j++) take(`k${j}`);
  ctShapes.forEach((ins, j) => {
    if (ins.length === 0) return;
    if ((p.ctMaps?.[j] ?? null) === null) take(`d${j}`);
    else ins.forEach((_, i) => take(`m${j}_${i}`));
  });
  for (let j = 0; j < W; j++) take(`a${j}`);
  for (let j = 0; j < E; j++) take(`ab${j}`);
  tables.forEach((_, i) => head.push(b.constDecl(`t${i}`, b.index(b.id("t"), b.num(i)))));
  const hoisted = new Map<string, ES.Statement>();
  const rName = (br: number, d: number) => `t${2 * nd + br * nd + d}`;

  const centre = spec.inShape.map((_, d) => centreOffset(scan, d));
  const extraRest = extraShapes.slice(0, E).map((s, j) => sizeOf(s.slice(scan.gridDims[j]!.length)));
  const kStrides = stridesOf(spec.kernelSize);
  const cellOf = (c: number) => spec.kernelSize.map((k, d) => Math.floor(c / kStrides[d]!) % k);
  const sawBefore = spec.reverse ? ">" : "<";

  /** The code of branch `br` at one covered grid cell. */
  const branchCode = (br: number, adjoint: Program): ES.Statement[] => {
    const nb = new NodeBuilder();
    const windows: SValue[] = Array.from({ length: W }, (_, j) => ({ shape: spec.kernelSize, nodes: Array.from({ length: sizeOf(spec.kernelSize) }, (_, c) => nb.read(j, c)) }));
    const leaves: SValue[] = extraShapes.map((s, i) => {
      const shape = i < E ? s.slice(scan.gridDims[i]!.length) : s;
      const input = i < E ? i : i + W;
      return { shape, nodes: Array.from({ length: sizeOf(shape) }, (_, f) => nb.extra(input, f)) };
    });
    const lambdas: SValue[] = Array.from({ length: W }, (_, j) => ({ shape: [], nodes: [nb.extra(E + j, 0)] }));
    const outs = scalarize(nb, adjoint, [...windows, ...leaves.slice(0, E), ...lambdas, ...leaves.slice(E)]);

    const stmts: ES.Statement[] = [];
    // λ(g): the cotangent of this step's results, taken out of the accumulator at the centre
    for (let j = 0; j < W; j++) {
      const own = !inplace && p.hasCt[j] ? b.id(`dv${j}`) : b.num(0);
      const taken = b.bin("+", own, b.index(b.id(`a${j}`), b.id("cf")));
      stmts.push(b.constDecl(`l${j}`, b.cond(b.bin(">=", b.id("cf"), b.num(0)), round(taken), own)));
      stmts.push(b.ifStmt(b.bin(">=", b.id("cf"), b.num(0)), [b.assign(b.index(b.id(`a${j}`), b.id("cf")), b.num(0))]));
    }
    const cellsDone = new Set<number>();
    const sawDone = new Set<number>();
    const at = (c: number, d: number) => {
      const off = cellOf(c)[d]! * spec.dilation[d]! + shifts[d]!;
      return off === 0 ? b.id(`b${d}`) : b.bin("+", b.id(`b${d}`), b.num(off));
    };
    const tableSum = (c: number, name: (d: number) => string) => {
      let e: ES.Expression | null = null;
      for (let d = 0; d < nd; d++) {
        const term = b.index(b.id(name(d)), at(c, d));
        e = e === null ? term : b.bin("+", e, term);
      }
      return e!;
    };
    /** `q{c}`: where window cell c reads (negative: the pad value). */
    const cellCode = (c: number, into: ES.Statement[]): void => {
      if (cellsDone.has(c)) return;
      cellsDone.add(c);
      into.push(b.constDecl(`q${c}`, tableSum(c, (d) => `t${d}`)));
    };
    /** `w{c}`, `s{c}`: its writer, and whether that writer ran before this step. */
    const sawCode = (c: number, into: ES.Statement[]): void => {
      if (sawDone.has(c)) return;
      sawDone.add(c);
      into.push(b.constDecl(`w${c}`, tableSum(c, (d) => `t${nd + d}`)));
      let saw: ES.Expression = b.logical("&&", b.bin(">=", b.id(`w${c}`), b.num(0)), b.bin(sawBefore, b.id(`w${c}`), b.id("og")));
      if (!allCovered) {
        let cov: ES.Expression | null = null;
        scan.branches.forEach((_, bi) => {
          let inside: ES.Expression | null = null;
          for (let d = 0; d < nd; d++) {
            const term = b.index(b.id(rName(bi, d)), at(c, d));
            inside = inside === null ? term : b.bin("&", inside, term);
          }
          cov = cov === null ? inside! : b.bin("|", cov, inside!);
        });
        saw = b.logical("&&", saw, b.bin("!==", cov!, b.num(0)));
      }
      into.push(b.constDecl(`s${c}`, saw));
    };
    const emitter = new NodeEmitter({
      read: (node, into) => {
        cellCode(node.cell, into);
        sawCode(node.cell, into);
        const c = node.cell;
        const fromY = b.index(b.id(`y${node.input}`), inplace ? b.id(`q${c}`) : b.id(`w${c}`));
        const seen = b.cond(b.id(`s${c}`), fromY, b.index(b.id(`x${node.input}`), b.id(`q${c}`)));
        return b.cond(b.bin("<", b.id(`q${c}`), b.num(0)), b.num(node.input >= (p.zeroPadFrom ?? W) ? 0 : pad), seen);
      },
      extra: (node) => {
        const i = node.input;
        if (i >= E && i < E + W) return b.id(`l${i - E}`);
        if (i < E && scan.gridDims[i]!.length > 0) {
          const base = b.id(`eb${i}`);
          return b.index(b.id(`e${i}`), node.flat === 0 ? base : b.bin("+", base, b.num(node.flat)));
        }
        const [arr, name] = i < E ? [`e${i}`, `h${i}_${node.flat}`] : [`k${i - E - W}`, `hk${i - E - W}_${node.flat}`];
        if (!hoisted.has(name)) hoisted.set(name, b.constDecl(name, b.index(b.id(arr), b.num(node.flat))));
        return b.id(name);
      },
    });
    // extra inputs indexed by grid cell: their base offset
    scan.gridDims.forEach((dims, j) => {
      if (dims.length === 0) return;
      let e: ES.Expression | null = null;
      dims.forEach((gd, i) => {
        const g = b.id(`g${gd}`);
        e = e === null ? g : b.bin("+", b.bin("*", e, b.num(extraShapes[j]![i]!)), g);
      });
      stmts.push(b.constDecl(`eb${j}`, b.bin("*", e!, b.num(extraRest[j]!))));
    });
    const stores: ES.Statement[] = [];
    outs.slice(0, W).forEach((sBar, j) => {
      sBar.nodes.forEach((node: SNode, c) => {
        if (node.kind === "const" && node.value === 0) return;
        const v = emitter.emit(node);
        cellCode(c, emitter.stmts);
        stores.push(b.ifStmt(b.bin(">=", b.id(`q${c}`), b.num(0)), [b.assign(b.index(b.id(`a${j}`), b.id(`q${c}`)), v, "+=")]));
      });
    });
    outs.slice(W, W + E).forEach((aBar, j) => {
      const perCell = scan.gridDims[j]!.length > 0;
      aBar.nodes.forEach((node, f) => {
        if (node.kind === "const" && node.value === 0) return;
        const v = emitter.emit(node);
        const pos = perCell ? (f === 0 ? b.id(`eb${j}`) : b.bin("+", b.id(`eb${j}`), b.num(f))) : b.num(f);
        stores.push(b.assign(b.index(b.id(`ab${j}`), pos), v, "+="));
      });
    });
    const body = [...stmts, ...emitter.stmts, ...stores];
    return inplace ? [b.ifStmt(b.bin(">=", b.id("cf"), b.num(0)), body)] : body;
  };

  // cells no kernel covers output their (never written) centre: its cotangent goes to x̄ there
  const uncovered: ES.Statement[] = inplace
    ? []
    : p.hasCt.flatMap((h, j) => (h ? [b.ifStmt(b.bin(">=", b.id("cf"), b.num(0)), [b.assign(b.index(b.id(`a${j}`), b.id("cf")), b.id(`dv${j}`), "+=")])] : []));
  let chain: ES.Statement[] = uncovered;
  scan.branches.forEach((br, bi) => {
    const code = branchCode(bi, p.adjoints[bi]!);
    if (br.region === null) {
      chain = code;
      return;
    }
    const r = br.region;
    let test: ES.Expression | null = null;
    for (let d = 0; d < nd; d++) {
      const c = b.id(`c${d}`);
      let t = b.logical("&&", b.bin(">=", c, b.num(r.start[d]!)), b.bin("<", c, b.num(r.stop[d]!)));
      if (r.step[d] !== 1) t = b.logical("&&", t, b.bin("===", b.bin("%", b.bin("-", c, b.num(r.start[d]!)), b.num(r.step[d]!)), b.num(0)));
      test = test === null ? t : b.logical("&&", test, t);
    }
    chain = [b.ifStmt(test!, code, chain.length ? chain : undefined)];
  });

  // the cell: window start b, centre c, flat centre cf (-1 outside), grid offset og
  const cellHead: ES.Statement[] = [];
  let inside: ES.Expression | null = null;
  let flat: ES.Expression | null = null;
  for (let d = 0; d < nd; d++) {
    cellHead.push(b.constDecl(`c${d}`, b.bin("+", b.id(`b${d}`), b.num(centre[d]!))));
    const c = b.id(`c${d}`);
    const t = b.logical("&&", b.bin(">=", c, b.num(0)), b.bin("<", c, b.num(spec.inShape[d]!)));
    inside = inside === null ? t : b.logical("&&", inside, t);
    const term = b.bin("*", c, b.num(inStrides[d]!));
    flat = flat === null ? term : b.bin("+", flat, term);
  }
  cellHead.push(b.constDecl("cf", b.cond(inside!, flat!, b.num(-1))));
  cellHead.push(b.constDecl("og", b.id(`og${nd - 1}`)));
  if (!inplace) cellHead.push(...cotangentCode());

  /** `dv{j}`: the cotangent of output j at this cell, read or computed by its map. */
  function cotangentCode(): ES.Statement[] {
    const stmts: ES.Statement[] = [];
    ctShapes.forEach((ins, j) => {
      if (ins.length === 0) return;
      const m = p.ctMaps?.[j] ?? null;
      if (m === null) {
        stmts.push(b.constDecl(`dv${j}`, b.index(b.id(`d${j}`), b.id("og"))));
        return;
      }
      const nb = new NodeBuilder();
      const values: SValue[] = ins.map((shape, i) => {
        const rest = i < m.nWindowed ? spec.kernelSize.map(() => 1) : shape.slice(m.gridDims[i - m.nWindowed]!.length);
        return { shape: rest, nodes: Array.from({ length: sizeOf(rest) }, (_, f) => (i < m.nWindowed ? nb.read(i, 0) : nb.extra(i, f))) };
      });
      const [out] = scalarize(nb, m.branches[0]!.kernel, values);
      const emitter = new NodeEmitter({
        read: (node) => b.index(b.id(`m${j}_${node.input}`), b.id("og")),
        extra: (node) => {
          const i = node.input;
          if (m.gridDims[i - m.nWindowed]!.length > 0) {
            const rest = sizeOf(ins[i]!.slice(m.gridDims[i - m.nWindowed]!.length));
            const pos = rest === 1 ? b.id("og") : b.bin("+", b.bin("*", b.id("og"), b.num(rest)), b.num(node.flat));
            return b.index(b.id(`m${j}_${i}`), pos);
          }
          const name = `hm${j}_${i}_${node.flat}`;
          if (!hoisted.has(name)) hoisted.set(name, b.constDecl(name, b.index(b.id(`m${j}_${i}`), b.num(node.flat))));
          return b.id(name);
        },
      }, `u${j}_`);
      const v = emitter.emit(out!.nodes[0]!);
      stmts.push(...emitter.stmts, b.constDecl(`dv${j}`, v));
    });
    return stmts;
  }

  let loops: ES.Statement[] = [...cellHead, ...chain];
  for (let d = nd - 1; d >= 0; d--) {
    const perCell: ES.Statement[] = [b.constDecl(`b${d}`, b.bin("+", b.bin("*", b.id(`g${d}`), b.num(spec.strides[d]!)), b.num(windowStart(scan, d, 0))))];
    perCell.push(b.constDecl(`og${d}`, d === 0 ? b.id("g0") : b.bin("+", b.bin("*", b.id(`og${d - 1}`), b.num(grid[d]!)), b.id(`g${d}`))));
    loops = [b.forRange(`g${d}`, b.num(0), b.num(grid[d]!), [...perCell, ...loops], !spec.reverse)];
  }
  const sweepFn = b.fn(["f", "t", "s", "lo", "hi", "k"], [...head, ...hoisted.values(), ...loops]);
  return { body: generate(b.program([b.ret(sweepFn)])), tables };
}
