/**
 * @file Code generation for one stencil equation: a flat-loop JavaScript
 * function body over typed arrays, with the kernel inlined as straight-line
 * code. Signature of the stencil function: `(f, t, s, lo, hi)` — f: windowed inputs,
 * extra inputs, then outputs; t: per-dim index tables for border reads;
 * s: unused scalars; [lo, hi): the range of grid dim 0 to run.
 *
 * The loop nest (compiler/loop/loop-ir.ts, after the passes of
 * compiler/passes/pipeline.ts) cuts the grid, per dimension, at every
 * mesh-region boundary and at the edges of the interior. Loops nest dim by
 * dim over these intervals in row-major order (so scans keep their order),
 * and each leaf box has one kernel and one read mode:
 *
 *   grid of a 3-wide "same" kmap over n=6:  [0,1) border | [1,5) interior | [5,6) border
 *   interior reads: x[q + OFF]          (q = flat window start, OFF constant)
 *   border reads:   i = t0[b0 + k0*d0 + P0] + …; i < 0 ? padValue : x[i]
 *
 * The source is a factory: run once, it returns the stencil function
 * `(f, t, s, lo, hi)`. Beside it, each interval of the first dim with more
 * than one cell has its loops in a small function `r<i>`, and each innermost
 * loop nested in outer loops is a function `ln<i>` called once per outer
 * cell (see the end of emitStencil).
 *
 * Tables map a padded coordinate to `sourceIndex * stride`, or to a large
 * negative sentinel for constant padding, so one comparison checks every dim.
 */
import type * as ES from "estree";
import { generate } from "astring";
import { sizeOf, stridesOf } from "../ir";
import { scanWritesInPlace, type Leaf, type LoopNest } from "../loop/loop-ir";
import type { StencilSpec } from "../primitives";
import * as b from "./estree";
import { bufferDecls, declaredName, LoopFunctions, runnerFunctions } from "./loop-functions";
import { PAD_SENTINEL, readTable } from "./read-table";
import { emitPullGather } from "./emit-pull-gather";
import { NodeEmitter } from "./scalar-expr";
import { NodeBuilder, scalarize, type SNode, type SValue } from "./scalarize";

/** Generated code for a stencil and the constant tables it reads. */
export interface StencilCode {
  readonly body: string;
  readonly tables: readonly Int32Array[];
  readonly schedule: Schedule;
  /** Statements of the longest kernel body at one grid cell (reads, operations, writes): its cost. */
  readonly opsPerCell: number;
}


/**
 * How a compiled stencil is split across threads. The function is called
 * as `(f, t, s, lo, hi, k)`: [lo, hi) is the range of grid dim `splitDim`
 * (the dims before it have size 1, or are fixed by the step); for parallel
 * scans, step k ≥ 0 fixes the `stepDims` outer dims to their k-th cell in
 * visiting order and steps run in order with a barrier between them; k = -1
 * runs every step in one call.
 */
export interface Schedule {
  /**
   * Gathers only: [lo, hi) are rows of the input (and output) along
   * `splitDim`, not grid cells. A call adds, in visiting order, every window
   * that touches those rows onto the outputs (zero on entry), and writes
   * only into those rows (see `gatherRows`). Each output cell so receives
   * its adds in the same order for every split: results are bit-identical
   * for every thread count.
   */
  readonly rows: boolean;
  /**
   * The function adds onto its outputs, which must be zero on entry (a
   * push-form gather); otherwise it writes every output cell it covers once.
   */
  readonly adds: boolean;
  /**
   * A reduce over the grid (reduceGrid): 0 for other stencils, else the
   * number of partial sums per output element. Output j is then a
   * [partialRows, E_j] array: row r sums the cells whose split-dim index is
   * r (or every cell when partialRows is 1), over the innermost loops in
   * order, each loop's terms into locals first. A call writes (zeroes, then
   * adds to) only the rows of its range, so threads never share a row, and
   * the executor adds the rows in order: the same bits for every thread
   * count (see emitStencil's reduce accumulators).
   */
  readonly partialRows: number;
  readonly stepDims: number;
  readonly splitDim: number;
  /** Number of steps (1 when stepDims is 0). */
  readonly steps: number;
  /** Extent of the split dim (grid cells, or input rows for gathers). */
  readonly n: number;
  /** May the split dim run on several threads? */
  readonly parallel: boolean;
}

