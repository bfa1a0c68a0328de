/**
 * @file The no-eval path of the kernel front end: with `codegen: false`,
 * compileKernel runs the rewritten AST through src/kernel/ast-eval.ts. Every
 * kernel of the shared corpus, and a second corpus aimed at the evaluator's
 * own semantics (scopes, hoisting, closures, labels, exceptions, ...), gives
 * the same values, the same sequence of ops calls and the same errors as the
 * `new Function` build, and as the original function where that applies.
 */

import { afterEach, describe, expect, it } from "vitest";
import * as kex from "kernex";
import { compileKernel, evaluateFunction, findFreeVariables, parseKernelSource, rewriteKernelNode, type KernelOps } from "../../src/kernel";
import { withoutEval } from "../helpers/function-guard";
import { corpus, makeCorpus, numericOps, type KernelCase } from "../helpers/kernel-corpus";

afterEach(() => {
  kex.config({ codegen: true });
});

/** What running a kernel did: its value, or the class and message of what it threw. */
type Outcome = { readonly value: unknown } | { readonly error: string };

/** A recording copy of numericOps: every call (ops.math's too), in order, with its arguments. */
function tracingOps(): { ops: KernelOps; calls: string[] } {
  const calls: string[] = [];
  const record = (table: object): Record<string, unknown> =>
    Object.fromEntries(
      Object.entries(table).map(([name, op]) => [
        name,
        typeof op === "function"
          ? (...args: unknown[]) => {
              calls.push(`${name}(${args.map(show).join(", ")})`);
              return (op as (...a: unknown[]) => unknown)(...args);
            }
          : op,
      ]),
    );
  const ops = { ...record(numericOps), math: record(numericOps.math) } as unknown as KernelOps;
  return { ops, calls };
}

