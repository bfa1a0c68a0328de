/**
 * @file Free-variable analysis of a kernel (which names it reads that it does
 * not declare) and their binding to `options.scope` and the builtins, with the
 * error that names each missing variable and shows both ways to pass it in.
 */

import type { Function as FunctionNode, Identifier, Node, Pattern } from "estree";
import { KernexError, badValue } from "../errors";
import { childNodes, type KernelFunction } from "./parse";

/**
 * Globals a kernel may use without passing them in; they keep referring to
 * the real globals (a key of the same name in `options.scope` does not
 * replace them). `Math.<fn>(...)` calls are further rewritten to the ops'
 * `math` table.
 *
 * @example
 * ALLOWED_GLOBALS.has("Number"); // true: (x) => Math.max(x[0], Number.EPSILON) needs no scope
 */
export const ALLOWED_GLOBALS: ReadonlySet<string> = new Set([
  "Math",
  "Number",
  "Infinity",
  "NaN",
  "undefined",
  "Array",
  "Object",
  "Boolean",
  "String",
  "JSON",
  "console",
  "isFinite",
  "isNaN",
  "parseFloat",
  "parseInt",
]);

/**
 * The names a kernel uses without declaring them.
 *
 * @example
 * // (x) => kex.sum(x) * c
 * // names ["kex", "c"], memberUses kex -> ["sum"], c -> null, assigned []
 */
export interface FreeVariables {
  /**
   * Free names that need a value from the scope or the builtins (every free
   * name except the allowed globals), in order of first use. The rewritten
   * kernel reads `names[i]` as `__s[i]`.
   */
  readonly names: readonly string[];
  /** Every Identifier node that refers to a free name, allowed globals included. */
  readonly references: ReadonlySet<Identifier>;
  /** Free names the kernel assigns to (always an error: a kernel cannot change outside state). */
  readonly assigned: readonly string[];
  /**
   * For each of `names`: the properties the kernel reads from it (`kex.sum(x)`
   * gives `["sum"]`), or null when the name is also used in any other way.
   */
  readonly memberUses: ReadonlyMap<string, readonly string[] | null>;
}

/** A lexical scope during the analysis: the names declared in it and its parent. */
class Scope {
  readonly names = new Set<string>();

  constructor(readonly parent: Scope | null) {}

  declare(names: Iterable<string>): void {
    for (const name of names) this.names.add(name);
  }

  has(name: string): boolean {
    for (let scope: Scope | null = this; scope !== null; scope = scope.parent) {
      if (scope.names.has(name)) return true;
    }
    return false;
  }
}

/**
 * Find the free variables of a parsed kernel: parameters (with destructuring
 * and defaults), `var` (function-scoped, hoisted), `let`/`const` (block-scoped),
 * function declarations, catch parameters, loop-head declarations and the
 * names of named function expressions all count as declared.
 *
 * @example
 * const fn = parseKernelSource("(x) => { let s = c * x[0]; return Math.sin(s); }", 'kernel "k"');
 * findFreeVariables(fn).names; // ["c"]  (Math is an allowed global)
 */
export function findFreeVariables(fn: KernelFunction): FreeVariables {
  const analysis = new FreeVariableAnalysis();
  analysis.fn(fn, new Scope(null));
  return {
    names: analysis.names,
    references: analysis.references,
    assigned: [...analysis.assigned],
    memberUses: analysis.memberUses,
  };
}

class FreeVariableAnalysis {
  readonly names: string[] = [];
  readonly references = new Set<Identifier>();
  readonly assigned = new Set<string>();
  readonly memberUses = new Map<string, string[] | null>();

  /**
   * Record a use of an identifier: `write` for assignments and `++`/`--`,
   * `member` when the use is the object of `id.member`.
   */
  reference(id: Identifier, scope: Scope, write: boolean, member?: string): void {
    if (scope.has(id.name)) return;
    this.references.add(id);
    if (write) this.assigned.add(id.name);
    if (ALLOWED_GLOBALS.has(id.name)) return;
    if (!this.names.includes(id.name)) {
      this.names.push(id.name);
      this.memberUses.set(id.name, []);
    }
    const members = this.memberUses.get(id.name);
    if (member === undefined) this.memberUses.set(id.name, null);
    else if (members && !members.includes(member)) members.push(member);
  }

  fn(node: FunctionNode, outer: Scope): void {
    let enclosing = outer;
    if (node.type === "FunctionExpression" && node.id) {
      // A named function expression sees its own name (for recursion), and nothing outside does.
      enclosing = new Scope(outer);
      enclosing.declare([node.id.name]);
    }
    const scope = new Scope(enclosing);
    for (const param of node.params) scope.declare(patternNames(param));
    if (node.body.type === "BlockStatement") scope.declare(hoistedNames(node.body.body, true));
    for (const param of node.params) this.pattern(param, scope, false);
    this.visit(node.body, scope);
  }

