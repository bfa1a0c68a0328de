/**
 * @file Slice specs resolve exactly as numpy indexes `np.arange(n)`: the
 * expected positions below are numpy's results, computed by hand from
 * Python's slice rules and listed element by element.
 */

import { describe, expect, it } from "vitest";
import { KernexError } from "../../src/errors";
import { resolveSlices, slice, type ResolvedAxis, type Slice } from "../../src/ndarray/slice-spec";

/** The positions an axis selects, or the single index it picks (numpy drops that axis). */
function selected(axis: ResolvedAxis): number[] | number {
  if (axis.index) return axis.start;
  return Array.from({ length: axis.count }, (_, k) => axis.start + k * axis.step);
}

function resolve(spec: string | Array<number | Slice>, shape: number[]): Array<number[] | number> {
  return resolveSlices(spec, shape, "slice").map(selected);
}

/** np.arange(n)[spec] for a 1-d array of length 10, written out. */
const oneD: Array<[string, number[] | number]> = [
  ["1:-1", [1, 2, 3, 4, 5, 6, 7, 8]],
  ["::2", [0, 2, 4, 6, 8]],
  ["0", 0],
  ["-1", 9],
  ["1:", [1, 2, 3, 4, 5, 6, 7, 8, 9]],
  ["-3:", [7, 8, 9]],
  ["::-1", [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]],
  ["5:2:-1", [5, 4, 3]],
  ["-2:-8:-3", [8, 5]],
  ["3:100", [3, 4, 5, 6, 7, 8, 9]],
  ["-100:4", [0, 1, 2, 3]],
  ["7:3", []],
  ["100:", []],
  ["::-3", [9, 6, 3, 0]],
  ["  2 : 8 : 3 ", [2, 5]],
  ["...", [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]],
  ["20::-1", [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]],
  [":-20:-1", [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]],
  ["-20:", [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]],
  ["+2:- 7", [2]],
  ["1,", 1],
];

describe("1-d specs over shape [10]", () => {
  for (const [spec, expected] of oneD) {
    it(JSON.stringify(spec), () => {
      expect(resolve(spec, [10])).toEqual([expected]);
    });
  }
});

describe("n-d specs", () => {
  const cases: Array<[string | Array<number | Slice>, number[], Array<number[] | number>]> = [
    [":, -1", [5, 7], [[0, 1, 2, 3, 4], 6]],
    ["1:-1, ::2", [5, 7], [[1, 2, 3], [0, 2, 4, 6]]],
    ["0", [5, 7], [0, [0, 1, 2, 3, 4, 5, 6]]],
    ["..., 0", [5, 7], [[0, 1, 2, 3, 4], 0]],
    ["-2:, ...", [5, 7], [[3, 4], [0, 1, 2, 3, 4, 5, 6]]],
    ["4, 6", [5, 7], [4, 6]],
    ["-5, -7", [5, 7], [0, 0]],
    [[1, slice(null, null, -2)], [5, 7], [1, [6, 4, 2, 0]]],
    [[slice(-2), slice(1, null, 3)], [5, 7], [[3, 4], [1, 4]]],
    ["1, ..., ::-2", [4, 5, 6], [1, [0, 1, 2, 3, 4], [5, 3, 1]]],
    [":, 1:4", [4, 5, 6], [[0, 1, 2, 3], [1, 2, 3], [0, 1, 2, 3, 4, 5]]],
    ["..., 2", [4, 5, 6], [[0, 1, 2, 3], [0, 1, 2, 3, 4], 2]],
    ["-1, -1, -1", [4, 5, 6], [3, 4, 5]],
    ["1, 2, 3, ...", [4, 5, 6], [1, 2, 3]],
    ["::3, 3:0:-1", [4, 5, 6], [[0, 3], [3, 2, 1], [0, 1, 2, 3, 4, 5]]],
    [[], [4, 5, 6], [[0, 1, 2, 3], [0, 1, 2, 3, 4], [0, 1, 2, 3, 4, 5]]],
  ];
  for (const [spec, shape, expected] of cases) {
    it(`${JSON.stringify(spec)} over [${shape.join(", ")}]`, () => {
      expect(resolve(spec, shape)).toEqual(expected);
    });
  }

  it("reports numpy's resolved bounds, including stop -1 for a reversed full slice", () => {
    expect(resolveSlices("::-1, 2, 1:100", [4, 5, 6], "slice")).toEqual([
      { start: 3, stop: -1, step: -1, count: 4, index: false },
      { start: 2, stop: 3, step: 1, count: 1, index: true },
      { start: 1, stop: 6, step: 1, count: 5, index: false },
    ]);
  });

  it("selects nothing from an empty axis, and takes ellipsis over a 0-d shape", () => {
    expect(resolve(":", [0])).toEqual([[]]);
    expect(resolve("...", [])).toEqual([]);
  });
});

