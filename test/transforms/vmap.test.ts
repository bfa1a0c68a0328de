/**
 * @file vmap: batched stencils equal a loop of unbatched calls (depthwise
 * convolution, per-channel max pooling, scans, meshes, unbatched windows with
 * batched arguments, nested vmap), stay one stencil equation, and in/out
 * axes and argument errors behave as documented.
 */
import { describe, expect, it } from "vitest";
import * as kex from "kernex";
import { Prim, type StencilParams } from "../../compiler/primitives";
import { vmap } from "../../src/transforms/vmap";
import { checkVmap, randomArray, type Window } from "../helpers/check";
import { mulberry32 } from "../helpers/naive";

type NDArray = kex.NDArray;
type Win = Window;

const conv = kex.kmap({ kernelSize: [3, 3], padding: "same" }, (x: Win, w: Win) => kex.sum(kex.mul(x, w)));

describe("stencils", () => {
  it("depthwise convolution: vmap(conv)(x, w) over channels equals a loop", () => {
    const rand = mulberry32(1);
    checkVmap((x, w) => conv(x, w), [randomArray(rand, [4, 6, 5]), randomArray(rand, [4, 3, 3])], [0, 0]);
  });

  it("depthwise convolution is one stencil whose extra input is indexed by the channel", () => {
    const listing = kex.makeIR((x, w) => vmap((a: NDArray, b: NDArray) => conv(a, b))(x, w))(kex.zeros([4, 6, 5]), kex.zeros([4, 3, 3]));
    const stencils = listing.program.eqns.filter((e) => e.prim === Prim.Stencil);
    expect(stencils).toHaveLength(1);
    const p = stencils[0]!.params as StencilParams;
    expect(p.spec.gridShape).toEqual([4, 6, 5]);
    expect(p.spec.kernelSize).toEqual([1, 3, 3]);
    expect(p.gridDims).toEqual([[0]]);
  });

  it("max pooling per channel, channels on axis 1 in and axis 2 out", () => {
    const rand = mulberry32(2);
    const pool = kex.kmap({ kernelSize: [2, 2], strides: 2 }, (x: Win) => kex.max(x));
    checkVmap((x) => pool(x), [randomArray(rand, [6, 3, 4])], [1], 2);
  });

  it("unbatched image, batched kernels (a filter bank)", () => {
    const rand = mulberry32(3);
    checkVmap((x, w) => conv(x, w), [randomArray(rand, [5, 5]), randomArray(rand, [3, 3, 3])], [null, 0]);
  });

  it("batched image, shared kernel, pad modes and strides", () => {
    const rand = mulberry32(4);
    const F = kex.kmap({ kernelSize: [3, 2], padding: [[1, 2], "same"], strides: [2, 1], padMode: ["wrap", "reflect"] }, (x: Win, w: Win) => kex.sum(kex.mul(kex.sin(x), w)));
    checkVmap((x, w) => F(x, w), [randomArray(rand, [7, 5, 3]), randomArray(rand, [3, 2])], [2, null]);
  });

  it("kscan and sscan", () => {
    const rand = mulberry32(5);
    const scan = kex.kscan({ kernelSize: 3, padding: "same" }, (x: Win) => x[0] * 0.5 + x[1] * x[2]);
    checkVmap((x) => scan(x), [randomArray(rand, [7, 3])], [1]);
    const sscan = kex.sscan({ kernelSize: [3, 3], offset: 1, reverse: true }, (x: Win) => kex.mul(kex.sum(x), 0.1));
    checkVmap((x) => sscan(x), [randomArray(rand, [2, 5, 4])], [0]);
  });

  it("function meshes (regions get the full batch range)", () => {
    const rand = mulberry32(6);
    const F = kex.kmap({ kernelSize: [3, 3], padding: "same", relative: true });
    F.at["1:, :"] = (x: Win) => x[0][0] * x[1][0];
    F.at["::2, 2"] = (x: Win) => Math.sin(x[-1][1]);
    checkVmap((x) => F(x), [randomArray(rand, [3, 5, 4])], [0]);
    const S = kex.smap({ kernelSize: 3, offset: 1 });
    S.at["2:4"] = (x: Win) => x[0] - x[2];
    checkVmap((x) => S(x), [randomArray(rand, [6, 2])], [1], 1);
  });

  it("nested vmap adds two grid dims", () => {
    const rand = mulberry32(7);
    const f = vmap((x: NDArray, w: NDArray) => conv(x, w), [0, null]);
    checkVmap((x, w) => f(x, w) as NDArray, [randomArray(rand, [2, 3, 5, 4]), randomArray(rand, [3, 3])], [0, null]);
  });
});

describe("axes and arguments", () => {
  it("negative axes, non-array arguments passed through, outputs in a structure", () => {
    const x = kex.arange(6).reshape([2, 3]);
    const f = vmap((a: NDArray, k: number) => [kex.mul(a, k), kex.sum(a)], -1, -1);
    const [y, s] = f(x, 2) as NDArray[];
    expect(y!.toArray()).toEqual([
      [0, 2, 4],
      [6, 8, 10],
    ]);
    expect(s!.toArray()).toEqual([3, 5, 7]);
  });

  it("an output that does not depend on the mapped argument is broadcast", () => {
    const f = vmap((_a: NDArray, b: NDArray) => b, [0, null]);
    expect((f(kex.zeros([3, 2]), kex.array([1, 2])) as NDArray).toArray()).toEqual([
      [1, 2],
      [1, 2],
      [1, 2],
    ]);
  });

  it("mismatched batch sizes name both arguments", () => {
    const f = vmap((a: NDArray, b: NDArray) => kex.add(a, b));
    expect(() => f(kex.zeros([3]), kex.zeros([4]))).toThrowError(/vmap: mapped axes have different sizes: argument 0 has 3 along axis 0, argument 1 has 4/);
  });

  it("inAxes errors: wrong length, out of range, nothing mapped", () => {
    const f = (a: NDArray, b: NDArray) => kex.add(a, b);
    expect(() => vmap(f, [0])(kex.zeros([3]), kex.zeros([3]))).toThrowError(/inAxes has 1 entries but the function was called with 2 arguments/);
    expect(() => vmap(f, [2, 0])(kex.zeros([3]), kex.zeros([3]))).toThrowError(/inAxes for argument 0 \(shape \[3\]\): got 2, expected an integer in \[-1, 1\)/);
    expect(() => vmap(f, [null, null])(kex.zeros([3]), kex.zeros([3]))).toThrowError(/no argument is mapped/);
    expect(() => vmap(f, [0, 0])(kex.zeros([3]), 1 as unknown as NDArray)).toThrowError(/vmap: argument 1: got 1, expected an NDArray to map over axis 0/);
  });

  it("outAxes out of range names the batched shape", () => {
    expect(() => vmap((a: NDArray) => a, 0, 3)(kex.zeros([3, 2]))).toThrowError(/outAxes for output 0 \(batched shape \[3, 2\]\): got 3, expected an integer in \[-2, 2\)/);
  });
});
