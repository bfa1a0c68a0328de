/**
 * @file Tracing: the current-trace context, the staging trace that records
 * program IR, the Tracer that stands for an array while it is traced, and
 * `bind`, the one entry point of every primitive (find the trace, lift the
 * inputs, dispatch). Without an active trace,
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
import { NDArray } from "../ndarray/ndarray";
import type { Storage } from "../ndarray/storage";

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

/**
 * How `bind` evaluates a primitive when no trace is recording: on concrete
 * arrays, by the interpreter or compiled code (core/eager.ts).
 *
 * @example
 * const evaluate: EagerEvaluator = evalEager; // core/eager.ts
 */
export type EagerEvaluator = <P extends Prim>(prim: P, inputs: readonly NDArray[], params: ParamsOf<P>) => NDArray[];

/**
 * Set once by core/eager.ts when it loads. Eager evaluation binds again
 * (a loop body that does not compile runs equation by equation through
 * `bind`), so the evaluator registers itself here rather than being imported:
 * this file and the executor would import each other otherwise.
 */
let eagerEvaluator: EagerEvaluator | null = null;

/**
 * Install the eager evaluator (core/eager.ts calls this once, when it loads).
 *
 * @example
 * setEagerEvaluator(evalEager);
 */
export function setEagerEvaluator(fn: EagerEvaluator): void {
  eagerEvaluator = fn;
}

function evalEager<P extends Prim>(prim: P, inputs: readonly NDArray[], params: ParamsOf<P>): NDArray[] {
  if (eagerEvaluator === null) throw new Error(`bind(${prim}): eager evaluation (src/core/eager.ts) is not loaded; import kernex, or src/core/ops.ts, first`);
  return eagerEvaluator(prim, inputs, params);
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

/**
 * A traced stand-in for an NDArray inside jit/grad/vmap and kernels.
 *
 * @example
 * kex.jit((x) => { console.log(String(x)); return x; })(kex.ones([2])); // logs Tracer(shape=[2], dtype=float64)
 */
export class Tracer extends NDArray {
  constructor(
    readonly trace: StagingTrace,
    readonly v: Var,
  ) {
    super(v.aval.shape, v.aval.dtype, null);
  }

  override get data(): Storage {
    throw new KernexError(
      `cannot read the values of a traced array (shape [${this.shape.join(", ")}]) while it is being traced by jit/grad/vmap or inside a kernel; ` +
        "use array functions on it instead of reading .data, .get() or .toArray()",
    );
  }

  override toString(): string {
    return `Tracer(shape=[${this.shape.join(",")}], dtype=${this.dtype})`;
  }

  /**
   * A traced array has no number or boolean value: `+x`, `x * 1` outside a
   * kernel, `x < 0` in a jitted function throw instead of computing with
   * NaN. As a string (`String(x)`, a template literal) it names itself.
   */
  [Symbol.toPrimitive](hint: string): string {
    if (hint === "string") return this.toString();
    throw tracedCoercion(`${this.toString()} was converted to a ${hint === "number" ? "number" : "primitive value"}`);
  }

  override valueOf(): never {
    throw tracedCoercion(`${this.toString()}.valueOf() was called`);
  }

  /** JSON.stringify of a traced array would print tracer internals. */
  toJSON(): never {
    throw tracedCoercion(`JSON.stringify was given ${this.toString()}`);
  }
}

/**
 * The error for a traced value used where JavaScript needs a plain one
 * (the backstop behind the kernel rewrite's own checks, which name the line).
 *
 * @example
 * throw tracedCoercion("Tracer(shape=[], dtype=float64) was converted to a number");
 */
export function tracedCoercion(what: string): KernexError {
  return new KernexError(
    `${what}, but a traced value has no value until the compiled function runs; compute with it using array ` +
      "functions and operators, and select with kex.where (or if/? : inside a kernel) instead of converting it",
  );
}
