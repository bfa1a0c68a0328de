/**
 * @file The executor's dispatch: one equation on concrete buffers (stencils,
 * gathers, sweeps and loops run their compiled kernels; everything else, and
 * everything when codegen is off, runs the reference interpreter's loops),
 * a whole program equation by equation, and a loop: planned (run-loop.ts)
 * or, when its body cannot be planned, that body once per step. A loop's
 * equations that are not compiled stencils run here too (host functions),
 * so these runners recurse into each other and share this module.
 */
import { Lit, sizeOf, type AnyEqn, type Atom, type Aval, type Program, type Var } from "../../compiler/ir";
import { evalPrim } from "../../compiler/interpret";
import { tensor, type Tensor } from "../../compiler/tensor";
import { primApp, Prim, type DType, type LoopParams, type ParamsOf } from "../../compiler/primitives";
import { loopPosition } from "../../compiler/fori-loop";
import { allocate } from "../buffers";
import { recycleBuffer } from "../buffer-pool";
import { compileLoop, type CompiledLoop } from "./loop-kernel";
import type { HostFn } from "./loop-plan";
import { rowOf, runPlanned, tensorOf } from "./run-loop";
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

/** The reference path: the optimized body evaluated once per step. */
function runStepByStep(body: Program, inputs: readonly Tensor[], p: LoopParams, outAvals: readonly Aval[]): Tensor[] {
  const nc = p.nCarry;
  const lower = inputs[0]!.data[0]!;
  const dtype = inputs[0]!.dtype;
  let carries = inputs.slice(1, 1 + nc);
  const xs = inputs.slice(1 + nc, 1 + nc + p.nXs);
  const invariants = inputs.slice(1 + nc + p.nXs);
  const ys = outAvals.slice(nc).map((a) => allocate(a.dtype, sizeOf(a.shape), false));
  for (let t = 0; t < p.steps; t++) {
    const pos = loopPosition(p, t);
    const outs = runProgram(body, [scalar(lower + pos, dtype), ...carries, ...xs.map((x) => rowOf(x, pos)), ...invariants]);
    carries = outs.slice(0, nc);
    outs.slice(nc).forEach((y, j) => ys[j]!.set(y.data, pos * sizeOf(y.shape)));
  }
  return [...carries, ...ys.map((y, j) => tensorOf(outAvals[nc + j]!, y))];
}

/**
 * Run a loop equation on concrete buffers.
 *
 * @example
 * runLoop([lower, u0], params, abstractEval(Prim.ForiLoop, [lower, u0], params));
 */
export function runLoop(inputs: readonly Tensor[], p: LoopParams, outAvals: readonly Aval[]): Tensor[] {
  const c = loopKernel(p);
  if (c.plan === null) return runStepByStep(c.body, inputs, p, outAvals);
  return runPlanned(c, c.plan, inputs, p, outAvals);
}

/**
 * A loop's compiled kernel, its host equations run by this module.
 *
 * @example
 * loopKernel(params).plan; // null: the body runs step by step
 */
export function loopKernel(p: LoopParams): CompiledLoop {
  return compileLoop(p, hostFor);
}

/** How the generated loop runs an equation that is not a compiled stencil: eagerly, on arrays over the plan's buffers. */
function hostFor(eqn: AnyEqn): HostFn {
  if (eqn.prim === Prim.Slice) {
    const sp = eqn.params;
    if (sp.step.every((s) => s === 1)) return contiguousSlice(eqn.inputs[0]!.aval.shape, sp.start, sp.shape);
  }
  const inAvals = eqn.inputs.map((a) => a.aval);
  const outAvals = eqn.outputs.map((v) => v.aval);
  return (ins, outs) => {
    const results =
      eqn.prim === Prim.ForiLoop
        ? runLoop(ins.map((d, j) => ({ shape: inAvals[j]!.shape, dtype: inAvals[j]!.dtype, data: d })), eqn.params, outAvals)
        : evalPrim(eqn.prim, ins.map((d, j) => ({ shape: inAvals[j]!.shape, dtype: inAvals[j]!.dtype, data: d })), eqn.params, outAvals);
    // the results were copied into the plan's buffers and nothing else holds them
    results.forEach((r, j) => {
      outs[j]!.set(r.data);
      recycleBuffer(r.data);
    });
  };
}

/** A unit-step slice as row copies (the interpreter's per-element index map is ~10× slower; reverse-mode loop bodies slice every step). */
function contiguousSlice(inShape: readonly number[], start: readonly number[], shape: readonly number[]): HostFn {
  const nd = inShape.length;
  const inStrides = inShape.map((_, d) => sizeOf(inShape.slice(d + 1)));
  const row = nd === 0 ? 1 : shape[nd - 1]!;
  const rows = sizeOf(shape.slice(0, -1));
  return ([x], [out]) => {
    for (let r = 0; r < rows; r++) {
      let rest = r;
      let src = nd === 0 ? 0 : start[nd - 1]!;
      for (let d = nd - 2; d >= 0; d--) {
        const n = shape[d]!;
        src += ((rest % n) + start[d]!) * inStrides[d]!;
        rest = Math.floor(rest / n);
      }
      out!.set(x!.subarray(src, src + row), r * row);
    }
  };
}
