/**
 * @file The runtime interface a rewritten kernel calls (`__k.add(a, b)`, ...),
 * and the total tables that map each JavaScript operator to a method of it or
 * to the reason kernels do not support it.
 */

import type { AssignmentOperator, BinaryOperator, LogicalOperator, UnaryOperator } from "estree";
import type { ControlFlowOps } from "./control-flow-ops";

/**
 * The operations a rewritten kernel performs, supplied by whoever runs it (the
 * tracer, or a plain numeric implementation in tests). Every operator of the
 * kernel's source becomes one call on this object.
 *
 * `and`, `or` and `cond` receive their lazily evaluated operands as thunks, so
 * an implementation can keep JavaScript's short-circuit semantics for plain
 * values and evaluate both branches for traced ones. The statements of
 * control-flow.ts call the ControlFlowOps methods (`branch`, `unless`,
 * `loopTest`, ...; control-flow-ops.ts builds them from a select backend).
 *
 * @example
 * // (x) => x[0] * 2 + 1   is rebuilt as
 * // (x) => __k.add(__k.mul(__k.index(x, [0]), 2), 1)
 * const numeric: Pick<KernelOps, "add" | "mul"> = {
 *   add: (a, b) => (a as number) + (b as number),
 *   mul: (a, b) => (a as number) * (b as number),
 * };
 */
export interface KernelOps extends ControlFlowOps {
  add(a: unknown, b: unknown): unknown;
  sub(a: unknown, b: unknown): unknown;
  mul(a: unknown, b: unknown): unknown;
  div(a: unknown, b: unknown): unknown;
  mod(a: unknown, b: unknown): unknown;
  pow(a: unknown, b: unknown): unknown;
  lt(a: unknown, b: unknown): unknown;
  gt(a: unknown, b: unknown): unknown;
  le(a: unknown, b: unknown): unknown;
  ge(a: unknown, b: unknown): unknown;
  eq(a: unknown, b: unknown): unknown;
  ne(a: unknown, b: unknown): unknown;
  neg(a: unknown): unknown;
  pos(a: unknown): unknown;
  not(a: unknown): unknown;
  /** `a && b`: `b` is evaluated only by calling it. */
  and(a: unknown, b: () => unknown): unknown;
  /** `a || b`: `b` is evaluated only by calling it. */
  or(a: unknown, b: () => unknown): unknown;
  /** `c ? a : b`: each branch is evaluated only by calling it. */
  cond(c: unknown, a: () => unknown, b: () => unknown): unknown;
  /** `obj[i]` is `index(obj, [i])`; the multi-index `obj[i, j]` is `index(obj, [i, j])`. */
  index(obj: unknown, idx: unknown[]): unknown;
  /** `Math.<name>(...)` calls, looked up by name (`Math.sin(a)` is `math.sin(a)`). */
  math: Readonly<Record<string, (...args: unknown[]) => unknown>>;
}

/**
 * Methods of KernelOps that take two evaluated operands.
 *
 * @example
 * const op: BinaryOpName = binaryOperatorOps["*"] as BinaryOpName; // "mul"
 */
export type BinaryOpName = "add" | "sub" | "mul" | "div" | "mod" | "pow" | "lt" | "gt" | "le" | "ge" | "eq" | "ne";

/**
 * Methods of KernelOps that take one operand.
 *
 * @example
 * const op: UnaryOpName = "neg"; // -a
 */
export type UnaryOpName = "neg" | "pos" | "not";

/**
 * Methods of KernelOps whose second operand is a thunk.
 *
 * @example
 * const op: LogicalOpName = "and"; // a && b  ->  __k.and(a, () => b)
 */
export type LogicalOpName = "and" | "or";

/**
 * Table entry for an operator kernels reject; `unsupported` names it in the error message.
 *
 * @example
 * binaryOperatorOps["&"]; // { unsupported: 'the bitwise operator "&"' }
 */
export interface Unsupported {
  readonly unsupported: string;
}

function unsupported(what: string): Unsupported {
  return { unsupported: what };
}

/**
 * Binary operators to KernelOps methods. Loose and strict equality map to the
 * same method: traced values have no identity to compare.
 *
 * @example
 * binaryOperatorOps["**"]; // "pow"
 */
export const binaryOperatorOps: { readonly [Op in BinaryOperator]: BinaryOpName | Unsupported } = {
  "+": "add",
  "-": "sub",
  "*": "mul",
  "/": "div",
  "%": "mod",
  "**": "pow",
  "<": "lt",
  ">": "gt",
  "<=": "le",
  ">=": "ge",
  "==": "eq",
  "===": "eq",
  "!=": "ne",
  "!==": "ne",
  "<<": unsupported('the bitwise operator "<<"'),
  ">>": unsupported('the bitwise operator ">>"'),
  ">>>": unsupported('the bitwise operator ">>>"'),
  "|": unsupported('the bitwise operator "|"'),
  "&": unsupported('the bitwise operator "&"'),
  "^": unsupported('the bitwise operator "^"'),
  in: unsupported('the operator "in"'),
  instanceof: unsupported('the operator "instanceof"'),
};

/**
 * Unary operators to KernelOps methods. `typeof` is rejected rather than kept:
 * on a traced value it would always say "object", so a kernel branching on it
 * would silently take the wrong branch.
 *
 * @example
 * unaryOperatorOps["-"]; // "neg"
 */
export const unaryOperatorOps: { readonly [Op in UnaryOperator]: UnaryOpName | Unsupported } = {
  "-": "neg",
  "+": "pos",
  "!": "not",
  "~": unsupported('the bitwise operator "~"'),
  typeof: unsupported('the operator "typeof"'),
  void: unsupported('the operator "void"'),
  delete: unsupported('the operator "delete"'),
};

/**
 * Logical operators to KernelOps methods.
 *
 * @example
 * logicalOperatorOps["||"]; // "or"
 */
export const logicalOperatorOps: { readonly [Op in LogicalOperator]: LogicalOpName | Unsupported } = {
  "&&": "and",
  "||": "or",
  "??": unsupported('the operator "??"'),
};

/**
 * The operator a compound assignment applies: `a op= b` is `a = a op b`.
 *
 * @example
 * compoundAssignmentBase["**="]; // "**"
 */
export const compoundAssignmentBase: {
  readonly [Op in Exclude<AssignmentOperator, "=">]: BinaryOperator | LogicalOperator;
} = {
  "+=": "+",
  "-=": "-",
  "*=": "*",
  "/=": "/",
  "%=": "%",
  "**=": "**",
  "<<=": "<<",
  ">>=": ">>",
  ">>>=": ">>>",
  "|=": "|",
  "^=": "^",
  "&=": "&",
  "||=": "||",
  "&&=": "&&",
  "??=": "??",
};

/**
 * Look up the KernelOps method for a binary or logical operator.
 *
 * @example
 * operatorOp("<="); // "le"
 */
export function operatorOp(op: BinaryOperator | LogicalOperator): BinaryOpName | LogicalOpName | Unsupported {
  if (op === "&&" || op === "||" || op === "??") return logicalOperatorOps[op];
  return binaryOperatorOps[op];
}

/**
 * Narrow a table entry to the unsupported case.
 *
 * @example
 * isUnsupported(binaryOperatorOps["&"]); // true
 */
export function isUnsupported<T extends string>(entry: T | Unsupported): entry is Unsupported {
  return typeof entry !== "string";
}
