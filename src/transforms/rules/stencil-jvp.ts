/**
 * @file The jvp rules of `stencil` and `stencil_gather` (used by jvp.ts).
 *
 * A stencil's jvp is ONE stencil with the tangents riding along: windowed
 * inputs (x, ẋ), extra inputs (a, ȧ) with the same gridDims, and kernels
 * that are the jvp of each branch's kernel, returning (y, ẏ). For scans
 * this is exact because output j is written back into windowed input j:
 * the tangent output written back into the tangent input is what later
 * windows read, so tangents are scanned along with the values.
 *
 * `stencil_gather` (out = Σ_windows scatter(R(window, a))) is linear in the
 * kernel result R, so d out = Σ scatter(dR): a second gather over (x, ẋ),
 * (a, ȧ) whose kernel returns the tangent of R.
 */
import type { Aval, Program } from "../../../compiler/ir";
import { Prim, type StencilParams } from "../../../compiler/primitives";
import * as ops from "../../core/ops";
import { bind } from "../../core/trace";
import { NDArray } from "../../ndarray/ndarray";
import type { JvpResult, Tangent } from "../jvp";
import { kernelInputAvals, stageBranches } from "./stencil-common";
import { avalOf, zeros, type Val } from "./values";

/** Evaluate a kernel program with jvp rules (jvp.ts's evaluator, passed in to keep the modules acyclic). */
export type KernelJvp = (kernel: Program, primals: readonly NDArray[], tangents: readonly Tangent[]) => { outs: NDArray[]; touts: Tangent[] };

function arrays(xs: readonly Val[], what: string): NDArray[] {
  return xs.map((x, i) => {
    if (!(x instanceof NDArray)) throw new Error(`${what}: input ${i} is a literal ${String(x)}; stencil inputs are arrays`);
    return x;
  });
}

/** One input of the transformed stencil: input i's primal or its tangent. */
interface Slot {
  readonly tangent: boolean;
  readonly index: number;
}

/**
 * Windowed inputs of the jvp stencil. Scans and in-place maps write output j
 * over windowed input j, so the K tangent outputs need their K tangent
 * windows right after the K primal ones (zeros when the tangent is symbolic);
 * grid maps take only the nonzero tangent windows.
 */
function windowSlots(params: StencilParams, tangents: readonly Tangent[], nOut: number): Slot[] {
  const W = params.nWindowed;
  const carried = params.spec.kind === "scan" || params.spec.placement === "inplace";
  const slots: Slot[] = [];
  if (carried) {
    if (nOut > W) throw new Error(`stencil jvp: ${nOut} outputs but ${W} windowed inputs in a ${params.spec.kind}/${params.spec.placement} stencil`);
    for (let i = 0; i < nOut; i++) slots.push({ tangent: false, index: i });
    for (let i = 0; i < nOut; i++) slots.push({ tangent: true, index: i });
    for (let i = nOut; i < W; i++) slots.push({ tangent: false, index: i });
    for (let i = nOut; i < W; i++) if (tangents[i] !== null) slots.push({ tangent: true, index: i });
    return slots;
  }
  for (let i = 0; i < W; i++) slots.push({ tangent: false, index: i });
  for (let i = 0; i < W; i++) if (tangents[i] !== null) slots.push({ tangent: true, index: i });
  return slots;
}

interface Layout {
  readonly inputs: NDArray[];
  readonly params: Omit<StencilParams, "branches">;
  readonly kernelAvals: Aval[];
  /** A window of zeros was added after the slots (see `layout`). */
  readonly zeroWindow: boolean;
  /** Split a transformed kernel's inputs into the original kernel's primal and tangent inputs. */
  readonly split: (ins: readonly NDArray[]) => { primals: NDArray[]; tangents: Tangent[] };
}

/**
 * Inputs, params and kernel avals of the transformed stencil. Every windowed
 * input reads the stencil's pad value outside the array, but a tangent must
 * read 0 there: with a non-zero constant pad value, a window of zeros (which
 * reads exactly the pad value outside and 0 inside) is added and subtracted
 * from each tangent window.
 */
