/**
 * @file The reverse sweep of a scan in the lowered loop IR
 * (compiler/loop/lower-sweep.ts): its listing on the worked example of
 * compiler/scan-sweep.ts, the verifier proving the reads of Y safe only
 * under the writer test that guards them, and the printed code against the
 * reference sweep on a mesh with uncovered cells; an even dilated window,
 * whose centre leaves the input, proven safe only where the centre is inside.
 */
import { describe, expect, it } from "vitest";
import * as kex from "kernex";
import type { NDArray } from "kernex";
import { compileBody } from "../../compiler/codegen/compile";
import { emitSweep, lowerSweepCode } from "../../compiler/codegen/emit-sweep";
import { printLowered } from "../../compiler/ir-print";
import { evalPrim, evalProgram } from "../../compiler/interpret";
import { tensor } from "../../compiler/tensor";
import { checkLowered } from "../../compiler/loop/loop-check";
import { lowerSweep } from "../../compiler/loop/lower-sweep";
import { ix, type IndexExpr, type ScalarExpr, type Stmt } from "../../compiler/loop/lowered-ir";
import { simplifyLowered } from "../../compiler/loop/simplify-index";
import { Prim, type ScanSweepParams } from "../../compiler/primitives";
import { evalScanSweep, scanSweepOutAvals } from "../../compiler/scan-sweep";
import { randomArray } from "../helpers/check";
import { mulberry32 } from "../helpers/naive";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Win = any;

/** The sweep equation of grad(sum(F(x)²)) and its input shapes. */
function sweepOf(F: (x: NDArray) => NDArray, x: NDArray): { p: ScanSweepParams; shapes: number[][] } {
  const program = kex.makeIR(kex.grad((y: NDArray) => kex.sum(kex.square(F(y)))))(x).program;
  const eqn = program.eqns.find((e) => e.prim === Prim.ScanSweep)!;
  return { p: eqn.params as ScanSweepParams, shapes: eqn.inputs.map((a) => [...a.aval.shape]) };
}

/** The worked example of compiler/scan-sweep.ts with a product, R(g) = S[0]·S[2] ("same" padding), so the vjp reads the window. */
const example = kex.kscan({ kernelSize: 3, padding: "same" }, (x: Win) => x[0] * x[2]);

/** Replace the first value (depth first) that `pick` maps to a new expression. */
function rewriteValue(body: readonly Stmt[], pick: (s: ScalarExpr) => ScalarExpr | null): Stmt[] {
  let done = false;
  const go = (list: readonly Stmt[]): Stmt[] =>
    list.map((s): Stmt => {
      if (done) return s;
      if (s.kind === "value") {
        const r = pick(s.value);
        if (r !== null) {
          done = true;
          return { ...s, value: r };
        }
      }
      if (s.kind === "for" || s.kind === "block") return { ...s, body: go(s.body) };
      if (s.kind === "if") return { ...s, then: go(s.then), else: go(s.else) };
      return s;
    });
  return go(body);
}

