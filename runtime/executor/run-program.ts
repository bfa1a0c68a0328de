/**
 * @file The executor's dispatch: one equation on concrete buffers (stencils,
 * gathers, sweeps and loops run their compiled kernels; everything else, and
 * everything when codegen is off, runs the reference interpreter's loops),
 * and a whole program equation by equation (a loop body that cannot be
 * planned runs so, once per step).
 */
import { Lit, type Atom, type Aval, type Program, type Var } from "../../compiler/ir";
import { evalPrim } from "../../compiler/interpret";
import { tensor, type Tensor } from "../../compiler/tensor";
import { primApp, Prim, type DType, type ParamsOf } from "../../compiler/primitives";
import { runLoop } from "./run-loop";
import { runStencil } from "./run-stencil";
import { runScanSweep } from "./run-sweep";
import { execSettings } from "./settings";

/**
 * Run one equation on concrete buffers; the results' data are fresh, except
 * that a loop of zero steps returns its carries.
 *
 * @example
 * runEqn(Prim.Neg, [x], {}, [{ shape: x.shape, dtype: x.dtype }]);
 */
export function runEqn<P extends Prim>(prim: P, inputs: readonly Tensor[], params: ParamsOf<P>, outAvals: readonly Aval[]): Tensor[] {
  const app = primApp(prim, params);
  if (execSettings().codegen) {
    if (app.prim === Prim.Stencil || app.prim === Prim.StencilGather) return runStencil(app.prim, inputs, app.params, outAvals);
    if (app.prim === Prim.ScanSweep) return runScanSweep(inputs, app.params, outAvals);
    if (app.prim === Prim.ForiLoop) return runLoop(inputs, app.params, outAvals);
  }
  return evalPrim(prim, inputs, params, outAvals);
}

/**
 * Run a program on concrete buffers, equation by equation.
 *
 * @example
 * runProgram(body, [lower, ...carries]);
 */
export function runProgram(program: Program, args: readonly Tensor[]): Tensor[] {
  const env = new Map<Var, Tensor>();
  program.inputs.forEach((v, i) => env.set(v, args[i]!));
  for (const eqn of program.eqns) {
    // an equation's literals are scalars of its first literal's dtype, as when its equation is bound (src/core/trace.ts bindEqn)
    const literal = eqn.inputs.find((a): a is Lit => a instanceof Lit);
    const read = (a: Atom): Tensor => (a instanceof Lit ? scalar(a.value, literal!.aval.dtype) : env.get(a)!);
    const outs = runEqn(eqn.prim, eqn.inputs.map(read), eqn.params, eqn.outputs.map((v) => v.aval));
    eqn.outputs.forEach((v, i) => env.set(v, outs[i]!));
  }
  return program.outputs.map((a) => (a instanceof Lit ? scalar(a.value, a.aval.dtype) : env.get(a)!));
}

/** A scalar tensor. */
function scalar(value: number, dtype: DType): Tensor {
  const t = tensor([], dtype);
  t.data[0] = value;
  return t;
}
