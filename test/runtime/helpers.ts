/**
 * @file Shared helpers of the runtime tests: a seeded PRNG for inputs, a
 * bit-for-bit comparison of typed arrays, and kernel-body snippets that tell
 * the calling thread from a worker, running a script in a child process,
 * and reading kernex's debug lines.
 */
import { spawn } from "node:child_process";
import { vi } from "vitest";
import * as kex from "kernex";
import { mulberry32 } from "../helpers/naive";

/** mulberry32: a small seeded PRNG in [0, 1) (Math.random cannot be seeded). */
export const prng = mulberry32;

/** Fill `a` with values in [-1, 1) from `seed`; returns `a`. */
export function fillRandom<T extends Float64Array | Float32Array>(a: T, seed: number): T {
  const rand = prng(seed);
  for (let i = 0; i < a.length; i++) a[i] = 2 * rand() - 1;
  return a;
}

/** Index of the first element whose bits differ (NaN payloads included), or -1 when identical. */
export function firstBitDifference(a: ArrayBufferView, b: ArrayBufferView): number {
  if (a.byteLength !== b.byteLength) return 0;
  const x = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  const y = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  const width = "BYTES_PER_ELEMENT" in a ? Number(a.BYTES_PER_ELEMENT) : 1;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return Math.floor(i / width);
  return -1;
}

/** Kernel-body prelude: `onMain` is true on the calling thread, false in a worker. */
export const ON_MAIN = 'const onMain = process.getBuiltinModule("node:worker_threads").isMainThread;';

/** Kernel-body statement: on the calling thread only, busy-wait `ms` so the workers claim their own ranges first. */
export function callerWaits(ms: number): string {
  return `if (onMain) { const until = Date.now() + ${ms}; while (Date.now() < until); }`;
}

/** What the child printed, its exit code and when it exited (killed after 20 s). */
export function runChild(file: string): Promise<{ stdout: string; stderr: string; code: number | null; exitedAt: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [file], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const killer = setTimeout(() => child.kill("SIGKILL"), 20_000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(killer);
      resolve({ stdout, stderr, code, exitedAt: Date.now() });
    });
  });
}

/** The lines kernex writes to stderr while `run` runs at debug level 4 (read here, not printed). */
export function debugLines(run: () => unknown): string[] {
  const lines: string[] = [];
  const spy = vi.spyOn(process.stderr, "write").mockImplementation((line: unknown) => {
    if (typeof line === "string") lines.push(line);
    return true;
  });
  kex.config({ debug: 4 });
  try {
    run();
  } finally {
    kex.config({ debug: 0 });
    spy.mockRestore();
  }
  return lines;
}
