/**
 * @file splitRange / planRanges: contiguous, balanced, deterministic ranges
 * and the work threshold.
 */
import { describe, expect, it } from "vitest";
import { MIN_WORK_PER_THREAD, planRanges, splitRange } from "../../runtime/partition-work";
import { RuntimeFailure } from "../../runtime/failure";

describe("splitRange", () => {
  it("cuts [0, n) into contiguous ranges whose sizes differ by at most one", () => {
    for (const n of [0, 1, 2, 7, 10, 101, 1_000_003]) {
      for (const parts of [1, 2, 3, 4, 7, 16]) {
        const b = splitRange(n, parts);
        expect(b).toHaveLength(parts + 1);
        expect(b[0]).toBe(0);
        expect(b[parts]).toBe(n);
        const sizes = b.slice(1).map((hi, r) => hi - b[r]);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
        expect(sizes).toEqual([...sizes].sort((x, y) => y - x)); // longer ranges first
      }
    }
  });

  it("gives the worked example", () => {
    expect(splitRange(10, 3)).toEqual([0, 4, 7, 10]);
  });

  it("rejects bad arguments with RuntimeFailure", () => {
    expect(() => splitRange(-1, 2)).toThrow(RuntimeFailure);
    expect(() => splitRange(4, 0)).toThrow(/parts must be a positive integer, got 0/);
  });
});

describe("planRanges", () => {
  it("never makes more ranges than iterations or threads", () => {
    expect(planRanges(0, 4)).toBe(0);
    expect(planRanges(3, 8)).toBe(3);
    expect(planRanges(1_000_000, 4)).toBe(4);
  });

  it("keeps small work on one thread and gives each thread at least MIN_WORK_PER_THREAD", () => {
    expect(planRanges(1_000_000, 4, MIN_WORK_PER_THREAD - 1)).toBe(1);
    expect(planRanges(1_000_000, 4, 2 * MIN_WORK_PER_THREAD)).toBe(2);
    expect(planRanges(1_000_000, 4, 100 * MIN_WORK_PER_THREAD)).toBe(4);
  });
});