  visit(node: Node, scope: Scope): void {
    switch (node.type) {
      case "Identifier":
        this.reference(node, scope, false);
        return;
      case "FunctionExpression":
      case "ArrowFunctionExpression":
      case "FunctionDeclaration":
        // A declaration's own name was declared in the enclosing block or function.
        this.fn(node, scope);
        return;
      case "BlockStatement":
      case "StaticBlock": {
        const block = new Scope(scope);
        block.declare(lexicalNames(node.body));
        for (const statement of node.body) this.visit(statement, block);
        return;
      }
      case "SwitchStatement": {
        this.visit(node.discriminant, scope);
        const block = new Scope(scope);
        const statements = node.cases.flatMap((c) => c.consequent);
        block.declare(lexicalNames(statements));
        for (const switchCase of node.cases) {
          if (switchCase.test) this.visit(switchCase.test, block);
          for (const statement of switchCase.consequent) this.visit(statement, block);
        }
        return;
      }
      case "VariableDeclaration":
        // The names were declared on entering their function (var) or block (let/const).
        for (const declarator of node.declarations) {
          this.pattern(declarator.id, scope, false);
          if (declarator.init) this.visit(declarator.init, scope);
        }
        return;
      case "ForStatement": {
        const head = new Scope(scope);
        if (node.init?.type === "VariableDeclaration" && node.init.kind !== "var") {
          head.declare(node.init.declarations.flatMap((d) => patternNames(d.id)));
        }
        if (node.init) this.visit(node.init, head);
        if (node.test) this.visit(node.test, head);
        if (node.update) this.visit(node.update, head);
        this.visit(node.body, head);
        return;
      }
      case "ForInStatement":
      case "ForOfStatement": {
        this.visit(node.right, scope);
        const head = new Scope(scope);
        if (node.left.type === "VariableDeclaration") {
          if (node.left.kind !== "var") head.declare(node.left.declarations.flatMap((d) => patternNames(d.id)));
          this.visit(node.left, head);
        } else {
          this.pattern(node.left, head, true);
        }
        this.visit(node.body, head);
        return;
      }
      case "CatchClause": {
        const head = new Scope(scope);
        if (node.param) {
          head.declare(patternNames(node.param));
          this.pattern(node.param, head, false);
        }
        this.visit(node.body, head);
        return;
      }
      case "MemberExpression":
        if (!node.computed && node.object.type === "Identifier" && node.property.type === "Identifier") {
          this.reference(node.object, scope, false, node.property.name);
          return;
        }
        this.visit(node.object, scope);
        if (node.computed) this.visit(node.property, scope);
        return;
      case "Property":
        if (node.computed) this.visit(node.key, scope);
        this.visit(node.value, scope);
        return;
      case "LabeledStatement":
        this.visit(node.body, scope);
        return;
      case "BreakStatement":
      case "ContinueStatement":
      case "MetaProperty":
        return;
      case "AssignmentExpression":
        if (node.operator === "=") {
          this.pattern(node.left, scope, true);
        } else if (node.left.type === "Identifier") {
          this.reference(node.left, scope, true);
        } else {
          this.visit(node.left, scope);
        }
        this.visit(node.right, scope);
        return;
      case "UpdateExpression":
        if (node.argument.type === "Identifier") this.reference(node.argument, scope, true);
        else this.visit(node.argument, scope);
        return;
      default:
        for (const child of childNodes(node)) this.visit(child, scope);
    }
  }

  /**
   * Walk a pattern. In a declaration (`assign` false) its identifiers are
   * bindings, already declared; in an assignment they are writes. Defaults
   * and computed keys are ordinary expressions either way.
   */
  pattern(node: Pattern, scope: Scope, assign: boolean): void {
    switch (node.type) {
      case "Identifier":
        if (assign) this.reference(node, scope, true);
        return;
      case "MemberExpression":
        this.visit(node, scope);
        return;
      case "ObjectPattern":
        for (const property of node.properties) {
          if (property.type === "RestElement") {
            this.pattern(property.argument, scope, assign);
          } else {
            if (property.computed) this.visit(property.key, scope);
            this.pattern(property.value, scope, assign);
          }
        }
        return;
      case "ArrayPattern":
        for (const element of node.elements) if (element) this.pattern(element, scope, assign);
        return;
      case "RestElement":
        this.pattern(node.argument, scope, assign);
        return;
      case "AssignmentPattern":
        this.pattern(node.left, scope, assign);
        this.visit(node.right, scope);
        return;
    }
  }
}

/**
 * The names a binding pattern declares.
 *
 * @example
 * // for the parameter ({ a, b: [c = 1, ...d] })
 * patternNames(param); // ["a", "c", "d"]
 */
