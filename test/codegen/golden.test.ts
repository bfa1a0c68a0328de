/**
 * @file Generated JavaScript for a fixed corpus of kernels, pinned as golden
 * files in test/golden/ (update deliberately with `vitest -u` and read the diff).
 */
import { describe, expect, it } from "vitest";
import * as kex from "kernex";
import { Prim, type StencilParams } from "../../compiler/primitives";
import { compileStencil } from "../../runtime/executor/stencil-kernel";
import { wavefrontSource } from "../../runtime/executor/wavefront";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Win = any;

/** Conway's Game of Life written with if/else and returns (issue #16). */
const lifeWithIf = (w: Win) => {
  const n: Win = (kex.sum(w) as Win) - w[1][1];
  if (w[1][1] === 1) {
    if (n === 2 || n === 3) return 1;
    return 0;
  }
  if (n === 3) return 1;
  return 0;
};

/** The same rule written with ? :. */
const lifeWithTernary = (w: Win) => {
  const n: Win = (kex.sum(w) as Win) - w[1][1];
  return w[1][1] === 1 ? (n === 2 || n === 3 ? 1 : 0) : n === 3 ? 1 : 0;
};

/** Variables assigned in the branches of an if, and the same with one ? : per variable. */
const clampWithIf = (x: Win) => {
  let y = x[1];
  let lo = 0;
  if (y < x[0]) {
    y = x[0];
    lo = 1;
  } else if (y > x[2]) {
    y = x[2];
  }
  return y + lo;
};
const clampWithTernary = (x: Win) => (x[1] < x[0] ? x[0] : x[1] > x[2] ? x[2] : x[1]) + (x[1] < x[0] ? 1 : 0);

const lowerLife = (kernel: (w: Win) => unknown) => kex.jit(kex.kmap({ kernelSize: [3, 3], padding: "same" }, kernel)).lower(kex.ones([6, 6])).js;
const lowerClamp = (kernel: (w: Win) => unknown) => kex.jit(kex.kmap({ kernelSize: 3 }, kernel)).lower(kex.ones([8])).js;

const corpus: [string, () => string][] = [
  ["2d-life-if", () => lowerLife(lifeWithIf)],
  ["1d-3point-valid", () => kex.jit(kex.kmap({ kernelSize: 3 }, (x: Win) => x[0] - 2 * x[1] + x[2])).lower(kex.ones([8])).js],
  [
    "2d-5point-same",
    () =>
      kex.jit(kex.kmap({ kernelSize: [3, 3], padding: "same", relative: true }, (u: Win) => u[1][0] + u[-1][0] + u[0][1] + u[0][-1] - 4 * u[0][0])).lower(kex.ones([6, 6])).js,
  ],
  ["2d-3x3-stride2-max", () => kex.jit(kex.kmap({ kernelSize: [3, 3], strides: 2 }, (x: Win) => kex.max(x))).lower(kex.ones([7, 7])).js],
  // unroll-and-jam (compiler/loop/jam.ts): grids wide enough for the innermost interior loop to run several cells per iteration
  ["1d-3point-valid-jam", () => kex.jit(kex.kmap({ kernelSize: 3 }, (x: Win) => x[0] - 2 * x[1] + x[2])).lower(kex.ones([12])).js],
  [
    "2d-5point-same-jam",
    () =>
      kex.jit(kex.kmap({ kernelSize: [3, 3], padding: "same", relative: true }, (u: Win) => u[1][0] + u[-1][0] + u[0][1] + u[0][-1] - 4 * u[0][0])).lower(kex.ones([4, 10])).js,
  ],
  ["2d-3x3-stride2-max-jam", () => kex.jit(kex.kmap({ kernelSize: [3, 3], strides: 2 }, (x: Win) => kex.max(x))).lower(kex.ones([3, 19])).js],
  [
    "1d-two-region-mesh",
    () => {
      const F = kex.kmap({ kernelSize: 1 });
      F.at["0"] = (x: Win) => x[0] ** 2;
      F.at["1:"] = (x: Win) => x[0] ** 3;
      return kex.jit((x: kex.NDArray) => F(x)).lower(kex.arange(1, 11)).js;
    },
  ],
  ["1d-kscan-sum", () => kex.jit(kex.kscan({ kernelSize: 3 }, (x: Win) => kex.sum(x))).lower(kex.ones([5])).js],
  [
    "1d-kscan-wrap-grad",
    () => {
      const F = kex.kscan({ kernelSize: 3, padding: "same", padMode: "wrap" }, (x: Win) => x[0] * x[2] + Math.sin(x[1]));
      return kex.jit(kex.grad((x: kex.NDArray) => kex.sum(kex.square(F(x))))).lower(kex.ones([5])).js;
    },
  ],
  // a fused elementwise chain (compiler/passes/fuse.ts: a window-1 stencil with a per-cell extra input): one flat index for reads and store
  ["2d-elementwise-chain", () => kex.jit((a: kex.NDArray, b: kex.NDArray) => kex.add(kex.mul(kex.sin(a), b), 1)).lower(kex.ones([4, 5]), kex.ones([4, 5])).js],
  ["2d-laplacian-grad", () => kex.jit(kex.grad((x: kex.NDArray) => kex.sum(kex.kmap({ kernelSize: [3, 3], padding: "same", relative: true }, (u: Win) => u[1][0] + u[-1][0] - 2 * u[0][0])(x)))).lower(kex.ones([4, 4])).js],
  // a split scan's kernel as a wavefront (runtime/executor/wavefront.ts): its step function, run for every step of a range
  [
    "2d-kscan-wavefront",
    () => {
      const F = kex.kscan({ kernelSize: [3, 3], padding: [[1, 1], [1, 1]], relative: true }, (u: Win) => u[-1][0] - 0.25 * (u[-1][0] - u[-1][-1]));
      const params = kex.makeIR(F)(kex.ones([6, 8])).program.eqns.at(-1)!.params as StencilParams;
      return wavefrontSource(compileStencil(Prim.Stencil, params, [])!, params)!;
    },
  ],
];

describe("generated code", () => {
  for (const [name, make] of corpus) {
    it(`${name} matches test/golden/${name}.js`, async () => {
      await expect(make()).toMatchFileSnapshot(`../golden/${name}.js`);
    });
  }
});

describe("an if costs nothing over ? : (issue #16)", () => {
  it("Game of Life with if and returns compiles to the same loop as with ? :", () => {
    expect(lowerLife(lifeWithIf)).toBe(lowerLife(lifeWithTernary));
  });

  it("assignments in if/else branches compile to the same loop as one ? : per variable", () => {
    expect(lowerClamp(clampWithIf)).toBe(lowerClamp(clampWithTernary));
  });
});
