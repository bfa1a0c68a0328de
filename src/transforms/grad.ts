/**
 * @file Reverse mode: `vjp`, `grad`, `valueAndGrad` and `vjpRules`, one total
 * table over every primitive.
 *
 * f is staged to a Program. The forward pass re-binds its equations (keeping
 * every intermediate value); the backward pass walks the equations in
 * reverse and, for each one with an output cotangent and an input that
 * depends on a differentiated argument, asks its rule for the input
 * cotangents, summing them per variable. Rules compute with array functions,
 * so the backward pass is itself traceable: jit, vmap, jvp and grad compose
 * with it. grad and valueAndGrad stage forward + backward into one program
 * and prune it, so only the primal work the cotangents need is done.
 * Stencil rules: rules/stencil-vjp.ts (maps, gathers), rules/scan-vjp.ts (scans).
 */
import { Lit, type Atom, type Program, type Var } from "../../compiler/ir";
import { evalEnv, type Interpretation } from "../../compiler/eval-program";
import { binaryPrims, mapFamily, Prim, unaryPrims, type BinaryPrim, type ParamsOf, type UnaryPrim } from "../../compiler/primitives";
import * as ops from "../core/ops";
import { bind, bindProgram, evalProgramWithBind, stage } from "../core/trace";
import { badValue, KernexError } from "../errors";
import { NDArray } from "../ndarray/ndarray";
import { binaryPartials, chooserWeights, expandReduced, productOfOthers, unaryDerivatives } from "./rules/derivatives";
import { loopVjp } from "./rules/loop-vjp";
import { scanVjp, sweepAsStencils } from "./rules/scan-vjp";
import { mapStencilVjp, stencilGatherVjp } from "./rules/stencil-vjp";
import { avalOf, fit, full, inversePerm, prune, scale, select, zeros, type Val } from "./rules/values";
import { flattenOutputs } from "./tree";

/** A cotangent: an array, or null for zero. */
export type Cotangent = NDArray | null;

/** What a vjp rule receives for one equation. */
export interface VjpArgs<P extends Prim> {
  /** Primal inputs (numbers are literals). */
  readonly inputs: readonly Val[];
  /** Primal outputs. */
  readonly outputs: readonly NDArray[];
  /** Cotangents of the outputs (null: zero). */
  readonly cts: readonly Cotangent[];
  /** Which inputs need a cotangent (those depending on a differentiated argument). */
  readonly needed: readonly boolean[];
  readonly params: ParamsOf<P>;
}

/** The vjp of primitive P: cotangents of its inputs (null: zero or not needed). */
export type VjpRule<P extends Prim> = (args: VjpArgs<P>) => Cotangent[];

function shapeOf(x: Val): readonly number[] {
  return typeof x === "number" ? [] : x.shape;
}

/** Rule builder for unary primitives: x̄ = f'(x) · ȳ. */
function unaryVjp(p: UnaryPrim): VjpRule<UnaryPrim> {
  return ({ inputs, outputs, cts }) => {
    const d = unaryDerivatives[p];
    const ct = cts[0];
    return [d === null || !ct ? null : scale(ct, d(inputs[0]!, outputs[0]!))];
  };
}

/** Rule builder for binary primitives: ā = ∂y/∂a · ȳ, b̄ = ∂y/∂b · ȳ. */
function binaryVjp(p: BinaryPrim): VjpRule<BinaryPrim> {
  return ({ inputs, outputs, cts, needed }) => {
    const ct = cts[0];
    if (!ct) return [null, null];
    const [a, b] = inputs as [Val, Val];
    return binaryPartials[p].map((partial, i) => (needed[i] && partial !== null ? scale(ct, partial(a, b, outputs[0]!)) : null));
  };
}

/** Rule builder for max/min reductions: x̄ = w · broadcast(ȳ), w the even split over the extremal elements. */
function chooserVjp(): VjpRule<Prim.ReduceMax | Prim.ReduceMin> {
  return ({ inputs, outputs, cts, params }) => {
    const x = inputs[0] as NDArray;
    const ct = cts[0];
    if (!ct) return [null];
    return [ops.mul(expandReduced(ct, x.shape, params.axes), chooserWeights(x, outputs[0]!, params.axes))];
  };
}

