/**
 * @file A small evaluator of rewritten kernel ASTs: the no-eval path of the
 * kernel front end. Where a page's Content-Security-Policy forbids
 * `new Function`, `kex.config({ codegen: false })` makes compileKernel run
 * the rewritten kernel through this file instead of compiling its printed
 * source; both give the same results.
 *
 * It covers the syntax parse.ts accepts (see SUPPORTED_SYNTAX): arrow and
 * function expressions with defaults, rest and destructuring parameters;
 * var (function-scoped, hoisted), let and const (block-scoped, with the
 * temporal dead zone); function declarations (hoisted; in blocks also
 * copied to the function scope, as sloppy-mode JavaScript does);
 * if/for/for-in/for-of/while/do-while/switch/try/throw, labels, break,
 * continue and return; every expression a rewritten kernel contains, with
 * array and object literals, spreads, template literals and closures.
 *
 * Semantics follow the function that `new Function("__k", "__s", "return (" +
 * source + ");")` builds, which is sloppy-mode code at global scope: names
 * not declared in the kernel resolve to the given bindings (`__k`, `__s`),
 * then to globals (`Math`, `Number`, ...). Worked example:
 *
 *     x => __k.add(__k.index(x, [0]), __s[0])
 *
 * evaluated with bindings `{ __k: ops, __s: [2] }` is a real JavaScript
 * function `f` with `f.length === 1`; `f([5])` calls `ops.index([5], [0])`,
 * then `ops.add(5, 2)`.
 */

import { generate } from "astring";
import type {
  ArrowFunctionExpression,
  AssignmentOperator,
  BinaryOperator,
  BlockStatement,
  CallExpression,
  Expression,
  ForInStatement,
  ForOfStatement,
  ForStatement,
  FunctionDeclaration,
  FunctionExpression,
  Identifier,
  LogicalOperator,
  MemberExpression,
  Node,
  ObjectExpression,
  Pattern,
  PrivateIdentifier,
  SpreadElement,
  Statement,
  SwitchStatement,
  TemplateLiteral,
  TryStatement,
  UnaryOperator,
  VariableDeclaration,
} from "estree";

/** A function node the evaluator can turn into a callable. */
type FunctionNode = FunctionExpression | ArrowFunctionExpression | FunctionDeclaration;

/** Marks a let/const binding that has not been initialized yet (the temporal dead zone). */
const UNINITIALIZED: unique symbol = Symbol("uninitialized");

/** One variable of an environment. */
interface Binding {
  value: unknown;
  /** const bindings and a named function expression's own name cannot be assigned. */
  readonly mutable: boolean;
  /** Assigning a named function expression's own name is ignored in sloppy code (a TypeError in strict code). */
  readonly silent?: boolean;
}

/** A lexical environment: names declared in one scope and the enclosing one. */
class Env {
  private readonly names = new Map<string, Binding>();

  constructor(readonly parent: Env | null) {}

  declare(name: string, value: unknown, mutable = true, silent = false): void {
    this.names.set(name, { value, mutable, silent });
  }

  /** A let/const binding in its temporal dead zone. */
  declareUninitialized(name: string, mutable: boolean): void {
    this.names.set(name, { value: UNINITIALIZED, mutable });
  }

  hasOwn(name: string): boolean {
    return this.names.has(name);
  }

  /** Set the first value of a binding of this scope (declarations, not assignments). */
  initialize(name: string, value: unknown): void {
    const binding = this.names.get(name);
    if (binding === undefined) throw new Error(`ast-eval: ${JSON.stringify(name)} was not declared in this scope`);
    binding.value = value;
  }

  find(name: string): Binding | undefined {
    for (let env: Env | null = this; env !== null; env = env.parent) {
      const binding = env.names.get(name);
      if (binding !== undefined) return binding;
    }
    return undefined;
  }

  /** A copy of this scope's bindings (for the per-iteration scopes of `for (let ...)`). */
  copy(): Env {
    const env = new Env(this.parent);
    for (const [name, binding] of this.names) env.names.set(name, { ...binding });
    return env;
  }
}

/** How a statement ended, when not normally. */
type Completion =
  | { readonly kind: "return"; readonly value: unknown }
  | { readonly kind: "break"; readonly label: string | null }
  | { readonly kind: "continue"; readonly label: string | null };

/** The function context a statement runs in: where `var` lives, and whether the code is strict. */
interface FunctionContext {
  readonly varEnv: Env;
  readonly strict: boolean;
}

