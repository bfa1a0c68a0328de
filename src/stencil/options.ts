/**
 * @file Validation and normalization of stencil options (kernelSize, strides,
 * padding, offset, dilation, padMode, padValue, relative, namedAxis, reverse,
 * scope) into a StencilSpec for one input shape. Every option error is a
 * KernexError raised here, naming the option, its value and what was expected.
 */
import type { PadMode, StencilSpec } from "../../compiler/primitives";
import { badValue, KernexError, show } from "../errors";
import { snapshotOptions } from "../options-snapshot";
import { checkStencilCost } from "./cost-guard";

/**
 * The stencil transforms.
 *
 * @example
 * const kind: StencilKind = "kscan";
 */
export type StencilKind = "kmap" | "kscan" | "smap" | "sscan";

type PerDim<T> = T | readonly T[];

/**
 * The named paddings: "valid" (no padding) and "same" (output shape = input
 * shape at stride 1); case-insensitive at run time, these spellings typed.
 *
 * @example
 * const p: kex.PaddingName = "same";
 */
export type PaddingName = "valid" | "same" | "VALID" | "SAME" | "Valid" | "Same";

/**
 * Options of kmap, kscan, smap and sscan.
 *
 * @example
 * const options: kex.StencilOptions = { kernelSize: [3, 3], padding: "same", relative: true };
 * kex.kmap(options, (u) => u[0][0])(kex.ones([4, 4])).shape; // [4, 4]
 */
export interface StencilOptions {
  /** Window size: a number for all dims or one per dim; -1 means the whole axis. */
  kernelSize: PerDim<number>;
  /** Step between windows; default 1. */
  strides?: PerDim<number>;
  /** kmap/kscan: "valid" (default), "same", a number, or one entry per dim (number, [before, after], "same", "valid"). */
  padding?: PaddingName | number | readonly (PaddingName | number | readonly [number, number])[];
  /** smap/sscan: distance of the first and last window centres from the array's ends. */
  offset?: number | readonly (number | readonly [number, number])[];
  /** Window cell k reads input offset k·dilation; default 1. */
  dilation?: PerDim<number>;
  /** How reads outside the array are answered; default "constant". */
  padMode?: PerDim<PadMode>;
  /** Value of constant padding: any number, NaN and ±Infinity included (as numpy.pad and JAX); default 0. */
  padValue?: number;
  /** Index windows from their centre cell. */
  relative?: boolean;
  /** Names of axes for named window indexing, e.g. {0: "n", 1: "i"}. */
  namedAxis?: Readonly<Record<number, string>>;
  /** kscan/sscan: visit windows in reverse row-major order. */
  reverse?: boolean;
  /** Values of variables the kernel uses from outside itself. */
  scope?: Readonly<Record<string, unknown>>;
}

const commonKeys = ["kernelSize", "strides", "dilation", "padMode", "padValue", "relative", "namedAxis", "scope"];
const allowedKeys: Record<StencilKind, readonly string[]> = {
  kmap: [...commonKeys, "padding"],
  kscan: [...commonKeys, "padding", "reverse"],
  smap: [...commonKeys, "offset"],
  sscan: [...commonKeys, "offset", "reverse"],
};
const pythonNames: Record<string, string> = {
  kernel_size: "kernelSize",
  named_axis: "namedAxis",
  pad_mode: "padMode",
  pad_value: "padValue",
};
const padModes: readonly PadMode[] = ["constant", "edge", "reflect", "symmetric", "wrap"];
const NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Largest magnitude of kernelSize, strides, dilation, padding and offset
 * entries: 2^31 - 1. Arrays hold at most 2^31 - 1 elements (ndarray/limits.ts),
 * so no axis is longer; the bound keeps every derived quantity (window
 * extent, padded length, grid size, flat offsets) an exact integer, where
 * values near 2^53 would silently round.
 */
export const MAX_GEOMETRY = 2 ** 31 - 1;

/**
 * Check the option object itself (independent of the input shape) and take
 * its snapshot: a frozen copy of its own enumerable string keys, read once
 * (see options-snapshot.ts); the stencil function only ever reads the copy.
 *
 * @example
 * checkOptions("kmap", { kernel_size: 3 }); // KernexError: unknown option "kernel_size" (did you mean "kernelSize"?) ...
 */
