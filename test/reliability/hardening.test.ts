/**
 * @file Issue #19, hardening second round: each numbered case of the issue
 * gives a KernexError or the right result, within a second (each test's
 * timeout; kernex is warmed up first, so the bound is the case's own cost).
 */
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import * as kex from "kernex";
import { kernexError } from "../helpers/errors";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

const SECOND = 1_000;
const first = (w: Loose) => w[0];
const proto = Object.prototype as Record<string, unknown>;

beforeAll(() => {
  // load and JIT kernex's own code once, so each case below is timed alone
  kex.kmap({ kernelSize: 3, padding: "same" }, (w: Loose) => w[0] + w[2])(kex.arange(5));
});

afterEach(() => {
  for (const key of ["padding", "workers", "kernelSize", "padValue", "axis", "keepdims", "dtype", "shape"]) delete proto[key];
  kex.config({ codegen: true, workers: "auto" });
});

describe("issue #19: options, huge kernels, kernels that reach out", () => {
  it("1. a 2^31-1 window on 3 cells is a KernexError naming kernelSize and the bound", () => {
    const e = kernexError(() => kex.kmap({ kernelSize: 2 ** 31 - 1, padding: "same" }, first)(kex.ones([3])));
    expect(e.message).toMatch(/kmap: kernelSize 2147483647 gives windows of 2147483647 cells; expected at most 16777216 cells per window/);
    // under the window bound, windows too large to compile are bounded by their cells in all
    const wide = kernexError(() => kex.kmap({ kernelSize: 100_000, padding: "same" }, first)(kex.ones([1000])));
    expect(wide.message).toMatch(/kernelSize 100000 .* grid of 1000 windows .* 100000000 cells in all; expected at most 16777216/);
    // and a wide window on a small input still gives the numpy answer: w[0] reads the padding left of cell 0
    expect(kex.kmap({ kernelSize: 60_001, padding: "same", padValue: 7 }, first)(kex.arange(3)).toArray()).toEqual([7, 7, 7]);
  }, SECOND * 5);

  it("2. options inherited from Object.prototype are ignored; a symbol key is a KernexError", () => {
    proto.padding = "same";
    expect(kex.kmap({ kernelSize: 3 }, first)(kex.arange(5)).toArray()).toEqual([0, 1, 2]);
    delete proto.padding;
    const before = kex.config().workers;
    proto.workers = 2;
    expect(kex.config({}).workers).toBe(before);
    delete proto.workers;
    const e = kernexError(() => kex.kmap({ kernelSize: [3], [Symbol.iterator]: 1 } as Loose, first));
    expect(e.message).toMatch(/kmap: option keys must be strings; got the symbol key Symbol\(Symbol.iterator\)/);
  }, SECOND);

  it("2. reductions and kex.array do not read options from Object.prototype either", () => {
    const m = kex.arange(6).reshape([2, 3]);
    for (const [key, value] of [["axis", 0], ["keepdims", true], ["dtype", "float32"], ["shape", [2, 1]]] as const) {
      proto[key] = value;
      try {
        expect(kex.sum(m, {}).toArray()).toBe(15);
        expect(kex.mean(m, {}).toArray()).toBe(2.5);
        const a = kex.array([1, 2], {});
        expect([a.dtype, a.shape]).toEqual(["float64", [2]]);
        expect(kex.array([1, 2]).dtype).toBe("float64");
      } finally {
        delete proto[key];
      }
    }
    expect(kernexError(() => kex.sum(m, { axes: 0 } as Loose)).message).toMatch(/sum: unknown option "axes" \(did you mean "axis"\?\)/);
  }, SECOND);

  it("2. internal optional fields are never read from a polluted Object.prototype (gradients of scans)", () => {
    const loss = (x: Loose) => kex.sum(kex.kscan({ kernelSize: 3, padding: "same", padValue: 2 }, (w: Loose) => w[0] * w[1] + w[2])(x));
    const x = kex.arange(6);
    const clean = kex.grad(loss)(x).toArray();
    for (const [key, value] of [["zeroPadFrom", 0], ["ctMaps", 1], ["ctMaps", [1]]] as const) {
      proto[key] = value;
      try {
        expect(kex.grad(loss)(x).toArray()).toEqual(clean);
        expect(kex.jit(kex.grad(loss))(x).toArray()).toEqual(clean);
      } finally {
        delete proto[key];
      }
    }
  }, SECOND * 2);

  it("3. options are a snapshot: changing the object after kmap has no effect on any shape", () => {
    const o: Loose = { kernelSize: 3 };
    const f = kex.kmap(o, first);
    expect(f(kex.arange(5)).toArray()).toEqual([0, 1, 2]);
    o.kernelSize = 2;
    o.padding = "same";
    expect(f(kex.arange(5)).toArray()).toEqual([0, 1, 2]);
    expect(f(kex.arange(6)).toArray()).toEqual([0, 1, 2, 3]);
    // nested arrays are copied too
    const nested: Loose = { kernelSize: [3], padding: [[1, 1]] };
    const g = kex.kmap(nested, first);
    nested.padding[0][0] = 0;
    expect(g(kex.arange(3)).toArray()).toEqual([0, 0, 1]);
  }, SECOND);

  it("4. the did-you-mean hint only names kernex's own options", () => {
    const e = kernexError(() => kex.kmap({ kernelSize: 3, toString: 1 } as Loose, first));
    expect(e.message).toBe(`kmap: unknown option "toString"; expected one of kernelSize, strides, dilation, padMode, padValue, relative, namedAxis, scope, padding`);
    expect(kernexError(() => kex.kmap({ kernelSize: 3, constructor: 1 } as Loose, first)).message).not.toMatch(/did you mean/);
    expect(kernexError(() => kex.kmap({ kernelSize: 3, pading: 1 } as Loose, first)).message).toMatch(/did you mean "padding"/);
    expect(kernexError(() => kex.kmap({ kernel_size: 3 } as Loose, first)).message).toMatch(/did you mean "kernelSize"/);
    expect(kernexError(() => kex.config({ worker: 2 } as Loose)).message).toMatch(/config: unknown option "worker" \(did you mean "workers"\?\)/);
  }, SECOND);

  it("5. padValue may be NaN or ±Infinity, as in numpy's and JAX's pad", () => {
    for (const codegen of [true, false]) {
      kex.config({ codegen });
      for (const v of [NaN, Infinity, -Infinity]) {
        const out = kex.kmap({ kernelSize: 3, padding: "same", padValue: v }, (w: Loose) => 2 * w[0] + w[1])(kex.arange(3)).toArray();
        // numpy: np.pad([0, 1, 2], 1, constant_values=v) -> [v, 0, 1, 2, v]; windows give 2·left + centre
        expect(out).toEqual([2 * v + 0, 0 + 1, 2 + 2]);
      }
    }
    expect(kernexError(() => kex.kmap({ kernelSize: 3, padValue: "0" as Loose }, first)).message).toMatch(/padValue: got "0", expected a number/);
  }, SECOND * 2);

  it("6. reshape bounds each dimension like zeros, even for an empty array", () => {
    expect(kernexError(() => kex.zeros([0]).reshape([0, 1e308])).message).toMatch(/reshape: shape: got \[0,1e\+308\], expected .* each at most 2147483647/);
    expect(kernexError(() => kex.zeros([0, 1e12])).message).toMatch(/zeros/);
    expect(kex.zeros([0]).reshape([0, 5]).shape).toEqual([0, 5]);
  }, SECOND);

  it("7. jit refuses an unknown or symbol option key, with a hint among its own names", () => {
    expect(kernexError(() => kex.jit((x: Loose) => x, { donat: [0] } as Loose)).message).toBe(
      `jit: unknown option "donat" (did you mean "donate"?); expected one of donate, backend`,
    );
    expect(kernexError(() => kex.jit((x: Loose) => x, { [Symbol("s")]: 1 } as Loose)).message).toMatch(/jit: option keys must be strings/);
    expect(kernexError(() => kex.jit((x: Loose) => x, 3 as Loose)).message).toMatch(/jit: options: got 3/);
    proto.donat = 1;
    try {
      expect(kex.jit((x: Loose) => kex.mul(x, 2), {})(kex.ones([2])).toArray()).toEqual([2, 2]);
    } finally {
      delete proto.donat;
    }
  }, SECOND);

  it("8. kernels cannot change the caller's arrays or the global Math", () => {
    const arr = [1, 2];
    const pushes = kernexError(() => kex.kmap({ kernelSize: 1 }, (w: Loose, a: Loose) => (a.push(7), w[0]))(kex.arange(2), arr));
    expect(pushes.message).toMatch(/extra arguments \(arrays and objects\) reach it as frozen copies/);
    const assigns = kernexError(() => kex.kmap({ kernelSize: 1 }, (w: Loose, a: Loose) => (Object.assign(a, { 0: 9 }), w[0]))(kex.arange(2), arr));
    expect(assigns.message).toMatch(/frozen/);
    expect(arr).toEqual([1, 2]);
    for (const codegen of [true, false]) {
      kex.config({ codegen });
      const e = kernexError(() => kex.kmap({ kernelSize: 1 }, (w: Loose) => (Object.assign(Math, { x: 1 }), w[0]))(kex.arange(2)));
      expect(e.message).toMatch(/globals it may use \(Math, Object, \.\.\.\) as frozen views/);
      expect((Math as Loose).x).toBeUndefined();
      kernexError(() => kex.kmap({ kernelSize: 1 }, (w: Loose) => (Object.assign(Number.isNaN, { x: 1 }), w[0]))(kex.arange(2)));
      expect((Number.isNaN as Loose).x).toBeUndefined();
    }
    // reading through the views still works, and an argument's contents are seen call by call
    const scaled = kex.kmap({ kernelSize: 1 }, (w: Loose, a: Loose) => w[0] * a[1] + Math.max(...a) + Number.EPSILON * 0);
    expect(scaled(kex.arange(2), arr).toArray()).toEqual([2, 4]);
    arr[1] = 3;
    expect(scaled(kex.arange(2), arr).toArray()).toEqual([3, 6]);
    expect(kex.kmap({ kernelSize: 1 }, (w: Loose, a: Loose) => (Array.isArray(a) ? 1 : 0) + w[0])(kex.arange(2), arr).toArray()).toEqual([1, 2]);
  }, SECOND * 2);
});
