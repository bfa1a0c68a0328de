/**
 * @file Forward mode: `jvp(f, primals, tangents)` and `jvpRules`, one total
 * table over every primitive. f is staged to a Program, whose equations are
 * then re-bound with their tangents by the rules; rules compute with array
 * functions, so an outer trace (jit, grad, vmap, another jvp) records them.
 * Tangents may be symbolic zeros (null): rules skip them, and an equation
 * whose inputs all have zero tangents is re-bound as it is.
 * Stencil rules live in rules/stencil-jvp.ts; derivatives in rules/derivatives.ts.
 */
import type { Aval, Program } from "../../compiler/ir";
import { evalProgram, type Interpretation } from "../../compiler/eval-program";
import { binaryPrims, mapFamily, Prim, unaryPrims, type BinaryPrim, type ParamsOf, type ReducePrim, type UnaryPrim } from "../../compiler/primitives";
import * as ops from "../core/ops";
import { bind, stage } from "../core/trace";
import { badValue, KernexError } from "../errors";
import { NDArray } from "../ndarray/ndarray";
import { binaryPartials, chooserWeights, productOfOthers, unaryDerivatives } from "./rules/derivatives";
import { kernelVjp } from "./grad";
import { sweepAsStencils } from "./rules/scan-vjp";
import { stencilGatherJvp, stencilJvp } from "./rules/stencil-jvp";
import { sweepJvp } from "./rules/sweep-jvp";
import { loopJvp } from "./rules/loop-jvp";
import { addOpt, avalOf, bindEqn, fit, full, scale, select, zeros, type Val } from "./rules/values";
import { flattenOutputs } from "./tree";

/** A tangent: an array, or null for a symbolic zero. */
export type Tangent = NDArray | null;

/** Primal and tangent outputs of one equation. */
export interface JvpResult {
  readonly outs: NDArray[];
  readonly touts: Tangent[];
}

/** The jvp of primitive P: primal inputs (numbers are literals), their tangents, params, output avals. */
export type JvpRule<P extends Prim> = (primals: readonly Val[], tangents: readonly Tangent[], params: ParamsOf<P>, outAvals: readonly Aval[]) => JvpResult;

/** The primal outputs: the equation re-bound (its literals share its output dtype). */
function primalOut<P extends Prim>(p: P, primals: readonly Val[], params: ParamsOf<P>, outAvals: readonly Aval[]): NDArray[] {
  return bind(p, primals, params, outAvals[0]?.dtype);
}

/** Rule builder for unary primitives: ẏ = f'(x) · ẋ. */
function unaryJvp(p: UnaryPrim): JvpRule<UnaryPrim> {
  return (primals, [t], params, outAvals) => {
    const outs = primalOut(p, primals, params, outAvals);
    const d = unaryDerivatives[p];
    return { outs, touts: [d === null || t === null || t === undefined ? null : scale(t, d(primals[0]!, outs[0]!))] };
  };
}

/** Rule builder for binary primitives: ẏ = ∂y/∂a · ȧ + ∂y/∂b · ḃ. */
function binaryJvp(p: BinaryPrim): JvpRule<BinaryPrim> {
  return (primals, [ta, tb], params, outAvals) => {
    const outs = primalOut(p, primals, params, outAvals);
    const [da, db] = binaryPartials[p];
    const [a, b] = primals as [Val, Val];
    const y = outs[0]!;
    const fromA = da === null || !ta ? null : scale(ta, da(a, b, y));
    const fromB = db === null || !tb ? null : scale(tb, db(a, b, y));
    return { outs, touts: [addOpt(fromA, fromB)] };
  };
}

/** Rule builder for primitives linear in their inputs: ẏ = f(ẋ) (zeros stand in for symbolic-zero tangents). */
function linearJvp<P extends Prim>(p: P): JvpRule<P> {
  return (primals, tangents, params, outAvals) => {
    const outs = primalOut(p, primals, params, outAvals);
    if (tangents.every((t) => t === null)) return { outs, touts: outs.map(() => null) };
    const dtype = outAvals[0]!.dtype;
    const ts = tangents.map((t, i) => t ?? zeros(primals[i] instanceof NDArray ? { shape: (primals[i] as NDArray).shape, dtype } : { shape: [], dtype }));
    return { outs, touts: bind(p, ts, params) };
  };
}

