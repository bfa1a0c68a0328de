/**
 * @file The kernel cache: every compiled stencil, sweep and loop of this
 * thread (with the generated function each runs, built on first run), in
 * one LRU bounded by entries and by retained bytes (compiler/byte-lru.ts),
 * keyed by the structural key of compiler/cache-key.ts behind the kind's
 * name. The same geometry and kernels give the same code, so every eager
 * call, jitted program and loop body with that structure shares one entry.
 *
 * A structural key prints the kernels' programs, which costs more than a
 * small call's loop; `memoKey` remembers each params object's key per
 * shape signature in a WeakMap (it keeps no kernel alive: the entry itself
 * can be dropped by the LRU and is rebuilt under the same key).
 *
 * The workers keep their own per-thread copy of what they ran
 * (runtime/worker-source.ts, keyed by the source's hash): functions cannot
 * cross threads.
 */
import { ByteLru } from "../compiler/byte-lru";
import type { CompiledLoop } from "./executor/loop-kernel";
import type { CompiledStencil } from "./executor/stencil-kernel";
import type { CompiledSweep } from "./executor/sweep-kernel";

/** Kernels kept compiled (stencils, sweeps and loops together); the least recently used is dropped first. */
export const KERNEL_CACHE_SIZE = 384;
/**
 * Bytes compiled kernels may retain (index tables, source and compiled
 * code): 192 MiB beyond the newest entry (see ByteLru). A count alone does
 * not bound memory: a 1-D stencil keeps 4 bytes of table per padded cell.
 */
export const KERNEL_CACHE_BYTES = 192 << 20;

/** What each kind of entry holds (null: the kernel cannot be compiled and is interpreted). */
export interface KernelKinds {
  readonly stencil: CompiledStencil | null;
  readonly sweep: CompiledSweep | null;
  readonly loop: CompiledLoop;
}

type Kind = keyof KernelKinds;
type Entry = { readonly [K in Kind]: { readonly kind: K; readonly value: KernelKinds[K] } }[Kind];

const cache = new ByteLru<string, Entry>("compiled kernels", KERNEL_CACHE_SIZE, KERNEL_CACHE_BYTES);
const keys = new WeakMap<object, Map<string, string>>();
/** The key each built value was cached under, for chargeKernel. */
const owners = new WeakMap<object, string>();

/**
 * The entry cachedKernel returned last, and its key: the cache's most
 * recently used entry (every get and set goes through cachedKernel, and a
 * set never drops the entry it stores), so it is still in the cache.
 */
let last: { readonly key: string; readonly entry: Entry } | null = null;

/**
 * The entry of `kind` under `key` (a key from memoKey, which names the
 * kind), built (and charged `bytesOf` its value) on a miss. The key string
 * is the one memoKey keeps, so a hit hashes nothing: V8 keeps a string's
 * hash with it.
 *
 * @example
 * cachedKernel("sweep", memoKey("sweep", p, shapeKey, structural), build, sweepBytes);
 */
export function cachedKernel<K extends Kind>(kind: K, key: string, build: () => KernelKinds[K], bytesOf: (value: KernelKinds[K]) => number): KernelKinds[K] {
  // a call of the kernel called last (a jitted function in a loop) skips the LRU's reordering
  if (last !== null && last.key === key && last.entry.kind === kind) return last.entry.value as KernelKinds[K];
  const hit = cache.get(key);
  if (hit !== undefined && hit.kind === kind) {
    last = { key, entry: hit };
    return hit.value as KernelKinds[K];
  }
  const value = build();
  const entry = { kind, value } as Entry;
  cache.set(key, entry, 2 * key.length + bytesOf(value));
  if (value !== null) owners.set(value, key);
  last = { key, entry };
  return value;
}

/**
 * Count `bytes` more with the cached kernel `value`: what is built later and
 * kept with it (a stencil's WebAssembly modules, runtime/wasm/wasm-kernel.ts),
 * so the byte bound covers it. Nothing when `value` is no longer cached (what
 * it keeps goes with it).
 *
 * @example
 * chargeKernel(compiled, wasmKernelBytes(kernel));
 */
export function chargeKernel(value: object, bytes: number): void {
  const key = owners.get(value);
  if (key !== undefined && cache.peek(key)?.value === value) cache.charge(key, bytes);
  // the charge may have dropped the entry returned last to fit the bound
  if (last !== null && cache.peek(last.key) === undefined) last = null;
}

/**
 * The kernel cache key of `params` for the shapes `shapeKey` names: the
 * kind and the structural key `structural` computes, once per params object
 * and shape signature.
 *
 * @example
 * memoKey("sweep", params, "float64|3,3", () => cacheKey({ ... }));
 */
export function memoKey(kind: Kind, params: object, shapeKey: string, structural: () => string): string {
  let perParams = keys.get(params);
  if (perParams === undefined) keys.set(params, (perParams = new Map()));
  let key = perParams.get(shapeKey);
  if (key === undefined) perParams.set(shapeKey, (key = `${kind}:${structural()}`));
  return key;
}

/** Entries kept (for tests of the bound). */
export function kernelCacheSize(): number {
  return cache.size;
}

/** Bytes the entries retain, as the cache counts them (for tests of the bound). */
export function kernelCacheBytes(): number {
  return cache.bytes;
}

/** Bytes of a list of index tables. */
export function tableBytes(tables: readonly Int32Array[]): number {
  let n = 0;
  for (const t of tables) n += t.byteLength;
  return n;
}
