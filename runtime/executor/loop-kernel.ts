/**
 * @file A `fori_loop` equation's compiled kernel: the body optimized once
 * (the program passes of jit: fusion into stencils), planned
 * (loop-plan.ts) and printed as one generated function
 * (compiler/codegen/emit-loop.ts), kept by the kernel cache
 * (runtime/kernel-cache.ts) by the body's structure. Equations of the body
 * that are not compiled stencils run as host functions the generated code
 * calls (`hostFor`).
 */
import { sizeOf, type AnyEqn, type Program } from "../../compiler/ir";
import { sourceBytes } from "../../compiler/byte-lru";
import { hashText } from "../../compiler/cache-key";
import { compileBody, type CompiledBody } from "../../compiler/codegen/compile";
import { emitLoop } from "../../compiler/codegen/emit-loop";
import { printProgram } from "../../compiler/ir-print";
import { optimizeProgram } from "../../compiler/passes/program-pipeline";
import { Prim, type LoopParams } from "../../compiler/primitives";
import { evalPrim } from "../../compiler/interpret";
import { recycleBuffer } from "../buffer-pool";
import { cachedKernel, memoKey, tableBytes } from "../kernel-cache";
import { planLoop, type HostFn, type LoopPlan } from "./loop-plan";
import { runLoop } from "./run-loop";
import { execLog, execLogger } from "./settings";

/**
 * A loop ready to run: its optimized body, its plan and generated code
 * (plan null: the body runs step by step).
 *
 * @example
 * compileLoop(params).source; // the generated loop function
 */
export interface CompiledLoop {
  readonly body: Program;
  readonly plan: LoopPlan | null;
  readonly source: string;
  readonly hash: string;
  readonly fn: () => CompiledBody;
}

/**
 * The compiled form of a loop, cached by the body's structure (every eager
 * call of `foriLoop` traces a new body object with the same structure).
 *
 * @example
 * compileLoop(params).source; // the generated loop function
 */
export function compileLoop(p: LoopParams): CompiledLoop {
  const key = memoKey("loop", p, "", () => `${p.nCarry}|${p.nXs}|${p.reverse}\n${printProgram(p.body)}`);
  return cachedKernel("loop", key, () => buildLoop(p), loopBytes);
}

/** Bytes a compiled loop retains: its source and compiled code, its plan's tables. */
function loopBytes(c: CompiledLoop): number {
  return sourceBytes(c.source) + (c.plan === null ? 0 : tableBytes(c.plan.tables));
}

function buildLoop(p: LoopParams): CompiledLoop {
  const body = optimizeProgram(p.body, { log: execLogger(2) });
  const plan = planLoop(body, p, hostFor);
  const source = plan === null ? "" : emitLoop(plan.code);
  if (plan !== null) execLog(3, () => `generated loop code:\n${source}`);
  let fn: CompiledBody | null = null;
  let hash: string | null = null;
  return {
    body,
    plan,
    source,
    get hash(): string {
      return (hash ??= hashText(source, "l"));
    },
    fn: () => (fn ??= compileBody(source)),
  };
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

