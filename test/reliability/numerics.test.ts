/**
 * @file IEEE numerics: NaN and ±Infinity propagate through kernels (compiled
 * and `codegen: false`), scans, padding values, reductions, where and
 * comparisons, and gradients, exactly as plain JavaScript arithmetic gives
 * them (the references below are written window by window in plain JS).
 * float32 inputs stay float32 through kmap/kscan/smap/sscan, jit and the
 * array functions, and every path (compiled, interpreted, eager) rounds
 * after each operation, so they agree bit for bit (see src/ndarray/dtype.ts).
 */
import { afterEach, describe, expect, it } from "vitest";
import * as kex from "kernex";
import { grad } from "../../src/transforms/grad";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Win = any;

/** Same values, NaN equal to NaN (and -0 equal to 0, as IEEE comparison has it). */
function expectSameValues(actual: ArrayLike<number>, expected: ArrayLike<number>): void {
  const a = Array.from(actual);
  const b = Array.from(expected);
  expect(a.length).toBe(b.length);
  a.forEach((v, i) => {
    if (!(Number.isNaN(v) && Number.isNaN(b[i]!)) && v !== b[i]) expect.fail(`index ${i}: got ${v}, expected ${b[i]} (actual [${a}], expected [${b}])`);
  });
}

/** Bit-for-bit equality (NaN payloads aside), for the float32 paths. */
function expectSameBits(actual: ArrayLike<number>, expected: ArrayLike<number>): void {
  const a = Array.from(actual);
  const b = Array.from(expected);
  expect(a.length).toBe(b.length);
  a.forEach((v, i) => {
    if (!Object.is(v, b[i]) && !(Number.isNaN(v) && Number.isNaN(b[i]!))) expect.fail(`index ${i}: got ${v}, expected ${b[i]}`);
  });
}

/** Plain-JS reference of a 1-d "valid" kmap with window size k. */
function windows(xs: readonly number[], k: number, f: (w: number[]) => number): number[] {
  const out: number[] = [];
  for (let i = 0; i + k <= xs.length; i++) out.push(f(xs.slice(i, i + k)));
  return out;
}

const special = [1, NaN, 3, Infinity, -Infinity, 2, 0, -0, -5, Infinity, Infinity, NaN];

afterEach(() => {
  kex.config({ codegen: true });
});

