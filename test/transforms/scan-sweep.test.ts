/**
 * @file The reverse sweep of scans (scan_sweep): its generated code against
 * the reference interpreter (codegen: false) and against its construction
 * from stencils only, on random inputs over scan options and meshes; and
 * jit's fuse-into-sweeps pass (the cotangent computed cell by cell) against
 * eager gradients.
 */
import { afterEach, describe, expect, it } from "vitest";
import * as kex from "kernex";
import type { Program } from "../../compiler/ir";
import { printProgram } from "../../compiler/ir-print";
import { Prim, type ScanSweepParams } from "../../compiler/primitives";
import { compileSweep } from "../../runtime/executor/sweep-kernel";
import { bind, evalProgramWithBind } from "../../src/core/trace";
import { grad, kernelVjp } from "../../src/transforms/grad";
import { sweepAsStencils } from "../../src/transforms/rules/scan-vjp";
import { randomArray, type Window } from "../helpers/check";
import { mulberry32 } from "../helpers/naive";

type NDArray = kex.NDArray;
type Win = Window;
type Opts = Record<string, unknown>;
const kscan = kex.kscan as unknown as (o: Opts, k?: (...a: Win[]) => unknown) => kex.FunctionMesh & kex.StencilFunction;
const sscan = kex.sscan as unknown as (o: Opts, k?: (...a: Win[]) => unknown) => kex.FunctionMesh & kex.StencilFunction;

afterEach(() => kex.config({ codegen: true }));

/** The sweep equation of grad(sum(F(x, ...) * c)) and random inputs for it. */
function sweepOf(F: (...a: NDArray[]) => NDArray, args: NDArray[], seed: number): { params: ScanSweepParams; inputs: NDArray[] } {
  const rand = mulberry32(seed);
  const out = F(...args);
  const c = kex.astype(randomArray(rand, out.shape), out.dtype);
  const loss = (...a: NDArray[]) => kex.sum(kex.mul(F(...a), c));
  const program: Program = kex.makeIR(grad(loss, args.map((_, i) => i)))(...args).program;
  const eqn = program.eqns.find((e) => e.prim === Prim.ScanSweep)!;
  const params = eqn.params as ScanSweepParams;
  // X, Y, extras, cotangent (these kernels capture no constants)
  const W = params.scan.nWindowed;
  expect(params.nCaptured).toBe(0);
  const inputs = eqn.inputs.map((a, i) => {
    if (i < W) return args[i]!;
    if (i < 2 * W) return kex.astype(randomArray(rand, a.aval.shape), a.aval.dtype);
    return kex.astype(randomArray(rand, a.aval.shape, -0.5, 0.5), a.aval.dtype);
  });
  return { params, inputs };
}

