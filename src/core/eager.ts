/**
 * @file Eager evaluation of one primitive on concrete arrays: the API side
 * of the executor (runtime/executor/). Here the results are checked against
 * the machine's limits, wrapped as NDArrays and tracked for the buffer pool,
 * and a RuntimeFailure becomes a KernexError; the executor runs stencils,
 * sweeps and loops compiled (the interpreter when codegen is off) and
 * everything else on the reference interpreter's loops. This module also
 * installs kex.config's settings as the executor's (it never imports src/).
 */
import { abstractEval } from "../../compiler/abstract-eval";
import type { Tensor } from "../../compiler/tensor";
import { Lit, sizeOf, type AnyEqn, type Aval, type Program, type Var } from "../../compiler/ir";
import { Prim, type DType, type ParamsOf, type StencilParams } from "../../compiler/primitives";
import { forgetResult, MIN_TRACKED_ELEMENTS, recycleBuffer, trackResult } from "../../runtime/buffer-pool";
import { runEqn } from "../../runtime/executor/run-program";
import { runSideBySide } from "../../runtime/executor/run-beside";
import { runStencilAsync as runStencilAsyncOn } from "../../runtime/executor/run-stencil";
import { useExecSettings } from "../../runtime/executor/settings";
import { whileResultsReturn } from "../../runtime/results-return";
import { RuntimeFailure } from "../../runtime/failure";
import { debugLog, getConfig } from "../config";
import { KernexError } from "../errors";
import { allocationError, checkArraySize } from "../ndarray/limits";
import { NDArray } from "../ndarray/ndarray";
import { setEagerEvaluator } from "./trace";

// the live configuration object: later kex.config(...) changes are seen by the executor
useExecSettings(getConfig(), debugLog);

/** Executor results as NDArrays (an input returned as it is, e.g. a loop of zero steps, stays that array). */
function asArrays(results: readonly Tensor[]): NDArray[] {
  return results.map((t) => (t instanceof NDArray ? t : new NDArray(t.shape, t.dtype, t.data)));
}

/** A RuntimeFailure as the KernexError the API throws (its message says what was running). */
function apiError(error: unknown): unknown {
  return error instanceof RuntimeFailure ? new KernexError(error.message) : error;
}

/**
 * Evaluate `prim` on concrete arrays. Results too large for the machine are a
 * KernexError before anything is allocated (ndarray/limits.ts), and an
 * allocation the engine refuses anyway is one too.
 *
 * @example
 * evalEager(Prim.Neg, [kex.array([1, 2])], {})[0]!.toArray(); // [-1, -2]
 */
export function evalEager<P extends Prim>(prim: P, inputs: readonly NDArray[], params: ParamsOf<P>): NDArray[] {
  return evalWithAvals(prim, inputs, params, abstractEval(prim, inputs, params));
}

/** evalEager with the result types known (`outAvals`, as abstractEval gives them). */
function evalWithAvals<P extends Prim>(prim: P, inputs: readonly NDArray[], params: ParamsOf<P>, outAvals: readonly Aval[]): NDArray[] {
  for (const a of outAvals) checkArraySize(`${prim}: result`, a.shape, a.dtype);
  try {
    const outs = asArrays(runEqn(prim, inputs, params, outAvals));
    // every eager result is a fresh buffer: it goes back to the pool when its array is collected
    for (const o of outs) trackResult(o.data);
    return outs;
  } catch (error) {
    const out = outAvals[0];
    throw (out && allocationError(`${prim}: result`, out.shape, out.dtype, error)) ?? apiError(error);
  }
}

/**
 * Evaluate a staged program on concrete arrays outside any trace, as
 * binding its equations eagerly does (jit's calls), but with the result
 * types its equations carry: no abstract evaluation per equation. A
 * literal input is a scalar of the equation's first literal's dtype, as in
 * `bindEqn`. `resultsReturn`: the program's results are likely to be
 * donated back (a donating jit call): its equations run under
 * runtime/results-return.ts, and its intermediate arrays go back to the
 * pool when the call ends (recycleIntermediates). (For every call, the
 * recycling made B1r's one-thread backward ~12% slower: not done.)
 *
 * @example
 * const { program } = stage([{ shape: [2], dtype: "float64" }], (x) => [kex.mul(x, 2)]);
 * evalProgramEager(program, [kex.array([1, 2])])[0]!.toArray(); // [2, 4]
 */
export function evalProgramEager(program: Program, args: readonly NDArray[], resultsReturn = false): NDArray[] {
  const env = new Map<Var, NDArray>();
  for (let i = 0; i < program.inputs.length; i++) env.set(program.inputs[i]!, args[i]!);
  const { eqns } = program;
  for (let k = 0; k < eqns.length; k++) {
    const eqn = eqns[k]!;
    const next = eqns[k + 1];
    const ins = inputsOf(eqn, env);
    // two adjacent independent stencils may run side by side (runtime/executor/run-beside.ts)
    const pair = next !== undefined && independentStencils(eqn, next) ? evalSideBySide(eqn, ins, next, inputsOf(next, env)) : null;
    if (pair !== null) {
      bindOutputs(env, eqn, pair[0]);
      bindOutputs(env, next!, pair[1]);
      k++;
      continue;
    }
    const run = (): NDArray[] => evalWithAvals(eqn.prim, ins, eqn.params, eqn.outputs.map((v) => v.aval));
    bindOutputs(env, eqn, resultsReturn ? whileResultsReturn(run) : run());
  }
  const outs = program.outputs.map((a) => (a instanceof Lit ? NDArray.scalar(a.value, a.aval.dtype) : env.get(a)!));
  if (resultsReturn) recycleIntermediates(env.values(), args, outs);
  return outs;
}

