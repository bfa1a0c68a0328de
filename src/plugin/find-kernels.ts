/**
 * @file The build plugins' kernel finder: in one module, the functions that
 * are provably kernels of kernex, and the helper functions they use, each
 * with the names of its free variables that the module declares.
 *
 * A function is a kernel when it is, as a literal or through a name bound to
 * a function literal or declaration in the module:
 * - the kernel argument of `kmap`/`kscan`/`smap`/`sscan` imported from
 *   "kernex" (named, `import { kmap as m }`, or through a namespace,
 *   `K.kmap`), also `K.kmap(options)(fn)`;
 * - assigned to a function mesh, `F.at[spec] = fn` or `F.set(spec, fn)`
 *   (chains too), where `F` is declared as `K.kmap(options)`;
 * - a function in the `scope` object literal of those calls' options.
 * Free variables a recorded function shares with the module are captured;
 * those bound to a function literal or declaration are recorded as helpers,
 * transitively. A helper in another module is recorded when it says so
 * with the directive `"use kernex"` (first in its body, or first in its
 * module for all of the module's top-level functions), as TypeGPU's
 * `"use gpu"` marks functions for its plugin. Anything else (a kernel built
 * at run time, a mesh passed around) is left alone: it keeps the runtime path.
 */

import type { ArrowFunctionExpression, Expression, FunctionDeclaration, FunctionExpression, Node, Program } from "estree";
import { findFreeVariables } from "../kernel/free-vars";
import type { KernelFunction } from "../kernel/parse";
import { walkModule, type Binding, type LexicalScope } from "./scopes";

/**
 * The module specifier whose stencil functions the finder recognizes.
 *
 * @example
 * // import { kmap } from "kernex"  -> kmap's kernels are recorded
 */
export const KERNEX_MODULE = "kernex";

/**
 * The directive that marks a helper function (or, first in a module, all of
 * its top-level functions) for recording.
 *
 * @example
 * export function norm(v) { "use kernex"; return v * scale; }
 */
export const HELPER_DIRECTIVE = "use kernex";

/** Whether a list of statements starts with the directive (among its directive prologue). */
function hasDirective(statements: readonly Node[]): boolean {
  for (const statement of statements) {
    if (statement.type !== "ExpressionStatement" || !("directive" in statement) || typeof statement.directive !== "string") return false;
    if (statement.directive === HELPER_DIRECTIVE) return true;
  }
  return false;
}

const STENCIL_FUNCTIONS: ReadonlySet<string> = new Set(["kmap", "kscan", "smap", "sscan"]);

/**
 * A function literal or declaration the plugin records.
 *
 * @example
 * // (x) => c * x[0]   function helper(v) { return 2 * v; }
 */
export type RecordableFunction = ArrowFunctionExpression | FunctionExpression | FunctionDeclaration;

/**
 * One function to record and how its record is attached: a literal is
 * wrapped where it stands; a declaration is registered at the start of the
 * statements it is hoisted to (`hoistTo`: the Program or block node).
 *
 * @example
 * // const c = 0.5; kmap(o, (x) => c * x[0])
 * // { node: <the arrow>, name: "", captures: ["c"], role: "kernel", hoistTo: null }
 */
export interface RecordedFunction {
  readonly node: RecordableFunction;
  /** The name JavaScript gives the function where it is written ("" when anonymous). */
  readonly name: string;
  /** Its free names that the module declares, in order of first use. */
  readonly captures: readonly string[];
  readonly role: "kernel" | "helper";
  readonly hoistTo: Node | null;
}

function isFunctionLiteral(node: Node | null | undefined): node is ArrowFunctionExpression | FunctionExpression {
  return node?.type === "ArrowFunctionExpression" || node?.type === "FunctionExpression";
}

function propertyName(node: Extract<Node, { type: "MemberExpression" }>): string | null {
  if (!node.computed && node.property.type === "Identifier") return node.property.name;
  if (node.computed && node.property.type === "Literal" && typeof node.property.value === "string") return node.property.value;
  return null;
}