export function checkOptions(kind: StencilKind, options: unknown): StencilOptions {
  const opts = snapshotOptions(kind, options, allowedKeys[kind], "{ kernelSize: 3 }", pythonNames);
  if (opts.kernelSize === undefined) throw new KernexError(`${kind}: option kernelSize is required, e.g. { kernelSize: 3 } or { kernelSize: [3, 3] }`);
  if (opts.relative !== undefined && typeof opts.relative !== "boolean") badValue(`${kind}: relative`, opts.relative, "true or false");
  if (opts.reverse !== undefined && typeof opts.reverse !== "boolean") badValue(`${kind}: reverse`, opts.reverse, "true or false");
  // any number, NaN and ±Infinity included (numpy and JAX pad with NaN)
  if (opts.padValue !== undefined && typeof opts.padValue !== "number") badValue(`${kind}: padValue`, opts.padValue, "a number (NaN and ±Infinity included)");
  if (opts.scope !== undefined && (typeof opts.scope !== "object" || opts.scope === null || Array.isArray(opts.scope))) {
    badValue(`${kind}: scope`, opts.scope, "an object mapping names to values, e.g. { scope: { c, dt } }");
  }
  if (opts.namedAxis !== undefined) {
    if (typeof opts.namedAxis !== "object" || opts.namedAxis === null || Array.isArray(opts.namedAxis)) {
      badValue(`${kind}: namedAxis`, opts.namedAxis, 'an object mapping axis numbers to names, e.g. {0: "n", 1: "i"}');
    }
    const seen = new Set<string>();
    for (const [axis, name] of Object.entries(opts.namedAxis as Record<string, unknown>)) {
      if (!/^\d+$/.test(axis)) badValue(`${kind}: namedAxis key`, axis, "a non-negative axis number");
      if (typeof name !== "string" || !NAME_RE.test(name)) badValue(`${kind}: namedAxis[${axis}]`, name, "a name made of letters, digits and _ (not starting with a digit)");
      if (seen.has(name as string)) badValue(`${kind}: namedAxis`, opts.namedAxis, "distinct names");
      seen.add(name as string);
    }
  }
  return opts as unknown as StencilOptions;
}

/** An integer within the geometry bound (see MAX_GEOMETRY). */
function isInt(v: unknown): v is number {
  return typeof v === "number" && Number.isInteger(v) && Math.abs(v) <= MAX_GEOMETRY;
}

const atMost = ` (at most ${MAX_GEOMETRY} in magnitude)`;

function perDim<T>(kind: StencilKind, name: string, value: PerDim<T> | undefined, ndim: number, fallback: T, check: (v: unknown) => v is T, expected: string): T[] {
  if (value === undefined) return new Array<T>(ndim).fill(fallback);
  if (Array.isArray(value)) {
    if (value.length !== ndim) {
      throw new KernexError(`${kind}: ${name}: got ${show(value)} with ${value.length} entries, expected ${ndim} (one per dimension of the input, whose rank is ${ndim})`);
    }
    value.forEach((v) => {
      if (!check(v)) badValue(`${kind}: ${name}`, value, expected);
    });
    return [...(value as T[])];
  }
  if (!check(value)) return badValue(`${kind}: ${name}`, value, expected);
  return new Array<T>(ndim).fill(value as T);
}

/**
 * The resolved per-dim geometry plus the indexing options of the kernel's window.
 *
 * @example
 * resolveOptions("kmap", { kernelSize: 3 }, [5]).spec.gridShape; // [3]
 */
export interface ResolvedOptions {
  readonly spec: StencilSpec;
  readonly relative: boolean;
  readonly axisNames: readonly (string | null)[];
}

/**
 * Normalize options for an input of `shape`.
 *
 * @example
 * resolveOptions("kmap", { kernelSize: 3, padding: "same" }, [5]).spec.padding; // [[1, 1]]
 */
