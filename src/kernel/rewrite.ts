/**
 * @file Rewrite a parsed kernel so every operator becomes a call on the ops
 * object `__k` and every outside variable a read of the values array `__s`,
 * then print it with astring. Input must have passed parse.ts's checks.
 */

import { generate } from "astring";
import type {
  ArrowFunctionExpression,
  CallExpression,
  Expression,
  Identifier,
  MemberExpression,
  Node,
  Pattern,
  SpreadElement,
} from "estree";
import { ALLOWED_GLOBALS, type FreeVariables } from "./free-vars";
import {
  binaryOperatorOps,
  compoundAssignmentBase,
  isUnsupported,
  operatorOp,
  unaryOperatorOps,
  type Unsupported,
} from "./ops-api";
import { callTreatment, COERCION_SITES, type CallTreatment } from "./coercion";
import { convertControlFlow } from "./control-flow";
import { mapChildren } from "./ast-build";
import { sourcePosition, type KernelFunction } from "./parse";

/**
 * Name of the KernelOps parameter of the built function.
 *
 * @example
 * new Function(OPS_PARAM, SCOPE_PARAM, `return (${source});`);
 */
export const OPS_PARAM = "__k";
/**
 * Name of the parameter holding the values of the kernel's free variables.
 *
 * @example
 * // with free names ["c"], `c * x[0]` prints as `__k.mul(__s[0], __k.index(x, [0]))`
 */
export const SCOPE_PARAM = "__s";

/**
 * Rewrite and print a kernel. Worked example:
 *
 *     function (u) { let s = 0; for (let i = 0; i < 3; i++) s += u[i] * c; return s > 0 ? s : -s; }
 *
 * with `c` free (names = ["c"]) prints as
 *
 *     function (u) {
 *       let s = 0;
 *       for (let i = 0; __k.loopTest(__k.lt(i, 3), 1, 27); i++) s = __k.add(s, __k.mul(__k.index(u, [i]), __s[0]));
 *       return __k.cond(__k.gt(s, 0), () => s, () => __k.neg(s));
 *     }
 *
 * Only the kernel's own AST is printed: outside names become `__s[i]`, string
 * literals are re-quoted from their values, and `Math.sin` becomes
 * `__k.math.sin` only when `Math` is the (unshadowed) global.
 *
 * @example
 * const fn = parseKernelSource("(x) => x[1] - 2 * x[0]", 'kernel "k"');
 * rewriteKernel(fn, findFreeVariables(fn));
 * // "x => __k.sub(__k.index(x, [1]), __k.mul(2, __k.index(x, [0])))"
 */
export function rewriteKernel(fn: KernelFunction, free: FreeVariables): string {
  return generate(rewriteKernelNode(fn, free));
}

/**
 * The rewritten kernel as an AST, before printing: what rewriteKernel
 * prints, and what ast-eval.ts runs where `new Function` is not allowed.
 *
 * @example
 * const fn = parseKernelSource("(x) => -x[0]", 'kernel "k"');
 * generate(rewriteKernelNode(fn, findFreeVariables(fn))); // "x => __k.neg(__k.index(x, [0]))"
 */
export function rewriteKernelNode(fn: KernelFunction, free: FreeVariables): KernelFunction {
  const rewritten = new KernelRewriter(free, fn).rewrite(fn);
  if (rewritten.type !== "ArrowFunctionExpression" && rewritten.type !== "FunctionExpression") {
    throw new Error(`the rewrite of a kernel function gave a ${rewritten.type}`);
  }
  return convertControlFlow(rewritten, (node) => sourcePosition(fn, node));
}

class KernelRewriter {
  constructor(
    private readonly free: FreeVariables,
    /** The parsed kernel, for the source positions of the checks the rewrite adds. */
    private readonly fn: KernelFunction,
  ) {}