/**
 * Evaluate a (rewritten) kernel function node into a real JavaScript
 * function. `bindings` are the names the code sees beyond its own
 * declarations, before globals: for a rewritten kernel, the ops object `__k`
 * and the values array `__s`.
 *
 * @example
 * const parsed = parseKernelSource("(x) => -x + c", 'kernel "k"');
 * const node = rewriteKernelNode(parsed, findFreeVariables(parsed)); // x => __k.add(__k.neg(x), __s[0])
 * const f = evaluateFunction(node, { __k: numericOps, __s: [10] });
 * f(3); // 7
 */
export function evaluateFunction(node: FunctionExpression | ArrowFunctionExpression, bindings: Readonly<Record<string, unknown>>): (...args: unknown[]) => unknown {
  const root = new Env(null);
  for (const [name, value] of Object.entries(bindings)) root.declare(name, value, false);
  return new Evaluator().makeFunction(node, root, false, "") as (...args: unknown[]) => unknown;
}

/** The global object, where names no scope declares are looked up (as in code built by `new Function`). */
const GLOBAL: Record<string, unknown> = globalThis as unknown as Record<string, unknown>;

class Evaluator {
  // -------------------------------------------------------------------------
  // functions

  /**
   * The closure of a function node. `name` is the name anonymous functions
   * take from where they are defined (`const sq = (v) => ...` is named "sq").
   */
  makeFunction(node: FunctionNode, scope: Env, strict: boolean, name: string): (...args: unknown[]) => unknown {
    let closureEnv = scope;
    if (node.type === "FunctionExpression" && node.id) {
      // A named function expression sees its own name, read-only.
      closureEnv = new Env(scope);
      closureEnv.declare(node.id.name, undefined, false, true);
    }
    const isStrict = strict || hasUseStrict(node);
    const fn = (...args: unknown[]): unknown => this.callFunction(node, closureEnv, isStrict, args);
    const ownName = node.type !== "ArrowFunctionExpression" && node.id ? node.id.name : name;
    Object.defineProperty(fn, "name", { value: ownName, configurable: true });
    Object.defineProperty(fn, "length", { value: expectedArgumentCount(node), configurable: true });
    if (node.type === "FunctionExpression" && node.id) closureEnv.initialize(node.id.name, fn);
    return fn;
  }

  callFunction(node: FunctionNode, closureEnv: Env, strict: boolean, args: readonly unknown[]): unknown {
    const paramEnv = new Env(closureEnv);
    const paramNames = node.params.flatMap(boundNames);
    const simple = node.params.every((p) => p.type === "Identifier");
    for (const name of paramNames) paramEnv.declareUninitialized(name, true);
    const context: FunctionContext = { varEnv: paramEnv, strict };
    node.params.forEach((param, i) => {
      if (param.type === "RestElement") this.bindPattern(param.argument, args.slice(i), paramEnv, context, "init");
      else this.bindPattern(param, args[i], paramEnv, context, "init");
    });
    if (node.body.type !== "BlockStatement") return this.expression(node.body, paramEnv, context);

    // Parameters with defaults get their own scope; `var` names that repeat a parameter start with its value.
    const bodyEnv = simple ? paramEnv : new Env(paramEnv);
    const bodyContext: FunctionContext = { varEnv: bodyEnv, strict };
    const statements = node.body.body;
    for (const name of varNames(statements)) {
      if (bodyEnv.hasOwn(name)) continue;
      bodyEnv.declare(name, paramNames.includes(name) ? paramEnv.find(name)?.value : undefined);
    }
    const lexical = lexicallyDeclaredNames(statements);
    for (const name of nestedFunctionNames(statements)) {
      // sloppy-mode block functions are also var-scoped, unless that would clash with a let/const or parameter
      if (!bodyEnv.hasOwn(name) && !lexical.includes(name) && !paramNames.includes(name)) bodyEnv.declare(name, undefined);
    }
    this.instantiateBlock(statements, bodyEnv, bodyContext, true);
    const completion = this.statements(statements, bodyEnv, bodyContext);
    return completion?.kind === "return" ? completion.value : undefined;
  }

  /**
   * Declare a statement list's let/const (uninitialized) and function
   * declarations (initialized, so they can be called before they appear).
   * At a function's top level, function declarations are var-like.
   */
  instantiateBlock(statements: readonly Node[], env: Env, context: FunctionContext, topLevel: boolean): void {
    for (const statement of statements) {
      if (statement.type === "VariableDeclaration" && statement.kind !== "var") {
        for (const declarator of statement.declarations) {
          for (const name of boundNames(declarator.id)) env.declareUninitialized(name, statement.kind === "let");
        }
      } else if (statement.type === "ClassDeclaration") {
        throw new Error("ast-eval: class declarations are not supported in kernels");
      }
    }
    for (const statement of statements) {
      if (statement.type !== "FunctionDeclaration" || !statement.id) continue;
      const fn = this.makeFunction(statement, env, context.strict, statement.id.name);
      if (topLevel && env.hasOwn(statement.id.name)) env.initialize(statement.id.name, fn);
      else env.declare(statement.id.name, fn);
    }
  }

