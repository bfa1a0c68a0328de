/**
 * @file Reproducible inputs for the benchmarks: n values in [0, 1) from a
 * linear congruential generator seeded with `seed` (the same values on
 * every run and machine).
 *
 * @example
 * random(4, 1); // Float64Array of 4 values in [0, 1)
 */
export function random(n: number, seed: number): Float64Array {
  let s = seed >>> 0;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    s = (s * 1664525 + 1013904223) >>> 0;
    out[i] = s / 4294967296;
  }
  return out;
}
