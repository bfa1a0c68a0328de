/**
 * @file The vjp rule of `fori_loop` (used by grad.ts): reverse mode with
 * √n checkpoints, built from loops only (so the backward pass is itself a
 * few compiled loops, and traceable like every rule).
 *
 * Steps run in time order t = 0..n-1 (a reverse loop's rows are flipped
 * first). With k = ⌈√n⌉, the first m = ⌊n/k⌋·k steps form m/k segments of
 * k steps and the r = n - m others a tail:
 *
 *   1. forward: a loop over segments keeps each segment's first carry
 *      (m/k checkpoints), then the tail runs keeping its r carries;
 *   2. backward over the tail: a reverse loop whose step is the vjp of the
 *      body at the kept carry: c̄ₜ = ∂body/∂c(cₜ)ᵀ c̄ₜ₊₁ (+ ȳₜ's share),
 *      x̄ₜ = ∂body/∂x(cₜ)ᵀ (...), ā += ∂body/∂a(cₜ)ᵀ (...);
 *   3. backward over segments, last first: re-run the segment from its
 *      checkpoint keeping its k carries, then the same reverse loop.
 *
 * At most m/k + k ≈ 2√n carries are alive at once; the forward runs twice,
 * the body's vjp once per step.
 */
import type { Aval, Program } from "../../../compiler/ir";
import { Prim, type LoopParams } from "../../../compiler/primitives";
import * as ops from "../../core/ops";
import { bind, evalProgramWithBind } from "../../core/trace";
import type { NDArray } from "../../ndarray/ndarray";
import type { Cotangent, VjpArgs } from "../grad";
import { bindLoop, splitLoopInputs } from "./loop-common";
import { add, avalOf, fit, mul, sub, zeros, type Val } from "./values";

/** grad.ts's kernelVjp, passed in to keep the modules acyclic. */
export type ProgramVjp = (program: Program, inputs: readonly NDArray[], cts: readonly Cotangent[], wanted: readonly number[]) => Cotangent[];

/** Rows [start, start + count) of a stacked array. */
function rows(x: NDArray, start: number, count: number): NDArray {
  return bind(Prim.Slice, [x], { start: x.shape.map((_, d) => (d === 0 ? start : 0)), step: x.shape.map(() => 1), shape: [count, ...x.shape.slice(1)] })[0]!;
}

/** The checkpoint interval for n steps: ⌈√n⌉. */
export function checkpointInterval(n: number): number {
  return Math.max(1, Math.ceil(Math.sqrt(n)));
}

/**
 * Cotangents of a loop's inputs (null for `lower` and inputs not needed).
 *
 * @example
 * loopVjp(args, kernelVjp);
 */
