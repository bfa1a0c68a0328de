/**
 * @file Tracing: the current-trace context, the staging trace that records
 * program IR, and `bind`, the one entry point of every primitive
 * (find the trace, lift the inputs, dispatch). Without an active trace,
 * primitives evaluate eagerly (interpreter, or compiled code for stencils).
 *
 * kernex transforms are "initial style": grad, jvp and vmap stage a function
 * into a Program, then walk it with a rule table whose rules call array
 * functions again, so every transform composes with every other.
 */
import { abstractEval } from "../../compiler/abstract-eval";
import { anyEqn, Lit, Program, Var, type AnyEqn, type Atom, type Aval } from "../../compiler/ir";
import { evalEnv, evalProgram, type Interpretation } from "../../compiler/eval-program";
import type { DType, ParamsOf, Prim } from "../../compiler/primitives";
import { KernexError } from "../errors";
import { NDArray, Tracer } from "../ndarray/ndarray";
import { evalEager } from "./eager";

/**
 * Records equations while a function runs on tracers.
 *
 * @example
 * const staged = stage([{ shape: [3], dtype: "float64" }], (x) => [kex.neg(x)]); // runs on a StagingTrace
 */
export class StagingTrace {
  readonly eqns: AnyEqn[] = [];
  /** Values from outside the trace (concrete arrays or outer tracers), captured as inputs. */
  readonly captured = new Map<NDArray, Var>();
  active = true;

  constructor(readonly parent: StagingTrace | null) {}

  newInput(aval: Aval): Tracer {
    return new Tracer(this, new Var(aval));
  }

  /** The atom of a value in this trace, capturing outside values. */
  atomOf(x: NDArray): Atom {
    if (x instanceof Tracer && x.trace === this) return x.v;
    if (x instanceof Tracer && !x.trace.active) {
      throw new KernexError(
        "a traced value escaped the function being transformed (it was stored outside and used after the transform returned); return it instead",
      );
    }
    let v = this.captured.get(x);
    if (v === undefined) {
      v = new Var({ shape: x.shape, dtype: x.dtype });
      this.captured.set(x, v);
    }
    return v;
  }
}

let current: StagingTrace | null = null;

/**
 * The trace recording right now, or null when operations run eagerly.
 *
 * @example
 * currentTrace(); // null outside jit, grad, vmap and kernels
 */
export function currentTrace(): StagingTrace | null {
  return current;
}

/**
 * Run fn with `trace` as the current trace, restoring the previous one after.
 *
 * @example
 * withTrace(null, () => kex.ones([2])); // eager, even inside a trace
 */
export function withTrace<T>(trace: StagingTrace | null, fn: () => T): T {
  const saved = current;
  current = trace;
  try {
    return fn();
  } finally {
    current = saved;
  }
}

/**
 * An input to bind: an array value or a scalar literal.
 *
 * @example
 * const inputs: BindInput[] = [kex.ones([2]), 2];
 */
export type BindInput = NDArray | number;

/**
 * Apply a primitive. Number inputs become literals (they must be 0-d where used).
 *
 * @example
 * bind(Prim.Mul, [kex.array([1, 2]), kex.array([3, 4])], {})[0]!.toArray(); // [3, 8]
 */
export function bind<P extends Prim>(prim: P, inputs: readonly BindInput[], params: ParamsOf<P>, literalDType?: DType): NDArray[] {
  const trace = current;
  const dtype = literalDType ?? inputs.find((x): x is NDArray => x instanceof NDArray)?.dtype ?? "float64";
  if (trace === null) {
    for (const x of inputs) {
      if (x instanceof Tracer) {
        throw new KernexError("a traced value was used outside the function being transformed; return it from the function instead");
      }
    }
    return evalEager(prim, inputs.map((x) => (typeof x === "number" ? NDArray.scalar(x, dtype) : x)), params);
  }
  const atoms = inputs.map((x) => (typeof x === "number" ? new Lit(x, dtype) : trace.atomOf(x)));
  const outAvals = abstractEval(prim, atoms.map((a) => a.aval), params);
  const outputs = outAvals.map((a) => new Var(a));
  trace.eqns.push(anyEqn({ prim, inputs: atoms, params, outputs }));
  return outputs.map((v) => new Tracer(trace, v));
}

/**
 * A staged function: its program, plus the outside values it captured.
 *
 * @example
 * stage([{ shape: [2], dtype: "float64" }], (x) => [kex.exp(x)]).program.toString();
 */
export interface StagedFunction {
  readonly program: Program;
  /** Captured outside values, bound to the trailing inputs of `program`. */
  readonly captured: readonly NDArray[];
  /** Number of leading program inputs that are the function's own arguments. */
  readonly nArgs: number;
}

/**
 * Trace `fn` on fresh inputs of the given avals. The staged program takes the
 * arguments followed by the captured values.
 *
 * @example
 * const { program, captured } = stage([{ shape: [3], dtype: "float64" }], (x) => [kex.sum(x)]);
 */
export function stage(avals: readonly Aval[], fn: (...args: Tracer[]) => NDArray[]): StagedFunction {
  const trace = new StagingTrace(current);
  const inputs = avals.map((a) => trace.newInput(a));
  let outs: NDArray[];
  try {
    outs = withTrace(trace, () => fn(...inputs));
    const atoms = withTrace(trace, () => outs.map((o) => trace.atomOf(o)));
    const captured = [...trace.captured.keys()];
    const capturedVars = captured.map((c) => trace.captured.get(c)!);
    const program = new Program([...inputs.map((t) => t.v), ...capturedVars], trace.eqns, atoms);
    return { program, captured, nArgs: avals.length };
  } finally {
    trace.active = false;
  }
}

/** Bind one equation again on new inputs, keeping the dtype of its literals. */
export function bindEqn(eqn: AnyEqn, inputs: readonly BindInput[]): NDArray[] {
  const literalDType = eqn.inputs.find((a): a is Lit => a instanceof Lit)?.aval.dtype;
  return bind(eqn.prim, inputs, eqn.params, literalDType);
}

/** Re-binding as an interpretation (compiler/eval-program.ts): literals stay numbers, so they stay literals. */
const bindInterpretation: Interpretation<NDArray, number> = {
  literal: (a) => a.value,
  apply: bindEqn,
};

/**
 * The value of every variable of a program, computed by binding its
 * equations again (so that the current trace, if any, records them; eagerly
 * otherwise).
 */
export function bindProgram(program: Program, args: readonly NDArray[]): Map<Var, NDArray> {
  return evalEnv(program, bindInterpretation, args);
}

/**
 * Evaluate a program on values by binding its equations again.
 *
 * @example
 * const { program } = stage([{ shape: [2], dtype: "float64" }], (x) => [kex.mul(x, 2)]);
 * evalProgramWithBind(program, [kex.array([1, 2])])[0]!.toArray(); // [2, 4]
 */
export function evalProgramWithBind(program: Program, args: readonly NDArray[]): NDArray[] {
  const outs = evalProgram(program, bindInterpretation, args);
  return outs.map((x, i) => (typeof x === "number" ? NDArray.scalar(x, program.outputs[i]!.aval.dtype) : x));
}
