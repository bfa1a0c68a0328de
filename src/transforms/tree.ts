/**
 * @file Flattening of function results: an NDArray, a number, or (nested)
 * arrays/objects of them, to a list of arrays and back.
 */
import { KernexError, show } from "../errors";
import { NDArray } from "../ndarray/ndarray";

/**
 * A function result: an array, or nested arrays and objects of arrays.
 *
 * @example
 * const result: Tree = { value: kex.ones([]), parts: [kex.zeros([2])] };
 */
export type Tree = NDArray | readonly Tree[] | { readonly [k: string]: Tree };

/**
 * A flattened result: its arrays in order, and how to put arrays back in their places.
 *
 * @example
 * const { leaves, rebuild } = flattenOutputs([kex.ones([2]), 3], "jit"); // two leaves
 */
export interface Flat {
  /** The arrays, depth first. */
  readonly leaves: NDArray[];
  /** The same structure with these arrays in place of the leaves. */
  readonly rebuild: (leaves: readonly NDArray[]) => unknown;
}

/**
 * Flatten a result into arrays (numbers become 0-d arrays).
 *
 * @example
 * flattenOutputs({ a: kex.ones([2]), b: [1, 2] }, "jit").leaves.length; // 3
 */
export function flattenOutputs(value: unknown, what: string): Flat {
  const leaves: NDArray[] = [];
  const build = (v: unknown): ((ls: readonly NDArray[]) => unknown) => {
    if (v instanceof NDArray) {
      const i = leaves.push(v) - 1;
      return (ls) => ls[i];
    }
    if (typeof v === "number") {
      const i = leaves.push(NDArray.scalar(v)) - 1;
      return (ls) => ls[i];
    }
    if (Array.isArray(v)) {
      const parts = v.map(build);
      return (ls) => parts.map((p) => p(ls));
    }
    if (typeof v === "object" && v !== null && Object.getPrototypeOf(v) === Object.prototype) {
      const entries = Object.entries(v).map(([k, x]) => [k, build(x)] as const);
      return (ls) => Object.fromEntries(entries.map(([k, p]) => [k, p(ls)]));
    }
    throw new KernexError(`${what}: the function returned ${show(v)}; expected an NDArray, a number, or arrays/objects of them`);
  };
  const rebuild = build(value);
  return { leaves, rebuild };
}
