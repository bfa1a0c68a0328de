/**
 * @file The vjp of scan stencils (kscan, sscan): a reverse sweep without a
 * tape, built from stencils only.
 *
 * A scan visits grid cells g in order o(g); step g reads windows of the
 * working arrays, computes R(g) = K_b(S_g, a) and writes it at its centre
 * c(g). Every cell is written at most once, so the value step h saw at a
 * cell q is known without a tape: Y[q] (the value written there) when q was
 * written at a step before h, else X[q]. With M[q] = o(writer of q) (or
 * "never") and T[h] = o(h), the seen window is `where(M < T, Y, X)`.
 * (A cell no kernel owns but whose centre is inside outputs its seen value,
 * which is the same as writing it back unchanged; the sweep treats it so.)
 *
 * The adjoint λ(g) of step g's result collects: the output cotangent D(g)
 * (grid placement) or the final-state cotangent at c(g) (in place), plus,
 * when g wrote c(g), every later step h that read c(g):
 *
 *     λ(g) = D(g) + [g writes] · (F[c(g)] + Σ_{h after g, h reads c(g) at k} J_h[k] · λ(h))
 *
 * with J_h = ∂R(h)/∂S_h. h reads c(g) at window cell k exactly when
 * h = g - δ_k on the grid, δ_k = (k - centre)·dilation / stride (integral).
 * So the recursion is itself a scan, over the grid in reverse order, whose
 * window reads λ and the Jacobian entries J[k] at g - δ_k (cells not yet
 * visited hold λ = 0, which drops the steps before g). A scan writes output
 * j back into windowed input j, so the Jacobian arrays, read-only here, are
 * written back unchanged (each kernel returns their centre value).
 * Then, as for maps:
 *
 *     x̄ = gather of J_hᵀ λ(h) over the reads that saw X (M ≥ T), + F where never written
 *     ā = Σ_h ∂R(h)/∂aᵀ λ(h)
 *
 * Worked example: a 1-d kscan of size 3 with "same" padding. Step g reads
 * g-1 (written by step g-1: it sees Y), g (its own centre, not yet written:
 * X) and g+1 (X). The only later step reading cell g is g+1, at window cell
 * k = 0 (δ = -1), so λ(g) = D(g) + J_{g+1}[0] · λ(g+1): a scan from the last
 * cell back to the first. x̄[q] gets J_q[1]·λ(q) + J_{q-1}[2]·λ(q-1), the two
 * reads of q that saw X.
 *
 * Reads that leave the array see the constant pad value (no derivative), or,
 * through a non-constant pad mode, a cell of the array that may be written:
 * such a read adds recursion entries at other δ, masked to the border cells
 * g where it happens (rules/scan-recursion.ts).
 *
 * So the vjp of a scan is the `scan_sweep` primitive (compiler/scan-sweep.ts:
 * the same recursion as one compiled reverse pass with a scatter per read,
 * which follows every pad mode), and the construction above, from stencils
 * only, is what scan_sweep means to the vjp applied to it (grad of a
 * gradient; also jvp when a kernel's jvp captures outside values), for
 * every pad mode. The jvp of a sweep is normally another sweep
 * (rules/sweep-jvp.ts).
 */
import { sizeOf, type Aval } from "../../../compiler/ir";
import { centreBase, forEachCell } from "../../../compiler/geometry/grid-cells";
import { ctInputs } from "../../../compiler/scan-sweep";
import { Prim, type Branch, type ScanSweepParams, type StencilParams, type StencilSpec } from "../../../compiler/primitives";
import * as ops from "../../core/ops";
import { bind, stage, type StagedFunction } from "../../core/trace";
import { KernexError } from "../../errors";
import { NDArray } from "../../ndarray/ndarray";
import type { Cotangent, VjpArgs } from "../grad";
import { allGridDims, constantArray, insideRegion, kernelInputAvals, mapSpec, stageBranches } from "./stencil-common";
import { arrays, atCentres, extraCotangent, windowCotangent, type DerivedInputs, type KernelVjp } from "./stencil-vjp";
import { recursionEntries, type Entry } from "./scan-recursion";
import { full, prune, zeros } from "./values";

