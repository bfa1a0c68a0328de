/**
 * @file A stencil equation's compiled kernel: the loop pipeline
 * (compiler/passes/pipeline.ts) and code generation
 * (compiler/codegen/emit-stencil.ts) give the generated body, its index
 * tables and its schedule; the kernel cache (runtime/kernel-cache.ts) keeps
 * them by the equation's structure, and the function is built on first run.
 * A stencil's first calls run the first tier (not jammed: V8 optimizes
 * its shorter loops sooner), on every thread of the call; the jammed code
 * is built on the call after them, or as soon as its body is asked for
 * (loops, lower), and from then on every call runs it.
 */
import { cacheKey, hashText } from "../../compiler/cache-key";
import { sourceBytes } from "../../compiler/byte-lru";
import { printProgram } from "../../compiler/ir-print";
import { Prim, type StencilParams } from "../../compiler/primitives";
import { compileBody, type CompiledBody } from "../../compiler/codegen/compile";
import { emitStencilTiers, type Schedule } from "../../compiler/codegen/emit-stencil";
import { FIRST_TIER_CALLS } from "../../compiler/loop/jam";
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
  /**
   * The code for one call, which this counts: the first FIRST_TIER_CALLS
   * calls get the first tier (not jammed; compiler/loop/lower.ts), later
   * ones the final tier (`fn`, `body`, `hash`).
   */
  forCall(): StencilTier;
  /** The final tier's function (built on first use: lowering alone never reaches `new Function`). */
  readonly fn: CompiledBody;
  /** The final (jammed) code: what loops and `jit(f).lower` get (built when first read). */
  readonly body: string;
  /** Identifies `body` for the workers' compile caches (computed when first read). */
  readonly hash: string;
  readonly tables: readonly Int32Array[];
  readonly schedule: Schedule;
  /**
   * Bytes its sources and compiled code retain, for the kernel cache: with
   * two tiers, the first tier's counted three times for both (the jammed
   * body, built later, repeats the interior loop's body up to J = 4 times
   * in one function of several).
   */
  readonly sourceBytes: number;
  /** Estimated work per grid cell (scalar operations), for the sharding threshold. */
  readonly costPerCell: number;
  /** An in-place map's cells its kernel leaves to the input (computed when first read; see inplace-cover.ts). */
  readonly uncovered: Uncovered;
}

/** One tier of a compiled stencil: its source, the source's hash and its function (both built when first read). */
export interface StencilTier {
  readonly fn: CompiledBody;
  readonly body: string;
  /** Identifies `body` for the workers' compile caches. */
  readonly hash: string;
}

/** A tier of `body`; the hash only when a job first goes to the workers (hashing W1's body took ~5 ms of its first call). */
function tierOf(body: string): StencilTier {
  let fn: CompiledBody | null = null;
  let hash: string | null = null;
  return {
    body,
    get fn(): CompiledBody {
      return (fn ??= compileBody(body));
    },
    get hash(): string {
      return (hash ??= hashText(body, "k"));
    },
  };
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

/** Bytes a compiled stencil retains: its index tables, its sources and compiled code. */
function retainedBytes(compiled: CompiledStencil | null): number {
  return compiled === null ? 0 : compiled.sourceBytes + tableBytes(compiled.tables);
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
    const tiers = emitStencilTiers(nest);
    const first = tiers.first;
    execLog(2, () => `lowered (simplified, verified, outlined):\n${printLowered(first.lowered)}`);
    execLog(1, () => `compiled ${describeStencil(prim, p, extraShapes)} in ${(performance.now() - t0).toFixed(1)} ms`);
    execLog(3, () => `generated stencil code${tiers.later ? " (first calls, not jammed)" : ""}:\n${first.body}`);
    const costPerCell = 1 + first.opsPerCell;
    // Built on first call, not here: lowering (jit(f).lower) and codegen: false never reach `new Function`
    const firstTier = tierOf(first.body);
    let finalTier: StencilTier | null = null;
    let calls = 0;
    let uncovered: Uncovered | null = null;
    const finalOne = (): StencilTier => {
      if (finalTier === null) {
        const t1 = performance.now();
        const final = tiers.final();
        finalTier = final === first ? firstTier : tierOf(final.body);
        if (tiers.later) execLog(1, () => `jammed ${describeStencil(prim, p, extraShapes)} in ${(performance.now() - t1).toFixed(1)} ms${final === first ? " (unchanged)" : ""}`);
        if (final !== first) {
          execLog(2, () => `lowered, jammed (simplified, verified, outlined):\n${printLowered(final.lowered)}`);
          execLog(3, () => `generated stencil code (jammed):\n${final.body}`);
        }
      }
      return finalTier;
    };
    return {
      forCall: (): StencilTier => (finalTier !== null || ++calls > FIRST_TIER_CALLS ? finalOne() : firstTier),
      get uncovered(): Uncovered {
        return (uncovered ??= uncoveredCells(p));
      },
      get fn(): CompiledBody {
        return finalOne().fn;
      },
      get body(): string {
        return finalOne().body;
      },
      get hash(): string {
        return finalOne().hash;
      },
      tables: first.tables,
      schedule: first.schedule,
      sourceBytes: (tiers.later ? 3 : 1) * sourceBytes(first.body),
      costPerCell,
    };
  } catch (e) {
    if (!(e instanceof NotScalarizable)) throw e;
    return null;
  }
}
