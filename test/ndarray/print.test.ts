/**
 * @file Arrays print like numpy's `repr` (with the dtype always shown): each
 * expected string is what numpy 2 prints for the same array (written out by
 * hand, numpy adding `, dtype=float64` only where it is not the default).
 */
import { inspect } from "node:util";
import * as kex from "kernex";
import { describe, expect, it } from "vitest";

describe("String(a) is numpy's repr with the dtype", () => {
  const cases: [string, kex.NDArray, string][] = [
    ["a 2-d grid", kex.arange(4).reshape([2, 2]), "array([[0., 1.],\n       [2., 3.]], dtype=float64)"],
    ["a 0-d array", kex.array(3), "array(3., dtype=float64)"],
    ["fractions padded on the right to a common width", kex.array([1.5, 2.25]), "array([1.5 , 2.25], dtype=float64)"],
    ["negative values padded on the left", kex.array([-1, 2.5]), "array([-1. ,  2.5], dtype=float64)"],
    ["at most 8 digits after the point", kex.array([1 / 3, 2]), "array([0.33333333, 2.        ], dtype=float64)"],
    ["the shortest digits that read back (0.1 + 0.2)", kex.array([0.1 + 0.2, 1]), "array([0.3, 1. ], dtype=float64)"],
    ["float32 values with float32's shortest digits", kex.array([0.1, 0.2], { dtype: "float32" }), "array([0.1, 0.2], dtype=float32)"],
    ["scientific when values span more than 1000×", kex.array([1e-5, 1]), "array([1.e-05, 1.e+00], dtype=float64)"],
    ["scientific mantissas padded to a common precision", kex.array([1.5e-5, 1]), "array([1.5e-05, 1.0e+00], dtype=float64)"],
    ["scientific from 1e8 up", kex.array([1e8, 2]), "array([1.e+08, 2.e+00], dtype=float64)"],
    ["nan and infinities", kex.array([NaN, 1, -Infinity]), "array([ nan,   1., -inf], dtype=float64)"],
    ["negative zero", kex.array([-0, 1]), "array([-0.,  1.], dtype=float64)"],
    ["3-d blocks separated by a blank line", kex.arange(8).reshape([2, 2, 2]), "array([[[0., 1.],\n        [2., 3.]],\n\n       [[4., 5.],\n        [6., 7.]]], dtype=float64)"],
    ["an empty 1-d array", kex.zeros([0]), "array([], dtype=float64)"],
    ["an empty 2-d array shows its shape", kex.zeros([0, 3]), "array([], shape=(0, 3), dtype=float64)"],
  ];
  it.each(cases)("%s", (_, a, expected) => {
    expect(String(a)).toBe(expected);
  });

  it("wraps long rows at 75 characters under the first element", () => {
    expect(String(kex.arange(30))).toBe(
      "array([ 0.,  1.,  2.,  3.,  4.,  5.,  6.,  7.,  8.,  9., 10., 11., 12.,\n" +
        "       13., 14., 15., 16., 17., 18., 19., 20., 21., 22., 23., 24., 25.,\n" +
        "       26., 27., 28., 29.], dtype=float64)",
    );
  });

  it("abbreviates more than 1000 elements to 3 at each end, and shows the shape", () => {
    expect(String(kex.arange(2000))).toBe(
      "array([0.000e+00, 1.000e+00, 2.000e+00, ..., 1.997e+03, 1.998e+03,\n       1.999e+03], shape=(2000,), dtype=float64)",
    );
    expect(String(kex.zeros([100, 100]))).toBe(
      [
        "array([[0., 0., 0., ..., 0., 0., 0.],",
        "       [0., 0., 0., ..., 0., 0., 0.],",
        "       [0., 0., 0., ..., 0., 0., 0.],",
        "       ...,",
        "       [0., 0., 0., ..., 0., 0., 0.],",
        "       [0., 0., 0., ..., 0., 0., 0.],",
        "       [0., 0., 0., ..., 0., 0., 0.]], shape=(100, 100), dtype=float64)",
      ].join("\n"),
    );
  });

  it("keeps exactly 1000 elements whole", () => {
    const s = String(kex.zeros([1000]));
    expect(s).not.toContain("...");
    expect(s.match(/0\./g)).toHaveLength(1000);
  });

  it("puts the dtype on its own line when it would pass 75 characters", () => {
    // numpy: np.full(15, 1/3, dtype=np.float32) ends its last line at column 67, so `dtype=...)` moves down
    const row = Array(5).fill("0.33333333").join(", ");
    expect(String(kex.full([15], 1 / 3))).toBe(`array([${row},\n       ${row},\n       ${row}],\n      dtype=float64)`);
  });
});

describe("console.log(a)", () => {
  it("shows the same text through util.inspect.custom, also inside other values", () => {
    const a = kex.arange(4).reshape([2, 2]);
    expect(inspect(a)).toBe(String(a));
    expect(inspect([kex.ones([2])])).toBe("[ array([1., 1.], dtype=float64) ]");
  });

  it("shows a traced array as a Tracer, without reading its values", () => {
    let seen = "";
    kex.jit((x: kex.NDArray) => {
      seen = inspect(x);
      return x;
    })(kex.ones([2]));
    expect(seen).toBe("Tracer(shape=[2], dtype=float64)");
  });
});
