/**
 * @file The buffer pool (issue #23): dropped results come back when their
 * arrays are collected (checked in a child process run with --expose-gc, so
 * that collection can be forced), donated buffers are handed to the next
 * result of their size, and a buffer is never handed out twice.
 */
import { writeFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { pendingByteCount, pooledByteCount, recycleBuffer, takeBuffer } from "../../runtime/buffer-pool";
import * as kex from "kernex";
import type { Window } from "../helpers/check";

const repo = fileURLToPath(new URL("../..", import.meta.url));

describe("buffer pool", () => {
  it("hands a recycled buffer out once, by kind and length, and keeps only whole buffers", () => {
    const a = new Float64Array(4096);
    recycleBuffer(a);
    recycleBuffer(a);
    recycleBuffer(new Float64Array(new ArrayBuffer(8 * 4100), 8, 4096));
    expect(takeBuffer("float32", 4096, false)).toBeNull();
    expect(takeBuffer("float64", 4096, true)).toBeNull();
    expect(takeBuffer("float64", 4096, false)).toBe(a);
    expect(takeBuffer("float64", 4096, false)).toBeNull();
    expect(pooledByteCount()).toBe(0);
  });

  it("a synchronous loop pins at most 64 MiB of the results it drops (the rest the garbage collector frees as usual)", () => {
    kex.config({ workers: 0 });
    const f = kex.jit(kex.kmap({ kernelSize: 1 }, (x) => 2 * x[0]));
    const x = kex.ones([1 << 20]); // 8 MiB results
    let last = f(x);
    for (let i = 0; i < 30; i++) last = f(last); // 240 MiB of results dropped, no turn of the event loop
    expect(pendingByteCount()).toBeGreaterThan(0);
    expect(pendingByteCount()).toBeLessThanOrEqual(64 << 20);
    expect(last.get(1)).toBe(2 ** 31);
    kex.config({ workers: "auto" });
  });

  it("a donating call's intermediates go back to the pool when it ends; its results do not", () => {
    kex.config({ workers: 0 });
    const step = kex.smap({ kernelSize: 3, offset: 1 }, (x: Window) => 0.5 * (x[0] + x[2]));
    const n = 4096;
    // a: an intermediate that is also a result; b: an intermediate only; c: the other result
    const f = kex.jit(
      (x: kex.NDArray) => {
        const a = step(x);
        const b = step(a);
        return [a, step(b)];
      },
      { donate: [0] },
    );
    const reference = (x: Float64Array): Float64Array => {
      const y = Float64Array.from(x);
      for (let i = 1; i < x.length - 1; i++) y[i] = 0.5 * (x[i - 1]! + x[i + 1]!);
      return y;
    };
    const x1 = Float64Array.from({ length: n }, (_, i) => Math.sin(i));
    const x2 = Float64Array.from({ length: n }, (_, i) => Math.cos(3 * i));
    const before = pooledByteCount();
    const [a1, c1] = f(kex.array(x1)) as kex.NDArray[];
    // b's buffer came back, and the donated argument's (a's did not: it is a result)
    expect(pooledByteCount() - before).toBe(2 * n * 8);
    const [a2, c2] = f(kex.array(x2)) as kex.NDArray[];
    // the second call took b's buffer again and left the first call's results as they were
    expect(Array.from(a1!.data)).toEqual(Array.from(reference(x1)));
    expect(Array.from(c1!.data)).toEqual(Array.from(reference(reference(reference(x1)))));
    expect(Array.from(a2!.data)).toEqual(Array.from(reference(x2)));
    expect(Array.from(c2!.data)).toEqual(Array.from(reference(reference(reference(x2)))));
    expect(pendingByteCount()).toBeLessThanOrEqual(64 << 20);
    kex.config({ workers: "auto" });
  });

  it("results dropped by the caller are reused after a turn of the event loop", () => {
    const dir = mkdtempSync(join(tmpdir(), "kernex-pool-"));
    const script = join(dir, "drop.ts");
    writeFileSync(
      script,
      `import * as kex from ${JSON.stringify(join(repo, "src/index.ts"))};
import { pooledByteCount } from ${JSON.stringify(join(repo, "runtime/buffer-pool.ts"))};
kex.config({ workers: 0 });
const f = kex.smap({ kernelSize: 3, offset: 1 }, (x) => x[0] + x[2]);
const x = kex.ones([100000]);
let kept = f(x);
kept = f(x); // the first result is dropped
let pooled = 0;
for (let i = 0; i < 10 && pooled === 0; i++) {
  (globalThis as { gc: () => void }).gc();
  await new Promise((r) => setTimeout(r, 50));
  pooled = pooledByteCount();
}
const next = f(x);
console.log(JSON.stringify({ pooled, after: pooledByteCount(), kept: kept.data[1], values: [next.data[0], next.data[1], next.data[99999]] }));
`,
    );
    const r = spawnSync(process.execPath, ["--expose-gc", join(repo, "scripts/run-ts.mjs"), script], { cwd: repo, encoding: "utf8", timeout: 60_000 });
    rmSync(dir, { recursive: true, force: true });
    expect(r.stderr).toBe("");
    const out = JSON.parse(r.stdout.trim().split("\n").at(-1)!) as { pooled: number; after: number; kept: number; values: number[] };
    expect(out.pooled).toBeGreaterThanOrEqual(800000);
    // the next result took the dropped one's buffer, and the kept result is intact
    expect(out.after).toBe(out.pooled - 800000);
    expect(out.kept).toBe(2);
    expect(out.values).toEqual([1, 2, 1]);
  });
});
