/**
 * @file The differential corpus of the webgpu backend: kmap/kscan/smap/sscan
 * over every pad mode, strides, dilation and function meshes, array-valued
 * kernels, fused elementwise chains, grid reductions, the README's seed
 * examples, grad (gathers) and vmap of them, and a foriLoop heat equation:
 * each jitted with backend "webgpu" and called with `.async` gives the
 * "js" backend's result on the same float32 inputs, to float32 precision:
 * |gpu - js| ≤ 3e-5 · (1 + max|js|) + 3e-5 · |js| — a few ulps per
 * accumulated term (the GPU adds in float32 where the JavaScript sums in
 * float64 and rounds once; exp, sin, … differ by a few ulps).
 */
import { afterAll, describe, expect, it } from "vitest";
import * as kex from "kernex";
import { mulberry32 } from "../helpers/naive";
import { lastGpuRun } from "../../runtime/webgpu/run-program-gpu";
import { gpuForTests } from "./gpu";

type NDArray = kex.NDArray;
/** A window read by index (kernels are plain functions of their windows). */
type W = NDArray & { readonly [i: number]: number & { readonly [j: number]: number } };
type Fn = (...args: NDArray[]) => NDArray | NDArray[];

const gpu = await gpuForTests();

function random(shape: number[], seed: number, lo = -1, hi = 1): NDArray {
  const rand = mulberry32(seed);
  const n = shape.reduce((a, b) => a * b, 1);
  return kex.astype(kex.array(Array.from({ length: n }, () => lo + (hi - lo) * rand())).reshape(shape), "float32");
}

/** Assert `got` (webgpu) equals `want` (js) to float32 precision, as the file header says. */
function expectClose(got: NDArray, want: NDArray): void {
  expect(got.dtype).toBe("float32");
  expect(got.shape).toEqual(want.shape);
  let scale = 0;
  for (const v of want.data) if (Number.isFinite(v)) scale = Math.max(scale, Math.abs(v));
  expect(got.data).toBeAllclose(want.data, { rtol: 3e-5, atol: 3e-5 * (1 + scale) });
}

/** Run f on both backends and compare; the stencils (and the primitives `alsoOnGpu`) ran on the device, at least `onGpu` equations. */
async function agree(f: Fn, args: NDArray[], onGpu = 1, alsoOnGpu: readonly string[] = []): Promise<void> {
  const want = kex.jit(f)(...args);
  const got = await kex.jit(f, { backend: "webgpu" }).async(...args);
  const [g, w] = [[got].flat(), [want].flat()];
  expect(g.length).toBe(w.length);
  g.forEach((x, i) => expectClose(x, w[i]!));
  expect(lastGpuRun().gpu.length).toBeGreaterThanOrEqual(onGpu);
  expect(lastGpuRun().host.filter((p) => p === "stencil" || p === "stencil_gather" || alsoOnGpu.includes(p))).toEqual([]);
}

const padModes: kex.PadMode[] = ["constant", "edge", "reflect", "symmetric", "wrap"];
/** An asymmetric 3×3 kernel: any transposed or shifted read changes its value. */
const k33 = (x: W): number => x[0][0] + 2 * x[0][1] - x[0][2] + 0.5 * x[1][0] - 3 * x[1][1] + x[1][2] * 0.25 + x[2][0] - x[2][1] * 1.5 + 4 * x[2][2];

