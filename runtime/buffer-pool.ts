/**
 * @file Recycled result buffers. Fresh memory is the slow part of a result
 * on every machine (a page fault per 4 KiB page the first time it is
 * written, most of all for SharedArrayBuffers), so buffers whose arrays can
 * no longer be read — a donated argument's (src/transforms/donate.ts) —
 * come back here, and `allocate` / `allocateUninitialized` (buffers.ts)
 * take from here before asking the engine for new memory.
 *
 * Buffers are pooled by kind (float64/float32, shared or not) and length;
 * only whole buffers (a view over all of its backing store) are kept, and
 * at most POOL_BYTES in all: beyond that the oldest are dropped for the
 * garbage collector.
 */
import type { FloatArray, FloatDType } from "./buffers";

/**
 * Bytes the pool keeps at most: enough for the two buffers of a 2048²
 * float64 grid stepping `u = f(u)` a few times over, small next to the
 * memory such a program holds anyway.
 */
export const POOL_BYTES = 256 << 20;

/** Free buffers by kind and length (a number key: no string is built per allocation). */
const free = new Map<number, FloatArray[]>();
let pooledBytes = 0;

function keyOf(dtype: FloatDType, length: number, shared: boolean): number {
  return length * 4 + (dtype === "float32" ? 2 : 0) + (shared ? 1 : 0);
}

function isSharedView(x: FloatArray): boolean {
  return typeof SharedArrayBuffer !== "undefined" && x.buffer instanceof SharedArrayBuffer;
}

/**
 * Give a buffer back: nothing may read or write it afterwards.
 *
 * @example
 * recycleBuffer(donated.data); // the next result of this size reuses it
 */
export function recycleBuffer(x: FloatArray): void {
  if (x.byteOffset !== 0 || x.byteLength !== x.buffer.byteLength || x.length === 0) return;
  if (x.byteLength > POOL_BYTES) return;
  const dtype: FloatDType = x instanceof Float32Array ? "float32" : "float64";
  const key = keyOf(dtype, x.length, isSharedView(x));
  const list = free.get(key) ?? [];
  if (list.includes(x)) return;
  list.push(x);
  free.set(key, list);
  pooledBytes += x.byteLength;
  while (pooledBytes > POOL_BYTES) {
    const [oldestKey, oldest] = free.entries().next().value!;
    const dropped = oldest.shift()!;
    pooledBytes -= dropped.byteLength;
    if (oldest.length === 0) free.delete(oldestKey);
  }
}

/**
 * A pooled buffer of this kind and length (contents unspecified), or null.
 *
 * @example
 * takeBuffer("float64", 4096, false) ?? new Float64Array(4096);
 */
export function takeBuffer(dtype: FloatDType, length: number, shared: boolean): FloatArray | null {
  if (free.size === 0) return null;
  const key = keyOf(dtype, length, shared);
  const list = free.get(key);
  if (list === undefined) return null;
  const x = list.pop()!;
  if (list.length === 0) free.delete(key);
  pooledBytes -= x.byteLength;
  return x;
}

/** Results smaller than this are not tracked: their allocation is cheap next to a registry entry. */
export const MIN_TRACKED_ELEMENTS = 1024;

interface Dropped {
  readonly buffer: ArrayBufferLike;
  readonly length: number;
  readonly f32: boolean;
}

/**
 * Result buffers come back when their typed arrays are collected: the
 * registry holds the backing store (not the view), so once no view of it
 * is reachable — the NDArray and every `.data` handed out are gone — the
 * store goes back to the pool, between turns of the event loop. (A view
 * made from `.data` with `subarray` or over `.data.buffer` does not keep it
 * out of the pool: keep `.data` itself, or copy.)
 */
const registry: FinalizationRegistry<Dropped> | null =
  typeof FinalizationRegistry === "undefined"
    ? null
    : new FinalizationRegistry<Dropped>((d) => {
        pendingBytes -= d.buffer.byteLength;
        recycleBuffer(d.f32 ? new Float32Array(d.buffer, 0, d.length) : new Float64Array(d.buffer, 0, d.length));
      });

/**
 * Bytes of tracked stores not yet given back. The registry holds each store
 * until its callback runs, between turns of the event loop, so a
 * synchronous loop of calls would pin every result it drops: fresh pages on
 * every call (a 1024² laplacian took 28 ms a call instead of 4) and memory
 * that grows with the loop. Beyond PENDING_BYTES results are not tracked,
 * and the garbage collector frees them as it would without a pool.
 */
let pendingBytes = 0;
const PENDING_BYTES = 64 << 20;

/**
 * Track a fresh result buffer: when it is collected, its store is recycled.
 *
 * @example
 * trackResult(out); // after wrapping it in the result NDArray
 */
export function trackResult(x: FloatArray): void {
  if (registry === null || x.length < MIN_TRACKED_ELEMENTS || x.byteOffset !== 0 || x.byteLength !== x.buffer.byteLength) return;
  // a view handed out again from the pool is registered once: two entries would recycle one store twice
  if (tracked.has(x) || pendingBytes + x.byteLength > PENDING_BYTES) return;
  tracked.add(x);
  pendingBytes += x.byteLength;
  registry.register(x, { buffer: x.buffer, length: x.length, f32: x instanceof Float32Array }, x);
}

/**
 * Stop tracking `x` (trackResult): its buffer is about to be recycled by
 * hand, so the registry must not recycle it again when `x` is collected.
 *
 * @example
 * forgetResult(intermediate); recycleBuffer(intermediate);
 */
export function forgetResult(x: FloatArray): void {
  if (registry === null || !tracked.delete(x)) return;
  registry.unregister(x);
  pendingBytes -= x.byteLength;
}

/** Views registered already. */
const tracked = new WeakSet<FloatArray>();

/** Bytes of dropped-or-live tracked results whose stores the registry still holds (for tests). */
export function pendingByteCount(): number {
  return pendingBytes;
}

/** Bytes held by the pool (for tests). */
export function pooledByteCount(): number {
  return pooledBytes;
}
