/**
 * @file The pass driver shared by the program and loop pipelines: passes run
 * in order, the log lists the IR after each one or "(unchanged)", and the
 * verifier runs after every pass when verification is on (the `check`
 * option first, then compiler/verify.ts's switch); and the loop pipeline's
 * verifier on an empty grid.
 */
import { afterEach, describe, expect, it } from "vitest";
import * as kex from "kernex";
import type { NDArray } from "kernex";
import { checkLoopNest } from "../../compiler/loop/loop-check";
import { runPasses, type NamedPass } from "../../compiler/passes/driver";
import { lowerStencil } from "../../compiler/passes/lower-stencil";
import { runPipeline } from "../../compiler/passes/pipeline";
import type { StencilParams } from "../../compiler/primitives";
import { setVerify, verifyOn } from "../../compiler/verify";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Win = any;

// a toy IR: a list of numbers; the verifier rejects negative entries
type Toy = readonly number[];
const double: NamedPass<Toy> = { name: "double", run: (xs) => xs.map((x) => 2 * x) };
const keep: NamedPass<Toy> = { name: "keep", run: (xs) => xs };
const negate: NamedPass<Toy> = { name: "negate", run: (xs) => xs.map((x) => -x) };

function driver(log: string[], verified: string[], check?: boolean) {
  return {
    print: (xs: Toy) => xs.join(" "),
    verify: (xs: Toy, after: string) => {
      verified.push(after);
      if (xs.some((x) => x < 0)) throw new Error(`toy verifier after ${after}: negative entry in [${xs.join(", ")}]`);
    },
    log: (line: string) => log.push(line),
    check,
  };
}

describe("runPasses", () => {
  const initial = verifyOn();
  afterEach(() => setVerify(initial));

  it("runs the passes in order and lists the IR after each, or (unchanged)", () => {
    const log: string[] = [];
    const verified: string[] = [];
    expect(runPasses([1, 2], [double, keep, double], driver(log, verified, false))).toEqual([4, 8]);
    expect(log).toEqual(["after double:\n2 4", "after keep: (unchanged)", "after double:\n4 8"]);
    expect(verified).toEqual([]);
  });

  it("verifies after every pass with check, and the error names the pass that broke the IR", () => {
    const verified: string[] = [];
    expect(() => runPasses([1], [double, keep, negate, double], driver([], verified, true))).toThrow("toy verifier after negate: negative entry in [-2]");
    expect(verified).toEqual(["double", "keep", "negate"]);
  });

  it("follows the verification switch when check is not given", () => {
    const verified: string[] = [];
    setVerify(false);
    runPasses([1], [double], driver([], verified));
    expect(verified).toEqual([]);
    setVerify(true);
    runPasses([1], [double, keep], driver([], verified));
    expect(verified).toEqual(["double", "keep"]);
    // an explicit check wins over the switch
    runPasses([1], [double], driver([], verified, false));
    expect(verified).toEqual(["double", "keep"]);
  });
});

describe("the loop pipeline under verification", () => {
  // Regression: with the verifiers on for the whole test run, a stencil over an
  // empty grid (an empty vmap batch, a zero-length input) failed the loop
  // verifier, which required strictly increasing cuts: an empty dimension is
  // lowered to the one empty box [0, 0), which is well formed.
  it("accepts the one empty box of an empty grid, and the stencil gives an empty result", () => {
    const f = kex.vmap(kex.kmap({ kernelSize: [3], padding: "same" }, (w: Win) => w[0] + w[2]));
    const eqn = kex.makeIR(f)(kex.zeros([0, 4])).program.eqns.at(-1)!;
    const params = eqn.params as StencilParams;
    const lowered = lowerStencil(params, [], false);
    expect(lowered.cuts[0]).toEqual([0, 0]);
    expect(() => checkLoopNest(lowered, "lower")).not.toThrow();
    // partition drops the empty box: no box is left to run
    expect(runPipeline(params, [], { check: true }).leaves).toEqual([]);
    expect((f(kex.zeros([0, 4])) as NDArray).shape).toEqual([0, 4]);
  });

  it("still rejects cuts that do not increase on a non-empty dimension", () => {
    const f = kex.kmap({ kernelSize: [3], padding: "same" }, (w: Win) => w[0] + w[2]);
    const eqn = kex.makeIR(f)(kex.zeros([4])).program.eqns.at(-1)!;
    const nest = runPipeline(eqn.params as StencilParams, [], { check: true });
    expect(() => checkLoopNest({ ...nest, cuts: [[0, 2, 2, 4]] }, "test")).toThrow(/cuts of dim 0 are not increasing/);
  });
});