  // -------------------------------------------------------------------------
  // statements

  statements(statements: readonly Statement[] | readonly Node[], env: Env, context: FunctionContext): Completion | undefined {
    for (const statement of statements) {
      const completion = this.statement(statement as Statement, env, context, []);
      if (completion !== undefined) return completion;
    }
    return undefined;
  }

  /** Run one statement; `labels` are the labels directly in front of it. */
  statement(node: Statement, env: Env, context: FunctionContext, labels: readonly string[]): Completion | undefined {
    switch (node.type) {
      case "ExpressionStatement":
        this.expression(node.expression, env, context);
        return undefined;
      case "VariableDeclaration":
        this.variableDeclaration(node, env, context);
        return undefined;
      case "FunctionDeclaration": {
        // Evaluating a block's function declaration copies it to the function scope (sloppy mode).
        if (!context.strict && node.id && env !== context.varEnv) {
          const name = node.id.name;
          const varBinding = context.varEnv.find(name);
          if (varBinding !== undefined && context.varEnv.hasOwn(name)) varBinding.value = env.find(name)?.value;
        }
        return undefined;
      }
      case "ReturnStatement":
        return { kind: "return", value: node.argument ? this.expression(node.argument, env, context) : undefined };
      case "IfStatement":
        if (this.expression(node.test, env, context)) return this.statement(node.consequent, env, context, []);
        return node.alternate ? this.statement(node.alternate, env, context, []) : undefined;
      case "BlockStatement":
        return this.block(node, env, context);
      case "ForStatement":
        return this.forStatement(node, env, context, labels);
      case "ForInStatement":
      case "ForOfStatement":
        return this.forInOf(node, env, context, labels);
      case "WhileStatement":
        while (this.expression(node.test, env, context)) {
          const completion = this.statement(node.body, env, context, []);
          const after = loopCompletion(completion, labels);
          if (after === "break") break;
          if (after !== "next") return after;
        }
        return undefined;
      case "DoWhileStatement":
        do {
          const completion = this.statement(node.body, env, context, []);
          const after = loopCompletion(completion, labels);
          if (after === "break") break;
          if (after !== "next") return after;
        } while (this.expression(node.test, env, context));
        return undefined;
      case "BreakStatement":
        return { kind: "break", label: node.label ? node.label.name : null };
      case "ContinueStatement":
        return { kind: "continue", label: node.label ? node.label.name : null };
      case "LabeledStatement": {
        const completion = this.statement(node.body, env, context, [...labels, node.label.name]);
        // `label: { ... break label; }` ends the labelled statement
        if (completion?.kind === "break" && completion.label === node.label.name) return undefined;
        return completion;
      }
      case "SwitchStatement":
        return this.switchStatement(node, env, context, labels);
      case "ThrowStatement":
        throw this.expression(node.argument, env, context);
      case "TryStatement":
        return this.tryStatement(node, env, context);
      case "EmptyStatement":
      case "DebuggerStatement":
        return undefined;
      case "WithStatement":
      case "ClassDeclaration":
        throw new Error(`ast-eval: ${node.type} is not supported in kernels`);
      default:
        return unsupported(node);
    }
  }

  /** A block passes `break` on; a break to its own label is handled by LabeledStatement. */
  block(node: BlockStatement, env: Env, context: FunctionContext): Completion | undefined {
    const blockEnv = new Env(env);
    this.instantiateBlock(node.body, blockEnv, context, false);
    return this.statements(node.body, blockEnv, context);
  }

  variableDeclaration(node: VariableDeclaration, env: Env, context: FunctionContext): void {
    for (const declarator of node.declarations) {
      if (node.kind === "var") {
        // `var x;` does not reset x; `var x = v` assigns the hoisted binding
        if (declarator.init == null) continue;
        const value = this.namedExpression(declarator.init, env, context, declarator.id);
        this.bindPattern(declarator.id, value, env, context, "assign");
      } else {
        const value = declarator.init == null ? undefined : this.namedExpression(declarator.init, env, context, declarator.id);
        this.bindPattern(declarator.id, value, env, context, "init");
      }
    }
  }

