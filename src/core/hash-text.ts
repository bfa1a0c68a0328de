/**
 * @file The workers' compile-cache key of a generated source: an FNV-1a hash
 * and the length, behind a prefix that tells kinds of code apart (a cache
 * key, not a security measure).
 *
 * @example
 * hashText("return 1;", "k"); // "k…_9"
 */

/** FNV-1a hash of `text`, as `${prefix}${hex}_${length}`. */
export function hashText(text: string, prefix: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return `${prefix}${(h >>> 0).toString(16)}_${text.length}`;
}
