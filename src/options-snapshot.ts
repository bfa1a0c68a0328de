/**
 * @file Option objects read once: `snapshotOptions` copies the own
 * enumerable string keys of an options object (kmap/kscan/smap/sscan, jit,
 * config) when the transform is created, so later changes to the object and
 * keys inherited from a prototype (`Object.prototype.padding = "same"`) have
 * no effect. A symbol key or an unknown key is a KernexError, whose "did you
 * mean" hint only ever names one of kernex's own option names.
 */
import { badValue, KernexError, show } from "./errors";

/**
 * Copy of an option value: arrays (and arrays in arrays) element by element,
 * plain objects by their own enumerable string keys, anything else as is.
 * Getters run once, here; an exception they throw passes through unchanged.
 */
function copyValue(value: unknown, depth: number): unknown {
  if (depth > 3 || typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) return Object.freeze(Array.from(value as unknown[], (v) => copyValue(v, depth + 1)));
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return value;
  const copy: Record<string, unknown> = {};
  // defineProperty, not assignment: an own "__proto__" key (from JSON.parse) stays a key
  for (const key of Object.keys(value)) Object.defineProperty(copy, key, { value: (value as Record<string, unknown>)[key], enumerable: true });
  return Object.freeze(copy);
}

/** Levenshtein distance, for "did you mean" hints between short option names. */
function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/**
 * The known option name an unknown `key` was probably meant to be: an alias
 * (a Python spelling such as `kernel_size`), the same name in another case,
 * or one at most two edits away; null when none is close.
 *
 * @example
 * suggestOption("donat", ["donate", "backend"], {}); // "donate"
 */
export function suggestOption(key: string, known: readonly string[], aliases: Readonly<Record<string, string>>): string | null {
  if (Object.hasOwn(aliases, key)) return aliases[key]!;
  const lower = key.toLowerCase().replace(/_/g, "");
  const sameCase = known.find((k) => k.toLowerCase() === lower);
  if (sameCase !== undefined) return sameCase;
  let best: string | null = null;
  let bestDistance = 3;
  for (const k of known) {
    const d = editDistance(key.toLowerCase(), k.toLowerCase());
    if (d < bestDistance && d < Math.max(2, k.length / 2)) {
      best = k;
      bestDistance = d;
    }
  }
  return best;
}

/**
 * A frozen copy of the own enumerable string keys of `options`, each one
 * checked against `known`. `what` names the call in error messages
 * ("kmap", "jit", "config"); `example` shows a valid object.
 *
 * @example
 * snapshotOptions("jit", { donate: [0] }, ["donate", "backend"], "{ donate: [0] }"); // { donate: [0] }
 * snapshotOptions("jit", { donat: [0] }, ["donate", "backend"], "{ donate: [0] }");
 * // KernexError: jit: unknown option "donat" (did you mean "donate"?); expected one of donate, backend
 */
export function snapshotOptions(
  what: string,
  options: unknown,
  known: readonly string[],
  example: string,
  aliases: Readonly<Record<string, string>> = {},
): Readonly<Record<string, unknown>> {
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    return badValue(`${what}: options`, options, `an object such as ${example}`);
  }
  for (const sym of Object.getOwnPropertySymbols(options)) {
    if (Object.prototype.propertyIsEnumerable.call(options, sym)) {
      throw new KernexError(`${what}: option keys must be strings; got the symbol key ${String(sym)}; expected only ${known.join(", ")}`);
    }
  }
  const copy: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      const hint = suggestOption(key, known, aliases);
      throw new KernexError(`${what}: unknown option ${show(key)}${hint === null ? "" : ` (did you mean ${show(hint)}?)`}; expected one of ${known.join(", ")}`);
    }
    copy[key] = copyValue((options as Record<string, unknown>)[key], 0);
  }
  return Object.freeze(copy);
}
