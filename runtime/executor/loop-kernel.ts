/**
 * @file A `fori_loop` equation's compiled kernel: the body optimized once
 * (the program passes of jit: fusion into stencils), planned
 * (loop-plan.ts) and printed as one generated function
 * (compiler/codegen/emit-loop.ts), kept by the kernel cache
 * (runtime/kernel-cache.ts) by the body's structure. Equations of the body
 * that are not compiled stencils run as host functions the generated code
 * calls (`hostFor`).
 */
import type { AnyEqn, Program } from "../../compiler/ir";
import { sourceBytes } from "../../compiler/byte-lru";
import { hashText } from "../../compiler/cache-key";
import { compileBody, type CompiledBody } from "../../compiler/codegen/compile";
import { emitLoop } from "../../compiler/codegen/emit-loop";
import { printProgram } from "../../compiler/ir-print";
import { optimizeProgram } from "../../compiler/passes/program-pipeline";
import type { LoopParams } from "../../compiler/primitives";
import { cachedKernel, memoKey, tableBytes } from "../kernel-cache";
import { planLoop, type HostFn, type LoopPlan } from "./loop-plan";
import { execLog, execLogger } from "./settings";

/**
 * A loop ready to run: its optimized body, its plan and generated code
 * (plan null: the body runs step by step).
 *
 * @example
 * compileLoop(params, hostFor).source; // the generated loop function
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
 * compileLoop(params, hostFor).source; // the generated loop function
 */
export function compileLoop(p: LoopParams, host: (eqn: AnyEqn) => HostFn): CompiledLoop {
  const key = memoKey("loop", p, "", () => `${p.nCarry}|${p.nXs}|${p.reverse}\n${printProgram(p.body)}`);
  return cachedKernel("loop", key, () => buildLoop(p, host), loopBytes);
}

/** Bytes a compiled loop retains: its source and compiled code, its plan's tables. */
function loopBytes(c: CompiledLoop): number {
  return sourceBytes(c.source) + (c.plan === null ? 0 : tableBytes(c.plan.tables));
}

function buildLoop(p: LoopParams, host: (eqn: AnyEqn) => HostFn): CompiledLoop {
  const body = optimizeProgram(p.body, { log: execLogger(2) });
  const plan = planLoop(body, p, host);
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
