/**
 * @file kex.config: the one configuration object (workers, codegen, debug).
 *
 * Debug levels: 0 silent; 1 compile events; 2 IR after each pass;
 * 3 generated JavaScript; 4 worker dispatch.
 */
import { badValue, KernexError } from "./errors";

/** Settings of kernex. */
export interface Config {
  /** Worker threads for large work: a count, "auto" (one per core) or 0 (calling thread only). */
  workers: number | "auto";
  /** false: run everything through the reference interpreter (no `new Function`). */
  codegen: boolean;
  /** Debug level (see the table above). */
  debug: number;
}

const settings: Config = { workers: "auto", codegen: true, debug: 0 };

/** The current settings (read-only view). */
export function getConfig(): Readonly<Config> {
  return settings;
}

/**
 * Change settings; returns the new settings.
 *
 * @example
 * kex.config({ workers: "auto" });
 * kex.config({ codegen: false }); // pages whose CSP forbids new Function
 */
export function config(changes: Partial<Config> = {}): Readonly<Config> {
  if (typeof changes !== "object" || changes === null) return badValue("config", changes, "an object such as { workers: 2 }");
  for (const key of Object.keys(changes)) {
    if (!["workers", "codegen", "debug"].includes(key)) {
      throw new KernexError(`config: unknown setting "${key}"; expected workers, codegen or debug`);
    }
  }
  if (changes.workers !== undefined) {
    const w = changes.workers;
    if (w !== "auto" && !(Number.isInteger(w) && w >= 0 && w <= 256)) badValue("config: workers", w, '"auto" or an integer from 0 to 256');
    settings.workers = w;
  }
  if (changes.codegen !== undefined) {
    if (typeof changes.codegen !== "boolean") badValue("config: codegen", changes.codegen, "true or false");
    settings.codegen = changes.codegen;
  }
  if (changes.debug !== undefined) {
    if (!Number.isInteger(changes.debug) || changes.debug < 0 || changes.debug > 4) badValue("config: debug", changes.debug, "an integer from 0 to 4");
    settings.debug = changes.debug;
  }
  return { ...settings };
}
