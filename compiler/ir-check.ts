/**
 * @file The IR verifier: every variable is defined once before use, every
 * equation's output types are re-derived from abstractEvalRules, and stencil
 * kernels (every mesh branch) typecheck against the stencil's inputs.
 * Errors name the check, the equation (printed) and the mismatch.
 */
import { abstractEval } from "./abstract-eval";
import { Lit, sameAval, type Atom, type Aval, type Program, type Var } from "./ir";
import { printAval, printProgram } from "./ir-print";
import { Prim, type StencilParams } from "./primitives";

/** Thrown when a program breaks an IR invariant. */
export class IRCheckError extends Error {}

function fail(msg: string, program: Program): never {
  throw new IRCheckError(`${msg}\nin program:\n${printProgram(program)}`);
}

/**
* Programs that passed the check. IR is immutable, so a program that passed
 * once passes again: the pipelines verify after every pass, and most passes
 * hand most kernel sub-programs (and unchanged programs) on as they are.
 */
const verified = new WeakSet<Program>();

/**
 * Check a program (and its kernel sub-programs); returns it unchanged.
 *
 * This walk stays apart from compiler/eval-program.ts: it must see a
 * variable bound twice or read before its binding (which that walk's
 * environment would hide), and it names the equation's index in its errors.
 */
export function checkProgram(program: Program): Program {
  if (verified.has(program)) return program;
  const defined = new Set<Var>();
  const define = (v: Var) => {
    if (defined.has(v)) fail(`variable (id ${v.id}) is bound twice`, program);
    defined.add(v);
  };
  program.inputs.forEach(define);
  const use = (a: Atom): Aval => {
    if (a instanceof Lit) {
      if (a.aval.shape.length !== 0) fail("a literal must be a scalar", program);
      return a.aval;
    }
    if (!defined.has(a)) fail(`variable (id ${a.id}) is used before it is defined`, program);
    return a.aval;
  };
  program.eqns.forEach((eqn, i) => {
    const ins = eqn.inputs.map(use);
    let outs: Aval[];
    try {
      outs = abstractEval(eqn.prim, ins, eqn.params);
    } catch (e) {
      return fail(`equation ${i} (${eqn.prim}) does not typecheck: ${(e as Error).message}`, program);
    }
    if (outs.length !== eqn.outputs.length) fail(`equation ${i} (${eqn.prim}) has ${eqn.outputs.length} outputs, expected ${outs.length}`, program);
    outs.forEach((o, j) => {
      if (!sameAval(o, eqn.outputs[j]!.aval)) {
        fail(`equation ${i} (${eqn.prim}) output ${j} is ${printAval(eqn.outputs[j]!.aval)}, its rule gives ${printAval(o)}`, program);
      }
    });
    if (eqn.prim === Prim.Stencil || eqn.prim === Prim.StencilGather) checkStencil(eqn.params, ins, program, i);
    eqn.outputs.forEach(define);
  });
  program.outputs.forEach(use);
  verified.add(program);
  return program;
}

function checkStencil(p: StencilParams, ins: readonly Aval[], program: Program, i: number): void {
  const nExtra = ins.length - p.nWindowed;
  if (p.gridDims.length !== nExtra) fail(`stencil equation ${i}: ${nExtra} extra inputs but ${p.gridDims.length} gridDims entries`, program);
  const expected: Aval[] = [
    ...ins.slice(0, p.nWindowed).map((a) => ({ shape: p.spec.kernelSize, dtype: a.dtype })),
    ...ins.slice(p.nWindowed).map((a, j) => ({ shape: a.shape.slice(p.gridDims[j]!.length), dtype: a.dtype })),
  ];
  const first = p.branches[0]?.kernel.outAvals;
  if (!first) fail(`stencil equation ${i} has no kernels`, program);
  p.branches.forEach((br, b) => {
    const k = br.kernel;
    if (k.inputs.length !== expected.length) fail(`stencil equation ${i}, branch ${b}: kernel takes ${k.inputs.length} inputs, expected ${expected.length}`, program);
    k.inputs.forEach((v, j) => {
      if (!sameAval(v.aval, expected[j]!)) fail(`stencil equation ${i}, branch ${b}: kernel input ${j} is ${printAval(v.aval)}, expected ${printAval(expected[j]!)}`, program);
    });
    k.outAvals.forEach((o, j) => {
      if (!sameAval(o, first![j]!)) fail(`stencil equation ${i}, branch ${b}: output ${j} is ${printAval(o)}, branch 0 gives ${printAval(first![j]!)}`, program);
    });
    checkProgram(k);
  });
}
