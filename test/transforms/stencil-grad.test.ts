/**
 * @file Derivatives of kmap, smap, kscan and sscan: jvp and vjp against
 * central finite differences over a product of options (kernel sizes ×
 * padding forms × strides × dilation × pad modes, relative indexing, mesh
 * regions), closed forms (the seed README mesh, a 3-d convolution against a
 * naive loop), and the printed IR of grad of a Laplacian: one stencil_gather.
 */
import { describe, expect, it } from "vitest";
import * as kex from "kernex";
import { printProgram } from "../../compiler/ir-print";
import { Prim } from "../../compiler/primitives";
import { grad, valueAndGrad } from "../../src/transforms/grad";
import { checkJvp, checkVjp, randomArray, type Window } from "../helpers/check";
import { mulberry32 } from "../helpers/naive";

type NDArray = kex.NDArray;
type Win = Window;
type Opts = Record<string, unknown>;

const kmap = kex.kmap as unknown as (o: Opts, k?: (...a: Win[]) => unknown) => kex.FunctionMesh & kex.StencilFunction;
const smap = kex.smap as unknown as (o: Opts, k?: (...a: Win[]) => unknown) => kex.FunctionMesh & kex.StencilFunction;
const kscan = kex.kscan as unknown as (o: Opts, k?: (...a: Win[]) => unknown) => kex.FunctionMesh & kex.StencilFunction;
const sscan = kex.sscan as unknown as (o: Opts, k?: (...a: Win[]) => unknown) => kex.FunctionMesh & kex.StencilFunction;

function both(f: (...xs: NDArray[]) => NDArray, args: NDArray[], seed = 3): void {
  checkJvp(f, args, { seed });
  checkVjp(f, args, { seed: seed + 1 });
}

describe("kmap 1-d: kernel sizes × padding × strides × dilation × pad modes", () => {
  const modes = ["constant", "edge", "reflect", "symmetric", "wrap"];
  const paddings: unknown[] = ["valid", "same", [[2, 1]], [[-1, 2]]];
  for (const k of [2, 3]) {
    for (const padding of paddings) {
      for (const strides of [1, 2]) {
        for (const dilation of [1, 2]) {
          for (const padMode of modes) {
            const opts = { kernelSize: k, padding, strides, dilation, padMode, padValue: padMode === "constant" ? 0.5 : 0 };
            it(JSON.stringify(opts), () => {
              const rand = mulberry32(k * 131 + strides * 17 + dilation);
              const F = kmap(opts, (x: Win, w: Win) => kex.add(kex.sum(kex.mul(kex.sin(x), w)), x[0] * x[-1]));
              both((x, w) => F(x, w), [randomArray(rand, [9]), randomArray(rand, [k])]);
            });
          }
        }
      }
    }
  }
});

describe("gathers in pull form through every pad mode (issue #22)", () => {
  for (const padMode of ["edge", "reflect", "symmetric", "wrap"]) {
    it(`${padMode}: jit(grad) is a pull gather (each cell written once) and matches finite differences`, () => {
      const F = kmap({ kernelSize: [3, 3], padding: "same", padMode, dilation: [1, 2] }, (x: Win, w: Win) => kex.sum(kex.mul(kex.tanh(x), w)));
      const rand = mulberry32(padMode.length * 7);
      const [x, w, r] = [randomArray(rand, [5, 6]), randomArray(rand, [3, 3]), randomArray(rand, [5, 6])];
      const loss = (a: NDArray) => kex.sum(kex.mul(F(a, w), r));
      expect(kex.jit(grad(loss)).lower(x).js).toMatch(/\bo0\[[pj]\d+\] = /);
      both((a) => F(a, w), [x]);
      expect((kex.jit(grad(loss))(x) as NDArray).data).toBeAllclose((grad(loss)(x) as NDArray).data, { rtol: 1e-12, atol: 1e-12 });
    });
  }
});