function show(value: unknown): string {
  if (typeof value === "function") return "fn";
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function outcome(run: () => unknown): Outcome {
  try {
    return { value: run() };
  } catch (error) {
    return { error: error instanceof Error ? `${error.constructor.name}: ${error.message}` : `thrown ${show(error)}` };
  }
}

/** Run a kernel through both builds; returns both outcomes and the ops calls each made. */
function bothPaths(fn: unknown, args: readonly unknown[], options: Parameters<typeof compileKernel>[1] = {}) {
  kex.config({ codegen: true });
  const generated = tracingOps();
  const viaFunction = outcome(() => compileKernel(fn, options)(generated.ops, ...args));
  kex.config({ codegen: false });
  const evaluated = tracingOps();
  const viaAst = outcome(() => compileKernel(fn, options)(evaluated.ops, ...args));
  kex.config({ codegen: true });
  return { viaFunction, viaAst, generatedCalls: generated.calls, evaluatedCalls: evaluated.calls };
}

function expectSamePaths(c: KernelCase, original = true, throws = false): void {
  const { viaFunction, viaAst, generatedCalls, evaluatedCalls } = bothPaths(c.fn, c.args, { name: c.name });
  // a kernel meant to return a value must not "agree" by failing the same way on both paths
  expect(viaFunction).toHaveProperty(throws ? "error" : "value");
  expect(viaAst).toEqual(viaFunction);
  expect(evaluatedCalls).toEqual(generatedCalls);
  if (original) expect(viaAst).toEqual(outcome(() => (c.fn as (...a: unknown[]) => unknown)(...c.args)));
}

describe("the shared kernel corpus: ast-eval == new Function == the original", () => {
  for (const c of corpus) it(c.name, () => expectSamePaths(c));

  it("runs the whole corpus with the Function constructor and eval refused", async () => {
    kex.config({ codegen: false });
    // fresh function objects: nothing may come from an earlier new-Function build of the same kernel
    const fresh = makeCorpus();
    expect(fresh.every((c, i) => c.fn !== corpus[i]!.fn)).toBe(true);
    const { value, attempts } = await withoutEval(() => fresh.map((c) => compileKernel(c.fn, { name: c.name })(numericOps, ...c.args)));
    expect(attempts).toEqual([]);
    expect(value).toEqual(corpus.map((c) => (c.fn as (...a: unknown[]) => unknown)(...c.args)));
  });
});

/**
 * Kernels aimed at the evaluator: each is run by both builds (values, ops
 * calls and errors must match) and, unless `noOriginal`, by the original
 * function (so the rewrite is not hiding a difference).
 */
interface SemanticsCase extends KernelCase {
  /** The rewrite changes what the original computes (e.g. `&&=` always assigns), or the original is strict code. */
  readonly noOriginal?: boolean;
  /** The kernel throws (the same value on every path). */
  readonly throws?: boolean;
}

const semantics: SemanticsCase[] = [
  {
    name: "closures capture a per-iteration let, and a shared var",
    fn: () => {
      const lets: (() => number)[] = [];
      const vars: (() => number)[] = [];
      for (let i = 0; i < 3; i++) lets.push(() => i);
      for (var j = 0; j < 3; j++) vars.push(() => j);
      return [lets.map((f) => f()), vars.map((f) => f())];
    },
    args: [],
  },
  {
    name: "temporal dead zone: a let read before its declaration throws a ReferenceError",
    fn: () => {
      let message = "none";
      try {
        // @ts-expect-error -- read in its temporal dead zone on purpose
        message = `${late}`;
      } catch (e) {
        message = (e as Error).name + ": " + (e as Error).message;
      }
      let late = 1;
      return [message, late];
    },
    args: [],
  },
  {
    name: "var is hoisted (undefined before its declaration), function declarations are callable before theirs",
    fn: function () {
      // @ts-expect-error -- read before its declaration on purpose (hoisted, undefined)
      const before = [early, twice(4)];
      var early = 1;
      return [before, early];
      function twice(v: number) {
        return v * 2;
      }
    },
    args: [],
  },
  {
    name: "block scopes shadow and restore",
    fn: (x: number[]) => {
      const v = x[0];
      let out = [v];
      {
        const v = x[1];
        out = [...out, v];
        {
          const v = x[2];
          out = [...out, v];
        }
        out = [...out, v];
      }
      return [...out, v];
    },
    args: [[1, 2, 3]],
  },
  {
    name: "labelled break and continue across nested loops",
    fn: () => {
      let s = 0;
      outer: for (let i = 0; i < 5; i++) {
        for (let j = 0; j < 5; j++) {
          if (j > i) continue outer;
          if (i === 4) break outer;
          s = s * 3 + j;
        }
      }
      let k = 0;
      loop: while (true) {
        k++;
        do {
          if (k < 3) continue loop;
          break loop;
        } while (false);
      }
      block: {
        if (k === 3) break block;
        s = -1;
      }
      return [s, k];
    },
    args: [],
  },
  {
    name: "switch falls through from a match, and from a default in the middle",
    fn: (x: number[]) => {
      const run = (v: number) => {
        const seen: string[] = [];
        switch (v) {
          // @ts-expect-error -- falls through on purpose
          case 1:
            seen.push("one");
          // @ts-expect-error -- falls through on purpose
          default:
            seen.push("default");
          case 2:
            seen.push("two");
            break;
          case 3:
            seen.push("three");
        }
        return seen;
      };
      return x.map(run);
    },
    args: [[1, 2, 3, 9]],
  },
  {
    name: "continue inside a switch continues the loop",
    fn: () => {
      const out: number[] = [];
      for (let i = 0; i < 4; i++) {
        switch (i % 2) {
          case 0:
            continue;
          default:
            out.push(i);
        }
      }
      return out;
    },
    args: [],
  },
  {
    name: "try/catch/finally: finally runs, its return wins, a destructured catch parameter",
    fn: () => {
      const log: string[] = [];
      const f = () => {
        try {
          log.push("try");
          return "from try";
        } finally {
          log.push("finally");
        }
      };
      const g = (): string => {
        try {
          throw { code: 7, text: "boom" };
          // @ts-expect-error -- a destructured catch parameter (the thrown value is unknown to TypeScript)
        } catch ({ code, text }) {
          return `${text}:${code}`;
        } finally {
          log.push("g finally");
        }
      };
      const h = () => {
        for (let i = 0; ; i++) {
          try {
            if (i === 2) throw { never: "caught" };
          } finally {
            if (i === 2) return "finally overrides the throw";
          }
        }
      };
      return [f(), g(), h(), log];
    },
    args: [],
  },
  {
    name: "a thrown value reaches the caller unchanged",
    fn: (x: number[]) => {
      if (x[0] > 0) throw { reason: "positive", value: x[0] };
      return 0;
    },
    args: [[5]],
    throws: true,
  },
  {
    name: "defaults see earlier parameters; a default's closure keeps the parameter, not a body var",
    fn: (a: number, b = a * 2, f = () => a) => {
      // eslint-disable-next-line no-var
      var a = 10;
      return [a, b, f()];
    },
    args: [1],
  },
  {
    name: "rest parameters, destructuring with defaults and rest, holes",
    fn: ({ p = 1, q: [r, , s = 5, ...t] = [] }: { p?: number; q?: number[] }, ...more: number[]) => {
      const { a, ...others } = { a: 1, b: 2, c: 3 };
      return [p, r, s, t, more, a, others];
    },
    args: [{ q: [7, 8, undefined, 9, 10] }, 11, 12],
  },
  {
    name: "destructuring assignment to existing variables, swaps",
    fn: (x: number[]) => {
      let a = x[0];
      let b = x[1];
      [a, b] = [b, a];
      let c = 0;
      ({ c = a + b } = {});
      return [a, b, c];
    },
    args: [[3, 4]],
  },
  {
    name: "iterators: for-of over a string and a Map, destructuring and spreading a Set",
    fn: (map: Map<string, number>, set: Set<number>) => {
      const out: unknown[] = [];
      for (const ch of "ab") out.push(ch);
      for (const [k, v] of map) out.push(k, v);
      const [first, ...rest] = set;
      return [out, first, rest, [...set, ...map.keys()]];
    },
    args: [new Map([["k", 1]]), new Set([3, 4, 5])],
  },
  {
    name: "for-in visits own and inherited enumerable keys in order",
    fn: () => {
      const keys: string[] = [];
      for (const k in { b: 1, a: 2, 1: 3 }) keys.push(k);
      let last = "";
      for (last in { x: 1, y: 2 });
      return [keys, last];
    },
    args: [],
  },
  {
    name: "update expressions: prefix and postfix values",
    fn: () => {
      let i = 5;
      const a = i++;
      const b = ++i;
      const c = i--;
      const d = --i;
      return [a, b, c, d, i];
    },
    args: [],
  },
  {
    name: "function names and lengths",
    fn: () => {
      const sq = (v: number) => v * v;
      const named = function inner(_a: number, _b = 1, ..._c: number[]) {
        return 0;
      };
      const o = { m(_x: number, _y: number) {}, arrow: () => 0, ["comp" + "uted"]: () => 1 };
      return [sq.name, sq.length, named.name, named.length, o.m.name, o.m.length, o.arrow.name, o.computed.name];
    },
    args: [],
  },
  {
    name: "a named function expression recurses, and assigning its name is ignored (sloppy code)",
    fn: function () {
      const fact = function f(k: number): number {
        // @ts-expect-error -- the name of a named function expression is read-only; the assignment is ignored
        if (k < 0) f = null;
        return k <= 1 ? 1 : k * f(k - 1);
      };
      return [fact(5), fact(-1)];
    },
    args: [],
    // this test file is a module, so the original is strict code, where the assignment throws
    noOriginal: true,
  },
  {
    name: "a function declared in a block is also visible after it (sloppy code)",
    fn: function () {
      // @ts-expect-error -- hoisted to the function scope (undefined until its block runs) only in sloppy code
      const before = [g === undefined];
      {
        // @ts-expect-error -- used outside its block, which TypeScript (strict code) does not see
        function g() {
          return 1;
        }
      }
      // @ts-expect-error -- visible outside its block only in sloppy code
      return [before, g()];
    },
    args: [],
    // this test file is a module, so the original is strict code, where g is block-scoped
    noOriginal: true,
  },
  {
    name: "mutually recursive function declarations and a counter closure",
    fn: function (x: number[]) {
      function isEven(n: number): boolean {
        return n === 0 ? true : isOdd(n - 1);
      }
      function isOdd(n: number): boolean {
        return n === 0 ? false : isEven(n - 1);
      }
      const counter = () => {
        let c = 0;
        return () => (c = c + 1);
      };
      const inc = counter();
      inc();
      inc();
      return [isEven(x[0]), isOdd(x[0]), inc()];
    },
    args: [[7]],
  },
  {
    name: "template literals, regular expressions, sequence expressions",
    fn: (x: number[]) => {
      const re = /a+(b)?/g;
      const text = `x0=${x[0]}, sum=${x[0] + x[1]}, ${"nested " + `${x[1]}`}`;
      let n = 0;
      const seq = (n++, n++, n);
      return [text, "caab aa".match(re), re.lastIndex, seq];
    },
    args: [[1, 2]],
  },
  {
    name: "object literals: computed keys, spread, methods, shorthand, numeric keys",
    fn: (x: number[]) => {
      const key = "dyn";
      const base = { a: 1, b: 2 };
      const o = { ...base, [key + x[0]]: x[1], 2: "two", b: 3, key, twice(v: number) { return 2 * v; } };
      return [Object.keys(o), o.twice(o.b), (o as Record<string, unknown>).dyn1];
    },
    args: [[1, 5]],
  },
  {
    name: "logical operators keep short-circuiting on plain values",
    fn: (x: number[]) => {
      const calls: number[] = [];
      const f = (v: number) => (calls.push(v), v);
      const a = f(0) && f(1);
      const b = f(2) || f(3);
      const c = f(0) ? f(4) : f(5);
      return [a, b, c, calls];
    },
    args: [[0]],
  },
  {
    name: "&&= and ||= as rewritten: the right side only when needed",
    fn: (x: number[]) => {
      let a = x[0];
      let b = x[1];
      a &&= x[2];
      b ||= 9;
      return [a, b];
    },
    args: [[0, 0, 4]],
    noOriginal: true,
  },
  {
    name: "while and do-while with continue",
    fn: () => {
      let i = 0;
      let odd = 0;
      while (i < 10) {
        i++;
        if (i % 2 === 0) continue;
        odd += i;
      }
      let j = 0;
      do {
        j++;
        if (j < 3) continue;
      } while (j < 5);
      return [odd, j];
    },
    args: [],
  },
  {
    name: "array methods with callbacks, holes and spread into calls",
    fn: (x: number[]) => {
      const holes = [1, , 3];
      return [holes.length, Object.keys(holes), Math.max(...x), x.filter((v) => v > 1).map((v, i) => v * i)];
    },
    args: [[1, 2, 3]],
  },
];

describe("evaluator semantics: ast-eval == new Function (== the original)", () => {
  for (const c of semantics) it(c.name, () => expectSamePaths(c, !c.noOriginal, c.throws));
});

describe("errors are the same on both paths", () => {
  const cases: KernelCase[] = [
    { name: "calling a missing method", fn: (x: { nope?: () => number }) => x.nope!(), args: [{}] },
    { name: "reading a property of undefined", fn: (x: { a?: { b: number } }) => x.a!.b, args: [{}] },
    {
      name: "assigning a const",
      fn: () => {
        const c = 1;
        // @ts-expect-error -- assigning a const throws a TypeError at run time
        c = 2;
        return c;
      },
      args: [],
    },
    { name: "spreading a non-iterable", fn: (x: number) => [...(x as unknown as number[])], args: [5] },
    { name: "spreading a non-iterable into a call", fn: (x: number) => Math.max(...(x as unknown as number[])), args: [5] },
    {
      name: "iterating a non-iterable",
      fn: (x: { a: number }) => {
        for (const v of x as unknown as number[]) return v;
        return 0;
      },
      args: [{ a: 1 }],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const { viaFunction, viaAst } = bothPaths(c.fn, c.args);
      expect("error" in viaFunction).toBe(true);
      expect(viaAst).toEqual(viaFunction);
    });
  }

  it("destructuring undefined throws a TypeError on both paths", () => {
    const kernel = (x: { a: number }) => {
      const { a } = x;
      return a;
    };
    const { viaFunction, viaAst } = bothPaths(kernel, [undefined]);
    expect(viaFunction).toMatchObject({ error: expect.stringMatching(/^TypeError: Cannot destructure/) });
    expect(viaAst).toMatchObject({ error: expect.stringMatching(/^TypeError: Cannot destructure/) });
  });

  it("a thrown error object is passed through as it is", () => {
    const thrown = new RangeError("mine");
    const kernel = (e: Error) => {
      throw e;
    };
    kex.config({ codegen: false });
    expect(() => compileKernel(kernel, {})(numericOps, thrown)).toThrow(thrown);
  });
});

