/**
 * @file The C allocator settings the two-thread benchmarks run under. With
 * them glibc keeps freed memory rather than giving it back to the system
 * (docs/performance.md, "The C allocator in tight loops"). Without them,
 * which setting of a comparison gets fresh pages for its results (a page
 * fault per 4 KiB) varies with the garbage collector's timing: alternating
 * rounds of the 1024² laplacian took ~2,000 faults per call with one thread
 * and 200–700 with two, so a ratio measured the allocator as much as the
 * threads. With them, ~50 and ~10. `--default-malloc` measures without them.
 */
import { spawnSync } from "node:child_process";

export const MALLOC_SETTINGS = "glibc.malloc.trim_threshold=1073741824:glibc.malloc.mmap_threshold=33554432";

/** Measure with glibc's defaults instead (the command line has --default-malloc)? */
export const defaultMalloc = process.argv.includes("--default-malloc");

/** The environment of a child process that measures: the allocator settings unless --default-malloc. */
export function measuringEnv(): NodeJS.ProcessEnv {
  return defaultMalloc ? process.env : { ...process.env, GLIBC_TUNABLES: MALLOC_SETTINGS };
}

/**
 * Run this benchmark again in a child process under the allocator settings,
 * unless this process already runs under them (or --default-malloc): true
 * when the child ran (this process then has nothing left to do). The
 * settings are read when a process starts, so they cannot be set from inside.
 *
 * @example
 * if (!rerunUnderAllocatorSettings()) await main();
 */
export function rerunUnderAllocatorSettings(): boolean {
  if (defaultMalloc || process.env.GLIBC_TUNABLES === MALLOC_SETTINGS) return false;
  const child = spawnSync(process.execPath, [...process.execArgv, ...process.argv.slice(1)], { stdio: "inherit", env: measuringEnv() });
  if (child.status !== 0) throw new Error(`the benchmark under the allocator settings failed (exit code ${String(child.status)})`);
  return true;
}