/** The kernel that outputs each window's centre cell: what an uncovered cell with its centre inside does. */
function identityBranch(params: StencilParams, avals: readonly Aval[]): Branch {
  const centre = params.spec.kernelSize.map((k) => Math.floor((k - 1) / 2));
  const s = stage(avals, (...ins) => ins.slice(0, params.nWindowed).map((w) => bind(Prim.Index, [w], { index: centre })[0]!));
  return { region: insideRegion(params.spec.inShape), kernel: s.program };
}

/** Constant tables of the sweep, in one pass over the cells. */
interface SweepTables {
  /** Visiting order of each grid cell (T). */
  readonly order: NDArray;
  /** Order of the step that writes each input cell, or the cell count when none does (M). */
  readonly writer: NDArray;
  /** 1 on grid cells that write their centre. */
  readonly writes: NDArray;
  /** 1 on input cells no step writes. */
  readonly neverWritten: NDArray;
}

function sweepTables(params: StencilParams, dtype: Aval["dtype"]): SweepTables {
  const { spec } = params;
  const n = sizeOf(spec.gridShape);
  const order = constantArray(spec.gridShape, dtype, () => undefined);
  const writes = constantArray(spec.gridShape, dtype, () => undefined);
  const writer = constantArray(spec.inShape, dtype, (data) => data.fill(n));
  const neverWritten = constantArray(spec.inShape, dtype, (data) => data.fill(1));
  forEachCell(params, (c) => {
    order.data[c.flat] = c.order;
    if (c.branch < 0 || c.centreFlat < 0) return;
    writes.data[c.flat] = 1;
    writer.data[c.centreFlat] = c.order;
    neverWritten.data[c.centreFlat] = 0;
  });
  return { order, writer, writes, neverWritten };
}

/** Grid-shaped results placed at their centres in an input-shaped array (zeros elsewhere; centres outside dropped). */
function placeAtCentres(params: StencilParams, y: NDArray): NDArray {
  const { spec } = params;
  const base = centreBase(params);
  const hi = base.map((b, d) => spec.inShape[d]! - (b + (spec.gridShape[d]! - 1) * spec.strides[d]! + 1));
  const interior = spec.strides.map((s) => s - 1);
  if (base.every((b) => b === 0) && hi.every((h) => h === 0) && interior.every((i) => i === 0)) return y;
  return bind(Prim.Pad, [y], { lo: base, hi, interior })[0]!;
}

/** The Jacobian array an entry reads: one per (from, to, window cell), whatever its δ. */
function jacobianKey(e: Entry): string {
  return `${e.from}:${e.to}:${e.cell.join(",")}`;
}

/** A 0/1 grid array: the product over dimensions of an entry's masks (a null dimension is all ones). */
function maskArray(gridShape: readonly number[], mask: readonly (readonly boolean[] | null)[], dtype: Aval["dtype"]): NDArray {
  return constantArray(gridShape, dtype, (data) => {
    const nd = gridShape.length;
    for (let flat = 0; flat < data.length; flat++) {
      let r = flat;
      let on = true;
      for (let d = nd - 1; d >= 0; d--) {
        const g = r % gridShape[d]!;
        r = Math.floor(r / gridShape[d]!);
        if (mask[d] !== null && !mask[d]![g]) on = false;
      }
      data[flat] = on ? 1 : 0;
    }
  });
}

interface RecursionInputs {
  readonly spec: StencilSpec;
  readonly entries: readonly Entry[];
  /** The Jacobian arrays over the grid, in the order of `jacKeys`. */
  readonly jacobians: readonly NDArray[];
  readonly jacKeys: readonly string[];
  /** Per windowed input, its direct cotangent on the grid (null: none). */
  readonly direct: readonly (NDArray | null)[];
  readonly writes: NDArray;
  readonly inplace: boolean;
  readonly W: number;
  readonly dtype: Aval["dtype"];
}

/**
 * λ for every windowed input: the reverse sweep, a scan over the grid whose
 * window reads λ and J at g - δ, each term masked where its entry carries a
 * mask (reads aliased by a pad mode; rules/scan-recursion.ts).
 */
