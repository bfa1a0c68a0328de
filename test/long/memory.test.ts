/**
 * @file Bounded memory, a soak check (`npm run test:long`; about two minutes,
 * so not in `npm test`): runs scripts/memory-check.mjs in a child process
 * (it needs `--expose-gc`) for 10,000 stencil calls, each with a fresh kernel
 * (distinct source) on a distinct shape, and checks that the heap after GC
 * stops growing once the compile caches are full, that the caches stay at
 * their documented sizes, and that too-large allocations are KernexErrors.
 */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

interface Sample {
  readonly calls: number;
  readonly heapMB: number;
  readonly kernelCache: number;
}

interface Report {
  readonly calls: number;
  readonly baselineMB: number;
  readonly finalMB: number;
  readonly limits: Record<string, number>;
  readonly phases: readonly { readonly name: string; readonly ms: number; readonly samples: readonly Sample[] }[];
  readonly refused: readonly { readonly what: string; readonly error: string | null }[];
}

const script = fileURLToPath(new URL("../../scripts/memory-check.mjs", import.meta.url));
const root = fileURLToPath(new URL("../..", import.meta.url));

describe("memory", () => {
  it("10,000 calls with distinct shapes and kernels leave the heap bounded", () => {
    const out = execFileSync(process.execPath, ["--expose-gc", script, "--json", "--phases=1"], { cwd: root, encoding: "utf8", maxBuffer: 1 << 24 });
    const report = JSON.parse(out.trim().split("\n").pop()!) as Report;
    const [phase] = report.phases;
    expect(report.calls).toBe(10_000);
    expect(phase!.samples).toHaveLength(10);
    console.log(`[memory] baseline ${report.baselineMB.toFixed(1)} MB; heapUsed after GC every 1,000 calls: ${phase!.samples.map((s) => s.heapMB.toFixed(1)).join(", ")} MB; ${phase!.ms} ms`);
    for (const s of phase!.samples) {
      expect(s.kernelCache).toBeLessThanOrEqual(report.limits.KERNEL_CACHE_SIZE!);
    }
    // the caches are full after a few hundred calls; from 3,000 calls on the heap must be flat
    const settled = phase!.samples.slice(2).map((s) => s.heapMB);
    expect(Math.max(...settled) - settled[0]!).toBeLessThan(16);
    expect(report.finalMB - report.baselineMB).toBeLessThan(64);
    for (const r of report.refused) expect(r.error, r.what).toMatch(/^KernexError: .*(too large|at most 2147483647)/);
  }, 180_000);
});
