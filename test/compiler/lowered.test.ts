/**
 * @file The lowered loop IR: its listing on a worked example, the index
 * simplification, outlining (identical loops share one function), the
 * verifier rejecting malformed code, and the printed code's values against
 * a naive loop.
 */
import { describe, expect, it } from "vitest";
import * as kex from "kernex";
import type { NDArray } from "kernex";
import { compileBody } from "../../compiler/codegen/compile";
import { emitJs } from "../../compiler/codegen/emit-js";
import { lowerNest } from "../../compiler/loop/lower";
import { printLowered } from "../../compiler/ir-print";
import { checkLowered } from "../../compiler/loop/loop-check";
import { lowerStencil } from "../../compiler/loop/lower-stencil";
import type { LoweredCode, Stmt } from "../../compiler/loop/lowered-ir";
import { simplifyIndex, simplifyLowered } from "../../compiler/loop/simplify-index";
import { runPipeline } from "../../compiler/passes/pipeline";
import { Prim, type StencilParams } from "../../compiler/primitives";
import { pullPlan } from "../../compiler/loop/gather-form";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Win = any;

/** The loop nest of the one stencil f binds on x. */
function nestOf(f: (x: NDArray) => NDArray, x: NDArray) {
  const eqn = kex.makeIR(f)(x).program.eqns.at(-1)!;
  const params = eqn.params as StencilParams;
  return runPipeline(params, eqn.inputs.slice(params.nWindowed).map((a) => [...a.aval.shape]), { check: true });
}

/** The loop nest of the stencil_gather in the program of g at x (g a gradient). */
function gatherNestOf(g: (x: NDArray) => NDArray, x: NDArray) {
  const eqn = kex.makeIR(g)(x).program.eqns.find((e) => e.prim === Prim.StencilGather)!;
  const params = eqn.params as StencilParams;
  return runPipeline(params, eqn.inputs.slice(params.nWindowed).map((a) => [...a.aval.shape]), { check: true }, true);
}

const threePoint = kex.kmap({ kernelSize: 3, padding: "same" }, (x: Win) => x[0] - 2 * x[1] + x[2]);
const fivePoint = kex.kmap({ kernelSize: [3, 3], padding: "same", relative: true }, (u: Win) => u[1][0] + u[-1][0] + u[0][1] + u[0][-1] - 4 * u[0][0]);

/** Replace the first statement (depth first) that `pick` maps to a new one. */
function rewrite(body: readonly Stmt[], pick: (s: Stmt) => Stmt | null): Stmt[] {
  let done = false;
  const go = (list: readonly Stmt[]): Stmt[] =>
    list.map((s) => {
      if (done) return s;
      const r = pick(s);
      if (r !== null) {
        done = true;
        return r;
      }
      if (s.kind === "for" || s.kind === "block") return { ...s, body: go(s.body) };
      if (s.kind === "if") return { ...s, then: go(s.then), else: go(s.else) };
      return s;
    });
  return go(body);
}