/**
 * Give the buffers of a call's intermediate arrays back to the pool: they
 * live only in the call's environment, so nothing reads them once it
 * returns, except where one shares its memory with an argument or a result,
 * which keeps it. The next call's intermediates then take the same
 * buffers: no fresh memory per call (and in a donating call, whose
 * intermediates are written on shared memory, no fresh shared memory).
 */
function recycleIntermediates(arrays: Iterable<NDArray>, args: readonly NDArray[], outs: readonly NDArray[]): void {
  const kept = new Set<ArrayBufferLike>();
  for (const a of [...args, ...outs]) kept.add(a.data.buffer);
  for (const a of arrays) {
    const x = a.data;
    if (kept.has(x.buffer) || x.length < MIN_TRACKED_ELEMENTS) continue;
    kept.add(x.buffer);
    forgetResult(x);
    recycleBuffer(x);
  }
}

function bindOutputs(env: Map<Var, NDArray>, eqn: AnyEqn, outs: readonly NDArray[]): void {
  for (let i = 0; i < outs.length; i++) env.set(eqn.outputs[i]!, outs[i]!);
}

/** An equation's inputs: its variables' arrays, and its literals as scalars of its first literal's dtype (as in `bindEqn`). */
function inputsOf(eqn: AnyEqn, env: ReadonlyMap<Var, NDArray>): NDArray[] {
  let literalDType: DType | undefined;
  for (const a of eqn.inputs) if (literalDType === undefined && a instanceof Lit) literalDType = a.aval.dtype;
  return eqn.inputs.map((a) => (a instanceof Lit ? NDArray.scalar(a.value, literalDType) : env.get(a)!));
}

type StencilEqn = AnyEqn & { readonly prim: Prim.Stencil | Prim.StencilGather; readonly params: StencilParams };

function isStencil(eqn: AnyEqn): eqn is StencilEqn {
  return eqn.prim === Prim.Stencil || eqn.prim === Prim.StencilGather;
}

/** Two stencil equations, the second reading nothing the first writes. */
function independentStencils(a: AnyEqn, b: AnyEqn): boolean {
  return isStencil(a) && isStencil(b) && !b.inputs.some((x) => !(x instanceof Lit) && a.outputs.includes(x));
}

/** Two independent stencils side by side (runtime/executor/run-beside.ts), or null to run them one after the other. */
function evalSideBySide(a: AnyEqn, insA: readonly NDArray[], b: AnyEqn, insB: readonly NDArray[]): [NDArray[], NDArray[]] | null {
  if (!isStencil(a) || !isStencil(b)) return null;
  const avalsA = a.outputs.map((v) => v.aval);
  const avalsB = b.outputs.map((v) => v.aval);
  for (const x of avalsA) checkArraySize(`${a.prim}: result`, x.shape, x.dtype);
  for (const x of avalsB) checkArraySize(`${b.prim}: result`, x.shape, x.dtype);
  let results: [Tensor[], Tensor[]] | null;
  try {
    results = runSideBySide({ prim: a.prim, inputs: insA, params: a.params, outAvals: avalsA }, { prim: b.prim, inputs: insB, params: b.params, outAvals: avalsB });
  } catch (error) {
    // an allocation the engine refused is reported for the larger result
    const out = [...avalsA, ...avalsB].reduce((m, x) => (sizeOf(x.shape) > sizeOf(m.shape) ? x : m));
    throw allocationError(`${avalsA.includes(out) ? a.prim : b.prim}: result`, out.shape, out.dtype, error) ?? apiError(error);
  }
  if (results === null) return null;
  const [outsA, outsB] = [asArrays(results[0]), asArrays(results[1])];
  for (const o of [...outsA, ...outsB]) trackResult(o.data);
  return [outsA, outsB];
}

/**
 * Run a stencil equation with the calling thread only waiting (a browser's
 * main thread): sharded when possible.
 *
 * @example
 * await runStencilAsync(Prim.Stencil, [x], params, outAvals);
 */
export async function runStencilAsync(prim: Prim.Stencil | Prim.StencilGather, inputs: readonly NDArray[], params: StencilParams, outAvals: readonly Aval[]): Promise<NDArray[]> {
  for (const a of outAvals) checkArraySize(`${prim}: result`, a.shape, a.dtype);
  try {
    return asArrays(await runStencilAsyncOn(prim, inputs, params, outAvals));
  } catch (error) {
    throw apiError(error);
  }
}

// bind evaluates through this when no trace is recording (see setEagerEvaluator in trace.ts)
setEagerEvaluator(evalEager);