function adjointRecursion(r: RecursionInputs): NDArray[] {
  const { spec, entries, direct, inplace, W, dtype } = r;
  const scalar: Aval = { shape: [], dtype };
  const gridDims = allGridDims(spec);
  const reach = spec.gridShape.map((_, d) => Math.max(0, ...entries.map((e) => Math.abs(e.delta[d]!))));
  const adjSpec: StencilSpec = {
    kind: "scan",
    placement: "grid",
    inShape: [...spec.gridShape],
    kernelSize: reach.map((v) => 2 * v + 1),
    strides: reach.map(() => 1),
    dilation: reach.map(() => 1),
    padding: reach.map((v): [number, number] => [v, v]),
    padMode: reach.map(() => "constant"),
    padValue: 0,
    reverse: !spec.reverse,
    gridShape: [...spec.gridShape],
  };
  // one mask array per distinct mask
  const maskKeys: string[] = [];
  const masks: NDArray[] = [];
  const maskOf = entries.map((e) => {
    if (e.mask.every((m) => m === null)) return -1;
    const key = JSON.stringify(e.mask);
    let i = maskKeys.indexOf(key);
    if (i < 0) {
      i = maskKeys.push(key) - 1;
      masks.push(maskArray(spec.gridShape, e.mask, dtype));
    }
    return i;
  });
  const presentDirect = direct.filter((c): c is NDArray => c !== null);
  const adjExtras = [...presentDirect, ...masks, r.writes];
  const nJ = r.jacobians.length;
  const nWin = W + nJ;
  const adjAvals: Aval[] = [...Array.from({ length: nWin }, () => ({ shape: adjSpec.kernelSize, dtype })), ...adjExtras.map(() => scalar)];
  const adjKernel = prune(
    stage(adjAvals, (...ins) => {
      const L = ins.slice(0, W);
      const Jw = ins.slice(W, nWin);
      const D = ins.slice(nWin, nWin + presentDirect.length);
      const Mk = ins.slice(nWin + presentDirect.length, ins.length - 1);
      const w = ins[ins.length - 1]!;
      let nextDirect = 0;
      const directOf = direct.map((c) => (c === null ? null : D[nextDirect++]!));
      const at = (win: NDArray, delta: readonly number[]) => bind(Prim.Index, [win], { index: reach.map((v, d) => v - delta[d]!) })[0]!;
      const lambdas = Array.from({ length: W }, (_, j) => {
        let pulled: NDArray | null = null;
        entries.forEach((entry, e) => {
          if (entry.to !== j) return;
          const jw = Jw[r.jacKeys.indexOf(jacobianKey(entry))]!;
          const product = ops.mul(at(jw, entry.delta), at(L[entry.from]!, entry.delta));
          const term = maskOf[e]! < 0 ? product : ops.mul(Mk[maskOf[e]!]!, product);
          pulled = pulled === null ? term : ops.add(pulled, term);
        });
        const d = directOf[j] ?? null;
        // grid placement: D(g) + [writes]·pulled; in place: [writes]·(F[c(g)] + pulled)
        const carried: NDArray | null = inplace && d !== null ? (pulled === null ? d : ops.add(d, pulled)) : pulled;
        const masked = carried === null ? null : ops.mul(w, carried);
        const own = inplace ? null : d;
        const total = own === null ? masked : masked === null ? own : ops.add(own, masked);
        return total ?? zeros(scalar);
      });
      // the Jacobian arrays are read-only: write their own values back
      return [...lambdas, ...Jw.map((win) => at(win, reach.map(() => 0)))];
    }).program,
  );
  const adjParams: StencilParams = {
    spec: adjSpec,
    branches: [{ region: null, kernel: adjKernel }],
    nWindowed: nWin,
    gridDims: adjExtras.map(() => gridDims),
    reduceGrid: false,
  };
  const lambdaInit = direct.map(() => constantArray(spec.gridShape, dtype, () => undefined));
  return bind(Prim.Stencil, [...lambdaInit, ...r.jacobians, ...adjExtras], adjParams).slice(0, W);
}

