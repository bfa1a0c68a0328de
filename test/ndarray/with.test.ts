/**
 * @file `.with(spec, value)` returns an updated copy and leaves the array
 * alone; `.set` is gone (in JavaScript `set` means mutation) and throws a
 * KernexError pointing to `.with` (issue #18).
 */
import * as kex from "kernex";
import { describe, expect, it } from "vitest";
import { kernexError } from "../helpers/errors";

describe("NDArray.with", () => {
  it("replaces the sliced cells in a copy, like numpy's b = a.copy(); b[spec] = value", () => {
    const a = kex.arange(12).reshape([3, 4]);
    expect(a.with("1, ::2", -1).toArray()).toEqual([[0, 1, 2, 3], [-1, 5, -1, 7], [8, 9, 10, 11]]);
    expect(a.with(":, -1", [10, 20, 30]).toArray()).toEqual([[0, 1, 2, 10], [4, 5, 6, 20], [8, 9, 10, 30]]);
    expect(a.with([0], kex.full([4], 9)).toArray()).toEqual([[9, 9, 9, 9], [4, 5, 6, 7], [8, 9, 10, 11]]);
    expect(a.toArray()).toEqual([[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11]]);
  });

  it("names itself in errors about the value", () => {
    expect(kernexError(() => kex.zeros([3]).with("0:2", [1, 2, 3])).message).toMatch(/^with: value/);
  });

  it("differentiates: the gradient through the replaced cells is zero", () => {
    const g = kex.grad((x) => kex.sum(x.with("1", 0)))(kex.ones([3]));
    expect(g.toArray()).toEqual([1, 0, 1]);
  });
});

describe("NDArray.set", () => {
  it("throws a KernexError that points to .with", () => {
    const a = kex.zeros([3]);
    const e = kernexError(() => (a as unknown as { set(s: string, v: number): unknown }).set("0", 1));
    expect(e.message).toContain('set("0", ...)');
    expect(e.message).toContain("x.with(spec, value)");
    expect(a.toArray()).toEqual([0, 0, 0]);
  });
});