function layout(primals: readonly NDArray[], tangents: readonly Tangent[], params: StencilParams, slots: readonly Slot[]): Layout {
  const W = params.nWindowed;
  const E = primals.length - W;
  const { spec } = params;
  const origAvals = kernelInputAvals(params, primals);
  const extraT = Array.from({ length: E }, (_, j) => j).filter((j) => tangents[W + j] !== null);
  const zeroWindow = spec.padValue !== 0 && spec.padMode.includes("constant") && slots.some((s) => s.tangent);
  const windowed = slots.map((s) => (s.tangent ? (tangents[s.index] ?? zeros(avalOf(primals[s.index]!))) : primals[s.index]!));
  if (zeroWindow) windowed.push(zeros(avalOf(primals[0]!)));
  const nw = windowed.length;
  const inputs = [...windowed, ...primals.slice(W), ...extraT.map((j) => tangents[W + j]!)];
  const gridDims = [...params.gridDims, ...extraT.map((j) => params.gridDims[j]!)];
  const windowAvals = slots.map((s) => origAvals[s.index]!);
  if (zeroWindow) windowAvals.push(origAvals[0]!);
  const kernelAvals = [...windowAvals, ...origAvals.slice(W), ...extraT.map((j) => origAvals[W + j]!)];
  const split = (ins: readonly NDArray[]) => {
    const p: NDArray[] = new Array<NDArray>(W + E);
    const t: Tangent[] = new Array<Tangent>(W + E).fill(null);
    slots.forEach((s, k) => {
      if (!s.tangent) p[s.index] = ins[k]!;
      else t[s.index] = zeroWindow ? ops.sub(ins[k]!, ins[nw - 1]!) : ins[k]!;
    });
    for (let j = 0; j < E; j++) p[W + j] = ins[nw + j]!;
    extraT.forEach((j, k) => (t[W + j] = ins[nw + E + k]!));
    return { primals: p, tangents: t };
  };
  return { inputs, params: { spec, nWindowed: nw, gridDims, reduceGrid: params.reduceGrid }, kernelAvals, zeroWindow, split };
}

/** d stencil(x, a) = stencil'(x, ẋ, a, ȧ): one stencil whose kernels are the jvps of the branch kernels. */
export function stencilJvp(rawPrimals: readonly Val[], tangents: readonly Tangent[], params: StencilParams, kernelJvp: KernelJvp): JvpResult {
  const primals = arrays(rawPrimals, "stencil jvp");
  const nOut = params.branches[0]!.kernel.outputs.length;
  const lay = layout(primals, tangents, params, windowSlots(params, tangents, nOut));
  const { branches, captured } = stageBranches(params.branches, lay.kernelAvals, (kernel, _b, ins) => {
    const { primals: p, tangents: t } = lay.split(ins);
    const r = kernelJvp(kernel, p, t);
    const outs = [...r.outs, ...r.touts.map((tt, k) => tt ?? zeros(avalOf(r.outs[k]!)))];
    // a scan writes output j back into windowed input j: the window of zeros gets its zero back
    if (lay.zeroWindow && params.spec.kind === "scan") outs.push(zeros({ shape: [], dtype: r.outs[0]!.dtype }));
    return outs;
  });
  const newParams: StencilParams = { ...lay.params, branches, gridDims: [...lay.params.gridDims, ...captured.map(() => [])] };
  const results = bind(Prim.Stencil, [...lay.inputs, ...captured], newParams);
  return { outs: results.slice(0, nOut), touts: results.slice(nOut, 2 * nOut) };
}

/** d gather(x, a) = gather(x, ẋ, a, ȧ) with kernel dR: the scatter is linear in the kernel result. */
export function stencilGatherJvp(rawPrimals: readonly Val[], tangents: readonly Tangent[], params: StencilParams, kernelJvp: KernelJvp): JvpResult {
  const primals = arrays(rawPrimals, "stencil_gather jvp");
  const outs = bind(Prim.StencilGather, primals, params);
  const lay = layout(primals, tangents, params, windowSlots({ ...params, spec: { ...params.spec, kind: "map", placement: "grid" } }, tangents, 1));
  const { branches, captured } = stageBranches(params.branches, lay.kernelAvals, (kernel, _b, ins) => {
    const { primals: p, tangents: t } = lay.split(ins);
    const r = kernelJvp(kernel, p, t);
    return [r.touts[0] ?? zeros(avalOf(r.outs[0]!))];
  });
  const newParams: StencilParams = { ...lay.params, branches, gridDims: [...lay.params.gridDims, ...captured.map(() => [])] };
  const tout = bind(Prim.StencilGather, [...lay.inputs, ...captured], newParams)[0]!;
  return { outs, touts: [tout] };
}