/** The cotangents of a scan's inputs from stencils only (see the file header). */
function scanCotangentsByStencils(args: VjpArgs<Prim.Stencil>, kernelVjp: KernelVjp): Cotangent[] {
  const { params, needed } = args;
  const { spec } = params;
  const inputs = arrays(args.inputs);
  const W = params.nWindowed;
  const E = inputs.length - W;
  const cts = args.cts;
  if (cts.every((c) => c === null)) return inputs.map(() => null);
  const dtype = inputs[0]!.dtype;
  const inplace = spec.placement === "inplace";
  const X = inputs.slice(0, W);
  const a = inputs.slice(W);
  const avals = kernelInputAvals(params, inputs);
  const gridDims = allGridDims(spec);
  const scalar: Aval = { shape: [], dtype };

  if (sizeOf(spec.gridShape) === 0) {
    return inputs.map((x, i) => (needed[i] ? (inplace && i < W && cts[i] ? cts[i]! : zeros({ shape: x.shape, dtype: x.dtype })) : null));
  }

  // the forward scan as the sweep sees it: uncovered cells with their centre inside write back their centre value
  let uncoveredInside = false;
  if (!inplace) forEachCell(params, (c) => (uncoveredInside ||= c.branch < 0 && c.centreFlat >= 0));
  const branches = uncoveredInside ? [identityBranch(params, avals), ...params.branches] : [...params.branches];
  const swept: StencilParams = { ...params, branches };
  const { order, writer, writes, neverWritten } = sweepTables(swept, dtype);
  const Y = inplace ? args.outputs.slice(0, W) : args.outputs.slice(0, W).map((y) => placeAtCentres(params, y));

  // the seen windows from the derived kernels' windows [X.., Y.., M] and extras [a.., T, ...]
  const seen = (wins: readonly NDArray[], extras: readonly NDArray[]) => {
    const m = wins[2 * W]!;
    const t = extras[E]!;
    const before = ops.less(m, t);
    const S = Array.from({ length: W }, (_, i) => ops.where(before, wins[W + i]!, wins[i]!));
    return { S, sawInput: ops.greaterEqual(m, t) };
  };
  const windowed = [...X, ...Y, writer];

  // J_h[k] = ∂R_from(h)/∂S_to[k] for each (from, to, k) of the recursion: one map stencil, one scalar per entry and cell
  const entries = recursionEntries(spec, branches, W);
  const jacKeys = [...new Set(entries.map(jacobianKey))];
  const jacAvals: Aval[] = [...windowed.map((w) => ({ shape: spec.kernelSize, dtype: w.dtype })), ...avals.slice(W), scalar];
  const jac = stageBranches(branches, jacAvals, (kernel, _b, ins) => {
    const { S } = seen(ins.slice(0, 2 * W + 1), ins.slice(2 * W + 1));
    const kernelInputs = [...S, ...ins.slice(2 * W + 1, 2 * W + 1 + E)];
    const rows = Array.from({ length: W }, (_, from) => {
      const unit: Cotangent[] = Array.from({ length: W }, (_, j) => (j === from ? full(scalar, 1) : null));
      return kernelVjp(kernel, kernelInputs, unit, Array.from({ length: W }, (_, i) => i));
    });
    return jacKeys.map((key) => {
      const e = entries.find((x) => jacobianKey(x) === key)!;
      const g = rows[e.from]![e.to] ?? null;
      return g === null ? zeros(scalar) : bind(Prim.Index, [g], { index: [...e.cell] })[0]!;
    });
  });
  const J =
    jacKeys.length === 0
      ? []
      : bind(Prim.Stencil, [...windowed, ...a, order, ...jac.captured], {
          spec: mapSpec(spec),
          branches: jac.branches,
          nWindowed: windowed.length,
          gridDims: [...params.gridDims, gridDims, ...jac.captured.map(() => [])],
          reduceGrid: false,
        });
  const direct: (NDArray | null)[] = cts.slice(0, W).map((c) => (c === null ? null : inplace ? atCentres(params, c) : c));
  const lambda = adjointRecursion({ spec, entries, jacobians: J, jacKeys, direct, writes, inplace, W, dtype });

  // cotangents of the inputs: gathers and reduce stencils driven by λ, on the seen windows
  const d: DerivedInputs = {
    params: swept,
    windowed,
    extras: [...a, order, ...lambda],
    gridDims: [...params.gridDims, gridDims, ...lambda.map(() => gridDims)],
    prepare: (wins, extras) => {
      const { S, sawInput } = seen(wins, extras);
      return { kernelInputs: [...S, ...extras.slice(0, E)], cts: extras.slice(E + 1), windowMask: sawInput };
    },
  };
  return inputs.map((_, i) => {
    if (!needed[i]) return null;
    if (i >= W) return extraCotangent(d, i - W, kernelVjp);
    const gathered = windowCotangent(d, i, kernelVjp);
    const c = cts[i];
    if (!inplace || !c) return gathered;
    return ops.add(gathered, ops.mul(c, neverWritten));
  });
}