const cases: [string, () => { F: (...a: NDArray[]) => NDArray; args: NDArray[] }][] = [
  ["kscan same, 1-d", () => ({ F: kscan({ kernelSize: 3, padding: "same" }, (x: Win) => Math.sin(x[0]) + x[1] * x[2]), args: [randomArray(mulberry32(1), [9])] })],
  ["kscan wrap, dilated, reverse", () => ({ F: kscan({ kernelSize: 3, padding: "same", padMode: "wrap", dilation: 2, reverse: true }, (x: Win) => x[0] * 0.5 + Math.cos(x[2])), args: [randomArray(mulberry32(2), [8])] })],
  ["kscan reflect 2-d relative", () => ({ F: kscan({ kernelSize: [3, 3], padding: "same", padMode: ["reflect", "symmetric"], relative: true }, (x: Win) => x[-1][0] * x[0][1] + x[-1][-1] * 0.3), args: [randomArray(mulberry32(3), [4, 5])] })],
  ["kscan strided, valid, with a weight argument", () => ({ F: kscan({ kernelSize: 3, strides: 2 }, (x: Win, w: Win) => kex.sum(kex.mul(kex.tanh(x), w))), args: [randomArray(mulberry32(4), [9]), randomArray(mulberry32(5), [3])] })],
  [
    "kscan mesh with uncovered cells (edge padding)",
    () => {
      const F = kscan({ kernelSize: [3, 3], padding: "same", padMode: "edge", relative: true });
      F.at["1:, 1:-1"] = (u: Win) => u[-1][0] - 0.3 * (u[-1][0] - u[-1][-1]);
      F.at[":, 0"] = (u: Win) => u[0][1] * 0.5;
      return { F, args: [randomArray(mulberry32(6), [4, 6])] };
    },
  ],
  ["sscan in place, offset, symmetric", () => ({ F: sscan({ kernelSize: 3, offset: [[2, 0]], padMode: "symmetric" }, (x: Win) => x[0] * x[1] - x[2]), args: [randomArray(mulberry32(7), [7])] })],
  ["kscan edge, strided and dilated, 2-d wrap columns", () => ({ F: kscan({ kernelSize: [3, 4], padding: "same", padMode: ["edge", "wrap"], strides: [1, 2], dilation: [2, 1] }, (x: Win) => x[0][0] * x[2][3] + Math.sin(x[1][1]) * x[0][2]), args: [randomArray(mulberry32(9), [5, 6])] })],
  ["sscan wrap, offset on both sides, windows wider than the array", () => ({ F: sscan({ kernelSize: 7, offset: [[1, 2]], padMode: "wrap" }, (x: Win) => x[0] * x[6] * 0.5 + Math.cos(x[3]) + x[5] * 0.2), args: [randomArray(mulberry32(10), [5])] })],
  [
    "sscan in place over a mesh (writers must be covered), float32",
    () => {
      const F = sscan({ kernelSize: 3, offset: [[1, 1]], padMode: "wrap" });
      F.at["2:-1:2"] = (x: Win) => x[0] * x[2] - 0.5 * Math.sin(x[1]);
      F.at["1:-1:2"] = (x: Win) => x[2] * 0.3 + x[0];
      return { F, args: [kex.astype(randomArray(mulberry32(14), [9]), "float32")] };
    },
  ],
  ["kscan 3-d, reverse, reflect", () => ({ F: kscan({ kernelSize: [3, 1, 3], padding: "same", padMode: "reflect", reverse: true }, (x: Win) => x.at(0, 0, 1) * x.at(2, 0, 2) + Math.tanh(x.at(1, 0, 0))), args: [randomArray(mulberry32(15), [3, 2, 4])] })],
  ["kscan float32", () => ({ F: kscan({ kernelSize: 3, padding: "same" }, (x: Win) => x[0] * 0.25 + Math.exp(x[2] * 0.1)), args: [kex.astype(randomArray(mulberry32(8), [9]), "float32")] })],
];

describe("scan_sweep: compiled == interpreter == its stencil construction", () => {
  for (const [name, make] of cases) {
    it(name, () => {
      const { F, args } = make();
      const { params, inputs } = sweepOf(F, args, name.length);
      expect(compileSweep(params, inputs.map((x) => x.shape), inputs[0]!.dtype)).not.toBeNull();
      const compiled = bind(Prim.ScanSweep, inputs, params).map((o) => o.toArray());
      kex.config({ codegen: false });
      const interpreted = bind(Prim.ScanSweep, inputs, params).map((o) => o.toArray());
      expect(compiled).toEqual(interpreted);
      kex.config({ codegen: true });
      // every pad mode: reads aliased onto written cells are masked entries of the construction's recursion
      const s = sweepAsStencils(params, inputs.map((x) => ({ shape: x.shape, dtype: x.dtype })), kernelVjp);
      const built = evalProgramWithBind(s.program, [...inputs, ...s.captured]);
      const tol = inputs[0]!.dtype === "float32" ? 1e-5 : 1e-12;
      built.forEach((b, k) => {
        const want = b.data;
        const got = bind(Prim.ScanSweep, inputs, params)[k]!.data;
        for (let i = 0; i < want.length; i++) expect(Math.abs(got[i]! - want[i]!)).toBeLessThanOrEqual(tol * (1 + Math.abs(want[i]!)));
      });
    });
  }
});

