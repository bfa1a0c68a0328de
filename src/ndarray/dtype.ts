/**
 * @file The dtypes kernex arrays hold and their typed-array storage.
 * Comparisons give 1 or 0 in the operands' float dtype (there is no bool dtype).
 *
 * Precision. float64 is IEEE double throughout. float32 arrays hold IEEE
 * single values (about 7 significant digits; values beyond ±3.4e38 become
 * ±Infinity): each operation on float32 values computes in double and rounds
 * its result to float32 (Math.fround) before the next one, and numbers used
 * with them (literals, scope constants, padValue) are rounded to float32 too.
 * For + - * / that is the correctly rounded single-precision result; for
 * exp, sin, ... it is the double result rounded once. Eager array functions,
 * the interpreter (`codegen: false`) and compiled kernels all round this way,
 * so they give the same bits. float32 with float64 operands promotes to
 * float64. NaN and ±Infinity follow IEEE arithmetic in both dtypes.
 */
import type { DType } from "../../compiler/primitives";
import { badValue } from "../errors";

export type { DType };

/**
 * Every dtype kernex supports.
 *
 * @example
 * dtypes.includes("float32"); // true
 */
export const dtypes: readonly DType[] = ["float64", "float32"];

/**
 * The value as a DType, or a KernexError naming `what`.
 *
 * @example
 * checkDType("float32", "array: dtype"); // "float32"
 */
export function checkDType(value: unknown, what: string): DType {
  if (value === "float64" || value === "float32") return value;
  return badValue(what, value, '"float64" or "float32"');
}

/**
 * The dtype of an operation on two dtypes: float64 wins.
 *
 * @example
 * promote("float32", "float64"); // "float64"
 */
export function promote(a: DType, b: DType): DType {
  return a === "float64" || b === "float64" ? "float64" : "float32";
}