  forStatement(node: ForStatement, env: Env, context: FunctionContext, labels: readonly string[]): Completion | undefined {
    let loopEnv = new Env(env);
    const init = node.init;
    const perIteration = init?.type === "VariableDeclaration" && init.kind !== "var";
    if (init?.type === "VariableDeclaration") {
      if (init.kind !== "var") {
        for (const declarator of init.declarations) {
          for (const name of boundNames(declarator.id)) loopEnv.declareUninitialized(name, init.kind === "let");
        }
      }
      this.variableDeclaration(init, loopEnv, context);
    } else if (init) {
      this.expression(init, loopEnv, context);
    }
    // `for (let i ...)`: every iteration has its own i, so closures made in the body keep their value
    if (perIteration) loopEnv = loopEnv.copy();
    for (;;) {
      if (node.test && !this.expression(node.test, loopEnv, context)) break;
      const completion = this.statement(node.body, loopEnv, context, []);
      const after = loopCompletion(completion, labels);
      if (after === "break") break;
      if (after !== "next") return after;
      if (perIteration) loopEnv = loopEnv.copy();
      if (node.update) this.expression(node.update, loopEnv, context);
    }
    return undefined;
  }

  forInOf(node: ForInStatement | ForOfStatement, env: Env, context: FunctionContext, labels: readonly string[]): Completion | undefined {
    const left = node.left;
    const lexical = left.type === "VariableDeclaration" && left.kind !== "var";
    // the right-hand side sees the loop's let/const names in their dead zone
    const headEnv = new Env(env);
    if (lexical) for (const name of boundNames(left.declarations[0]!.id)) headEnv.declareUninitialized(name, left.kind === "let");
    const right: unknown = this.expression(node.right, lexical ? headEnv : env, context);
    const iteration = (value: unknown): Completion | "break" | "next" => {
      const iterEnv = new Env(env);
      if (left.type === "VariableDeclaration") {
        const target = left.declarations[0]!.id;
        if (lexical) {
          for (const name of boundNames(target)) iterEnv.declareUninitialized(name, left.kind === "let");
          this.bindPattern(target, value, iterEnv, context, "init");
        } else {
          this.bindPattern(target, value, iterEnv, context, "assign");
        }
      } else {
        this.bindPattern(left, value, iterEnv, context, "assign");
      }
      return loopCompletion(this.statement(node.body, iterEnv, context, []), labels);
    };
    if (node.type === "ForInStatement") {
      // the host's for-in: same key order, same handling of null and undefined
      for (const key in right as object) {
        const after = iteration(key);
        if (after === "break") break;
        if (after !== "next") return after;
      }
    } else {
      // the host's for-of: same iterator protocol, iterator closed on break, return and throw
      for (const value of iterable(right, node.right)) {
        const after = iteration(value);
        if (after === "break") break;
        if (after !== "next") return after;
      }
    }
    return undefined;
  }

  switchStatement(node: SwitchStatement, env: Env, context: FunctionContext, labels: readonly string[]): Completion | undefined {
    const discriminant = this.expression(node.discriminant, env, context);
    const blockEnv = new Env(env);
    this.instantiateBlock(
      node.cases.flatMap((c) => c.consequent),
      blockEnv,
      context,
      false,
    );
    let start = -1;
    for (let i = 0; i < node.cases.length && start < 0; i++) {
      const test = node.cases[i]!.test;
      if (test && this.expression(test, blockEnv, context) === discriminant) start = i;
    }
    if (start < 0) start = node.cases.findIndex((c) => c.test == null);
    if (start < 0) return undefined;
    for (let i = start; i < node.cases.length; i++) {
      const completion = this.statements(node.cases[i]!.consequent, blockEnv, context);
      if (completion === undefined) continue;
      if (completion.kind === "break" && (completion.label === null || labels.includes(completion.label))) return undefined;
      return completion;
    }
    return undefined;
  }

  tryStatement(node: TryStatement, env: Env, context: FunctionContext): Completion | undefined {
    let completion: Completion | undefined;
    let failed = false;
    let failure: unknown;
    try {
      completion = this.block(node.block, env, context);
    } catch (error) {
      if (node.handler) {
        try {
          const catchEnv = new Env(env);
          if (node.handler.param) {
            for (const name of boundNames(node.handler.param)) catchEnv.declareUninitialized(name, true);
            this.bindPattern(node.handler.param, error, catchEnv, context, "init");
          }
          completion = this.block(node.handler.body, catchEnv, context);
        } catch (again) {
          failed = true;
          failure = again;
        }
      } else {
        failed = true;
        failure = error;
      }
    }
    if (node.finalizer) {
      // a return, break or continue in the finally block replaces the try's outcome, even an exception
      const after = this.block(node.finalizer, env, context);
      if (after !== undefined) return after;
    }
    if (failed) throw failure;
    return completion;
  }

