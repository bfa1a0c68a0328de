/**
 * @file The runtime side of the build plugins (src/kernel/build-info.ts):
 * a kernel recorded with `__kernexKernel` is rebuilt from its recorded
 * source, not from `Function.prototype.toString` (which a minifier
 * rewrote), with its captured values bound after options.scope, read at
 * each call (issue #16).
 */
import * as kex from "kernex";
import { describe, expect, it } from "vitest";

const x = kex.array([1, 2, 3, 4]);

describe("__kernexKernel", () => {
  it("makes kmap read the recorded source and bind the captured closure values", () => {
    const c = 0.5;
    // what a minifier leaves: other names, and the closure variable renamed
    const minified = kex.__kernexKernel((a: kex.KernelValue) => a[0], { source: "(w) => c * w[0]", name: "", captures: () => ({ c }) });
    expect(kex.kmap({ kernelSize: 1 }, minified)(x).toArray()).toEqual([0.5, 1, 1.5, 2]);
  });

  it("reads captured values at each call: a changed closure value is traced anew", () => {
    let gain = 2;
    const kernel = kex.__kernexKernel((w: kex.KernelValue) => w[0], { source: "(w) => gain * w[0] + 1", name: "", captures: () => ({ gain }) });
    const f = kex.kmap({ kernelSize: 1 }, kernel);
    expect(f(x).toArray()).toEqual([3, 5, 7, 9]);
    gain = -1;
    expect(f(x).toArray()).toEqual([0, -1, -2, -3]);
    gain = 2;
    expect(f(x).toArray()).toEqual([3, 5, 7, 9]);
  });

  it("rebuilds recorded helpers from their own source with their own captures, also when a helper's capture changes", () => {
    let k = 3;
    const scale = kex.__kernexKernel((v: number) => v, { source: "(v) => k * v", name: "scale", captures: () => ({ k }) });
    const kernel = kex.__kernexKernel((w: kex.KernelValue) => w[0], { source: "(w) => scale(w[0]) - w[0]", name: "", captures: () => ({ scale }) });
    const f = kex.kmap({ kernelSize: 1 }, kernel);
    expect(f(x).toArray()).toEqual([2, 4, 6, 8]);
    k = 1;
    expect(f(x).toArray()).toEqual([0, 0, 0, 0]);
  });

  it("traces anew when a recorded helper passed through options.scope sees a changed closure value", () => {
    let weight = 2;
    const smooth = kex.__kernexKernel((v: number) => v, { source: "(v) => weight * v", name: "smooth", captures: () => ({ weight }) });
    const f = kex.kmap({ kernelSize: 1, scope: { smooth } }, (w) => smooth(w[0]));
    expect(f(x).toArray()).toEqual([2, 4, 6, 8]);
    weight = 5;
    expect(f(x).toArray()).toEqual([5, 10, 15, 20]);
  });

  it("lets options.scope win over a captured value of the same name", () => {
    const c = 10;
    const kernel = kex.__kernexKernel((w: kex.KernelValue) => w[0], { source: "(w) => c * w[0]", name: "", captures: () => ({ c }) });
    expect(kex.kmap({ kernelSize: 1, scope: { c: 2 } }, kernel)(x).toArray()).toEqual([2, 4, 6, 8]);
  });

  it("works for function mesh kernels", () => {
    const bump = 100;
    const F = kex.kscan({ kernelSize: 3, padding: "same" });
    F.at["1:"] = (w) => w[0] + w[1];
    F.at["0"] = kex.__kernexKernel((w: kex.KernelValue) => w[1], { source: "(w) => w[1] + bump", name: "", captures: () => ({ bump }) });
    expect(F(x).toArray()).toEqual([101, 103, 106, 110]);
  });

  it("gives the recorded name back to a function that lost it, for error messages", () => {
    const kernel = kex.__kernexKernel((w: kex.KernelValue) => w[0], { source: "(w) => missing * w[0]", name: "heat", captures: () => ({}) });
    expect(kernel.name).toBe("heat");
    expect(() => kex.kmap({ kernelSize: 1 }, kernel)(x)).toThrow(/kernel "heat" uses "missing", which is defined outside the kernel/);
  });

  it("rejects what the plugin never generates with a KernexError naming the argument", () => {
    const call = kex.__kernexKernel as (fn: unknown, info: unknown) => unknown;
    expect(() => call(3, { source: "", name: "", captures: () => ({}) })).toThrow(kex.KernexError);
    expect(() => call(3, { source: "", name: "", captures: () => ({}) })).toThrow(/__kernexKernel: kernel: got 3, expected a function/);
    expect(() => call(() => 0, { source: 1 })).toThrow(/__kernexKernel: info: got .*, expected \{ source: string, name: string, captures: function \}/);
  });
});