export function stencilSchedule(nest: LoopNest): Schedule {
  const s = nest.params.spec;
  const grid = s.gridShape;
  const nd = grid.length;
  let d = 0;
  while (d < nd - 1 && grid[d] === 1) d++;
  if (nest.gather) {
    // periodic and reflecting borders add across the whole axis: one thread
    const [pb, pe] = s.padding[d]!;
    const ownRows = s.padMode[d] === "constant" || (pb <= 0 && pe <= 0);
    return { rows: true, adds: true, partialRows: 0, stepDims: 0, splitDim: d, steps: 1, n: s.inShape[d]!, parallel: ownRows };
  }
  if (s.kind === "scan") {
    if (nest.parallelFrom >= nd) return { rows: false, adds: false, partialRows: 0, stepDims: 0, splitDim: 0, steps: 1, n: grid[0]!, parallel: false };
    const p = nest.parallelFrom;
    return { rows: false, adds: false, partialRows: 0, stepDims: p, splitDim: p, steps: grid.slice(0, p).reduce((a, g) => a * g, 1), n: grid[p]!, parallel: true };
  }
  if (nest.params.reduceGrid) {
    // one partial sum per cell of the split dim when loops run inside it; a 1-d grid sums into one row, on one thread
    const perRow = d < nd - 1;
    return { rows: false, adds: false, partialRows: perRow ? grid[d]! : 1, stepDims: 0, splitDim: d, steps: 1, n: grid[d]!, parallel: perRow && nest.parallelFrom === 0 };
  }
  return { rows: false, adds: false, partialRows: 0, stepDims: 0, splitDim: d, steps: 1, n: grid[d]!, parallel: nest.parallelFrom === 0 };
}


