/**
 * @file Loop fusion under jit: elementwise consumers and full sums fold into
 * stencil loops (IR snapshots), values equal eager execution, and the
 * verifier accepts the program after every program pass.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as kex from "kernex";
import { optimizeProgram, programPasses } from "../../compiler/passes/program-pipeline";
import type { NDArray } from "kernex";
import { mulberry32 } from "../helpers/naive";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Win = any;

const lap = kex.kmap({ kernelSize: [3, 3], relative: true }, (u: Win) => u[1][0] + u[-1][0] + u[0][1] + u[0][-1] - 4 * u[0][0]);
const x = kex.array(Float64Array.from({ length: 36 }, (_, i) => Math.sin(i)), { shape: [6, 6] });
const y = kex.array(Float64Array.from({ length: 36 }, (_, i) => Math.cos(i)), { shape: [6, 6] });

describe("fusion", () => {
  it("lists the program passes", () => {
    expect(programPasses.map((p) => p.name)).toEqual(["fuse-elementwise", "fuse-reductions", "fold-broadcast-inputs", "fuse-into-stencils", "fuse-into-sweeps", "simplify"]);
  });

  it("sum(2 * laplacian(x)) is one stencil summing in its loop", () => {
    const f = (a: NDArray) => kex.sum(kex.mul(lap(a), 2));
    const jitted = kex.jit(f);
    expect(jitted.lower(x).ir).toMatchInlineSnapshot(`
      "{ lambda a:f64[6,6] .
        let b:f64[] = stencil [ kind=map kernel=(3,3) strides=(1,1) padding=((0,0),(0,0)) grid=(4,4) reduce_grid=true ] a
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
              let n:f64[] = mul m 2.0
              in (n) }
        in (b) }"
    `);
    expect(jitted(x).item()).toBeCloseTo(f(x).item(), 12);
  });

  it("the weight gradient of a convolution is one reduce over the grid, equal to naive loops (issue #22)", () => {
    const rand = mulberry32(31);
    const [C, H, W] = [2, 9, 7];
    const x = kex.array(Float64Array.from({ length: C * H * W }, () => rand() - 0.5), { shape: [C, H, W] });
    const r = kex.array(Float64Array.from({ length: H * W }, () => rand() - 0.5), { shape: [1, H, W] });
    const conv = kex.kmap({ kernelSize: [2, 3, 3], padding: ["valid", "same", "same"] }, (a: Win, k: Win) => kex.sum(kex.mul(a, k)));
    const g = kex.jit(kex.grad((k: NDArray) => kex.sum(kex.mul(conv(x, k), r))));
    const k0 = kex.zeros([2, 3, 3]);
    expect(g.lower(k0).ir).toMatch(/reduce_grid=true/);
    // dw[c, a, b] = Σ_{i, j} r[i, j] · x[c, i + a - 1, j + b - 1] (zero outside)
    const want = new Float64Array(C * 9);
    for (let c = 0; c < C; c++)
      for (let a = 0; a < 3; a++)
        for (let b = 0; b < 3; b++)
          for (let i = 0; i < H; i++)
            for (let j = 0; j < W; j++) {
              const [p, q] = [i + a - 1, j + b - 1];
              if (p >= 0 && p < H && q >= 0 && q < W) want[c * 9 + a * 3 + b] += r.data[i * W + j]! * x.data[(c * H + p) * W + q]!;
            }
    expect((g(k0) as NDArray).data).toBeAllclose(want, { rtol: 1e-12, atol: 1e-14 });
    // a 1-d grid sums into one partial row
    const v = kex.array(Float64Array.from({ length: 11 }, () => rand() - 0.5));
    const conv1 = kex.kmap({ kernelSize: 3 }, (a: Win, k: Win) => kex.sum(kex.mul(a, k)));
    const g1 = kex.jit(kex.grad((k: NDArray) => kex.sum(conv1(v, k))))(kex.zeros([3])) as NDArray;
    const want1 = [0, 1, 2].map((a) => Array.from(v.data.slice(a, a + 9)).reduce((s, t) => s + t, 0));
    expect(g1.data).toBeAllclose(Float64Array.from(want1), { rtol: 1e-12, atol: 1e-14 });
  });

  it("a chain of elementwise ops on arrays becomes one loop", () => {
    const f = (a: NDArray, b: NDArray) => kex.add(kex.mul(a, b), kex.sin(kex.sub(a, 1)));
    const jitted = kex.jit(f);
    const ir = jitted.lower(x, y).ir;
    expect(ir.split("\n").filter((l) => /^ {2}let/.test(l)).length).toBe(1);
    expect(ir).toMatchInlineSnapshot(`
      "{ lambda a:f64[6,6] b:f64[6,6] .
        let c:f64[6,6] = stencil [ kind=map kernel=(1,1) strides=(1,1) padding=((0,0),(0,0)) grid=(6,6) grid_dims=([0,1],[0,1]) ] a b a
          region all:
            { lambda d:f64[1,1] e:f64[] f:f64[] .
              let g:f64[] = index [ index=(0,0) ] d
              let h:f64[] = mul g e
              let i:f64[1,1] = reshape [ shape=(1,1) ] f
              let j:f64[] = index [ index=(0,0) ] i
              let k:f64[] = sub j 1.0
              let l:f64[] = sin k
              let m:f64[] = add h l
              in (m) }
        in (c) }"
    `);
    expect(jitted(x, y).data).toBeAllclose(f(x, y).data, { rtol: 1e-14 });
  });

  it("a gradient's per-cell cotangent (a window-1 map) is computed inside the gather that uses it", () => {
    const r = kex.array(Float64Array.from({ length: 16 }, (_, i) => Math.cos(3 * i)), { shape: [4, 4] });
    const f = (a: NDArray) => kex.sum(kex.mul(lap(kex.sin(a)), kex.exp(r)));
    const g = kex.grad(f);
    const ir = kex.jit(g).lower(x).ir;
    const lets = ir.split("\n").filter((l) => /^ {2}let/.test(l));
    // the gather takes exp(r)'s input r itself, per cell: no grid-sized cotangent is stored
    const gather = lets.find((l) => l.includes("stencil_gather"))!;
    expect(gather).toMatch(/grid_dims=\(\[0,1\],\[\]\) \] \w+ b \w+$/);
    expect(lets.filter((l) => /= stencil \[/.test(l) && l.includes("grid=(4,4)"))).toHaveLength(0);
    // same values as the unjitted gradient, and as central differences
    const got = kex.jit(g)(x);
    expect(got.data).toBeAllclose(g(x).data, { rtol: 1e-14, atol: 1e-15 });
    const h = 1e-6;
    for (const i of [0, 7, 14, 21, 35]) {
      const step = (s: number) => f(kex.array(Float64Array.from(x.data, (v, j) => (j === i ? v + s : v)), { shape: [6, 6] })).item();
      expect(got.data[i]!).toBeCloseTo((step(h) - step(-h)) / (2 * h), 6);
    }
  });

  it("leaves a mesh with uncovered cells unfused (they must stay 0 before the consumer)", () => {
    const F = kex.kmap({ kernelSize: 1 });
    F.at["1:"] = (w: Win) => w[0] * 3;
    const f = (a: NDArray) => kex.add(F(a), 1);
    const v = kex.arange(5);
    expect(kex.jit(f)(v).toArray()).toEqual([1, 4, 7, 10, 13]);
  });

  it("random programs and their gradients: jit (fused) == eager, and the verifier passes after every pass", () => {
    const unary = [kex.sin, kex.exp, kex.abs, kex.neg, kex.tanh] as const;
    const binary = [kex.add, kex.sub, kex.mul, kex.maximum] as const;
    const step = fc.oneof(
      fc.record({ k: fc.constant("unary" as const), i: fc.nat(unary.length - 1) }),
      fc.record({ k: fc.constant("binary" as const), i: fc.nat(binary.length - 1), other: fc.constantFrom("x", "y", "2.5") }),
      fc.record({ k: fc.constant("lap" as const) }),
      fc.record({ k: fc.constant("pad" as const) }),
    );
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 6 }), fc.boolean(), (steps, reduce) => {
        const f = (a: NDArray, b: NDArray): NDArray => {
          let v = a;
          for (const s of steps) {
            if (s.k === "unary") v = unary[s.i]!(v);
            else if (s.k === "binary") {
              const o = s.other === "x" ? a : s.other === "y" ? b : 2.5;
              v = v.shape.length === a.shape.length && v.shape[0] === a.shape[0] ? binary[s.i]!(v, o) : binary[s.i]!(v, 2.5);
            } else if (s.k === "lap" && v.shape[0]! >= 3 && v.shape[1]! >= 3) v = lap(v);
            else if (s.k === "pad") v = kex.kmap({ kernelSize: [2, 2], padding: "same" }, (w: Win) => kex.max(w))(v);
          }
          return reduce ? kex.sum(v) : v;
        };
        const staged = kex.makeIR(f)(x, y).program;
        optimizeProgram(staged, { check: true });
        const want = f(x, y);
        const got = kex.jit(f)(x, y);
        expect(got.shape).toEqual(want.shape);
        expect(got.data).toBeAllclose(want.data, { rtol: 1e-12, atol: 1e-12 });
        if (!reduce) return;
        // and its gradient, whose cotangents are window-1 maps that fuse into the gathers
        const g = kex.grad(f);
        optimizeProgram(kex.makeIR(g)(x, y).program, { check: true });
        expect(kex.jit(g)(x, y).data).toBeAllclose(g(x, y).data, { rtol: 1e-12, atol: 1e-12 });
      }),
      { seed: 7, numRuns: 120 },
    );
  });
});