describe("lowered loop IR", () => {
  it("lists a 3-point 'same' map: border reads through tables, interior reads at flat offsets", () => {
    const code = simplifyLowered(lowerStencil(nestOf(threePoint, kex.ones([6]))));
    expect(printLowered(code)).toMatchInlineSnapshot(`
      "x0 = f[0] input 6
      o0 = f[1] output 6
      t0 = t[0] table 8
      main(f, t, s, lo, hi, k):
        runner():
          for g0 ∈ [max(1, lo), min(5, hi)) dim 0 split:
            let b0 = g0 - 1
            val v0 = x0[b0]
            val v1 = x0[b0 + 1]
            val v4 = mul(2.0, v1)
            val v5 = sub(v0, v4)
            val v2 = x0[b0 + 2]
            val v6 = add(v5, v2)
            o0[g0] = v6
        runner():
          for g0 ∈ [max(0, lo), min(1, hi)) dim 0 split:
            let b0 = g0 - 1
            let i0 = t0[b0 + 1]
            val v0 = x0[i0] or pad 0.0
            let i1 = t0[b0 + 2]
            val v1 = x0[i1] or pad 0.0
            val v4 = mul(2.0, v1)
            val v5 = sub(v0, v4)
            let i2 = t0[b0 + 3]
            val v2 = x0[i2] or pad 0.0
            val v6 = add(v5, v2)
            o0[g0] = v6
        runner():
          for g0 ∈ [max(5, lo), min(6, hi)) dim 0 split:
            let b0 = g0 - 1
            let i0 = t0[b0 + 1]
            val v0 = x0[i0] or pad 0.0
            let i1 = t0[b0 + 2]
            val v1 = x0[i1] or pad 0.0
            val v4 = mul(2.0, v1)
            val v5 = sub(v0, v4)
            let i2 = t0[b0 + 3]
            val v2 = x0[i2] or pad 0.0
            val v6 = add(v5, v2)
            o0[g0] = v6"
    `);
  });

  it("folds index arithmetic: x·1, x + 0, 0 + x, constants summed", () => {
    const e = simplifyIndex({ kind: "add", a: { kind: "add", a: { kind: "const", value: 0 }, b: { kind: "mul", a: { kind: "var", name: "g1" }, k: 1 } }, b: { kind: "const", value: -1 } });
    expect(e).toEqual({ kind: "add", a: { kind: "var", name: "g1" }, b: { kind: "const", value: -1 } });
    expect(simplifyIndex({ kind: "mul", a: { kind: "mul", a: { kind: "var", name: "x" }, k: 2 }, k: 3 })).toEqual({ kind: "mul", a: { kind: "var", name: "x" }, k: 6 });
    expect(simplifyIndex({ kind: "add", a: { kind: "const", value: 2 }, b: { kind: "add", a: { kind: "var", name: "x" }, b: { kind: "const", value: 3 } } })).toEqual({
      kind: "add",
      a: { kind: "var", name: "x" },
      b: { kind: "const", value: 5 },
    });
  });

  it("outlines the border rows of a 2-d 'same' stencil into one shared innermost loop", () => {
    const code = lowerNest(nestOf(fivePoint, kex.ones([6, 6])));
    expect(code.fns.map((f) => f.name)).toEqual(["ln0", "ln1", "r0", "r1", "r2"]);
    // the interior loop reads at flat offsets only: no table among its parameters
    expect(code.fns.find((f) => f.name === "ln1")!.params).toEqual(["x0", "o0", "q0", "glo", "ghi"]);
  });

  it("lowers a border row as one innermost block, and the code of equal border boxes once", () => {
    // per runner (interior rows first), its innermost blocks, their bounds, and their loops' last statement (the store)
    const innerBlocks = (code: LoweredCode): Stmt[][] =>
      code.body.map((r) => (r.kind === "block" ? r.body : []).flatMap((f) => (f.kind === "for" ? f.body : [])).flatMap((s) => (s.kind === "block" ? [s] : [])));
    const bounds = (blocks: Stmt[][]): number[][][] =>
      blocks.map((list) => list.map((b) => (b.kind === "block" ? b.params.map((p) => (p.value.kind === "const" ? p.value.value : NaN)) : [])));
    const nest = nestOf(fivePoint, kex.ones([6, 6]));
    const inner = innerBlocks(lowerStencil(nest, true, true));
    expect(bounds(inner)).toEqual([[[0, 1], [1, 5], [5, 6]], [[0, 6]], [[0, 6]]]);
    // without mergeBoxes (the GPU's and wasm's lowerings) a block per box
    expect(bounds(innerBlocks(lowerStencil(nest, true, false)))).toEqual([0, 1, 2].map(() => [[0, 1], [1, 5], [5, 6]]));
    const store = (b: Stmt): Stmt | undefined => (b.kind === "block" && b.body[0]?.kind === "for" ? b.body[0].body.at(-1) : undefined);
    const [left, mid, right] = inner[0]!;
    expect(store(left!)).toBe(store(right!));
    expect(store(left!)).toBe(store(inner[1]![0]!));
    expect(store(left!)).toBe(store(inner[2]![0]!));
    expect(store(mid!)).not.toBe(store(left!));
    expect(store(left!)).toMatchObject({ kind: "store", buffer: "o0" });
  });

  it("prints code that matches a naive 2-d 5-point loop", () => {
    const n = 7;
    const x = Float64Array.from({ length: n * n }, (_, i) => Math.sin(i * 0.7) + i / 10);
    const code = lowerNest(nestOf(fivePoint, kex.ones([n, n])));
    const out = new Float64Array(n * n);
    compileBody(emitJs(code))([x, out], code.tables, [], 0, n, -1);
    const at = (i: number, j: number): number => (i < 0 || j < 0 || i >= n || j >= n ? 0 : x[i * n + j]!);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) expect(out[i * n + j]).toBe(at(i + 1, j) + at(i - 1, j) + at(i, j + 1) + at(i, j - 1) - 4 * at(i, j));
    }
  });

  describe("the verifier rejects", () => {
    const base = (): LoweredCode => simplifyLowered(lowerStencil(nestOf(threePoint, kex.ones([6]))));

    it("a store into an input", () => {
      const code = base();
      const body = rewrite(code.body, (s) => (s.kind === "store" ? { ...s, buffer: "x0" } : null));
      expect(() => checkLowered({ ...code, body }, "test")).toThrow(/a store into x0, which is not writable/);
    });

    it("an interior read past the end of the input", () => {
      const code = base();
      const body = rewrite(code.body, (s) => (s.kind === "value" && s.value.kind === "load" ? { ...s, value: { ...s.value, at: { kind: "add", a: s.value.at, b: { kind: "const", value: 3 } } } } : null));
      expect(() => checkLowered({ ...code, body }, "test")).toThrow(/a read of x0\[3\.\.6\], outside \[0, 6\)/);
    });

    it("a name read before it is defined", () => {
      const code = base();
      const body = rewrite(code.body, (s) => (s.kind === "store" ? { ...s, at: { kind: "var", name: "zz" } } : null));
      expect(() => checkLowered({ ...code, body }, "test")).toThrow(/zz is read before it is defined/);
    });

    it("a loop that leaves the grid", () => {
      const code = base();
      const body = rewrite(code.body, (s) => (s.kind === "for" ? { ...s, to: { kind: "const", value: 7 } } : null));
      expect(() => checkLowered({ ...code, body }, "test")).toThrow(/loop g0 over \[\d+, 7\) leaves dim 0 of extent 6/);
    });
  });

  describe("gathers", () => {
    const meshGrad = (second: string) => {
      const F = kex.kmap({ kernelSize: 3, padding: "same" });
      F.at[":"] = (x: Win) => x[0] * x[2];
      F.at[second] = (x: Win) => 3 * x[1];
      return (a: NDArray) => kex.sum(kex.square(F(a)));
    };

    it("pull where the mesh regions are boxes, push where a region has a step", () => {
      const x = kex.arange(1, 9);
      expect(pullPlan(gatherNestOf(kex.grad(meshGrad("2:5")), x))).not.toBeNull();
      expect(pullPlan(gatherNestOf(kex.grad(meshGrad("::2")), x))).toBeNull();
    });

    it("a pull gather writes each output cell once and matches a naive adjoint loop", () => {
      const n = 9;
      const nest = gatherNestOf(kex.grad((a: NDArray) => kex.sum(kex.square(threePoint(a)))), kex.ones([n]));
      const code = lowerNest(nest);
      expect(code.schedule.adds).toBe(false);
      const x = Float64Array.from({ length: n }, (_, i) => Math.cos(i) * 3);
      const ct = Float64Array.from({ length: n }, (_, i) => (i % 3) - 0.5);
      const out = new Float64Array(n).fill(NaN);
      // the gather's inputs: the window's input, then the cotangent (an extra input indexed by grid cell)
      compileBody(emitJs(code))([x, ct, out], code.tables, [], 0, n, -1);
      // y_g = x_{g-1} - 2 x_g + x_{g+1}: its adjoint adds ct_g·(1, -2, 1) onto cells g-1, g, g+1
      const ref = new Float64Array(n);
      for (let g = 0; g < n; g++) {
        [1, -2, 1].forEach((w, k) => {
          const c = g - 1 + k;
          if (c >= 0 && c < n) ref[c]! += ct[g]! * w;
        });
      }
      for (let i = 0; i < n; i++) expect(out[i]).toBeCloseTo(ref[i]!, 12);
    });
  });
});
