/**
 * @file Shared memory that comes back (runtime/shared-budget.ts, the
 * workers' release in runtime/worker-source.ts): user programs with a worker
 * on, each a synchronous loop dropping what it gets back, keep their buffer
 * memory bounded during the loop and give it back once collected. Each runs
 * in a process of its own (test/runtime/shared-memory-program.ts, with
 * --expose-gc). Before: a map with 32 MiB results held 1.25 GiB after 40
 * calls, for good (its workers kept every result they had written); a
 * sharded 1024² foriLoop held 8 MiB more per call, for good; 200 arrays of
 * 8 MiB made with kex.array were 1.6 GiB until something else made the
 * engine collect.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { SHARED_OUTSTANDING_BYTES, handOutShared, mayHandOutShared, outstandingSharedBytes } from "../../runtime/shared-budget";
import { allocate } from "../../runtime/buffers";

const repo = fileURLToPath(new URL("../..", import.meta.url));
const MiB = 1 << 20;

interface Report {
  readonly before: number;
  readonly peak: number;
  readonly after: number;
  readonly right: boolean;
}

function program(scenario: string): Report {
  const r = spawnSync(process.execPath, ["--expose-gc", "scripts/run-ts.mjs", "test/runtime/shared-memory-program.ts", scenario], { cwd: repo, encoding: "utf8", timeout: 120_000 });
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout.trim().split("\n").at(-1)!) as Report;
}

describe("shared memory in synchronous loops", () => {
  it("a map whose 32 MiB results are written in place by the workers: bounded, and given back", () => {
    const m = program("map");
    expect(m.right).toBe(true);
    // 40 results of 32 MiB: at most the shared budget of them (and scratch) at once
    expect(m.peak - m.before).toBeLessThan(SHARED_OUTSTANDING_BYTES / MiB + 160);
    // once collected, only the last results are left
    expect(m.after - m.before).toBeLessThan(100);
  });

  it("a sharded foriLoop called 100 times: its buffers are reused, its results are plain memory", () => {
    const m = program("loop");
    expect(m.right).toBe(true);
    expect(m.peak - m.before).toBeLessThan(200);
    expect(m.after - m.before).toBeLessThan(100);
  });

  it("200 arrays of 8 MiB made with kex.array while workers are on: shared only up to the budget", () => {
    const m = program("array");
    expect(m.right).toBe(true);
    expect(m.peak - m.before).toBeLessThan(SHARED_OUTSTANDING_BYTES / MiB + 64);
    expect(m.after - m.before).toBeLessThan(16);
  });
});

describe("shared budget", () => {
  it("refuses what would pass SHARED_OUTSTANDING_BYTES and counts what is handed out", () => {
    const start = outstandingSharedBytes();
    const held = [];
    const n = 16 * MiB; // 128 MiB each
    while (mayHandOutShared(n * 8)) held.push(handOutShared(allocate("float64", n, true)));
    expect(held.length).toBeGreaterThan(0);
    expect(outstandingSharedBytes()).toBe(start + held.length * n * 8);
    expect(outstandingSharedBytes()).toBeLessThanOrEqual(SHARED_OUTSTANDING_BYTES);
    expect(outstandingSharedBytes() + n * 8).toBeGreaterThan(SHARED_OUTSTANDING_BYTES);
    expect(mayHandOutShared(0)).toBe(true);
  });

  it("counts a buffer handed out again (back from the pool) once", () => {
    const x = allocate("float64", 1024, true);
    const start = outstandingSharedBytes();
    handOutShared(x);
    handOutShared(x);
    expect(outstandingSharedBytes()).toBe(start + 8192);
  });
});
