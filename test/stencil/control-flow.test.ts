/**
 * @file Control flow in kernels (issue #16): `if`/`else` with returns and
 * with assignments (nested), `switch`, `&&`/`||`/`!` with JavaScript's
 * value semantics, `isNaN`/`isFinite` traced as `kex.isnan`/`kex.isfinite`
 * (values, gradients, vmap), and every coercion of a traced value as a
 * KernexError naming the kernel, line and column — never a wrong result or
 * a hang. The oracle is the kernel itself, run as plain JavaScript on each
 * window by the naive stencil loops of test/helpers/naive.ts: a kernel is
 * plain JavaScript, so kernex must agree with JavaScript. Every case runs
 * compiled and with `codegen: false` (the reference interpreter and the
 * AST evaluator instead of `new Function`). Kernels whose error positions
 * are checked are built from source text (vitest reprints this file).
 */
import { afterEach, describe, expect, it } from "vitest";
import * as kex from "kernex";
import { mulberry32, naiveArray, naiveKmap, naiveKscan, naiveToNested, type NaiveArray, type NaiveOptions } from "../helpers/naive";

/** Values inside a kernel are traced windows/arrays; operators on them are rewritten at trace time. */
type Win = any;
type Kernel = (w: Win, ...args: Win[]) => unknown;

afterEach(() => {
  kex.config({ codegen: true });
});

/** A kernel function from its source text, positions as written. */
function kernelFrom(source: string): Kernel {
  return new Function(`return (${source});`)() as Kernel;
}

/** The kernel run as plain JavaScript on nested-array windows: the oracle. */
function plain(kernel: Kernel): (w: NaiveArray) => number {
  return (w) => Number(kernel(naiveToNested(w)));
}

/** Random values drawn from a small set with repeats, zeros, negatives, and optionally NaN and ±Infinity. */
function sample(seed: number, n: number, specials = false): number[] {
  const rand = mulberry32(seed);
  const pool = [0, 1, 2, 3, -1, -2, 0.5, 101, 150, ...(specials ? [NaN, Infinity, -Infinity] : [])];
  return Array.from({ length: n }, () => pool[Math.floor(rand() * pool.length)]!);
}

function kmapBoth(options: NaiveOptions, kernel: Kernel, data: number[], shape: number[]): { got: number[]; want: number[] } {
  const got = Array.from(kex.kmap(options as never, kernel as never)(kex.array(data, { shape })).data);
  const want = Array.from(naiveKmap(options, plain(kernel), naiveArray(shape, data)).data);
  return { got, want };
}

/** Conway's Game of Life, written with if/else and returns. */
function life(w: Win): unknown {
  const n: Win = (kex.sum(w) as Win) - w[1][1];
  if (w[1][1] === 1) {
    if (n === 2 || n === 3) return 1;
    return 0;
  }
  if (n === 3) return 1;
  return 0;
}

/** Naive Game of Life step with zero padding. */
function lifeStep(grid: number[], rows: number, cols: number): number[] {
  const at = (i: number, j: number) => (i >= 0 && i < rows && j >= 0 && j < cols ? grid[i * cols + j]! : 0);
  const out: number[] = [];
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      let n = 0;
      for (let di = -1; di <= 1; di++) for (let dj = -1; dj <= 1; dj++) if (di !== 0 || dj !== 0) n += at(i + di, j + dj);
      out.push(at(i, j) === 1 ? (n === 2 || n === 3 ? 1 : 0) : n === 3 ? 1 : 0);
    }
  }
  return out;
}

