/**
 * @file numpy slice specs ("1:-1, ::2", "0", "...", or arrays of integers and
 * kex.slice(...)) parsed by a hand-written tokenizer (never evaluated) and
 * resolved against a shape with numpy's exact semantics.
 */

import { KernexError, badValue, show } from "../errors";

/**
 * A slice as `kex.slice(start, stop, step)` builds it; null fields take numpy's defaults.
 *
 * @example
 * const reversed: Slice = { start: null, stop: null, step: -1 }; // "::-1"
 */
export interface Slice {
  /** First index (negative counts from the end); null: the start of the axis in the step's direction. */
  readonly start: number | null;
  /** Exclusive end; null: run to the end of the axis. */
  readonly stop: number | null;
  /** Step, non-zero; null: 1. */
  readonly step: number | null;
}

/**
 * Build a slice, like Python's `slice(start, stop, step)`, for array specs.
 *
 * @example
 * x.slice([0, kex.slice(null, null, -1)]); // same as x.slice("0, ::-1")
 */
export function slice(start?: number | null, stop?: number | null, step?: number | null): Slice {
  const fields = { start: start ?? null, stop: stop ?? null, step: step ?? null };
  for (const [name, value] of Object.entries(fields)) {
    if (value !== null && !Number.isSafeInteger(value)) badValue(`slice: ${name}`, value, "an integer or null");
  }
  if (fields.step === 0) badValue("slice: step", 0, "a non-zero integer or null");
  return Object.freeze(fields);
}

/**
 * One axis of a resolved spec: the selected positions are
 * `start + k * step` for `k = 0 .. count - 1` (`stop` is numpy's resolved,
 * exclusive bound, -1 when a negative step runs to the first element).
 *
 * @example
 * resolveSlices("::-1", [4], "slice")[0]; // { start: 3, stop: -1, step: -1, count: 4, index: false }
 */
export interface ResolvedAxis {
  start: number;
  stop: number;
  step: number;
  count: number;
  /** The spec item was an integer: numpy drops this axis from the result. */
  index: boolean;
}

/** A parsed spec item: an integer index, a slice, or the Ellipsis. */
type SpecItem = number | Slice | typeof ELLIPSIS;

const ELLIPSIS = Symbol("...");

const SYNTAX_HELP = 'numpy slice syntax such as "1:-1, ::2", "0", ":, -1" or "..., 0"';

/**
 * Resolve a spec against a shape, exactly as numpy indexes an array of that
 * shape: negative indices count from the end, slice bounds clip to the axis,
 * negative steps run backwards, `...` stands for as many full slices as
 * needed, and axes after the last item are taken whole. `what` names the
 * spec in error messages (e.g. "slice", "mesh region").
 *
 * @example
 * resolveSlices("1:-1, ::2", [5, 7], "slice");
 * // [{ start: 1, stop: 4, step: 1, count: 3, index: false },
 * //  { start: 0, stop: 7, step: 2, count: 4, index: false }]
 */
export function resolveSlices(
  spec: string | ReadonlyArray<number | Slice>,
  shape: readonly number[],
  what: string,
): ResolvedAxis[] {
  const items = typeof spec === "string" ? parseSpec(spec, what) : checkArraySpec(spec, what);
  const ellipses = items.filter((item) => item === ELLIPSIS).length;
  if (ellipses > 1) {
    throw new KernexError(`${what}: ${show(spec)} has ${ellipses} "..."; expected at most one`);
  }
  const explicit = items.length - ellipses;
  if (explicit > shape.length) {
    throw new KernexError(
      `${what}: ${show(spec)} has ${explicit} items for an array of shape [${shape.join(", ")}]; ` +
        `expected at most ${shape.length}`,
    );
  }
  // "..." becomes the full slices that make the item count equal the number of axes.
  const full = slice();
  const expanded: Array<number | Slice> = [];
  for (const item of items) {
    if (item === ELLIPSIS) for (let i = explicit; i < shape.length; i++) expanded.push(full);
    else expanded.push(item);
  }
  while (expanded.length < shape.length) expanded.push(full);
  return expanded.map((item, axis) => resolveItem(item, shape[axis], axis, spec, what));
}

function resolveItem(
  item: number | Slice,
  size: number,
  axis: number,
  spec: string | ReadonlyArray<number | Slice>,
  what: string,
): ResolvedAxis {
  if (typeof item === "number") {
    if (item < -size || item >= size) {
      const range = size === 0 ? "no valid index (the axis is empty)" : `an integer from ${-size} to ${size - 1}`;
      throw new KernexError(
        `${what}: index ${item} in ${show(spec)} is out of range for axis ${axis} of size ${size}; expected ${range}`,
      );
    }
    const start = item < 0 ? item + size : item;
    return { start, stop: start + 1, step: 1, count: 1, index: true };
  }
  const step = item.step ?? 1;
  if (step === 0) throw new KernexError(`${what}: ${show(spec)} has a slice step of 0; expected a non-zero step`);
  // CPython's PySlice_AdjustIndices: bounds clip to [0, size] going forward, [-1, size - 1] going backward.
  const lower = step < 0 ? -1 : 0;
  const upper = step < 0 ? size - 1 : size;
  const clip = (bound: number | null, fallback: number): number => {
    if (bound === null) return fallback;
    if (bound < 0) return Math.max(bound + size, lower);
    return Math.min(bound, upper);
  };
  const start = clip(item.start, step < 0 ? upper : lower);
  const stop = clip(item.stop, step < 0 ? lower : upper);
  const span = step > 0 ? stop - start : start - stop;
  const count = span > 0 ? Math.floor((span - 1) / Math.abs(step)) + 1 : 0;
  return { start, stop, step, count, index: false };
}

