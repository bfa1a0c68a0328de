/**
 * @file What the "wasm" backend computes and keeps per stencil (issue #21):
 * a plain call prints no module text, `lower` reuses the decision the call
 * path made (the pass pipeline runs once for the JavaScript kernel and once
 * for the decision and first module, never again for the listing), and
 * float32 arrays get a module of their own. The pipeline's runs are counted through
 * a wrapper of compiler/passes/pipeline.ts's runPipeline.
 */
import { describe, expect, it, vi } from "vitest";
import * as kex from "kernex";
import { lastBuiltWasm, wasmRuns, wasmTextsPrinted } from "../../runtime/wasm/wasm-kernel";
import { vectorLoop } from "../../runtime/wasm/wasm-listing";

const runs = vi.hoisted(() => ({ n: 0 }));
vi.mock(import("../../compiler/passes/pipeline"), async (original) => {
  const actual = await original();
  return {
    ...actual,
    runPipeline: (...args: Parameters<typeof actual.runPipeline>) => {
      runs.n++;
      return actual.runPipeline(...args);
    },
  };
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Win = any;

const w = kex.array(new Float64Array(25).map((_, i) => Math.sin(i)), { shape: [5, 5] });
const blur = kex.kmap({ kernelSize: [5, 5], padding: "same", padMode: "wrap", scope: { w } }, (v: Win) => kex.sum(kex.mul(v, w)));

/** A 23×n input: each test its own n, so its stencil is new to the kernel cache. */
const input = (n: number, dtype: "float64" | "float32" = "float64"): kex.NDArray => kex.array(new Float64Array(23 * n).map((_, i) => Math.cos(i * 0.3)), { shape: [23, n], dtype });

describe("the wasm backend's lazy text and single decision", () => {
  it("a plain call prints no text; lower prints it, from the same module, and runs the pipeline no more", () => {
    const x = input(27);
    const printed = wasmTextsPrinted();
    const before = runs.n;
    const got = kex.jit(blur, { backend: "wasm" })(x);
    // once for the JavaScript kernel, once for the decision and the module
    expect(runs.n - before).toBe(2);
    expect(wasmTextsPrinted()).toBe(printed);
    const kernel = lastBuiltWasm()!;
    const listing = kex.jit(blur, { backend: "wasm" }).lower(x).wasm;
    expect(runs.n - before).toBe(2);
    expect(lastBuiltWasm()).toBe(kernel);
    expect(wasmTextsPrinted()).toBe(printed + 1);
    // a long module: its summary and its vector loop, cut from the kernel's text
    const text = kernel.text;
    expect(wasmTextsPrinted()).toBe(printed + 2);
    const lines = listing.split("\n");
    expect(lines[0]).toMatch(/^;; stencil 1: WebAssembly \(\d+\.\d operations per copied element ≥ 7\)$/);
    expect(lines[1]).toBe(`;; ${text.split("\n").length} lines of text, ${kernel.moduleBytes} bytes, 1 vector loop; the first vector loop:`);
    const loop = vectorLoop(text.split("\n"));
    expect(loop.length).toBeGreaterThan(20);
    expect(lines.slice(2)).toEqual(loop.map((l) => l.slice(loop[0]!.indexOf("loop"))));
    expect(Array.from(got.data)).toEqual(Array.from(kex.jit(blur, { backend: "js" })(x).data));
  });

  it("lower before the first call decides once: the call then reuses the decision and the module", () => {
    const x = input(28);
    const before = runs.n;
    const listing = kex.jit(blur, { backend: "wasm" }).lower(x).wasm;
    expect(listing).toMatch(/^;; stencil 1: WebAssembly/);
    expect(runs.n - before).toBe(2);
    const kernel = lastBuiltWasm()!;
    const calls = wasmRuns();
    const printed = wasmTextsPrinted();
    kex.jit(blur, { backend: "wasm" })(x);
    expect(wasmRuns()).toBe(calls + 1);
    expect(lastBuiltWasm()).toBe(kernel);
    expect(runs.n - before).toBe(2);
    expect(wasmTextsPrinted()).toBe(printed);
  });

  it("each element type: its own module, the pipeline run twice for it", () => {
    const before = runs.n;
    const f64 = kex.jit(blur, { backend: "wasm" })(input(29));
    const first = lastBuiltWasm()!;
    expect(runs.n - before).toBe(2);
    const f32 = kex.jit(blur, { backend: "wasm" })(input(29, "float32"));
    const second = lastBuiltWasm()!;
    expect(second).not.toBe(first);
    expect(f32.dtype).toBe("float32");
    expect(Array.from(f64.data)).toEqual(Array.from(kex.jit(blur, { backend: "js" })(input(29)).data));
    expect(Array.from(f32.data)).toEqual(Array.from(kex.jit(blur, { backend: "js" })(input(29, "float32")).data));
    // float32 arrays have a compiled stencil of their own: twice more, once for its kernel, once for its module
    expect(runs.n - before).toBe(4);
  });
});
