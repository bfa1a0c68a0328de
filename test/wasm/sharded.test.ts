/**
 * @file WebAssembly kernels sharded over the worker pool (backend "wasm"
 * with workers): the same module runs on a shared Memory in every thread.
 * Each case gives the bits of "js" on one thread (pad modes, strides,
 * dilation, float32, vmap, two inputs), with results copied out range by
 * range or at the end; workers run ranges of the WebAssembly job; a
 * donated loop of 200 steps and two kernels alternating keep the bits.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as kex from "kernex";
import { getPool } from "../../runtime/pool";
import { setWasmPolicy } from "../../runtime/wasm/wasm-kernel";
import { debugLines } from "../runtime/helpers";
import { differences, random } from "./same";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Win = any;

const grid = (shape: number[], seed: number, dtype: "float64" | "float32" = "float64"): kex.NDArray =>
  kex.array(random(shape.reduce((a, b) => a * b, 1), seed), { shape, dtype });

/** A function of the cases and its arguments. */
interface Case {
  readonly name: string;
  readonly f: (...a: kex.NDArray[]) => kex.NDArray;
  readonly args: () => kex.NDArray[];
}

const cases: Case[] = [
  { name: "7×7 blur, same", f: kex.kmap({ kernelSize: [7, 7], padding: "same" }, (x: Win) => kex.div(kex.sum(x), 49)), args: () => [grid([384, 384], 1)] },
  {
    name: "conv2d of two inputs",
    f: kex.kmap({ kernelSize: [3, 3, 3], padding: ["valid", "same", "same"] }, (x: Win, w: Win) => kex.sum(kex.mul(x, w))),
    args: () => [grid([3, 512, 512], 2), grid([3, 3, 3], 3)],
  },
  { name: "5×5 weighted sum, reflect", f: kex.kmap({ kernelSize: [5, 5], padding: "same", padMode: "reflect" }, (x: Win) => kex.sum(kex.mul(x, x))), args: () => [grid([300, 301], 4)] },
  { name: "3×3 max, stride 2, dilation 2, wrap", f: kex.kmap({ kernelSize: [3, 3], strides: [2, 2], dilation: [2, 2], padding: "same", padMode: "wrap" }, (x: Win) => kex.max(x)), args: () => [grid([2048, 2039], 5)] },
  { name: "7×7 blur, float32", f: kex.kmap({ kernelSize: [7, 7], padding: "same" }, (x: Win) => kex.div(kex.sum(x), 49)), args: () => [grid([384, 384], 6, "float32")] },
  { name: "vmap'd 3×3 max-pool", f: kex.vmap(kex.kmap({ kernelSize: [3, 3], strides: [2, 2] }, (x: Win) => kex.max(x))), args: () => [grid([3, 800, 800], 7)] },
];

beforeAll(() => setWasmPolicy("always"));
afterAll(() => setWasmPolicy("decide"));
afterEach(() => void kex.config({ backend: "js", workers: "auto", debug: 0 }));

/** The ranges-by lists of the sharded WebAssembly runs in `lines`. */
function wasmRanges(lines: readonly string[]): number[][] {
  return lines.flatMap((l) => {
    const m = /sharded wasm .* ranges by \[([\d,]*)\]/.exec(l);
    return m ? [m[1]!.split(",").map(Number)] : [];
  });
}

describe("WebAssembly kernels on the worker pool", () => {
  it.each([1, 2])("%i worker(s): every case gives the bits of js on one thread, and workers run ranges", async (workers) => {
    await getPool(workers).ready();
    let byWorkers = 0;
    for (const c of cases) {
      const args = c.args();
      kex.config({ backend: "js", workers: 0 });
      const want = kex.jit(c.f)(...args);
      kex.config({ backend: "wasm", workers });
      for (let call = 0; call < 3; call++) {
        let got: kex.NDArray | null = null;
        const ranges = wasmRanges(debugLines(() => (got = kex.jit(c.f)(...args))));
        expect(ranges, c.name).toHaveLength(1);
        byWorkers += ranges[0]!.filter((by) => by >= 1).length;
        expect(got!.shape, c.name).toEqual(want.shape);
        expect(got!.dtype, c.name).toBe(want.dtype);
        expect(differences(got!.data, want.data), c.name).toEqual([]);
      }
    }
    // the workers took part (each call's job is several ms; a worker wakes in ~0.1 ms)
    expect(byWorkers).toBeGreaterThan(cases.length);
  });

  it("a donated loop of 200 steps and two kernels alternating keep the bits of js", async () => {
    await getPool(1).ready();
    const [blur, conv] = [cases[0]!, cases[1]!];
    const step = kex.jit(blur.f, { donate: [0] });
    const u0 = grid([320, 320], 8);
    kex.config({ backend: "js", workers: 0 });
    let a = kex.array(u0);
    for (let t = 0; t < 200; t++) a = step(a);
    kex.config({ backend: "wasm", workers: 1 });
    let b = kex.array(u0);
    expect(wasmRanges(debugLines(() => (b = step(b))))).toHaveLength(1);
    for (let t = 1; t < 200; t++) b = step(b);
    expect(differences(b.data, a.data)).toEqual([]);
    const [x, w] = conv.args();
    const u = blur.args()[0]!;
    kex.config({ backend: "js", workers: 0 });
    const [wantConv, wantBlur] = [kex.jit(conv.f)(x!, w!), kex.jit(blur.f)(u)];
    kex.config({ backend: "wasm", workers: 1 });
    for (let i = 0; i < 6; i++) {
      expect(differences(kex.jit(conv.f)(x!, w!).data, wantConv.data)).toEqual([]);
      expect(differences(kex.jit(blur.f)(u).data, wantBlur.data)).toEqual([]);
    }
  });
});
