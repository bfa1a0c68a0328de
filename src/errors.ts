/**
 * @file KernexError, the one error type kernex throws at its API boundary,
 * and helpers that format "what was wrong, the value it had, what was expected".
 */

/**
 * Error thrown for every bad input to kernex; its message names the option
 * or argument, the value it had and what was expected.
 *
 * @example
 * try {
 *   kex.kmap({ kernelSize: 0 }, (x) => x[0])(kex.ones([3]));
 * } catch (e) {
 *   e instanceof kex.KernexError; // true
 * }
 */
export class KernexError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "KernexError";
  }
}

/**
 * Render a user value compactly for an error message (never throws).
 *
 * @example
 * show("same"); // '"same"'
 */
export function show(value: unknown): string {
  try {
    if (typeof value === "string") return JSON.stringify(value);
    if (typeof value === "function") return `function ${value.name || "(anonymous)"}`;
    if (typeof value === "number" || typeof value === "boolean" || value == null) return String(value);
    if (typeof value === "bigint") return `${value}n`;
    if (ArrayBuffer.isView(value)) return `${value.constructor.name}(${(value as unknown as ArrayLike<number>).length})`;
    if (typeof value === "object" && value !== null && "shape" in value && "dtype" in value) {
      const v = value as { shape: unknown; dtype: unknown };
      return `NDArray(shape=[${String(v.shape)}], dtype=${String(v.dtype)})`;
    }
    const text = JSON.stringify(value);
    if (text === undefined) return String(value);
    return text.length > 80 ? `${text.slice(0, 77)}...` : text;
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/**
 * Throw a KernexError for a bad option or argument.
 *
 * @example
 * badValue("strides", -1, "a positive integer or an array of them");
 * // KernexError: strides: got -1, expected a positive integer or an array of them
 */
export function badValue(what: string, value: unknown, expected: string): never {
  throw new KernexError(`${what}: got ${show(value)}, expected ${expected}`);
}
