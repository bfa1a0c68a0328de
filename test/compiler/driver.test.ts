/**
 * @file The pass driver shared by the program and loop pipelines: passes run
 * in order, the log lists the IR after each one or "(unchanged)", and the
 * verifier runs after every pass when verification is on (the `check`
 * option first, then compiler/verify.ts's switch).
 */
import { afterEach, describe, expect, it } from "vitest";
import { runPasses, type NamedPass } from "../../compiler/passes/driver";
import { setVerify, verifyOn } from "../../compiler/verify";

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
