/**
 * @file The loop pipeline: each pass's listing on worked examples (inline
 * snapshots), the verifier after every pass over a corpus, kscan dependence
 * analysis, and simplification of kernel programs.
 */
import { describe, expect, it } from "vitest";
import * as kex from "kernex";
import { printLoopNest, printProgram } from "../../compiler/ir-print";
import { loopPasses, runPipeline } from "../../compiler/passes/pipeline";
import { simplifyProgram } from "../../compiler/passes/simplify";
import type { StencilParams } from "../../compiler/primitives";
import type { NDArray } from "kernex";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Win = any;

/** The params and extra-input shapes of the one stencil f binds on x. */
function stencilOf(f: (x: NDArray) => NDArray, x: NDArray): { params: StencilParams; extras: number[][] } {
  const eqn = kex.makeIR(f)(x).program.eqns.at(-1)!;
  const params = eqn.params as StencilParams;
  return { params, extras: eqn.inputs.slice(params.nWindowed).map((a) => [...a.aval.shape]) };
}

function linearConvection(nt: number, nx: number): (u: NDArray) => NDArray {
  const [c, dt, dx] = [0.5, 0.5 / (nt - 1), 2 / (nx - 1)];
  const F = kex.kscan({ kernelSize: [3, 3], padding: [[1, 1], [1, 1]], relative: true, namedAxis: { 0: "n", 1: "i" }, scope: { c, dt, dx } });
  const q = Math.trunc((nx - 1) / 4) + 1;
  const h = Math.trunc((nx - 1) / 2);
  F.at[":, 0"] = F.at[":, -1"] = () => 1;
  F.at[`:, :${q}`] = F.at[`:, ${h}:`] = () => 1;
  F.at[`0:1, ${q}:${h}`] = () => 2;
  F.at["1:, 1:-1"] = (u: Win) => u.at("i", "n-1") - ((c * dt) / dx) * (u.at("i", "n-1") - u.at("i-1", "n-1"));
  return F;
}

describe("loop pipeline", () => {
  it("lists its passes in order", () => {
    expect(loopPasses.map((p) => p.name)).toEqual(["simplify", "mesh-regions", "partition", "scan-deps"]);
  });

  it("logs the nest after each pass; linear convection becomes one box per region and read mode", () => {
    const { params, extras } = stencilOf(linearConvection(9, 9), kex.ones([9, 9]));
    const lines: string[] = [];
    const nest = runPipeline(params, extras, { log: (l) => lines.push(l), check: true });
    // simplify merges the two reads of u("i", "n-1"); scan-deps finds the rows parallel
    expect(lines.map((l) => l.split("\n")[0])).toEqual(["lowered:", "after simplify:", "after mesh-regions:", "after partition:", "after scan-deps:"]);
    expect(printLoopNest(nest)).toMatchInlineSnapshot(`
      "stencil scan grid=(9,9) parallel_from=1
        box g0∈[0,1) g1∈[0,1) border: kernel 3
        box g0∈[0,1) g1∈[1,3) border: kernel 3
        box g0∈[0,1) g1∈[3,4) border: kernel 4
        box g0∈[0,1) g1∈[4,8) border: kernel 2
        box g0∈[0,1) g1∈[8,9) border: kernel 2
        box g0∈[1,8) g1∈[0,1) border: kernel 3
        box g0∈[1,8) g1∈[1,3) interior: kernel 5
        box g0∈[1,8) g1∈[3,4) interior: kernel 5
        box g0∈[1,8) g1∈[4,8) interior: kernel 5
        box g0∈[1,8) g1∈[8,9) border: kernel 2
        box g0∈[8,9) g1∈[0,1) border: kernel 3
        box g0∈[8,9) g1∈[1,3) border: kernel 5
        box g0∈[8,9) g1∈[3,4) border: kernel 5
        box g0∈[8,9) g1∈[4,8) border: kernel 5
        box g0∈[8,9) g1∈[8,9) border: kernel 2"
    `);
  });

  it("partitions a 'same' 3x3 kmap into border and interior boxes", () => {
    const lap = kex.kmap({ kernelSize: [3, 3], padding: "same", relative: true }, (u: Win) => u[1][0] + u[-1][0] - 2 * u[0][0]);
    const { params, extras } = stencilOf(lap, kex.ones([6, 5]));
    expect(printLoopNest(runPipeline(params, extras, { check: true }))).toMatchInlineSnapshot(`
      "stencil map grid=(6,5) parallel_from=0
        box g0∈[0,1) g1∈[0,1) border: kernel 0
        box g0∈[0,1) g1∈[1,4) border: kernel 0
        box g0∈[0,1) g1∈[4,5) border: kernel 0
        box g0∈[1,5) g1∈[0,1) border: kernel 0
        box g0∈[1,5) g1∈[1,4) interior: kernel 0
        box g0∈[1,5) g1∈[4,5) border: kernel 0
        box g0∈[5,6) g1∈[0,1) border: kernel 0
        box g0∈[5,6) g1∈[1,4) border: kernel 0
        box g0∈[5,6) g1∈[4,5) border: kernel 0"
    `);
  });

  it("keeps a membership test for strided mesh regions (last assignment wins)", () => {
    const F = kex.kmap({ kernelSize: 1 });
    F.at[":"] = (x: Win) => x[0];
    F.at["1::3"] = (x: Win) => x[0] * 10;
    const { params, extras } = stencilOf((x) => F(x), kex.arange(8));
    expect(printLoopNest(runPipeline(params, extras, { check: true }))).toMatchInlineSnapshot(`
      "stencil map grid=(8) parallel_from=0
        box g0∈[0,1) interior: kernel 0
        box g0∈[1,8) interior: kernel 1 if g0≡1 mod 3 else kernel 0"
    `);
    expect(F(kex.arange(8)).toArray()).toEqual([0, 10, 2, 3, 40, 5, 6, 70]);
  });

  it("verifies the nest after every pass over a corpus of stencils", () => {
    const corpus: [(x: NDArray) => NDArray, NDArray][] = [
      [kex.kmap({ kernelSize: [3, 2], strides: [2, 1], padding: [[2, 0], "same"] }, (w: Win) => kex.sum(w)), kex.ones([7, 6])],
      [kex.kscan({ kernelSize: 3, padding: "same", reverse: true }, (w: Win) => kex.mean(w)), kex.ones([9])],
      [kex.smap({ kernelSize: [3, 3], offset: [1, [0, 2]] }, (w: Win) => w[1][1] + 1), kex.ones([6, 6])],
      [kex.kmap({ kernelSize: [2, 2, 2], dilation: 2, padding: "same", padMode: "reflect" }, (w: Win) => kex.max(w)), kex.ones([5, 5, 5])],
      [linearConvection(20, 15), kex.ones([20, 15])],
    ];
    for (const [f, x] of corpus) {
      const { params, extras } = stencilOf(f, x);
      expect(() => runPipeline(params, extras, { check: true })).not.toThrow();
    }
  });
});

