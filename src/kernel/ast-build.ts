/**
 * @file Small ESTree builders for the statements the kernel rewrite adds
 * (control-flow.ts), and the child-mapping walk both rewrites use. Names are the rewrite's reserved ones (`__k...`) and
 * literals are numbers, booleans or the rewrite's own fixed strings: nothing
 * here carries a user's text.
 */
import type { ArrowFunctionExpression, BlockStatement, CallExpression, Expression, Identifier, Literal, MemberExpression, Node, Statement } from "estree";
import { isNode } from "./parse";

/** Name of the KernelOps parameter (the same as rewrite.ts's OPS_PARAM). */
const OPS = "__k";

/**
 * An identifier.
 *
 * @example
 * generate(id("__kr")); // "__kr"
 */
export function id(name: string): Identifier {
  return { type: "Identifier", name };
}

/**
 * A number, boolean or null literal.
 *
 * @example
 * generate(literal(3)); // "3"
 */
export function literal(value: number | boolean | null): Literal {
  return { type: "Literal", value, raw: String(value) };
}

/**
 * A string literal for one of the rewrite's own messages (printed by astring from its value).
 *
 * @example
 * generate(text("a template literal")); // '"a template literal"'
 */
export function text(value: string): Literal {
  return { type: "Literal", value };
}

/**
 * `object.name`
 *
 * @example
 * generate(member(id("a"), "b")); // "a.b"
 */
export function member(object: Expression, name: string): MemberExpression {
  return { type: "MemberExpression", object, property: id(name), computed: false, optional: false };
}

/**
 * `__k.<op>(...args)`
 *
 * @example
 * generate(opCall("ret", [id("v")])); // "__k.ret(v)"
 */
export function opCall(op: string, args: Expression[]): CallExpression {
  return { type: "CallExpression", callee: member(id(OPS), op), arguments: args, optional: false };
}

/**
 * `(params) => { body }`
 *
 * @example
 * generate(arrow([], [])); // "() => {}"
 */
export function arrow(params: string[], body: Statement[]): ArrowFunctionExpression {
  return { type: "ArrowFunctionExpression", params: params.map(id), body: block(body), expression: false, async: false, generator: false };
}

/**
 * `() => expression`
 *
 * @example
 * generate(arrowExpression(id("a"))); // "() => a"
 */
export function arrowExpression(body: Expression): ArrowFunctionExpression {
  return { type: "ArrowFunctionExpression", params: [], body, expression: true, async: false, generator: false };
}

/**
 * `{ body }`
 *
 * @example
 * generate(block([])); // "{}"
 */
export function block(body: Statement[]): BlockStatement {
  return { type: "BlockStatement", body };
}

/**
 * `expression;`
 *
 * @example
 * generate(statement(opCall("f", []))); // "__k.f();"
 */
export function statement(expression: Expression): Statement {
  return { type: "ExpressionStatement", expression };
}

/**
 * `name = value;`
 *
 * @example
 * generate(assign("s", literal(1))); // "s = 1;"
 */
export function assign(name: string, value: Expression): Statement {
  return statement({ type: "AssignmentExpression", operator: "=", left: id(name), right: value });
}

/**
 * `let a, b;` or `let a = init;`
 *
 * @example
 * generate(letDeclaration(["a", "b"])); // "let a, b;"
 */
export function letDeclaration(names: string[], init: Expression | null = null): Statement {
  return {
    type: "VariableDeclaration",
    kind: "let",
    declarations: names.map((name) => ({ type: "VariableDeclarator", id: id(name), init })),
  };
}

/**
 * Apply `f` to every child node, returning `node` itself when no child
 * changed (so untouched subtrees are shared, not copied).
 *
 * @example
 * mapChildren(node, (child) => (child.type === "Identifier" ? id("y") : child));
 */
export function mapChildren<T extends Node>(node: T, f: (child: Node) => Node): T {
  let changed = false;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (Array.isArray(value)) {
      const mapped = value.map((item: unknown) => (isNode(item) ? f(item) : item));
      if (mapped.some((item, i) => item !== value[i])) changed = true;
      copy[key] = mapped;
    } else if (isNode(value)) {
      const mapped = f(value);
      if (mapped !== value) changed = true;
      copy[key] = mapped;
    } else {
      copy[key] = value;
    }
  }
  return changed ? (copy as unknown as T) : node;
}
