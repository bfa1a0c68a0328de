/**
 * @file kernex's own functions under any spelling inside kernels (SPEC,
 * Kernels; issue #16): `kex.sum`, `K.sum` for any namespace name, bare
 * `sum` (after `import { sum }` or a bundler's rewrite of `kex.sum`), and
 * `options.scope` winning over all of them. Kernels are built from source
 * text with `new Function` so that their names reach kernex exactly as
 * written (vitest would rename this file's own imports). Each case runs
 * compiled and with `codegen: false`, against a naive loop.
 */
import { afterEach, describe, expect, it } from "vitest";
import * as kex from "kernex";

afterEach(() => {
  kex.config({ codegen: true });
});

/** A kernel function from its source text, as a bundle would contain it. */
function kernelFrom(source: string): (...args: never[]) => unknown {
  return new Function(`return (${source});`)() as (...args: never[]) => unknown;
}

const INPUT = [3, -1, 4, 1, -5, 9, 2, -6];

/** Naive 3-wide windows of INPUT. */
function naive(f: (w: number[]) => number): number[] {
  const out: number[] = [];
  for (let i = 0; i + 3 <= INPUT.length; i++) out.push(f(INPUT.slice(i, i + 3)));
  return out;
}

const sumMinusMax = naive((w) => w[0]! + w[1]! + w[2]! - Math.max(...w));

describe.each([true, false])("kernex functions under any name (codegen %s)", (codegen) => {
  const run = (source: string, scope?: Record<string, unknown>): number[] => {
    kex.config({ codegen });
    const f = kex.kmap({ kernelSize: 3, ...(scope ? { scope } : {}) }, kernelFrom(source) as never);
    return f(kex.array(INPUT)).toArray() as number[];
  };

  it("kex.sum and K.sum for any namespace name", () => {
    expect(run("(w) => kex.sum(w) - kex.max(w)")).toEqual(sumMinusMax);
    expect(run("(w) => K.sum(w) - K.max(w)")).toEqual(sumMinusMax);
    expect(run("(w) => kernex.sum(w) - kernex.max(w)")).toEqual(sumMinusMax);
    expect(run("(w) => import_kernex.sum(w) - (0, import_kernex.max)(w)")).toEqual(sumMinusMax);
  });

  it("bare names, as after import { sum } or a bundler's rewrite", () => {
    expect(run("(w) => sum(w) - max(w)")).toEqual(sumMinusMax);
    expect(run("(w) => { const m = where(greater(w[1], 0), w[1], 0); return sum(w) + m; }")).toEqual(
      naive((w) => w[0]! + w[1]! + w[2]! + (w[1]! > 0 ? w[1]! : 0)),
    );
  });

  it("options.scope wins over kernex's function of the same name", () => {
    const first = (w: { at: (i: number) => unknown }) => w.at(0);
    expect(run("(w) => sum(w)", { sum: first })).toEqual(naive((w) => w[0]!));
    expect(run("(w) => K.sum(w)", { K: { sum: () => 7 } })).toEqual(naive(() => 7));
  });

  it("a name that is not kernex's (or whose members are not) is still reported", () => {
    kex.config({ codegen });
    expect(() => kex.kmap({ kernelSize: 3 }, kernelFrom("(w) => sum(w) * c") as never)(kex.array(INPUT))).toThrow(
      /uses "c", which is defined outside the kernel/,
    );
    expect(() => kex.kmap({ kernelSize: 3 }, kernelFrom("(w) => K.total(w)") as never)(kex.array(INPUT))).toThrow(
      /uses "K", which is defined outside the kernel/,
    );
  });
});
