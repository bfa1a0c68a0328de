/** @file Deterministic test inputs shared by the browser corpora (test/browser/*-corpus.js), in Node and in pages. */

/**
 * `length` values in [-1, 1) from the seed (mulberry32).
 *
 * @example
 * randomData(3, 1); // three numbers in [-1, 1), the same on every run
 */
export function randomData(length, seed) {
  let a = seed >>> 0;
  return Array.from({ length }, () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return 2 * (((t ^ (t >>> 14)) >>> 0) / 4294967296) - 1;
  });
}
