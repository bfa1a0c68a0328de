/**
 * @file Max and min over a window, regrouped by window column in the f64x2
 * loops (compiler/codegen/wasm-regroup.ts), against the "js" backend bit
 * for bit: strides 1, 2 and 3, dilation, odd and even widths, max and min,
 * NaN/±0/±Infinity, float32 arrays in f64x2 loops, chains with other
 * operands, reads used twice, two windowed inputs and a vmap'd batch. The
 * instruction counts of the 3×3 pools check that the regrouping (and the
 * carry of column vectors from one iteration to the next) took place.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as kex from "kernex";
import { lastBuiltWasm, setWasmPolicy } from "../../runtime/wasm/wasm-kernel";
import { expectSame, random } from "./same";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Win = any;

beforeAll(() => setWasmPolicy("always"));
afterAll(() => setWasmPolicy("decide"));

/** Occurrences of an instruction in the last module built. */
function count(instruction: string): number {
  return lastBuiltWasm()!.text.split("\n").filter((l) => l.trim().startsWith(instruction)).length;
}

/** Values where max and min must follow JavaScript's rules: NaN, ±0, ±Infinity among ordinary numbers. */
function special(n: number, seed: number): Float64Array {
  const values = [NaN, 0, -0, Infinity, -Infinity, 1, -1, 0.5, -0.5];
  return random(n, seed).map((r, i) => (i % 3 === 0 ? values[Math.floor((r + 0.5) * values.length)]! : r));
}

describe("wasm backend: max and min regrouped by window column", () => {
  const reductions = [
    ["max", (v: Win) => kex.max(v)],
    ["min", (v: Win) => kex.min(v)],
  ] as const;
  for (const [name, reduce] of reductions) {
    for (const [strides, dilation] of [[1, 1], [2, 1], [3, 1], [1, 2], [2, 2]] as const) {
      for (const [width, dtype] of [[17, "float64"], [18, "float64"], [23, "float64"], [19, "float32"], [30, "float32"]] as const) {
        it(`3×3 ${name}, strides ${strides}, dilation ${dilation}, width ${width}, ${dtype}, valid and same`, () => {
          const x = kex.array(special(13 * width, width + strides), { shape: [13, width], dtype });
          expectSame(kex.kmap({ kernelSize: [3, 3], strides, dilation }, reduce), x);
          expectSame(kex.kmap({ kernelSize: [3, 3], strides, dilation, padding: "same", padMode: "edge" }, reduce), x);
        });
      }
    }
    it(`${name} over 1×4, 2×5 and 4×2 windows (one row, uneven rows and columns)`, () => {
      for (const dtype of ["float64", "float32"] as const) {
        const x = kex.array(special(11 * 29, 3), { shape: [11, 29], dtype });
        for (const kernelSize of [[1, 4], [2, 5], [4, 2]] as const) for (const strides of [1, 2, 3]) expectSame(kex.kmap({ kernelSize: [...kernelSize], strides }, reduce), x);
      }
    });
  }

  it("W4's pool (3×3, stride 2): six loads, three shuffles and six f64x2.max per two outputs, one column vector carried", () => {
    const pool = kex.vmap(kex.kmap({ kernelSize: [3, 3], strides: 2 }, (v: Win) => kex.max(v)));
    expectSame(pool, kex.array(special(3 * 17 * 23, 4), { shape: [3, 17, 23] }));
    // the loop's six loads and the first iteration's three (its carried column), the loop's six maxima and the first's two
    expect([count("v128.load"), count("i8x16.shuffle"), count("f64x2.max")]).toEqual([9, 3, 8]);
  });

  it("3×3 max of stride 1: three loads, one shuffle and four f64x2.max per two outputs", () => {
    expectSame(kex.kmap({ kernelSize: [3, 3] }, (v: Win) => kex.max(v)), kex.array(special(9 * 21, 5), { shape: [9, 21] }));
    expect([count("v128.load"), count("i8x16.shuffle"), count("f64x2.max")]).toEqual([6, 1, 6]);
  });

  it("float32 arrays in an f64x2 loop (a float64 value in the chain): promoted column vectors", () => {
    const x = kex.array(special(13 * 21, 6), { shape: [13, 21], dtype: "float32" });
    const w = kex.array(new Float64Array([0.1]), { shape: [1] });
    expectSame(kex.kmap({ kernelSize: [3, 3], strides: 2, scope: { w } }, (v: Win) => kex.maximum(kex.max(v), (w as Win)[0])), x);
    expect([count("v128.load64_zero"), count("i8x16.shuffle")]).toEqual([9, 3]);
    expectSame(kex.kmap({ kernelSize: [3, 3], scope: { w } }, (v: Win) => kex.minimum(kex.min(v), (w as Win)[0])), x);
    expect([count("v128.load64_zero"), count("i8x16.shuffle")]).toEqual([6, 1]);
  });

  it("float32 throughout: f32x4 loops regrouped too, four cells per iteration", () => {
    const x = kex.array(special(13 * 41, 9), { shape: [13, 41], dtype: "float32" });
    // [v128.load, i8x16.shuffle, f32x4.max] in the module (the first iteration's carried column included)
    const expected = { 1: [6, 2, 6], 2: [9, 4, 8], 3: [9, 6, 8] } as const;
    for (const strides of [1, 2, 3] as const) {
      expectSame(kex.kmap({ kernelSize: [3, 3], strides }, (v: Win) => kex.max(v)), x);
      expect([count("v128.load"), count("i8x16.shuffle"), count("f32x4.max")]).toEqual(expected[strides]);
    }
  });

  it("chains with other operands, reads used twice, max and min mixed, two windowed inputs", () => {
    const x = kex.array(special(12 * 20, 7), { shape: [12, 20] });
    const y = kex.array(special(12 * 20, 8), { shape: [12, 20] });
    expectSame(kex.kmap({ kernelSize: [3, 3], strides: 2 }, (v: Win) => (kex.max(v) as Win) + v[1][1] * 2), x);
    expectSame(kex.kmap({ kernelSize: [3, 3] }, (v: Win) => (kex.max(v) as Win) - (kex.min(v) as Win)), x);
    expectSame(kex.kmap({ kernelSize: [3, 3], strides: 2 }, (v: Win) => kex.maximum(kex.max(v), v[0][0] * 3)), x);
    expectSame(kex.kmap({ kernelSize: [2, 3], strides: 2 }, (a: Win, b: Win) => kex.maximum(kex.max(a), kex.max(b))), x, y);
    // a max chain with no reads (left as it is) before or after one over the window
    expectSame(kex.kmap({ kernelSize: [3, 3], strides: 2 }, (v: Win) => (kex.max(v) as Win) + kex.maximum(kex.maximum(v[0][0] * 2, v[0][1] * 3), 0.5)), x);
    expectSame(kex.kmap({ kernelSize: [3, 3], strides: 2 }, (v: Win) => (kex.maximum(kex.maximum(v[0][0] * 2, v[0][1] * 3), 0.5) as Win) - (kex.max(v) as Win)), x);
  });
});
