/**
 * @file The kernel front end's entry point: compileKernel turns a user's
 * kernel (and the helper functions it reaches through options.scope) into a
 * function of a KernelOps object, and re-exports the pieces it is built from.
 */

import { GLOBAL_VIEW_NAMES, GLOBAL_VIEWS } from "./global-views";
import { generate } from "astring";
import { getConfig } from "../config";
import { KernexError, badValue } from "../errors";
import { evaluateFunction } from "./ast-eval";
import { SiteError } from "./control-flow-ops";
import {
  bindFreeVariables,
  checkNoFreeAssignments,
  checkScope,
  findFreeVariables,
  type FreeBinding,
  type FreeVariables,
} from "./free-vars";
import { buildInfoOf, capturedValues } from "./build-info";
import type { KernelOps } from "./ops-api";
import { kernelLabel, parseKernel, parseKernelSource, type KernelFunction } from "./parse";
import { OPS_PARAM, SCOPE_PARAM, rewriteKernelNode } from "./rewrite";

export {
  ALLOWED_GLOBALS,
  bindFreeVariables,
  checkNoFreeAssignments,
  checkScope,
  findFreeVariables,
  type FreeBinding,
  type FreeVariables,
} from "./free-vars";
export * from "./ops-api";
export { FORBIDDEN_PROPERTIES, kernelLabel, parseKernel, parseKernelSource, SUPPORTED_SYNTAX, type KernelFunction } from "./parse";
export { OPS_PARAM, SCOPE_PARAM, rewriteKernel, rewriteKernelNode } from "./rewrite";
export { evaluateFunction } from "./ast-eval";
export { __kernexKernel, buildInfoOf, capturedValues, capturesKey, type KernelBuildInfo } from "./build-info";

/**
 * A kernel rebuilt so that its operators call the ops object it is given.
 *
 * @example
 * const k: CompiledKernel = compileKernel((x: number[]) => -x[0], {});
 * k.source;           // "x => __k.neg(__k.index(x, [0]))"
 * k(numericOps, [3]); // -3
 */
export interface CompiledKernel {
  (ops: KernelOps, ...args: unknown[]): unknown;
  /** The rewritten source of the kernel function, for debugging and tests. */
  source: string;
}

/**
 * Options of compileKernel.
 *
 * @example
 * const options: CompileKernelOptions = { name: "heat", scope: { alpha: 0.1 }, builtins: { kex } };
 */
export interface CompileKernelOptions {
  /** Name used in error messages; defaults to the function's name, then "(anonymous)". */
  name?: string;
  /** Values for the kernel's outside variables (`options.scope` of kmap and friends); wins over builtins. */
  scope?: Record<string, unknown>;
  /** Values every kernel may use by name, e.g. `{ kex }`; passed in as they are, never rewritten. */
  builtins?: Record<string, unknown>;
}

/** A rewritten kernel made callable: ops and free values in, kernel out. */
type KernelFactory = (ops: KernelOps, values: unknown[]) => (...args: unknown[]) => unknown;

/** A function's parse and rewrite, which do not depend on the values later bound to its free names. */
interface Translation {
  readonly source: string;
  /** The rewritten function, which `source` prints. */
  readonly node: KernelFunction;
  /** Free names in `__s` order, and how each is used. */
  readonly free: Pick<FreeVariables, "names" | "memberUses">;
  /** Parameter names when all are plain identifiers (for error messages). */
  readonly params: readonly string[];
  /** The `new Function` build of `source`, made the first time a kernel is built with codegen on. */
  compiled: KernelFactory | null;
}

/**
 * Parse-and-rewrite results per function object. A function's source text
 * never changes, and a Translation holds no values (those live in `__s`), so
 * this memo is invisible to callers: it only saves the parse (and the
 * `new Function`) when the same kernel is compiled again with other options.
 * Only successes are stored, so error messages always carry the current name.
 */
const translations = new WeakMap<Function, Translation>();

