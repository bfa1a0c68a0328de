/**
 * @file Index simplification across nested scopes (compiler/loop/simplify-index.ts):
 * its substitutions live in maps with an undo log, so a let that shadows an
 * outer one inside a loop must be forgotten when the loop ends, and dead
 * code elimination treats each nested list as a scope of its own. Hand-made
 * lowered code, simplified and not, is run and compared element by element
 * with a plain reference.
 */
import { describe, expect, it } from "vitest";
import * as kex from "kernex";
import { compileBody } from "../../compiler/codegen/compile";
import { emitJs } from "../../compiler/codegen/emit-js";
import { printLowered } from "../../compiler/ir-print";
import { checkLowered } from "../../compiler/loop/loop-check";
import { lowerStencil } from "../../compiler/loop/lower-stencil";
import { ix, type LoweredCode, type Stmt } from "../../compiler/loop/lowered-ir";
import { simplifyLowered } from "../../compiler/loop/simplify-index";
import { runPipeline } from "../../compiler/passes/pipeline";
import type { StencilParams } from "../../compiler/primitives";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Win = any;

/** Buffers and schedule of a 3-point "valid" stencil over 12 cells (x0: 12 inputs, o0: 10 outputs), with `body` as its code. */
function withBody(body: Stmt[]): LoweredCode {
  const F = kex.kmap({ kernelSize: 3 }, (x: Win) => x[0] + x[2]);
  const eqn = kex.makeIR(F)(kex.ones([12])).program.eqns.at(-1)!;
  const params = eqn.params as StencilParams;
  const code = lowerStencil(runPipeline(params, [], { check: true }));
  return { ...code, body, fns: [] };
}

const v = ix.v;
const load = (name: string, at: ReturnType<typeof ix.v>): Stmt => ({ kind: "value", name, value: { kind: "load", buffer: "x0", at } });
const store = (at: ReturnType<typeof ix.v>, name: string): Stmt => ({ kind: "store", buffer: "o0", at, value: { kind: "ref", name }, op: "set", guarded: false });
const loop = (name: string, from: number, to: number, body: Stmt[]): Stmt => ({ kind: "for", v: name, from: ix.num(from), to: ix.num(to), step: 1, reverse: false, dim: 0, split: false, body });

/**
 *     let a = 5; let s = g-free linear let
 *     for g0 ∈ [0, 5): let a = g0 + 1 (shadows); let b = a; let dead = g0·2; o0[g0] = x0[b]
 *     for g1 ∈ [5, 10): let c = g1 + 1 (same form as the first loop's a, other variable); o0[g1] = x0[a + c - 6]
 */
const body: Stmt[] = [
  { kind: "let", name: "a", value: ix.num(5) },
  loop("g0", 0, 5, [
    { kind: "let", name: "a", value: ix.add(v("g0"), 1) },
    { kind: "let", name: "b", value: v("a") },
    { kind: "let", name: "dead", value: ix.mul(v("g0"), 2) },
    load("y", v("b")),
    store(v("g0"), "y"),
  ]),
  loop("g1", 5, 10, [
    { kind: "let", name: "c", value: ix.add(v("g1"), 1) },
    load("z", ix.add(ix.add(v("a"), v("c")), -6)),
    store(v("g1"), "z"),
  ]),
];

describe("index simplification in nested scopes", () => {
  it("a shadowing let is forgotten after its loop; dead lets inside loops are dropped; results unchanged", () => {
    const code = withBody(body);
    const simple = simplifyLowered(code);
    checkLowered(simple, "simplify");
    const listing = printLowered(simple);
    // the outer a = 5 reaches the second loop (x0[g1]: 5 + (g1 + 1) - 6), the shadowing a does not
    expect(listing).toMatch(/val z = x0\[c - 1\]/);
    expect(listing).not.toMatch(/dead/);
    expect(listing).not.toMatch(/let b/);
    const x = Float64Array.from({ length: 12 }, (_, i) => i * i + 0.5);
    const want = Array.from({ length: 10 }, (_, i) => (i < 5 ? x[i + 1]! : x[i]!));
    for (const c of [code, simple]) {
      const out = new Float64Array(10).fill(NaN);
      compileBody(emitJs(c))([x, out], c.tables, [], 0, 10, -1);
      expect(Array.from(out)).toEqual(want);
    }
  });
});
