/**
 * @file The calling conventions of jvp, vjp, grad and valueAndGrad (result
 * structures as in JAX, argnums, non-array arguments, dtypes, inputs left
 * unmodified) and their KernexErrors, each naming the offending value and
 * what was expected.
 */
import { describe, expect, it } from "vitest";
import * as kex from "kernex";
import { grad, valueAndGrad, vjp } from "../../src/transforms/grad";
import { jvp } from "../../src/transforms/jvp";

type NDArray = kex.NDArray;

describe("jvp", () => {
  it("one output gives arrays, several give lists", () => {
    const [y, t] = jvp((x) => kex.mul(x, x), [kex.array([1, 2])], [kex.array([1, 1])]);
    expect((y as NDArray).toArray()).toEqual([1, 4]);
    expect((t as NDArray).toArray()).toEqual([2, 4]);
    const [ys, ts] = jvp((a, b) => [kex.add(a, b), kex.mul(a, b)], [kex.array(2), kex.array(3)], [kex.array(1), kex.array(0)]);
    expect((ys as NDArray[]).map((v) => v.item())).toEqual([5, 6]);
    expect((ts as NDArray[]).map((v) => v.item())).toEqual([1, 3]);
  });

  it("an output that does not depend on the inputs has a zero tangent", () => {
    const [, t] = jvp((_x) => kex.ones([2]), [kex.array([1, 2])], [kex.array([1, 1])]);
    expect((t as NDArray).toArray()).toEqual([0, 0]);
  });

  it("errors: tangent count and shape", () => {
    expect(() => jvp((x) => x, [kex.zeros([2])], [])).toThrowError(/jvp: got 1 primals and 0 tangents/);
    expect(() => jvp((x) => x, [kex.zeros([2])], [kex.zeros([3])])).toThrowError(/jvp: tangent 0: got NDArray\(shape=\[3\], dtype=float64\), expected an NDArray of shape \[2\]/);
  });
});

describe("vjp", () => {
  it("returns the value and a function of the cotangent giving one cotangent per primal", () => {
    const [y, back] = vjp((a, b) => kex.mul(a, b), kex.array([1, 2]), kex.array([3, 4]));
    expect((y as NDArray).toArray()).toEqual([3, 8]);
    const [ga, gb] = back(kex.array([1, 10]));
    expect(ga!.toArray()).toEqual([3, 40]);
    expect(gb!.toArray()).toEqual([1, 20]);
  });

  it("cotangents follow the output structure", () => {
    const [, back] = vjp((a) => ({ s: kex.sum(a), p: kex.mul(a, 2) }), kex.array([1, 2]));
    expect(back({ s: kex.array(1), p: kex.array([1, 0]) })[0]!.toArray()).toEqual([3, 1]);
  });

  it("errors: cotangent shape and count", () => {
    const [, back] = vjp((a) => kex.mul(a, 2), kex.array([1, 2]));
    expect(() => back(kex.zeros([3]))).toThrowError(/vjp: cotangent 0: got NDArray\(shape=\[3\], dtype=float64\), expected an array of shape \[2\]/);
    expect(() => back([kex.zeros([2]), kex.zeros([2])] as unknown as kex.NDArray)).toThrowError(/vjp: cotangent has 2 arrays, expected 1/);
  });
});

describe("grad", () => {
  it("argnums: a number gives one array, a list gives a list; other arguments pass through", () => {
    const f = (a: NDArray, k: number, b: NDArray) => kex.sum(kex.mul(kex.mul(a, b), k));
    const a = kex.array([1, 2]);
    const b = kex.array([3, 4]);
    expect((grad(f, 2)(a, 10, b) as NDArray).toArray()).toEqual([10, 20]);
    const [ga, gb] = grad(f, [0, 2])(a, 10, b) as NDArray[];
    expect(ga!.toArray()).toEqual([30, 40]);
    expect(gb!.toArray()).toEqual([10, 20]);
  });

  it("valueAndGrad gives [value, gradient]", () => {
    const [v, g] = valueAndGrad((x: NDArray) => kex.sum(kex.exp(x)))(kex.array([0, 0]));
    expect(v.item()).toBe(2);
    expect((g as NDArray).toArray()).toEqual([1, 1]);
  });

  it("a constant function has a zero gradient", () => {
    expect((grad((_x: NDArray) => kex.array(3))(kex.array([1, 2])) as NDArray).toArray()).toEqual([0, 0]);
  });

  it("keeps float32 and leaves its inputs unmodified", () => {
    const x = kex.array([1, 2, 3], { dtype: "float32" });
    const F = kex.kmap({ kernelSize: 3, padding: "same" }, (w: unknown) => kex.sum(kex.mul(w as NDArray, w as NDArray)));
    const g = grad((y: NDArray) => kex.sum(F(y)))(x) as NDArray;
    expect(g.dtype).toBe("float32");
    // cell i is read by 2, 3, 2 windows: 2·x·count
    expect(g.toArray()).toEqual([4, 12, 12]);
    expect(x.toArray()).toEqual([1, 2, 3]);
  });

  it("errors: non-scalar output names the shape; argnums checked", () => {
    expect(() => grad((x: NDArray) => kex.mul(x, 2))(kex.zeros([3, 2]))).toThrowError(/grad: the function must return a scalar \(an array of shape \[\]\), got shape \[3, 2\]/);
    expect(() => grad((x: NDArray) => [kex.sum(x), kex.sum(x)])(kex.zeros([2]))).toThrowError(/grad: the function must return one scalar.*got 2 arrays/);
    expect(() => grad((x: NDArray) => kex.sum(x), 1)(kex.zeros([2]))).toThrowError(/grad: argnums: got 1, expected an argument position below 1/);
    expect(() => grad((_x: NDArray, k: number) => kex.array(k), 1)(kex.zeros([2]), 3)).toThrowError(/grad: argument 1: got 3, expected an NDArray/);
    expect(() => grad((x: NDArray) => kex.sum(x), -1)).toThrowError(/grad: argnums: got -1, expected a non-negative integer/);
    expect(() => valueAndGrad((x: NDArray) => kex.sum(x), [0, 0])).toThrowError(/valueAndGrad: argnums: got \[0,0\], expected distinct argument positions/);
  });
});