describe.runIf(gpu !== null)("webgpu agrees with js", () => {
  afterAll(() => {
    kex.config({ gpu: null, backend: "js" });
  });

  describe("kmap: pad modes × strides × dilation", () => {
    for (const padMode of padModes)
      for (const strides of [1, 2])
        for (const dilation of [1, 2]) {
          it(`${padMode}, strides ${strides}, dilation ${dilation}`, async () => {
            const f = kex.kmap({ kernelSize: [3, 3], padding: "same", padMode, padValue: 0.75, strides, dilation }, k33 as never);
            await agree(f as Fn, [random([13, 11], 3)]);
          });
        }
  });

  for (const padValue of [NaN, -Infinity]) {
    it(`constant padding with padValue ${padValue} (a non-finite f32 constant in WGSL)`, async () => {
      const f = kex.kmap({ kernelSize: [3, 3], padding: "same", padValue }, (x: NDArray) => kex.max(x));
      await agree(f as Fn, [random([6, 7], 33)]);
    });
  }

  it("kmap with padding [before, after] per dim and a 3-d window", async () => {
    const f = kex.kmap({ kernelSize: [2, 3, 3], padding: [[0, 1], "same", [2, 0]] }, (x: NDArray, w: NDArray) => kex.sum(kex.mul(x, w)));
    await agree(f as Fn, [random([4, 7, 6], 4), random([2, 3, 3], 5)]);
  });

  describe("smap and sscan", () => {
    for (const padMode of padModes) {
      it(`smap, ${padMode}`, async () => {
        const f = kex.smap({ kernelSize: [3, 3], offset: 0, padMode }, k33 as never);
        await agree(f as Fn, [random([9, 8], 6)]);
      });
    }
    it("sscan in 1-d (sequential)", async () => {
      const f = kex.sscan({ kernelSize: 3, offset: 1 }, (x: W) => 0.5 * x[0] + 0.3 * x[1] + 0.2 * x[2]);
      await agree(f as Fn, [random([40], 7)]);
    });
    it("sscan over rows of a 2-d array, reversed", async () => {
      const f = kex.sscan({ kernelSize: [1, 3], offset: [0, 1], reverse: true }, (x: W) => x[0][0] * 0.5 + x[0][1] - 0.25 * x[0][2]);
      await agree(f as Fn, [random([6, 20], 8)]);
    });
  });

  describe("kscan", () => {
    for (const padMode of padModes) {
      it(`1-d, ${padMode}`, async () => {
        const f = kex.kscan({ kernelSize: 3, padding: "same", padMode }, (x: W) => 0.5 * x[0] + 0.25 * x[1] + 0.25 * x[2]);
        await agree(f as Fn, [random([33], 9)]);
      });
    }
    it("2-d, each row from the one before (a dispatch per row, its cells in parallel)", async () => {
      const f = kex.kscan({ kernelSize: [3, 3], padding: "same" }, (x: W) => 0.3 * x[0][0] + 0.4 * x[0][1] + 0.2 * x[0][2] + 0.5 * x[1][1] + 0.1 * x[2][2]);
      await agree(f as Fn, [random([12, 10], 10)]);
    });
    it("2-d, reading the cell to its left (sequential: one invocation)", async () => {
      const f = kex.kscan({ kernelSize: [3, 3], padding: "same" }, (x: W) => 0.3 * x[0][1] + 0.2 * x[1][0] + 0.5 * x[1][1] + 0.1 * x[1][2]);
      await agree(f as Fn, [random([7, 9], 27)]);
    });
  });

  it("a function mesh: different kernels on the borders", async () => {
    const F = kex.kmap({ kernelSize: [3, 3], padding: "same" });
    F.at[":, :"] = k33 as never;
    F.at["0, :"] = ((x: W) => x[1][1] * 2) as never;
    F.at[":, -1"] = ((x: W) => x[0][1] - x[2][1]) as never;
    await agree(F as unknown as Fn, [random([8, 9], 11)]);
  });

  it("array-valued kernels (patches)", async () => {
    const f = kex.kmap({ kernelSize: [3, 3], padding: "same", padMode: "reflect" }, (x: NDArray) => x);
    await agree(f as Fn, [random([5, 6], 12)]);
  });

  it("fused elementwise chains around a stencil", async () => {
    const lap = kex.kmap({ kernelSize: [3, 3], padding: "same" }, (x: W) => x[0][1] + x[2][1] + x[1][0] + x[1][2] - 4 * x[1][1]);
    const f = (x: NDArray): NDArray => kex.add(kex.tanh(kex.mul(lap(kex.exp(x)) as NDArray, 0.5)), kex.square(x));
    await agree(f, [random([16, 16], 13)]);
  });

  it("grid reductions: a sum over every window", async () => {
    const conv = kex.kmap({ kernelSize: [3, 3], padding: "same" }, (x: NDArray, w: NDArray) => kex.sum(kex.mul(x, w)));
    const f = (x: NDArray, w: NDArray): NDArray => kex.sum(conv(x, w) as NDArray);
    await agree(f, [random([20, 24], 14), random([3, 3], 15)]);
  });

  it("grid reductions: 300 partial rows summed by the workgroup tree", async () => {
    const conv = kex.kmap({ kernelSize: [3, 3], padding: "same" }, (x: NDArray, w: NDArray) => kex.sum(kex.mul(x, w)));
    const f = (x: NDArray, w: NDArray): NDArray => kex.sum(conv(x, w) as NDArray);
    await agree(f, [random([300, 9], 28), random([3, 3], 29)]);
  });

  describe("sums and reshapes outside stencils stay on the device", () => {
    const lap = kex.kmap({ kernelSize: [3, 3], padding: "same" }, (x: W) => x[0][1] + x[2][1] + x[1][0] + x[1][2] - 4 * x[1][1]);
    for (const axis of [0, 1]) {
      it(`sum over axis ${axis} of a stencil's result`, async () => {
        await agree((x: NDArray) => kex.sum(lap(x) as NDArray, { axis }), [random([70, 9], 30 + axis)], 1, ["reduce_sum"]);
      });
    }
    it("a reshape, then a sum over the leading axes", async () => {
      await agree((x: NDArray) => kex.sum(kex.reshape(lap(x) as NDArray, [3, 4, 10]), { axis: [0, 1] }), [random([12, 10], 32)], 1, ["reduce_sum", "reshape"]);
    });
  });

  it("scalar primitives with JavaScript's semantics (round, max, pow, %, sign, …)", async () => {
    const f = kex.kmap({ kernelSize: 2, padding: [[0, 1]] }, ((x: W) =>
      Math.round(x[0] * 4) +
      Math.max(x[0], x[1]) -
      Math.min(x[0], 0.25) +
      Math.pow(x[0], 3) +
      (x[0] * 7) % 3 +
      Math.sign(x[1]) +
      Math.abs(x[0]) ** 0.5 +
      Math.atan2(x[0], x[1]) +
      Math.cbrt(x[1]) +
      Math.log1p(Math.abs(x[0])) +
      Math.expm1(x[1]) +
      Math.floor(x[0] * 3) +
      Math.ceil(x[1] * 3) +
      Math.trunc(x[0] * 5) +
      Math.hypot(x[0], x[1]) +
      (x[0] < x[1] ? 1 : -1)) as never);
    // halves (round), exact zeros (sign) and negatives (pow, %) included
    const x = kex.astype(kex.array([0.125, -0.125, 0.375, -0.375, 0, -0.5, 0.5, 0.25, -0.25, 0.9, -0.9, 0.625]), "float32");
    await agree(f as Fn, [kex.concatenate([x, random([20], 16)])]);
  });

  it("sin and cos to float32 precision far from 0 (WGSL's builtins are not)", async () => {
    const f = kex.kmap({ kernelSize: 1 }, ((x: W) => Math.sin(x[0]) + 2 * Math.cos(x[0])) as never);
    await agree(f as Fn, [random([400], 37, -2000, 2000)]);
  });

  describe("the README's seed examples", () => {
    it("convolution, 3×3×3", async () => {
      const conv = kex.kmap({ kernelSize: [3, 3, 3], padding: ["valid", "same", "same"] }, (x: NDArray, w: NDArray) => kex.sum(kex.mul(x, w)));
      await agree(conv as Fn, [kex.astype(kex.arange(3 * 5 * 5).reshape([3, 5, 5]), "float32"), kex.astype(kex.full([3, 3, 3], 1 / 27), "float32")]);
    });
    it("laplacian with relative indexing", async () => {
      const lap = kex.kmap({ kernelSize: [3, 3], padding: "valid", relative: true }, (x: W) => x[1][0] + x[0][-1] - 4 * x[0][0] + x[0][1] + x[-1][0]);
      await agree(lap as Fn, [random([10, 10], 17)]);
    });
    it("patches", async () => {
      const patches = kex.kmap({ kernelSize: [3, 3], padding: "same" }, (x: NDArray) => x);
      await agree(patches as Fn, [kex.astype(kex.arange(1, 26).reshape([5, 5]), "float32")]);
    });
    it("gaussian blur (a captured weight array)", async () => {
      const w = random([5, 5], 18, 0, 0.08);
      const blur = kex.kmap({ kernelSize: [5, 5], padding: "same", scope: { w } }, (x: NDArray) => kex.sum(kex.mul(x, w)));
      await agree(blur as Fn, [random([16, 16], 19)]);
    });
    it("gaussian blur 7×7 (W7's kernel: 49 reads, value names past i32)", async () => {
      const w = random([7, 7], 20, 0, 0.04);
      const blur = kex.kmap({ kernelSize: [7, 7], padding: "same", scope: { w } }, (x: NDArray) => kex.sum(kex.mul(x, w)));
      await agree(blur as Fn, [random([20, 23], 21)]);
    });
    it("pooling: max and mean, strides 2", async () => {
      const maxpool = kex.kmap({ kernelSize: [3, 3], strides: [2, 2] }, (x: NDArray) => kex.max(x));
      const avgpool = kex.kmap({ kernelSize: [3, 3], strides: [2, 2] }, (x: NDArray) => kex.mean(x));
      await agree(((x: NDArray) => [maxpool(x), avgpool(x)]) as Fn, [random([9, 11], 20)]);
    });
  });

  describe("transforms", () => {
    const conv = kex.kmap({ kernelSize: [3, 3], padding: "same" }, (x: NDArray, w: NDArray) => kex.sum(kex.mul(x, w)));
    const loss = (x: NDArray, w: NDArray): NDArray => kex.sum(kex.square(conv(x, w) as NDArray));
    it("grad of a convolution's loss (gathers), with respect to both arguments", async () => {
      const g = kex.grad(loss, [0, 1]) as unknown as Fn;
      await agree(g, [random([12, 10], 21), random([3, 3], 22)]);
    });
    it("vmap of a convolution over a batch", async () => {
      const v = kex.vmap((x: NDArray, w: NDArray) => conv(x, w) as NDArray, [0, null] as never) as unknown as Fn;
      await agree(v, [random([4, 9, 8], 23), random([3, 3], 24)]);
    });
    for (const [padMode, strides, dilation] of [["constant", 2, 1], ["edge", 1, 2], ["wrap", 1, 1], ["reflect", 2, 2]] as const) {
      it(`grad of a ${padMode} conv, strides ${strides}, dilation ${dilation} (a gather${padMode === "wrap" || padMode === "reflect" ? " across the whole axis" : ""})`, async () => {
        const c = kex.kmap({ kernelSize: [3, 3], padding: "same", padMode, strides, dilation }, (x: NDArray, w: NDArray) => kex.sum(kex.mul(x, w)));
        const g = kex.grad((x: NDArray, w: NDArray) => kex.sum(kex.sin(c(x, w) as NDArray)), [0, 1]) as unknown as Fn;
        await agree(g, [random([11, 9], 34), random([3, 3], 35)]);
      });
    }
    it("vmap of a kscan over a batch", async () => {
      const scan = kex.kscan({ kernelSize: 3, padding: "same" }, (x: W) => 0.5 * x[0] + 0.25 * x[1] + 0.25 * x[2]);
      await agree(kex.vmap(scan as never) as unknown as Fn, [random([5, 17], 36)]);
    });
    it("grad of an sscan", async () => {
      const scan = kex.sscan({ kernelSize: 3, offset: 1 }, (x: W) => 0.5 * x[0] + 0.3 * x[1] + 0.2 * x[2]);
      await agree(kex.grad((x: NDArray) => kex.sum(kex.square(scan(x) as NDArray))) as unknown as Fn, [random([24], 25)]);
    });
  });

  it("foriLoop: 200 steps of the heat equation, carries on the device", async () => {
    const step = kex.smap({ kernelSize: [3, 3], offset: 1 }, (u: W) => u[1][1] + 0.2 * (u[0][1] + u[2][1] + u[1][0] + u[1][2] - 4 * u[1][1]));
    const heat = (u: NDArray): NDArray => kex.foriLoop(0, 200, (_i, v: NDArray) => step(v) as NDArray, u);
    await agree(heat, [random([24, 24], 26, 0, 1)]);
  });
});