describe("scan-deps", () => {
  const parallelFrom = (f: (x: NDArray) => NDArray, x: NDArray) => {
    const { params, extras } = stencilOf(f, x);
    return runPipeline(params, extras).parallelFrom;
  };
  it("linear convection: rows are sequential, each row is a parallel loop", () => {
    expect(parallelFrom(linearConvection(20, 15), kex.ones([20, 15]))).toBe(1);
  });
  it("a 1-d kscan reading its neighbours is sequential", () => {
    expect(parallelFrom(kex.kscan({ kernelSize: 3, padding: "same" }, (w: Win) => kex.sum(w)), kex.ones([9]))).toBe(1);
  });
  it("a 2-d kscan reading the cell to its left carries a dependence inside rows", () => {
    const f = kex.kscan({ kernelSize: [3, 3], padding: "same", relative: true }, (w: Win) => w[-1][0] + w[0][-1]);
    expect(parallelFrom(f, kex.ones([6, 6]))).toBe(2);
  });
  it("edge and symmetric padding fold row -1 onto row 0, so row 0 reads its own cells; constant, reflect and wrap padding do not", () => {
    const scan = (padMode: kex.PadMode) => kex.kscan({ kernelSize: [3, 3], padding: [[1, 1], [1, 1]], padMode, relative: true }, (w: Win) => 0.5 * w[-1][-1] + 0.5 * w[-1][0]);
    expect(parallelFrom(scan("edge"), kex.ones([6, 6]))).toBe(2);
    expect(parallelFrom(scan("symmetric"), kex.ones([6, 6]))).toBe(2);
    for (const mode of ["constant", "reflect", "wrap"] as const) expect(parallelFrom(scan(mode), kex.ones([6, 6]))).toBe(1);
  });
  it("maps are parallel from the outermost loop", () => {
    expect(parallelFrom(kex.kmap({ kernelSize: 3 }, (w: Win) => kex.sum(w)), kex.ones([9]))).toBe(0);
  });
});

describe("simplify", () => {
  it("folds constants, merges common subexpressions and drops dead code", () => {
    const k = kex.kmap({ kernelSize: 3 }, (w: Win) => {
      const unused = Math.sin(w[1]);
      return unused === unused ? w[0] * (2 * 3) + w[0] * (2 * 3) : 0;
    });
    const program = (kex.makeIR((x) => k(x))(kex.ones([5])).program.eqns[0]!.params as StencilParams).branches[0]!.kernel;
    expect(printProgram(simplifyProgram(program))).toMatchInlineSnapshot(`
      "{ lambda a:f64[3] .
        let b:f64[] = index [ index=(1) ] a
        let c:f64[] = sin b
        let d:f64[] = eq c c
        let e:f64[] = index [ index=(0) ] a
        let f:f64[] = mul e 6.0
        let g:f64[] = add f f
        let h:f64[] = where d g 0.0
        in (h) }"
    `);
  });
});