export function patternNames(node: Pattern): string[] {
  switch (node.type) {
    case "Identifier":
      return [node.name];
    case "ObjectPattern":
      return node.properties.flatMap((p) => patternNames(p.type === "RestElement" ? p.argument : p.value));
    case "ArrayPattern":
      return node.elements.flatMap((e) => (e ? patternNames(e) : []));
    case "RestElement":
      return patternNames(node.argument);
    case "AssignmentPattern":
      return patternNames(node.left);
    case "MemberExpression":
      return [];
  }
}

/** Names `let`, `const` and function/class declarations introduce directly in a statement list. */
function lexicalNames(statements: readonly Node[]): string[] {
  const names: string[] = [];
  for (const statement of statements) {
    if (statement.type === "VariableDeclaration" && statement.kind !== "var") {
      names.push(...statement.declarations.flatMap((d) => patternNames(d.id)));
    } else if ((statement.type === "FunctionDeclaration" || statement.type === "ClassDeclaration") && statement.id) {
      names.push(statement.id.name);
    }
  }
  return names;
}

/**
 * Names hoisted to the function scope: every `var` in the body (not inside
 * nested functions) and, as sloppy-mode JavaScript does, function declarations
 * nested in blocks. Top-level function declarations are found by lexicalNames.
 */
function hoistedNames(statements: readonly Node[], topLevel: boolean): string[] {
  const names: string[] = [];
  const walk = (node: Node, top: boolean): void => {
    switch (node.type) {
      case "VariableDeclaration":
        if (node.kind === "var") names.push(...node.declarations.flatMap((d) => patternNames(d.id)));
        return;
      case "FunctionDeclaration":
        if (!top && node.id) names.push(node.id.name);
        return;
      case "FunctionExpression":
      case "ArrowFunctionExpression":
      case "ClassDeclaration":
      case "ClassExpression":
        return;
      default:
        if (isStatementLike(node)) for (const child of childNodes(node)) walk(child, false);
    }
  };
  for (const statement of statements) walk(statement, topLevel);
  return names;
}

/** Statements (and their parts) that can contain a `var` belonging to the enclosing function. */
function isStatementLike(node: Node): boolean {
  return /Statement$|^SwitchCase$|^CatchClause$/.test(node.type);
}

/**
 * Throw if a kernel assigns to a variable it does not declare.
 *
 * @example
 * checkNoFreeAssignments(findFreeVariables(parseKernelSource("(x) => { total = x; }", "kernel")), 'kernel "k"');
 * // KernexError: kernel "k" assigns to "total", which is not declared inside it ...
 */
export function checkNoFreeAssignments(free: FreeVariables, label: string): void {
  if (free.assigned.length === 0) return;
  const names = free.assigned.map((name) => JSON.stringify(name)).join(", ");
  throw new KernexError(
    `${label} assigns to ${names}, which ${free.assigned.length === 1 ? "is" : "are"} not declared inside it. ` +
      `Kernels cannot change variables outside themselves: declare the variable inside the kernel ` +
      `(let ${free.assigned[0]} = ...) or return the value instead.`,
  );
}

/**
 * Validate `options.scope`: a plain object (or undefined, meaning empty).
 *
 * @example
 * checkScope({ c: 0.5 }); // { c: 0.5 }
 * checkScope(3);          // KernexError: options.scope: got 3, expected an object mapping names to values
 */