describe("gathers in pull form with strides (issue #22)", () => {
  it("max-pool 3×3 stride 2 and a strided, dilated conv: jit(grad) is a pull gather and matches finite differences", () => {
    const pool = kmap({ kernelSize: [3, 3], strides: 2, padding: "same" }, (x: Win) => kex.max(kex.tanh(x)));
    const conv = kmap({ kernelSize: [3, 2], strides: [2, 3], dilation: [1, 2], padding: "same", padMode: "reflect" }, (x: Win, w: Win) => kex.sum(kex.mul(kex.sin(x), w)));
    const rand = mulberry32(91);
    const [x, w] = [randomArray(rand, [7, 8]), randomArray(rand, [3, 2])];
    const loss = (a: NDArray) => kex.sum(kex.square(conv(a, w)));
    expect(kex.jit(grad(loss)).lower(x).js).toMatch(/\bo0\[[pj]\d+\] = /);
    both((a) => conv(a, w), [x]);
    both((a) => pool(a), [x]);
    expect((kex.jit(grad(loss))(x) as NDArray).data).toBeAllclose((grad(loss)(x) as NDArray).data, { rtol: 1e-12, atol: 1e-12 });
  });
});

describe("kmap 2-d: mixed per-dim options, relative indexing", () => {
  const cases: Opts[] = [
    { kernelSize: [3, 3], padding: "same", relative: true },
    { kernelSize: [3, 2], padding: [[1, 2], "valid"], strides: [2, 1], padMode: ["reflect", "constant"], padValue: -1 },
    { kernelSize: [2, 3], padding: ["same", [0, 3]], dilation: [1, 2], padMode: ["wrap", "symmetric"], relative: true },
    { kernelSize: [3, 3], padding: 2, strides: 2, dilation: 2, padMode: "edge" },
    { kernelSize: [-1, 3], padding: ["valid", "same"] },
    { kernelSize: [1, 3], padding: [[0, 0], [-1, 1]], padMode: "reflect" },
  ];
  for (const opts of cases) {
    it(JSON.stringify(opts), () => {
      const rand = mulberry32(7);
      const shape = [6, 7];
      const F = kmap(opts, (x: Win) => kex.add(kex.sum(kex.mul(x, x)), kex.mul(kex.max(x), kex.cos(kex.min(x)))));
      both((x) => F(x), [randomArray(rand, shape)]);
    });
  }

  it("a kernel returning an array (patches scaled by an argument)", () => {
    const rand = mulberry32(8);
    const F = kmap({ kernelSize: [2, 3], padding: "same", strides: [1, 2] }, (x: Win, w: Win) => kex.mul(kex.exp(x), w));
    both((x, w) => F(x, w), [randomArray(rand, [5, 6]), randomArray(rand, [2, 3])]);
  });

  it("a kernel using an array from scope is differentiable in that array", () => {
    const rand = mulberry32(9);
    const f = (x: NDArray, c: NDArray) => kmap({ kernelSize: 3, padding: "same", scope: { c } }, (w: Win) => kex.sum(kex.mul(w, c)))(x);
    both(f, [randomArray(rand, [8]), randomArray(rand, [3])]);
  });
});

describe("function meshes", () => {
  it("kmap mesh with overlapping, strided and uncovered regions", () => {
    const rand = mulberry32(10);
    const F = kmap({ kernelSize: [3, 3], padding: "same", relative: true });
    F.at["1:, :"] = (x: Win) => x[0][0] * x[1][0] - x[0][-1];
    F.at["::2, 2"] = (x: Win) => Math.sin(x[-1][1]) * 3;
    F.at["4, 1:3"] = (x: Win) => kex.mul(kex.sum(x), 0.5);
    both((x) => F(x), [randomArray(rand, [6, 5])]);
  });

  it("smap mesh (uncovered cells keep their value)", () => {
    const rand = mulberry32(11);
    const F = smap({ kernelSize: 3, offset: 1, relative: true });
    F.at["1:4"] = (x: Win) => x[-1] * x[1];
    F.at["5"] = (x: Win) => Math.exp(x[0]);
    both((x) => F(x), [randomArray(rand, [8])]);
  });

  it("seed README: grad of the x² / x³ mesh is [2, 12, 27, ..., 300]", () => {
    const F = kex.kmap({ kernelSize: 1 });
    F.at["0"] = (x: Win) => x[0] ** 2;
    F.at["1:"] = (x: Win) => x[0] ** 3;
    const g = grad((x: NDArray) => kex.sum(F(x)))(kex.arange(1, 11)) as NDArray;
    expect(g.toArray()).toEqual([2, 12, 27, 48, 75, 108, 147, 192, 243, 300]);
  });
});

