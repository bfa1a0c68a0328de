/**
 * @file The jvp rule of `fori_loop` (used by jvp.ts): one loop whose carries
 * are the primal carries followed by their tangents, and whose body is the
 * jvp of the original body. Tangents of sequences and invariants ride along
 * as extra sequences and invariants; a symbolic-zero tangent adds nothing.
 *
 *   (c, ċ)ₜ₊₁ = (body(i, cₜ, xₜ, a), ∂body · (ċₜ, ẋₜ, ȧ))
 */
import type { Aval } from "../../../compiler/ir";
import type { LoopParams } from "../../../compiler/primitives";
import type { NDArray } from "../../ndarray/ndarray";
import type { JvpResult, Tangent } from "../jvp";
import { bindLoop, splitLoopInputs } from "./loop-common";
import type { KernelJvp } from "./stencil-jvp";
import { avalOf, fit, zeros, type Val } from "./values";

function asArray(x: Val, aval: Aval): NDArray {
  return fit(x, aval);
}

/**
 * The loop's primal outputs and their tangents.
 *
 * @example
 * loopJvp(primals, tangents, params, outAvals, jvpEval);
 */
export function loopJvp(primals: readonly Val[], tangents: readonly Tangent[], p: LoopParams, inAvals: readonly Aval[], jvpEval: KernelJvp): JvpResult {
  const body = p.body;
  const ins = splitLoopInputs(p, primals.map((x, i) => asArray(x, inAvals[i]!)));
  const ts = splitLoopInputs(p, tangents);
  const nc = p.nCarry;
  // every carry gets a tangent: a zero tangent becomes nonzero after one step whenever any tangent feeds it
  const cTangents = ts.carries.map((t, j) => t ?? zeros(avalOf(ins.carries[j]!)));
  const xIdx = ts.xs.map((t, j) => (t === null ? -1 : j)).filter((j) => j >= 0);
  const aIdx = ts.invariants.map((t, j) => (t === null ? -1 : j)).filter((j) => j >= 0);
  const nx = ins.xs.length;
  const na = ins.invariants.length;
  const nyOut = body.outputs.length - nc;
  const r = bindLoop(
    {
      lower: primals[0]!,
      steps: p.steps,
      carries: [...ins.carries, ...cTangents],
      xs: [...ins.xs, ...xIdx.map((j) => ts.xs[j]!)],
      invariants: [...ins.invariants, ...aIdx.map((j) => ts.invariants[j]!)],
      reverse: p.reverse,
    },
    (i, cs, xs, as) => {
      const xT: Tangent[] = Array.from({ length: nx }, () => null);
      xIdx.forEach((j, k) => (xT[j] = xs[nx + k]!));
      const aT: Tangent[] = Array.from({ length: na }, () => null);
      aIdx.forEach((j, k) => (aT[j] = as[na + k]!));
      const { outs, touts } = jvpEval(body, [i, ...cs.slice(0, nc), ...xs.slice(0, nx), ...as.slice(0, na)], [null, ...cs.slice(nc), ...xT, ...aT]);
      const full = touts.map((t, k) => t ?? zeros(body.outAvals[k]!));
      return { carries: [...outs.slice(0, nc), ...full.slice(0, nc)], ys: [...outs.slice(nc), ...full.slice(nc)] };
    },
  );
  return {
    outs: [...r.carries.slice(0, nc), ...r.ys.slice(0, nyOut)],
    touts: [...r.carries.slice(nc), ...r.ys.slice(nyOut)],
  };
}