describe("scope, builtins and __k/__s on the no-eval path", () => {
  it("helpers from the scope (calling each other), builtins and Math through ops.math", () => {
    const half = (v: number) => v / 2;
    const quarter = (v: number) => half(half(v));
    const c = 3;
    const kernel = (x: number[]) => quarter(x[0]) * c + Math.sqrt(x[1]) + lib.twice(x[2]);
    const lib = { twice: (v: number) => 2 * v };
    const options = { scope: { quarter, half, c }, builtins: { lib } };
    const { viaFunction, viaAst, generatedCalls, evaluatedCalls } = bothPaths(kernel, [[8, 16, 5]], options);
    expect(viaFunction).toEqual({ value: 2 * 3 + 4 + 10 });
    expect(viaAst).toEqual(viaFunction);
    expect(evaluatedCalls).toEqual(generatedCalls);
    expect(evaluatedCalls).toContain("sqrt(16)");
  });

  it("a kernel compiled with codegen on is re-run without any Function build once codegen is off", async () => {
    const kernel = (x: number[]) => x[0] * 2 + x[1];
    expect(compileKernel(kernel, {})(numericOps, [1, 2])).toBe(4); // memoizes the parse (and a new-Function build)
    kex.config({ codegen: false });
    const { value, attempts } = await withoutEval(() => compileKernel(kernel, {})(numericOps, [3, 4]));
    expect(attempts).toEqual([]);
    expect(value).toBe(10);
  });

  it("with codegen on the same call is refused under the guard (the guard sees the Function constructor)", async () => {
    const kernel = (x: number[]) => x[0] - x[1];
    const { value, attempts } = await withoutEval(() => outcome(() => compileKernel(kernel, {})(numericOps, [3, 4])));
    expect(attempts.length).toBeGreaterThan(0);
    expect(value).toMatchObject({ error: expect.stringContaining("EvalError") });
  });

  it("evaluateFunction sees its bindings before globals", () => {
    const node = parseKernelSource("(x) => x + (Math.PI > 3 ? c : 0)", 'kernel "k"');
    const rewritten = rewriteKernelNode(node, findFreeVariables(node));
    const f = evaluateFunction(rewritten, { __k: numericOps, __s: [10] });
    expect(f(1)).toBe(11);
    expect(f.length).toBe(1);
  });
});
