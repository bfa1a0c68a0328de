/**
 * @file Shared pieces of the reliability tests: a pool of wrong values
 * ("junk") of every type, code-smuggling payloads, a random kernel-source
 * generator, and the classification of one call's outcome (a result, a
 * KernexError, or anything else, which is a failure).
 */
import fc from "fast-check";
import * as kex from "kernex";

/** What a call did. */
export type Outcome =
  | { readonly kind: "ok"; readonly value: unknown }
  | { readonly kind: "kernex"; readonly error: kex.KernexError }
  | { readonly kind: "other"; readonly error: unknown };

/** Run `fn` and classify what happened. */
export function outcomeOf(fn: () => unknown): Outcome {
  try {
    return { kind: "ok", value: fn() };
  } catch (error) {
    return error instanceof kex.KernexError ? { kind: "kernex", error } : { kind: "other", error };
  }
}

/** A short description of an error for failure reports. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.constructor.name}: ${error.message.slice(0, 300)}`;
  return `non-Error thrown: ${String(error)}`;
}

/**
 * Why an outcome is unacceptable, or null when it is fine. Acceptable: a
 * result that is a well-formed array (or any value when `okCheck` is absent)
 * when `mayWork`, or a KernexError whose message is not empty and names one of
 * `names` (case-insensitive). Never acceptable: any other thrown value, and a
 * KernexError that wraps an error raised inside kernex's own code (a kernel's
 * own exception, raised in the kernel's code, may be wrapped).
 */
export function problemWith(outcome: Outcome, expect: Expectation): string | null {
  switch (outcome.kind) {
    case "ok": {
      if (!expect.mayWork) return `expected a KernexError, got a result ${String(outcome.value).slice(0, 80)}`;
      const v = outcome.value;
      if (v instanceof kex.NDArray) {
        if (!v.shape.every((d) => Number.isSafeInteger(d) && d >= 0)) return `result has a malformed shape [${v.shape.join(", ")}]`;
        if (v.data.length !== v.size) return `result has ${v.data.length} values for shape [${v.shape.join(", ")}]`;
      }
      return null;
    }
    case "kernex": {
      const message = outcome.error.message;
      if (message.trim().length < 8) return `KernexError with an empty or tiny message ${JSON.stringify(message)}`;
      const cause = (outcome.error as { cause?: unknown }).cause;
      if (cause !== undefined && !(cause instanceof kex.KernexError) && raisedInsideKernex(cause)) {
        return `KernexError wraps an internal error: ${describeError(cause)}`;
      }
      const lower = message.toLowerCase();
      if (expect.names.length > 0 && !expect.names.some((n) => lower.includes(n.toLowerCase()))) {
        return `KernexError message does not name any of ${JSON.stringify(expect.names)}: ${message.slice(0, 300)}`;
      }
      return null;
    }
    case "other":
      return `threw ${describeError(outcome.error)}`;
  }
}

/** What a case accepts: a result (when `mayWork`) or a KernexError naming one of `names`. */
export interface Expectation {
  readonly names: readonly string[];
  readonly mayWork: boolean;
}

/**
 * Was `error` raised by kernex's own code (its first stack frame in src/,
 * compiler/ or runtime/) rather than by a kernel's code (rebuilt with
 * `new Function`, so its frames read "eval at ...", or run by the kernel
 * AST evaluator, src/kernel/ast-eval.ts, when codegen is off)?
 */
export function raisedInsideKernex(error: unknown): boolean {
  if (!(error instanceof Error) || typeof error.stack !== "string") return false;
  if (/Maximum call stack size exceeded/.test(error.message)) return false;
  const frame = error.stack.split("\n").find((line) => /^\s+at /.test(line));
  if (frame === undefined || /eval at|<anonymous>|[\\/]kernel[\\/]ast-eval\./.test(frame)) return false;
  return /[\\/](src|compiler|runtime)[\\/]/.test(frame);
}

/** Strings that try to close a quote or a call and run code when pasted into source. */
export const PAYLOADS: readonly string[] = [
  "i'); globalThis.pwned = 1; ('",
  'i"); globalThis.pwned = 1; ("',
  "`); globalThis.pwned = 1; (`",
  "${globalThis.pwned = 1}",
  "*/ globalThis.pwned = 1; /*",
  "\n globalThis.pwned = 1; //",
  "\u2028globalThis.pwned = 1;",
  "0]; globalThis.pwned = 1; x[0",
  "1:2\"); globalThis.pwned = 1; (\"",
  "a=(globalThis.pwned = 1)",
  "constructor",
  "__proto__",
  "toString",
];

