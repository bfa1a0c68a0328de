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

/** Bytes held by the pool (for tests). */
export function pooledByteCount(): number {
  return pooledBytes;
}