  rewrite(node: Node): Node {
    switch (node.type) {
      case "Identifier":
        return this.identifier(node);
      case "Literal":
        // Print strings from their value, never from the raw source text.
        if (typeof node.value === "string") return { type: "Literal", value: node.value };
        return node;
      case "BinaryExpression": {
        const op = checked(binaryOperatorOps[node.operator], node.operator);
        return opCall(op, [this.expression(node.left), this.expression(node.right)]);
      }
      case "LogicalExpression": {
        const op = checked(operatorOp(node.operator), node.operator);
        return opCall(op, [this.expression(node.left), thunk(this.expression(node.right))]);
      }
      case "UnaryExpression": {
        // A negative number literal such as the index in x[-1] is a constant, not an operation.
        const arg = node.argument;
        if ((node.operator === "-" || node.operator === "+") && arg.type === "Literal" && typeof arg.value === "number") {
          return node;
        }
        const op = checked(unaryOperatorOps[node.operator], node.operator);
        return opCall(op, [this.expression(node.argument)]);
      }
      case "ConditionalExpression":
        return opCall("cond", [
          this.expression(node.test),
          thunk(this.expression(node.consequent)),
          thunk(this.expression(node.alternate)),
        ]);
      case "AssignmentExpression": {
        if (node.operator === "=") {
          return { ...node, left: this.pattern(node.left), right: this.expression(node.right) };
        }
        // parse.ts allows compound assignment only to identifiers: a op= b  ->  a = __k.op(a, b).
        const target = node.left;
        if (target.type !== "Identifier") throw new Error(`compound assignment to ${target.type} reached the rewrite`);
        const base = compoundAssignmentBase[node.operator];
        const op = checked(operatorOp(base), node.operator);
        const right = this.expression(node.right);
        const read: Identifier = { type: "Identifier", name: target.name };
        const value = op === "and" || op === "or" ? opCall(op, [read, thunk(right)]) : opCall(op, [read, right]);
        return { type: "AssignmentExpression", operator: "=", left: target, right: value };
      }
      case "MemberExpression":
        return this.member(node, false);
      case "CallExpression": {
        const treatment = callTreatment(node, (id) => this.isGlobal(id));
        if (treatment !== null) return this.treatedCall(node, treatment);
        const callee =
          node.callee.type === "MemberExpression" ? this.member(node.callee, true) : this.rewrite(node.callee);
        const args = node.arguments.map((arg) => this.rewrite(arg) as Expression | SpreadElement);
        return { ...node, callee: callee as Expression, arguments: args };
      }
      case "TemplateLiteral":
        return { ...node, expressions: node.expressions.map((e) => this.concrete(this.expression(e), COERCION_SITES.template, e)) };
      case "Property": {
        const key = node.computed ? this.concrete(this.expression(node.key), COERCION_SITES.computedKey, node.key) : node.key;
        const value = this.rewrite(node.value) as typeof node.value;
        if (key === node.key && value === node.value) return node;
        // `{ c }` with `c` now `__s[0]` must print as `{ c: __s[0] }`.
        return { ...node, key, value, shorthand: node.shorthand && value === node.value };
      }
      default:
        return mapChildren(node, (child) => this.rewrite(child));
    }
  }

  /** Rewrite a node in expression position (its result is an expression by construction). */
  expression(node: Node): Expression {
    return this.rewrite(node) as Expression;
  }

  pattern(node: Pattern): Pattern {
    return this.rewrite(node) as Pattern;
  }

  /** Free names other than the allowed globals read the values array: `c` -> `__s[0]`. */
  identifier(node: Identifier): Expression {
    if (!this.free.references.has(node) || ALLOWED_GLOBALS.has(node.name)) return node;
    const index = this.free.names.indexOf(node.name);
    if (index < 0) throw new Error(`free variable ${JSON.stringify(node.name)} has no slot in ${String(this.free.names)}`);
    return {
      type: "MemberExpression",
      object: { type: "Identifier", name: SCOPE_PARAM },
      property: { type: "Literal", value: index, raw: String(index) },
      computed: true,
      optional: false,
    };
  }

