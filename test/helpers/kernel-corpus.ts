/**
 * @file The kernel corpus shared by the kernel front-end tests: kernels that
 * cover the syntax kernels may use (loops, closures, destructuring, switch,
 * hoisting, ...), their arguments, and KernelOps on plain numbers.
 */

import type { KernelOps } from "../../src/kernel";
import { plainControlFlow } from "../../src/kernel/control-flow-ops";

/** A nested array of numbers (a window read with plain indexing). */
export type Nested = number | readonly Nested[];

/** Python-style element access: negative indices count from the end. */
function at(obj: unknown, i: unknown): unknown {
  if (Array.isArray(obj) && typeof i === "number") return obj[i < 0 ? obj.length + i : i];
  return (obj as Record<string, unknown>)[String(i)];
}

/** Every function of Math, by name (the `math` member of numericOps). */
export const mathTable: Record<string, (...args: unknown[]) => unknown> = Object.fromEntries(
  Object.getOwnPropertyNames(Math)
    .filter((name) => typeof Reflect.get(Math, name) === "function")
    .map((name) => [name, Reflect.get(Math, name) as (...args: unknown[]) => unknown]),
);

const n = (v: unknown): number => v as number;

/** KernelOps on plain JavaScript values: what the operators themselves do. */
export const numericOps: KernelOps = {
  add: (a, b) => n(a) + n(b),
  sub: (a, b) => n(a) - n(b),
  mul: (a, b) => n(a) * n(b),
  div: (a, b) => n(a) / n(b),
  mod: (a, b) => n(a) % n(b),
  pow: (a, b) => n(a) ** n(b),
  lt: (a, b) => n(a) < n(b),
  gt: (a, b) => n(a) > n(b),
  le: (a, b) => n(a) <= n(b),
  ge: (a, b) => n(a) >= n(b),
  eq: (a, b) => a === b,
  ne: (a, b) => a !== b,
  neg: (a) => -n(a),
  pos: (a) => +n(a),
  not: (a) => !a,
  and: (a, b) => a && b(),
  or: (a, b) => a || b(),
  cond: (c, a, b) => (c ? a() : b()),
  index: (obj, idx) => idx.reduce(at, obj),
  math: mathTable,
  ...plainControlFlow,
};

/** numericOps that also records every index list it is given. */
export function recordingOps(): { ops: KernelOps; indices: unknown[][] } {
  const indices: unknown[][] = [];
  const ops: KernelOps = {
    ...numericOps,
    index: (obj, idx) => {
      indices.push(idx);
      return numericOps.index(obj, idx);
    },
  };
  return { ops, indices };
}

/** One kernel of the corpus and the arguments it is called with. */
export interface KernelCase {
  name: string;
  fn: (...args: never[]) => unknown;
  args: unknown[];
}

/** A 3x3 window for the 2-d kernels. */
export const grid: Nested = [
  [1, 2, 3],
  [4, 5, 6],
  [7, 8, 10],
];

/**
 * Kernels covering the syntax kernels may use, each with arguments; every
 * call makes new function objects (for tests that must not reuse anything
 * memoized per function).
 */
