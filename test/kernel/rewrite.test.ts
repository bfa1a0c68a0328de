/**
 * @file Rewritten kernels compute what the original functions compute when the
 * ops are plain number arithmetic; printed rewrites as inline snapshots; no
 * user string reaches the generated source.
 */

import { describe, expect, it } from "vitest";
import { compileKernel, type KernelOps } from "../../src/kernel";
import { corpus, grid, mathTable, numericOps, recordingOps } from "../helpers/kernel-corpus";

const n = (v: unknown): number => v as number;

describe("rewritten kernels compute the same values as the originals", () => {
  for (const { name, fn, args } of corpus) {
    it(name, () => {
      const expected = (fn as (...a: unknown[]) => unknown)(...args);
      const compiled = compileKernel(fn, { name });
      expect(compiled(numericOps, ...args)).toEqual(expected);
    });
  }

  it("reads x[-1] as the last element, through ops.index", () => {
    const compiled = compileKernel((x: number[]) => x[-1] - x[0], {});
    expect(compiled(numericOps, [2, 5, 11])).toBe(9);
  });

  it("keeps short-circuiting: the right operand of && is not evaluated when the left is false", () => {
    const { ops, indices } = recordingOps();
    const compiled = compileKernel((x: number[]) => x[0] > 0 && x[1] > 0, {});
    expect(compiled(ops, [-1, 5])).toBe(false);
    expect(indices).toEqual([[0]]);
  });
});

describe("multi-index", () => {
  it("turns x[1, -1] into one index call with two indices", () => {
    const { ops, indices } = recordingOps();
    // @ts-expect-error -- the comma is a multi-index in kernels, rewritten into index(x, [1, -1])
    const compiled = compileKernel((x: number[][]) => x[1, -1], {});
    expect(compiled(ops, grid)).toBe(6);
    expect(indices).toEqual([[1, -1]]);
  });

  it("passes named indices through unchanged", () => {
    const { ops, indices } = recordingOps();
    const named = { i: { "n-1": 42 } };
    // @ts-expect-error -- the comma is a multi-index in kernels
    const compiled = compileKernel((u: typeof named) => u["i", "n-1"] + 1, {});
    expect(compiled(ops, named)).toBe(43);
    expect(indices).toEqual([["i", "n-1"]]);
  });

  it("keeps chained reads as separate index calls", () => {
    const { ops, indices } = recordingOps();
    const compiled = compileKernel((x: number[][]) => x[2][0] * x[0][2], {});
    expect(compiled(ops, grid)).toBe(21);
    expect(indices).toEqual([[2], [0], [0], [2]]);
  });
});

describe("printed rewrites", () => {
  it("a 2-d Laplacian", () => {
    const compiled = compileKernel(
      (x: number[][]) => x[1][0] + x[-1][0] + x[0][1] + x[0][-1] - 4 * x[0][0],
      {},
    );
    expect(compiled.source).toMatchInlineSnapshot(
      `"x => __k.sub(__k.add(__k.add(__k.add(__k.index(__k.index(x, [1]), [0]), __k.index(__k.index(x, [-1]), [0])), __k.index(__k.index(x, [0]), [1])), __k.index(__k.index(x, [0]), [-1])), __k.mul(4, __k.index(__k.index(x, [0]), [0])))"`,
    );
  });

  it("a loop with compound assignment, Math and a ternary", () => {
    const compiled = compileKernel(function (u: number[]) {
      let s = 0;
      for (let i = 0; i < 3; i++) s += u[i] * 2;
      return Math.sin(s) > 0 ? s : -s;
    }, {});
    expect(compiled.source).toMatchInlineSnapshot(`
      "function (u) {
        let s = 0;
        for (let i = 0; __k.loopTest(__k.lt(i, 3), 3, 4); i++) s = __k.add(s, __k.mul(__k.index(u, [i]), 2));
        return __k.cond(__k.gt(__k.math.sin(s), 0), () => s, () => __k.neg(s));
      }"
    `);
  });

  it("outside names read the values array; methods and constants stay", () => {
    const kex = { sum: (a: number[]) => a.reduce((s, v) => s + v, 0) };
    const c = 0.5;
    const compiled = compileKernel((x: number[], w: number[]) => kex.sum(x.map((v, i) => v * w[i])) * c + Math.PI, {
      scope: { c },
      builtins: { kex },
    });
    expect(compiled.source).toMatchInlineSnapshot(
      `"(x, w) => __k.add(__k.mul(__s[0].sum(x.map((v, i) => __k.mul(v, __k.index(w, [i])))), __s[1]), Math.PI)"`,
    );
    expect(compiled(numericOps, [1, 2], [3, 4])).toBeCloseTo(5.5 + Math.PI, 12);
  });

  it("logical operators and shorthand properties", () => {
    const c = 2;
    const compiled = compileKernel((x: number[]) => ({ c, ok: x[0] > 0 && !(x[1] <= 0) }), { scope: { c } });
    expect(compiled.source).toMatchInlineSnapshot(`
      "x => ({
        c: __s[0],
        ok: __k.and(__k.gt(__k.index(x, [0]), 0), () => __k.not(__k.le(__k.index(x, [1]), 0)))
      })"
    `);
    expect(compiled(numericOps, [1, 1])).toEqual({ c: 2, ok: true });
  });
});