describe("fuse-into-sweeps", () => {
  it("jit(grad) of sum(kscan(x)²): the cotangent is computed in the sweep, values equal eager", () => {
    const F = kscan({ kernelSize: [3, 3], padding: "same", relative: true });
    F.at["1:, 1:-1"] = (u: Win) => u[-1][0] - 0.4 * (u[-1][0] - u[-1][-1]);
    const loss = (u: NDArray) => kex.sum(kex.square(F(u)));
    const u = randomArray(mulberry32(9), [5, 7]);
    const ir = printProgram(kex.makeIR(kex.jit(grad(loss)))(u).program);
    expect(kex.jit(grad(loss)).lower(u).ir).toMatch(/scan_sweep \[[^\]]*ct_maps=\(1\)/);
    expect(ir).toContain("scan_sweep");
    const eager = (grad(loss)(u) as NDArray).data;
    const jitted = (kex.jit(grad(loss))(u) as NDArray).data;
    for (let i = 0; i < eager.length; i++) expect(jitted[i]).toBeCloseTo(eager[i]!, 12);
  });

  it("a cotangent used twice is not fused (it is stored once)", () => {
    const F = kscan({ kernelSize: 3, padding: "same" }, (x: Win) => x[0] * 0.5 + x[1]);
    const f = (x: NDArray) => {
      const y = F(x);
      return kex.add(kex.sum(kex.square(y)), kex.sum(kex.mul(y, 3)));
    };
    const x = randomArray(mulberry32(10), [8]);
    const eager = (grad(f)(x) as NDArray).data;
    const jitted = (kex.jit(grad(f))(x) as NDArray).data;
    for (let i = 0; i < eager.length; i++) expect(jitted[i]).toBeCloseTo(eager[i]!, 12);
  });
});

describe("vmap of a scan gradient", () => {
  it("equals a loop of unbatched gradients, wrap padding included, and an empty batch gives an empty result", () => {
    const F = kscan({ kernelSize: 3, padding: "same", padMode: "wrap" }, (x: Win) => x[0] * 0.5 + Math.sin(x[2]));
    const g = (x: NDArray) => grad((y: NDArray) => kex.sum(kex.square(F(y))))(x) as NDArray;
    const xs = randomArray(mulberry32(11), [3, 6]);
    const batched = (kex.vmap(g)(xs) as NDArray).toArray() as number[][];
    for (let i = 0; i < 3; i++) {
      const one = g(kex.array((xs.toArray() as number[][])[i]!)).toArray() as number[];
      expect(batched[i]).toEqual(one);
    }
    expect((kex.vmap(g)(kex.zeros([0, 6])) as NDArray).shape).toEqual([0, 6]);
  });
});

describe("the jvp of a sweep (a sweep on primal/tangent pairs)", () => {
  it("is one scan_sweep with zero-padded tangent windows, and compiled == interpreter", () => {
    const F = kscan({ kernelSize: [3, 3], padding: "same", padMode: ["wrap", "constant"], padValue: 0.7, relative: true }, (u: Win) => u[-1][0] * Math.cos(u[-1][1]) + u[0][-1] * 0.2);
    const g = (x: NDArray) => grad((y: NDArray) => kex.sum(kex.square(F(y))))(x) as NDArray;
    const x = randomArray(mulberry32(12), [4, 5]);
    const t = randomArray(mulberry32(13), [4, 5]);
    const hvp = (a: NDArray) => kex.jvp(g, [a], [t])[1] as NDArray;
    const sweeps = kex.makeIR(hvp)(x).program.eqns.filter((e) => e.prim === Prim.ScanSweep);
    expect(sweeps.map((e) => (e.params as ScanSweepParams).zeroPadFrom)).toEqual([1]);
    const compiled = hvp(x).toArray();
    kex.config({ codegen: false });
    expect(hvp(x).toArray()).toEqual(compiled);
  });
});
