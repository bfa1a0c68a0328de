/**
 * @file The one program walk (Autodidax's `eval_jaxpr`): bind the inputs in
 * an environment, then for every equation in order read its operands (a
 * literal through the interpretation, a variable from the environment),
 * apply the interpretation, and bind its outputs. Every forward evaluation
 * of program IR is this walk with its own value type and rule table: the
 * reference interpreter (Tensor, evalRules), scalarization (SValue,
 * scalarizeRules), re-binding through the current trace (NDArray), jvp
 * (primal and tangent), vmap (value and batch axis) and grad's activity
 * analysis (boolean).
 */
import { Lit, type AnyEqn, type Atom, type Program, type Var } from "./ir";

/**
 * One way of evaluating equations, over values of type V: what a literal
 * operand is (of type L: re-binding keeps literals as plain numbers), and
 * the values of an equation's outputs given the values of its inputs
 * (usually: look the primitive up in a total rule table).
 *
 * @example
 * const depth: Interpretation<number> = { literal: () => 0, apply: (eqn, ins) => eqn.outputs.map(() => Math.max(0, ...ins) + 1) };
 */
export interface Interpretation<V, L = V> {
  /** The value of a literal operand. */
  literal(lit: Lit): L;
  /** The values of the equation's outputs, one per output, from the values of its inputs. */
  apply(eqn: AnyEqn, inputs: readonly (V | L)[]): readonly V[];
}

/** The value of an atom in `env`, or the interpretation's value of a literal. */
function readAtom<V, L>(env: ReadonlyMap<Var, V>, interp: Interpretation<V, L>, a: Atom): V | L {
  if (a instanceof Lit) return interp.literal(a);
  if (!env.has(a)) throw new Error(`evalProgram: variable used before definition (id ${a.id})`);
  return env.get(a)!;
}

/**
 * The value of every variable of `program` (inputs and equation outputs)
 * under `interp`, given the values of its inputs.
 *
 * @example
 * const env = evalEnv(program, interp, args); env.get(program.eqns[0]!.outputs[0]!);
 */
export function evalEnv<V, L = V>(program: Program, interp: Interpretation<V, L>, inputs: readonly V[]): Map<Var, V> {
  if (inputs.length < program.inputs.length) throw new Error(`evalProgram: ${inputs.length} inputs for a program of ${program.inputs.length}`);
  const env = new Map<Var, V>();
  program.inputs.forEach((v, i) => env.set(v, inputs[i]!));
  for (const eqn of program.eqns) {
    const outs = interp.apply(eqn, eqn.inputs.map((a) => readAtom(env, interp, a)));
    eqn.outputs.forEach((v, i) => env.set(v, outs[i]!));
  }
  return env;
}

/**
 * The values of `atoms` (a program's outputs) in an environment from evalEnv.
 *
 * @example
 * readAtoms(evalEnv(program, interp, args), interp, program.outputs);
 */
export function readAtoms<V, L = V>(env: ReadonlyMap<Var, V>, interp: Interpretation<V, L>, atoms: readonly Atom[]): (V | L)[] {
  return atoms.map((a) => readAtom(env, interp, a));
}

/**
 * Evaluate `program` under `interp`: the values of its outputs given the
 * values of its inputs.
 *
 * @example
 * evalProgram(program, tensorInterpretation, [x]); // the reference interpreter (compiler/interpret.ts)
 */
export function evalProgram<V, L = V>(program: Program, interp: Interpretation<V, L>, inputs: readonly V[]): (V | L)[] {
  return readAtoms(evalEnv(program, interp, inputs), interp, program.outputs);
}
