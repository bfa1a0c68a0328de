/**
 * @file What a kernel receives for the extra arguments of a stencil call
 * (`conv(x, w, options)` calls `kernel(window, w, options)`): NDArrays
 * (traced) and primitives as they are; arrays and plain objects as frozen
 * deep copies, so `a.push(7)` or `Object.assign(a, ...)` in a kernel throws
 * instead of changing the caller's array; typed arrays, Maps, Sets and
 * Dates as copies; functions and instances of other classes (an Error the
 * kernel rethrows, an object with methods) as they are: they keep their
 * identity and run as the caller wrote them.
 * Pairs with kmap.ts, which also keys its trace cache by these copies'
 * contents, so changing an array between calls is seen by the next call.
 */
import { cacheKey } from "../../compiler/cache-key";
import { NDArray } from "../ndarray/ndarray";

/** Deepest nesting copied; deeper values are passed as they are (kernels read a few levels at most). */
const MAX_COPY_DEPTH = 32;

/**
 * A copy of `value` a kernel cannot use to change the caller's objects.
 *
 * @example
 * const w = [1, 2];
 * const copy = frozenArgument(w) as number[]; // Object.isFrozen(copy) === true, copy !== w
 */
export function frozenArgument(value: unknown, depth = 0): unknown {
  if (typeof value !== "object" || value === null || value instanceof NDArray || depth > MAX_COPY_DEPTH) return value;
  if (ArrayBuffer.isView(value)) return value instanceof DataView ? new DataView(value.buffer.slice(0)) : (value as unknown as { slice(): unknown }).slice();
  if (value instanceof Map) return new Map([...value].map(([k, v]) => [k, frozenArgument(v, depth + 1)]));
  if (value instanceof Set) return new Set(value);
  if (value instanceof Date) return new Date(value.getTime());
  if (Array.isArray(value)) return Object.freeze(Array.from(value as unknown[], (v) => frozenArgument(v, depth + 1)));
  const proto = Object.getPrototypeOf(value) as object | null;
  // instances of classes (an Error to rethrow, an object with methods) keep their identity, like functions
  if (proto !== Object.prototype && proto !== null) return value;
  const copy = Object.create(proto) as Record<string, unknown>;
  // defineProperty, not assignment: an own "__proto__" key stays a key
  for (const key of Object.keys(value)) Object.defineProperty(copy, key, { value: frozenArgument((value as Record<string, unknown>)[key], depth + 1), enumerable: true });
  return Object.freeze(copy);
}

/** Longest content key kept (characters): larger arguments are keyed by identity, so a trace cache never holds megabytes of keys. */
const MAX_CONTENT_KEY = 4096;

/**
 * A trace-cache key part for a frozen copy: its contents when they are
 * plain data (numbers, strings, booleans, null, arrays and plain objects of
 * them) of at most MAX_CONTENT_KEY characters, else null (the caller keys
 * the value by identity).
 *
 * @example
 * contentKey(Object.freeze([1, 2])); // "[1,2]"
 */
export function contentKey(value: unknown): string | null {
  const plain = (v: unknown, depth: number): boolean => {
    if (v === null || typeof v === "number" || typeof v === "string" || typeof v === "boolean") return true;
    if (typeof v !== "object" || depth > MAX_COPY_DEPTH) return false;
    const proto = Object.getPrototypeOf(v) as unknown;
    if (Array.isArray(v)) return (v as unknown[]).every((e) => plain(e, depth + 1));
    return (proto === Object.prototype || proto === null) && Object.values(v as object).every((e) => plain(e, depth + 1));
  };
  if (!plain(value, 0)) return null;
  const key = cacheKey(value);
  return key.length <= MAX_CONTENT_KEY ? key : null;
}