describe.each([true, false])("NaN and ±Infinity through kernels, codegen: %s", (codegen) => {
  const x = () => kex.array(special);

  it("sums, products and arithmetic", () => {
    kex.config({ codegen });
    expectSameValues(kex.kmap({ kernelSize: 3 }, (w: Win) => kex.sum(w))(x()).data, windows(special, 3, (w) => w[0]! + w[1]! + w[2]!));
    expectSameValues(kex.kmap({ kernelSize: 2 }, (w: Win) => kex.prod(w))(x()).data, windows(special, 2, (w) => 1 * w[0]! * w[1]!));
    expectSameValues(kex.kmap({ kernelSize: 2 }, (w: Win) => w[0] * 0 + w[1] / w[0])(x()).data, windows(special, 2, (w) => w[0]! * 0 + w[1]! / w[0]!));
    expectSameValues(kex.kmap({ kernelSize: 2 }, (w: Win) => w[0] - w[1])(x()).data, windows(special, 2, (w) => w[0]! - w[1]!));
    expectSameValues(kex.kmap({ kernelSize: 1 }, (w: Win) => Math.sqrt(w[0]) + Math.log(w[0]) + Math.exp(-w[0]))(x()).data, windows(special, 1, (w) => Math.sqrt(w[0]!) + Math.log(w[0]!) + Math.exp(-w[0]!)));
    expectSameValues(kex.kmap({ kernelSize: 1 }, (w: Win) => w[0] ** 0 + w[0] % 2)(x()).data, windows(special, 1, (w) => w[0]! ** 0 + (w[0]! % 2)));
  });

  it("max and min propagate NaN like Math.max / Math.min", () => {
    kex.config({ codegen });
    expectSameValues(kex.kmap({ kernelSize: 3 }, (w: Win) => kex.max(w))(x()).data, windows(special, 3, (w) => Math.max(...w)));
    expectSameValues(kex.kmap({ kernelSize: 3 }, (w: Win) => kex.min(w))(x()).data, windows(special, 3, (w) => Math.min(...w)));
    expectSameValues(kex.kmap({ kernelSize: 2 }, (w: Win) => Math.max(w[0], w[1]))(x()).data, windows(special, 2, (w) => Math.max(w[0]!, w[1]!)));
    expectSameValues(kex.kmap({ kernelSize: 2 }, (w: Win) => kex.maximum(w[0], w[1]))(x()).data, windows(special, 2, (w) => Math.max(w[0]!, w[1]!)));
  });

  it("comparisons and conditions: NaN compares false, and is falsy as a condition, as in JavaScript (issue #16)", () => {
    kex.config({ codegen });
    expectSameValues(kex.kmap({ kernelSize: 2 }, (w: Win) => w[0] < w[1])(x()).data, windows(special, 2, (w) => +(w[0]! < w[1]!)));
    expectSameValues(kex.kmap({ kernelSize: 2 }, (w: Win) => w[0] >= w[1])(x()).data, windows(special, 2, (w) => +(w[0]! >= w[1]!)));
    expectSameValues(kex.kmap({ kernelSize: 1 }, (w: Win) => w[0] == w[0])(x()).data, windows(special, 1, (w) => +(w[0] === w[0])));
    expectSameValues(kex.kmap({ kernelSize: 1 }, (w: Win) => w[0] != w[0])(x()).data, windows(special, 1, (w) => +(w[0] !== w[0])));
    // a kernel is plain JavaScript: ? :, if, && and || test truthiness, and NaN is falsy (kex.where, like numpy, counts it as true)
    expectSameValues(kex.kmap({ kernelSize: 1 }, (w: Win) => (w[0] ? 10 : 20))(x()).data, windows(special, 1, (w) => (w[0] ? 10 : 20)));
    expectSameValues(kex.kmap({ kernelSize: 1 }, (w: Win) => w[0] || 5)(x()).data, windows(special, 1, (w) => w[0] || 5));
    expectSameValues(kex.kmap({ kernelSize: 1 }, (w: Win) => kex.where(w[0], 10, 20))(x()).data, windows(special, 1, (w) => (w[0] !== 0 ? 10 : 20)));
  });

  it("scans carry NaN and Infinity into later windows", () => {
    kex.config({ codegen });
    // kscan writes each result at the window's centre (cell i + 1) before the next window reads it
    const ref = [...special];
    for (let i = 0; i + 3 <= ref.length; i++) ref[i + 1] = ref[i]! + ref[i + 1]! + ref[i + 2]!;
    expectSameValues(kex.kscan({ kernelSize: 3 }, (w: Win) => kex.sum(w))(x()).data, ref.slice(1, -1));
    expectSameValues(kex.sscan({ kernelSize: 3, offset: 1 }, (w: Win) => kex.sum(w))(x()).data, ref);
  });

  it("padding values may be ±Infinity or NaN-producing", () => {
    kex.config({ codegen });
    const y = kex.array([1, 2, 3]);
    expectSameValues(kex.kmap({ kernelSize: 3, padding: "same", padValue: Infinity }, (w: Win) => kex.min(w))(y).data, [1, 1, 2]);
    expectSameValues(kex.kmap({ kernelSize: 3, padding: "same", padValue: -Infinity }, (w: Win) => kex.max(w))(y).data, [2, 3, 3]);
    expectSameValues(kex.kmap({ kernelSize: 3, padding: "same", padValue: Infinity }, (w: Win) => (kex.sum(w) as Win) * 0)(y).data, [NaN, 0, NaN]);
  });

  it("gradients follow IEEE arithmetic", () => {
    kex.config({ codegen });
    // f(x) = Σ_g x[g]·x[g+1], so ∂f/∂x_i = x_{i-1} + x_{i+1} (missing neighbours contribute nothing)
    const xs = [1, NaN, 3, Infinity, 2, -Infinity];
    const g = grad((a: kex.NDArray) => kex.sum(kex.kmap({ kernelSize: 2 }, (w: Win) => w[0] * w[1])(a)))(kex.array(xs));
    expectSameValues(g.data, xs.map((_, i) => (i > 0 ? xs[i - 1]! : 0) + (i < xs.length - 1 ? xs[i + 1]! : 0)));
    // d√x/dx = 1 / (2√x): Infinity at 0, 0 at Infinity
    const gs = grad((a: kex.NDArray) => kex.sum(kex.sqrt(a)))(kex.array([0, 4, Infinity]));
    expectSameValues(gs.data, [Infinity, 0.25, 0]);
    // a NaN input makes the gradient of x·x NaN there and nowhere else
    const gq = grad((a: kex.NDArray) => kex.sum(kex.mul(a, a)))(kex.array([1, NaN, -Infinity]));
    expectSameValues(gq.data, [2, NaN, -Infinity]);
  });
});