/** Cotangent of a value that was sliced as `start + k·step` (k < shape) out of an axis of `n`: zeros elsewhere. */
function unslice(ct: NDArray, xShape: readonly number[], start: readonly number[], step: readonly number[]): NDArray {
  if (ct.shape.some((d) => d === 0)) return zeros({ shape: xShape, dtype: ct.dtype });
  const hi = xShape.map((n, d) => n - (start[d]! + (ct.shape[d]! - 1) * step[d]! + 1));
  return bind(Prim.Pad, [ct], { lo: [...start], hi, interior: step.map((s) => s - 1) })[0]!;
}

function buildVjpRules(): { [P in Prim]: VjpRule<P> } {
  const unary = mapFamily(unaryPrims, unaryVjp);
  const binary = mapFamily(binaryPrims, binaryVjp);
  const rest: { [P in Exclude<Prim, UnaryPrim | BinaryPrim>]: VjpRule<P> } = {
    // y = where(c, a, b): ā = where(c, ȳ, 0), b̄ = where(c, 0, ȳ)
    [Prim.Where]: ({ inputs, cts, needed }) => {
      const ct = cts[0];
      if (!ct) return [null, null, null];
      const c = inputs[0]!;
      const aval = { shape: ct.shape, dtype: ct.dtype };
      return [null, needed[1] ? fit(select(c, ct, 0), aval) : null, needed[2] ? fit(select(c, 0, ct), aval) : null];
    },
    // y = Σ_axes x: x̄ = broadcast(ȳ)
    [Prim.ReduceSum]: ({ inputs, cts, params }) => [cts[0] ? expandReduced(cts[0], shapeOf(inputs[0]!), params.axes) : null],
    // y = max_axes x: x̄ = [x = y] / #ties · broadcast(ȳ)
    [Prim.ReduceMax]: chooserVjp(),
    // y = min_axes x: x̄ = [x = y] / #ties · broadcast(ȳ)
    [Prim.ReduceMin]: chooserVjp(),
    // y = ∏_axes x: x̄ᵢ = ∏_{j≠i} xⱼ · broadcast(ȳ)
    [Prim.ReduceProd]: ({ inputs, cts, params }) => {
      const x = inputs[0] as NDArray;
      const ct = cts[0];
      return [ct ? ops.mul(expandReduced(ct, x.shape, params.axes), productOfOthers(x, params.axes)) : null];
    },
    // y = broadcast(x): x̄ = Σ over the added and the stretched axes of ȳ
    [Prim.Broadcast]: ({ inputs, cts, params }) => {
      const ct = cts[0];
      if (!ct) return [null];
      const xs = shapeOf(inputs[0]!);
      const off = params.shape.length - xs.length;
      const axes = params.shape.map((_, i) => i).filter((i) => i < off || (xs[i - off] === 1 && params.shape[i] !== 1));
      return [ops.reshape(ops.sum(ct, { axis: axes }), xs)];
    },
    // y = reshape(x): x̄ = reshape(ȳ, shape x)
    [Prim.Reshape]: ({ inputs, cts }) => [cts[0] ? ops.reshape(cts[0], shapeOf(inputs[0]!)) : null],
    // y = transpose(x, p): x̄ = transpose(ȳ, p⁻¹)
    [Prim.Transpose]: ({ cts, params }) => [cts[0] ? ops.transpose(cts[0], inversePerm(params.perm)) : null],
    // y = x[start::step]: x̄ = pad(ȳ) with step - 1 zeros between cells
    [Prim.Slice]: ({ inputs, cts, params }) => [cts[0] ? unslice(cts[0], shapeOf(inputs[0]!), params.start, params.step) : null],
    // y = x[i, ...]: x̄ = zeros with ȳ at position i
    [Prim.Index]: ({ inputs, cts, params }) => {
      const ct = cts[0];
      if (!ct) return [null];
      const xs = shapeOf(inputs[0]!);
      const k = params.index.length;
      const lifted = ops.reshape(ct, [...params.index.map(() => 1), ...ct.shape]);
      const start = xs.map((_, d) => (d < k ? params.index[d]! : 0));
      return [unslice(lifted, xs, start, xs.map(() => 1))];
    },
    // y = pad(x, lo, hi, interior): x̄ = ȳ[lo :: interior + 1] (cropped cells, negative lo/hi, get 0)
    [Prim.Pad]: ({ inputs, cts, params }) => {
      const ct = cts[0];
      if (!ct) return [null];
      const xs = shapeOf(inputs[0]!);
      if (xs.some((n) => n === 0)) return [zeros({ shape: xs, dtype: ct.dtype })];
      const before = params.lo.map((l) => Math.max(0, -l));
      const after = params.hi.map((h) => Math.max(0, -h));
      const widened = before.some((v) => v > 0) || after.some((v) => v > 0) ? bind(Prim.Pad, [ct], { lo: before, hi: after, interior: before.map(() => 0) })[0]! : ct;
      const start = params.lo.map((l, d) => l + before[d]!);
      return [bind(Prim.Slice, [widened], { start, step: params.interior.map((i) => i + 1), shape: [...xs] })[0]!];
    },
    // y = rev(x): x̄ = rev(ȳ)
    [Prim.Rev]: ({ cts, params }) => [cts[0] ? ops.flip(cts[0], params.axes) : null],
    // y = concat(x₀, x₁, ...): x̄ᵢ = ȳ[offset_i : offset_i + nᵢ] along the axis
    [Prim.Concatenate]: ({ inputs, cts, needed, params }) => {
      const ct = cts[0];
      if (!ct) return inputs.map(() => null);
      let offset = 0;
      return inputs.map((x, i) => {
        const xs = shapeOf(x);
        const start = xs.map((_, d) => (d === params.axis ? offset : 0));
        offset += xs[params.axis]!;
        if (!needed[i]) return null;
        return bind(Prim.Slice, [ct], { start, step: xs.map(() => 1), shape: [...xs] })[0]!;
      });
    },
    // y = convert(x): x̄ = convert(ȳ) back to x's dtype
    [Prim.Convert]: ({ inputs, cts }) => {
      const x = inputs[0]!;
      return [cts[0] ? ops.astype(cts[0], typeof x === "number" ? cts[0].dtype : x.dtype) : null];
    },
    // map: gather of the kernel vjps + reduce stencils; scan: reverse sweep (rules/stencil-vjp.ts, rules/scan-vjp.ts)
    [Prim.Stencil]: (args) => (args.params.spec.kind === "scan" ? scanVjp(args, kernelVjp) : mapStencilVjp(args, kernelVjp)),
    // y = Σ_g scatter_g(R(win_g, a)): windows of ȳ as the per-cell cotangent of R (rules/stencil-vjp.ts)
    [Prim.StencilGather]: (args) => stencilGatherVjp(args, kernelVjp),
    // a scan's reverse sweep: the vjp of its stencil construction (rules/scan-vjp.ts)
    [Prim.ScanSweep]: ({ inputs, cts, needed, params }) => {
      const xs = inputs as NDArray[];
      const s = sweepAsStencils(params, xs.map(avalOf), kernelVjp);
      const wanted = xs.map((_, i) => i).filter((i) => needed[i]);
      const got = kernelVjp(s.program, [...xs, ...s.captured], cts, wanted);
      return xs.map((_, i) => (needed[i] ? (got[wanted.indexOf(i)] ?? null) : null));
    },
    // a loop: checkpointed reverse sweep of the body's vjp (rules/loop-vjp.ts)
    [Prim.ForiLoop]: (args) => loopVjp(args, kernelVjp),
  };
  return { ...unary, ...binary, ...rest };
}

