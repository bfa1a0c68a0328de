/**
 * @file Calls whose results are likely to come back. A jitted call that
 * donates an argument is usually a step of `u = f(u)`: its result is the
 * next step's donated argument, back in the buffer pool a step later (and
 * its intermediates are back when the call ends: src/core/eager.ts
 * recycleIntermediates). While such a call runs, a sharded stencil writes
 * a result that would otherwise
 * go through scratch (runtime/executor/stencil-buffers.ts) straight into
 * shared memory — the buffer the last step donated, or once a fresh one —
 * so the loop's steps alternate between two shared buffers, with no input
 * copied to scratch and no result copied out. (Without it the results were
 * plain, so every other step copied its input to scratch: a sharded 1024²
 * donated heat loop ran at 0.71× its one-thread speed.)
 */
import { scopedFlag } from "./scoped-flag";

const flag = scopedFlag();

/**
 * Run `call`, a call whose results are likely to be donated back.
 *
 * @example
 * const outs = whileResultsReturn(() => runProgram(entry, args));
 */
export function whileResultsReturn<T>(call: () => T): T {
  return flag.during(call);
}

/** Is a call whose results are likely to come back running? */
export function resultsReturn(): boolean {
  return flag.active();
}
