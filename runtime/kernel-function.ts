/**
 * @file A kernel function from its body text, with the calling convention
 * of the workers (runtime/worker-source.ts), so that the calling thread runs
 * exactly the code they run. Not cached here: compiled kernels live in the
 * one kernel cache (runtime/kernel-cache.ts) and reach the pool with their
 * function (`Job.fn`); a job without one is compiled once per run.
 */
import { describeThrown, RuntimeFailure } from "./failure";

/** A compiled kernel: outer-loop range [lo, hi) of step k. */
export type KernelFn = (
  f: readonly (Float64Array | Float32Array)[],
  t: readonly Int32Array[],
  s: readonly number[] | undefined,
  lo: number,
  hi: number,
  k: number,
) => void;

/**
 * What a kernel without scalars gets as its `s` parameter: stencils and
 * sweeps never read it; only a loop's generated function does (its steps,
 * lower bound and first step, Job.scalars). The parameter stays in the
 * generated functions' signature `(f, t, s, lo, hi, k)` for now; to drop
 * it, change the emitters (compiler/codegen/emit-stencil.ts, emit-sweep.ts,
 * emit-loop.ts, which would pass the loop's scalars another way), the
 * workers' call (worker-source.ts) and the uses of this constant together.
 */
export const NO_SCALARS = undefined;

/**
 * Compile `body` as `function (f, t, s, lo, hi, k) { body }` (or, for a
 * factory, run it once to get the function). A syntax error becomes
 * RuntimeFailure("kernel-compile").
 *
 * @example
 * const fn = compileKernel("double", "for (let i = lo; i < hi; i++) f[1][i] = 2 * f[0][i];");
 */
export function compileKernel(hash: string, body: string, factory = false): KernelFn {
  try {
    return (factory ? new Function(body)() : new Function("f", "t", "s", "lo", "hi", "k", body)) as KernelFn;
  } catch (e) {
    throw new RuntimeFailure("kernel-compile", `kernel ${hash} does not compile: ${describeThrown(e)}`);
  }
}
