/**
 * @file The reverse sweep of a scan stencil (`scan_sweep`): the vjp of
 * kscan/sscan in one pass over the grid, without a tape. This file holds its
 * meaning (the reference evaluation) and its output types; the compiled form
 * is lowered to the loop IR in compiler/loop/lower-sweep.ts and printed by
 * compiler/codegen/emit-sweep.ts.
 *
 * A scan visits grid cells g in order o(g); step g reads windows of the
 * working arrays, computes R(g) = K_b(S_g, a) and writes it at its centre
 * c(g). Every input cell q is written at most once, by the covered step w(q)
 * whose centre it is, so the value step h saw at q needs no tape: Y at w(q)
 * when o(w(q)) < o(h), else X[q]. Reads through any pad mode land on some
 * cell q (or on the constant pad value, which has no derivative).
 *
 * The sweep visits the grid in reverse order with one accumulator A per
 * windowed input (input-shaped):
 *
 *     step g covered:   λ(g) = D(g) + A[c(g)];  A[c(g)] = 0   (in place: A starts as F, and λ(g) = A[c(g)])
 *                       for each window cell k reading q:  A[q] += S̄_k,   ā += ā(g)
 *                       with (S̄, ā) = vjp of K_b at the seen window, applied to λ(g)
 *     step g uncovered: A[c(g)] += D(g)   (its output is the seen centre, never written)
 *
 * Why one accumulator is enough: the reads of q by steps after w(q) saw Y,
 * so their adjoints belong to λ(w(q)); the sweep meets them before w(q),
 * where they are taken out. Reads by w(q) and earlier saw X[q]; they arrive
 * after A[q] was cleared, so what is left in A at the end is x̄.
 *
 * Worked example: a 1-d kscan of size 3, "same" padding, R(g) = S[0] + S[2].
 * Step g reads g-1 (written at g-1 < g: Y), g+1 (not yet written: X).
 * Reverse sweep at g: λ(g) = D(g) + A[g] (holding λ(g+1), sent by step g+1
 * through its read of g), then A[g-1] += λ(g) (to λ(g-1)) and A[g+1] += λ(g)
 * (x̄[g+1], since A[g+1] was cleared at step g+1).
 */
import { sizeOf, stridesOf, type Aval, type Program } from "./ir";
import { forEachCell, perCellExtra } from "./geometry/grid-cells";
import { padIndex } from "./geometry/pad-index";
import { centreOffset } from "./geometry/window";
import { tensor, type Tensor } from "./tensor";
import { Prim, type ParamsOf, type ScanSweepParams, type StencilParams } from "./primitives";

/** Output types: the cotangent of each windowed input, then of each extra. */
export function scanSweepOutAvals(inputs: readonly Aval[], p: ScanSweepParams): Aval[] {
  const W = p.scan.nWindowed;
  const E = p.scan.gridDims.length;
  return [...inputs.slice(0, W).map((x) => ({ shape: p.scan.spec.inShape, dtype: x.dtype })), ...inputs.slice(2 * W, 2 * W + E)];
}

/** Number of inputs of a sweep: X, Y, extras, captured, present cotangents. */
export function scanSweepArity(p: ScanSweepParams): number {
  return 2 * p.scan.nWindowed + p.scan.gridDims.length + p.nCaptured + ctInputCounts(p).reduce((n, c) => n + c, 0);
}

/** Number of inputs each scan output's cotangent takes (0: none, 1: an array, more: a map's inputs). */
export function ctInputCounts(p: ScanSweepParams): number[] {
  return p.hasCt.map((h, j) => {
    if (!h) return 0;
    const m = p.ctMaps?.[j] ?? null;
    return m === null ? 1 : m.nWindowed + m.gridDims.length;
  });
}

/** The inputs that make up each scan output's cotangent (empty: none). */
export function ctInputs<T>(p: ScanSweepParams, inputs: readonly T[]): T[][] {
  let next = 2 * p.scan.nWindowed + p.scan.gridDims.length + p.nCaptured;
  return ctInputCounts(p).map((n) => inputs.slice(next, (next += n)));
}

/** For every input cell, its writer: visiting order (Infinity: never written) and grid cell. */
function writers(p: StencilParams): { order: Float64Array; flat: Int32Array } {
  const n = sizeOf(p.spec.inShape);
  const order = new Float64Array(n).fill(Infinity);
  const flat = new Int32Array(n);
  forEachCell(p, (c) => {
    if (c.centreFlat < 0 || c.branch < 0) return;
    order[c.centreFlat] = c.order;
    flat[c.centreFlat] = c.flat;
  });
  return { order, flat };
}

/**
 * The interpreter a reference sweep runs kernels with. The reference
 * interpreter evaluates sweeps and a sweep evaluates kernel programs, so the
 * interpreter hands its own functions in (as it does to fori-loop.ts's
 * evalLoop) instead of the two files importing each other.
 */