describe("NaN and ±Infinity through array functions", () => {
  it("reductions", () => {
    const withNaN = kex.array([1, NaN, 3]);
    const infs = kex.array([[1, Infinity], [-Infinity, 2]]);
    expectSameValues([kex.sum(withNaN).item(), kex.max(withNaN).item(), kex.min(withNaN).item(), kex.prod(withNaN).item(), kex.mean(withNaN).item()], [NaN, NaN, NaN, NaN, NaN]);
    expectSameValues([kex.sum(infs).item(), kex.max(infs).item(), kex.min(infs).item(), kex.prod(infs).item(), kex.mean(infs).item()], [NaN, Infinity, -Infinity, -Infinity, NaN]);
    expectSameValues(kex.sum(infs, { axis: 0 }).data, [-Infinity, Infinity]);
    expectSameValues(kex.max(infs, { axis: 1 }).data, [Infinity, 2]);
    expectSameValues(kex.prod(kex.array([0, Infinity])).data, [NaN]);
    expectSameValues(kex.mean(kex.array([Infinity, Infinity])).data, [Infinity]);
  });

  it("where, comparisons and elementwise functions", () => {
    const v = kex.array([NaN, Infinity, -Infinity, 0, -0, 1]);
    expectSameValues(kex.where(v, 1, 2).data, [1, 1, 1, 2, 2, 1]);
    expectSameValues(kex.less(v, 1).data, [0, 0, 1, 1, 1, 0]);
    expectSameValues(kex.equal(v, v).data, [0, 1, 1, 1, 1, 1]);
    expectSameValues(kex.notEqual(v, v).data, [1, 0, 0, 0, 0, 0]);
    expectSameValues(kex.maximum(v, 0).data, [NaN, Infinity, 0, 0, 0, 1]);
    expectSameValues(kex.div(1, v).data, [NaN, 0, -0, Infinity, -Infinity, 1]);
    expectSameValues(kex.tanh(v).data, [NaN, 1, -1, 0, -0, Math.tanh(1)]);
  });

  it("jit gives the same special values as eager execution", () => {
    const f = (a: kex.NDArray) => kex.add(kex.kmap({ kernelSize: 2 }, (w: Win) => (kex.max(w) as Win) - w[0])(a), kex.sum(a));
    const a = kex.array([1, NaN, Infinity, 2]);
    expectSameValues(kex.jit(f)(a).data, f(a).data);
  });
});