  /**
   * `x[i]` -> `__k.index(x, [i])`; `x[i, j]` -> `__k.index(x, [i, j])`;
   * `Math.f` -> `__k.math.f` when called or when `Math.f` is a function;
   * other `a.b` keep their property name.
   */
  member(node: MemberExpression, called: boolean): Expression {
    if (node.computed) {
      const object = this.expression(node.object);
      const property = node.property;
      const indices = property.type === "SequenceExpression" ? property.expressions : [property];
      return opCall("index", [object, { type: "ArrayExpression", elements: indices.map((i) => this.expression(i)) }]);
    }
    if (this.isGlobalMath(node.object) && node.property.type === "Identifier") {
      const name = node.property.name;
      if (called || typeof Reflect.get(Math, name) === "function") {
        return member(member(identifier(OPS_PARAM), "math"), name);
      }
    }
    const object = this.rewrite(node.object) as MemberExpression["object"];
    return object === node.object ? node : { ...node, object };
  }

  /** An identifier that refers to an allowed global (`Number`, `isNaN`, ...), not to a local of the same name. */
  isGlobal(node: Identifier): boolean {
    return this.free.references.has(node) && ALLOWED_GLOBALS.has(node.name);
  }

  /** `__k.concrete(value, what, line, column)`: a KernexError at this place when the value is traced. */
  concrete(value: Expression, what: string, at: Node): Expression {
    const { line, column } = sourcePosition(this.fn, at);
    return opCall("concrete", [value, { type: "Literal", value: what }, numberLiteral(line), numberLiteral(column)]);
  }

  /**
   * `isNaN(v)` -> `__k.isnan(v, true)`, `Number.isFinite(v)` -> `__k.isfinite(v, false)`,
   * `Boolean(v)` -> `__k.boolean(v)`, `Number(v)` -> `Number(__k.concrete(v, "Number(...)", line, column))`.
   */
  treatedCall(node: CallExpression, treatment: CallTreatment): Expression {
    const args = node.arguments.map((arg) => this.rewrite(arg) as Expression | SpreadElement);
    const first = args[0];
    if (first !== undefined && first.type === "SpreadElement") return { ...node, arguments: args };
    const value = first ?? identifier("undefined");
    if ("concrete" in treatment) {
      return { ...node, arguments: [this.concrete(value, treatment.concrete, node), ...args.slice(1)] };
    }
    if (treatment.op === "boolean") return opCall("boolean", [value]);
    return opCall(treatment.op, [value, { type: "Literal", value: treatment.loose }]);
  }

  isGlobalMath(node: Node): boolean {
    return node.type === "Identifier" && node.name === "Math" && this.free.references.has(node);
  }
}

/** An operator that parse.ts should have rejected is an internal error here. */
function checked<T extends string>(entry: T | Unsupported, operator: string): T {
  if (isUnsupported(entry)) throw new Error(`unsupported operator ${JSON.stringify(operator)} reached the rewrite`);
  return entry;
}

function identifier(name: string): Identifier {
  return { type: "Identifier", name };
}

function member(object: Expression, name: string): MemberExpression {
  return { type: "MemberExpression", object, property: identifier(name), computed: false, optional: false };
}

function numberLiteral(value: number): Expression {
  return { type: "Literal", value, raw: String(value) };
}

/** `__k.<op>(...args)` */
function opCall(op: string, args: Expression[]): CallExpression {
  return { type: "CallExpression", callee: member(identifier(OPS_PARAM), op), arguments: args, optional: false };
}

/** `() => body`, for operands evaluated lazily (`&&`, `||`, `? :`). */
function thunk(body: Expression): ArrowFunctionExpression {
  return { type: "ArrowFunctionExpression", params: [], body, expression: true, async: false, generator: false };
}