function translate(fn: Function, label: string): Translation {
  const cached = translations.get(fn);
  if (cached) return cached;
  // A kernel the build plugin recorded is read from its source as written, not as bundled.
  const recorded = buildInfoOf(fn);
  const parsed = recorded ? parseKernelSource(recorded.source, label) : parseKernel(fn, label);
  const free = findFreeVariables(parsed);
  checkNoFreeAssignments(free, label);
  const node = rewriteKernelNode(parsed, free);
  const params = parsed.params.every((p) => p.type === "Identifier")
    ? parsed.params.map((p) => (p.type === "Identifier" ? p.name : ""))
    : [];
  const translation: Translation = {
    source: generate(node),
    node,
    free: { names: free.names, memberUses: free.memberUses },
    params,
    compiled: null,
  };
  translations.set(fn, translation);
  return translation;
}

/**
 * The factory of a translation: with codegen on, the printed source built
 * once with `new Function`; with codegen off (a Content-Security-Policy
 * without 'unsafe-eval'), the rewritten AST run by ast-eval.ts, so no
 * `Function` constructor is reached even for a kernel compiled before.
 */
function factoryOf(translation: Translation): KernelFactory {
  if (!getConfig().codegen) {
    return (ops, values) => evaluateFunction(translation.node, { ...GLOBAL_VIEWS, [OPS_PARAM]: ops, [SCOPE_PARAM]: values });
  }
  if (translation.compiled === null) {
    // Only astring's printing of the kernel's own (rewritten) AST reaches the source text.
    // The allowed globals are parameters bound to frozen views (global-views.ts), not the real objects.
    const make = new Function(OPS_PARAM, SCOPE_PARAM, ...GLOBAL_VIEW_NAMES, `return (${translation.source});`) as (...a: unknown[]) => ReturnType<KernelFactory>;
    translation.compiled = (ops, values) => make(ops, values, ...GLOBAL_VIEW_NAMES.map((n) => GLOBAL_VIEWS[n]));
  }
  return translation.compiled;
}

/** What fills one `__s` slot of a linked function. */
type Slot =
  | { readonly kind: "value"; readonly value: unknown }
  | { readonly kind: "function"; readonly unit: LinkedFunction }
  | { readonly kind: "math"; readonly name: string; readonly scopeKey: string };

/** A rewritten function (the kernel or a helper from scope) with the sources of its free values. */
interface LinkedFunction {
  readonly translation: Translation;
  readonly slots: Slot[];
  /** How errors at a place in its source name it. */
  readonly label: string;
}

/** `Math.sin` -> "sin", for native Math functions passed through scope: they become `ops.math.sin`. */
const MATH_FUNCTION_NAMES: ReadonlyMap<unknown, string> = new Map(
  Object.getOwnPropertyNames(Math)
    .filter((name) => typeof Reflect.get(Math, name) === "function")
    .map((name) => [Reflect.get(Math, name), name]),
);

/**
 * Resolves a kernel's free names, rewriting functions found in the scope the
 * same way as the kernel (each once, so helpers that call each other or the
 * kernel itself terminate).
 */
class Linker {
  private readonly linked = new Map<Function, LinkedFunction>();
  /** Functions reachable from the builtins (`kex.sum` for builtins `{ kex }`): library code, passed as is. */
  private readonly builtinFunctions = new Set<unknown>();

  constructor(
    private readonly scope: Readonly<Record<string, unknown>>,
    private readonly builtins: Readonly<Record<string, unknown>>,
    private readonly rootLabel: string,
  ) {
    for (const value of Object.values(builtins)) {
      if (typeof value === "function") this.builtinFunctions.add(value);
      else if (typeof value === "object" && value !== null) {
        for (const member of Object.values(value)) if (typeof member === "function") this.builtinFunctions.add(member);
      }
    }
  }

  link(fn: Function, label: string): LinkedFunction {
    const existing = this.linked.get(fn);
    if (existing) return existing;
    const translation = translate(fn, label);
    const unit: LinkedFunction = { translation, slots: [], label };
    this.linked.set(fn, unit);
    // Values the build plugin captured for this function come after options.scope.
    const scope = buildInfoOf(fn) ? { ...capturedValues(fn), ...this.scope } : this.scope;
    const bindings = bindFreeVariables(translation.free, scope, this.builtins, label, translation.params);
    for (const binding of bindings) unit.slots.push(this.slot(binding));
    return unit;
  }