export function resolveOptions(kind: StencilKind, opts: StencilOptions, shape: readonly number[]): ResolvedOptions {
  const nd = shape.length;
  if (nd === 0) throw new KernexError(`${kind}: input: got a 0-d array, expected an array with at least one dimension`);
  const kernelSize = perDim(kind, "kernelSize", opts.kernelSize, nd, 1, (v): v is number => isInt(v) && (v >= 1 || v === -1), `a positive integer or -1 (whole axis), or an array of them${atMost}`);
  const ks = kernelSize.map((k, d) => (k === -1 ? shape[d]! : k));
  const strides = perDim(kind, "strides", opts.strides, nd, 1, (v): v is number => isInt(v) && v >= 1, `a positive integer or an array of them${atMost}`);
  const dilation = perDim(kind, "dilation", opts.dilation, nd, 1, (v): v is number => isInt(v) && v >= 1, `a positive integer or an array of them${atMost}`);
  const padMode = perDim(kind, "padMode", opts.padMode, nd, "constant" as PadMode, (v): v is PadMode => padModes.includes(v as PadMode), `one of ${padModes.map((m) => `"${m}"`).join(", ")}, or an array of them`);
  const extent = ks.map((k, d) => (k - 1) * dilation[d]! + 1);
  const centre = ks.map((k, d) => Math.floor((k - 1) / 2) * dilation[d]!);
  // "same" on the dilated extent e, as JAX pads dilated windows: (e-1)//2 before, e//2 after
  const same = (d: number): [number, number] => [Math.floor((extent[d]! - 1) / 2), Math.floor(extent[d]! / 2)];
  let padding: [number, number][];
  const scan = kind === "kscan" || kind === "sscan";
  if (kind === "kmap" || kind === "kscan") {
    padding = resolvePadding(kind, opts.padding, nd, same);
  } else {
    const offsets = resolveOffset(kind, opts.offset, nd);
    // windows centred on their cells: the centre cell sits ((k-1)//2)·dilation after the start
    padding = offsets.map(([b, a], d): [number, number] => [centre[d]! - b, extent[d]! - 1 - centre[d]! - a]);
    offsets.forEach(([b, a], d) => {
      if (shape[d] === 0) throw new KernexError(`${kind}: input: axis ${d} of shape [${shape.join(", ")}] is empty; expected an input with at least one cell per axis`);
      if (b + a >= shape[d]!) badValue(`${kind}: offset`, opts.offset, `offsets whose sum is less than the axis length ${shape[d]} on axis ${d}`);
    });
  }
  const gridShape = shape.map((n, d) => {
    const span = n + padding[d]![0] + padding[d]![1] - extent[d]!;
    if (span < 0) {
      throw new KernexError(
        `${kind}: kernelSize ${show(opts.kernelSize)}${dilation[d] !== 1 ? ` with dilation ${show(opts.dilation)}` : ""} (extent ${extent[d]} on axis ${d}) is larger than the input's axis ${d} of length ${n}` +
          (padding[d]![0] + padding[d]![1] !== 0 ? ` with ${kind === "smap" || kind === "sscan" ? `offset ${show(opts.offset)}, i.e. padding` : "padding"} [${padding[d]!.join(", ")}]` : "") +
          `; expected a window that fits (input shape [${shape.join(", ")}])`,
      );
    }
    return Math.floor(span / strides[d]!) + 1;
  });
  padMode.forEach((m, d) => {
    if (m !== "constant" && shape[d] === 0) badValue(`${kind}: padMode`, m, `"constant" on empty axis ${d}`);
  });
  const axisNames = new Array<string | null>(nd).fill(null);
  if (opts.namedAxis) {
    for (const [axis, name] of Object.entries(opts.namedAxis)) {
      const a = Number(axis);
      if (a >= nd) badValue(`${kind}: namedAxis`, opts.namedAxis, `axis numbers below the input's rank ${nd}`);
      axisNames[a] = name;
    }
  }
  const spec: StencilSpec = {
    kind: scan ? "scan" : "map",
    placement: kind === "smap" || kind === "sscan" ? "inplace" : "grid",
    inShape: [...shape],
    kernelSize: ks,
    strides,
    dilation,
    padding,
    padMode,
    padValue: opts.padValue ?? 0,
    reverse: opts.reverse ?? false,
    gridShape,
  };
  checkStencilCost(kind, opts.kernelSize, spec);
  return { spec, relative: opts.relative ?? false, axisNames };
}

function resolvePadding(kind: StencilKind, padding: StencilOptions["padding"], nd: number, same: (d: number) => [number, number]): [number, number][] {
  const expected = `"valid", "same", a number, or an array with one entry per dimension (a number, [before, after], "same" or "valid"); numbers are integers${atMost}`;
  const one = (item: unknown, d: number): [number, number] => {
    if (typeof item === "string") {
      const s = item.toLowerCase();
      if (s === "same") return same(d);
      if (s === "valid") return [0, 0];
      return badValue(`${kind}: padding`, padding, expected);
    }
    if (isInt(item)) return [item, item];
    if (Array.isArray(item) && item.length === 2 && isInt(item[0]) && isInt(item[1])) return [item[0], item[1]];
    return badValue(`${kind}: padding`, padding, expected);
  };
  if (padding === undefined) return Array.from({ length: nd }, () => [0, 0]);
  if (Array.isArray(padding)) {
    if (padding.length !== nd) {
      throw new KernexError(`${kind}: padding: got ${show(padding)} with ${padding.length} entries, expected ${nd} (one per dimension of the input)`);
    }
    return padding.map((p, d) => one(p, d));
  }
  return Array.from({ length: nd }, (_, d) => one(padding, d));
}

function resolveOffset(kind: StencilKind, offset: StencilOptions["offset"], nd: number): [number, number][] {
  const expected = `a non-negative integer, or an array with one entry per dimension (a number or [before, after])${atMost}`;
  const one = (item: unknown): [number, number] => {
    if (isInt(item) && item >= 0) return [item, item];
    if (Array.isArray(item) && item.length === 2 && item.every((v) => isInt(v) && v >= 0)) return [item[0], item[1]];
    return badValue(`${kind}: offset`, offset, expected);
  };
  if (offset === undefined) return Array.from({ length: nd }, () => [0, 0]);
  if (Array.isArray(offset)) {
    if (offset.length !== nd) throw new KernexError(`${kind}: offset: got ${show(offset)} with ${offset.length} entries, expected ${nd} (one per dimension)`);
    return offset.map(one);
  }
  return Array.from({ length: nd }, () => one(offset));
}
