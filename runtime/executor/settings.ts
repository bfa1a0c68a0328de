/**
 * @file The executor's view of kernex's configuration: worker threads,
 * codegen on or off, the debug level and where debug lines go. The API
 * layer (src/core/eager.ts) installs its live configuration once with
 * `useExecSettings`; the executor reads it on every call and never imports
 * `src/`.
 */
import { canBlock, sharedMemoryUsable } from "../platform";
import { defaultPoolSize } from "../pool";

/**
 * What the executor reads of the configuration (kex.config's object
 * satisfies it).
 *
 * @example
 * useExecSettings({ workers: 0, codegen: true, debug: 0 }, () => {});
 */
export interface ExecSettings {
  /** Worker threads for large work: a count, "auto" (one per core) or 0. */
  readonly workers: number | "auto";
  /** false: every equation runs on the reference interpreter. */
  readonly codegen: boolean;
  /** Debug level, 0 to 4 (see src/config.ts). */
  readonly debug: number;
}

/** Where a debug line of `level` goes: `message` is called only when the level is on. */
export type ExecLog = (level: number, message: () => string) => void;

let settings: ExecSettings = { workers: "auto", codegen: true, debug: 0 };
let log: ExecLog = () => undefined;

/**
 * Install the configuration the executor reads (a live object: later
 * changes to it are seen) and the sink of its debug lines.
 *
 * @example
 * useExecSettings(getConfig(), debugLog);
 */
export function useExecSettings(live: ExecSettings, sink: ExecLog): void {
  settings = live;
  log = sink;
}

/** The installed configuration. */
export function execSettings(): ExecSettings {
  return settings;
}

/**
 * A debug line of `level` (built only when that level is on).
 *
 * @example
 * execLog(1, () => "compiled stencil in 1.2 ms");
 */
export function execLog(level: number, message: () => string): void {
  if (settings.debug >= level) log(level, message);
}

/** A line sink for the pipeline's pass log at `level`, or undefined when that level is off. */
export function execLogger(level: number): ((line: string) => void) | undefined {
  return settings.debug >= level ? (line) => log(level, () => line) : undefined;
}

/**
 * Worker threads the configuration allows for a run on this thread (0: none).
 *
 * @example
 * configuredWorkers(true); // 0 where the thread cannot block or memory cannot be shared
 */
export function configuredWorkers(sync: boolean): number {
  const setting = settings.workers;
  if (setting === 0 || !sharedMemoryUsable() || (sync && !canBlock())) return 0;
  return setting === "auto" ? defaultPoolSize() : setting;
}