/** Emit the body of the compiled function for a lowered stencil (see compiler/passes/pipeline.ts). */
export function emitStencil(loopNest: LoopNest): StencilCode {
  if (loopNest.gather) {
    const pull = emitPullGather(loopNest);
    if (pull !== null) return pull;
  }
  const p = loopNest.params;
  const schedule = stencilSchedule(loopNest);
  const extraShapes = loopNest.extraShapes;
  const { spec, nWindowed } = p;
  const nd = spec.inShape.length;
  const inStrides = stridesOf(spec.inShape);
  const grid = spec.gridShape;
  const scan = spec.kind === "scan" && !loopNest.gather;
  const inPlace = !loopNest.gather && scanWritesInPlace(p);
  const centre = spec.kernelSize.map((k, d) => Math.floor((k - 1) / 2) * spec.dilation[d]!);

  // border tables: coordinate c of dim d is at t[d][c + shift[d]]
  const axes = spec.inShape.map((_, d) => readTable(spec, d));
  const tables = axes.map((a) => a.table);

  const nExtra = extraShapes.length;
  const nOut = p.branches[0]!.kernel.outputs.length;
  const head = bufferDecls(nWindowed, nExtra, inPlace ? 0 : nOut, nd);

  const outElems = p.branches[0]!.kernel.outputs.map((o) => sizeOf(o.aval.shape));
  const outF32 = p.branches[0]!.kernel.outputs.map((o) => o.aval.dtype === "float32");
  /**
   * A reduce's innermost loop sums into locals `a<j>_<f>` (declared before
   * it) and adds them to its partial row after it: row g<split> when there
   * are several rows, else row 0. Written as `o[r·E + f] += a` per loop, not
   * per cell, so the hot loop keeps its sums in registers.
   */
  const reduceAccumulators = (loop: ES.Statement): ES.Statement[] => {
    if (!p.reduceGrid) return [loop];
    const decls: ES.Statement[] = [];
    const flush: ES.Statement[] = [];
    outElems.forEach((n, j) => {
      for (let f = 0; f < n; f++) {
        decls.push(b.constDecl(`a${j}_${f}`, b.num(0), "let"));
        const row = schedule.partialRows > 1 ? b.bin("*", b.id(`g${schedule.splitDim}`), b.num(n)) : null;
        const at = row === null ? b.num(f) : f === 0 ? row : b.bin("+", row, b.num(f));
        flush.push(b.assign(b.index(b.id(`o${j}`), at), b.id(`a${j}_${f}`), "+="));
      }
    });
    return [...decls, loop, ...flush];
  };
  // reads of whole (not grid-indexed) extra inputs are loop-invariant: hoisted to the top
  const hoisted = new Map<string, ES.Statement>();
  const extraRest = extraShapes.map((s, j) => sizeOf(s.slice(p.gridDims[j]!.length)));

  let opsPerCell = 0;
  /**
   * Straight-line code of one kernel at one grid cell. `masked`: a gather's
   * adds along the split dim go through the table `m<d>` (see gatherRows).
   */
  const kernelCode = (branch: number, interior: boolean, masked: boolean): ES.Statement[] => {
    const nb = new NodeBuilder();
    const kernel = p.branches[branch]!.kernel;
    const windows: SValue[] = [];
    for (let j = 0; j < nWindowed; j++) {
      windows.push({ shape: spec.kernelSize, nodes: Array.from({ length: sizeOf(spec.kernelSize) }, (_, c) => nb.read(j, c)) });
    }
    const extras: SValue[] = extraShapes.map((s, j) => {
      const rest = s.slice(p.gridDims[j]!.length);
      return { shape: rest, nodes: Array.from({ length: sizeOf(rest) }, (_, f) => nb.extra(j, f)) };
    });
    const outs = scalarize(nb, kernel, [...windows, ...extras]);
    const kStrides = stridesOf(spec.kernelSize);
    const readExpr = (node: Extract<SNode, { kind: "read" }>, stmts: ES.Statement[]): ES.Expression => {
      const cell = spec.kernelSize.map((_, d) => Math.floor(node.cell / kStrides[d]!) % spec.kernelSize[d]!);
      const arr = b.id(`x${node.input}`);
      if (interior) {
        const off = cell.reduce((acc, k, d) => acc + k * spec.dilation[d]! * inStrides[d]!, 0);
        return b.index(arr, off === 0 ? b.id("q") : b.bin("+", b.id("q"), b.num(off)));
      }
      let idx: ES.Expression | null = null;
      for (let d = 0; d < nd; d++) {
        const off = cell[d]! * spec.dilation[d]! + axes[d]!.shift;
        const term = b.index(b.id(`t${d}`), off === 0 ? b.id(`b${d}`) : b.bin("+", b.id(`b${d}`), b.num(off)));
        idx = idx === null ? term : b.bin("+", idx, term);
      }
      const iName = `i${node.id}`;
      stmts.push(b.constDecl(iName, idx!));
      // a float32 window holds the pad value as float32, as the interpreter's window does
      const pad = kernel.inputs[node.input]?.aval.dtype === "float32" ? Math.fround(spec.padValue) : spec.padValue;
      return b.cond(b.bin("<", b.id(iName), b.num(0)), b.num(pad), b.index(arr, b.id(iName)));
    };
    const emitter = new NodeEmitter({
      read: readExpr,
      extra: (node) => {
        if (p.gridDims[node.input]!.length === 0) {
          const name = `c${node.input}_${node.flat}`;
          if (!hoisted.has(name)) hoisted.set(name, b.constDecl(name, b.index(b.id(`e${node.input}`), b.num(node.flat))));
          return b.id(name);
        }
        const base = b.id(`eb${node.input}`);
        return b.index(b.id(`e${node.input}`), node.flat === 0 ? base : b.bin("+", base, b.num(node.flat)));
      },
    });
    const stmts = emitter.stmts;
    const values = outs.map((o) => o.nodes.map((n) => emitter.emit(n)));
    // extra inputs indexed by grid cell: their base offset
    const ebDecls: ES.Statement[] = [];
    p.gridDims.forEach((dims, j) => {
      if (dims.length === 0) return;
      let e: ES.Expression | null = null;
      const shape = extraShapes[j]!;
      dims.forEach((gd, i) => {
        const g = b.id(`g${gd}`);
        e = e === null ? g : b.bin("+", b.bin("*", e, b.num(shape[i]!)), g);
      });
      ebDecls.push(b.constDecl(`eb${j}`, b.bin("*", e!, b.num(extraRest[j]!))));
    });
    const stores: ES.Statement[] = [];
    values.forEach((vals, j) => {
      const out = b.id(`o${j}`);
      if (loopNest.gather) {
        // adjoint of the window reads: add each window cell's value onto the cell it read
        vals.forEach((v, c) => {
          if (v.type === "Literal" && v.value === 0) return;
          const cell = spec.kernelSize.map((_, d) => Math.floor(c / kStrides[d]!) % spec.kernelSize[d]!);
          if (interior) {
            const off = cell.reduce((acc, k, d) => acc + k * spec.dilation[d]! * inStrides[d]!, 0);
            stores.push(b.assign(b.index(out, off === 0 ? b.id("q") : b.bin("+", b.id("q"), b.num(off))), v, "+="));
            return;
          }
          let idx: ES.Expression | null = null;
          for (let d = 0; d < nd; d++) {
            const off = cell[d]! * spec.dilation[d]! + axes[d]!.shift;
            const table = masked && d === schedule.splitDim ? `m${d}` : `t${d}`;
            const term = b.index(b.id(table), off === 0 ? b.id(`b${d}`) : b.bin("+", b.id(`b${d}`), b.num(off)));
            idx = idx === null ? term : b.bin("+", idx, term);
          }
          const name = `w${c}`;
          stores.push(b.constDecl(name, idx!));
          stores.push(b.ifStmt(b.bin(">=", b.id(name), b.num(0)), [b.assign(b.index(out, b.id(name)), v, "+=")]));
        });
      } else if (scan) {
        const v = vals[0]!;
        if (!inPlace) stores.push(b.assign(b.index(out, b.id("og")), v));
        stores.push(...centreWrite(b.id(`x${j}`), v));
      } else if (p.reduceGrid) {
        // into the innermost loop's accumulators (reduceAccumulators)
        vals.forEach((v, f) => {
          if (v.type === "Literal" && v.value === 0) return;
          const acc = b.id(`a${j}_${f}`);
          stores.push(b.assign(acc, outF32[j] ? b.mathCall("fround", [b.bin("+", acc, v)]) : b.bin("+", acc, v)));
        });
      } else if (spec.placement === "inplace") {
        stores.push(...centreWrite(out, vals[0]!));
      } else {
        const n = outElems[j]!;
        vals.forEach((v, f) => {
          const pos = n === 1 ? b.id("og") : b.bin("+", b.bin("*", b.id("og"), b.num(n)), b.num(f));
          stores.push(b.assign(b.index(out, pos), v));
        });
      }
    });
    opsPerCell = Math.max(opsPerCell, stmts.length + stores.length);
    return [...ebDecls, ...stmts, ...stores];

    function centreWrite(arr: ES.Expression, v: ES.Expression): ES.Statement[] {
      if (interior) {
        const off = centre.reduce((acc, c, d) => acc + c * inStrides[d]!, 0);
        return [b.assign(b.index(arr, off === 0 ? b.id("q") : b.bin("+", b.id("q"), b.num(off))), v)];
      }
      return [b.ifStmt(centreInside(), [b.assign(b.index(arr, centreFlat()), v)])];
    }
  };

  /** Border cells: is the window's centre inside the input? */
  function centreInside(): ES.Expression {
    let test: ES.Expression | null = null;
    for (let d = 0; d < nd; d++) {
      const c = b.bin("+", b.id(`b${d}`), b.num(centre[d]!));
      const t = b.logical("&&", b.bin(">=", c, b.num(0)), b.bin("<", c, b.num(spec.inShape[d]!)));
      test = test === null ? t : b.logical("&&", test, t);
    }
    return test!;
  }
  function centreFlat(): ES.Expression {
    let e: ES.Expression | null = null;
    for (let d = 0; d < nd; d++) {
      const term = b.bin("*", b.bin("+", b.id(`b${d}`), b.num(centre[d]!)), b.num(inStrides[d]!));
      e = e === null ? term : b.bin("+", e, term);
    }
    return e!;
  }

  /** Code for cells no kernel covers. */
  const uncoveredCode = (): ES.Statement[] => {
    if (!scan || inPlace || loopNest.gather) return [];
    return Array.from({ length: nOut }, (_, j) =>
      b.assign(b.index(b.id(`o${j}`), b.id("og")), b.cond(centreInside(), b.index(b.id(`x${j}`), centreFlat()), b.num(spec.padValue))),
    );
  };

  /** A leaf's code: its owners as an if-chain, last assignment first. */
  const leafCode = (leaf: Leaf, masked: boolean): ES.Statement[] => {
    let chain: ES.Statement[] = uncoveredCode();
    for (let i = leaf.owners.length - 1; i >= 0; i--) {
      const owner = leaf.owners[i]!;
      const body = kernelCode(owner.branch, leaf.interior && !masked, masked);
      if (owner.tests.length === 0) {
        chain = body;
        continue;
      }
      const tests = owner.tests.map((t) => b.bin("===", b.bin("%", b.bin("-", b.id(`g${t.dim}`), b.num(t.start)), b.num(t.step)), b.num(0)));
      chain = [b.ifStmt(tests.reduce((acc, t) => b.logical("&&", acc, t)), body, chain.length ? chain : undefined)];
    }
    return chain;
  };

  const reverse = scan && spec.reverse;
  const counts = loopNest.cuts.map((c) => c.length - 1);
  // the first dim with more than one cell: its intervals run in separate functions (see below)
  let runnerDim = 0;
  while (runnerDim < nd - 1 && grid[runnerDim] === 1) runnerDim++;
  const intervalOrder = (d: number): number[] => {
    const order = Array.from({ length: counts[d]! }, (_, i) => i);
    return reverse ? order.reverse() : order;
  };
  // innermost loops moved into functions of their own (loop-functions.ts), and the outer loops' variables they use
  const innermost = new LoopFunctions();
  const outerNames = Array.from({ length: nd - 1 }, (_, d) => [`g${d}`, `b${d}`, `q${d}`, `og${d}`]).flat();
  /** The loops of dims d.., of the leaves under leafIndex; interval `only` of runnerDim alone. */
  const nest = (d: number, leafIndex: number, masked: boolean, only: number): ES.Statement[] => {
    if (d === nd) return leafCode(loopNest.leaves[leafIndex]!, masked);
    const out: ES.Statement[] = [];
    const cuts = loopNest.cuts[d]!;
    for (const k of intervalOrder(d)) {
      if (d === runnerDim && k !== only) continue;
      const iv = [cuts[k]!, cuts[k + 1]!] as const;
      const inner = nest(d + 1, leafIndex * counts[d]! + k, masked, only);
      if (inner.length === 0) continue;
      const perCell: ES.Statement[] = [b.constDecl(`b${d}`, b.bin("-", b.bin("*", b.id(`g${d}`), b.num(spec.strides[d]!)), b.num(spec.padding[d]![0])))];
      const qPrev = d === 0 ? b.num(0) : b.id(`q${d - 1}`);
      perCell.push(b.constDecl(`q${d}`, b.bin("+", qPrev, b.bin("*", b.id(`b${d}`), b.num(inStrides[d]!)))));
      const ogPrev = d === 0 ? null : b.bin("*", b.id(`og${d - 1}`), b.num(grid[d]!));
      perCell.push(b.constDecl(`og${d}`, ogPrev === null ? b.id(`g${d}`) : b.bin("+", ogPrev, b.id(`g${d}`))));
      if (d === nd - 1) {
        perCell.push(b.constDecl("q", b.id(`q${d}`)));
        perCell.push(b.constDecl("og", b.id(`og${d}`)));
      }
      const from = d === schedule.splitDim ? b.mathCall("max", [b.num(iv[0]), b.id("lo")]) : d < schedule.stepDims ? b.mathCall("max", [b.num(iv[0]), b.id(`kl${d}`)]) : b.num(iv[0]);
      const to = d === schedule.splitDim ? b.mathCall("min", [b.num(iv[1]), b.id("hi")]) : d < schedule.stepDims ? b.mathCall("min", [b.num(iv[1]), b.id(`kh${d}`)]) : b.num(iv[1]);
      const loop = b.forRange(`g${d}`, from, to, [...perCell, ...inner], reverse);
      if (d < nd - 1) {
        out.push(loop);
        continue;
      }
      if (runnerDim === nd - 1) {
        out.push(...reduceAccumulators(loop));
        continue;
      }
      // an innermost loop inside outer loops: its own function, called once per outer cell
      const fnParams = [...outerNames, ...(masked ? [`m${schedule.splitDim}`] : [])];
      out.push(innermost.call(fnParams, reduceAccumulators(b.forRange(`g${d}`, b.id("glo"), b.id("ghi"), [...perCell, ...inner], reverse)), from, to));
    }
    return out;
  };

  // Each interval of the first dim with more than one cell (with the size-1
  // loops around it) runs in its own small function, and each innermost loop
  // inside outer loops too, created once per compiled stencil: V8 then
  // optimizes every hot loop with complete type feedback, instead of
  // compiling a loop on stack while the border loops after it have not run
  // yet and deoptimizing there. Measured on the conv2d gradient's gather: no
  // deoptimization, and a first call of ~100 ms instead of ~300 ms. The
  // source is a factory that returns the stencil function `(f, t, s, lo, hi)`.
  const runnerLoops = (masked: boolean): ES.Statement[][] => intervalOrder(runnerDim).map((k) => nest(0, 0, masked, k)).filter((l) => l.length > 0);
  const loops = runnerLoops(false);
  const maskedLoops = loopNest.gather && schedule.parallel ? runnerLoops(true) : [];
  // step k (k >= 0) fixes the dims before stepDims to one cell: g = unravel(k)
  const stepDecls: ES.Statement[] = [];
  if (schedule.stepDims > 0) {
    const stepCount = grid.slice(0, schedule.stepDims).reduce((n, g) => n * g, 1);
    stepDecls.push(b.constDecl("kk", reverse ? b.bin("-", b.num(stepCount - 1), b.id("k")) : b.id("k")));
    let rest = 1;
    for (let d = schedule.stepDims - 1; d >= 0; d--) {
      const value = b.bin("%", b.mathCall("floor", [b.bin("/", b.id("kk"), b.num(rest))]), b.num(grid[d]!));
      stepDecls.push(b.constDecl(`kl${d}`, b.cond(b.bin("<", b.id("k"), b.num(0)), b.num(0), value)));
      stepDecls.push(b.constDecl(`kh${d}`, b.cond(b.bin("<", b.id("k"), b.num(0)), b.num(grid[d]!), b.bin("+", b.id(`kl${d}`), b.num(1)))));
      rest *= grid[d]!;
    }
  }
  // the step's bounds kl/kh are shared with the runners; kk only computes them
  const shared = [...head, ...hoisted.values(), ...stepDecls].map(declaredName).filter((n) => n !== "kk");
  innermost.share(shared);
  const { params, runners, calls: plainCalls } = runnerFunctions(loops, shared);
  let calls = plainCalls;
  if (loopNest.gather) {
    runners.push(...maskedLoops.map((loop, i) => b.constDecl(`rm${i}`, b.arrow(loop, [...params, b.id(`m${schedule.splitDim}`)]))));
    calls = gatherRows(spec, schedule, shared, loops.length);
  }
  const stencilFn = b.fn(["f", "t", "s", "lo", "hi", "k"], [...head, ...hoisted.values(), ...stepDecls, ...zeroPartialRows(schedule, outElems), ...calls]);
  const body = [...innermost.decls, ...runners, b.ret(stencilFn)];
  return { body: generate(b.program(body)), tables, schedule, opsPerCell };
}

