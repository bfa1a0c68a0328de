/**
 * @file The "wasm" backend against the "js" backend, bit for bit (Object.is
 * per element; any NaN equals any NaN): map stencils over pad modes,
 * strides, dilations and both dtypes, odd widths (scalar tails after the
 * f64x2 loops), NaN/±0/±Infinity under max and min, a vmap'd max-pool and
 * a 7×7 blur. The emitter is forced on every map it translates
 * (setWasmPolicy("always")), and each case checks that a wasm kernel ran,
 * so a silent fall-back to JavaScript fails. A kernel with an operation
 * WebAssembly lacks (sin) runs on JavaScript and gives its result.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as kex from "kernex";
import { lastBuiltWasm, setWasmPolicy, wasmRuns } from "../../runtime/wasm/wasm-kernel";
import { differences, expectSame, random } from "./same";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Win = any;

beforeAll(() => setWasmPolicy("always"));
afterAll(() => setWasmPolicy("decide"));

describe("wasm backend: bit-equal to js", () => {
  const padModes = ["constant", "edge", "reflect", "symmetric", "wrap"] as const;
  for (const dtype of ["float64", "float32"] as const) {
    for (const padMode of padModes) {
      for (const [strides, dilation] of [[1, 1], [2, 1], [1, 2], [3, 2]] as const) {
        it(`3×3 weighted sum, ${dtype}, same, padMode ${padMode}, strides ${strides}, dilation ${dilation}`, () => {
          const x = kex.array(random(13 * 19, 1), { shape: [13, 19], dtype });
          const w = kex.array(random(9, 2), { shape: [3, 3], dtype });
          const f = kex.kmap({ kernelSize: [3, 3], padding: "same", padMode, padValue: 0.25, strides, dilation, scope: { w } }, (v: Win) => kex.sum(kex.mul(v, w)));
          expectSame(f, x);
        });
      }
    }
  }

  for (const width of [5, 6, 7, 8, 9, 33]) {
    it(`odd and even widths: a 1×3 valid difference over width ${width} (scalar tail)`, () => {
      const x = kex.array(random(4 * width, width), { shape: [4, width] });
      expectSame(kex.kmap({ kernelSize: [1, 3] }, (v: Win) => v[0][2] * 2 - v[0][0] / 3 + (kex.sqrt(kex.abs(v[0][1])) as Win)), x);
    });
  }

  it("max and min over NaN, ±0 and ±Infinity", () => {
    const special = [NaN, 0, -0, Infinity, -Infinity, 1, -1, 0.5];
    const data = new Float64Array(11 * 11).map((_, i) => special[(i * 7 + (i >> 3)) % special.length]!);
    const x = kex.array(data, { shape: [11, 11] });
    expectSame(kex.kmap({ kernelSize: [3, 3], padding: "same" }, (v: Win) => kex.max(v)), x);
    expectSame(kex.kmap({ kernelSize: [3, 3] }, (v: Win) => kex.min(v)), x);
    expectSame(kex.kmap({ kernelSize: [2, 2], strides: 2 }, (v: Win) => (kex.maximum(v[0][0], v[1][1]) as Win) - (kex.minimum(v[0][1], v[1][0]) as Win)), x);
  });

  it("comparisons, selects, floor/ceil/trunc and neg", () => {
    const x = kex.array(random(9 * 15, 9).map((v) => v * 7), { shape: [9, 15] });
    expectSame(kex.kmap({ kernelSize: [3, 3], padding: "same", padMode: "reflect" }, (v: Win) => ((v[1][1] > v[0][0] ? kex.floor(v[2][2]) : kex.ceil(v[0][2])) as Win) - (kex.trunc(v[1][0]) as Win) * -v[2][1] + (v[0][1] <= v[1][2] ? 1 : 0)), x);
  });

  it("vmap'd 3×3 max-pool of stride 2 over (3, 17, 23), float64 and float32 (W4's shape, small)", () => {
    const pool = kex.vmap(kex.kmap({ kernelSize: [3, 3], strides: 2 }, (v: Win) => kex.max(v)));
    for (const dtype of ["float64", "float32"] as const) expectSame(pool, kex.array(random(3 * 17 * 23, 4), { shape: [3, 17, 23], dtype }));
  });

  it("7×7 blur, same padding, 37×41 (W7's kernel)", () => {
    const w = kex.array(random(49, 6), { shape: [7, 7] });
    const blur = kex.kmap({ kernelSize: [7, 7], padding: "same", scope: { w } }, (v: Win) => kex.sum(kex.mul(v, w)));
    expectSame(blur, kex.array(random(37 * 41, 5), { shape: [37, 41] }));
  });

  it("a 3×3×3 convolution with two windowed inputs (W1's kernel)", () => {
    const conv = kex.kmap({ kernelSize: [3, 3, 3], padding: ["valid", "same", "same"] }, (x: Win, w: Win) => kex.sum(x * w));
    expectSame(conv, kex.array(random(3 * 10 * 13, 7), { shape: [3, 10, 13] }), kex.array(random(27, 8), { shape: [3, 3, 3] }));
  });

  it("float32 loops run four cells per f32x4 iteration where that is exact, f64x2 otherwise (float64 weights)", () => {
    const x = kex.array(random(17 * 23, 11), { shape: [17, 23], dtype: "float32" });
    const w = kex.array(random(9, 12), { shape: [3, 3], dtype: "float32" });
    const wide: [string, (v: kex.NDArray) => kex.NDArray, RegExp][] = [
      ["max-pool", kex.kmap({ kernelSize: [3, 3], strides: 2 }, (v: Win) => kex.max(v)), /f32x4\.max/],
      ["weighted sum", kex.kmap({ kernelSize: [3, 3], padding: "same", scope: { w } }, (v: Win) => kex.sum(kex.mul(v, w))), /f32x4\.mul/],
      ["x·2 − y/3", kex.kmap({ kernelSize: [1, 3] }, (v: Win) => v[0][2] * 2 - v[0][0] / 3), /f32x4\.div/],
    ];
    for (const [, f, op] of wide) {
      expectSame(f, x);
      expect(lastBuiltWasm()!.text).toMatch(op);
      expect(lastBuiltWasm()!.text).not.toMatch(/f64x2\.(add|mul|max)/);
    }
    // float32 input, float64 weights: the result is float64, so the loop stays f64x2 (promoted reads of x)
    const w64 = kex.array(random(9, 13), { shape: [3, 3] });
    expectSame(kex.kmap({ kernelSize: [3, 3], scope: { w64 } }, (v: Win) => kex.sum(kex.mul(v, w64))), x);
    expect(lastBuiltWasm()!.text).toMatch(/f64x2\.promote_low_f32x4/);
    expect(lastBuiltWasm()!.text).not.toMatch(/f32x4\.mul/);
  });

  it("a kernel with sin (not a WebAssembly instruction) runs on JavaScript and gives its result", () => {
    const f = kex.kmap({ kernelSize: [3, 3], padding: "same" }, (v: Win) => kex.sin(kex.sum(v)));
    const x = kex.array(random(8 * 8, 3), { shape: [8, 8] });
    const before = wasmRuns();
    const wasm = kex.jit(f, { backend: "wasm" })(x);
    expect(wasmRuns()).toBe(before);
    expect(differences(wasm.data, kex.jit(f)(x).data)).toEqual([]);
    expect(wasm.data[9]).toBe(Math.sin([0, 1, 2, 8, 9, 10, 16, 17, 18].reduce((s, i) => s + x.data[i]!, 0)));
  });
});
