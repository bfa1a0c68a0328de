/**
 * @file Calls of global functions that would coerce a traced value to a
 * plain boolean, number or string, and how the rewrite treats each: the
 * tests (`isNaN`, `isFinite`, `Number.isNaN`, `Number.isFinite`,
 * `Boolean`) become traced operations; the conversions (`Number(v)`,
 * `String(v)`, `parseFloat`, `JSON.stringify`, ...) get their argument
 * checked by `__k.concrete`, which is a KernexError naming the line when the
 * value is traced, and the call itself when it is not. A kernel that means
 * a conversion of a plain value (a loop counter) keeps it.
 */
import type { CallExpression, Expression, Identifier, Node } from "estree";

/**
 * What the rewrite does with a call: a KernelOps method taking the
 * argument (and, for isnan/isfinite, whether the global, coercing version
 * was called), or a check that the first argument is plain.
 *
 * @example
 * const t: CallTreatment = { op: "isnan", loose: false }; // Number.isNaN(v) -> __k.isnan(v, false)
 */
export type CallTreatment =
  | { readonly op: "isnan" | "isfinite"; readonly loose: boolean }
  | { readonly op: "boolean" }
  | { readonly concrete: string };

/** Global functions by name. */
const GLOBAL_CALLS: Readonly<Record<string, CallTreatment>> = {
  isNaN: { op: "isnan", loose: true },
  isFinite: { op: "isfinite", loose: true },
  Boolean: { op: "boolean" },
  Number: { concrete: "Number(...)" },
  String: { concrete: "String(...)" },
  parseFloat: { concrete: "parseFloat(...)" },
  parseInt: { concrete: "parseInt(...)" },
};

/** Functions of global namespaces, by namespace and name. */
const MEMBER_CALLS: Readonly<Record<string, Readonly<Record<string, CallTreatment>>>> = {
  Number: {
    isNaN: { op: "isnan", loose: false },
    isFinite: { op: "isfinite", loose: false },
    isInteger: { concrete: "Number.isInteger(...)" },
    isSafeInteger: { concrete: "Number.isSafeInteger(...)" },
    parseFloat: { concrete: "Number.parseFloat(...)" },
    parseInt: { concrete: "Number.parseInt(...)" },
  },
  JSON: { stringify: { concrete: "JSON.stringify(...)" } },
};

/**
 * The treatment of a call, if its callee is one of the functions above
 * reached through an unshadowed global (`isGlobal` says which identifiers
 * are); null for every other call.
 *
 * @example
 * // for the call isNaN(x[0]) in (x) => isNaN(x[0])
 * callTreatment(call, (id) => free.references.has(id)); // { op: "isnan", loose: true }
 */
export function callTreatment(call: CallExpression, isGlobal: (id: Identifier) => boolean): CallTreatment | null {
  const callee = call.callee;
  if (callee.type === "Identifier") {
    return isGlobal(callee) && Object.hasOwn(GLOBAL_CALLS, callee.name) ? GLOBAL_CALLS[callee.name]! : null;
  }
  if (callee.type !== "MemberExpression" || callee.computed) return null;
  const { object, property } = callee;
  if (object.type !== "Identifier" || property.type !== "Identifier" || !isGlobal(object)) return null;
  const table = Object.hasOwn(MEMBER_CALLS, object.name) ? MEMBER_CALLS[object.name]! : null;
  return table !== null && Object.hasOwn(table, property.name) ? table[property.name]! : null;
}

/**
 * How the rewrite names a place where a traced value would be converted,
 * for `__k.concrete(value, what, line, column)`.
 *
 * @example
 * COERCION_SITES.template; // "a template literal"
 */
export const COERCION_SITES = {
  template: "a template literal",
  computedKey: "a computed property key",
  breakingTest: "the test of an if or switch whose branches use break or continue",
  fallthroughSwitch: "a switch whose cases fall through",
} as const;

/**
 * Whether a node is an expression the rewrite may pass as a call argument
 * (not a spread or a pattern).
 *
 * @example
 * isExpression({ type: "Literal", value: 1 }); // true
 */
export function isExpression(node: Node): node is Expression {
  return node.type !== "SpreadElement" && !node.type.endsWith("Pattern") && node.type !== "RestElement";
}