/** A reduce's partial rows [lo, hi) start at zero (rows outside the call's range are not touched). */
function zeroPartialRows(schedule: Schedule, outElems: readonly number[]): ES.Statement[] {
  if (schedule.partialRows === 0) return [];
  return outElems.map((n, j) => {
    const span = schedule.partialRows > 1 ? [b.bin("*", b.id("lo"), b.num(n)), b.bin("*", b.id("hi"), b.num(n))] : [b.num(0), b.num(n)];
    return b.exprStmt(b.call(b.member(b.id(`o${j}`), "fill"), [b.num(0), ...span]));
  });
}

/**
 * The body of a gather for input rows [lo, hi) of the split dim d: run the
 * grid rows whose windows touch those rows, in order, adding onto the
 * outputs (zero on entry). Windows wholly inside [lo, hi) run the ordinary
 * loops `r<i>`; the few at either end run `rm<i>`, whose adds along d go
 * through `m<d>`, a copy of the read table with rows outside [lo, hi) turned
 * into padding, so they are dropped. Reads still use `t<d>`.
 *
 *   windows of extent E, stride S, padding P: grid row g adds onto rows [gS − P, gS − P + E)
 *   touching:  ga = ⌈(lo + P − E + 1) / S⌉ … gb = ⌊(hi − 1 + P) / S⌋ + 1 (clamped to the grid)
 *   inside:    ia = ⌈(lo + P) / S⌉ … ib = ⌊(hi − E + P) / S⌋ + 1 (clamped to [ga, gb))
 */