export interface SweepEvaluator {
  /** Apply one primitive (here: the stencil that builds a mapped cotangent). */
  readonly evalPrim: <P extends Prim>(prim: P, inputs: readonly Tensor[], params: ParamsOf<P>, outAvals: readonly Aval[]) => Tensor[];
  /** Evaluate a kernel's adjoint program on one window. */
  readonly evalProgram: (program: Program, args: readonly Tensor[]) => Tensor[];
}

/**
 * Reference sweep: one kernel vjp per covered grid cell, in reverse visiting order.
 *
 * @example
 * evalScanSweep(inputs, params, outAvals, { evalPrim, evalProgram }); // x̄ per windowed input, then ā per extra
 */
export function evalScanSweep(inputs: readonly Tensor[], p: ScanSweepParams, outAvals: readonly Aval[], { evalPrim, evalProgram }: SweepEvaluator): Tensor[] {
  const { scan } = p;
  const { spec, nWindowed: W } = scan;
  const E = scan.gridDims.length;
  const nd = spec.inShape.length;
  const inplace = spec.placement === "inplace";
  const X = inputs.slice(0, W);
  const Y = inputs.slice(W, 2 * W);
  const extras = inputs.slice(2 * W, 2 * W + E);
  const captured = inputs.slice(2 * W + E, 2 * W + E + p.nCaptured);
  const D = ctInputs(p, inputs).map((ins, j) => {
    if (ins.length === 0) return null;
    const m = p.ctMaps?.[j] ?? null;
    return m === null ? ins[0]! : evalPrim(Prim.Stencil, ins, m, [{ shape: spec.gridShape, dtype: ins[0]!.dtype }])[0]!;
  });
  const outs = outAvals.map((a) => tensor(a.shape, a.dtype));
  const A = outs.slice(0, W);
  const aBar = outs.slice(W);
  if (inplace) A.forEach((acc, j) => D[j] && acc.data.set(D[j]!.data));

  const writer = writers(scan);
  const inStrides = stridesOf(spec.inShape);
  const kStrides = stridesOf(spec.kernelSize);
  const kSize = sizeOf(spec.kernelSize);
  // per window cell and dim: its offset from the cell's centre
  const offsets = Array.from({ length: kSize }, (_, f) =>
    spec.kernelSize.map((ks, d) => (Math.floor(f / kStrides[d]!) % ks) * spec.dilation[d]! - centreOffset(scan, d)),
  );
  const read = new Int32Array(kSize);
  forEachCell(
    scan,
    ({ g, flat: gFlat, order: t, centre, centreFlat, branch: b }) => {
      if (b < 0) {
        if (!inplace && centreFlat >= 0) A.forEach((acc, j) => D[j] && (acc.data[centreFlat] += D[j]!.data[gFlat]!));
        return;
      }
      if (inplace && centreFlat < 0) return;
      const lambda = A.map((acc, j) => {
        let l = !inplace && D[j] ? D[j]!.data[gFlat]! : 0;
        if (centreFlat >= 0) {
          l += acc.data[centreFlat]!;
          acc.data[centreFlat] = 0;
        }
        return tensor([], acc.dtype, acc.dtype === "float32" ? Float32Array.of(l) : Float64Array.of(l));
      });
      // the window cells: where each one reads (-1: the constant pad value), and the value it saw
      offsets.forEach((off, f) => {
        let q = 0;
        for (let d = 0; d < nd && q >= 0; d++) {
          const c = padIndex(centre[d]! + off[d]!, spec.inShape[d]!, spec.padMode[d]!);
          q = c < 0 ? -1 : q + c * inStrides[d]!;
        }
        read[f] = q;
      });
      const windows = X.map((x, j) => {
        const win = tensor(spec.kernelSize, x.dtype);
        for (let f = 0; f < kSize; f++) {
          const q = read[f]!;
          if (q < 0) win.data[f] = j >= (p.zeroPadFrom ?? W) ? 0 : spec.padValue;
          else if (writer.order[q]! < t) win.data[f] = Y[j]!.data[inplace ? q : writer.flat[q]!]!;
          else win.data[f] = x.data[q]!;
        }
        return win;
      });
      const extraVals = extras.map((e, j) => perCellExtra(e, scan.gridDims[j]!, g));
      const result = evalProgram(p.adjoints[b]!, [...windows, ...extraVals, ...lambda, ...captured]);
      A.forEach((acc, j) => {
        const sBar = result[j]!;
        for (let f = 0; f < kSize; f++) if (read[f]! >= 0) acc.data[read[f]!] += sBar.data[sBar.data.length === 1 ? 0 : f]!;
      });
      aBar.forEach((out, j) => {
        const v = result[W + j]!;
        const dims = scan.gridDims[j]!;
        const rest = sizeOf(out.shape.slice(dims.length));
        let base = 0;
        for (let i = 0; i < dims.length; i++) base = base * out.shape[i]! + g[dims[i]!]!;
        for (let f = 0; f < rest; f++) out.data[base * rest + f] += v.data[v.data.length === 1 ? 0 : f]!;
      });
    },
    true,
  );
  return outs;
}