  // -------------------------------------------------------------------------
  // expressions

  expression(node: Expression | PrivateIdentifier | SpreadElement | Pattern, env: Env, context: FunctionContext): unknown {
    switch (node.type) {
      case "Identifier":
        return this.lookup(node.name, env);
      case "Literal":
        if ("regex" in node && node.regex) return new RegExp(node.regex.pattern, node.regex.flags);
        if ("bigint" in node && typeof node.bigint === "string") return BigInt(node.bigint);
        return node.value;
      case "TemplateLiteral":
        return this.template(node, env, context);
      case "ArrayExpression": {
        const out: unknown[] = [];
        for (const element of node.elements) {
          if (element === null) out.length += 1;
          else if (element.type === "SpreadElement") out.push(...iterable(this.expression(element.argument, env, context), element.argument));
          else out.push(this.expression(element, env, context));
        }
        return out;
      }
      case "ObjectExpression":
        return this.object(node, env, context);
      case "FunctionExpression":
      case "ArrowFunctionExpression":
        return this.makeFunction(node, env, context.strict, "");
      case "UnaryExpression":
        return unaryOperation(node.operator, this.expression(node.argument, env, context));
      case "UpdateExpression": {
        if (node.argument.type !== "Identifier") throw new Error(`ast-eval: ${node.operator} on ${node.argument.type}`);
        let value = this.lookup(node.argument.name, env) as number;
        const result = node.prefix ? (node.operator === "++" ? ++value : --value) : node.operator === "++" ? value++ : value--;
        this.assign(node.argument.name, value, env, context);
        return result;
      }
      case "BinaryExpression":
        return binaryOperation(node.operator, this.expression(node.left, env, context), this.expression(node.right, env, context));
      case "LogicalExpression":
        return this.logical(node.operator, node.left, node.right, env, context);
      case "ConditionalExpression":
        return this.expression(node.test, env, context) ? this.expression(node.consequent, env, context) : this.expression(node.alternate, env, context);
      case "AssignmentExpression": {
        if (node.operator === "=") {
          const value = this.namedExpression(node.right, env, context, node.left);
          this.bindPattern(node.left, value, env, context, "assign");
          return value;
        }
        if (node.left.type !== "Identifier") throw new Error(`ast-eval: ${node.operator} on ${node.left.type}`);
        const name = node.left.name;
        const value = this.compoundAssignment(node.operator, name, node.right, env, context);
        return value;
      }
      case "SequenceExpression": {
        let value: unknown;
        for (const expression of node.expressions) value = this.expression(expression, env, context);
        return value;
      }
      case "MemberExpression": {
        const object = this.expression(node.object as Expression, env, context);
        return (object as Record<PropertyKey, unknown>)[this.propertyKey(node, env, context)];
      }
      case "CallExpression":
        return this.call(node, env, context);
      default:
        return unsupported(node);
    }
  }

  /** An expression that names an anonymous function defined in it: `const f = () => 1` gives f.name "f". */
  namedExpression(node: Expression, env: Env, context: FunctionContext, target: Pattern): unknown {
    if (target.type === "Identifier" && isAnonymousFunction(node)) return this.makeFunction(node, env, context.strict, target.name);
    return this.expression(node, env, context);
  }

  lookup(name: string, env: Env): unknown {
    const binding = env.find(name);
    if (binding !== undefined) {
      if (binding.value === UNINITIALIZED) throw new ReferenceError(`Cannot access '${name}' before initialization`);
      return binding.value;
    }
    if (name in GLOBAL) return GLOBAL[name];
    throw new ReferenceError(`${name} is not defined`);
  }

  assign(name: string, value: unknown, env: Env, context: FunctionContext): void {
    const binding = env.find(name);
    if (binding === undefined) {
      // sloppy code creates a global; strict code throws (kernels never get here: parse rejects free assignments)
      if (context.strict && !(name in GLOBAL)) throw new ReferenceError(`${name} is not defined`);
      GLOBAL[name] = value;
      return;
    }
    if (binding.value === UNINITIALIZED) throw new ReferenceError(`Cannot access '${name}' before initialization`);
    if (!binding.mutable) {
      if (binding.silent && !context.strict) return;
      throw new TypeError("Assignment to constant variable.");
    }
    binding.value = value;
  }

