/**
 * @file Tracing a kernel, once per input signature: rewrite its source, call
 * it on a symbolic window and the extra arguments, and stage the result
 * into a kernel program.
 */
import type { Aval } from "../../compiler/ir";
import type { DType } from "../../compiler/primitives";
import { stage, Tracer, type StagedFunction } from "../core/trace";
import * as ops from "../core/ops";
import { arrayApi } from "../array-api";
import { KernexError, show } from "../errors";
import { compileKernel } from "../kernel/index";
import { PartlyDefined } from "../kernel/control-flow-ops";
import { asArray, NDArray } from "../ndarray/ndarray";
import { kernelOps } from "../kernel/kernel-ops";
import { WindowView, type WindowIndexing } from "./window";

/**
 * What a kernel is traced against.
 *
 * @example
 * const sig: KernelSignature = { kind: "kmap", indexing, dtype: "float64", args: [], scope: undefined, scalarOnly: false };
 */
export interface KernelSignature {
  readonly kind: string;
  readonly indexing: WindowIndexing;
  readonly dtype: DType;
  /** Avals of the array arguments (in call order); other arguments are passed as they are. */
  readonly args: readonly unknown[];
  readonly scope: Readonly<Record<string, unknown>> | undefined;
  /** Kernels of scans must return one number per window. */
  readonly scalarOnly: boolean;
}

function resultToArray(value: unknown, kernelName: string, dtype: DType): NDArray {
  if (value instanceof PartlyDefined) throw value.error().withLabel(`kernel ${JSON.stringify(kernelName)}`);
  if (typeof value === "number") return NDArray.scalar(value, dtype);
  if (typeof value === "boolean") return NDArray.scalar(value ? 1 : 0, dtype);
  if (value instanceof WindowView) return ops.astype(value.asArray(), dtype);
  if (value instanceof NDArray) return ops.astype(value, dtype);
  if (typeof value === "object" && value !== null && asArray in value) return ops.astype(value as never, dtype);
  if (Array.isArray(value) && value.length > 0) {
    return ops.stack(value.map((v) => resultToArray(v, kernelName, dtype)));
  }
  throw new KernexError(`kernel ${JSON.stringify(kernelName)} returned ${show(value)}; expected a number or an array (for example the window itself, or kex.sum(x))`);
}

/** The kernel's name for messages; a `name` that is not a non-empty string (or whose getter throws) counts as anonymous. */
function kernelName(fn: Function): string {
  try {
    const name: unknown = fn.name;
    return typeof name === "string" && name !== "" ? name : "(anonymous)";
  } catch {
    return "(anonymous)";
  }
}

/** Messages of the TypeErrors V8 and SpiderMonkey raise for writes into frozen objects. */
const FROZEN_WRITE_RE = /not extensible|read[- ]only|Cannot assign|Cannot delete|Cannot redefine|Cannot add property|frozen|non-writable|non-configurable/i;

/**
 * Run the kernel body. An exception the kernel raises itself (a `throw`, a
 * TypeError from reading a property of undefined, a stack overflow) becomes
 * a KernexError naming the kernel, with the original as its `cause`;
 * KernexErrors (bad window reads, bad operands) pass through unchanged.
 */
function callKernel(run: () => unknown, kind: string, name: string): unknown {
  try {
    return run();
  } catch (error) {
    if (error instanceof KernexError) throw error;
    const what = error instanceof Error ? `${error.name}: ${error.message}` : show(error);
    // a write into a frozen copy or view (frozen-args.ts, kernel/global-views.ts) says what is prevented
    const frozen = error instanceof TypeError && FROZEN_WRITE_RE.test(error.message);
    const expected = frozen
      ? "a kernel that changes nothing it is given: extra arguments (arrays and objects) reach it as frozen copies and the globals it may use (Math, Object, ...) as frozen views, so writes into them (push, Object.assign, ...) are refused; build a new value instead"
      : "a kernel that returns a number or an array for every window";
    throw new KernexError(`${kind}: kernel ${JSON.stringify(name)} threw ${what} while being traced; expected ${expected}`, { cause: error });
  }
}

/** The `kex` a kernel sees: a frozen copy of the array API, so `Object.assign(kex, ...)` cannot change it for others. */
const frozenApi = Object.freeze({ ...arrayApi });

/**
 * Trace `fn` into a kernel program: inputs (window, array args…, captured…), one output.
 *
 * @example
 * traceKernel((x) => kex.sum(x), sig).program.toString();
 */
export function traceKernel(fn: unknown, sig: KernelSignature): StagedFunction {
  if (typeof fn !== "function") {
    throw new KernexError(`${sig.kind}: kernel: got ${show(fn)}, expected a function of the window (and extra arguments)`);
  }
  const name = kernelName(fn);
  const compiled = compileKernel(fn, { name, scope: sig.scope as Record<string, unknown> | undefined, builtins: { kex: frozenApi } });
  const windowAval: Aval = { shape: sig.indexing.kernelSize, dtype: sig.dtype };
  const arrayArgs = sig.args.filter((a): a is NDArray => a instanceof NDArray);
  const avals = [windowAval, ...arrayArgs.map((a) => ({ shape: a.shape, dtype: a.dtype }))];
  return stage(avals, (win: Tracer, ...tracedArgs: Tracer[]) => {
    let next = 0;
    const callArgs = sig.args.map((a) => (a instanceof NDArray ? tracedArgs[next++]! : a));
    const view = new WindowView(win, sig.indexing, []);
    const result = resultToArray(callKernel(() => compiled(kernelOps, view, ...callArgs), sig.kind, name), name, sig.dtype);
    if (sig.scalarOnly && result.ndim !== 0) {
      throw new KernexError(`${sig.kind}: kernel ${JSON.stringify(name)} returned an array of shape [${result.shape.join(", ")}]; expected one number per window (scans write each result back into the array)`);
    }
    return [result];
  });
}
