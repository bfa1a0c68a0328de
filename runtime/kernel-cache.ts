/**
 * @file Kernel bodies compiled on the calling thread, cached by hash: the
 * same calling convention as the workers' cache in `worker-source.ts`, so
 * the calling thread runs exactly the code they run, in the LRU of
 * compiler/byte-lru.ts (bounded by entries and by bytes).
 */

import { ByteLru, sourceBytes } from "../compiler/byte-lru";
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

/** Bytes of kernel source (and compiled code) the calling thread keeps: 32 MiB beyond the newest (compiler/byte-lru.ts). */
export const KERNEL_CACHE_BYTES = 32 << 20;

const cache = new ByteLru<string, { readonly body: string; readonly factory: boolean; readonly fn: KernelFn }>("kernel bodies", MAX_KERNELS, KERNEL_CACHE_BYTES);

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
  if (hit !== undefined && hit.body === body && hit.factory === factory) return hit.fn;
  let fn: KernelFn;
  try {
    fn = (factory ? new Function(body)() : new Function("f", "t", "s", "lo", "hi", "k", body)) as KernelFn;
  } catch (e) {
    throw new RuntimeFailure("kernel-compile", `kernel ${hash} does not compile: ${describeThrown(e)}`);
  }
  cache.set(hash, { body, factory, fn }, sourceBytes(body));
  return fn;
}
