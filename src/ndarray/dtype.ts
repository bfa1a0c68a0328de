/**
 * @file The dtypes kernex arrays hold and their typed-array storage.
 * Comparisons give 1 or 0 in the operands' float dtype (there is no bool dtype).
 */
import type { DType } from "../../compiler/primitives";
import { badValue } from "../errors";

export type { DType };

export const dtypes: readonly DType[] = ["float64", "float32"];

export function checkDType(value: unknown, what: string): DType {
  if (value === "float64" || value === "float32") return value;
  return badValue(what, value, '"float64" or "float32"');
}

/** The dtype of an operation on two dtypes: float64 wins. */
export function promote(a: DType, b: DType): DType {
  return a === "float64" || b === "float64" ? "float64" : "float32";
}
