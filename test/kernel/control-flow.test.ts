/**
 * @file The control-flow conversion of the kernel front end (issue #16):
 * printed rewrites of if/switch/loops, and the conversions that keep
 * JavaScript's meaning — `var` hoisted out of the closures, `if (t)
 * continue;` folded into an `if`, switch cases without fall-through as an
 * if-chain, fall-through and break/continue kept as plain JavaScript. Each
 * kernel runs on plain numbers (numericOps: ordinary JavaScript, compared
 * with calling the function itself) and, where it matters, on window
 * values through kmap (compared with the function run on each window).
 */
import { afterEach, describe, expect, it } from "vitest";
import * as kex from "kernex";
import { compileKernel } from "../../src/kernel";
import { numericOps } from "../helpers/kernel-corpus";

type Win = any;

afterEach(() => {
  kex.config({ codegen: true });
});

/** A kernel from source text (printed positions as written). */
function kernelFrom(source: string): (...args: never[]) => unknown {
  return new Function(`return (${source});`)() as (...args: never[]) => unknown;
}

/** kmap over 3-wide windows of `data`, and the same kernel run as JavaScript on each window. */
function againstJavaScript(kernel: (w: number[]) => number, data: number[]): { got: number[]; want: number[] } {
  const got = Array.from(kex.kmap({ kernelSize: 3 }, kernel as never)(kex.array(data)).data);
  const want: number[] = [];
  for (let i = 0; i + 3 <= data.length; i++) want.push(kernel(data.slice(i, i + 3)));
  return { got, want };
}

const DATA = [1, -2, 0, 3, -1, 2, 2, -3, 0.5, 4];

describe("printed conversions", () => {
  it("if with a return and an assignment", () => {
    const k = compileKernel(kernelFrom("(w) => {\n  let s = 0;\n  if (w[0] > 0) s = w[1];\n  else return 2;\n  return s;\n}"));
    expect(k.source).toMatchInlineSnapshot(`
      "w => {
        let __kr = null;
        let s = 0;
        __k.branch(__k.gt(__k.index(w, [0]), 0), () => {
          s = __k.index(w, [1]);
        }, () => {
          __kr = __k.ret(2);
          return;
        }, () => [__kr, s], (__kv0, __kv1) => {
          __kr = __kv0;
          s = __kv1;
        }, true, 3, 3);
        __k.unless(__kr, () => {
          __kr = __k.ret(s);
          return;
        }, () => [__kr], __kv0 => {
          __kr = __kv0;
        }, 3, 3);
        return __k.result(__kr, 1, 1);
      }"
    `);
  });

  it("a switch without fall-through is an if-chain on __k.eq", () => {
    const k = compileKernel(kernelFrom("(w) => { let r = 0; switch (w[0]) { case 1: case 2: r = 5; break; default: r = 7; } return r; }"));
    expect(k.source).toMatchInlineSnapshot(`
      "w => {
        let r = 0;
        {
          const __kd1 = __k.index(w, [0]);
          __k.branch(__k.or(__k.eq(__kd1, 1), () => __k.eq(__kd1, 2)), () => {
            r = 5;
          }, () => {
            r = 7;
          }, () => [r], __kv0 => {
            r = __kv0;
          }, false, 1, 21);
        }
        return r;
      }"
    `);
  });

  it("a loop with a plain bound, and its traced condition check", () => {
    const k = compileKernel(kernelFrom("(w) => { let s = 0; while (s < 3) s += w[0]; return s; }"));
    expect(k.source).toContain("while (__k.loopTest(__k.lt(s, 3), 1, 21))");
  });
});