describe("Math", () => {
  it("is not rewritten when a parameter shadows it", () => {
    const myMath = { sin: (v: number) => v + 100 };
    const compiled = compileKernel((x: number[], Math: { sin: (v: number) => number }) => Math.sin(x[0]), {});
    expect(compiled.source).not.toContain("__k.math");
    expect(compiled.source).toContain("Math.sin(");
    expect(compiled(numericOps, [1], myMath)).toBe(101);
  });

  it("is not rewritten when a local declaration shadows it", () => {
    const compiled = compileKernel((x: number[]) => {
      const Math = { sin: (v: number) => v * 10 };
      return Math.sin(x[0]);
    }, {});
    expect(compiled.source).not.toContain("__k.math");
    expect(compiled(numericOps, [2])).toBe(20);
  });

  it("routes calls of the global Math through ops.math", () => {
    const { ops } = recordingOps();
    const calls: string[] = [];
    const tracing: KernelOps = {
      ...ops,
      math: { ...mathTable, cos: (v) => (calls.push("cos"), Math.cos(n(v))) },
    };
    const compiled = compileKernel((x: number[]) => Math.cos(x[0]) + [x[0]].map(Math.cos)[0], {});
    expect(compiled(tracing, [0])).toBe(2);
    expect(calls).toEqual(["cos", "cos"]);
  });
});

describe("generated source never contains user strings", () => {
  const evil = "x'); globalThis.pwned=1; ('";
  const global = globalThis as { pwned?: unknown };

  it("ignores scope keys that are not identifiers and never prints the kernel name", () => {
    const compiled = compileKernel((x: number[]) => x[0] * 2, { name: evil, scope: { [evil]: 1 } });
    expect(compiled.source).not.toContain("pwned");
    expect(compiled(numericOps, [3])).toBe(6);
    expect(global.pwned).toBeUndefined();
  });

  it("passes scope values through __s, not through the source", () => {
    const c = evil;
    const compiled = compileKernel((x: number[]) => (x[0] > 0 ? c : "no"), { scope: { c } });
    expect(compiled.source).not.toContain("pwned");
    expect(compiled(numericOps, [1])).toBe(evil);
    expect(global.pwned).toBeUndefined();
  });

  it("re-quotes the kernel's own string literals from their values", () => {
    const compiled = compileKernel((x: number[]) => (x[0] > 0 ? "x'); globalThis.pwned=1; ('" : "b"), {
      name: evil,
    });
    expect(compiled.source).toMatchInlineSnapshot(
      `"x => __k.cond(__k.gt(__k.index(x, [0]), 0), () => "x'); globalThis.pwned=1; ('", () => "b")"`,
    );
    expect(compiled(numericOps, [1])).toBe(evil);
    expect(global.pwned).toBeUndefined();
  });

  it("reads the function's real source, not an overridden toString", () => {
    const kernel = (x: number[]) => x[0] + 1;
    kernel.toString = () => "() => (globalThis.pwned = 1)";
    const compiled = compileKernel(kernel, {});
    expect(compiled.source).not.toContain("pwned");
    expect(compiled(numericOps, [1])).toBe(2);
    expect(global.pwned).toBeUndefined();
  });
});
