/**
 * @file The option keys of `kex.jit(f, options)`: a snapshot of the own
 * enumerable string keys, taken when jit is called. A symbol key or an
 * unknown key (a typo such as `donat`) is a KernexError naming the known
 * keys. The values of `donate` and `backend` are checked by jit itself
 * (jit.ts, donate.ts).
 */
import { badValue, KernexError, show } from "../errors";

/** The options jit knows (SPEC: `donate`, like JAX's donate_argnums, and `backend`). */
export const JIT_OPTION_KEYS: readonly string[] = ["donate", "backend"];

/** Python spellings of jit's options. */
const pythonNames: Readonly<Record<string, string>> = { donate_argnums: "donate", donateArgnums: "donate" };

/**
 * Snapshot and check the keys of jit's options; undefined means none.
 *
 * @example
 * checkJitOptions({ donate: [0] }); // { donate: [0] } (frozen)
 * checkJitOptions({ donat: [0] });  // KernexError: jit: unknown option "donat"; expected one of donate, backend
 */
export function checkJitOptions(options: unknown): Readonly<{ donate?: unknown; backend?: unknown }> {
  if (options === undefined) return Object.freeze({});
  const proto = typeof options === "object" && options !== null ? (Object.getPrototypeOf(options) as unknown) : undefined;
  if (proto !== Object.prototype && proto !== null) return badValue("jit: options", options, "an object such as { donate: [0] }");
  const symbols = Object.getOwnPropertySymbols(options);
  if (symbols.length > 0) throw new KernexError(`jit: option key ${String(symbols[0])} is a symbol; expected string keys among ${JIT_OPTION_KEYS.join(", ")}`);
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(options as object)) {
    if (!JIT_OPTION_KEYS.includes(key)) {
      const hint = pythonNames[key] !== undefined ? ` (did you mean "${pythonNames[key]}"?)` : "";
      throw new KernexError(`jit: unknown option ${show(key)}${hint}; expected one of ${JIT_OPTION_KEYS.join(", ")}`);
    }
    copy[key] = (options as Record<string, unknown>)[key];
  }
  return Object.freeze(copy);
}
