/**
 * @file kex.config: the one configuration object (workers, codegen, debug).
 *
 * Debug levels: 0 silent; 1 compile events; 2 IR after each pass;
 * 3 generated JavaScript; 4 worker dispatch.
 */
import { badValue } from "./errors";
import { snapshotOptions } from "./options-snapshot";

/**
 * Settings of kernex.
 *
 * @example
 * const settings: kex.Config = kex.config(); // { workers: "auto", codegen: true, debug: 0 }
 */
export interface Config {
  /** Worker threads for large work: a count, "auto" (one per core) or 0 (calling thread only). */
  workers: number | "auto";
  /** false: run everything through the reference interpreter (no `new Function`). */
  codegen: boolean;
  /** Debug level (see the table above). */
  debug: number;
}

const settings: Config = { workers: "auto", codegen: true, debug: 0 };

/**
 * The current settings (read-only view).
 *
 * @example
 * getConfig().codegen; // true unless kex.config({ codegen: false }) was called
 */
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
  // a snapshot of own enumerable string keys: inherited keys (Object.prototype.workers) are not settings
  const snapshot = snapshotOptions("config", changes, ["workers", "codegen", "debug"], "{ workers: 2 }") as Partial<Config>;
  // check every setting before changing any, so a rejected call changes nothing
  const { workers, codegen, debug } = snapshot;
  if (workers !== undefined && workers !== "auto" && !(Number.isInteger(workers) && workers >= 0 && workers <= 256)) {
    badValue("config: workers", workers, '"auto" or an integer from 0 to 256');
  }
  if (codegen !== undefined && typeof codegen !== "boolean") badValue("config: codegen", codegen, "true or false");
  if (debug !== undefined && !(Number.isInteger(debug) && debug >= 0 && debug <= 4)) badValue("config: debug", debug, "an integer from 0 to 4");
  if (workers !== undefined) settings.workers = workers;
  if (codegen !== undefined) settings.codegen = codegen;
  if (debug !== undefined) settings.debug = debug;
  return { ...settings };
}
