/**
 * @file Building blocks of the stencil rules of jvp, grad and vmap: staging
 * one transformed kernel per mesh branch (regions kept, captured values
 * joined into shared trailing inputs), and constant arrays (the per-cell
 * tables come from compiler/geometry/grid-cells.ts).
 */
import { Program, Var, sizeOf, type Aval } from "../../../compiler/ir";
import type { Branch, Region, StencilParams, StencilSpec } from "../../../compiler/primitives";
import { stage } from "../../core/trace";
import { NDArray } from "../../ndarray/ndarray";
import { prune } from "./values";

/** Transformed branches and the outside values their kernels captured (to be passed as whole extra inputs). */
export interface StagedBranches {
  readonly branches: Branch[];
  readonly captured: NDArray[];
}

/**
 * Stage `build` once per branch on fresh inputs of `avals`, keeping each
 * branch's region. Kernels are pruned (dead primal work dropped). When a
 * kernel captures outside values, every kernel gets the union of them as
 * trailing inputs (a branch that does not use one gets an unused binder),
 * as kmap does for kernels that close over arrays.
 */
export function stageBranches(
  branches: readonly Branch[],
  avals: readonly Aval[],
  build: (kernel: Program, branch: number, inputs: readonly NDArray[]) => NDArray[],
): StagedBranches {
  const staged = branches.map((br, b) => {
    const s = stage(avals, (...ins) => build(br.kernel, b, ins));
    return { region: br.region, program: prune(s.program), captured: s.captured };
  });
  const union: NDArray[] = [];
  for (const s of staged) for (const c of s.captured) if (!union.includes(c)) union.push(c);
  const out = staged.map((s) => {
    if (union.length === 0) return { region: s.region, kernel: s.program };
    const own = s.program.inputs.slice(0, avals.length);
    const capVars = union.map((c) => {
      const i = s.captured.indexOf(c);
      return i >= 0 ? s.program.inputs[avals.length + i]! : new Var({ shape: c.shape, dtype: c.dtype });
    });
    return { region: s.region, kernel: new Program([...own, ...capVars], s.program.eqns, s.program.outputs) };
  });
  return { branches: out, captured: union };
}

/** The avals a stencil's kernels receive for its inputs: windows, then the per-cell parts of the extras. */
export function kernelInputAvals(params: StencilParams, inputs: readonly { readonly shape: readonly number[]; readonly dtype: Aval["dtype"] }[]): Aval[] {
  return inputs.map((x, i) => {
    if (i < params.nWindowed) return { shape: params.spec.kernelSize, dtype: x.dtype };
    return { shape: x.shape.slice(params.gridDims[i - params.nWindowed]!.length), dtype: x.dtype };
  });
}

/** The same geometry as an independent map on the grid (the form of every derived stencil). */
export function mapSpec(spec: StencilSpec): StencilSpec {
  return { ...spec, kind: "map", placement: "grid", reverse: false };
}

/** All grid dims, in order: the gridDims of a per-cell extra input of shape grid + S. */
export function allGridDims(spec: StencilSpec): number[] {
  return spec.gridShape.map((_, d) => d);
}

/** A constant array (outside any trace) from a filler over its flat data. */
export function constantArray(shape: readonly number[], dtype: Aval["dtype"], fill: (data: Float64Array | Float32Array) => void): NDArray {
  const data = dtype === "float32" ? new Float32Array(sizeOf(shape)) : new Float64Array(sizeOf(shape));
  fill(data);
  return new NDArray(shape, dtype, data);
}

/** The region covering every centre inside an input of `shape`. */
export function insideRegion(shape: readonly number[]): Region {
  return { start: shape.map(() => 0), stop: [...shape], step: shape.map(() => 1) };
}