describe("kex.slice", () => {
  it("fills missing fields with null", () => {
    expect(slice(1)).toEqual({ start: 1, stop: null, step: null });
    expect(slice()).toEqual({ start: null, stop: null, step: null });
  });

  it("rejects step 0 and non-integers", () => {
    expect(() => slice(0, 5, 0)).toThrow(new KernexError("slice: step: got 0, expected a non-zero integer or null"));
    expect(() => slice(1.5)).toThrow(new KernexError("slice: start: got 1.5, expected an integer or null"));
  });
});

describe("errors name what, the spec and the expectation", () => {
  const expectError = (spec: unknown, shape: number[], pattern: RegExp): void => {
    const run = () => resolveSlices(spec as string, shape, "mesh region");
    expect(run).toThrow(KernexError);
    expect(run).toThrow(pattern);
  };

  it("unparsable text", () => {
    expectError("1:2:3:4", [10], /^mesh region: could not parse "1:2:3:4": unexpected ":" at position 5 .*expected numpy slice syntax/);
    expectError("a", [10], /^mesh region: could not parse "a": unexpected "a" at position 0; expected numpy slice syntax/);
    expectError("", [10], /could not parse "": expected an index, a slice or "..." but found the end of the spec/);
    expectError("1,,2", [10], /could not parse "1,,2": expected an index, a slice or "..." but found "," at position 2/);
    expectError("1 2", [10], /could not parse "1 2": unexpected "2" at position 2/);
    expectError("-:", [10], /could not parse "-:": expected digits after "-" but found ":" at position 1/);
  });

  it("non-integer numbers", () => {
    expectError("1.5:", [10], /could not parse "1.5:": the number 1.5 at position 0 is not an integer/);
    expectError(":1e3", [10], /the number 1e3 at position 1 is not an integer/);
    expectError([0.5], [10], /^mesh region\[0\]: got 0.5, expected an integer index or kex.slice/);
    expectError([{ start: 1.5, stop: null, step: null }], [10], /^mesh region\[0\]: got .*expected an integer index or kex.slice/);
  });

  it("too many items", () => {
    expectError("1, 2", [10], /^mesh region: "1, 2" has 2 items for an array of shape \[10\]; expected at most 1$/);
    expectError([0, 0, 0], [4, 5], /has 3 items for an array of shape \[4, 5\]; expected at most 2/);
  });

  it("more than one ellipsis", () => {
    expectError("..., ...", [4, 5], /^mesh region: "..., ..." has 2 "..."; expected at most one$/);
  });

  it("step 0", () => {
    expectError("::0", [10], /^mesh region: "::0" has a slice step of 0; expected a non-zero step$/);
    expectError([{ start: null, stop: null, step: 0 }], [10], /has a slice step of 0; expected a non-zero step/);
  });

  it("integer index out of range", () => {
    expectError("10", [10], /^mesh region: index 10 in "10" is out of range for axis 0 of size 10; expected an integer from -10 to 9$/);
    expectError(":, -8", [5, 7], /index -8 in ":, -8" is out of range for axis 1 of size 7; expected an integer from -7 to 6/);
    expectError("0", [0], /index 0 in "0" is out of range for axis 0 of size 0; expected no valid index \(the axis is empty\)/);
  });

  it("a spec that is neither a string nor an array", () => {
    expectError(42, [10], /^mesh region: got 42, expected a numpy slice string .* or an array of integers and kex.slice/);
  });
});
