/**
 * @file Where a read outside an array lands, for each padding mode
 * (numpy.pad's definitions, extended periodically for pads wider than the array).
 */
import type { PadMode } from "../primitives";

/**
 * Source index of coordinate `i` on an axis of length `n`, or -1 when the read
 * yields the constant pad value.
 *
 * @example
 * padIndex(-1, 4, "reflect"); // 1   (d c b | a b c d | c b a)
 * padIndex(-1, 4, "symmetric"); // 0 (c b a | a b c d | d c b)
 */
export function padIndex(i: number, n: number, mode: PadMode): number {
  if (i >= 0 && i < n) return i;
  switch (mode) {
    case "constant":
      return -1;
    case "edge":
      return i < 0 ? 0 : n - 1;
    case "wrap":
      return ((i % n) + n) % n;
    case "reflect": {
      if (n === 1) return 0;
      const p = 2 * (n - 1);
      const m = ((i % p) + p) % p;
      return m < n ? m : p - m;
    }
    case "symmetric": {
      const p = 2 * n;
      const m = ((i % p) + p) % p;
      return m < n ? m : p - 1 - m;
    }
  }
}
