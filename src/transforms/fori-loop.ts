/**
 * @file `foriLoop(lower, upper, body, init)`, as `jax.lax.fori_loop`: the
 * body is traced once into a sub-program and the whole loop is one
 * `fori_loop` equation (compiler/fori-loop.ts). Eagerly it runs as one
 * compiled program over buffers it owns (runtime/executor/run-loop.ts); under
 * jit, grad, vmap and jvp the equation is transformed by its rules
 * (rules/loop-jvp.ts, rules/loop-vjp.ts, rules/loop-vmap.ts).
 */
import { badValue, KernexError } from "../errors";
import { NDArray } from "../ndarray/ndarray";
import { bindLoop } from "./rules/loop-common";
import { flattenOutputs } from "./tree";

/** Bound on the number of steps of one loop (far beyond any solver; it keeps step arithmetic exact). */
export const MAX_LOOP_STEPS = 2 ** 31 - 1;

function checkBound(what: string, v: unknown): number {
  if (typeof v !== "number" || !Number.isSafeInteger(v)) return badValue(`foriLoop: ${what}`, v, "an integer (a number, not an array)");
  return v;
}

function describe(x: NDArray): string {
  return `${x.dtype}[${x.shape.join(", ")}]`;
}

/**
 * Run `body(i, carry)` for i = lower, ..., upper - 1, feeding each result to
 * the next step, and return the last carry (`init` when upper ≤ lower).
 * `carry` is an NDArray or (nested) arrays/objects of NDArrays; the body
 * must return the same structure with the same shapes and dtypes. `i` is a
 * 0-d array. The body is traced once: it must not branch in JavaScript on
 * array values (use `kex.where`).
 *
 * @example
 * // 100 explicit steps of the 1-D heat equation
 * const step = kex.smap({ kernelSize: 3, offset: 1 }, (u) => u[1] + 0.25 * (u[0] - 2 * u[1] + u[2]));
 * const u = kex.foriLoop(0, 100, (i, u) => step(u), kex.linspace(0, 1, 32));
 */
export function foriLoop<T>(lower: number, upper: number, body: (i: NDArray, carry: T) => T, init: T): T {
  const lo = checkBound("lower", lower);
  const hi = checkBound("upper", upper);
  if (typeof body !== "function") return badValue("foriLoop: body", body, "a function (i, carry) => carry");
  const flat = flattenOutputs(init, "foriLoop: init");
  const leaves = flat.leaves;
  leaves.forEach((x, j) => {
    if (!NDArray.isNDArray(x)) badValue(`foriLoop: init leaf ${j}`, x, "an NDArray made by kernex");
  });
  const steps = Math.max(0, hi - lo);
  if (steps > MAX_LOOP_STEPS) badValue("foriLoop: upper - lower", steps, `at most ${MAX_LOOP_STEPS} steps`);
  if (steps === 0 || leaves.length === 0) return init;
  const { carries } = bindLoop({ lower: lo, steps, carries: leaves, xs: [], invariants: [] }, (i, cs) => {
    const out = flattenOutputs(body(i, flat.rebuild(cs) as T), "foriLoop: body");
    if (out.leaves.length !== leaves.length) {
      throw new KernexError(`foriLoop: body returned ${out.leaves.length} arrays, expected ${leaves.length} (the structure of init)`);
    }
    out.leaves.forEach((o, j) => {
      const want = leaves[j]!;
      const same = o.dtype === want.dtype && o.shape.length === want.shape.length && o.shape.every((d, k) => d === want.shape[k]);
      if (!same) throw new KernexError(`foriLoop: body returned ${describe(o)} for carry ${j}, expected ${describe(want)} like init (carries keep their shape and dtype)`);
    });
    return { carries: out.leaves, ys: [] };
  });
  return flat.rebuild(carries) as T;
}