/** The vjp rule of every primitive. */
export const vjpRules: { [P in Prim]: VjpRule<P> } = buildVjpRules();

function applyVjp<P extends Prim>(prim: P, args: VjpArgs<P>): Cotangent[] {
  return vjpRules[prim](args);
}


/** Activity as an interpretation (compiler/eval-program.ts): an output is active when an input is; literals never are. */
const activity: Interpretation<boolean> = {
  literal: () => false,
  apply: (eqn, ins) => eqn.outputs.map(() => ins.some((a) => a)),
};

/** The variables that depend on `wrt` (inputs of the program). */
export function activeVars(program: Program, wrt: readonly Var[]): Set<Var> {
  const from = new Set<Var>(wrt);
  const env = evalEnv(program, activity, program.inputs.map((v) => from.has(v)));
  const active = new Set<Var>(wrt);
  for (const [v, a] of env) if (a) active.add(v);
  return active;
}

/**
 * The backward pass: cotangents of the active variables given the
 * cotangents of the program's outputs (null: zero).
 *
 * This walk stays apart from compiler/eval-program.ts: it runs the
 * equations in reverse, reads the forward values of inputs and outputs,
 * skips equations without an output cotangent or an active input, and
 * accumulates (sums) cotangents per variable instead of binding each once.
 */