describe("smap with offset", () => {
  const cases: Opts[] = [
    { kernelSize: 3, offset: 1 },
    { kernelSize: 3, offset: [[0, 2]], padMode: "wrap" },
    { kernelSize: 4, offset: [[2, 1]], strides: 2, padMode: "reflect" },
    { kernelSize: [3, 3], offset: [1, [0, 1]], padMode: ["edge", "constant"], padValue: 2 },
  ];
  for (const opts of cases) {
    it(JSON.stringify(opts), () => {
      const rand = mulberry32(12);
      const F = smap(opts, (x: Win) => kex.mul(kex.sum(kex.sin(x)), kex.max(x)));
      const shape = Array.isArray(opts.kernelSize) ? [5, 6] : [9];
      both((x) => F(x), [randomArray(rand, shape)]);
    });
  }
});

describe("kscan and sscan", () => {
  const cases: [string, Opts, (x: Win, ...a: Win[]) => unknown, number[]][] = [
    ["kscan valid", { kernelSize: 3 }, (x: Win) => x[0] * 0.5 + x[1] * x[2] * 0.3, [8]],
    ["kscan same", { kernelSize: 3, padding: "same" }, (x: Win) => Math.sin(x[0]) + x[1] * x[2], [7]],
    ["kscan 2-d (reads the previous row and its own)", { kernelSize: [3, 3], padding: "same", relative: true }, (x: Win) => x[0][0] * 0.5 + x[-1][1] * 0.3 + x[-1][-1] * x[0][1] * 0.2 + x[1][0] * 0.1, [4, 5]],
    ["kscan strided", { kernelSize: 3, strides: 2, padding: "same" }, (x: Win) => x[0] + x[1] * x[2], [9]],
    ["kscan reverse", { kernelSize: 3, reverse: true, padding: 1 }, (x: Win) => x[0] * x[2] + x[1], [7]],
    ["kscan dilated", { kernelSize: 3, dilation: 2, padding: "same" }, (x: Win) => x[0] * 0.5 + x[1] * x[2] * 0.3, [9]],
    ["kscan padding wider than the window (centres outside)", { kernelSize: 3, padding: [[3, 2]] }, (x: Win) => x[0] * 0.5 + x[1] * x[2] * 0.3 + 1, [6]],
    ["kscan non-zero pad value", { kernelSize: 3, padding: "same", padValue: 1.5 }, (x: Win) => x[0] * x[1] + x[2], [7]],
    ["kscan reflect, windows inside", { kernelSize: [2, 3], padMode: "reflect" }, (x: Win) => x[0][0] * x[1][2] + Math.cos(x[1][1]), [4, 6]],
    ["sscan", { kernelSize: 3, offset: 1 }, (x: Win) => x[0] * 0.7 + x[2] * x[1], [7]],
    ["sscan 2-d", { kernelSize: [3, 3], offset: [1, [0, 1]] }, (x: Win) => kex.add(kex.mul(kex.sum(x), 0.1), x[1][1] * x[0][0]), [5, 4]],
    ["sscan reverse, strided", { kernelSize: 3, offset: [[1, 0]], strides: 2, reverse: true }, (x: Win) => x[0] * x[1] - x[2], [9]],
  ];
  for (const [name, opts, kernel, shape] of cases) {
    it(name, () => {
      const rand = mulberry32(name.length);
      const F = ("offset" in opts ? sscan : kscan)(opts, kernel);
      both((x) => F(x), [randomArray(rand, shape)]);
    });
  }

  it("kscan with an extra argument", () => {
    const rand = mulberry32(20);
    const F = kscan({ kernelSize: 3, padding: "same" }, (x: Win, w: Win) => kex.sum(kex.mul(x, w)));
    both((x, w) => F(x, w), [randomArray(rand, [8]), randomArray(rand, [3], -0.5, 0.5)]);
  });

  it("kscan mesh (uncovered cells output their current value)", () => {
    const rand = mulberry32(21);
    const F = kscan({ kernelSize: 3, padding: "same" });
    F.at["1:4"] = (x: Win) => x[0] * x[2] + 0.5 * x[1];
    F.at["5"] = (x: Win) => Math.sin(x[0]) * 2;
    both((x) => F(x), [randomArray(rand, [8])]);
  });

  it("linear convection: grad of the last row's energy w.r.t. the initial condition", () => {
    // u[n][i] = u[n-1][i] - c (u[n-1][i] - u[n-1][i-1]) on rows 1.., column 0 and row 0 kept (uncovered)
    const c = 0.4;
    const F = kex.kscan({ kernelSize: [3, 3], padding: [[1, 1], [1, 1]], namedAxis: { 0: "n", 1: "i" }, relative: true, scope: { c } });
    F.at["1:, 1:"] = (u: Win) => u.at("i", "n-1") - c * (u.at("i", "n-1") - u.at("i-1", "n-1"));
    const [nt, nx] = [5, 6];
    const field = (init: NDArray) => kex.concatenate([kex.reshape(init, [1, nx]), kex.zeros([nt - 1, nx])]);
    const loss = (init: NDArray) => kex.sum(kex.square(F(field(init)).slice([nt - 1])));
    checkVjp((x) => loss(x), [randomArray(mulberry32(22), [nx])]);
    checkJvp((x) => loss(x), [randomArray(mulberry32(23), [nx])]);
  });

});