export function loopVjp(args: VjpArgs<Prim.ForiLoop>, programVjp: ProgramVjp): Cotangent[] {
  const p: LoopParams = args.params;
  const body = p.body;
  const n = p.steps;
  const nc = p.nCarry;
  const v = splitLoopInputs(p, args.inputs);
  const need = splitLoopInputs(p, args.needed);
  const lower = v.lower;
  const invs = v.invariants as NDArray[];
  const inAval = (j: number): Aval => body.inputs[j]!.aval;
  // time order: a reverse loop's rows flipped
  const timed = (x: NDArray): NDArray => (p.reverse ? ops.flip(x, [0]) : x);
  const xsT = (v.xs as NDArray[]).map(timed);
  const ctC = args.cts.slice(0, nc).map((c, j) => c ?? zeros(avalOf(args.outputs[j]!)));
  const ctYIdx = args.cts.slice(nc).map((c, j) => (c === null ? -1 : j)).filter((j) => j >= 0);
  const ctYsT = ctYIdx.map((j) => timed(args.cts[nc + j]!));
  const xIdx = need.xs.map((w, j) => (w ? j : -1)).filter((j) => j >= 0);
  const aIdx = need.invariants.map((w, j) => (w ? j : -1)).filter((j) => j >= 0);
  const nx = xsT.length;
  // the body's index at time t
  const indexAt = (t: Val): NDArray => fit(p.reverse ? sub(add(lower, n - 1), t) : add(lower, t), inAval(0));
  const forward = (t: Val, c: readonly NDArray[], x: readonly NDArray[]): NDArray[] =>
    evalProgramWithBind(body, [indexAt(t), ...c, ...x, ...invs]).slice(0, nc);
  /** One reverse step at time t: state (c̄, ā), rows (c, x, ȳ) → new state and x̄. */
  const backStep = (t: Val, state: readonly NDArray[], r: readonly NDArray[]): { carries: NDArray[]; ys: NDArray[] } => {
    const c = r.slice(0, nc);
    const x = r.slice(nc, nc + nx);
    const cy = r.slice(nc + nx);
    const cts: Cotangent[] = [...state.slice(0, nc), ...body.outputs.slice(nc).map(() => null)];
    ctYIdx.forEach((j, k) => (cts[nc + j] = cy[k]!));
    const wanted = [...c.map((_, j) => 1 + j), ...xIdx.map((j) => 1 + nc + j), ...aIdx.map((j) => 1 + nc + nx + j)];
    const got = programVjp(body, [indexAt(t), ...c, ...x, ...invs], cts, wanted).map((g, k) => g ?? zeros(inAval(wanted[k]!)));
    const acc = state.slice(nc).map((a, k) => ops.add(a, got[nc + xIdx.length + k]!));
    return { carries: [...got.slice(0, nc), ...acc], ys: got.slice(nc, nc + xIdx.length) };
  };
  const k = checkpointInterval(n);
  const segs = Math.floor(n / k);
  const head = segs * k;
  const tail = n - head;
  const split = (x: NDArray): { h: NDArray; t: NDArray | null } => ({
    h: ops.reshape(rows(x, 0, head), [segs, k, ...x.shape.slice(1)]),
    t: tail > 0 ? rows(x, head, tail) : null,
  });
  const xsS = xsT.map(split);
  const ctYsS = ctYsT.map(split);
  // 1. forward: checkpoints at the start of each segment
  const ck = bindLoop({ lower: 0, steps: segs, carries: v.carries.map((c, j) => fit(c, inAval(1 + j))), xs: xsS.map((s) => s.h), invariants: [] }, (s, c, xseg) => {
    const inner = bindLoop({ lower: 0, steps: k, carries: c, xs: xseg, invariants: [] }, (t, cc, xr) => ({ carries: forward(add(mul(s, k), t), cc, xr), ys: [] }));
    return { carries: inner.carries, ys: c };
  });
  let state: NDArray[] = [...ctC, ...aIdx.map((j) => zeros(avalOf(invs[j]!)))];
  let ctXTail: NDArray[] = [];
  // 2. the tail: keep its carries, then sweep it backwards
  if (tail > 0) {
    const kept = bindLoop({ lower: 0, steps: tail, carries: ck.carries, xs: xsS.map((s) => s.t!), invariants: [] }, (t, cc, xr) => ({ carries: forward(add(head, t), cc, xr), ys: cc }));
    const back = bindLoop(
      { lower: 0, steps: tail, carries: state, xs: [...kept.ys, ...xsS.map((s) => s.t!), ...ctYsS.map((s) => s.t!)], invariants: [], reverse: true },
      (t, st, r) => backStep(add(head, t), st, r),
    );
    state = back.carries;
    ctXTail = back.ys;
  }
  // 3. segments, last first: recompute from the checkpoint, then sweep backwards
  const bh = bindLoop(
    { lower: 0, steps: segs, carries: state, xs: [...ck.ys, ...xsS.map((s) => s.h), ...ctYsS.map((s) => s.h)], invariants: [], reverse: true },
    (s, st, r) => {
      const c0 = r.slice(0, nc);
      const xseg = r.slice(nc, nc + nx);
      const cyseg = r.slice(nc + nx);
      const kept = bindLoop({ lower: 0, steps: k, carries: c0, xs: xseg, invariants: [] }, (t, cc, xr) => ({ carries: forward(add(mul(s, k), t), cc, xr), ys: cc }));
      return bindLoop({ lower: 0, steps: k, carries: st, xs: [...kept.ys, ...xseg, ...cyseg], invariants: [], reverse: true }, (t, st2, r2) =>
        backStep(add(mul(s, k), t), st2, r2),
      );
    },
  );
  const ctX = xIdx.map((j, q) => {
    const h = ops.reshape(bh.ys[q]!, [head, ...xsT[j]!.shape.slice(1)]);
    const all = tail > 0 ? ops.concatenate([h, ctXTail[q]!], 0) : h;
    return timed(all);
  });
  const out: Cotangent[] = args.inputs.map(() => null);
  bh.carries.slice(0, nc).forEach((c, j) => (out[1 + j] = c));
  xIdx.forEach((j, q) => (out[1 + nc + j] = ctX[q]!));
  aIdx.forEach((j, q) => (out[1 + nc + nx + j] = bh.carries[nc + q]!));
  return out;
}
