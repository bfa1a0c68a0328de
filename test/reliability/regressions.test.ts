/**
 * @file Regression tests for the bad-input, injection, memory and numerics
 * bugs the reliability properties found; each test says what it protects.
 */
import { afterEach, describe, expect, it } from "vitest";
import * as kex from "kernex";
import { kernexError } from "../helpers/errors";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;


const x5 = kex.arange(5);
const sum = (w: Loose) => kex.sum(w);

afterEach(() => {
  kex.config({ codegen: true });
});

describe("stencil options", () => {
  it("geometry beyond 2^31 - 1 is a KernexError (was a RangeError from a typed-array constructor)", () => {
    expect(kernexError(() => kex.kmap({ kernelSize: 3, strides: 2 ** 53 }, sum)(x5)).message).toMatch(/strides.*at most 2147483647/);
    expect(kernexError(() => kex.kmap({ kernelSize: [2 ** 53] }, sum)(x5)).message).toContain("kernelSize");
    expect(kernexError(() => kex.kmap({ kernelSize: 2, padding: 1e300 }, sum)(x5)).message).toContain("padding");
    expect(kernexError(() => kex.smap({ kernelSize: 3, dilation: 1e200 }, sum)(x5)).message).toContain("dilation");
  });

  it("a window that does not fit because of its dilation names the dilation", () => {
    expect(kernexError(() => kex.kmap({ kernelSize: 3, dilation: 3 }, sum)(x5)).message).toMatch(/kernelSize 3 with dilation 3 \(extent 7/);
  });

  it("smap on an empty axis names the input (was an offset message about `undefined`)", () => {
    expect(kernexError(() => kex.smap({ kernelSize: 1 }, sum)(kex.zeros([0]))).message).toMatch(/smap: input: axis 0 .* is empty/);
  });

  it("huge padding with huge strides works (sparse border tables fall back to the interpreter, was a 16 GiB table)", () => {
    const options = { kernelSize: 2, padding: [[1, 2 ** 30]] as Loose, strides: 2 ** 29, padMode: "wrap" as const };
    const compiled = kex.kmap(options, (w: Loose) => w[0] + 10 * w[1])(x5);
    kex.config({ codegen: false });
    const interpreted = kex.kmap(options, (w: Loose) => w[0] + 10 * w[1])(x5);
    expect(compiled.shape).toEqual([3]);
    expect(Array.from(compiled.data)).toEqual(Array.from(interpreted.data));
  });

  it("a result larger than the machine allows is a KernexError naming its shape (was a hang or an out-of-memory crash)", () => {
    expect(kernexError(() => kex.kmap({ kernelSize: 1, padding: 2 ** 31 - 1 }, (w: Loose) => w[0])(x5)).message).toMatch(/kmap: result: an array of shape \[4294967299\].*too large/);
    expect(kernexError(() => kex.zeros([1e6, 1e6])).message).toMatch(/zeros: an array of shape \[1000000, 1000000\].*too large/);
    expect(kernexError(() => kex.broadcastTo(1, [65536, 65536])).message).toMatch(/too large/);
    expect(kernexError(() => kex.arange(0, 1, 1e-300)).message).toMatch(/arange/);
  });
});

describe("inputs and arguments", () => {
  it("an object that only shares NDArray's prototype is refused (was a TypeError reading its shape)", () => {
    const fake = Object.create(kex.NDArray.prototype);
    expect(kernexError(() => kex.kmap({ kernelSize: 1 }, sum)(fake)).message).toContain("kmap: input");
    expect(kernexError(() => kex.add(fake, 1)).message).toContain("add");
    expect(kernexError(() => kex.jit((a: Loose) => a)(fake)).message).toContain("jit: argument 0");
  });

  it("reduction options must be an object of axis/keepdims (sum(x, 0) silently summed everything)", () => {
    const m = kex.arange(6).reshape([2, 3]);
    expect(kernexError(() => kex.sum(m, 0 as Loose)).message).toContain("sum: options");
    expect(kernexError(() => kex.max(m, { axes: 0 } as Loose)).message).toContain('"axes"');
    expect(kernexError(() => kex.mean(m, { keepdims: "yes" } as Loose)).message).toContain("keepdims");
  });

  it("flip, transpose, broadcastTo and astype check their arguments (were TypeErrors or wrong shapes)", () => {
    expect(kex.flip(kex.arange(3)).toArray()).toEqual([2, 1, 0]);
    expect(kernexError(() => kex.flip(x5, [5])).message).toContain("flip: axis");
    expect(kernexError(() => kex.transpose(x5, 3 as Loose)).message).toContain("transpose: perm");
    expect(kernexError(() => kex.broadcastTo(x5, 3 as Loose)).message).toContain("broadcastTo: shape");
    expect(kernexError(() => kex.broadcastTo(kex.ones([3]), [1])).message).toContain("cannot be broadcast to [1]");
    expect(kernexError(() => kex.astype(x5, undefined as Loose)).message).toContain("astype: dtype");
  });

  it("messages name the public function (lessEqual, not le) and nested-array operands name it too", () => {
    expect(kernexError(() => kex.lessEqual(x5, "a" as Loose)).message).toMatch(/^lessEqual:/);
    expect(kernexError(() => kex.add(x5, [[1, "a"]] as Loose)).message).toMatch(/^add:/);
    expect(kernexError(() => x5.with("0", [1, "a"] as Loose)).message).toMatch(/^with: value:/);
  });

  it("array creation: deep nesting, BigInt arrays and null options are KernexErrors", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(kernexError(() => kex.array(deep)).message).toContain("nested more than 64");
    expect(kernexError(() => kex.array(new BigInt64Array(2))).message).toContain("BigInt");
    expect(kernexError(() => kex.array(x5, null as Loose)).message).toContain("array: options");
    expect(kernexError(() => kex.linspace("0" as Loose, 1, 3)).message).toContain("linspace: start");
  });

  it("a rejected config call changes nothing", () => {
    const before = kex.config();
    kernexError(() => kex.config({ workers: 0, codegen: "no" as Loose }));
    expect(kex.config()).toEqual(before);
  });
});