describe("float32 stays float32", () => {
  const values = [0.1, 0.2, 0.3, 1e-8, 7.7, -3.3, 1e30, 3.4e38];
  const f32 = () => kex.array(values, { dtype: "float32" });

  it("through kmap, kscan, smap and sscan, compiled and interpreted", () => {
    for (const codegen of [true, false]) {
      kex.config({ codegen });
      const outs = [
        kex.kmap({ kernelSize: 3 }, (w: Win) => kex.sum(w))(f32()),
        kex.kmap({ kernelSize: 3, padding: "same" }, (w: Win) => w)(f32()),
        kex.kscan({ kernelSize: 3 }, (w: Win) => w[0] * 0.5 + w[2])(f32()),
        kex.smap({ kernelSize: 3, offset: 1 }, (w: Win) => w[1] - w[0])(f32()),
        kex.sscan({ kernelSize: 3, offset: 1 }, (w: Win) => kex.mean(w))(f32()),
      ];
      for (const y of outs) {
        expect(y.dtype).toBe("float32");
        expect(y.data).toBeInstanceOf(Float32Array);
      }
    }
  });

  it("through the array functions and jit; float64 operands promote to float64", () => {
    const a = f32();
    for (const y of [kex.add(a, a), kex.mul(a, 0.1), kex.sum(a), kex.max(a), kex.mean(a), kex.exp(a), kex.where(kex.less(a, 1), a, 0), a.with("0", 5), a.slice("::2"), kex.reshape(a, [2, 4]), kex.jit((b: kex.NDArray) => kex.sum(kex.mul(b, b)))(a)]) {
      expect(y.dtype).toBe("float32");
      expect(y.data).toBeInstanceOf(Float32Array);
    }
    expect(kex.add(a, kex.ones([8])).dtype).toBe("float64");
    expect(kex.astype(a, "float64").dtype).toBe("float64");
  });

  it("values beyond float32's range become ±Infinity on storage", () => {
    expectSameValues(kex.array([1e39, -1e39, 3.4e38], { dtype: "float32" }).data, [Infinity, -Infinity, Math.fround(3.4e38)]);
    expectSameValues(kex.mul(kex.array([3e38], { dtype: "float32" }), 10).data, [Infinity]);
  });

  it("compiled kernels, the interpreter and eager ops round after each operation: same bits", () => {
    const d = Float32Array.from(values);
    const r = Math.fround;
    // reference: every operation on float32 values rounded to float32, literals too
    const ref = windows(Array.from(d), 3, (w) => r(r(r(r(w[0]! * 3) + r(w[1]! / 7)) - r(Math.sin(w[2]!))) * r(0.1)));
    const kernel = (w: Win) => (w[0] * 3 + w[1] / 7 - Math.sin(w[2])) * 0.1;
    const results: ArrayLike<number>[] = [];
    for (const codegen of [true, false]) {
      kex.config({ codegen });
      results.push(kex.kmap({ kernelSize: 3 }, kernel)(f32()).data);
    }
    const a = f32();
    const win = (k: number) => a.slice(`${k}:${values.length - 2 + k}`);
    results.push(kex.mul(kex.sub(kex.add(kex.mul(win(0), 3), kex.div(win(1), 7)), kex.sin(win(2))), 0.1).data);
    for (const got of results) expectSameBits(got, ref);
  });

  it("a float32 window holds padValue as float32", () => {
    const d = Array.from(Float32Array.from(values));
    const r = Math.fround;
    // 2^24 + 1 is not a float32: it is held as 2^24
    const padded = [r(16777217), ...d, r(16777217)];
    const ref = windows(padded, 3, (w) => r(r(w[0]! + w[1]!) + w[2]!));
    for (const codegen of [true, false]) {
      kex.config({ codegen });
      expectSameBits(kex.kmap({ kernelSize: 3, padding: "same", padValue: 16777217 }, (w: Win) => w[0] + w[1] + w[2])(f32()).data, ref);
    }
  });

  it("reductions inside float32 kernels round at every step", () => {
    const d = Array.from(Float32Array.from(values));
    const r = Math.fround;
    const ref = windows(d, 4, (w) => r(w.reduce((acc, v) => r(acc + v), 0) / 4));
    for (const codegen of [true, false]) {
      kex.config({ codegen });
      expectSameBits(kex.kmap({ kernelSize: 4 }, (w: Win) => kex.mean(w))(f32()).data, ref);
    }
  });
});
