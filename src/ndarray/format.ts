/**
 * @file numpy's `repr` layout for kernex arrays: `array([[0., 1.],
 * [2., 3.]], dtype=float64)` with rows on their own lines, 75-character
 * lines, and arrays of more than 1000 elements abbreviated to 3 items at
 * each end of every long axis (`...`), as numpy's defaults. Unlike numpy,
 * the dtype is always shown. The values' format comes from format-float.ts.
 */
import type { DType } from "./dtype";
import { floatFormatter } from "./format-float";

/** numpy's `threshold`: arrays with more elements than this are abbreviated. */
export const PRINT_THRESHOLD = 1000;
/** numpy's `edgeitems`: items shown at each end of an abbreviated axis. */
export const PRINT_EDGE_ITEMS = 3;
/** numpy's `linewidth`. */
const LINE_WIDTH = 75;
const PREFIX = "array(";
const SEPARATOR = ", ";

/** The indices shown along an axis of length n: all, or the edge items with a gap (null) between. */
function shownIndices(n: number, summarize: boolean): (number | null)[] {
  const all = Array.from({ length: n }, (_, i) => i);
  if (!summarize || n <= 2 * PRINT_EDGE_ITEMS) return all;
  return [...all.slice(0, PRINT_EDGE_ITEMS), null, ...all.slice(n - PRINT_EDGE_ITEMS)];
}

/** Add a word to the current line, wrapping first when it would pass `width` (numpy's `_extendLine`). */
function extendLine(state: { s: string; line: string }, word: string, width: number, indent: string): void {
  if (state.line.length + word.length > width && state.line.length > indent.length) {
    state.s += `${state.line.trimEnd()}\n`;
    state.line = indent;
  }
  state.line += word;
}

/** The flat positions of the values that will be shown (all of them unless abbreviated). */
function shownValues(shape: readonly number[], data: ArrayLike<number>, summarize: boolean): number[] {
  const out: number[] = [];
  const walk = (d: number, offset: number): void => {
    if (d === shape.length) {
      out.push(data[offset]!);
      return;
    }
    const stride = shape.slice(d + 1).reduce((a, b) => a * b, 1);
    for (const i of shownIndices(shape[d]!, summarize)) if (i !== null) walk(d + 1, offset + i * stride);
  };
  walk(0, 0);
  return out;
}

/** numpy's `_formatArray`: nested brackets, rows on new lines, blank lines between blocks. */
function formatNested(shape: readonly number[], data: ArrayLike<number>, word: (x: number) => string, summarize: boolean): string {
  const recurse = (d: number, offset: number, indent: string, width: number): string => {
    if (d === shape.length) return word(data[offset]!);
    const stride = shape.slice(d + 1).reduce((a, b) => a * b, 1);
    const shown = shownIndices(shape[d]!, summarize);
    const inner = (i: number): string => recurse(d + 1, offset + i * stride, `${indent} `, width - 1);
    let s = "";
    if (d === shape.length - 1) {
      const state = { s: "", line: indent };
      const elemWidth = width - 1;
      shown.forEach((i, k) => {
        extendLine(state, i === null ? "..." : inner(i), elemWidth, indent);
        if (k < shown.length - 1) state.line += SEPARATOR;
      });
      s = state.s + state.line;
    } else {
      const lineSep = `,${"\n".repeat(shape.length - d - 1)}`;
      s = shown.map((i) => indent + (i === null ? "..." : inner(i))).join(lineSep);
    }
    return `[${s.slice(indent.length)}]`;
  };
  return recurse(0, 0, " ".repeat(PREFIX.length + 1), LINE_WIDTH - 1);
}

/**
 * The numpy-style `repr` of an array of this shape, dtype and row-major data.
 *
 * @example
 * formatArray([2, 2], "float64", [0, 1, 2, 3]); // "array([[0., 1.],\n       [2., 3.]], dtype=float64)"
 */
export function formatArray(shape: readonly number[], dtype: DType, data: ArrayLike<number>): string {
  const size = shape.reduce((a, b) => a * b, 1);
  const summarize = size > PRINT_THRESHOLD;
  const extras: string[] = [];
  if ((size === 0 && !(shape.length === 1 && shape[0] === 0)) || summarize) {
    extras.push(`shape=(${shape.join(", ")}${shape.length === 1 ? "," : ""})`);
  }
  extras.push(`dtype=${dtype}`);
  const body = size === 0 ? "[]" : formatNested(shape, data, floatFormatter(shownValues(shape, data, summarize), dtype), summarize);
  const head = `${PREFIX}${body},`;
  const extra = `${extras.join(", ")})`;
  const lastLine = head.length - (head.lastIndexOf("\n") + 1);
  return head + (lastLine + extra.length + 1 > LINE_WIDTH ? `\n${" ".repeat(PREFIX.length)}` : " ") + extra;
}