describe.each([true, false])("control flow on window values (codegen %s)", (codegen) => {
  afterEach(() => kex.config({ codegen: true }));
  const setup = () => kex.config({ codegen });

  it("the issue's kernel: if (w[1] > 100) return 1; return 0", () => {
    setup();
    const f = kex.kmap({ kernelSize: 3 }, (w: Win) => {
      if (w[1] > 100) return 1;
      return 0;
    });
    expect(f(kex.array([1, 200, 3, 400, 5, 50, 101])).toArray()).toEqual([1, 0, 1, 0, 0]);
  });

  it("Game of Life with if: ten steps of a glider and a random board match a naive loop", () => {
    setup();
    const step = kex.kmap({ kernelSize: [3, 3], padding: "same" }, life);
    const rand = mulberry32(16);
    const rows = 10;
    const cols = 12;
    let board: number[] = Array.from({ length: rows * cols }, () => (rand() < 0.4 ? 1 : 0));
    board.splice(0, 3 * cols, ...[0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    let x = kex.array(board, { shape: [rows, cols] });
    for (let t = 0; t < 10; t++) {
      x = step(x);
      board = lifeStep(board, rows, cols);
      expect(Array.from(x.data)).toEqual(board);
    }
  });

  it("nested if/else with assignments to variables in either branch", () => {
    setup();
    const kernel = (w: Win) => {
      let a = 0;
      let b = w[0];
      if (w[1] > 0) {
        a = w[1] * 2;
        if (w[2] > w[1]) {
          b = w[2];
        } else {
          b = b - 1;
          a += 1;
        }
      } else if (w[1] < -1) {
        a = -1;
      } else {
        b = 10;
      }
      return a + b;
    };
    const data = sample(1, 40);
    const { got, want } = kmapBoth({ kernelSize: 3 }, kernel, data, [40]);
    expect(got).toEqual(want);
  });

  it("returns inside loops and branches, with plain loop counters and plain arguments", () => {
    setup();
    // The first index whose value exceeds the threshold (a plain argument), else -1.
    const firstAbove = (w: Win, threshold: number) => {
      for (let i = 0; i < 4; i++) {
        if (i === 2) continue; // a test on a plain value: ordinary JavaScript
        if (w[i] > threshold) return i;
      }
      return -1;
    };
    const data = sample(2, 30);
    const got = Array.from(kex.kmap({ kernelSize: 4 }, firstAbove)(kex.array(data), 1).data);
    const want = Array.from(naiveKmap({ kernelSize: 4 }, (w: NaiveArray) => firstAbove(naiveToNested(w), 1), naiveArray([30], data)).data);
    expect(got).toEqual(want);
  });

  it("switch with shared cases, a default, and returns", () => {
    setup();
    const assigning = (w: Win) => {
      let r;
      switch (w[1]) {
        case 0:
          r = w[0];
          break;
        case 1:
        case 2:
          r = w[2] * 10;
          break;
        default:
          r = -1;
      }
      return r;
    };
    const returning = (w: Win) => {
      switch (Math.sign(w[0] - w[2])) {
        case -1:
          return w[1];
        case 1: {
          const d = w[0] - w[2];
          return d * d;
        }
        default:
          return 7;
      }
    };
    const data = sample(3, 50);
    for (const kernel of [assigning, returning]) {
      const { got, want } = kmapBoth({ kernelSize: 3 }, kernel, data, [50]);
      expect(got).toEqual(want);
    }
  });

  it("&&, || and ! keep JavaScript's value semantics", () => {
    setup();
    const kernel = (w: Win) => (w[0] && w[1]) + 10 * (w[0] || w[2]) + 100 * (!w[1] as Win) + 1000 * (w[0] > 0 && w[2] > 0 ? 1 : 0);
    const withIf = (w: Win) => {
      let s = 0;
      if (w[0] > 0 || (w[1] < 0 && w[2] !== 3)) s = 5;
      if (!(w[0] > 1)) s = s + 1;
      return s;
    };
    const data = sample(4, 60);
    for (const k of [kernel, withIf]) {
      const { got, want } = kmapBoth({ kernelSize: 3 }, k, data, [60]);
      expect(got).toEqual(want);
    }
  });

  it("isNaN, isFinite, Number.isNaN, Number.isFinite and Boolean on window values", () => {
    setup();
    const kernel = (w: Win) => {
      if (isNaN(w[0]) || Number.isNaN(w[1])) return -1;
      if (!isFinite(w[1])) return -2;
      return Number.isFinite(w[0]) ? (Boolean(w[2]) as Win) + 0 : 3;
    };
    const data = sample(5, 60, true);
    const { got, want } = kmapBoth({ kernelSize: 3 }, kernel, data, [60]);
    expect(got).toEqual(want);
  });

  it("kscan kernels with if see the updated values", () => {
    setup();
    const kernel = (w: Win) => {
      if (w[0] > w[2]) return w[0] - 1;
      return w[2] + w[1];
    };
    const data = sample(6, 20);
    const got = Array.from(kex.kscan({ kernelSize: 3 }, kernel)(kex.array(data)).data);
    const want = Array.from(naiveKscan({ kernelSize: 3 }, plain(kernel), naiveArray([20], data)).data);
    expect(got).toEqual(want);
  });

  it("gradients flow through the taken branch", () => {
    setup();
    const kernel = (w: Win) => {
      let y = w[1] * w[1];
      if (w[0] > w[2]) y = y * w[0];
      else y = -w[2];
      return y;
    };
    const f = (x: kex.NDArray) => kex.sum(kex.kmap({ kernelSize: 3 }, kernel)(x));
    const data = [0.3, -1.2, 2.5, 0.7, -0.4, 1.9, 1.1];
    const g = Array.from(kex.grad(f)(kex.array(data)).data);
    // central differences of the plain kernel summed over windows (no test flips at these points)
    const total = (xs: number[]) => {
      let s = 0;
      for (let i = 0; i + 3 <= xs.length; i++) s += kernel(xs.slice(i, i + 3));
      return s;
    };
    const h = 1e-6;
    const fd = data.map((_, i) => (total(data.map((v, j) => (j === i ? v + h : v))) - total(data.map((v, j) => (j === i ? v - h : v)))) / (2 * h));
    expect(g).toBeAllclose(fd, { rtol: 1e-6, atol: 1e-6 });
  });
});

describe.each([true, false])("kex.isnan and kex.isfinite (codegen %s)", (codegen) => {
  it("values, under jit, with zero gradients and under vmap", () => {
    kex.config({ codegen });
    const x = kex.array([1, NaN, Infinity, -Infinity, -0, 3e300], { shape: [2, 3] });
    expect(kex.isnan(x).toArray()).toEqual([[0, 1, 0], [0, 0, 0]]);
    expect(kex.isfinite(x).toArray()).toEqual([[1, 0, 0], [0, 1, 1]]);
    expect(kex.jit((a: kex.NDArray) => kex.add(kex.isnan(a), kex.mul(2, kex.isfinite(a))))(x).toArray()).toEqual([[2, 1, 0], [0, 2, 2]]);
    // d/dx sum(where(isfinite(x), x², 0)) = 2x where x is finite, else 0
    const y = kex.array([1.5, Infinity, -2, NaN]);
    const g = kex.grad((a: kex.NDArray) => kex.sum(kex.where(kex.isfinite(a), kex.square(kex.where(kex.isfinite(a), a, 0)), 0)))(y);
    expect(Array.from(g.data)).toEqual([3, 0, -4, 0]);
    expect(Array.from(kex.grad((a: kex.NDArray) => kex.sum(kex.isnan(a)))(y).data)).toEqual([0, 0, 0, 0]);
    const rows = kex.vmap((r: kex.NDArray) => kex.isnan(r), 1)(x);
    expect(rows.toArray()).toEqual([[0, 0], [1, 0], [0, 0]]);
    kex.config({ codegen: true });
  });
});

/** The message a kernel built from `source` throws when traced on a 1-d array. */
function traceError(source: string, codegen: boolean, name = "k"): string {
  kex.config({ codegen });
  const fn = kernelFrom(source);
  Object.defineProperty(fn, "name", { value: name });
  try {
    kex.kmap({ kernelSize: 3 }, fn as never)(kex.arange(8));
  } catch (error) {
    expect(error).toBeInstanceOf(kex.KernexError);
    return (error as Error).message;
  } finally {
    kex.config({ codegen: true });
  }
  throw new Error(`kernel ${source} did not throw`);
}

describe.each([true, false])("no silent coercion: KernexErrors with kernel, line and column (codegen %s)", (codegen) => {
  it("a while loop on a window value fails at once instead of growing without end", () => {
    const message = traceError("(w) => {\n  let s = 0;\n  while (s < w[0]) s = s + 1;\n  return s;\n}", codegen, "count");
    expect(message).toMatch(/^kernel "count": line 3, column 3: the condition of a loop depends on a window value/);
    expect(message).toMatch(/fixed bound/);
  });

  it("a for loop bounded by a window value, and do-while", () => {
    expect(traceError("(w) => {\n  let s = 0;\n  for (let i = 0; i < w[0]; i++) s += w[1];\n  return s;\n}", codegen)).toMatch(/line 3, column 3: the condition of a loop/);
    expect(traceError("(w) => { let s = 0; do { s += 1; } while (s < w[2]); return s; }", codegen)).toMatch(/line 1, column 21: the condition of a loop/);
  });

  it.each([
    ["Number(w[0])", "Number(...)", 8],
    ["String(w[0]).length", "String(...)", 8],
    ["parseFloat(w[0])", "parseFloat(...)", 8],
    ["Number.parseInt(w[0])", "Number.parseInt(...)", 8],
    ["JSON.stringify(w[0]).length", "JSON.stringify(...)", 8],
    ["`${w[1]}`.length", "a template literal", 11],
    ["({ [w[1]]: 1 }).a", "a computed property key", 12],
  ])("%s", (expression, what, column) => {
    const message = traceError(`(w) => ${expression}`, codegen);
    expect(message).toContain(`kernel "k": line 1, column ${column}: ${what} needs a plain value`);
  });

  it("an if whose branch breaks out of a loop, on a window value", () => {
    const source = "(w) => {\n  let s = 0;\n  for (let i = 0; i < 3; i++) {\n    if (w[i] < 0) break;\n    s += w[i];\n  }\n  return s;\n}";
    expect(traceError(source, codegen)).toMatch(/line 4, column 5: the test of an if or switch whose branches use break or continue needs a plain value/);
  });

  it("a return on only some paths, and a variable assigned in one branch only", () => {
    expect(traceError("(w) => {\n  if (w[0] > 2) return 1;\n}", codegen)).toMatch(/line 1, column 1: this function returns under a test .* may reach its end without a return/);
    expect(traceError("(w) => {\n  let r;\n  if (w[0] > 2) r = 1;\n  return r * 2;\n}", codegen)).toMatch(/line 3, column 3: a variable assigned in only one branch/);
  });

  it("selecting between values that are not numbers", () => {
    expect(traceError('(w) => { let t = "a"; if (w[0] > 2) t = "b"; return t.length; }', codegen)).toMatch(/line 1, column 23: .* is "b" after one branch and "a" after the other/);
  });

  it("a helper from scope is named in its own errors", () => {
    kex.config({ codegen });
    const helper = kernelFrom("(v) => Number(v)");
    expect(() => kex.kmap({ kernelSize: 3, scope: { helper } }, kernelFrom("(w) => helper(w[0])") as never)(kex.arange(5))).toThrow(
      /function "helper" in options.scope of kernel .*: line 1, column 8: Number\(\.\.\.\) needs a plain value/,
    );
    kex.config({ codegen: true });
  });
});

describe("plain tests and conversions still run as JavaScript", () => {
  it("Number, String and templates of plain values, loops over plain bounds", () => {
    const f = kex.kmap({ kernelSize: 3 }, (w: Win, n: number) => {
      let s = 0;
      for (let i = 0; i < Number(`${n}`); i++) s += w[i];
      return String(n).length === 1 ? s : -s;
    });
    expect(f(kex.array([1, 2, 3, 4]), 2).toArray()).toEqual([3, 5]);
  });

  it("a traced array outside kernels has no number value: comparisons throw a KernexError", () => {
    expect(() => kex.jit((x: kex.NDArray) => ((x as unknown as number) > 0 ? x : kex.neg(x)))(kex.array([1, -2]))).toThrow(kex.KernexError);
    expect(() => kex.jit((x: kex.NDArray) => JSON.stringify(x))(kex.array([1]))).toThrow(/JSON.stringify was given Tracer/);
    expect(kex.jit((x: kex.NDArray) => (String(x).startsWith("Tracer") ? x : kex.neg(x)))(kex.array([1])).toArray()).toEqual([1]);
  });
});