/** Wrong values of every type (a fresh copy per call, so no case sees another's objects). */
export function junkValues(): unknown[] {
  return [
    undefined, null, true, false, 0, -0, 1, -1, 2, 3, -2, -3, 0.5, 2.5, -0.5, NaN, Infinity, -Infinity,
    2 ** 31 - 1, 2 ** 31, -(2 ** 31), 2 ** 53, 2 ** 53 + 2, 1e300, -1e300, Number.MAX_VALUE, Number.MIN_VALUE, Number.EPSILON,
    "", " ", "3", "-1", "same", "SAME", " same", "valid", "Valid", "full", "causal", "constant", "reflect", "wrap", "edge", "symmetric", "mirror",
    "float32", "float64", "int8", "n", "i", "n-1", "i+1", ":", "::-1", "0,0", "...",
    ...PAYLOADS,
    10n, Symbol("junk"),
    {}, [], [null], [undefined], [1], [2, 2], [1, 2, 3], [3, 3, 3, 3], [[1, 2]], [[1, 2, 3]], [[-1, -1]], [[0, 0], [0, 0]],
    [NaN], [Infinity], [-1], [0], [2.5], ["same"], ["same", 1], ["valid", "valid", "valid"], [[1, "a"]], [[1, 2], "same"],
    { 0: "n" }, { 0: "n", 1: "n" }, { "-1": "i" }, { 0: 3 }, { length: 3 }, { 0: 1, length: 1 }, { kernelSize: 3 },
    new Map([[0, "n"]]), new Set([1]), new Date(0), /re/, () => 0, function named() {}, Object.create(null),
    new Float64Array(3), new Float32Array([1, 2]), new Int8Array(2), new ArrayBuffer(8), kex.ones([2]), kex.zeros([0]),
    Object.freeze([1, 1]), Object.freeze({}), [, 1], new Array(3),
    new Proxy({}, {}),
  ];
}

/** One junk value. */
export const junkArb: fc.Arbitrary<unknown> = fc.nat({ max: junkValues().length - 1 }).map((i) => junkValues()[i]);

/** A junk value, or a number from a wide range, or a short random string. */
export const wrongArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: junkArb },
  { weight: 2, arbitrary: fc.integer({ min: -8, max: 8 }) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
  { weight: 1, arbitrary: fc.array(fc.oneof(fc.integer({ min: -4, max: 6 }), junkArb), { maxLength: 4 }) },
);

/**
 * Random kernel source over a window `x` and an extra argument `w`: valid
 * reads and arithmetic mixed with reads outside the window, bad indices,
 * unsupported operators and syntax, unknown globals and odd literals.
 */
export function kernelSourceArb(depth: number): fc.Arbitrary<string> {
  const leaf = fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: -5, max: 5 }).map((i) => `x[${i}]`) },
    { weight: 2, arbitrary: fc.tuple(fc.integer({ min: -4, max: 4 }), fc.integer({ min: -4, max: 4 })).map(([i, j]) => `x[${i}][${j}]`) },
    { weight: 2, arbitrary: fc.tuple(fc.integer({ min: -4, max: 4 }), fc.integer({ min: -4, max: 4 })).map(([i, j]) => `x.at(${i}, ${j})`) },
    { weight: 2, arbitrary: fc.constantFrom("kex.sum(x)", "kex.max(x)", "kex.mean(x)", "x", "w", "w[0]", "kex.sum(x * w)", "x.at(\"i\")", "x[0.5]", "x[\"0\"]", "x[NaN]", "x[1e9]", "x.at()", "x.at(0, 0, 0, 0)") },
    { weight: 2, arbitrary: fc.constantFrom("1", "0", "-1", "2.5", "NaN", "Infinity", "-Infinity", "1e308", "\"a\"", "true", "null", "undefined", "[]", "[1, 2]", "{}", "10n") },
    { weight: 1, arbitrary: fc.constantFrom("y", "globalThis", "window", "process", "require", "Function", "eval", "this", "arguments", "Math.PI", "Math.random()", "Math.nope(x[0])", "Number.EPSILON", "kex.nope(x)", "x.nope", "x.nope()", "new Array(3)", "(() => { throw new Error(\"boom\"); })()", "(() => { throw 7; })()") },
  );
  if (depth === 0) return leaf;
  const sub = kernelSourceArb(depth - 1);
  return fc.oneof(
    { weight: 3, arbitrary: leaf },
    {
      weight: 2,
      arbitrary: fc
        .tuple(sub, fc.constantFrom("+", "-", "*", "/", "%", "**", "<", ">", "<=", ">=", "==", "!=", "===", "&&", "||", "??", "&", "|", "^", "<<", ">>", ">>>", "in", "instanceof", ","), sub)
        .map(([a, op, b]) => `(${a} ${op} ${b})`),
    },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom("-", "+", "!", "~", "typeof ", "void ", "delete "), sub).map(([op, a]) => `(${op}${a})`) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom("Math.sin", "Math.exp", "Math.max", "Math.hypot", "Math.sqrt", "kex.sum", "kex.exp", "kex.stack", "Math.clz32", "Math.fround"), sub).map(([f, a]) => `${f}(${a})`) },
    { weight: 1, arbitrary: fc.tuple(sub, sub, sub).map(([c, a, b]) => `(${c} ? ${a} : ${b})`) },
    { weight: 1, arbitrary: fc.tuple(sub, sub).map(([a, b]) => `[${a}, ${b}]`) },
  );
}

/** Turn kernel source into a function, or null when JavaScript itself rejects it. */
export function kernelFromSource(expr: string): ((...args: unknown[]) => unknown) | null {
  try {
    return new Function("kex", `return (x, w) => ${expr};`)(kex) as (...args: unknown[]) => unknown;
  } catch {
    return null;
  }
}