  compoundAssignment(operator: Exclude<AssignmentOperator, "=">, name: string, right: Expression, env: Env, context: FunctionContext): unknown {
    const current = this.lookup(name, env);
    let value: unknown;
    if (operator === "&&=" || operator === "||=" || operator === "??=") {
      const logical = operator.slice(0, 2) as LogicalOperator;
      const shortCircuits = logical === "&&" ? !current : logical === "||" ? Boolean(current) : current != null;
      if (shortCircuits) return current;
      value = this.namedExpression(right, env, context, { type: "Identifier", name });
    } else {
      value = binaryOperation(operator.slice(0, -1) as BinaryOperator, current, this.expression(right, env, context));
    }
    this.assign(name, value, env, context);
    return value;
  }

  logical(operator: LogicalOperator, left: Expression, right: Expression, env: Env, context: FunctionContext): unknown {
    const value = this.expression(left, env, context);
    switch (operator) {
      case "&&":
        return value ? this.expression(right, env, context) : value;
      case "||":
        return value ? value : this.expression(right, env, context);
      case "??":
        return value ?? this.expression(right, env, context);
    }
  }

  template(node: TemplateLiteral, env: Env, context: FunctionContext): string {
    let text = node.quasis[0]!.value.cooked ?? "";
    node.expressions.forEach((expression, i) => {
      const value = this.expression(expression, env, context);
      // the host's template conversion (ToString; a Symbol throws)
      text += `${value as string}${node.quasis[i + 1]!.value.cooked ?? ""}`;
    });
    return text;
  }

  object(node: ObjectExpression, env: Env, context: FunctionContext): Record<PropertyKey, unknown> {
    const out: Record<PropertyKey, unknown> = {};
    for (const property of node.properties) {
      if (property.type === "SpreadElement") {
        // own enumerable properties, defined (not set) on the new object
        const source = Object(this.expression(property.argument, env, context)) as Record<PropertyKey, unknown>;
        for (const key of Reflect.ownKeys(source)) {
          if (!Object.prototype.propertyIsEnumerable.call(source, key)) continue;
          Object.defineProperty(out, key, { value: source[key], writable: true, enumerable: true, configurable: true });
        }
        continue;
      }
      if (property.kind !== "init") throw new Error("ast-eval: getters and setters are not supported in kernels");
      const key = property.computed
        ? toPropertyKey(this.expression(property.key as Expression, env, context))
        : property.key.type === "Identifier"
          ? property.key.name
          : String((property.key as { value: unknown }).value);
      const valueNode = property.value as Expression;
      if (!property.computed && !property.shorthand && !property.method && key === "__proto__") {
        // `{ __proto__: p }` sets the prototype, as in an object literal
        const proto = this.expression(valueNode, env, context);
        if (typeof proto === "object" || typeof proto === "function") Object.setPrototypeOf(out, proto);
        continue;
      }
      const value = isAnonymousFunction(valueNode)
        ? this.makeFunction(valueNode, env, context.strict, typeof key === "symbol" ? (key.description ? `[${key.description}]` : "") : String(key))
        : this.expression(valueNode, env, context);
      Object.defineProperty(out, key, { value, writable: true, enumerable: true, configurable: true });
    }
    return out;
  }

  propertyKey(node: MemberExpression, env: Env, context: FunctionContext): PropertyKey {
    if (!node.computed) {
      if (node.property.type !== "Identifier") throw new Error(`ast-eval: property ${node.property.type}`);
      return node.property.name;
    }
    return toPropertyKey(this.expression(node.property, env, context));
  }

  call(node: CallExpression, env: Env, context: FunctionContext): unknown {
    let thisValue: unknown;
    let callee: unknown;
    if (node.callee.type === "MemberExpression") {
      thisValue = this.expression(node.callee.object as Expression, env, context);
      callee = (thisValue as Record<PropertyKey, unknown>)[this.propertyKey(node.callee, env, context)];
    } else if (node.callee.type === "Super") {
      throw new Error("ast-eval: super is not supported in kernels");
    } else {
      callee = this.expression(node.callee, env, context);
    }
    const args: unknown[] = [];
    for (const argument of node.arguments) {
      if (argument.type === "SpreadElement") args.push(...(this.expression(argument.argument, env, context) as Iterable<unknown>));
      else args.push(this.expression(argument, env, context));
    }
    // the host's message for calling a non-function names the callee's source, e.g. "__k.foo is not a function"
    if (typeof callee !== "function") throw new TypeError(`${generate(node.callee)} is not a function`);
    return Reflect.apply(callee, thisValue, args);
  }

  // -------------------------------------------------------------------------
  // patterns

