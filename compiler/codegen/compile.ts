/**
 * @file Generated factory source → stencil function, via `new Function`,
 * cached by source text in a bounded LRU. (Kernels are rebuilt from their
 * source by src/kernel/index.ts; with `codegen: false` neither runs.)
 */

/** A compiled stencil body. */
export type CompiledBody = (f: readonly (Float64Array | Float32Array)[], t: readonly Int32Array[], s: readonly number[], lo: number, hi: number, k: number) => void;

/** Distinct generated functions kept alive; older ones are dropped first. */
export const COMPILE_CACHE_SIZE = 256;

const cache = new Map<string, CompiledBody>();

/** Build (or reuse) the stencil function of a factory source (see emit-stencil.ts). */
export function compileBody(body: string): CompiledBody {
  const hit = cache.get(body);
  if (hit !== undefined) {
    cache.delete(body);
    cache.set(body, hit);
    return hit;
  }
  const fn = new Function(`"use strict";\n${body}`)() as CompiledBody;
  cache.set(body, fn);
  if (cache.size > COMPILE_CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return fn;
}

/** Number of cached functions (for tests of the bound). */
export function compileCacheSize(): number {
  return cache.size;
}
