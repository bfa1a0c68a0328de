/**
 * @file The kernel cache's byte bound counts WebAssembly modules: a wasm
 * kernel's module (the Module's binary, its compiled code and the copy the
 * kernel keeps to print its text: wasmKernelBytes) is charged to its stencil's cache entry when it is built, once, and an
 * entry the charge pushes over the bound drops the least recently used
 * entries (compiler/byte-lru.ts `charge`). A value no longer cached is
 * charged nothing.
 */
import { describe, expect, it } from "vitest";
import * as kex from "kernex";
import { ByteLru } from "../../compiler/byte-lru";
import { cachedKernel, chargeKernel, kernelCacheBytes, KERNEL_CACHE_SIZE } from "../../runtime/kernel-cache";
import { lastBuiltWasm, wasmKernelBytes, wasmRuns, wasmTextsPrinted } from "../../runtime/wasm/wasm-kernel";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Win = any;

describe("the kernel cache counts WebAssembly modules", () => {
  it("charges a wasm kernel's module to its stencil's entry, once", () => {
    const w = kex.array(new Float64Array(25).map((_, i) => (i % 7) / 10 - 0.3), { shape: [5, 5] });
    const blur = kex.kmap({ kernelSize: [5, 5], padding: "same", padMode: "wrap", scope: { w } }, (v: Win) => kex.sum(kex.mul(v, w)));
    const x = kex.array(new Float64Array(29 * 31).map((_, i) => Math.cos(i)), { shape: [29, 31] });
    const js = kex.jit(blur, { backend: "js" })(x); // compiles (and caches) the stencil's JavaScript kernel
    const before = kernelCacheBytes();
    const built = lastBuiltWasm();
    const runs = wasmRuns();
    const printed = wasmTextsPrinted();
    const wasm = kex.jit(blur, { backend: "wasm" })(x);
    expect(wasmRuns()).toBe(runs + 1);
    const kernel = lastBuiltWasm()!;
    expect(kernel).not.toBe(built);
    expect(Array.from(wasm.data)).toEqual(Array.from(js.data));
    // a plain call prints no text: the kernel keeps the binary, charged three times (Module, compiled code, the copy)
    expect(wasmTextsPrinted()).toBe(printed);
    expect(kernel.bytes.length).toBe(kernel.moduleBytes);
    expect(kernel.moduleBytes).toBeGreaterThan(500);
    expect(wasmKernelBytes(kernel)).toBe(3 * kernel.moduleBytes);
    expect(kernelCacheBytes() - before).toBe(3 * kernel.moduleBytes);
    // the text, printed when read: hundreds of lines, each read printed anew (nothing keeps it)
    const text = kernel.text;
    expect(wasmTextsPrinted()).toBe(printed + 1);
    expect(text.split("\n").length).toBeGreaterThan(200);
    expect(2 * text.length).toBeGreaterThan(wasmKernelBytes(kernel));
    expect(kernel.text).toBe(text);
    expect(wasmTextsPrinted()).toBe(printed + 2);
    expect(kernelCacheBytes() - before).toBe(3 * kernel.moduleBytes);
    // a second call reuses the module: nothing more is charged
    kex.jit(blur, { backend: "wasm" })(x);
    expect(wasmRuns()).toBe(runs + 2);
    expect(kernelCacheBytes() - before).toBe(wasmKernelBytes(kernel));
  });

  it("charges nothing for a value the cache no longer holds", () => {
    const value = { kernel: "dropped" };
    cachedKernel("sweep", "sweep:charge-dropped", () => value as never, () => 100);
    for (let i = 0; i < KERNEL_CACHE_SIZE; i++) cachedKernel("sweep", `sweep:charge-evict-${i}`, () => null, () => 0);
    const before = kernelCacheBytes();
    chargeKernel(value, 1 << 20);
    expect(kernelCacheBytes()).toBe(before);
    // a cached one is charged
    const kept = { kernel: "kept" };
    cachedKernel("sweep", "sweep:charge-kept", () => kept as never, () => 100);
    const with100 = kernelCacheBytes();
    chargeKernel(kept, 4096);
    expect(kernelCacheBytes()).toBe(with100 + 4096);
  });
});

describe("ByteLru.charge", () => {
  it("adds bytes to an entry, makes it most recent and drops the oldest to fit the byte bound", () => {
    const lru = new ByteLru<string, number>("test", 10, 100);
    lru.set("a", 1, 30);
    lru.set("b", 2, 30);
    lru.set("c", 3, 30);
    expect(lru.bytes).toBe(90);
    // "a" grows by 20: 110 > 100, so the least recently used ("b": "a" is now the newest) goes
    expect(lru.charge("a", 20)).toBe(true);
    expect([lru.has("a"), lru.has("b"), lru.has("c"), lru.bytes]).toEqual([true, false, true, 80]);
    expect(lru.peek("a")).toBe(1);
    // an absent key: nothing charged
    expect(lru.charge("b", 5)).toBe(false);
    expect(lru.bytes).toBe(80);
    // the newest entry is kept even alone above the bound
    expect(lru.charge("c", 500)).toBe(true);
    expect([lru.has("a"), lru.has("c"), lru.size, lru.bytes]).toEqual([false, true, 1, 530]);
  });
});
