/**
 * @file The vjp rules of map stencils and of `stencil_gather` (used by grad.ts;
 * scans are in rules/scan-vjp.ts).
 *
 * A map stencil computes, at grid cell g with branch b, y[g] = K_b(win_g(x), a).
 * Given the cotangent c[g] of one cell's outputs, the kernel's own vjp gives
 * the cotangent of that window and of the extra inputs. Summed over cells:
 *
 *     x̄ = Σ_g scatter_g(∂K_b/∂win(win_g, a)ᵀ c[g])   one stencil_gather: the
 *                                                    adjoint of the window reads
 *     ā = Σ_g ∂K_b/∂a(win_g, a)ᵀ c[g]                 one stencil with reduceGrid
 *
 * Both are stencils with the same geometry and mesh regions as the forward
 * one, whose kernels are "kernel vjp" programs; the per-cell cotangent enters
 * as an extra input indexed by the grid (gridDims = all grid dims), so no
 * per-window tensor is ever materialized. Extra inputs that are per-cell
 * themselves (gridDims ≠ []) get per-cell cotangents, summed over the grid
 * dims they are not indexed by.
 *
 * In-place maps (smap) write only the centre cells: x̄ = c (cells not written)
 * + the gather of the kernels' window cotangents, with c read at the centres.
 *
 * `stencil_gather` (out = Σ_g scatter_g(R(win_g, a))) is the same picture
 * with the roles swapped: <c̄, out> = Σ_g <win_g(c̄), R(win_g, a)>, so the
 * per-cell cotangent of R is the window of c̄ (a windowed input), and its
 * vjp is again a gather and reduce stencils.
 */
import { sizeOf, type Aval, type Program } from "../../../compiler/ir";
import { centreBase, forEachCell } from "../../../compiler/geometry/grid-cells";
import { Prim, type Branch, type StencilParams } from "../../../compiler/primitives";
import * as ops from "../../core/ops";
import { bind } from "../../core/trace";
import { NDArray } from "../../ndarray/ndarray";
import type { Cotangent, VjpArgs } from "../grad";
import { allGridDims, constantArray, mapSpec, stageBranches } from "./stencil-common";
import { avalOf, zeros, type Val } from "./values";

/**
 * Cotangents of a kernel program's inputs `wanted`, given its inputs and the
 * cotangents of its outputs (grad.ts's evaluator, passed in to keep the
 * modules acyclic).
 */
export type KernelVjp = (kernel: Program, inputs: readonly NDArray[], cts: readonly Cotangent[], wanted: readonly number[]) => Cotangent[];

/** What the kernels of a derived stencil see, and how they recover the forward kernel's inputs and cotangents. */
export interface DerivedInputs {
  /** Geometry of the forward stencil (its branches are the ones transformed unless `branches` is given). */
  readonly params: StencilParams;
  readonly branches?: readonly Branch[];
  readonly windowed: readonly NDArray[];
  readonly extras: readonly NDArray[];
  readonly gridDims: readonly (readonly number[])[];
  /**
   * From the derived kernel's windows and extras: the forward kernel's inputs,
   * the cotangents of its outputs, and an optional 0/1 mask applied to window
   * cotangents (cells whose reads are not this input's).
   */
  readonly prepare: (wins: readonly NDArray[], extras: readonly NDArray[]) => { kernelInputs: NDArray[]; cts: Cotangent[]; windowMask?: NDArray };
}

function derivedAvals(d: DerivedInputs): Aval[] {
  const ks = d.params.spec.kernelSize;
  return [
    ...d.windowed.map((x) => ({ shape: ks, dtype: x.dtype })),
    ...d.extras.map((e, j) => ({ shape: e.shape.slice(d.gridDims[j]!.length), dtype: e.dtype })),
  ];
}