  /**
   * Bind a value to a pattern: "init" initializes declared bindings of the
   * current scope (parameters, let, const, catch), "assign" assigns to
   * existing bindings (var, plain assignment, for-in/of heads).
   */
  bindPattern(node: Pattern, value: unknown, env: Env, context: FunctionContext, mode: "init" | "assign"): void {
    switch (node.type) {
      case "Identifier":
        if (mode === "init") this.initializeBinding(node, value, env);
        else this.assign(node.name, value, env, context);
        return;
      case "AssignmentPattern": {
        const actual = value === undefined ? this.namedExpression(node.right, env, context, node.left) : value;
        this.bindPattern(node.left, actual, env, context, mode);
        return;
      }
      case "ArrayPattern": {
        const iterator = (value as Iterable<unknown>)[Symbol.iterator]();
        let done = false;
        try {
          for (const element of node.elements) {
            if (element?.type === "RestElement") {
              const rest: unknown[] = [];
              while (!done) {
                const step = iterator.next();
                if (step.done) done = true;
                else rest.push(step.value);
              }
              this.bindPattern(element.argument, rest, env, context, mode);
              continue;
            }
            let item: unknown;
            if (!done) {
              const step = iterator.next();
              if (step.done) done = true;
              else item = step.value;
            }
            if (element !== null) this.bindPattern(element, item, env, context, mode);
          }
        } catch (error) {
          if (!done) {
            done = true;
            try {
              iterator.return?.();
            } catch {
              // the original error wins, as in a destructuring that throws
            }
          }
          throw error;
        }
        if (!done) iterator.return?.();
        return;
      }
      case "ObjectPattern": {
        if (value === null || value === undefined) throw new TypeError(`Cannot destructure '${String(value)}' as it is ${String(value)}.`);
        const used: PropertyKey[] = [];
        for (const property of node.properties) {
          if (property.type === "RestElement") {
            const rest: Record<PropertyKey, unknown> = {};
            const source = Object(value) as Record<PropertyKey, unknown>;
            for (const key of Reflect.ownKeys(source)) {
              if (!used.includes(key) && Object.prototype.propertyIsEnumerable.call(source, key)) rest[key] = source[key];
            }
            this.bindPattern(property.argument, rest, env, context, mode);
            continue;
          }
          const key = property.computed
            ? toPropertyKey(this.expression(property.key as Expression, env, context))
            : property.key.type === "Identifier"
              ? property.key.name
              : String((property.key as { value: unknown }).value);
          used.push(key);
          this.bindPattern(property.value, (value as Record<PropertyKey, unknown>)[key], env, context, mode);
        }
        return;
      }
      case "RestElement":
        this.bindPattern(node.argument, value, env, context, mode);
        return;
      case "MemberExpression":
        throw new Error("ast-eval: assignment to a property is not supported in kernels");
    }
  }

  initializeBinding(node: Identifier, value: unknown, env: Env): void {
    if (!env.hasOwn(node.name)) throw new Error(`ast-eval: ${JSON.stringify(node.name)} was not declared in its scope`);
    env.initialize(node.name, value);
  }
}

// ---------------------------------------------------------------------------
// helpers

/** A `break` or `continue` at the end of a loop body: go on, leave the loop, or pass the completion outwards. */
function loopCompletion(completion: Completion | undefined, labels: readonly string[]): Completion | "break" | "next" {
  if (completion === undefined) return "next";
  if (completion.kind === "continue" && (completion.label === null || labels.includes(completion.label))) return "next";
  if (completion.kind === "break" && (completion.label === null || labels.includes(completion.label))) return "break";
  return completion;
}

/**
 * A value to iterate (spread into an array, for-of), or the TypeError the
 * host throws for it, which names the expression: "x is not iterable".
 */
function iterable(value: unknown, expression: Expression): Iterable<unknown> {
  const method = value === null || value === undefined ? undefined : (value as Record<symbol, unknown>)[Symbol.iterator];
  if (typeof method === "function") return value as Iterable<unknown>;
  if (expression.type === "CallExpression") {
    throw new TypeError(`${generate(expression.callee)} is not a function or its return value is not iterable`);
  }
  throw new TypeError(`${generate(expression)} is not iterable`);
}

function unsupported(node: Node): never {
  throw new Error(`ast-eval: ${node.type} is not supported in kernels`);
}

function isAnonymousFunction(node: Node): node is FunctionExpression | ArrowFunctionExpression {
  return node.type === "ArrowFunctionExpression" || (node.type === "FunctionExpression" && !node.id);
}

function hasUseStrict(node: FunctionNode): boolean {
  if (node.body.type !== "BlockStatement") return false;
  for (const statement of node.body.body) {
    if (statement.type !== "ExpressionStatement" || !("directive" in statement)) return false;
    if (statement.directive === "use strict") return true;
  }
  return false;
}

