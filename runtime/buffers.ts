/**
 * @file Typed-array allocation for kernels: Float64Array / Float32Array (and
 * Int32Array index tables) on a SharedArrayBuffer whenever workers could use
 * them, on a plain ArrayBuffer otherwise. The executor owns the lifetimes;
 * the worker pool (`pool.ts`) only checks that sharded buffers are shared.
 */

import { RuntimeFailure } from "./failure";
import { sharedMemoryUsable } from "./platform";
import { takeBuffer } from "./buffer-pool";

/** Element types of kernel buffers. */
export type FloatDType = "float64" | "float32";

/** A kernel buffer. */
export type FloatArray = Float64Array | Float32Array;

/** Any typed array the runtime hands to kernels. */
export type KernelArray = Float64Array | Float32Array | Int32Array;

/** The element type of a kernel buffer. */
export function dtypeOf(view: FloatArray): FloatDType {
  return view instanceof Float32Array ? "float32" : "float64";
}

/** True if `view` lives on a SharedArrayBuffer (works across realms). */
export function isShared(view: ArrayBufferView): boolean {
  return Object.prototype.toString.call(view.buffer) === "[object SharedArrayBuffer]";
}

/**
 * A zero-filled buffer of `length` elements; shared when `shared` (default:
 * whenever shared memory is usable here, so the pool can shard over it).
 *
 * @example
 * const out = allocate("float64", 1024); // isShared(out) in Node
 */
export function allocate(dtype: FloatDType, length: number, shared: boolean = sharedMemoryUsable()): FloatArray {
  const pooled = takeBuffer(dtype, length, shared && sharedMemoryUsable());
  if (pooled !== null) return pooled.fill(0);
  if (dtype === "float32") return new Float32Array(backing(length * Float32Array.BYTES_PER_ELEMENT, shared));
  return new Float64Array(backing(length * Float64Array.BYTES_PER_ELEMENT, shared));
}

/** Node's allocator of uninitialized memory, where there is one. */
const unsafeBytes: ((bytes: number) => Uint8Array) | undefined = (globalThis as { Buffer?: { allocUnsafeSlow?: (n: number) => Uint8Array } }).Buffer?.allocUnsafeSlow;

/** Bytes of `length` elements of `dtype`. */
export function bytesOf(dtype: FloatDType, length: number): number {
  return length * (dtype === "float32" ? 4 : 8);
}

/**
 * A buffer of `length` elements whose contents are unspecified, for a
 * result the kernel writes in full: a pooled one as it is (a donated
 * buffer, 128 MiB of which took ~10 ms to zero), else fresh. Plain (not
 * shared) unless `shared`; in Node fresh plain memory is not zeroed first
 * (0.4 ms per 8 MiB here, a sixth of a laplacian's 1024² pass); fresh
 * shared memory is zero anyway.
 *
 * @example
 * const out = allocateUninitialized("float64", n); // every element written before any is read
 */
export function allocateUninitialized(dtype: FloatDType, length: number, shared = false): FloatArray {
  const pooled = takeBuffer(dtype, length, shared && sharedMemoryUsable());
  if (pooled !== null) return pooled;
  if (shared) return allocate(dtype, length, true);
  const bytes = bytesOf(dtype, length);
  if (unsafeBytes === undefined || !Number.isSafeInteger(bytes) || bytes <= 0) return allocate(dtype, length, false);
  const buffer = unsafeBytes(bytes).buffer;
  return dtype === "float32" ? new Float32Array(buffer, 0, length) : new Float64Array(buffer, 0, length);
}

/**
 * A copy of `x` on plain (not shared) memory, for a result that leaves
 * kernex (runtime/shared-budget.ts).
 *
 * @example
 * const out = plainCopy(scratch); // !isShared(out)
 */
export function plainCopy(x: FloatArray): FloatArray {
  const c = allocateUninitialized(dtypeOf(x), x.length);
  c.set(x);
  return c;
}

/**
 * A zero-filled Int32Array index table, shared under the same rule as `allocate`.
 *
 * @example
 * const table = allocateInt32(16);
 */
export function allocateInt32(length: number, shared: boolean = sharedMemoryUsable()): Int32Array {
  return new Int32Array(backing(length * Int32Array.BYTES_PER_ELEMENT, shared));
}

function backing(bytes: number, shared: boolean): ArrayBuffer | SharedArrayBuffer {
  if (!Number.isSafeInteger(bytes) || bytes < 0) {
    throw new RuntimeFailure("bad-job", `buffer size must be a non-negative integer byte count, got ${bytes}`);
  }
  if (!shared) return new ArrayBuffer(bytes);
  if (!sharedMemoryUsable()) {
    throw new RuntimeFailure("unavailable", "shared memory is not available (no SharedArrayBuffer, or the page is not cross-origin isolated)");
  }
  return new SharedArrayBuffer(bytes);
}

/**
 * `view` itself if it is already shared, else a shared copy of its elements.
 * Throws RuntimeFailure("unavailable") where shared memory cannot be used.
 *
 * @example
 * const x = toShared(new Float64Array([1, 2, 3])); // isShared(x) && x[2] === 3
 */
export function toShared<T extends KernelArray>(view: T): T {
  if (isShared(view)) return view;
  const copy = sameKind(view, backing(view.length * view.BYTES_PER_ELEMENT, true));
  copy.set(view);
  return copy;
}

function sameKind<T extends KernelArray>(view: T, buffer: ArrayBuffer | SharedArrayBuffer): T {
  if (view instanceof Float64Array) return new Float64Array(buffer) as T;
  if (view instanceof Float32Array) return new Float32Array(buffer) as T;
  return new Int32Array(buffer) as T;
}
