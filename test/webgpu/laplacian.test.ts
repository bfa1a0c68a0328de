/**
 * @file The webgpu backend end to end: a 3×3 laplacian (kmap) jitted with
 * backend "webgpu" and called with `.async` gives the "js" result to
 * float32 precision, as float32 arrays.
 */
import { afterAll, describe, expect, it } from "vitest";
import * as kex from "kernex";
import { gpuForTests } from "./gpu";
import { mulberry32 } from "../helpers/naive";

const gpu = await gpuForTests();

function random(shape: number[], seed: number): kex.NDArray {
  const rand = mulberry32(seed);
  const n = shape.reduce((a, b) => a * b, 1);
  return kex.array(Array.from({ length: n }, () => rand() * 2 - 1)).reshape(shape);
}

describe.runIf(gpu !== null)("webgpu: a 3×3 laplacian", () => {
  afterAll(() => {
    kex.config({ gpu: null, backend: "js" });
  });

  it("matches the js backend to float32 precision", async () => {
    const lap = kex.kmap({ kernelSize: [3, 3], padding: "same" }, (x: kex.NDArray & { [i: number]: { [j: number]: number } }) => x[0]![1]! + x[2]![1]! + x[1]![0]! + x[1]![2]! - 4 * x[1]![1]!);
    const x = random([17, 23], 1);
    const want = kex.jit(lap)(kex.astype(x, "float32"));
    const got = await kex.jit(lap, { backend: "webgpu" }).async(x);
    expect(got.dtype).toBe("float32");
    expect(got.shape).toEqual([17, 23]);
    expect(got.data).toBeAllclose(want.data, { rtol: 1e-6, atol: 1e-6 });
  });
});
