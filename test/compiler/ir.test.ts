/**
 * @file Program IR: makeIR listings (inline snapshots, one printer), the
 * verifier on traced programs, and the verifier catching broken programs.
 */
import { describe, expect, it } from "vitest";
import * as kex from "kernex";
import { checkProgram, IRCheckError } from "../../compiler/ir-check";
import { Program, Var } from "../../compiler/ir";
import { Prim } from "../../compiler/primitives";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Win = any;

describe("makeIR listings", () => {
  it("prints array functions one equation per line", () => {
    const listing = kex.makeIR((x) => kex.sum(kex.mul(x, x)))(kex.ones([3])).toString();
    expect(listing).toMatchInlineSnapshot(`
      "{ lambda a:f64[3] .
        let b:f64[3] = mul a a
        let c:f64[] = reduce_sum [ axes=(0) ] b
        in (c) }"
    `);
  });

  it("prints a laplacian kmap with its kernel program: one index read per window cell", () => {
    const lap = kex.kmap({ kernelSize: [3, 3], relative: true }, (u: Win) => u[1][0] + u[-1][0] + u[0][1] + u[0][-1] - 4 * u[0][0]);
    const listing = kex.makeIR((x) => lap(x))(kex.ones([5, 5])).toString();
    expect(listing).toMatchInlineSnapshot(`
      "{ lambda a:f64[5,5] .
        let b:f64[3,3] = stencil [ kind=map kernel=(3,3) strides=(1,1) padding=((0,0),(0,0)) grid=(3,3) ] a
          region all:
            { lambda c:f64[3,3] .
              let d:f64[] = index [ index=(2,1) ] c
              let e:f64[] = index [ index=(0,1) ] c
              let f:f64[] = add d e
              let g:f64[] = index [ index=(1,2) ] c
              let h:f64[] = add f g
              let i:f64[] = index [ index=(1,0) ] c
              let j:f64[] = add h i
              let k:f64[] = index [ index=(1,1) ] c
              let l:f64[] = mul 4.0 k
              let m:f64[] = sub j l
              in (m) }
        in (b) }"
    `);
  });

  it("prints a function mesh as one stencil with a kernel per region", () => {
    const F = kex.kmap({ kernelSize: 1 });
    F.at["0"] = (x: Win) => x[0] ** 2;
    F.at["1:"] = (x: Win) => x[0] ** 3;
    const listing = kex.makeIR((x) => F(x))(kex.arange(1, 11)).toString();
    expect(listing).toMatchInlineSnapshot(`
      "{ lambda a:f64[10] .
        let b:f64[10] = stencil [ kind=map kernel=(1) strides=(1) padding=((0,0)) grid=(10) ] a
          region 0:1:
            { lambda c:f64[1] .
              let d:f64[] = index [ index=(0) ] c
              let e:f64[] = pow d 2.0
              in (e) }
          region 1:10:
            { lambda f:f64[1] .
              let g:f64[] = index [ index=(0) ] f
              let h:f64[] = pow g 3.0
              in (h) }
        in (b) }"
    `);
  });

  it("prints a convolution with an extra argument", () => {
    const conv = kex.kmap({ kernelSize: [3, 3, 3], padding: ["valid", "same", "same"] }, (x: Win, w: Win) => kex.sum(x * w));
    const listing = kex.makeIR((x, w) => conv(x, w))(kex.ones([3, 4, 4]), kex.ones([3, 3, 3])).toString();
    expect(listing.split("\n").slice(0, 3).join("\n")).toMatchInlineSnapshot(`
      "{ lambda a:f64[3,4,4] b:f64[3,3,3] .
        let c:f64[1,4,4] = stencil [ kind=map kernel=(3,3,3) strides=(1,1,1) padding=((0,0),(1,1),(1,1)) grid=(1,4,4) ] a b
          region all:"
    `);
  });
});

describe("IR verifier", () => {
  const traced = [
    () => kex.makeIR((x) => kex.mean(kex.where(kex.less(x, 0.5), kex.sin(x), kex.square(x)), { axis: 0 }))(kex.ones([4, 3])).program,
    () => kex.makeIR((x) => kex.kscan({ kernelSize: 3, padding: "same" }, (w: Win) => kex.max(w))(x))(kex.ones([7])).program,
    () => kex.makeIR((x) => kex.smap({ kernelSize: [3, 2], offset: 1 }, (w: Win) => w[0][1] * 2)(x))(kex.ones([5, 6])).program,
    () => kex.makeIR((x) => x.slice("1:, ::-2").with("0", 3))(kex.ones([4, 5])).program,
  ];
  for (const [i, make] of traced.entries()) {
    it(`accepts traced program ${i}`, () => {
      const p = make();
      expect(checkProgram(p)).toBe(p);
    });
  }

  it("rejects a variable used before its definition", () => {
    const a = new Var({ shape: [2], dtype: "float64" });
    const b = new Var({ shape: [2], dtype: "float64" });
    const c = new Var({ shape: [2], dtype: "float64" });
    const p = new Program([a], [{ prim: Prim.Add, inputs: [a, b], params: {}, outputs: [c] }], [c]);
    expect(() => checkProgram(p)).toThrow(IRCheckError);
    expect(() => checkProgram(p)).toThrow(/used before it is defined/);
  });

  it("rejects an equation whose output type disagrees with its rule", () => {
    const a = new Var({ shape: [2, 3], dtype: "float64" });
    const c = new Var({ shape: [2], dtype: "float64" });
    const p = new Program([a], [{ prim: Prim.ReduceSum, inputs: [a], params: { axes: [0] }, outputs: [c] }], [c]);
    expect(() => checkProgram(p)).toThrow(/output 0 is f64\[2\], its rule gives f64\[3\]/);
  });
});