/** Rule builder for max/min reductions: ẏ = Σ w · ẋ with w the even split over the extremal elements. */
function chooserJvp(p: Prim.ReduceMax | Prim.ReduceMin): JvpRule<ReducePrim> {
  return (primals, [t], params, outAvals) => {
    const outs = primalOut(p, primals, params, outAvals);
    if (!t) return { outs, touts: [null] };
    const x = primals[0] as NDArray;
    const w = chooserWeights(x, outs[0]!, params.axes);
    return { outs, touts: [ops.sum(ops.mul(t, w), { axis: [...params.axes] })] };
  };
}

function buildJvpRules(): { [P in Prim]: JvpRule<P> } {
  const unary = mapFamily(unaryPrims, unaryJvp);
  const binary = mapFamily(binaryPrims, binaryJvp);
  const rest: { [P in Exclude<Prim, UnaryPrim | BinaryPrim>]: JvpRule<P> } = {
    // d where(c, a, b) = where(c, da, db)
    [Prim.Where]: (primals, [, ta, tb], params, outAvals) => {
      const outs = primalOut(Prim.Where, primals, params, outAvals);
      if (!ta && !tb) return { outs, touts: [null] };
      return { outs, touts: [fit(select(primals[0]!, ta ?? 0, tb ?? 0), outAvals[0]!)] };
    },
    // d Σx = Σ dx
    [Prim.ReduceSum]: linearJvp(Prim.ReduceSum),
    // d max(x) = Σ w · dx, w = [x = max] / #ties
    [Prim.ReduceMax]: chooserJvp(Prim.ReduceMax),
    // d min(x) = Σ w · dx, w = [x = min] / #ties
    [Prim.ReduceMin]: chooserJvp(Prim.ReduceMin),
    // d ∏x = Σᵢ (∏_{j≠i} xⱼ) · dxᵢ
    [Prim.ReduceProd]: (primals, [t], params, outAvals) => {
      const outs = primalOut(Prim.ReduceProd, primals, params, outAvals);
      if (!t) return { outs, touts: [null] };
      const others = productOfOthers(primals[0] as NDArray, params.axes);
      return { outs, touts: [ops.sum(ops.mul(t, others), { axis: [...params.axes] })] };
    },
    // d broadcast(x) = broadcast(dx)
    [Prim.Broadcast]: linearJvp(Prim.Broadcast),
    // d reshape(x) = reshape(dx)
    [Prim.Reshape]: linearJvp(Prim.Reshape),
    // d transpose(x) = transpose(dx)
    [Prim.Transpose]: linearJvp(Prim.Transpose),
    // d x[slice] = dx[slice]
    [Prim.Slice]: linearJvp(Prim.Slice),
    // d x[i] = dx[i]
    [Prim.Index]: linearJvp(Prim.Index),
    // d pad(x) = pad(dx) (the padding value is the constant 0)
    [Prim.Pad]: linearJvp(Prim.Pad),
    // d rev(x) = rev(dx)
    [Prim.Rev]: linearJvp(Prim.Rev),
    // d concat(x, y) = concat(dx, dy)
    [Prim.Concatenate]: linearJvp(Prim.Concatenate),
    // d convert(x) = convert(dx)
    [Prim.Convert]: linearJvp(Prim.Convert),
    // d stencil(x, a) = stencil over (x, dx, a, da) with the jvp'd kernels (rules/stencil-jvp.ts)
    [Prim.Stencil]: (primals, tangents, params) => stencilJvp(primals, tangents, params, jvpEval),
    // d gather(x, a) = gather of the kernel result's tangent (rules/stencil-jvp.ts)
    [Prim.StencilGather]: (primals, tangents, params) => stencilGatherJvp(primals, tangents, params, jvpEval),
    // a scan's reverse sweep: the jvp of its stencil construction (rules/scan-vjp.ts)
    [Prim.ScanSweep]: (primals, tangents, params) => {
      const direct = sweepJvp(primals, tangents, params, jvpEval);
      if (direct !== null) return direct;
      const xs = primals as NDArray[];
      const s = sweepAsStencils(params, xs.map(avalOf), kernelVjp);
      return jvpEval(s.program, [...xs, ...s.captured], [...tangents, ...s.captured.map(() => null)]);
    },
    // a loop of the body's jvp, tangents carried beside the values (rules/loop-jvp.ts)
    [Prim.ForiLoop]: (primals, tangents, params) => loopJvp(primals, tangents, params, primals.map((x) => (typeof x === "number" ? { shape: [], dtype: params.body.inputs[0]!.aval.dtype } : avalOf(x))), jvpEval),
  };
  return { ...unary, ...binary, ...rest };
}

/** The jvp rule of every primitive. */
export const jvpRules: { [P in Prim]: JvpRule<P> } = buildJvpRules();