/** The vjp of a scan: one scan_sweep equation. */
export function scanVjp(args: VjpArgs<Prim.Stencil>, kernelVjp: KernelVjp): Cotangent[] {
  const { params, needed, cts } = args;
  const inputs = arrays(args.inputs);
  const W = params.nWindowed;
  const E = inputs.length - W;
  if (cts.every((c) => c === null)) return inputs.map(() => null);
  const inplace = params.spec.placement === "inplace";
  if (sizeOf(params.spec.gridShape) === 0) {
    return inputs.map((x, i) => (needed[i] ? (inplace && i < W && cts[i] ? cts[i]! : zeros({ shape: x.shape, dtype: x.dtype })) : null));
  }
  const dtype = inputs[0]!.dtype;
  const scalar: Aval = { shape: [], dtype };
  const avals = [...kernelInputAvals(params, inputs), ...Array.from({ length: W }, () => scalar)];
  // per branch: (S.., a.., λ..) → cotangents of S.. and a.. for results' cotangents λ
  const adj = stageBranches(params.branches, avals, (kernel, _b, ins) => {
    const kernelInputs = ins.slice(0, W + E);
    const res = kernelVjp(kernel, kernelInputs, ins.slice(W + E, 2 * W + E), kernelInputs.map((_, i) => i));
    return res.map((c, i) => c ?? zeros({ shape: kernelInputs[i]!.shape, dtype: kernelInputs[i]!.dtype }));
  });
  const present = cts.slice(0, W).filter((c): c is NDArray => c !== null);
  const sweepParams: ScanSweepParams = {
    scan: params,
    adjoints: adj.branches.map((br) => br.kernel),
    nCaptured: adj.captured.length,
    hasCt: cts.slice(0, W).map((c) => c !== null),
    // optional fields spelled out: absent, they would be read from Object.prototype if someone set it there
    ctMaps: undefined,
    zeroPadFrom: undefined,
  };
  const X = inputs.slice(0, W);
  const a = inputs.slice(W);
  const outs = bind(Prim.ScanSweep, [...X, ...args.outputs.slice(0, W), ...a, ...adj.captured, ...present], sweepParams);
  return inputs.map((_, i) => (needed[i] ? outs[i]! : null));
}

/**
 * What a scan_sweep equation computes, from stencils only: the program the
 * transforms of a scan's gradient differentiate and batch.
 *
 * @example
 * const { program, captured } = sweepAsStencils(params, inputAvals, kernelVjp);
 */
export function sweepAsStencils(p: ScanSweepParams, avals: readonly Aval[], kernelVjp: KernelVjp): StagedFunction {
  const { spec } = p.scan;
  if (p.zeroPadFrom !== undefined && spec.padValue !== 0 && spec.padMode.includes("constant")) {
    throw new KernexError(
      `grad: third derivatives of a scan with padValue ${spec.padValue} are not available: expected padValue 0 (first and second derivatives support every pad value)`,
    );
  }
  const W = p.scan.nWindowed;
  const E = p.scan.gridDims.length;
  return stage(avals, (...ins) => {
    const X = ins.slice(0, W);
    const Y = ins.slice(W, 2 * W);
    const a = ins.slice(2 * W, 2 * W + E);
    const cts = ctInputs(p, ins).map((c, j) => {
      if (c.length === 0) return null;
      const m = p.ctMaps?.[j] ?? null;
      return m === null ? c[0]! : bind(Prim.Stencil, c, m)[0]!;
    });
    const inputs = [...X, ...a];
    const got = scanCotangentsByStencils({ inputs, outputs: Y, cts, needed: inputs.map(() => true), params: p.scan }, kernelVjp);
    return got.map((c, i) => c ?? zeros({ shape: inputs[i]!.shape, dtype: inputs[i]!.dtype }));
  });
}
