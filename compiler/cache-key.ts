/**
 * @file Cache keys from structured values: JSON, except that numbers JSON
 * cannot tell apart keep their identity. `JSON.stringify` writes NaN,
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