function checkArraySpec(spec: unknown, what: string): SpecItem[] {
  const expected = `a numpy slice string (${SYNTAX_HELP}) or an array of integers and kex.slice(start, stop, step)`;
  if (!Array.isArray(spec)) badValue(what, spec, expected);
  return spec.map((item: unknown, i: number): SpecItem => {
    if (typeof item === "number") {
      if (!Number.isSafeInteger(item)) badValue(`${what}[${i}]`, item, "an integer index or kex.slice(...)");
      return item;
    }
    if (!isSlice(item)) badValue(`${what}[${i}]`, item, "an integer index or kex.slice(start, stop, step)");
    return item;
  });
}

function isSlice(value: unknown): value is Slice {
  if (typeof value !== "object" || value === null) return false;
  const fields = value as Record<string, unknown>;
  return ["start", "stop", "step"].every((key) => fields[key] === null || Number.isSafeInteger(fields[key]));
}

/** A token of the spec language; `at` is its 0-based position in the spec text. */
type Token =
  | { readonly kind: "int"; readonly value: number; readonly at: number }
  | { readonly kind: ":" | "," | "..." | "-" | "+" | "end"; readonly at: number };

/**
 * Split spec text into tokens. Whitespace separates tokens and is otherwise
 * ignored; anything but digits, signs, `:`, `,` and `...` is an error, and so
 * is a number with a fraction or exponent (numpy indices are integers).
 */
function tokenize(text: string, what: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === ":" || c === "," || c === "-" || c === "+") {
      tokens.push({ kind: c, at: i });
      i++;
    } else if (text.startsWith("...", i)) {
      tokens.push({ kind: "...", at: i });
      i += 3;
    } else if (/[0-9.]/.test(c)) {
      const match = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/.exec(text.slice(i));
      const literal = match ? match[0] : c;
      if (!/^\d+$/.test(literal)) {
        throw syntaxError(text, what, `the number ${literal} at position ${i} is not an integer`);
      }
      const value = Number(literal);
      if (!Number.isSafeInteger(value)) {
        throw syntaxError(text, what, `the number ${literal} at position ${i} is too large`);
      }
      tokens.push({ kind: "int", value, at: i });
      i += literal.length;
    } else {
      throw syntaxError(text, what, `unexpected ${JSON.stringify(c)} at position ${i}`);
    }
  }
  tokens.push({ kind: "end", at: text.length });
  return tokens;
}

/**
 * Parse spec text. Grammar (whitespace allowed between tokens):
 *
 *     spec  := item ("," item)* [","]
 *     item  := "..." | [int] [":" [int] [":" [int]]]      (not empty)
 *     int   := ["-" | "+"] digits
 */
function parseSpec(text: string, what: string): SpecItem[] {
  const tokens = tokenize(text, what);
  let pos = 0;
  const peek = (): Token => tokens[pos];
  const describe = (token: Token): string =>
    token.kind === "end" ? "the end of the spec" : `${JSON.stringify(tokenText(token))} at position ${token.at}`;

  const integer = (): number | null => {
    const token = peek();
    if (token.kind === "int") {
      pos++;
      return token.value;
    }
    if (token.kind === "-" || token.kind === "+") {
      pos++;
      const digits = peek();
      if (digits.kind !== "int") throw syntaxError(text, what, `expected digits after "${token.kind}" but found ${describe(digits)}`);
      pos++;
      return token.kind === "-" ? -digits.value : digits.value;
    }
    return null;
  };

  const item = (): SpecItem => {
    const first = peek();
    if (first.kind === "...") {
      pos++;
      return ELLIPSIS;
    }
    const start = integer();
    if (peek().kind !== ":") {
      if (start === null) throw syntaxError(text, what, `expected an index, a slice or "..." but found ${describe(peek())}`);
      return start;
    }
    pos++;
    const stop = integer();
    let step: number | null = null;
    if (peek().kind === ":") {
      pos++;
      step = integer();
      if (step === 0) throw new KernexError(`${what}: ${show(text)} has a slice step of 0; expected a non-zero step`);
    }
    return Object.freeze({ start, stop, step });
  };

  const items: SpecItem[] = [item()];
  while (peek().kind === ",") {
    pos++;
    if (peek().kind === "end") break;
    items.push(item());
  }
  if (peek().kind !== "end") {
    throw syntaxError(text, what, `unexpected ${describe(peek())} (items are separated by ",")`);
  }
  return items;
}

function tokenText(token: Token): string {
  return token.kind === "int" ? String(token.value) : token.kind;
}

function syntaxError(text: string, what: string, problem: string): KernexError {
  return new KernexError(`${what}: could not parse ${show(text)}: ${problem}; expected ${SYNTAX_HELP}`);
}
