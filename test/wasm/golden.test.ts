/**
 * @file The WebAssembly text of the "wasm" backend's modules for W4 (a
 * vmap'd 3×3 max-pool of stride 2) and W7 (a 7×7 blur, "same"), at small
 * shapes, pinned as golden files in test/golden/ (update deliberately with
 * `vitest -u` and read the diff). Each module is also checked to run its
 * interior two cells per f64x2 iteration.
 */
import { describe, expect, it } from "vitest";
import * as kex from "kernex";
import { lastBuiltWasm } from "../../runtime/wasm/wasm-kernel";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Win = any;

describe("wasm modules (golden)", () => {
  it("W4: vmap'd 3×3 max-pool, stride 2, over (2, 21, 21) matches test/golden/wasm-w4-maxpool.wat", async () => {
    const pool = kex.vmap(kex.kmap({ kernelSize: [3, 3], strides: 2 }, (x: Win) => kex.max(x)));
    kex.jit(pool, { backend: "wasm" })(kex.ones([2, 21, 21]));
    const built = lastBuiltWasm()!;
    expect(built.vectorLoops).toBeGreaterThan(0);
    expect(built.text).toContain("f64x2.max");
    await expect(built.text).toMatchFileSnapshot("../golden/wasm-w4-maxpool.wat");
  });

  // the whole W7 module is ~15,600 lines (nine boxes of 49 reads each, the borders through read tables):
  // pinned is its f64x2 part, from the first splat of a weight to the loop's end after its store
  it("W7: 7×7 blur, same padding, 16×16: its f64x2 loop matches test/golden/wasm-w7-blur.wat", async () => {
    const w = kex.full([7, 7], 1 / 49);
    const blur = kex.kmap({ kernelSize: [7, 7], padding: "same", scope: { w } }, (x: Win) => kex.sum(kex.mul(x, w)));
    kex.jit(blur, { backend: "wasm" })(kex.ones([16, 16]));
    const built = lastBuiltWasm()!;
    expect(built.vectorLoops).toBeGreaterThan(0);
    const lines = built.text.split("\n");
    const from = lines.findIndex((l) => l.includes("f64x2.splat"));
    const store = lines.findIndex((l) => l.includes("v128.store"));
    expect(from).toBeGreaterThan(0);
    expect(store).toBeGreaterThan(from);
    const part = lines.slice(from, store + 12).join("\n");
    expect(part.match(/f64x2\.mul/g)?.length).toBe(49);
    await expect(part).toMatchFileSnapshot("../golden/wasm-w7-blur.wat");
  });
});
