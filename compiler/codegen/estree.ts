/**
 * @file Typed ESTree builders for generated code. Identifiers come from
 * fixed prefixes plus counters, numbers only from finite numeric literals:
 * no user string can reach generated source through here.
 */
import type * as ES from "estree";

const IDENT_RE = /^[a-z][a-z0-9_]*$/;

/** An identifier; only compiler-chosen names (lowercase ASCII) are allowed. */
export function id(name: string): ES.Identifier {
  if (!IDENT_RE.test(name)) throw new Error(`codegen: refusing identifier ${JSON.stringify(name)}`);
  return { type: "Identifier", name };
}

/** A numeric literal (negative numbers become unary minus; NaN/Infinity spelled out). */
export function num(value: number): ES.Expression {
  if (Number.isNaN(value)) return { type: "Identifier", name: "NaN" };
  if (value === Infinity) return { type: "Identifier", name: "Infinity" };
  if (value === -Infinity) return { type: "UnaryExpression", operator: "-", prefix: true, argument: { type: "Identifier", name: "Infinity" } };
  if (value < 0 || Object.is(value, -0)) return { type: "UnaryExpression", operator: "-", prefix: true, argument: num(-value) };
  return { type: "Literal", value };
}

export function bin(operator: ES.BinaryOperator, left: ES.Expression, right: ES.Expression): ES.Expression {
  return { type: "BinaryExpression", operator, left, right };
}

export function logical(operator: ES.LogicalOperator, left: ES.Expression, right: ES.Expression): ES.Expression {
  return { type: "LogicalExpression", operator, left, right };
}

export function unary(operator: ES.UnaryOperator, argument: ES.Expression): ES.Expression {
  return { type: "UnaryExpression", operator, prefix: true, argument };
}

export function cond(test: ES.Expression, consequent: ES.Expression, alternate: ES.Expression): ES.Expression {
  return { type: "ConditionalExpression", test, consequent, alternate };
}

/** `obj[index]` */
export function index(obj: ES.Expression, i: ES.Expression): ES.MemberExpression {
  return { type: "MemberExpression", object: obj, property: i, computed: true, optional: false };
}

/** `Math.name(args)` */
export function mathCall(name: string, args: ES.Expression[]): ES.Expression {
  if (!/^[a-z0-9]+$/.test(name)) throw new Error(`codegen: refusing Math member ${JSON.stringify(name)}`);
  return {
    type: "CallExpression",
    callee: { type: "MemberExpression", object: { type: "Identifier", name: "Math" }, property: { type: "Identifier", name }, computed: false, optional: false },
    arguments: args,
    optional: false,
  };
}

export function constDecl(name: string, init: ES.Expression, kind: "const" | "let" = "const"): ES.VariableDeclaration {
  return { type: "VariableDeclaration", kind, declarations: [{ type: "VariableDeclarator", id: id(name), init }] };
}

export function assign(target: ES.Pattern, value: ES.Expression, operator: ES.AssignmentOperator = "="): ES.ExpressionStatement {
  return { type: "ExpressionStatement", expression: { type: "AssignmentExpression", operator, left: target, right: value } };
}

export function ifStmt(test: ES.Expression, consequent: ES.Statement[], alternate?: ES.Statement[]): ES.IfStatement {
  return {
    type: "IfStatement",
    test,
    consequent: { type: "BlockStatement", body: consequent },
    alternate: alternate ? { type: "BlockStatement", body: alternate } : null,
  };
}

/** `for (let v = from; v < to; v++)` or, descending, `for (let v = to - 1; v >= from; v--)`. */
export function forRange(v: string, from: ES.Expression, to: ES.Expression, body: ES.Statement[], descending = false): ES.ForStatement {
  return {
    type: "ForStatement",
    init: constDecl(v, descending ? bin("-", to, num(1)) : from, "let"),
    test: descending ? bin(">=", id(v), from) : bin("<", id(v), to),
    update: { type: "UpdateExpression", operator: descending ? "--" : "++", prefix: false, argument: id(v) },
    body: { type: "BlockStatement", body },
  };
}

/** `(params) => { body }` */
export function arrow(body: ES.Statement[], params: ES.Identifier[] = []): ES.ArrowFunctionExpression {
  return { type: "ArrowFunctionExpression", params, body: { type: "BlockStatement", body }, expression: false, async: false, generator: false };
}

/** `function (params) { body }` */
export function fn(params: string[], body: ES.Statement[]): ES.FunctionExpression {
  return { type: "FunctionExpression", id: null, params: params.map(id), body: { type: "BlockStatement", body }, async: false, generator: false };
}

/** `return value;`, or `return;` */
export function ret(argument: ES.Expression | null = null): ES.ReturnStatement {
  return { type: "ReturnStatement", argument };
}

/** `obj.name` (a fixed member name of kernex's own, e.g. a typed array's `fill`) */
export function member(obj: ES.Expression, name: string): ES.MemberExpression {
  if (!/^[a-zA-Z][a-zA-Z0-9]*$/.test(name)) throw new Error(`codegen: refusing member ${JSON.stringify(name)}`);
  return { type: "MemberExpression", object: obj, property: { type: "Identifier", name }, computed: false, optional: false };
}

/** `new Int32Array(args)` (the only constructor generated code calls) */
export function newExpr(ctor: "Int32Array", args: ES.Expression[]): ES.NewExpression {
  if (ctor !== "Int32Array") throw new Error(`codegen: refusing constructor ${JSON.stringify(ctor)}`);
  return { type: "NewExpression", callee: { type: "Identifier", name: ctor }, arguments: args };
}

/** `callee(args)` */
export function call(callee: ES.Expression, args: ES.Expression[]): ES.CallExpression {
  return { type: "CallExpression", callee, arguments: args, optional: false };
}

export function exprStmt(expression: ES.Expression): ES.ExpressionStatement {
  return { type: "ExpressionStatement", expression };
}

export function block(body: ES.Statement[]): ES.BlockStatement {
  return { type: "BlockStatement", body };
}

export function program(body: ES.Statement[]): ES.Program {
  return { type: "Program", sourceType: "script", body };
}
