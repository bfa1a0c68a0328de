/**
 * @file Generated factory source → stencil function, via `new Function`,
 * cached by source text in a bounded LRU. (Kernels are rebuilt from their
 * source by src/kernel/index.ts; with `codegen: false` neither runs.)
 */
import { ByteLru, sourceBytes } from "../byte-lru";

/** A compiled stencil body. */
export type CompiledBody = (f: readonly (Float64Array | Float32Array)[], t: readonly Int32Array[], s: readonly number[], lo: number, hi: number, k: number) => void;

/** Distinct generated functions kept alive; older ones are dropped first. */
export const COMPILE_CACHE_SIZE = 256;
/** Bytes of generated source (and its compiled code) kept alive; older functions are dropped first. */
export const COMPILE_CACHE_BYTES = 32 << 20;

const cache = new ByteLru<string, CompiledBody>("generated functions", COMPILE_CACHE_SIZE, COMPILE_CACHE_BYTES);

/** Build (or reuse) the stencil function of a factory source (see emit-stencil.ts). */
export function compileBody(body: string): CompiledBody {
  const hit = cache.get(body);
  if (hit !== undefined) return hit;
  const fn = new Function(`"use strict";\n${body}`)() as CompiledBody;
  cache.set(body, fn, sourceBytes(body));
  return fn;
}

/** Number of cached functions (for tests of the bound). */
export function compileCacheSize(): number {
  return cache.size;
}

/** Bytes the cached functions retain, as counted by the cache (for tests of the bound). */
export function compileCacheBytes(): number {
  return cache.bytes;
}