describe("the sweep in the lowered loop IR", () => {
  it("lists the worked example: λ taken out of the accumulator, reads of Y where the writer ran, adds guarded at the border", () => {
    const { p, shapes } = sweepOf(example, kex.ones([5]));
    expect(printLowered(simplifyLowered(lowerSweep(p, shapes, "float64")))).toMatchInlineSnapshot(`
      "x0 = f[0] input 5
      y0 = f[1] input 5
      d0 = f[2] input 5
      a0 = f[3] output 5
      t0 = t[0] table 7
      t1 = t[1] table 7
      main(f, t, s, lo, hi, k):
        runner():
          for g0 ∈ [4, 5) rev dim 0:
            let b0 = g0 - 1
            val dv0 = d0[g0]
            acc l0 = dv0
            if (b0 + 1 >= 0 && b0 + 1 < 5):
              val ta0 = a0[b0 + 1]
              l0 += ta0
              a0[b0 + 1] = 0.0
            let i2 = t0[b0 + 3]
            let w2 = t1[b0 + 3]
            val v2 = if (w2 >= 0 && w2 < g0) then y0[w2] else x0[i2] or pad 0.0
            val v4 = mul(l0, v2)
            val v7 = add(0.0, v4)
            let i0 = t0[b0 + 1]
            let w0 = t1[b0 + 1]
            val v0 = if (w0 >= 0 && w0 < g0) then y0[w0] else x0[i0] or pad 0.0
            val v5 = mul(l0, v0)
            val v8 = add(v5, 0.0)
            a0[i0] += v7 if ≥ 0
            a0[i2] += v8 if ≥ 0
          for g0 ∈ [1, 4) rev dim 0:
            let b0 = g0 - 1
            val dv0 = d0[g0]
            acc l0 = dv0
            val ta0 = a0[b0 + 1]
            l0 += ta0
            a0[b0 + 1] = 0.0
            let w2 = t1[b0 + 3]
            val v2 = if (w2 >= 0 && w2 < g0) then y0[w2] else x0[b0 + 2]
            val v4 = mul(l0, v2)
            val v7 = add(0.0, v4)
            let w0 = t1[b0 + 1]
            val v0 = if (w0 >= 0 && w0 < g0) then y0[w0] else x0[b0]
            val v5 = mul(l0, v0)
            val v8 = add(v5, 0.0)
            a0[b0] += v7
            a0[b0 + 2] += v8
          for g0 ∈ [0, 1) rev dim 0:
            let b0 = g0 - 1
            val dv0 = d0[g0]
            acc l0 = dv0
            if (b0 + 1 >= 0 && b0 + 1 < 5):
              val ta0 = a0[b0 + 1]
              l0 += ta0
              a0[b0 + 1] = 0.0
            let i2 = t0[b0 + 3]
            let w2 = t1[b0 + 3]
            val v2 = if (w2 >= 0 && w2 < g0) then y0[w2] else x0[i2] or pad 0.0
            val v4 = mul(l0, v2)
            val v7 = add(0.0, v4)
            let i0 = t0[b0 + 1]
            let w0 = t1[b0 + 1]
            val v0 = if (w0 >= 0 && w0 < g0) then y0[w0] else x0[i0] or pad 0.0
            val v5 = mul(l0, v0)
            val v8 = add(v5, 0.0)
            a0[i0] += v7 if ≥ 0
            a0[i2] += v8 if ≥ 0"
    `);
  });

  it("the verifier rejects a read of Y without the writer test that proves it inside Y", () => {
    const { p, shapes } = sweepOf(example, kex.ones([5]));
    const code = simplifyLowered(lowerSweep(p, shapes, "float64"));
    expect(() => checkLowered(code, "lower-sweep")).not.toThrow();
    const unguarded = rewriteValue(code.body, (v) => (v.kind === "choose" ? v.a : null));
    expect(() => checkLowered({ ...code, body: unguarded }, "test")).toThrow(/a read of y0\[-1000000000\.\./);
  });

  it("loops over the boxes of the scan's nest, and prints code equal to the reference sweep on a 2-d mesh with uncovered cells", () => {
    const F = kex.kscan({ kernelSize: [3, 3], padding: "same", padMode: "edge", relative: true }) as Win;
    F.at["1:, 1:-1"] = (u: Win) => u[-1][0] * Math.cos(u[-1][1]) - 0.3 * u[0][-1];
    const x = randomArray(mulberry32(21), [4, 6]);
    const { p, shapes } = sweepOf(F, x);
    // boxes of the scan's loop nest: the branch's rows and columns own loops of their own; its interior
    // box reads at flat offsets, its border boxes through the tables; writers' coverage from the R tables
    const listing = printLowered(lowerSweepCode(p, shapes, "float64"));
    expect(listing).toContain("for g0 ∈ [1, 3) rev dim 0:");
    expect(listing).toMatch(/t4\[b0 \+ \d\] \+ t5\[b1 \+ \d\] == 2\) then y0\[w\d\] else x0\[q\d \+ \d+\]\n/);
    expect(listing).toMatch(/t4\[b0 \+ \d\] \+ t5\[b1 \+ \d\] == 2\) then y0\[w\d\] else x0\[i\d\] or pad 0\.0\n/);
    const rand = mulberry32(22);
    const inputs = shapes.map((s) => tensor(s, "float64", Float64Array.from(randomArray(rand, s).data)));
    const avals = scanSweepOutAvals(inputs.map((t) => ({ shape: t.shape, dtype: t.dtype })), p);
    const want = evalScanSweep(inputs, p, avals, { evalPrim, evalProgram });
    const code = emitSweep(p, shapes, "float64");
    const outs = avals.map((a) => new Float64Array(a.shape.reduce((n, s) => n * s, 1)));
    compileBody(code.body)([...inputs.map((t) => t.data), ...outs], code.tables, [], 0, 0, 0);
    outs.forEach((o, j) => expect(Array.from(o)).toEqual(Array.from(want[j]!.data)));
  });

  describe("an even window with dilation 2 along dim 1 of a [6, 6] input (its centre, g1 − 1, leaves the input at g1 = 0)", () => {
    const F = kex.kscan({ kernelSize: [1, 2], dilation: [1, 2], padding: "same" }, (w: Win) => kex.mul(kex.sum(w), 0.5));
    const { p, shapes } = sweepOf(F as never, randomArray(mulberry32(31), [6, 6]));

    it("verifies: λ's read at the centre, q0 + b1, is proven inside under the centre's test (b1 = -1 there: never run)", () => {
      const listing = printLowered(lowerSweepCode(p, shapes, "float64"));
      expect(listing).toContain("for g1 ∈ [0, 1) rev dim 1:");
      expect(listing).toMatch(/if \(\(g0 >= 0 && g0 < 6\) && \(b1 >= 0 && b1 < 6\)\):\n\s+val ta0 = a0\[q1\]/);
    });

    /** The sweep's code with `body` in place of its own: for g0 ∈ [0, 6): q0 = g0·6; for g1 ∈ [0, 6): b1 = g1 − 1; q1 = q0 + b1; …body. */
    const withBody = (body: Stmt[]) => {
      const code = simplifyLowered(lowerSweep(p, shapes, "float64"));
      const inner: Stmt = { kind: "for", v: "g1", from: ix.num(0), to: ix.num(6), step: 1, reverse: false, dim: 1, split: false, body: [
        { kind: "let", name: "b1", value: ix.add(ix.v("g1"), -1) },
        { kind: "let", name: "q1", value: ix.add(ix.v("q0"), ix.v("b1")) },
        ...body,
      ] };
      const outer: Stmt = { kind: "for", v: "g0", from: ix.num(0), to: ix.num(6), step: 1, reverse: false, dim: 0, split: false, body: [{ kind: "let", name: "q0", value: ix.mul(ix.v("g0"), 6) }, inner] };
      return { ...code, body: [outer] };
    };
    const store = (at: IndexExpr): Stmt => ({ kind: "store", buffer: "a0", at, value: { kind: "num", value: 0 }, op: "set", guarded: false });
    const inside = ix.and(ix.cmp(">=", ix.v("b1"), 0), ix.cmp("<", ix.v("b1"), 6));

    it("the proof stays sound: a read past the end under the same test, or one whose let was computed from a name since redefined, is rejected", () => {
      expect(() => checkLowered(withBody([{ kind: "if", test: inside, then: [store(ix.v("q1"))], else: [] }]), "test")).not.toThrow();
      // unguarded, q1 ∈ [-1, 34]
      expect(() => checkLowered(withBody([store(ix.v("q1"))]), "test")).toThrow(/a store into a0\[-1\.\.34\]/);
      // under the test q1 ∈ [0, 34]: q1 + 2 reaches 36
      expect(() => checkLowered(withBody([{ kind: "if", test: inside, then: [store(ix.add(ix.v("q1"), 2))], else: [] }]), "test")).toThrow(/a store into a0\[2\.\.36\]/);
      // b1 redefined after q1: narrowing the new b1 (to [-10, -6]) says nothing of q1, whose range stays [-1, 34]
      // (were q1 recomputed from the new b1, q1 + 2 would seem to lie in [-8, 26])
      const shadow: Stmt = { kind: "block", role: "runner", params: [], body: [
        { kind: "let", name: "b1", value: ix.add(ix.v("g1"), -10) },
        { kind: "if", test: ix.cmp("<", ix.v("b1"), -5), then: [store(ix.add(ix.v("q1"), 2))], else: [] },
      ] };
      expect(() => checkLowered(withBody([shadow]), "test")).toThrow(/a store into a0\[1\.\.36\]/);
    });
  });
});