export function backwardEval(program: Program, env: Map<Var, NDArray>, active: Set<Var>, outCts: readonly Cotangent[]): Map<Var, NDArray> {
  const cts = new Map<Var, NDArray>();
  const accumulate = (v: Var, ct: NDArray): void => {
    const c = fit(ct, v.aval);
    const prev = cts.get(v);
    cts.set(v, prev === undefined ? c : ops.add(prev, c));
  };
  program.outputs.forEach((a, i) => {
    const ct = outCts[i];
    if (ct && !(a instanceof Lit) && active.has(a)) accumulate(a, ct);
  });
  const read = (a: Atom): Val => (a instanceof Lit ? a.value : env.get(a)!);
  for (let e = program.eqns.length - 1; e >= 0; e--) {
    const eqn = program.eqns[e]!;
    const outCt = eqn.outputs.map((v) => cts.get(v) ?? null);
    if (outCt.every((c) => c === null)) continue;
    const needed = eqn.inputs.map((a) => !(a instanceof Lit) && active.has(a));
    if (!needed.some((n) => n)) continue;
    const inCts = applyVjp(eqn.prim, {
      inputs: eqn.inputs.map(read),
      outputs: eqn.outputs.map((v) => env.get(v)!),
      cts: outCt,
      needed,
      params: eqn.params,
    });
    eqn.inputs.forEach((a, i) => {
      const ct = inCts[i];
      if (needed[i] && ct) accumulate(a as Var, ct);
    });
  }
  return cts;
}

/** Cotangents of a kernel program's inputs `wanted` (used by the stencil rules on kernel programs). */
export function kernelVjp(kernel: Program, inputs: readonly NDArray[], cts: readonly Cotangent[], wanted: readonly number[]): Cotangent[] {
  const env = bindProgram(kernel, inputs);
  const active = activeVars(kernel, wanted.map((i) => kernel.inputs[i]!));
  const ctMap = backwardEval(kernel, env, active, cts);
  return wanted.map((i) => ctMap.get(kernel.inputs[i]!) ?? null);
}

function outputValue(env: Map<Var, NDArray>, a: Atom): NDArray {
  return a instanceof Lit ? full(a.aval, a.value) : env.get(a)!;
}

/**
 * Evaluate f at `primals` and return its value with a function that maps a
 * cotangent of the value (same structure) to the cotangents of all primals.
 *
 * @typeParam R - what f returns (an NDArray, or an array/object of them); the cotangent has the same type
 *
 * @example
 * const [y, back] = kex.vjp((x) => kex.mul(x, x), kex.array([1, 2, 3]));
 * back(kex.ones([3]))[0].toArray(); // [2, 4, 6]
 */
