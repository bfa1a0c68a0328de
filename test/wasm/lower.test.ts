/**
 * @file `jit(f, { backend: "wasm" }).lower(...)` lists what runs: for each
 * stencil, WebAssembly with the decider's score and the module's text (a
 * long module: its summary and its vector loop), or JavaScript and why. The
 * listing of a blur → laplacian → max-pool program is pinned in
 * test/golden/wasm-lower.txt (update deliberately with `vitest -u`); its
 * claims are checked against what the call does (which stencils ran in
 * WebAssembly, the values of the "js" backend).
 */
import { describe, expect, it } from "vitest";
import * as kex from "kernex";
import { wasmRuns } from "../../runtime/wasm/wasm-kernel";
import { vectorLoop, WASM_LISTING_LINES } from "../../runtime/wasm/wasm-listing";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Win = any;

const w = kex.full([7, 7], 1 / 49);
const blur = kex.kmap({ kernelSize: [7, 7], padding: "same", scope: { w } }, (v: Win) => kex.sum(kex.mul(v, w)));
const lap = kex.kmap({ kernelSize: [3, 3], relative: true }, (u: Win) => u[1][0] + u[-1][0] + u[0][1] + u[0][-1] - 4 * u[0][0]);
const pool = kex.kmap({ kernelSize: [3, 3], strides: 2 }, (v: Win) => kex.max(v));
const program = (x: kex.NDArray): kex.NDArray => pool(lap(blur(x)));

describe('jit(f, { backend: "wasm" }).lower', () => {
  it("lists each stencil's backend and why, and WebAssembly text (test/golden/wasm-lower.txt)", async () => {
    const x = kex.array(new Float64Array(21 * 21).map((_, i) => Math.sin(i * 0.37)), { shape: [21, 21] });
    const listing = kex.jit(program, { backend: "wasm" }).lower(x).wasm;
    const headers = listing.split("\n").filter((l) => l.startsWith(";; stencil"));
    expect(headers).toEqual([
      ";; stencil 1: WebAssembly (69.6 operations per copied element ≥ 7)",
      ";; stencil 2: JavaScript (5.0 operations per copied element < 7)",
      ";; stencil 3: WebAssembly (7.7 operations per copied element ≥ 7)",
    ]);
    // the blur's module is long: its summary and its vector loop, 49 products of two cells each
    const [, blurPart, , poolPart] = listing.split(/^;; stencil \d: .*$/m);
    expect(blurPart).toMatch(/^\n;; \d+ lines of text, \d+ bytes, 1 vector loop; the first vector loop:\nloop\n/);
    expect(blurPart!.match(/f64x2\.mul/g)?.length).toBe(49);
    expect(blurPart!.trimEnd().endsWith("\nend")).toBe(true);
    // the pool's module is short: listed whole
    expect(poolPart).toMatch(/^\n\(func \$main \(param i32 i32 i32\)/);
    expect(poolPart!.split("\n").length).toBeLessThan(WASM_LISTING_LINES + 3);
    expect(poolPart).toContain("f64x2.max");
    await expect(listing).toMatchFileSnapshot("../golden/wasm-lower.txt");
    // what the listing says is what the call does: two stencils run in WebAssembly, with the js values
    const before = wasmRuns();
    const got = kex.jit(program, { backend: "wasm" })(x);
    expect(wasmRuns() - before).toBe(2);
    expect(Array.from(got.data)).toEqual(Array.from(kex.jit(program)(x).data));
    expect(got.shape).toEqual([9, 9]); // 21 → blur "same" 21 → laplacian "valid" 19 → pool of stride 2: 9
  });

  it('is "" with the "js" backend, and the js listing is unchanged by the backend', () => {
    const x = kex.ones([21, 21]);
    const js = kex.jit(program).lower(x);
    expect(js.wasm).toBe("");
    expect(kex.jit(program, { backend: "wasm" }).lower(x).js).toBe(js.js);
  });

  it("says that a scan stays JavaScript", () => {
    const sweep = kex.kscan({ kernelSize: 3, padding: 1, relative: true }, (u: Win) => 0.5 * (u[-1] + u[1]));
    const listing = kex.jit((x: kex.NDArray) => sweep(x), { backend: "wasm" }).lower(kex.ones([50])).wasm;
    expect(listing).toBe(";; stencil 1: JavaScript (only maps run in WebAssembly)");
  });

  it("vectorLoop takes the loop that stores a vector, from its loop to its end", () => {
    const text = ["block", "  loop", "    f64.store", "  end", "  loop", "    block", "    end", "    v128.store offset=0", "    br 0", "  end", "end"];
    expect(vectorLoop(text)).toEqual(["  loop", "    block", "    end", "    v128.store offset=0", "    br 0", "  end"]);
    expect(vectorLoop(["loop", "f64.store", "end"])).toEqual([]);
  });
});
