/**
 * @file `jit(f, { donate })`, as JAX's `donate_argnums`: the donated
 * arguments' buffers go back to the buffer pool (runtime/buffer-pool.ts)
 * after the call, so the next result of that size is written into them
 * instead of fresh memory. A synchronous loop `u = f(u)` with
 * `f = jit(F, { donate: [0] })` thus steps over two buffers, like a
 * hand-written ping-pong. The donated array itself is dead: reading it is a
 * KernexError that names the jitted function and where jit was called.
 */
import type { Storage } from "../ndarray/storage";
import { recycleBuffer } from "../../runtime/buffer-pool";
import { badValue } from "../errors";
import { Tracer } from "../core/trace";
import { NDArray } from "../ndarray/ndarray";

/**
 * The donated argument positions of a `donate` option (a number or an array of them).
 *
 * @example
 * donatedPositions([0, 2]); // [0, 2]
 */
export function donatedPositions(donate: unknown): number[] {
  if (donate === undefined) return [];
  const list = typeof donate === "number" ? [donate] : donate;
  if (!Array.isArray(list) || list.some((i) => !Number.isSafeInteger(i) || i < 0)) {
    return badValue("jit: donate", donate, "an argument position (a non-negative integer) or an array of them, like JAX's donate_argnums");
  }
  return [...new Set(list as number[])];
}

/** `file:line` of the code that called `jit` (the stack frame above jit itself), or "". */
export function callerSite(): string {
  const lines = (new Error().stack ?? "").split("\n").map((l) => l.trim()).filter((l) => l.startsWith("at "));
  // [0] callerSite, [1] jit, [2] the caller of jit
  const frame = lines[2] ?? "";
  const m = /\(?([^()\s]+:\d+:\d+)\)?$/.exec(frame);
  return m ? m[1]! : "";
}

/**
 * Before a call: every donated position names an array argument.
 *
 * @example
 * checkDonated([u], [0]);
 */
export function checkDonated(args: readonly unknown[], positions: readonly number[]): void {
  for (const i of positions) {
    if (i >= args.length) badValue("jit: donate", i, `an argument position below ${args.length} (the function was called with ${args.length} arguments)`);
    const a = args[i];
    if (!(a instanceof NDArray) || !NDArray.isNDArray(a)) badValue(`jit: donated argument ${i}`, a, "an NDArray (only arrays can be donated)");
  }
}

/**
 * After an eager call: give up the donated arguments' buffers. An argument
 * that is also a result (or shares its buffer with one, or with a value the
 * function captured) keeps its buffer.
 *
 * @example
 * donateArguments(args, [0], outs, captured, "jit(step) as argument 0");
 */
export function donateArguments(args: readonly unknown[], positions: readonly number[], results: readonly NDArray[], captured: readonly NDArray[], where: (i: number) => string): void {
  const kept = new Set<Storage>();
  for (const r of [...results, ...captured]) if (!(r instanceof Tracer)) kept.add(r.data);
  for (const i of positions) {
    const a = args[i] as NDArray;
    if (a instanceof Tracer || kept.has(a.data)) continue;
    const s = a.donateStorage(where(i));
    if (s !== null) recycleBuffer(s);
  }
}