describe("second derivatives of scans (vjp of the gradient, grad∘grad) through every pad mode", () => {
  // issue #22: reads through edge/reflect/symmetric/wrap padding alias cells the scan writes;
  // the vjp of the reverse sweep (its construction from stencils) follows them
  for (const padMode of ["constant", "edge", "reflect", "symmetric", "wrap"]) {
    it(`kscan and sscan, ${padMode}: finite differences of the gradient`, () => {
      const kernel = (x: Win) => Math.sin(x[0]) * x[2] + x[1] * x[1] * 0.3;
      const K = kscan({ kernelSize: 3, padding: "same", padMode, padValue: 0.5 }, kernel);
      const S = sscan({ kernelSize: 3, offset: [[2, 0]], padMode, reverse: true }, kernel);
      for (const [i, F] of [K, S].entries()) {
        const g = (x: NDArray) => grad((y: NDArray) => kex.sum(kex.square(F(y))))(x) as NDArray;
        checkVjp(g, [randomArray(mulberry32(60 + i), [7])], { seed: 61 + i, rtol: 1e-5 });
      }
    });
  }

  it("2-d kscan, reflect rows and wrap columns, strided and dilated, with a weight argument", () => {
    const F = kscan({ kernelSize: [3, 3], padding: "same", padMode: ["reflect", "wrap"], strides: [1, 2], dilation: [1, 2] }, (x: Win, w: Win) =>
      kex.add(kex.mul(kex.sum(kex.mul(kex.tanh(x), w)), 0.5), x[0][0] * x[2][2] * 0.2));
    const loss = (x: NDArray, w: NDArray) => kex.sum(kex.square(F(x, w)));
    checkVjp((x, w) => grad(loss, [0, 1])(x, w) as NDArray[], [randomArray(mulberry32(70), [4, 6]), randomArray(mulberry32(71), [3, 3])], { seed: 72, rtol: 1e-5 });
  });

  it("a heat ring over time (wrap in space): the Hessian-vector product of a final-state loss", () => {
    const F = kscan({ kernelSize: [3, 3], padding: "same", padMode: ["constant", "wrap"], relative: true });
    F.at["1:, :"] = (u: Win) => u[-1][0] + 0.2 * (u[-1][-1] - 2 * u[-1][0] + u[-1][1]) + 0.1 * Math.sin(u[-1][1]);
    const loss = (u: NDArray) => kex.sum(kex.square(F(u).slice([-1])));
    checkVjp((u) => grad(loss)(u) as NDArray, [randomArray(mulberry32(73), [4, 5])], { seed: 74, rtol: 1e-5 });
  });
});