export function checkScope(scope: unknown, what = "options.scope"): Readonly<Record<string, unknown>> {
  if (scope === undefined) return {};
  if (!isPlainObject(scope)) badValue(what, scope, "an object mapping names to values");
  return scope;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Where a free variable's value came from.
 *
 * @example
 * const source: BindingSource = "scope";
 */
export type BindingSource = "scope" | "builtins";

/**
 * The value a free name is bound to.
 *
 * @example
 * const binding: FreeBinding = { name: "c", value: 0.5, source: "scope" };
 */
export interface FreeBinding {
  readonly name: string;
  readonly value: unknown;
  readonly source: BindingSource;
}

/**
 * Bind each free name to its value: `scope` first, then `builtins`, then
 * kernex's own functions under any spelling (SPEC, Kernels): a name used
 * only as `name.member` whose members all belong to a builtins namespace is
 * that namespace (`K.sum` after `import * as K from "kernex"`, or an import
 * renamed by a bundler), and a bare name that is a function of a builtins
 * namespace is that function (`sum` after `import { sum } from "kernex"`, or
 * after a bundler rewrote `kex.sum` to `sum`). Names found nowhere are
 * reported together in one KernexError that shows both fixes (an extra
 * kernel argument, or `options.scope`).
 *
 * @example
 * const free = findFreeVariables(parseKernelSource("(x) => kex.sum(x) * c", 'kernel "k"'));
 * bindFreeVariables(free, { c: 0.5 }, { kex }, 'kernel "k"', ["x"]);
 * // [{ name: "kex", value: kex, source: "builtins" }, { name: "c", value: 0.5, source: "scope" }]
 */
export function bindFreeVariables(
  free: Pick<FreeVariables, "names" | "memberUses">,
  scope: Readonly<Record<string, unknown>>,
  builtins: Readonly<Record<string, unknown>>,
  label: string,
  params: readonly string[],
): FreeBinding[] {
  const bindings: FreeBinding[] = [];
  const missing: string[] = [];
  for (const name of free.names) {
    if (Object.hasOwn(scope, name)) {
      bindings.push({ name, value: scope[name], source: "scope" });
    } else if (Object.hasOwn(builtins, name)) {
      bindings.push({ name, value: builtins[name], source: "builtins" });
    } else {
      const value = importedNamespace(free.memberUses.get(name) ?? null, builtins) ?? importedFunction(name, builtins);
      if (value === undefined) missing.push(name);
      else bindings.push({ name, value, source: "builtins" });
    }
  }
  if (missing.length > 0) throw missingVariables(missing, label, params);
  return bindings;
}

/**
 * Names that module transforms give an import: vite and vitest
 * (`__vite_ssr_import_0__`, `__vi_import_0__`), esbuild's CommonJS output
 * (`import_kernex`), tsc's (`kernex_1`) and esbuild's bundles, which number
 * a namespace imported by two modules (`kex2`). In a test file, `kex.sum(x)`
 * inside a kernel reaches kernex as `__vite_ssr_import_1__.sum(x)`. Such a
 * name binds like any namespace name; this pattern only adds a hint to the
 * missing-variable message when it does not.
 */
const IMPORT_ALIAS = /^(__vite_ssr_import_\d+__|__vi_import_\d+__|import_[\w$]+|[\w$]+_\d+|kex\d+)$/;

/**
 * The builtins object a namespace name stands for, whatever it is called
 * (`K`, `kernex`, `__vite_ssr_import_0__`): the first builtin that is an
 * object holding every property the kernel reads from the name (and the name
 * is used only as `name.property`). Undefined when none fits.
 */
function importedNamespace(members: readonly string[] | null, builtins: Readonly<Record<string, unknown>>): unknown {
  if (members === null || members.length === 0) return undefined;
  for (const value of Object.values(builtins)) {
    if (typeof value !== "object" || value === null) continue;
    if (members.every((member) => Object.hasOwn(value, member))) return value;
  }
  return undefined;
}

/**
 * The function a bare name stands for: a function-valued own property of a
 * builtins namespace (`sum` is `kex.sum`). Undefined when none has it.
 */
function importedFunction(name: string, builtins: Readonly<Record<string, unknown>>): unknown {
  for (const value of Object.values(builtins)) {
    if (typeof value !== "object" || value === null || !Object.hasOwn(value, name)) continue;
    const member: unknown = Reflect.get(value, name);
    if (typeof member === "function") return member;
  }
  return undefined;
}

function missingVariables(missing: readonly string[], label: string, params: readonly string[]): KernexError {
  const quoted = missing.map((name) => JSON.stringify(name));
  const list = quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(", ")} and ${quoted[quoted.length - 1]}`;
  const verb = missing.length === 1 ? "which is" : "which are";
  const kernelParams = params.length > 0 ? params : ["x"];
  const callArgs = ["array", ...kernelParams.slice(1), ...missing].join(", ");
  const aliases = missing.filter((name) => IMPORT_ALIAS.test(name));
  const aliasHint =
    aliases.length === 0
      ? ""
      : ` (${JSON.stringify(aliases[0])} looks like the name a bundler or test runner gave an import: ` +
        `pass the imported values the kernel uses through options.scope.)`;
  return new KernexError(
    `${label} uses ${list}, ${verb} defined outside the kernel. kernex rebuilds kernels from their source, ` +
      `so outside variables must be passed in: either as an extra argument — ` +
      `kex.kmap(options, (${[...kernelParams, ...missing].join(", ")}) => ...)(${callArgs}) — ` +
      `or through options.scope — kex.kmap({ ...options, scope: { ${missing.join(", ")} } }, kernel).${aliasHint}`,
  );
}

/**
 * The parameter names of a kernel when they are all plain identifiers (used
 * to write the example in error messages), else an empty list.
 *
 * @example
 * simpleParamNames(parseKernelSource("(x, w) => x", "k")); // ["x", "w"]
 */
export function simpleParamNames(fn: KernelFunction): string[] {
  const names: string[] = [];
  for (const param of fn.params) {
    if (param.type !== "Identifier") return [];
    names.push(param.name);
  }
  return names;
}
