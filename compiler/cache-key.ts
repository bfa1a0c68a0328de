/**
 * @file Cache keys: the structural key of a kernel (runtime/kernel-cache.ts
 * keys compiled stencils, sweeps and loops by it) and the hash of a generated
 * source (the workers' cache key). Structural keys are JSON, except that
 * numbers JSON cannot tell apart keep their identity. `JSON.stringify` writes NaN,
 * Infinity and -Infinity as `null` and -0 as `0`, so a stencil with
 * `padValue: Infinity` would find the code compiled for `padValue: NaN`.
 */

function distinctNumbers(_key: string, value: unknown): unknown {
  if (typeof value !== "number") return value;
  if (Number.isNaN(value)) return "#NaN";
  if (value === Infinity) return "#Infinity";
  if (value === -Infinity) return "#-Infinity";
  if (Object.is(value, -0)) return "#-0";
  return value;
}

/**
 * A string that equals another's only when the values are structurally
 * equal, numbers compared with Object.is.
 *
 * @example
 * cacheKey({ padValue: NaN }) === cacheKey({ padValue: Infinity }); // false
 */
export function cacheKey(value: unknown): string {
  return JSON.stringify(value, distinctNumbers);
}

/**
 * The workers' compile-cache key of a generated source: an FNV-1a hash and
 * the length, behind a prefix that tells kinds of code apart (a cache key,
 * not a security measure).
 *
 * @example
 * hashText("return 1;", "k"); // "k…_9"
 */
export function hashText(text: string, prefix: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return `${prefix}${(h >>> 0).toString(16)}_${text.length}`;
}