describe("second derivatives of scans (jvp of the gradient) through every pad mode", () => {
  for (const padMode of ["constant", "edge", "reflect", "symmetric", "wrap"]) {
    it(`kscan and sscan, ${padMode}`, () => {
      const kernel = (x: Win) => Math.sin(x[0]) * x[2] + x[1] * x[1] * 0.3;
      const K = kscan({ kernelSize: 3, padding: "same", padMode, padValue: 0.5 }, kernel);
      const S = sscan({ kernelSize: 3, offset: [[2, 0]], padMode, reverse: true }, kernel);
      for (const [i, F] of [K, S].entries()) {
        const g = (x: NDArray) => grad((y: NDArray) => kex.sum(kex.square(F(y))))(x) as NDArray;
        checkJvp(g, [randomArray(mulberry32(50 + i), [7])], { seed: 51 + i });
      }
    });
  }
});

describe("scans through every pad mode (reads alias cells that are written)", () => {
  const modes = ["constant", "edge", "reflect", "symmetric", "wrap"];
  const kernel = (x: Win) => Math.sin(x[0]) * 0.8 + x[1] * x[2] * 0.3 + x[-1] * 0.2;
  for (const padMode of modes) {
    for (const reverse of [false, true]) {
      for (const dilation of [1, 2]) {
        const kopts = { kernelSize: 4, padding: "same", padMode, reverse, dilation, padValue: 0.25 };
        it(`kscan ${JSON.stringify(kopts)}`, () => {
          const F = kscan(kopts, kernel);
          both((x) => F(x), [randomArray(mulberry32(dilation * 7 + (reverse ? 1 : 0)), [7])]);
        });
        const sopts = { kernelSize: 3, offset: [[2, 1]], padMode, reverse, dilation, strides: dilation };
        it(`sscan ${JSON.stringify(sopts)}`, () => {
          const F = sscan(sopts, kernel);
          both((x) => F(x), [randomArray(mulberry32(dilation * 5 + (reverse ? 3 : 0)), [8])]);
        });
      }
    }
    it(`kscan 2-d, ${padMode} rows, wrap columns, windows wider than the array`, () => {
      const F = kscan({ kernelSize: [3, 7], padding: "same", padMode: [padMode, "wrap"], relative: true }, (x: Win) => x[-1][-3] * 0.5 + Math.cos(x[0][3]) * 0.4 + x[1][2] * x[-1][1] * 0.3);
      both((x) => F(x), [randomArray(mulberry32(40), [4, 3])]);
    });
  }
  it("heat on a ring as a kscan over time, wrap in space: grad w.r.t. the initial state", () => {
    const F = kscan({ kernelSize: [3, 3], padding: "same", padMode: ["constant", "wrap"], relative: true });
    F.at["1:, :"] = (u: Win) => u[-1][0] + 0.2 * (u[-1][-1] - 2 * u[-1][0] + u[-1][1]);
    const loss = (u: NDArray) => kex.sum(kex.square(F(u).slice([-1])));
    checkVjp(loss, [randomArray(mulberry32(41), [5, 6])]);
  });
});

