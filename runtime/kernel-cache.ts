/**
 * @file Kernel bodies compiled on the calling thread, cached by hash: the
 * same calling convention and the same LRU policy as the workers' cache in
 * `worker-source.ts`, so the calling thread runs exactly the code they run.
 */

import { describeThrown, RuntimeFailure } from "./failure";
import { MAX_KERNELS } from "./worker-source";

/** A compiled kernel: outer-loop range [lo, hi) of step k. */
export type KernelFn = (
  f: readonly (Float64Array | Float32Array)[],
  t: readonly Int32Array[],
  s: readonly number[],
  lo: number,
  hi: number,
  k: number,
) => void;

const cache = new Map<string, { readonly body: string; readonly factory: boolean; readonly fn: KernelFn }>();

/**
 * Compile `body` as `function (f, t, s, lo, hi, k) { body }` (or, for a
 * factory, run it once to get the function), cached by `hash`
 * (a hit also requires the same body text, so a hash collision recompiles
 * instead of running the wrong code). A syntax error becomes
 * RuntimeFailure("kernel-compile").
 *
 * @example
 * const fn = compileKernel("double", "for (let i = lo; i < hi; i++) f[1][i] = 2 * f[0][i];");
 */
export function compileKernel(hash: string, body: string, factory = false): KernelFn {
  const hit = cache.get(hash);
  if (hit !== undefined && hit.body === body && hit.factory === factory) {
    cache.delete(hash);
    cache.set(hash, hit);
    return hit.fn;
  }
  let fn: KernelFn;
  try {
    fn = (factory ? new Function(body)() : new Function("f", "t", "s", "lo", "hi", "k", body)) as KernelFn;
  } catch (e) {
    throw new RuntimeFailure("kernel-compile", `kernel ${hash} does not compile: ${describeThrown(e)}`);
  }
  cache.delete(hash);
  cache.set(hash, { body, factory, fn });
  if (cache.size > MAX_KERNELS) {
    const oldest = cache.keys().next();
    if (oldest.done !== true) cache.delete(oldest.value);
  }
  return fn;
}
