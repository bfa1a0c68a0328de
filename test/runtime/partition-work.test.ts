/**
 * @file splitRange / guidedRanges / planRanges: contiguous, balanced,
 * deterministic ranges and the work threshold.
 */
import { describe, expect, it } from "vitest";
import { guidedRanges, MIN_RANGE_WORK, MIN_WORK_PER_THREAD, NS_PER_COPIED_BYTE, planRanges, splitPaysForCopies, splitRange } from "../../runtime/partition-work";
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

describe("guidedRanges", () => {
  it("cuts [0, n) into contiguous ranges, never longer than the one before, none shorter than n/(2·threads·grain) but the last", () => {
    for (const n of [1, 2, 3, 7, 100, 1022, 1024, 4000, 1_000_003]) {
      for (const threads of [2, 3, 4]) {
        for (const grain of [2, 4, 8]) {
          const b = guidedRanges(n, threads, grain);
          expect(b[0]).toBe(0);
          expect(b[b.length - 1]).toBe(n);
          const sizes = b.slice(1).map((hi, r) => hi - b[r]!);
          expect(sizes.every((s) => s >= 1)).toBe(true);
          expect(sizes).toEqual([...sizes].sort((x, y) => y - x));
          const shortest = Math.ceil(n / (2 * threads * grain));
          sizes.slice(0, -1).forEach((s) => expect(s).toBeGreaterThanOrEqual(shortest));
          // the first range is 1/(2·threads) of the job; each one is that share of what is left
          let left = n;
          for (const s of sizes.slice(0, -1)) {
            expect(s).toBe(Math.max(shortest, Math.ceil(left / (2 * threads))));
            left -= s;
          }
          // ranges enough for every thread to take several, not so many that claims cost
          if (n >= 2 * threads * grain) expect(sizes.length).toBeGreaterThanOrEqual(2 * threads);
          expect(sizes.length).toBeLessThanOrEqual(2 * threads * grain + Math.ceil(Math.log(2 * threads * grain) / Math.log(2 * threads / (2 * threads - 1))));
        }
      }
    }
  });

  it("gives the worked example: the last ranges are 1/32 of a two-thread job with grain 8", () => {
    expect(guidedRanges(1024, 2, 8)).toEqual([0, 256, 448, 592, 700, 781, 842, 888, 922, 954, 986, 1018, 1024]);
  });

  it("given the job's work, cuts the last ranges down to MIN_RANGE_WORK units, never below one iteration", () => {
    // a 7×7 blur of 1024² at ~100 units per cell: ~100k units per row, so the shortest range is 6 rows, not 32
    const b = guidedRanges(1024, 2, 8, 1024 * 1024 * 100);
    const sizes = b.slice(1).map((hi, r) => hi - b[r]!);
    expect(b[b.length - 1]).toBe(1024);
    expect(sizes).toEqual([...sizes].sort((x, y) => y - x));
    expect(Math.min(...sizes.slice(0, -1))).toBe(Math.ceil((MIN_RANGE_WORK * 1024) / (1024 * 1024 * 100)));
    expect(sizes.slice(0, 8)).toEqual(guidedRanges(1024, 2, 8).slice(1, 9).map((hi, r) => hi - guidedRanges(1024, 2, 8)[r]!));
    // light rows keep the even floor; heavy single iterations stop at one
    expect(guidedRanges(1024, 2, 8, 1024 * 100)).toEqual(guidedRanges(1024, 2, 8));
    const heavy = guidedRanges(40, 2, 8, 1e12);
    expect(heavy.slice(1).map((hi, r) => hi - heavy[r]!).slice(-3)).toEqual([1, 1, 1]);
    expect(guidedRanges(1024, 2, 8, 0)).toEqual(guidedRanges(1024, 2, 8));
  });

  it("rejects bad arguments with RuntimeFailure", () => {
    expect(() => guidedRanges(10, 2, 8, -1)).toThrow(/work must be a number ≥ 0, got -1/);
    expect(() => guidedRanges(-1, 2, 8)).toThrow(/n must be an integer ≥ 0, got -1/);
    expect(() => guidedRanges(10, 0, 8)).toThrow(/threads must be an integer ≥ 1, got 0/);
    expect(() => guidedRanges(10, 2, 1.5)).toThrow(RuntimeFailure);
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

describe("splitPaysForCopies", () => {
  it("weighs the time saved at the fast end of a unit's cost against the calling thread's copies", () => {
    // a 1024² heat step, 14 units a cell: on a plain input (8 MiB in, half of 8 MiB out) it does not pay
    const heat = 1024 * 1024 * 14;
    expect(splitPaysForCopies(heat, 2, 12 << 20)).toBe(false);
    // on a shared input only the workers' half of the result is copied out
    expect(splitPaysForCopies(heat, 2, 4 << 20)).toBe(true);
    // the closed form: saving work·0.14·(1 − 1/threads) ns against bytes·NS_PER_COPIED_BYTE ns
    const bytes = Math.floor((heat * 0.14 * 0.5) / NS_PER_COPIED_BYTE);
    expect(splitPaysForCopies(heat, 2, bytes - 1024)).toBe(true);
    expect(splitPaysForCopies(heat, 2, bytes + 1024)).toBe(false);
    expect(splitPaysForCopies(heat, 4, 0)).toBe(true);
  });
});
