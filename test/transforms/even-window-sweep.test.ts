/**
 * @file Gradients of scans whose windows are even along a dilated dim
 * (compiler/loop/lower-sweep.ts): under "same" padding such a window's
 * centre, floor((k-1)/2)·dilation cells after its start, lies before the
 * input at the first grid cells, and the reverse sweep must skip λ there.
 * Over even sizes × dilations × pad modes × 1-d/2-d/3-d, for kscan and
 * sscan: the compiled sweep's gradient against the reference interpreter's,
 * and the vjp against finite differences.
 */
import { afterEach, describe, expect, it } from "vitest";
import * as kex from "kernex";
import { checkVjp, randomArray } from "../helpers/check";
import { mulberry32 } from "../helpers/naive";

type NDArray = kex.NDArray;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Win = any;

afterEach(() => kex.config({ codegen: true }));

const modes = ["constant", "edge", "reflect", "symmetric", "wrap"] as const;

/** One case: per dim, kernel size and dilation (some even size under dilation > 1), the input's shape. */
const geometries: { shape: number[]; kernelSize: number[]; dilation: number[] }[] = [
  { shape: [8], kernelSize: [2], dilation: [2] },
  { shape: [9], kernelSize: [4], dilation: [3] },
  { shape: [6, 6], kernelSize: [1, 2], dilation: [1, 2] },
  { shape: [6, 7], kernelSize: [3, 2], dilation: [1, 2] },
  { shape: [7, 6], kernelSize: [2, 4], dilation: [2, 2] },
  { shape: [4, 5, 6], kernelSize: [3, 1, 2], dilation: [1, 1, 2] },
  { shape: [5, 4, 6], kernelSize: [2, 3, 2], dilation: [3, 1, 2] },
];

/** A kernel nonlinear in every window cell, so each read has its own derivative. */
const kernel = (w: Win) => kex.add(kex.mul(kex.sum(kex.mul(w, w)), 0.05), kex.mul(kex.sum(w), 0.3));

/** The scan of kind `kind` over geometry g with pad mode `mode`. */
function scanOf(kind: "kscan" | "sscan", g: (typeof geometries)[number], mode: (typeof modes)[number]): (x: NDArray) => NDArray {
  const base = { kernelSize: g.kernelSize, dilation: g.dilation, padMode: mode };
  return (kind === "kscan" ? kex.kscan({ ...base, padding: "same" }, kernel) : kex.sscan(base, kernel)) as (x: NDArray) => NDArray;
}

/** ∇ of Σ F(x)·r, with the compiled sweep or the interpreter. */
function gradient(F: (x: NDArray) => NDArray, x: NDArray, r: NDArray, codegen: boolean): Float64Array {
  kex.config({ codegen });
  try {
    return Float64Array.from((kex.grad((u: NDArray) => kex.sum(kex.mul(F(u), r)))(x) as NDArray).data);
  } finally {
    kex.config({ codegen: true });
  }
}

describe("gradients of scans with even dilated windows", () => {
  for (const kind of ["kscan", "sscan"] as const) {
    geometries.forEach((g, gi) => {
      it(`${kind} ${JSON.stringify(g.kernelSize)} dilation ${JSON.stringify(g.dilation)} over ${JSON.stringify(g.shape)}: every pad mode, compiled = interpreter`, () => {
        modes.forEach((mode, mi) => {
          const F = scanOf(kind, g, mode);
          const x = randomArray(mulberry32(100 + 10 * gi + mi), g.shape);
          const y = F(x);
          const r = randomArray(mulberry32(200 + 10 * gi + mi), y.shape);
          const compiled = gradient(F, x, r, true);
          const reference = gradient(F, x, r, false);
          expect(compiled.length).toBe(x.data.length);
          expect(compiled.some((v) => v !== 0)).toBe(true);
          compiled.forEach((v, i) => expect(Math.abs(v - reference[i]!), `${mode} cell ${i}`).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(reference[i]!))));
        });
      });
    });
  }

  it("the vjp of each scan matches finite differences (one pad mode per geometry, every mode used)", () => {
    geometries.forEach((g, gi) => {
      for (const kind of ["kscan", "sscan"] as const) {
        const F = scanOf(kind, g, modes[gi % modes.length]!);
        checkVjp(F, [randomArray(mulberry32(300 + gi), g.shape)], { seed: 400 + gi, rtol: 1e-5 });
      }
    });
  });
});
