/**
 * @file User programs on the "wasm" backend, each against the same program
 * on "js", bit for bit: a 1,000-step donated time loop `u = f(u)`, grad of
 * a loss through a blur, a foriLoop, vmap over channels, workers "auto",
 * float32, and eager calls while "wasm" is configured (eager calls run on
 * "js" by contract). Where a WebAssembly kernel must have run (the map
 * itself, the loop's steps), the test counts its runs.
 */
import { afterEach, describe, expect, it } from "vitest";
import * as kex from "kernex";
import { wasmRuns } from "../../runtime/wasm/wasm-kernel";
import { differences, random } from "./same";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Win = any;

const blur = kex.kmap({ kernelSize: [3, 3], padding: "same" }, (x: Win) => kex.div(kex.sum(x), 9));
const grid = (n: number, seed: number): kex.NDArray => kex.array(random(n * n, seed), { shape: [n, n] });
const expectBits = (a: kex.NDArray, b: kex.NDArray): void => {
  expect(a.shape).toEqual(b.shape);
  expect(differences(a.data, b.data)).toEqual([]);
};

describe('user programs on backend "wasm"', () => {
  afterEach(() => void kex.config({ backend: "js", workers: "auto" }));

  it("a donated time loop of 1,000 steps gives the js loop's bits, every step in WebAssembly", () => {
    const u0 = grid(24, 1);
    const onJs = kex.jit(blur, { donate: [0] });
    const onWasm = kex.jit(blur, { backend: "wasm", donate: [0] });
    let a = kex.array(u0);
    let b = kex.array(u0);
    const before = wasmRuns();
    for (let t = 0; t < 1000; t++) {
      a = onJs(a) as kex.NDArray;
      b = onWasm(b) as kex.NDArray;
    }
    expect(wasmRuns() - before).toBe(1000);
    expectBits(b, a);
    // a blur of a bounded field stays bounded and is not constant zero
    expect(Math.max(...b.data.map(Math.abs))).toBeGreaterThan(0);
    expect(Math.max(...b.data.map(Math.abs))).toBeLessThanOrEqual(0.5);
  });

  it("grad of a loss through the blur, a foriLoop and vmap give the js bits", () => {
    const x = grid(33, 2);
    const loss = (u: kex.NDArray): kex.NDArray => kex.sum(kex.square(blur(u)));
    expectBits(kex.jit(kex.grad(loss), { backend: "wasm" })(x) as kex.NDArray, kex.jit(kex.grad(loss))(x) as kex.NDArray);
    const loop = (u: kex.NDArray): kex.NDArray => kex.foriLoop(0, 12, (_i: kex.NDArray, v: kex.NDArray) => blur(v), u);
    expectBits(kex.jit(loop, { backend: "wasm" })(x) as kex.NDArray, kex.jit(loop)(x) as kex.NDArray);
    const xs = kex.array(random(3 * 21 * 19, 3), { shape: [3, 21, 19] });
    const before = wasmRuns();
    expectBits(kex.jit(kex.vmap(blur), { backend: "wasm" })(xs) as kex.NDArray, kex.jit(kex.vmap(blur))(xs) as kex.NDArray);
    expect(wasmRuns()).toBeGreaterThan(before);
  });

  it("with workers \"auto\" on a 512² 7×7 blur, and on float32, gives the js bits", () => {
    const b7 = kex.jit(kex.kmap({ kernelSize: [7, 7], padding: "same" }, (x: Win) => kex.div(kex.sum(x), 49)));
    const big = grid(512, 4);
    kex.config({ backend: "wasm", workers: "auto" });
    const before = wasmRuns();
    const onWasm = b7(big) as kex.NDArray;
    expect(wasmRuns()).toBeGreaterThan(before);
    kex.config({ backend: "js" });
    expectBits(onWasm, b7(big) as kex.NDArray);
    const f32 = kex.array(Float32Array.from(random(40 * 40, 5)), { shape: [40, 40] });
    const w = kex.jit(blur, { backend: "wasm" })(f32) as kex.NDArray;
    expect(w.dtype).toBe("float32");
    expectBits(w, kex.jit(blur)(f32) as kex.NDArray);
  });

  it("eager calls under kex.config({ backend: \"wasm\" }) run on js and give its bits", () => {
    const x = grid(17, 6);
    const want = kex.jit(blur)(x) as kex.NDArray;
    kex.config({ backend: "wasm" });
    const before = wasmRuns();
    expectBits(blur(x), want);
    expect(wasmRuns()).toBe(before);
  });
});