export function makeCorpus(): KernelCase[] {
  return [
    { name: "1-d three-point", fn: (x: number[]) => x[2] + x[0] - 2 * x[1], args: [[1, 4, 9]] },
    {
      name: "2-d five-point",
      fn: (x: number[][]) => x[0][1] + x[2][1] + x[1][0] + x[1][2] - 4 * x[1][1],
      args: [grid],
    },
    { name: "window times weights", fn: (x: number[], w: number[]) => x[0] * w[0] + x[1] * w[1] - x[2] / w[2], args: [[1, 2, 3], [0.5, 2, 4]] },
    {
      name: "for loop, compound assignment, Math call, ternary",
      fn: function (u: number[]) {
        let s = 0;
        for (let i = 0; i < 3; i++) s += u[i] * 2;
        return Math.sin(s) > 0 ? s : -s;
      },
      args: [[0.1, 0.2, 0.4]],
    },
    {
      name: "every compound assignment",
      fn: (x: number[]) => {
        let a = x[0];
        a += 4;
        a -= 1;
        a *= 3;
        a /= 2;
        a **= 2;
        a %= 7;
        return a;
      },
      args: [[3]],
    },
    {
      name: "nested arrow helper",
      fn: (x: number[]) => {
        const sq = (v: number) => v * v;
        return sq(x[0]) + sq(x[1] - 1);
      },
      args: [[3, 5]],
    },
    {
      name: "Math functions and constants",
      fn: (x: number[]) => Math.sqrt(Math.abs(x[0])) + Math.max(x[1], x[2]) * Math.PI - Math.exp(-x[1]),
      args: [[-16, 0.5, 2]],
    },
    {
      name: "nested ternaries",
      fn: (x: number[]) => (x[0] > 0 ? (x[1] > 0 ? 1 : 2) : x[2] === 3 ? 3 : 4),
      args: [[-1, 1, 3]],
    },
    {
      name: "logical operators as values and conditions",
      fn: (x: number[]) => ((x[0] > 0 && x[1] > 0) || x[2] < 0 ? x[0] && x[1] : x[2] || 7),
      args: [[2, 3, 1]],
    },
    {
      name: "while loop",
      fn: (x: number[]) => {
        let i = 0;
        let s = 0;
        while (i < x.length) {
          s += x[i] * x[i];
          i++;
        }
        return s;
      },
      args: [[1, 2, 3, 4]],
    },
    {
      name: "destructured parameters with defaults",
      fn: ([a, b]: number[], { scale = 2 }: { scale?: number } = {}) => (a - b) * scale,
      args: [[7, 2], {}],
    },
    {
      name: "named function expression that recurses",
      fn: function fact(k: number): number {
        return k <= 1 ? 1 : k * fact(k - 1);
      },
      args: [5],
    },
    {
      name: "unary operators",
      fn: (x: number[]) => -x[0] + +x[1] + (!x[2] ? 10 : 20),
      args: [[1, 2, 0]],
    },
    {
      name: "nested block-scoped loops",
      fn: (x: number[][]) => {
        let s = 0;
        for (let i = 0; i < 3; i++) {
          for (let j = 0; j < 3; j++) {
            const v = x[i][j];
            s += v * (i + 1) - j;
          }
        }
        return s;
      },
      args: [grid],
    },
    {
      name: "hoisted function declaration",
      fn: function (x: number[]) {
        return twice(x[0]) + 1;
        function twice(v: number) {
          return 2 * v;
        }
      },
      args: [[21]],
    },
    {
      name: "object-literal method",
      fn: {
        lap(x: number[]) {
          return x[0] - 2 * x[1] + x[2];
        },
      }.lap,
      args: [[1, 3, 9]],
    },
    {
      name: "do-while and if/else",
      fn: function (x: number[]) {
        let k = 0;
        do {
          k += 1;
        } while (k < 3);
        if (x[0] > 1) {
          return k * x[0];
        } else {
          return k;
        }
      },
      args: [[5]],
    },
    {
      name: "array and object literals, spread",
      fn: (x: number[]) => {
        const o = { a: x[0], b: [x[1], x[2]] };
        return o.a + o.b[1] + Math.max(...[x[0], x[1]]);
      },
      args: [[1, 2, 3]],
    },
    {
      name: "for-of over an array of reads",
      fn: (x: number[]) => {
        let s = 1;
        for (const v of [x[0], x[1], x[2]]) s *= v + 1;
        return s;
      },
      args: [[1, 2, 3]],
    },
    {
      name: "logical assignment and sequence expression",
      fn: (x: number[]) => {
        let a = x[0];
        let b = x[1];
        a &&= x[2];
        b ||= 9;
        return (b += 1, b + a);
      },
      args: [[1, 0, 4]],
    },
    {
      name: "switch with a block-scoped case",
      fn: (x: number[]) => {
        switch (x[0]) {
          case 1:
            return 10;
          default: {
            const k = 3;
            return k * x[1] % 4;
          }
        }
      },
      args: [[2, 7]],
    },
    {
      name: "array method with an arrow callback",
      fn: (x: number[]) => x.map((v) => v * 2).reduce((s, v) => s + v, 0),
      args: [[1, 2, 3]],
    },
  ];
}

/** One instance of makeCorpus(). */
export const corpus: KernelCase[] = makeCorpus();