/** Kernels returning the cotangent of forward-kernel input `target`, one per branch. */
function derivedBranches(d: DerivedInputs, target: number, kernelVjp: KernelVjp) {
  const nw = d.windowed.length;
  const source = d.branches ?? d.params.branches;
  return stageBranches(source, derivedAvals(d), (kernel, _b, ins) => {
    const { kernelInputs, cts, windowMask } = d.prepare(ins.slice(0, nw), ins.slice(nw));
    const ct = kernelVjp(kernel, kernelInputs, cts, [target])[0] ?? null;
    const aval = avalOf(kernelInputs[target]!);
    const result = ct ?? zeros(aval);
    return [windowMask !== undefined && target < d.params.nWindowed ? ops.mul(result, windowMask) : result];
  });
}

/** x̄ᵢ = Σ_g scatter_g(...): one stencil_gather with the forward geometry. */
export function windowCotangent(d: DerivedInputs, i: number, kernelVjp: KernelVjp): NDArray {
  const { branches, captured } = derivedBranches(d, i, kernelVjp);
  const params: StencilParams = {
    spec: mapSpec(d.params.spec),
    branches,
    nWindowed: d.windowed.length,
    gridDims: [...d.gridDims, ...captured.map(() => [])],
    reduceGrid: false,
  };
  return bind(Prim.StencilGather, [...d.windowed, ...d.extras, ...captured], params)[0]!;
}

/** āⱼ: summed over the grid (reduceGrid), or per cell and summed over the grid dims āⱼ is not indexed by. */
export function extraCotangent(d: DerivedInputs, j: number, kernelVjp: KernelVjp): NDArray {
  const W = d.params.nWindowed;
  const dims = d.params.gridDims[j]!;
  const { branches, captured } = derivedBranches(d, W + j, kernelVjp);
  const reduceGrid = dims.length === 0;
  const params: StencilParams = {
    spec: mapSpec(d.params.spec),
    branches,
    nWindowed: d.windowed.length,
    gridDims: [...d.gridDims, ...captured.map(() => [])],
    reduceGrid,
  };
  const out = bind(Prim.Stencil, [...d.windowed, ...d.extras, ...captured], params)[0]!;
  if (reduceGrid) return out;
  // per cell: grid + rest; sum the grid dims this input is not indexed by, then order as its leading axes
  const nd = d.params.spec.gridShape.length;
  const summed = allGridDims(d.params.spec).filter((g) => !dims.includes(g));
  const reduced = summed.length === 0 ? out : ops.sum(out, { axis: summed });
  const kept = allGridDims(d.params.spec).filter((g) => dims.includes(g));
  const perm = [...dims.map((g) => kept.indexOf(g)), ...Array.from({ length: out.ndim - nd }, (_, r) => kept.length + r)];
  return ops.transpose(reduced, perm);
}

/**
 * The cells of `c` (input shape) at the window centres, as a grid-shaped
 * array (zero for centres outside the input).
 */
export function atCentres(params: StencilParams, c: NDArray): NDArray {
  const { spec } = params;
  const base = centreBase(params);
  const last = base.map((b, d) => b + (spec.gridShape[d]! - 1) * spec.strides[d]!);
  const lo = base.map((b) => Math.max(0, -b));
  const hi = last.map((l, d) => Math.max(0, l - (spec.inShape[d]! - 1)));
  const padded = lo.some((v) => v > 0) || hi.some((v) => v > 0) ? bind(Prim.Pad, [c], { lo, hi, interior: lo.map(() => 0) })[0]! : c;
  if (sizeOf(spec.gridShape) === 0) return zeros({ shape: spec.gridShape, dtype: c.dtype });
  return bind(Prim.Slice, [padded], { start: base.map((b, d) => b + lo[d]!), step: [...spec.strides], shape: [...spec.gridShape] })[0]!;
}

/** 1 on the cells an in-place map leaves as they are, 0 on the centres it writes (a constant). */
function keptMask(params: StencilParams, dtype: Aval["dtype"]): NDArray {
  return constantArray(params.spec.inShape, dtype, (data) => {
    data.fill(1);
    forEachCell(params, (cell) => {
      if (cell.branch >= 0 && cell.centreFlat >= 0) data[cell.centreFlat] = 0;
    });
  });
}