/** Function.length: parameters before the first default or rest. */
function expectedArgumentCount(node: FunctionNode): number {
  const index = node.params.findIndex((p) => p.type === "AssignmentPattern" || p.type === "RestElement");
  return index < 0 ? node.params.length : index;
}

/** Names a binding pattern declares. */
function boundNames(node: Pattern): string[] {
  switch (node.type) {
    case "Identifier":
      return [node.name];
    case "ObjectPattern":
      return node.properties.flatMap((p) => boundNames(p.type === "RestElement" ? p.argument : p.value));
    case "ArrayPattern":
      return node.elements.flatMap((e) => (e ? boundNames(e) : []));
    case "RestElement":
      return boundNames(node.argument);
    case "AssignmentPattern":
      return boundNames(node.left);
    case "MemberExpression":
      return [];
  }
}

/** Statements whose nested statements belong to the same function (not nested functions or expressions). */
function childStatements(node: Node): Node[] {
  switch (node.type) {
    case "BlockStatement":
      return node.body;
    case "IfStatement":
      return node.alternate ? [node.consequent, node.alternate] : [node.consequent];
    case "ForStatement":
      return node.init?.type === "VariableDeclaration" ? [node.init, node.body] : [node.body];
    case "ForInStatement":
    case "ForOfStatement":
      return node.left.type === "VariableDeclaration" ? [node.left, node.body] : [node.body];
    case "WhileStatement":
    case "DoWhileStatement":
    case "LabeledStatement":
      return [node.body];
    case "SwitchStatement":
      return node.cases.flatMap((c) => c.consequent);
    case "TryStatement":
      return [node.block, ...(node.handler ? [node.handler.body] : []), ...(node.finalizer ? [node.finalizer] : [])];
    default:
      return [];
  }
}

/** Every `var` name of a function body, nested blocks included. */
function varNames(statements: readonly Node[]): string[] {
  const names: string[] = [];
  const walk = (node: Node): void => {
    if (node.type === "VariableDeclaration") {
      if (node.kind === "var") for (const d of node.declarations) names.push(...boundNames(d.id));
      return;
    }
    for (const child of childStatements(node)) walk(child);
  };
  for (const statement of statements) walk(statement);
  return names;
}

/** let/const names declared directly in a statement list. */
function lexicallyDeclaredNames(statements: readonly Node[]): string[] {
  return statements.flatMap((s) => (s.type === "VariableDeclaration" && s.kind !== "var" ? s.declarations.flatMap((d) => boundNames(d.id)) : []));
}

/** Names of function declarations inside blocks of a function body (not at its top level). */
function nestedFunctionNames(statements: readonly Node[]): string[] {
  const names: string[] = [];
  const walk = (node: Node, top: boolean): void => {
    if (node.type === "FunctionDeclaration") {
      if (!top && node.id) names.push(node.id.name);
      return;
    }
    for (const child of childStatements(node)) walk(child, false);
  };
  for (const statement of statements) walk(statement, true);
  return names;
}

function toPropertyKey(value: unknown): PropertyKey {
  return typeof value === "symbol" ? value : String(value);
}

/** The host's unary operators (after the rewrite only the signs of number literals remain). */
function unaryOperation(operator: UnaryOperator, value: unknown): unknown {
  const v = value as number;
  switch (operator) {
    case "-":
      return -v;
    case "+":
      return +v;
    case "!":
      return !v;
    case "~":
      return ~v;
    case "typeof":
      return typeof value;
    case "void":
      return undefined;
    case "delete":
      throw new Error("ast-eval: delete is not supported in kernels");
  }
}

/** The host's binary operators (after the rewrite they only appear in code kernex did not rewrite). */
function binaryOperation(operator: BinaryOperator, left: unknown, right: unknown): unknown {
  const a = left as number;
  const b = right as number;
  switch (operator) {
    case "+":
      return a + b;
    case "-":
      return a - b;
    case "*":
      return a * b;
    case "/":
      return a / b;
    case "%":
      return a % b;
    case "**":
      return a ** b;
    case "<":
      return a < b;
    case ">":
      return a > b;
    case "<=":
      return a <= b;
    case ">=":
      return a >= b;
    case "==":
      return left == right;
    case "!=":
      return left != right;
    case "===":
      return left === right;
    case "!==":
      return left !== right;
    case "<<":
      return a << b;
    case ">>":
      return a >> b;
    case ">>>":
      return a >>> b;
    case "|":
      return a | b;
    case "&":
      return a & b;
    case "^":
      return a ^ b;
    case "in":
      return (left as PropertyKey) in (right as object);
    case "instanceof":
      return (left as object) instanceof (right as new () => unknown);
  }
}