export function vjp<R>(f: (...args: NDArray[]) => R, ...primals: NDArray[]): [R, (ct: R) => NDArray[]] {
  if (typeof f !== "function") return badValue("vjp", f, "a function");
  primals.forEach((p, i) => {
    if (!(p instanceof NDArray)) badValue(`vjp: primal ${i}`, p, "an NDArray");
  });
  let rebuild: (leaves: readonly NDArray[]) => unknown = () => undefined;
  const staged = stage(
    primals.map((p) => ({ shape: p.shape, dtype: p.dtype })),
    (...xs) => {
      const flat = flattenOutputs(f(...xs), "vjp");
      rebuild = flat.rebuild;
      return flat.leaves;
    },
  );
  const program = staged.program;
  const env = bindProgram(program, [...primals, ...staged.captured]);
  const outs = program.outputs.map((a) => outputValue(env, a));
  const active = activeVars(program, program.inputs.slice(0, primals.length));
  const back = (ct: unknown): NDArray[] => {
    const leaves = flattenOutputs(ct, "vjp: cotangent").leaves;
    if (leaves.length !== outs.length) {
      throw new KernexError(`vjp: cotangent has ${leaves.length} arrays, expected ${outs.length} (one per output of f, same structure)`);
    }
    leaves.forEach((c, i) => {
      const o = outs[i]!;
      if (c.shape.length !== o.shape.length || c.shape.some((d, j) => d !== o.shape[j])) {
        badValue(`vjp: cotangent ${i}`, c, `an array of shape [${o.shape.join(", ")}] like output ${i}`);
      }
    });
    const cts = backwardEval(program, env, active, leaves.map((c, i) => fit(c, program.outAvals[i]!)));
    return primals.map((p, i) => cts.get(program.inputs[i]!) ?? zeros({ shape: p.shape, dtype: p.dtype }));
  };
  return [rebuild(outs) as R, back];
}

/**
 * A function grad can differentiate: array arguments (and pass-through
 * others) in, a scalar array out.
 *
 * @example
 * const loss: kex.DifferentiableFunction = (x: kex.NDArray) => kex.sum(kex.square(x));
 */
export type Fn = (...args: never[]) => unknown;

function normalizeArgnums(what: string, argnums: unknown): { list: number[]; single: boolean } {
  const single = typeof argnums === "number";
  const list = single ? [argnums as number] : argnums;
  if (!Array.isArray(list) || list.length === 0 || list.some((a) => !Number.isInteger(a) || a < 0)) {
    return badValue(`${what}: argnums`, argnums, "a non-negative integer or a non-empty array of them");
  }
  if (new Set(list).size !== list.length) badValue(`${what}: argnums`, argnums, "distinct argument positions");
  return { list: list as number[], single };
}

/** Run f's forward and backward passes as one pruned program: returns [value, gradients of the chosen arguments]. */
function valueAndGradients(what: string, f: Fn, argnums: readonly number[], args: readonly unknown[], withValue: boolean): { value: NDArray | null; grads: NDArray[] } {
  argnums.forEach((a) => {
    if (a >= args.length) badValue(`${what}: argnums`, a, `an argument position below ${args.length} (the function was called with ${args.length} arguments)`);
    if (!(args[a] instanceof NDArray)) badValue(`${what}: argument ${a}`, args[a], "an NDArray (only array arguments can be differentiated)");
  });
  const arrays = args.filter((a): a is NDArray => a instanceof NDArray);
  const position = (argnum: number): number => args.slice(0, argnum).filter((a) => a instanceof NDArray).length;
  const staged = stage(
    arrays.map((a) => ({ shape: a.shape, dtype: a.dtype })),
    (...traced) => {
      let i = 0;
      const callArgs = args.map((a) => (a instanceof NDArray ? traced[i++]! : a));
      const flat = flattenOutputs((f as unknown as (...a: unknown[]) => unknown)(...callArgs), what);
      if (flat.leaves.length !== 1) {
        throw new KernexError(`${what}: the function must return one scalar (an array of shape []), got ${flat.leaves.length} arrays`);
      }
      const out = flat.leaves[0]!;
      if (out.shape.length !== 0) {
        throw new KernexError(`${what}: the function must return a scalar (an array of shape []), got shape [${out.shape.join(", ")}]; reduce it first, e.g. kex.sum(...), or use kex.vjp`);
      }
      return flat.leaves;
    },
  );
  const program = staged.program;
  const nIn = program.inputs.length;
  const wrt = argnums.map(position);
  const combined = stage([...program.inAvals, ...program.outAvals], (...xs) => {
    const env = bindProgram(program, xs.slice(0, nIn));
    const active = activeVars(program, wrt.map((i) => program.inputs[i]!));
    const cts = backwardEval(program, env, active, xs.slice(nIn));
    const grads = wrt.map((i) => cts.get(program.inputs[i]!) ?? zeros(program.inputs[i]!.aval));
    return withValue ? [outputValue(env, program.outputs[0]!), ...grads] : grads;
  });
  const seed = full(program.outAvals[0]!, 1);
  const results = evalProgramWithBind(prune(combined.program), [...arrays, ...staged.captured, seed, ...combined.captured]);
  return withValue ? { value: results[0]!, grads: results.slice(1) } : { value: null, grads: results };
}

