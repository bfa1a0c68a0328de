/**
 * @file The one kernel cache (runtime/kernel-cache.ts): bounded by entries
 * and by retained bytes across kinds, a hit returns the built value without
 * building again, the key memo keeps no entry alive (a dropped entry is
 * rebuilt under the same key), and real stencils, sweeps and loops share it.
 */
import { describe, expect, it } from "vitest";
import * as kex from "kernex";
import { Prim, type LoopParams } from "../../compiler/primitives";
import { cachedKernel, kernelCacheBytes, kernelCacheSize, KERNEL_CACHE_BYTES, KERNEL_CACHE_SIZE, memoKey } from "../../runtime/kernel-cache";
import { loopKernel } from "../../runtime/executor/run-program";
import type { Window } from "../helpers/check";

const MiB = 2 ** 20;

describe("the kernel cache", () => {
  it("keeps at most KERNEL_CACHE_SIZE entries, dropping the least recently used", () => {
    let builds = 0;
    const params = Array.from({ length: KERNEL_CACHE_SIZE + 50 }, () => ({}));
    const key = (i: number): string => memoKey("sweep", params[i]!, "float64|4", () => `count-${i}`);
    const get = (i: number): unknown => cachedKernel("sweep", key(i), () => (builds++, null), () => 0);
    for (let i = 0; i < params.length; i++) get(i);
    expect(builds).toBe(params.length);
    expect(kernelCacheSize()).toBe(KERNEL_CACHE_SIZE);
    // the newest are hits; the oldest was dropped and is built again under the key its params remember
    get(params.length - 1);
    expect(builds).toBe(params.length);
    get(0);
    expect(builds).toBe(params.length + 1);
    expect(key(0)).toBe("sweep:count-0");
    expect(kernelCacheSize()).toBe(KERNEL_CACHE_SIZE);
  });

  it("keeps at most KERNEL_CACHE_BYTES beyond the newest entry, whatever the kinds", () => {
    const entry = 10 * MiB;
    const kinds = ["sweep", "stencil"] as const;
    for (let i = 0; i < 60; i++) {
      const kind = kinds[i % 2]!;
      cachedKernel(kind, memoKey(kind, {}, "", () => `bytes-${i}`), () => null, () => entry);
      expect(kernelCacheBytes()).toBeLessThanOrEqual(KERNEL_CACHE_BYTES + entry + 64);
    }
    // 192 MiB hold 19 entries of 10 MiB (and their keys)
    expect(kernelCacheSize()).toBe(Math.floor(KERNEL_CACHE_BYTES / entry));
  });

  it("an entry of one kind is never returned for another", () => {
    const value = cachedKernel("stencil", "stencil:same", () => null, () => 0);
    expect(value).toBeNull();
    let built = false;
    cachedKernel("sweep", "stencil:same", () => ((built = true), null), () => 0);
    expect(built).toBe(true);
  });

  it("holds the compiled loops too: the same body structure gives the same entry, a new one after it is dropped", () => {
    const heat = kex.smap({ kernelSize: [3], offset: 1, relative: true }, (u: Window) => u[0] + 0.1 * (u[-1] + u[1] - 2 * u[0]));
    const loopParams = (): LoopParams => {
      const ir = kex.makeIR((u: kex.NDArray) => kex.foriLoop(0, 4, (_i, v: kex.NDArray) => heat(v), u))(kex.ones([16]));
      return ir.program.eqns.find((e) => e.prim === Prim.ForiLoop)!.params as LoopParams;
    };
    const [a, b] = [loopParams(), loopParams()];
    expect(b).not.toBe(a);
    const first = loopKernel(a);
    expect(first.plan).not.toBeNull();
    expect(loopKernel(b)).toBe(first);
    // fill the cache with other entries: the loop is dropped, though its params object is alive
    for (let i = 0; i < KERNEL_CACHE_SIZE; i++) cachedKernel("sweep", `sweep:evict-${i}`, () => null, () => 0);
    const again = loopKernel(a);
    expect(again).not.toBe(first);
    expect(again.source).toBe(first.source);
  });
});