/** Stencil operands as arrays (they are never literals). */
export function arrays(xs: readonly Val[]): NDArray[] {
  return xs.map((x, i) => {
    if (!(x instanceof NDArray)) throw new Error(`stencil vjp: input ${i} is the literal ${String(x)}; stencil inputs are arrays`);
    return x;
  });
}

/** Cotangents of every needed input of a map stencil (see the file header). */
export function mapStencilVjp(args: VjpArgs<Prim.Stencil>, kernelVjp: KernelVjp): Cotangent[] {
  const { params, cts, needed } = args;
  const inputs = arrays(args.inputs);
  const W = params.nWindowed;
  const { spec } = params;
  const present = cts.map((c, k) => (c === null ? -1 : k)).filter((k) => k >= 0);
  if (present.length === 0) return inputs.map(() => null);
  let cellCts: NDArray[];
  let ctDims: number[];
  if (params.reduceGrid) {
    // every cell's outputs were summed: each cell's cotangent is the whole c
    cellCts = present.map((k) => cts[k]!);
    ctDims = [];
  } else if (spec.placement === "inplace") {
    cellCts = present.map((k) => atCentres(params, cts[k]!));
    ctDims = allGridDims(spec);
  } else {
    cellCts = present.map((k) => cts[k]!);
    ctDims = allGridDims(spec);
  }
  const nOut = cts.length;
  const d: DerivedInputs = {
    params,
    windowed: inputs.slice(0, W),
    extras: [...inputs.slice(W), ...cellCts],
    gridDims: [...params.gridDims, ...cellCts.map(() => ctDims)],
    prepare: (wins, extras) => {
      const E = inputs.length - W;
      const c: Cotangent[] = new Array<Cotangent>(nOut).fill(null);
      present.forEach((k, m) => (c[k] = extras[E + m]!));
      return { kernelInputs: [...wins, ...extras.slice(0, E)], cts: c };
    },
  };
  return inputs.map((x, i) => {
    if (!needed[i]) return null;
    if (i >= W) return extraCotangent(d, i - W, kernelVjp);
    const gathered = windowCotangent(d, i, kernelVjp);
    const c = i < nOut ? cts[i] : null;
    if (spec.placement !== "inplace" || params.reduceGrid || c === null || c === undefined) return gathered;
    // output i is input i where no centre is written
    return ops.add(gathered, ops.mul(c, keptMask(params, x.dtype)));
  });
}

/** Cotangents of every needed input of a stencil_gather (see the file header). */
export function stencilGatherVjp(args: VjpArgs<Prim.StencilGather>, kernelVjp: KernelVjp): Cotangent[] {
  const { params, needed } = args;
  const inputs = arrays(args.inputs);
  const ct = args.cts[0] ?? null;
  if (ct === null) return inputs.map(() => null);
  const W = params.nWindowed;
  const { spec } = params;
  // windows of c̄ read the pad value where x's did; a window of zeros reads exactly that value there, so the difference is c̄ with zero padding
  const correct = spec.padValue !== 0 && spec.padMode.includes("constant");
  const added = correct ? [ct, zeros(avalOf(ct))] : [ct];
  const nOut = params.branches[0]!.kernel.outputs.length;
  const d: DerivedInputs = {
    params,
    windowed: [...inputs.slice(0, W), ...added],
    extras: inputs.slice(W),
    gridDims: params.gridDims,
    prepare: (wins, extras) => {
      const ctWindow = correct ? ops.sub(wins[W]!, wins[W + 1]!) : wins[W]!;
      const c: Cotangent[] = new Array<Cotangent>(nOut).fill(null);
      c[0] = ctWindow;
      return { kernelInputs: [...wins.slice(0, W), ...extras], cts: c };
    },
  };
  return inputs.map((_, i) => {
    if (!needed[i]) return null;
    return i < W ? windowCotangent(d, i, kernelVjp) : extraCotangent(d, i - W, kernelVjp);
  });
}
