/**
 * @file The batching rule of `stencil` and `stencil_gather` (used by vmap.ts).
 *
 * A batched stencil stays ONE stencil with one more grid dimension: the
 * windowed inputs get the batch axis in front and the window gains an axis
 * of size 1 there (stride 1, no padding, dilation 1, constant pad mode), so
 * the grid gains a dim of the batch size and each window sees one batch
 * element. The kernels first squeeze that axis off their windows (a reshape),
 * then run unchanged. Batched extra inputs are indexed by the new grid dim
 * (gridDims gains 0 in front), so each batch element sees its own argument:
 * `vmap(conv)(x, w)` over channels is a depthwise convolution in one loop
 * nest. Mesh regions get the full range on the new dim. A reduceGrid stencil
 * must keep batch elements apart: it becomes per cell, summed over the old
 * grid dims afterwards.
 */
import type { Aval } from "../../../compiler/ir";
import { Prim, type Region, type StencilParams, type StencilSpec } from "../../../compiler/primitives";
import * as ops from "../../core/ops";
import { bind } from "../../core/trace";
import type { NDArray } from "../../ndarray/ndarray";
import { stageBranches } from "./stencil-common";
import { evalProgramWithBind } from "../../core/trace";
import { full, moveAxis, type Val } from "./values";

/** A batch dimension: the axis of a value that is mapped over, or null when unbatched. */
export type BDim = number | null;

/** Bring the batch axis to the front (broadcasting an unbatched value); `shape` is the value's unbatched shape. */
export function batchToFront(v: Val, bd: BDim, size: number, aval: Aval): NDArray {
  if (bd === null) {
    if (typeof v === "number") return full({ shape: [size, ...aval.shape], dtype: aval.dtype }, v);
    return ops.broadcastTo(v, [size, ...v.shape]);
  }
  return moveAxis(v as NDArray, bd, 0);
}

function batchedSpec(spec: StencilSpec, size: number): StencilSpec {
  return {
    ...spec,
    inShape: [size, ...spec.inShape],
    kernelSize: [1, ...spec.kernelSize],
    strides: [1, ...spec.strides],
    dilation: [1, ...spec.dilation],
    padding: [[0, 0], ...spec.padding],
    padMode: ["constant", ...spec.padMode],
    gridShape: [size, ...spec.gridShape],
  };
}

function batchedRegion(region: Region | null, size: number): Region | null {
  if (region === null) return null;
  return { start: [0, ...region.start], stop: [size, ...region.stop], step: [1, ...region.step] };
}

/** Batch a stencil or stencil_gather equation: one stencil with the batch as its leading grid dim (output batch dim 0). */
export function stencilBatch(prim: Prim.Stencil | Prim.StencilGather, vals: readonly Val[], bdims: readonly BDim[], params: StencilParams, size: number): { outs: NDArray[]; bdims: BDim[] } {
  const W = params.nWindowed;
  const { spec } = params;
  const kernelAvals = params.branches[0]!.kernel.inputs.map((v) => v.aval);
  const windowed = vals.slice(0, W).map((v, i) => batchToFront(v, bdims[i]!, size, { shape: spec.inShape, dtype: kernelAvals[i]!.dtype }));
  const extras: NDArray[] = [];
  const gridDims: number[][] = [];
  vals.slice(W).forEach((v, j) => {
    const bd = bdims[W + j]!;
    const shifted = params.gridDims[j]!.map((d) => d + 1);
    if (bd === null) {
      extras.push(v as NDArray);
      gridDims.push(shifted);
    } else {
      extras.push(moveAxis(v as NDArray, bd, 0));
      gridDims.push([0, ...shifted]);
    }
  });
  const newSpec = batchedSpec(spec, size);
  const avals: Aval[] = [...kernelAvals.slice(0, W).map((a) => ({ shape: newSpec.kernelSize, dtype: a.dtype })), ...kernelAvals.slice(W)];
  const gather = prim === Prim.StencilGather;
  const staged = stageBranches(params.branches, avals, (kernel, _b, ins) => {
    const wins = ins.slice(0, W).map((w) => ops.reshape(w, spec.kernelSize));
    const outs = evalProgramWithBind(kernel, [...wins, ...ins.slice(W)]);
    return gather ? outs.map((o) => ops.reshape(o, newSpec.kernelSize)) : outs;
  });
  const branches = staged.branches.map((b) => ({ region: batchedRegion(b.region, size), kernel: b.kernel }));
  const perCell = params.reduceGrid;
  const newParams: StencilParams = {
    spec: newSpec,
    branches,
    nWindowed: W,
    gridDims: [...gridDims, ...staged.captured.map(() => [])],
    reduceGrid: false,
  };
  const outs = bind(prim, [...windowed, ...extras, ...staged.captured], newParams);
  if (!perCell) return { outs, bdims: outs.map(() => 0) };
  const oldGrid = spec.gridShape.map((_, d) => d + 1);
  return { outs: outs.map((o) => ops.sum(o, { axis: oldGrid })), bdims: outs.map(() => 0) };
}
