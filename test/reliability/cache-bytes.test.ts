/**
 * @file Issue #19, case 9: the compile caches are bounded by retained bytes,
 * not only by entries. Each compiled 1-D stencil keeps an index table of
 * 4 bytes per input cell; before, 300 distinct shapes of ~2e6 cells kept
 * ~2.8 GB alive through a cache bounded by count. Here 48 distinct shapes
 * go through one stencil function whose padding of 2^21 cells (strides of
 * 128 keep the grid small, so the test is quick) gives each an 8 MiB table,
 * 384 MiB in all; the bytes the kernel cache retains (compiled stencils,
 * sweeps and loops share it), by its own accounting, stay flat at its
 * bound. (Imports the cache module directly to read that accounting.)
 */
import { describe, expect, it } from "vitest";
import * as kex from "kernex";
import { kernelCacheBytes, kernelCacheSize, KERNEL_CACHE_BYTES } from "../../runtime/kernel-cache";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

const SHAPES = 48;
const PAD = 1 << 21;
const MiB = 2 ** 20;

describe("compile caches bounded by bytes", () => {
  it(`${SHAPES} distinct shapes with 8 MiB tables each keep the kernel cache at its byte bound`, () => {
    const f = kex.kmap({ kernelSize: 64, strides: 128, padding: [[0, PAD]], padMode: "wrap" }, (w: Loose) => w[0] - w[63]);
    const samples: { shapes: number; cacheMiB: number; entries: number; arrayBuffersMiB: number }[] = [];
    for (let i = 0; i < SHAPES; i++) {
      const n = 1000 + i;
      const y = f(kex.arange(n));
      // window g starts at 128·g and reads cells 128·g and 128·g + 63, wrapped around the axis
      const g = 5 + (i % 3);
      expect(y.shape).toEqual([Math.floor((n + PAD - 64) / 128) + 1]);
      expect(y.get(g)).toBe(((128 * g) % n) - ((128 * g + 63) % n));
      if ((i + 1) % 12 === 0) {
        samples.push({ shapes: i + 1, cacheMiB: kernelCacheBytes() / MiB, entries: kernelCacheSize(), arrayBuffersMiB: process.memoryUsage().arrayBuffers / MiB });
      }
    }
    console.log(
      `[cache-bytes] after ${samples.map((s) => s.shapes).join(", ")} shapes: kernel cache ${samples.map((s) => s.cacheMiB.toFixed(1)).join(", ")} MiB ` +
        `in ${samples.map((s) => s.entries).join(", ")} entries; process arrayBuffers ${samples.map((s) => s.arrayBuffersMiB.toFixed(0)).join(", ")} MiB ` +
        `(without the byte bound the tables alone would be ${((SHAPES * 4 * PAD) / MiB).toFixed(0)} MiB)`,
    );
    const newest = 4 * (PAD + 2000) + 64 * 1024;
    for (const s of samples) expect(s.cacheMiB * MiB).toBeLessThanOrEqual(KERNEL_CACHE_BYTES + newest);
    // flat: the cache is full after ~24 shapes (23 tables of 8 MiB fit in 192 MiB) and stays at the same size
    const sizes = samples.slice(1).map((s) => s.cacheMiB);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThan(8);
    // the byte bound, not the count bound, decides: at most 192 MiB / 8 MiB tables (and the newest) stay
    expect(samples.at(-1)!.entries).toBeLessThanOrEqual(KERNEL_CACHE_BYTES / (4 * PAD) + 1);
  }, 60_000);
});
