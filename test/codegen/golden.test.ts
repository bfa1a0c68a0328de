/**
 * @file Generated JavaScript for a fixed corpus of kernels, pinned as golden
 * files in test/golden/ (update deliberately with `vitest -u` and read the diff).
 */
import { describe, expect, it } from "vitest";
import * as kex from "kernex";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Win = any;

const corpus: [string, () => string][] = [
  ["1d-3point-valid", () => kex.jit(kex.kmap({ kernelSize: 3 }, (x: Win) => x[0] - 2 * x[1] + x[2])).lower(kex.ones([8])).js],
  [
    "2d-5point-same",
    () =>
      kex.jit(kex.kmap({ kernelSize: [3, 3], padding: "same", relative: true }, (u: Win) => u[1][0] + u[-1][0] + u[0][1] + u[0][-1] - 4 * u[0][0])).lower(kex.ones([6, 6])).js,
  ],
  ["2d-3x3-stride2-max", () => kex.jit(kex.kmap({ kernelSize: [3, 3], strides: 2 }, (x: Win) => kex.max(x))).lower(kex.ones([7, 7])).js],
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
  ["2d-laplacian-grad", () => kex.jit(kex.grad((x: kex.NDArray) => kex.sum(kex.kmap({ kernelSize: [3, 3], padding: "same", relative: true }, (u: Win) => u[1][0] + u[-1][0] - 2 * u[0][0])(x)))).lower(kex.ones([4, 4])).js],
];

describe("generated code", () => {
  for (const [name, make] of corpus) {
    it(`${name} matches test/golden/${name}.js`, async () => {
      await expect(make()).toMatchFileSnapshot(`../golden/${name}.js`);
    });
  }
});