/** Whether a binding is an import of kernex: the namespace ("*") or a given name. */
function isKernexImport(binding: Binding | undefined, imported: (name: string) => boolean): boolean {
  return binding?.kind === "import" && binding.importSource === KERNEX_MODULE && binding.imported !== null && imported(binding.imported);
}

/**
 * Find the kernels and helpers of a module (parsed by acorn as an ES module,
 * so nodes carry `start`/`end` offsets).
 *
 * @example
 * findKernels(parse('import { kmap } from "kernex"; const c = 2; kmap({ kernelSize: 1 }, (x) => c * x[0]);', opts))
 * // [{ name: "", captures: ["c"], role: "kernel", ... }]
 */
export function findKernels(program: Program): RecordedFunction[] {
  const finder = new KernelFinder(hasDirective(program.body));
  walkModule(program, (node, scope) => finder.visit(node, scope));
  return finder.recorded;
}

class KernelFinder {
  readonly recorded: RecordedFunction[] = [];
  private readonly seen = new Set<Node>();

  /** @param wholeModule whether the module starts with the directive: then all its top-level functions are helpers */
  constructor(private readonly wholeModule: boolean) {}

  visit(node: Node, scope: LexicalScope): void {
    if (node.type === "CallExpression") this.call(node, scope);
    else if (node.type === "AssignmentExpression" && node.operator === "=") this.assignment(node, scope);
    else if (node.type === "FunctionDeclaration" && node.id) this.marked(node.id.name, node, scope);
    else if (node.type === "VariableDeclarator" && node.id.type === "Identifier" && isFunctionLiteral(node.init)) {
      this.marked(node.id.name, node.init, scope);
    }
  }

  /** A function marked with the directive, or any top-level function of a marked module: a helper. */
  private marked(name: string, fn: RecordableFunction, scope: LexicalScope): void {
    const topLevel = scope.parent === null;
    const own = fn.body.type === "BlockStatement" && hasDirective(fn.body.body);
    if (own || (this.wholeModule && topLevel)) this.named(scope.resolve(name), "helper");
  }

  private call(node: Extract<Node, { type: "CallExpression" }>, scope: LexicalScope): void {
    const [first, second] = node.arguments;
    if (this.stencilCall(node, scope) !== null) {
      if (first?.type === "ObjectExpression") this.scopeFunctions(first, scope);
      if (second !== undefined && second.type !== "SpreadElement") this.kernel(second, scope, "kernel");
      return;
    }
    const callee = node.callee;
    // K.kmap(options)(fn): a mesh called with a function
    if (callee.type !== "Super" && this.isMesh(callee, scope) && first !== undefined && first.type !== "SpreadElement") {
      this.kernel(first, scope, "kernel");
      return;
    }
    // F.set(spec, fn), also chained: F.set(a, f).set(b, g)
    if (callee.type === "MemberExpression" && callee.object.type !== "Super" && propertyName(callee) === "set" && this.isMesh(callee.object, scope)) {
      if (second !== undefined && second.type !== "SpreadElement") this.kernel(second, scope, "kernel");
    }
  }

  /** `F.at[spec] = fn` where F is a mesh. */
  private assignment(node: Extract<Node, { type: "AssignmentExpression" }>, scope: LexicalScope): void {
    const target = node.left;
    if (target.type !== "MemberExpression" || target.object.type !== "MemberExpression") return;
    const at = target.object;
    if (propertyName(at) !== "at" || at.object.type === "Super" || !this.isMesh(at.object, scope)) return;
    this.kernel(node.right, scope, "kernel");
  }

  /** A call of kernex's kmap/kscan/smap/sscan, by a named import or through a namespace import. */
  private stencilCall(node: Node, scope: LexicalScope): Extract<Node, { type: "CallExpression" }> | null {
    if (node.type !== "CallExpression") return null;
    const callee = node.callee;
    if (callee.type === "Identifier") {
      return isKernexImport(scope.resolve(callee.name), (name) => STENCIL_FUNCTIONS.has(name)) ? node : null;
    }
    if (callee.type === "MemberExpression" && callee.object.type === "Identifier") {
      const name = propertyName(callee);
      const ok = name !== null && STENCIL_FUNCTIONS.has(name) && isKernexImport(scope.resolve(callee.object.name), (n) => n === "*");
      return ok ? node : null;
    }
    return null;
  }