describe("kernels", () => {
  it("an exception a kernel raises is a KernexError naming the kernel, with the original as cause", () => {
    const boom = new RangeError("boom");
    const e = kernexError(() =>
      kex.kmap({ kernelSize: 3, scope: { boom } }, function myKernel() {
        throw boom;
      })(x5),
    );
    expect(e.message).toContain('kernel "myKernel" threw RangeError: boom');
    expect(e.cause).toBe(boom);
    expect(kernexError(() => kex.kmap({ kernelSize: 3 }, (w: Loose) => w.nope.deeper)(x5)).message).toContain("Cannot read properties of undefined");
  });

  it("Math functions without a traced rule work on plain numbers and are KernexErrors on windows (was `__k.math.clz32 is not a function`)", () => {
    expect(Array.from(kex.kmap({ kernelSize: 1 }, (w: Loose) => w[0] + Math.clz32(1))(x5).data)).toEqual([31, 32, 33, 34, 35]);
    expect(kernexError(() => kex.kmap({ kernelSize: 1 }, (w: Loose) => Math.clz32(w[0]))(x5)).message).toContain("Math.clz32 is not supported");
    expect(kernexError(() => kex.kmap({ kernelSize: 1 }, (w: Loose) => (Math as Loose).nope(w[0]))(x5)).message).toContain("Math.nope is not a Math function");
  });

  it("JavaScript errors on plain kernel values are KernexErrors (BigInt and Symbol operands)", () => {
    expect(kernexError(() => kex.kmap({ kernelSize: 1 }, (w: Loose) => w[0] + Math.sin(1n as Loose))(x5)).message).toContain("Math.sin on 1n failed");
  });

  it("kernels cannot reach the Function constructor through constructor/prototype/descriptors", () => {
    expect(kernexError(() => kex.kmap({ kernelSize: 1 }, (w: Loose) => w.constructor)(x5)).message).toContain('"constructor"');
    expect(kernexError(() => kex.kmap({ kernelSize: 1 }, (w: Loose) => (1 as Loose)["constr" + "uctor"])(x5)).message).toContain("not allowed");
  });
});

describe("caches", () => {
  it("jit keys string arguments so that no string spells another argument list, and tells -0 from 0", () => {
    const f = kex.jit((a: kex.NDArray, ...rest: unknown[]) => kex.add(a, rest.length));
    expect(f(x5, "a|number:1").toArray()).toEqual([1, 2, 3, 4, 5]);
    expect(f(x5, "a", 1).toArray()).toEqual([2, 3, 4, 5, 6]);
    const g = kex.jit((a: kex.NDArray, s: number) => kex.add(a, kex.div(1, s)));
    expect(g(kex.zeros([1]), 0).item()).toBe(Infinity);
    expect(g(kex.zeros([1]), -0).item()).toBe(-Infinity);
  });
});