function gatherRows(spec: StencilSpec, schedule: Schedule, shared: readonly string[], nLoops: number): ES.Statement[] {
  const d = schedule.splitDim;
  const S = spec.strides[d]!;
  const P = spec.padding[d]![0];
  const E = (spec.kernelSize[d]! - 1) * spec.dilation[d]! + 1;
  const G = spec.gridShape[d]!;
  const rowLen = stridesOf(spec.inShape)[d]!;
  const id = b.id;
  const num = b.num;
  const run = (name: string, from: ES.Expression, to: ES.Expression, masked: boolean): ES.Statement[] =>
    Array.from({ length: nLoops }, (_, i) => b.exprStmt(b.call(id(`${name}${i}`), [...shared.map((n) => id(n)), from, to, ...(masked ? [id(`m${d}`)] : [])])));
  // periodic and reflecting borders add across the whole axis: the only call (lo = 0, hi = n) runs every window
  if (!schedule.parallel) return run("r", num(0), num(G), false);
  const floorDiv = (e: ES.Expression): ES.Expression => b.mathCall("floor", [b.bin("/", e, num(S))]);
  const ceilDiv = (e: ES.Expression): ES.Expression => b.mathCall("ceil", [b.bin("/", e, num(S))]);
  // m<d>: the read table of d with rows outside [lo, hi) turned into padding
  const table = id(`t${d}`);
  const maskLoop = b.forRange("mi", num(0), b.member(id(`m${d}`), "length"), [
    b.constDecl("mv", b.index(id(`m${d}`), id("mi"))),
    b.ifStmt(b.logical("&&", b.bin(">=", id("mv"), num(0)), b.logical("||", b.bin("<", id("mv"), b.bin("*", id("lo"), num(rowLen))), b.bin(">=", id("mv"), b.bin("*", id("hi"), num(rowLen))))), [
      b.assign(b.index(id(`m${d}`), id("mi")), num(PAD_SENTINEL)),
    ]),
  ]);
  const whole = b.logical("&&", b.bin("===", id("lo"), num(0)), b.bin("===", id("hi"), num(spec.inShape[d]!)));
  return [
    b.constDecl("ga", b.mathCall("max", [num(0), ceilDiv(b.bin("+", id("lo"), num(P - E + 1)))])),
    b.constDecl("gb", b.mathCall("min", [num(G), b.bin("+", floorDiv(b.bin("+", id("hi"), num(P - 1))), num(1))])),
    b.ifStmt(b.bin(">=", id("ga"), id("gb")), [b.ret()]),
    b.constDecl("ia", b.mathCall("min", [id("gb"), b.mathCall("max", [id("ga"), ceilDiv(b.bin("+", id("lo"), num(P)))])])),
    b.constDecl("ib", b.mathCall("max", [id("ia"), b.mathCall("min", [id("gb"), b.bin("+", floorDiv(b.bin("+", id("hi"), num(P - E))), num(1))])])),
    b.constDecl(`m${d}`, b.cond(whole, table, b.newExpr("Int32Array", [table]))),
    b.ifStmt(b.unary("!", whole), [maskLoop]),
    ...run("rm", id("ga"), id("ia"), true),
    ...run("r", id("ia"), id("ib"), false),
    ...run("rm", id("ib"), id("gb"), true),
  ];
}
