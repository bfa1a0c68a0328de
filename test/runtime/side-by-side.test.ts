/**
 * @file Two independent stencils of one jitted program side by side: the
 * gradient of sum(conv2d) with respect to x (a fill kept on one thread) runs
 * on the calling thread while the workers start on the weight gradient (a
 * reduce over the grid, sharded). The results equal a naive reference, and
 * one thread's results bit for bit (runtime/executor/run-beside.ts; the
 * pool's `beside` itself, errors included, is tested in pool.test.ts).
 */
import { afterEach, describe, expect, it } from "vitest";
import * as kex from "kernex";
import { getPool } from "../../runtime/pool";
import { mulberry32 } from "../helpers/naive";
import { debugLines, firstBitDifference } from "./helpers";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Win = any;

const conv = kex.kmap({ kernelSize: [3, 3, 3], padding: ["valid", "same", "same"] }, (x: Win, w: Win) => kex.sum(kex.mul(x, w)));
const backward = kex.jit(kex.grad((x: kex.NDArray, w: kex.NDArray) => kex.sum(conv(x, w)), [0, 1]));

function random(shape: number[], seed: number): kex.NDArray {
  const rand = mulberry32(seed);
  return kex.array(Float64Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => rand() - 0.5), { shape });
}

/** d sum(conv2d)/dx and /dw by their definitions: every window adds w to the cells it reads, and x's cells to w. */
function naiveBackward(x: Float64Array, w: Float64Array, H: number): [Float64Array, Float64Array] {
  const dx = new Float64Array(3 * H * H);
  const dw = new Float64Array(27);
  for (let i = 0; i < H; i++) {
    for (let j = 0; j < H; j++) {
      for (let c = 0; c < 3; c++) {
        for (let a = 0; a < 3; a++) {
          for (let b = 0; b < 3; b++) {
            const [y, z] = [i + a - 1, j + b - 1];
            if (y < 0 || y >= H || z < 0 || z >= H) continue;
            dx[c * H * H + y * H + z]! += w[c * 9 + a * 3 + b]!;
            dw[c * 9 + a * 3 + b]! += x[c * H * H + y * H + z]!;
          }
        }
      }
    }
  }
  return [dx, dw];
}

afterEach(() => kex.config({ workers: 0, debug: 0 }));

describe("independent stencils side by side", () => {
  it("grad of sum(conv2d) w.r.t. x and w: the x fill beside the sharded weight reduce, equal to a naive reference and to one thread bit for bit", async () => {
    const H = 512;
    const [x, w] = [random([3, H, H], 1), random([3, 3, 3], 2)];
    kex.config({ workers: 0 });
    const [dx1, dw1] = backward(x, w) as kex.NDArray[];
    kex.config({ workers: 1 });
    await getPool(1).ready();
    let grads: kex.NDArray[] = [];
    const lines = debugLines(() => (grads = backward(x, w) as kex.NDArray[]));
    expect(lines.some((l) => /side by side: a stencil sharded, a stencil_gather on the calling thread/.test(l))).toBe(true);
    const [dx2, dw2] = grads;
    expect(firstBitDifference(dx2!.data, dx1!.data)).toBe(-1);
    expect(firstBitDifference(dw2!.data, dw1!.data)).toBe(-1);
    const [dx, dw] = naiveBackward(x.data as Float64Array, w.data as Float64Array, H);
    expect(dx2!.data).toBeAllclose(dx, { rtol: 1e-12, atol: 1e-12 });
    expect(dw2!.data).toBeAllclose(dw, { rtol: 1e-9, atol: 1e-9 });
    // the inputs are untouched
    expect(firstBitDifference(x.data, random([3, H, H], 1).data)).toBe(-1);
  });

  it("a loop of 50 calls gives the same bits every call", async () => {
    const H = 384;
    const [x, w] = [random([3, H, H], 3), random([3, 3, 3], 4)];
    kex.config({ workers: 0 });
    const [dx1, dw1] = backward(x, w) as kex.NDArray[];
    kex.config({ workers: 1 });
    await getPool(1).ready();
    for (let s = 0; s < 50; s++) {
      const [dx2, dw2] = backward(x, w) as kex.NDArray[];
      expect(firstBitDifference(dx2!.data, dx1!.data)).toBe(-1);
      expect(firstBitDifference(dw2!.data, dw1!.data)).toBe(-1);
    }
  });

  it("small programs run one equation after the other", () => {
    kex.config({ workers: 1 });
    const [x, w] = [random([3, 16, 16], 5), random([3, 3, 3], 6)];
    const lines = debugLines(() => backward(x, w));
    expect(lines.some((l) => l.includes("side by side"))).toBe(false);
  });
});
