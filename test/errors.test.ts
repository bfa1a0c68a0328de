/**
 * @file One test per KernexError family: each message names the option or
 * argument, the value it had and what was expected; inputs stay unmodified.
 */
import { describe, expect, it } from "vitest";
import * as kex from "kernex";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Win = any;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

function errorOf(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error("expected an error");
}

function expectKernexError(fn: () => unknown, ...parts: (string | RegExp)[]): void {
  const e = errorOf(fn);
  expect(e).toBeInstanceOf(kex.KernexError);
  for (const p of parts) expect(e.message).toMatch(p);
}

const x5 = kex.array([1, 2, 3, 4, 5]);
const sum = (w: Win) => kex.sum(w);

describe("option errors", () => {
  it("kernelSize of the wrong type names the value and what is expected", () => {
    expectKernexError(() => kex.kmap({ kernelSize: "3" as Loose }, sum)(x5), "kernelSize", '"3"', "positive integer");
    expectKernexError(() => kex.kmap({ kernelSize: 0 }, sum)(x5), "kernelSize", "got 0", "positive integer");
    expectKernexError(() => kex.kmap({ kernelSize: 2.5 }, sum)(x5), "kernelSize", "2.5");
  });
  it("kernelSize with the wrong rank", () => {
    expectKernexError(() => kex.kmap({ kernelSize: [3, 3] }, sum)(x5), "kernelSize", "[3,3]", "expected 1", "rank is 1");
  });
  it("kernel larger than the array", () => {
    expectKernexError(() => kex.kmap({ kernelSize: 7 }, sum)(x5), "kernelSize", "larger than", "length 5");
  });
  it("strides and dilation must be positive integers", () => {
    expectKernexError(() => kex.kmap({ kernelSize: 3, strides: -1 }, sum)(x5), "strides", "-1", "positive integer");
    expectKernexError(() => kex.kmap({ kernelSize: 3, strides: NaN }, sum)(x5), "strides", "NaN");
    expectKernexError(() => kex.kmap({ kernelSize: 3, dilation: 0 }, sum)(x5), "dilation", "got 0");
  });
  it("padding strings and forms", () => {
    expectKernexError(() => kex.kmap({ kernelSize: 3, padding: "full" as Loose }, sum)(x5), "padding", '"full"', '"valid", "same"');
    expectKernexError(() => kex.kmap({ kernelSize: 3, padding: [1, 1, 1] as Loose }, sum)(x5), "padding", "3 entries", "expected 1");
  });
  it("padding so negative that no window fits", () => {
    expectKernexError(() => kex.kmap({ kernelSize: 3, padding: -2 }, sum)(x5), "kernelSize", "larger than", "padding");
  });
  it("offset of smap must be non-negative and leave cells", () => {
    expectKernexError(() => kex.smap({ kernelSize: 3, offset: -1 }, sum)(x5), "offset", "-1", "non-negative");
    expectKernexError(() => kex.smap({ kernelSize: 3, offset: 3 }, sum)(x5), "offset", "less than the axis length 5");
  });
  it("padMode must be one of the numpy modes", () => {
    expectKernexError(() => kex.kmap({ kernelSize: 3, padMode: "mirror" as Loose }, sum)(x5), "padMode", '"mirror"', '"reflect"');
  });
  it("unknown options, with a hint for Python names", () => {
    expectKernexError(() => kex.kmap({ kernelSize: 3, kernel_size: 3 } as Loose, sum), 'unknown option "kernel_size"', 'did you mean "kernelSize"');
    expectKernexError(() => kex.kmap({ kernelSize: 3, offset: 1 } as Loose, sum), 'unknown option "offset"');
  });
  it("missing kernelSize and non-object options", () => {
    expectKernexError(() => kex.kmap({} as Loose, sum), "kernelSize is required");
    expectKernexError(() => kex.kmap(3 as Loose, sum), "options", "got 3", "an object");
  });
  it("boolean options and names", () => {
    expectKernexError(() => kex.kmap({ kernelSize: 3, relative: 1 as Loose }, sum), "relative", "got 1", "true or false");
    expectKernexError(() => kex.kmap({ kernelSize: 3, namedAxis: { 0: "n-1" } }, sum), "namedAxis[0]", '"n-1"');
  });
});