describe("plain values run as ordinary JavaScript", () => {
  const cases: [string, unknown[]][] = [
    ["(a, b) => { if (a > b) { var r = a - b; } else { var r = b - a; } return r; }", [3, 5]],
    ["(a, b) => { if (a > b) { var r = a - b; } else { var r = b - a; } return r; }", [7, 5]],
    ["(n) => { let s = 0; for (let i = 0; i < n; i++) { if (i % 2) continue; s += i; } return s; }", [7]],
    ["(n) => { let s = 0; for (let i = 0; i < 10; i++) { if (i > n) break; s += i; } return s; }", [4]],
    ["(n) => { let s = 0; switch (n) { case 1: s += 1; case 2: s += 2; break; default: s = -1; } return s; }", [1]],
    ["(n) => { let s = 0; switch (n) { case 1: s += 1; case 2: s += 2; break; default: s = -1; } return s; }", [3]],
    ["(n) => { for (let i = 0; ; i++) { if (i * i > n) return i; } }", [30]],
    ["(n) => { const f = (v) => { if (v > 2) return v; return -v; }; return f(n) + f(1); }", [5]],
    ["(n) => { let s = 0; do { s += n; if (s > 10) return s; } while (s < 8); return -s; }", [3]],
  ];
  it.each(cases)("%s with %j", (source, args) => {
    const fn = kernelFrom(source);
    const expected = (fn as (...a: unknown[]) => unknown)(...args);
    kex.config({ codegen: true });
    expect(compileKernel(fn)(numericOps, ...args)).toEqual(expected);
    kex.config({ codegen: false });
    expect(compileKernel(fn)(numericOps, ...args)).toEqual(expected);
  });
});

describe.each([true, false])("window values (codegen %s)", (codegen) => {
  it("var declared in both branches of an if on a window value", () => {
    kex.config({ codegen });
    const kernel = (w: Win) => {
      if (w[0] > w[2]) {
        var r = w[0] - w[2];
      } else {
        var r = w[2] - w[0] + 1;
      }
      return r;
    };
    const { got, want } = againstJavaScript(kernel, DATA);
    expect(got).toEqual(want);
  });

  it("if (t) continue; on a window value, in a loop with a plain bound", () => {
    kex.config({ codegen });
    const kernel = (w: Win) => {
      let s = 0;
      for (let i = 0; i < 3; i++) {
        if (w[i] < 0) continue;
        s += w[i] * (i + 1);
      }
      return s;
    };
    const { got, want } = againstJavaScript(kernel, DATA);
    expect(got).toEqual(want);
  });

  it("a return inside a loop with a plain bound, under a window-value test", () => {
    kex.config({ codegen });
    const kernel = (w: Win) => {
      for (let i = 0; i < 3; i++) {
        if (w[i] > 1) return i;
      }
      return -1;
    };
    const { got, want } = againstJavaScript(kernel, DATA);
    expect(got).toEqual(want);
  });

  it("a helper function with if/else called from the kernel", () => {
    kex.config({ codegen });
    const kernel = (w: Win) => {
      const relu = (v: Win) => {
        if (v > 0) return v;
        return 0;
      };
      return relu(w[0]) + relu(w[1] - w[2]);
    };
    const { got, want } = againstJavaScript(kernel, DATA);
    expect(got).toEqual(want);
  });

  it("errors instead of guessing: fall-through switch, loop without bound, break on a window value", () => {
    kex.config({ codegen });
    const run = (source: string) => () => kex.kmap({ kernelSize: 3 }, kernelFrom(source) as never)(kex.array(DATA));
    expect(run("(w) => { let s = 0; switch (w[0]) { case 1: s += 1; case 2: s += 2; } return s; }")).toThrow(
      /line 1, column 21: a switch whose cases fall through needs a plain value/,
    );
    expect(run("(w) => { let s = 0; for (;;) { if (w[0] < s) return s; s = s + 1; } }")).toThrow(
      /line 1, column 21: this loop has no condition and its return depends on window values/,
    );
    expect(run("(w) => { let s = 0; for (let i = 0; i < 3; i++) { if (w[i] < 0) break; s += w[i]; } return s; }")).toThrow(
      /line 1, column 51: the test of an if or switch whose branches use break or continue needs a plain value/,
    );
  });
});

describe("returns after a folded continue", () => {
  it("for (...) { if (t) continue; return ...; } returns from the kernel, on plain and window values", () => {
    const source = "(w, skip) => { for (let i = 0; i < 3; i++) { if (i === skip) continue; if (w[i] > 0) continue; return i; } return -1; }";
    const fn = kernelFrom(source) as (w: number[], skip: number) => number;
    expect(compileKernel(fn)(numericOps, [1, -1, 2], 0)).toBe(fn([1, -1, 2], 0));
    for (const codegen of [true, false]) {
      kex.config({ codegen });
      const got = Array.from(kex.kmap({ kernelSize: 3 }, fn as never)(kex.array(DATA), 1).data);
      const want: number[] = [];
      for (let i = 0; i + 3 <= DATA.length; i++) want.push(fn(DATA.slice(i, i + 3), 1));
      expect(got).toEqual(want);
    }
  });
});