  /** A function mesh: `kmap(options)` with no kernel, a name declared as one, or the result of its `.set(...)`. */
  private isMesh(node: Expression, scope: LexicalScope): boolean {
    const call = this.stencilCall(node, scope);
    if (call !== null) return call.arguments.length === 1;
    if (node.type === "Identifier") {
      const binding = scope.resolve(node.name);
      if (binding === undefined || binding.init === null) return false;
      if (binding.kind !== "const" && binding.kind !== "let" && binding.kind !== "var") return false;
      return this.stencilCall(binding.init, binding.scope)?.arguments.length === 1;
    }
    if (node.type === "CallExpression" && node.callee.type === "MemberExpression" && node.callee.object.type !== "Super") {
      return propertyName(node.callee) === "set" && this.isMesh(node.callee.object, scope);
    }
    return false;
  }

  /** Functions in `{ scope: { h, g: (a) => ... } }` of a stencil call's options. */
  private scopeFunctions(options: Extract<Node, { type: "ObjectExpression" }>, scope: LexicalScope): void {
    for (const property of options.properties) {
      if (property.type !== "Property" || property.computed) continue;
      const key = property.key.type === "Identifier" ? property.key.name : property.key.type === "Literal" ? String(property.key.value) : "";
      if (key !== "scope" || property.value.type !== "ObjectExpression") continue;
      for (const entry of property.value.properties) {
        // a method's function starts at its parameters, where no wrapper can go: methods keep the runtime path
        if (entry.type === "Property" && !entry.computed && entry.kind === "init" && !entry.method) this.kernel(entry.value as Expression, scope, "helper");
      }
    }
  }

  /** Record the function an expression is, when it is a literal or names one declared in the module. */
  private kernel(node: Node, scope: LexicalScope, role: RecordedFunction["role"]): void {
    if (isFunctionLiteral(node)) {
      this.record(node, node.type === "FunctionExpression" && node.id ? node.id.name : "", scope, role, null);
      return;
    }
    if (node.type === "Identifier") this.named(scope.resolve(node.name), role);
  }

  /** Record the function a binding holds: a function declaration, or a variable initialized with a function literal. */
  private named(binding: Binding | undefined, role: RecordedFunction["role"]): void {
    if (binding === undefined) return;
    if (binding.declaration !== null) {
      if (binding.scope.body !== null) this.record(binding.declaration, binding.name, binding.scope, role, binding.scope.body);
      return;
    }
    const init = binding.init;
    if ((binding.kind === "const" || binding.kind === "let" || binding.kind === "var") && isFunctionLiteral(init)) {
      const name = init.type === "FunctionExpression" && init.id ? init.id.name : binding.name;
      this.record(init, name, binding.scope, role, null);
    }
  }

  private record(node: RecordableFunction, name: string, scope: LexicalScope, role: RecordedFunction["role"], hoistTo: Node | null): void {
    if (this.seen.has(node)) return;
    this.seen.add(node);
    const asExpression: KernelFunction = node.type === "FunctionDeclaration" ? { ...node, type: "FunctionExpression" } : node;
    const captures: string[] = [];
    const helpers: Binding[] = [];
    for (const free of findFreeVariables(asExpression).names) {
      const binding = scope.resolve(free);
      // Globals stay globals; a kernex namespace (K.sum) is resolved by the runtime, and capturing it
      // would make bundlers keep every export of kernex for the namespace object.
      if (binding === undefined || isKernexImport(binding, (name) => name === "*")) continue;
      captures.push(free);
      helpers.push(binding);
    }
    this.recorded.push({ node, name, captures, role, hoistTo });
    for (const binding of helpers) this.named(binding, "helper");
  }
}
