/**
 * @file The "wasm" backend's API: the option values jit and kex.config
 * accept (a KernexError naming the option, the value and what was
 * expected, otherwise), its synchronous call and `.async`, and the
 * decider's choices: the 5-point laplacian (W3, memory-bound) stays on
 * JavaScript, the 7×7 blur (W7) and the 3×3 max-pool of stride 2 (W4) run
 * in WebAssembly, with the js backend's results.
 */
import { afterEach, describe, expect, it } from "vitest";
import * as kex from "kernex";
import { wasmRuns } from "../../runtime/wasm/wasm-kernel";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Win = any;

const ramp = (n: number): Float64Array => new Float64Array(n).map((_, i) => Math.sin(i * 0.7) * (1 + (i % 5)));

describe("backend \"wasm\"", () => {
  afterEach(() => void kex.config({ backend: "js" }));

  it("rejects unknown backend values with a KernexError naming the option", () => {
    expect(() => kex.config({ backend: "wasm32" as never })).toThrow(kex.KernexError);
    expect(() => kex.config({ backend: "wasm32" as never })).toThrow(/config: backend: got "wasm32", expected "js", "wasm" or "webgpu"/);
    expect(() => kex.jit((x: kex.NDArray) => x, { backend: "WASM" as never })).toThrow(/jit: backend: got "WASM", expected "js", "wasm" or "webgpu"/);
  });

  it("is a KernexError, at config and at jit, where WebAssembly SIMD is missing", () => {
    const validate = WebAssembly.validate;
    WebAssembly.validate = () => false;
    try {
      expect(() => kex.config({ backend: "wasm" })).toThrow(/config: backend "wasm" needs WebAssembly with fixed-width SIMD/);
      expect(() => kex.jit((x: kex.NDArray) => x, { backend: "wasm" })).toThrow(kex.KernexError);
      expect(kex.config().backend).toBe("js");
    } finally {
      WebAssembly.validate = validate;
    }
  });

  it("is accepted by kex.config and jit, and its functions are synchronous (.async gives the same result)", async () => {
    expect(kex.config({ backend: "wasm" }).backend).toBe("wasm");
    const w = kex.full([7, 7], 1 / 49);
    const blur = kex.jit(kex.kmap({ kernelSize: [7, 7], padding: "same", scope: { w } }, (x: Win) => kex.sum(kex.mul(x, w))));
    const x = kex.array(ramp(40 * 40), { shape: [40, 40] });
    const before = wasmRuns();
    const sync = blur(x);
    expect(wasmRuns()).toBe(before + 1);
    const later = await blur.async(x);
    expect(Array.from(later.data)).toEqual(Array.from(sync.data));
    // cell (20, 20): the mean of its 7×7 window, summed left to right as the kernel does
    let s = 0;
    for (let a = 17; a <= 23; a++) for (let b = 17; b <= 23; b++) s += x.data[a * 40 + b]! * (1 / 49);
    expect(sync.data[20 * 40 + 20]).toBeCloseTo(s, 14);
  });

  it("the decider keeps the 5-point laplacian on JavaScript and runs the blur and the max-pool in WebAssembly", () => {
    const lap = kex.kmap({ kernelSize: [3, 3], relative: true }, (u: Win) => u[1][0] + u[-1][0] + u[0][1] + u[0][-1] - 4 * u[0][0]);
    const pool = kex.vmap(kex.kmap({ kernelSize: [3, 3], strides: 2 }, (v: Win) => kex.max(v)));
    const w = kex.full([7, 7], 1 / 49);
    const blur = kex.kmap({ kernelSize: [7, 7], padding: "same", scope: { w } }, (v: Win) => kex.sum(kex.mul(v, w)));
    const cases: [string, (x: kex.NDArray) => kex.NDArray, kex.NDArray, boolean][] = [
      ["W3", lap, kex.array(ramp(64 * 64), { shape: [64, 64] }), false],
      ["W4", pool, kex.array(ramp(3 * 64 * 64), { shape: [3, 64, 64] }), true],
      ["W7", blur, kex.array(ramp(64 * 64), { shape: [64, 64] }), true],
    ];
    for (const [id, f, x, wasm] of cases) {
      const before = wasmRuns();
      const got = kex.jit(f, { backend: "wasm" })(x);
      expect({ id, wasm: wasmRuns() > before }).toEqual({ id, wasm });
      expect(Array.from(got.data)).toEqual(Array.from(kex.jit(f)(x).data));
    }
  });
});