describe("kernel errors", () => {
  it("a read outside the window names the index and the kernel size", () => {
    expectKernexError(() => kex.kmap({ kernelSize: 3 }, (w: Win) => w[3])(x5), "x[3]", "index 3", "kernel size 3", "[-3, 2]");
    expectKernexError(() => kex.kmap({ kernelSize: 3, relative: true }, (w: Win) => w[2])(x5), "index 2", "relative", "[-1, 1]");
  });
  it("an unknown axis name", () => {
    const f = kex.kmap({ kernelSize: [3, 3], relative: true, namedAxis: { 0: "n", 1: "i" } }, (u: Win) => u.at("j", "n"));
    expectKernexError(() => f(kex.ones([4, 4])), '"j"', '"n", "i"');
  });
  it("a kernel that is not a function", () => {
    expectKernexError(() => kex.kmap({ kernelSize: 3 }, 42 as Loose), "kernel", "got 42", "a function");
  });
  it("an outside variable names itself and both fixes", () => {
    const c = 2;
    expectKernexError(() => kex.kmap({ kernelSize: 3 }, (w: Win) => w[0] * c)(x5), '"c"', "scope", "argument");
  });
  it("scan kernels must return one number per window", () => {
    expectKernexError(() => kex.kscan({ kernelSize: 3 }, (w: Win) => w)(x5), "kscan", "shape [3]", "one number per window");
  });
  it("a kernel that returns something that is not a number or an array", () => {
    expectKernexError(() => kex.kmap({ kernelSize: 3 }, () => "a")(x5), "returned", '"a"', "a number or an array");
  });
});

describe("input and mesh errors", () => {
  it("non-array inputs", () => {
    expectKernexError(() => kex.kmap({ kernelSize: 3 }, sum)([1, 2, 3] as Loose), "input", "[1,2,3]", "an NDArray");
    expectKernexError(() => kex.kmap({ kernelSize: 3 }, sum)(undefined as Loose), "input", "undefined", "an NDArray");
  });
  it("unparsable mesh specs", () => {
    const F = kex.kmap({ kernelSize: 1 });
    F.at["1:;2"] = sum;
    expectKernexError(() => F(x5), "mesh region", "1:;2");
  });
  it("mesh kernels returning different shapes", () => {
    const F = kex.kmap({ kernelSize: 3, padding: "same" });
    F.at["0"] = (w: Win) => w;
    F.at["1:"] = sum;
    expectKernexError(() => F(x5), "same shape", "[3]", "[]");
  });
  it("an empty mesh", () => {
    expectKernexError(() => kex.kmap({ kernelSize: 3 })(x5), "no kernels");
  });
  it("array creation", () => {
    expectKernexError(() => kex.array([[1, 2], [3]]), "array: data", "rectangular");
    expectKernexError(() => kex.array([1, 2, 3], { shape: [2, 2] }), "array: shape", "3 elements");
    expectKernexError(() => kex.array([1], { dtype: "int8" as Loose }), "dtype", '"int8"', '"float64" or "float32"');
  });
  it("broadcasting", () => {
    expectKernexError(() => kex.add(kex.ones([2, 3]), kex.ones([4])), "cannot be broadcast", "[2, 3]", "[4]");
  });
});

describe("inputs are never modified", () => {
  it("kscan and sscan work on copies", () => {
    const x = kex.array([1, 2, 3, 4, 5]);
    const before = Array.from(x.data);
    kex.kscan({ kernelSize: 3 }, sum)(x);
    kex.sscan({ kernelSize: 3, offset: 1 }, sum)(x);
    kex.smap({ kernelSize: 3, offset: 1 }, sum)(x);
    expect(Array.from(x.data)).toEqual(before);
  });
  it("options objects are not modified", () => {
    const opts: kex.StencilOptions = { kernelSize: [3], padding: "same", strides: [1] };
    const copy = JSON.parse(JSON.stringify(opts));
    kex.kmap(opts, sum)(x5);
    expect(opts).toEqual(copy);
  });
});