  private slot(binding: FreeBinding): Slot {
    const value = binding.value;
    if (binding.source === "builtins" || typeof value !== "function" || this.builtinFunctions.has(value)) {
      return { kind: "value", value };
    }
    const mathName = MATH_FUNCTION_NAMES.get(value);
    if (mathName !== undefined) return { kind: "math", name: mathName, scopeKey: binding.name };
    const label = `function ${JSON.stringify(binding.name)} in options.scope of ${this.rootLabel}`;
    return { kind: "function", unit: this.link(value, label) };
  }
}

/**
 * Build the kernel and its helpers for one ops object. Each function's `__s`
 * array is created first and filled after every function exists, so helpers
 * may refer to each other in cycles.
 */
function instantiate(root: LinkedFunction, ops: KernelOps): (...args: unknown[]) => unknown {
  const instances = new Map<LinkedFunction, { values: unknown[]; fn: (...args: unknown[]) => unknown }>();
  const create = (unit: LinkedFunction): void => {
    if (instances.has(unit)) return;
    const values: unknown[] = [];
    instances.set(unit, { values, fn: labelled(factoryOf(unit.translation)(ops, values), unit.label) });
    for (const slot of unit.slots) if (slot.kind === "function") create(slot.unit);
  };
  create(root);
  for (const [unit, instance] of instances) {
    for (const slot of unit.slots) instance.values.push(slotValue(slot, instances, ops));
  }
  const rootInstance = instances.get(root);
  if (!rootInstance) throw new Error("the kernel was not instantiated");
  return rootInstance.fn;
}

/**
 * The function, with the errors raised at a place in its source (a traced
 * loop condition, a coercion) named after it: the innermost function adds
 * its name, so a helper's line is not reported as the kernel's.
 */
function labelled(fn: (...args: unknown[]) => unknown, label: string): (...args: unknown[]) => unknown {
  return (...args) => {
    try {
      return fn(...args);
    } catch (error) {
      if (error instanceof SiteError && error.label === null) throw error.withLabel(label);
      throw error;
    }
  };
}

function slotValue(
  slot: Slot,
  instances: ReadonlyMap<LinkedFunction, { fn: (...args: unknown[]) => unknown }>,
  ops: KernelOps,
): unknown {
  switch (slot.kind) {
    case "value":
      return slot.value;
    case "function":
      return instances.get(slot.unit)?.fn;
    case "math": {
      const fn = Object.hasOwn(ops.math, slot.name) ? ops.math[slot.name] : undefined;
      if (fn === undefined) {
        throw new KernexError(
          `options.scope.${slot.scopeKey}: got Math.${slot.name}, which kernels do not support; ` +
            `expected a supported Math function or a function written in JavaScript`,
        );
      }
      return fn;
    }
  }
}

/**
 * Rebuild a kernel so that its operators, `Math.*` calls, indexing and
 * ternaries call the ops object it is later given, with its outside variables
 * bound from `options.scope` (first) and `options.builtins`.
 *
 * @example
 * const lap = compileKernel((x: number[]) => x[0] + x[2] - 2 * x[1], { name: "lap" });
 * lap.source;                     // "x => __k.sub(__k.add(__k.index(x, [0]), __k.index(x, [2])), ...)"
 * lap(numericOps, [1, 4, 9]);     // 2
 */
export function compileKernel(fn: unknown, options: CompileKernelOptions = {}): CompiledKernel {
  if (typeof fn !== "function") badValue("kernel", fn, "a function");
  if (typeof options !== "object" || options === null) badValue("options", options, "an object");
  if (options.name !== undefined && typeof options.name !== "string") {
    badValue("options.name", options.name, "a string");
  }
  const name = options.name ?? (fn.name || "(anonymous)");
  const label = kernelLabel(name);
  const scope = checkScope(options.scope);
  const builtins = checkScope(options.builtins, "options.builtins");
  const root = new Linker(scope, builtins, label).link(fn, label);
  const compiled = (ops: KernelOps, ...args: unknown[]): unknown => instantiate(root, ops)(...args);
  return Object.assign(compiled, { source: root.translation.source });
}