function applyJvp<P extends Prim>(prim: P, primals: readonly Val[], tangents: readonly Tangent[], params: ParamsOf<P>, outAvals: readonly Aval[]): JvpResult {
  return jvpRules[prim](primals, tangents, params, outAvals);
}

/** A value of the jvp walk: the primal (a number for a literal) and its tangent (null: zero). */
interface Dual {
  readonly x: Val;
  readonly t: Tangent;
}

/**
 * jvp as an interpretation (compiler/eval-program.ts): an equation whose
 * inputs all have zero tangents is re-bound as it is; the others go through
 * jvpRules, and their tangents are fitted to the outputs' avals.
 */
const jvpInterpretation: Interpretation<Dual> = {
  literal: (a) => ({ x: a.value, t: null }),
  apply: (eqn, ins) => {
    const tins = ins.map((d) => d.t);
    if (tins.every((t) => t === null)) return bindEqn(eqn, ins.map((d) => d.x)).map((x) => ({ x, t: null }));
    const { outs, touts } = applyJvp(eqn.prim, ins.map((d) => d.x), tins, eqn.params, eqn.outputs.map((v) => v.aval));
    return eqn.outputs.map((v, i) => {
      const t = touts[i] ?? null;
      return { x: outs[i]!, t: t === null ? null : fit(t, v.aval) };
    });
  },
};

/**
 * Evaluate a program on primals and tangents (null: zero) by re-binding its
 * equations through the jvp rules; returns primal and tangent outputs.
 */
export function jvpEval(program: Program, primals: readonly NDArray[], tangents: readonly Tangent[]): { outs: NDArray[]; touts: Tangent[] } {
  const results = evalProgram(program, jvpInterpretation, primals.map((x, i) => ({ x, t: tangents[i] ?? null })));
  return {
    outs: results.map(({ x }, i) => (typeof x === "number" ? full(program.outputs[i]!.aval, x) : x)),
    touts: results.map(({ t }) => t),
  };
}

/**
 * Forward-mode derivative: evaluate f at `primals` and its directional
 * derivative along `tangents`. Returns `[outputs, tangentOutputs]` with f's
 * result structure (a single array when f returns one array, as JAX).
 *
 * @typeParam R - what f returns (an NDArray, or an array/object of them); both results have this type
 *
 * @example
 * const [y, dy] = kex.jvp((x) => kex.sin(x), [kex.array([0, 1])], [kex.array([1, 1])]);
 * dy.toArray(); // [1, 0.5403...] = cos(x) · 1
 */
export function jvp<R>(f: (...args: NDArray[]) => R, primals: readonly NDArray[], tangents: readonly NDArray[]): [R, R] {
  if (typeof f !== "function") return badValue("jvp", f, "a function");
  if (!Array.isArray(primals)) return badValue("jvp: primals", primals, "an array of NDArrays, one per argument of f");
  if (!Array.isArray(tangents)) return badValue("jvp: tangents", tangents, "an array of NDArrays, one per primal");
  if (tangents.length !== primals.length) {
    throw new KernexError(`jvp: got ${primals.length} primals and ${tangents.length} tangents, expected one tangent per primal`);
  }
  primals.forEach((p, i) => {
    if (!(p instanceof NDArray)) badValue(`jvp: primal ${i}`, p, "an NDArray");
    const t = tangents[i];
    if (!(t instanceof NDArray)) badValue(`jvp: tangent ${i}`, t, `an NDArray of shape [${p.shape.join(", ")}]`);
    if (t.shape.length !== p.shape.length || t.shape.some((d, j) => d !== p.shape[j])) {
      badValue(`jvp: tangent ${i}`, t, `an NDArray of shape [${p.shape.join(", ")}] like primal ${i}`);
    }
  });
  let rebuild: (leaves: readonly NDArray[]) => unknown = () => undefined;
  const staged = stage(
    primals.map((p) => ({ shape: p.shape, dtype: p.dtype })),
    (...xs) => {
      const flat = flattenOutputs(f(...xs), "jvp");
      rebuild = flat.rebuild;
      return flat.leaves;
    },
  );
  const ts = tangents.map((t, i) => fit(t, { shape: primals[i]!.shape, dtype: primals[i]!.dtype }));
  const { outs, touts } = jvpEval(staged.program, [...primals, ...staged.captured], [...ts, ...staged.captured.map(() => null)]);
  const program = staged.program;
  return [rebuild(outs) as R, rebuild(touts.map((t, i) => t ?? zeros(program.outAvals[i]!))) as R];
}