/**
 * The gradient of a scalar function with respect to argument(s) `argnums`
 * (a number: one array; an array of numbers: a list), each with its
 * argument's shape. Non-array arguments are passed through unchanged.
 * Unannotated parameters of `f` are NDArrays; annotate the others
 * (`(x, n: number) => ...`).
 *
 * @example
 * const df = kex.grad((x) => kex.sum(kex.mul(x, x)));
 * df(kex.array([1, 2, 3])).toArray(); // [2, 4, 6]
 */
export function grad<A extends unknown[] = NDArray[]>(f: (...args: A) => unknown, argnums?: number): (...args: A) => NDArray;
export function grad<A extends unknown[] = NDArray[]>(f: (...args: A) => unknown, argnums: readonly number[]): (...args: A) => NDArray[];
export function grad<A extends unknown[] = NDArray[]>(f: (...args: A) => unknown, argnums: number | readonly number[]): (...args: A) => NDArray | NDArray[];
export function grad<A extends unknown[] = NDArray[]>(f: (...args: A) => unknown, argnums: number | readonly number[] = 0): (...args: A) => NDArray | NDArray[] {
  if (typeof f !== "function") return badValue("grad", f, "a function returning a scalar");
  const { list, single } = normalizeArgnums("grad", argnums);
  return (...args: A) => {
    const { grads } = valueAndGradients("grad", f as Fn, list, args, false);
    return single ? grads[0]! : grads;
  };
}

/**
 * Like grad, returning `[value, gradient(s)]` from one forward pass.
 *
 * @example
 * const [v, g] = kex.valueAndGrad((x) => kex.sum(kex.mul(x, x)))(kex.array([1, 2]));
 * v.item(); // 5
 * g.toArray(); // [2, 4]
 */
export function valueAndGrad<A extends unknown[] = NDArray[]>(f: (...args: A) => unknown, argnums?: number): (...args: A) => [NDArray, NDArray];
export function valueAndGrad<A extends unknown[] = NDArray[]>(f: (...args: A) => unknown, argnums: readonly number[]): (...args: A) => [NDArray, NDArray[]];
export function valueAndGrad<A extends unknown[] = NDArray[]>(f: (...args: A) => unknown, argnums: number | readonly number[]): (...args: A) => [NDArray, NDArray | NDArray[]];
export function valueAndGrad<A extends unknown[] = NDArray[]>(f: (...args: A) => unknown, argnums: number | readonly number[] = 0): (...args: A) => [NDArray, NDArray | NDArray[]] {
  if (typeof f !== "function") return badValue("valueAndGrad", f, "a function returning a scalar");
  const { list, single } = normalizeArgnums("valueAndGrad", argnums);
  return (...args: A) => {
    const { value, grads } = valueAndGradients("valueAndGrad", f as Fn, list, args, true);
    return [value!, single ? grads[0]! : grads];
  };
}
