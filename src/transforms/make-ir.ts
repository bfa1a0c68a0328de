/**
 * @file makeIR(f)(...args): the traced program IR of f before optimization,
 * printed by the one IR printer.
 */
import type { Program } from "../../compiler/ir";
import { printProgram } from "../../compiler/ir-print";
import { stage } from "../core/trace";
import { badValue } from "../errors";
import { NDArray } from "../ndarray/ndarray";
import { flattenOutputs } from "./tree";

/**
 * A traced program and its listing.
 *
 * @example
 * const listing: kex.ProgramListing = kex.makeIR((x) => kex.neg(x))(kex.ones([2]));
 * listing.toString(); // "{ lambda a:f64[2] .\n  let b:f64[2] = neg a\n  in (b) }"
 */
export interface ProgramListing {
  /** The program IR (see compiler/ir.ts for its grammar). */
  readonly program: Program;
  /** One line per equation, shapes shown. */
  toString(): string;
}

/**
 * Trace f for the shapes and dtypes of args.
 *
 * @example
 * kex.makeIR((x) => kex.sum(kex.mul(x, x)))(kex.ones([3])).toString();
 * // { lambda a:f64[3] .
 * //   let b:f64[3] = mul a a
 * //   let c:f64[] = reduce_sum [ axes=(0) ] b
 * //   in (c) }
 */
export function makeIR(f: (...args: NDArray[]) => unknown): (...args: NDArray[]) => ProgramListing {
  if (typeof f !== "function") return badValue("makeIR", f, "a function");
  return (...args: NDArray[]) => {
    args.forEach((a, i) => {
      if (!(a instanceof NDArray)) badValue(`makeIR: argument ${i}`, a, "an NDArray");
    });
    const staged = stage(args.map((a) => ({ shape: a.shape, dtype: a.dtype })), (...xs) => flattenOutputs(f(...xs), "makeIR").leaves);
    return { program: staged.program, toString: () => printProgram(staged.program) };
  };
}