describe("convolution closed form", () => {
  it('kmap({kernelSize: [3,3,3], padding: ["valid","same","same"]}, sum(x*w)): grad w.r.t. w and x equals naive loops', () => {
    const rand = mulberry32(30);
    const [C, H, Wd] = [3, 5, 4];
    const x = randomArray(rand, [C, H, Wd]);
    const w = randomArray(rand, [3, 3, 3]);
    const cot = randomArray(rand, [1, H, Wd]);
    const conv = kex.kmap({ kernelSize: [3, 3, 3], padding: ["valid", "same", "same"] }, (a: Win, k: Win) => kex.sum(kex.mul(a, k)));
    const loss = (a: NDArray, k: NDArray) => kex.sum(kex.mul(conv(a, k), cot));
    const [gx, gw] = grad(loss, [0, 1])(x, w) as NDArray[];
    const X = (c: number, i: number, j: number) => (i < 0 || i >= H || j < 0 || j >= Wd ? 0 : x.data[(c * H + i) * Wd + j]!);
    const expectW = new Float64Array(27);
    const expectX = new Float64Array(C * H * Wd);
    for (let i = 0; i < H; i++) {
      for (let j = 0; j < Wd; j++) {
        const g = cot.data[i * Wd + j]!;
        for (let a = 0; a < 3; a++) {
          for (let b = 0; b < 3; b++) {
            for (let c = 0; c < 3; c++) {
              expectW[(a * 3 + b) * 3 + c] += g * X(a, i + b - 1, j + c - 1);
              const ii = i + b - 1;
              const jj = j + c - 1;
              if (ii >= 0 && ii < H && jj >= 0 && jj < Wd) expectX[(a * H + ii) * Wd + jj] += g * w.data[(a * 3 + b) * 3 + c]!;
            }
          }
        }
      }
    }
    expect(gw.data).toBeAllclose(expectW, { rtol: 1e-12, atol: 1e-12 });
    expect(gx.data).toBeAllclose(expectX, { rtol: 1e-12, atol: 1e-12 });
  });

  it("valueAndGrad returns the loss too", () => {
    const conv = kex.kmap({ kernelSize: 3 }, (a: Win, k: Win) => kex.sum(kex.mul(a, k)));
    const [v, g] = valueAndGrad((k: NDArray, a: NDArray) => kex.sum(conv(a, k)))(kex.array([1, 0, -1]), kex.arange(5));
    expect(v.item()).toBe(-6);
    expect((g as NDArray).toArray()).toEqual([3, 6, 9]);
  });
});

describe("IR", () => {
  it("grad of a 3×3 Laplacian is one stencil_gather (no scatter, no window tensor)", () => {
    const lap = kex.kmap({ kernelSize: [3, 3], padding: "same", relative: true }, (x: Win) => x[1][0] + x[-1][0] + x[0][1] + x[0][-1] - 4 * x[0][0]);
    const listing = kex.makeIR((x) => grad((y: NDArray) => kex.sum(lap(y)))(x) as NDArray)(kex.ones([4, 4]));
    const eqns = listing.program.eqns;
    expect(eqns.filter((e) => e.prim === Prim.StencilGather)).toHaveLength(1);
    expect(eqns.filter((e) => e.prim === Prim.Stencil)).toHaveLength(0);
    expect(printProgram(listing.program)).toMatchInlineSnapshot(`
      "{ lambda a:f64[4,4] .
        let b:f64[] = broadcast [ shape=() ] 1.0
        let c:f64[1,1] = reshape [ shape=(1,1) ] b
        let d:f64[4,4] = broadcast [ shape=(4,4) ] c
        let e:f64[4,4] = stencil_gather [ kind=map kernel=(3,3) strides=(1,1) padding=((1,1),(1,1)) grid=(4,4) grid_dims=([0,1]) ] a d
          region all:
            { lambda f:f64[3,3] g:f64[] .
              let h:f64[] = neg g
              let i:f64[] = mul h 4.0
              let j:f64[1,1] = reshape [ shape=(1,1) ] i
              let k:f64[3,3] = pad [ lo=(1,1) hi=(1,1) interior=(0,0) ] j
              let l:f64[1,1] = reshape [ shape=(1,1) ] g
              let m:f64[3,3] = pad [ lo=(1,0) hi=(1,2) interior=(0,0) ] l
              let n:f64[3,3] = add k m
              let o:f64[3,3] = pad [ lo=(1,2) hi=(1,0) interior=(0,0) ] l
              let p:f64[3,3] = add n o
              let q:f64[3,3] = pad [ lo=(0,1) hi=(2,1) interior=(0,0) ] l
              let r:f64[3,3] = add p q
              let s:f64[3,3] = pad [ lo=(2,1) hi=(0,1) interior=(0,0) ] l
              let t:f64[3,3] = add r s
              in (t) }
        in (e) }"
    `);
  });
});
