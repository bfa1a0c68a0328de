/**
 * @file A stencil equation's compiled kernel: the loop pipeline
 * (compiler/passes/pipeline.ts) and code generation
 * (compiler/codegen/emit-stencil.ts) give the generated body, its index
 * tables and its schedule; the kernel cache (runtime/kernel-cache.ts) keeps
 * them by the equation's structure, and the function is built on first run.
 */
import { cacheKey, hashText } from "../../compiler/cache-key";
import { sourceBytes } from "../../compiler/byte-lru";
import { printProgram } from "../../compiler/ir-print";
import { Prim, type StencilParams } from "../../compiler/primitives";
import { compileBody, type CompiledBody } from "../../compiler/codegen/compile";
import { emitStencil, type Schedule } from "../../compiler/codegen/emit-stencil";
import { NotScalarizable } from "../../compiler/codegen/scalarize";
import { printLowered } from "../../compiler/ir-print";
import { runPipeline } from "../../compiler/passes/pipeline";
import { cachedKernel, memoKey, tableBytes } from "../kernel-cache";
import { execLog, execLogger } from "./settings";
import { uncoveredCells, type Uncovered } from "./inplace-cover";

/**
 * A stencil ready to run.
 *
 * @example
 * compileStencil(Prim.Stencil, params, [])?.body; // the generated loop code
 */
export interface CompiledStencil {
  /** The generated function (built on first use: lowering alone never reaches `new Function`). */
  readonly fn: CompiledBody;
  readonly body: string;
  /** Identifies `body` for the workers' compile caches (computed when first read). */
  readonly hash: string;
  readonly tables: readonly Int32Array[];
  readonly schedule: Schedule;
  /** Estimated work per grid cell (scalar operations), for the sharding threshold. */
  readonly costPerCell: number;
  /** An in-place map's cells its kernel leaves to the input (computed when first read; see inplace-cover.ts). */
  readonly uncovered: Uncovered;
}

function structuralKey(p: StencilParams, extraShapes: readonly (readonly number[])[]): string {
  return cacheKey({
    spec: p.spec,
    n: p.nWindowed,
    g: p.gridDims,
    r: p.reduceGrid,
    e: extraShapes,
    b: p.branches.map((br) => [br.region, printProgram(br.kernel)]),
  });
}

/** The shape signature of a call, for memoKey: the kind and the extra inputs' shapes. */
function shapeSignature(gather: boolean, extraShapes: readonly (readonly number[])[]): string {
  let key = gather ? "g" : "m";
  for (let i = 0; i < extraShapes.length; i++) key += (i === 0 ? "" : ";") + extraShapes[i]!.join(",");
  return key;
}

/**
 * The compiled code of a stencil equation, or null when it must be interpreted.
 *
 * @example
 * const compiled = compileStencil(Prim.Stencil, params, extraShapes); // cached by structure
 */
export function compileStencil(prim: Prim.Stencil | Prim.StencilGather, p: StencilParams, extraShapes: readonly (readonly number[])[]): CompiledStencil | null {
  const gather = prim === Prim.StencilGather;
  const key = memoKey("stencil", p, shapeSignature(gather, extraShapes), () => `${gather ? "gather" : "map"}${structuralKey(p, extraShapes)}`);
  return cachedKernel("stencil", key, () => buildStencil(prim, p, extraShapes, gather), retainedBytes);
}

/** Bytes a compiled stencil retains: its index tables, its source and compiled code. */
function retainedBytes(compiled: CompiledStencil | null): number {
  return compiled === null ? 0 : sourceBytes(compiled.body) + tableBytes(compiled.tables);
}

/** What a compile event names: the primitive, its input and window shapes, and the shapes of its other inputs. */
function describeStencil(prim: Prim.Stencil | Prim.StencilGather, p: StencilParams, extraShapes: readonly (readonly number[])[]): string {
  const s = p.spec;
  const extras = extraShapes.length > 0 ? `, other inputs ${extraShapes.map((e) => `[${e.join(", ")}]`).join(" ")}` : "";
  return `${prim} (${s.kind}) over [${s.inShape.join(", ")}], window [${s.kernelSize.join(", ")}], grid [${s.gridShape.join(", ")}]${extras}`;
}

/** Lower, generate and wrap one stencil (null when its kernels cannot be scalarized). */
function buildStencil(prim: Prim.Stencil | Prim.StencilGather, p: StencilParams, extraShapes: readonly (readonly number[])[], gather: boolean): CompiledStencil | null {
  try {
    const t0 = performance.now();
    const nest = runPipeline(p, extraShapes, { log: execLogger(2) }, gather);
    const code = emitStencil(nest);
    execLog(2, () => `lowered (simplified, verified, outlined):\n${printLowered(code.lowered)}`);
    execLog(1, () => `compiled ${describeStencil(prim, p, extraShapes)} in ${(performance.now() - t0).toFixed(1)} ms`);
    execLog(3, () => `generated stencil code:\n${code.body}`);
    const costPerCell = 1 + code.opsPerCell;
    // Built on first call, not here: lowering (jit(f).lower) and codegen: false never reach `new Function`;
    // the hash only when a job first goes to the workers (hashing W1's body took ~5 ms of its first call)
    let fn: CompiledBody | null = null;
    let hash: string | null = null;
    let uncovered: Uncovered | null = null;
    return {
      get uncovered(): Uncovered {
        return (uncovered ??= uncoveredCells(p));
      },
      get fn(): CompiledBody {
        return (fn ??= compileBody(code.body));
      },
      get hash(): string {
        return (hash ??= hashText(code.body, "k"));
      },
      body: code.body,
      tables: code.tables,
      schedule: code.schedule,
      costPerCell,
    };
  } catch (e) {
    if (!(e instanceof NotScalarizable)) throw e;
    return null;
  }
}
