/**
 * @file Naive reference implementations of kmap, kscan, smap, sscan and the
 * function mesh, written straight from the SPEC's definitions with plain loops
 * over row-major Float64Array data. Independent of the library: the oracle for
 * its differential tests.
 */

/** A plain n-d array: row-major data and its shape (a 0-d array has shape []). */
export interface NaiveArray {
  shape: number[];
  data: Float64Array;
}

export type NaivePadMode = "constant" | "edge" | "reflect" | "symmetric" | "wrap";

/** One per-dim padding entry: both sides, `[before, after]`, or "same"/"valid". */
export type NaivePaddingEntry = number | readonly [number, number] | string;

/** One per-dim offset entry for smap/sscan: both sides or `[before, after]`. */
export type NaiveOffsetEntry = number | readonly [number, number];

/** The stencil options, spelled as in the SPEC. */
export interface NaiveOptions {
  kernelSize: number | readonly number[];
  strides?: number | readonly number[];
  padding?: string | number | readonly NaivePaddingEntry[];
  offset?: number | readonly NaiveOffsetEntry[];
  dilation?: number | readonly number[];
  padMode?: NaivePadMode | readonly NaivePadMode[];
  padValue?: number;
  reverse?: boolean;
}

export type NaiveKind = "kmap" | "kscan" | "smap" | "sscan";

/** A kernel: receives the window (absolute indexing, shape = kernel size) and the extra arguments. */
export type NaiveKernel<A extends unknown[]> = (window: NaiveArray, ...args: A) => number | NaiveArray;

/** A function-mesh region: a numpy slice string over the input shape and its kernel. */
export interface NaiveRegion<A extends unknown[]> {
  spec: string;
  fn: NaiveKernel<A>;
}

/** The options resolved against an input shape. */
export interface NaiveSpec {
  shape: number[];
  kernelSize: number[];
  strides: number[];
  dilation: number[];
  /** Effective window extent per dim: (k - 1) * dilation + 1. */
  extent: number[];
  before: number[];
  after: number[];
  grid: number[];
  padMode: NaivePadMode[];
  padValue: number;
  reverse: boolean;
}

// ---------------------------------------------------------------------------
// small array utilities

export function product(xs: readonly number[]): number {
  let p = 1;
  for (const v of xs) p *= v;
  return p;
}

/** Row-major strides of a shape. */
export function rowMajorStrides(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    strides[d] = s;
    s *= shape[d];
  }
  return strides;
}

/** Build a NaiveArray from a shape and flat data (copied). */
export function naiveArray(shape: readonly number[], data: ArrayLike<number>): NaiveArray {
  if (data.length !== product(shape)) {
    throw new Error(`naiveArray: ${data.length} values do not fill shape [${shape.join(", ")}]`);
  }
  return { shape: [...shape], data: Float64Array.from(data) };
}

/** start, start+1, ..., stop-1 as a 1-d NaiveArray. */
export function naiveArange(start: number, stop: number): NaiveArray {
  const data = new Float64Array(Math.max(0, stop - start));
  for (let i = 0; i < data.length; i++) data[i] = start + i;
  return { shape: [data.length], data };
}

/** Multi-index → flat index (row-major), no bounds check. */
export function flatIndex(idx: readonly number[], strides: readonly number[]): number {
  let f = 0;
  for (let d = 0; d < idx.length; d++) f += idx[d] * strides[d];
  return f;
}

/** Flat index → multi-index for a shape. */
export function unravel(flat: number, shape: readonly number[]): number[] {
  const idx = new Array<number>(shape.length);
  for (let d = shape.length - 1; d >= 0; d--) {
    idx[d] = flat % shape[d];
    flat = Math.floor(flat / shape[d]);
  }
  return idx;
}

/** Element of a NaiveArray at a multi-index (checked). */
export function naiveGet(a: NaiveArray, ...idx: number[]): number {
  if (idx.length !== a.shape.length) throw new Error(`naiveGet: ${idx.length} indices for ${a.shape.length} dims`);
  for (let d = 0; d < idx.length; d++) {
    if (!(idx[d] >= 0 && idx[d] < a.shape[d])) throw new Error(`naiveGet: index ${idx[d]} out of range for dim ${d}`);
  }
  return a.data[flatIndex(idx, rowMajorStrides(a.shape))];
}

/** Nested JS arrays of a NaiveArray (a number for 0-d). */
export function naiveToNested(a: NaiveArray): unknown {
  const strides = rowMajorStrides(a.shape);
  const build = (d: number, base: number): unknown => {
    if (d === a.shape.length) return a.data[base];
    const out: unknown[] = [];
    for (let i = 0; i < a.shape[d]; i++) out.push(build(d + 1, base + i * strides[d]));
    return out;
  };
  return build(0, 0);
}

/** Deterministic PRNG (mulberry32): returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A NaiveArray of uniform values in [lo, hi) from a PRNG. */
export function randomNaive(rand: () => number, shape: readonly number[], lo = -1, hi = 1): NaiveArray {
  const data = new Float64Array(product(shape));
  for (let i = 0; i < data.length; i++) data[i] = lo + (hi - lo) * rand();
  return { shape: [...shape], data };
}

// ---------------------------------------------------------------------------
// padding: numpy.pad index mapping

/**
 * Source index that numpy.pad reads for coordinate `i` of an axis of length
 * `n`, or -1 when the cell takes the constant pad value. Exact numpy.pad
 * semantics, including pads longer than the axis (numpy pads reflect and
 * symmetric iteratively, which equals the periodic extension used here).
 *
 * @example
 * padIndex(-1, 4, "reflect"); // 1   (d c b | a b c d | c b a)
 * padIndex(-1, 4, "symmetric"); // 0 (c b a | a b c d | d c b)
 */
export function padIndex(i: number, n: number, mode: NaivePadMode): number {
  if (!Number.isInteger(i) || !Number.isInteger(n) || n < 1) throw new Error(`padIndex: bad arguments i=${i}, n=${n}`);
  if (i >= 0 && i < n) return i;
  switch (mode) {
    case "constant":
      return -1;
    case "edge":
      return i < 0 ? 0 : n - 1;
    case "wrap":
      return ((i % n) + n) % n;
    case "reflect": {
      if (n === 1) return 0;
      const period = 2 * (n - 1);
      const m = ((i % period) + period) % period;
      return m < n ? m : period - m;
    }
    case "symmetric": {
      const period = 2 * n;
      const m = ((i % period) + period) % period;
      return m < n ? m : period - 1 - m;
    }
    default:
      throw new Error(`padIndex: unknown mode ${String(mode)}`);
  }
}

/**
 * Value of `data` (shape `shape`) at a possibly out-of-range coordinate,
 * through the pad modes. Each dim maps independently against the full input,
 * so a crop on one side does not change what the other side's pad reads.
 */
function readPadded(
  data: Float64Array,
  shape: readonly number[],
  strides: readonly number[],
  coord: readonly number[],
  modes: readonly NaivePadMode[],
  padValue: number,
): number {
  let flat = 0;
  for (let d = 0; d < shape.length; d++) {
    const src = padIndex(coord[d], shape[d], modes[d]);
    if (src < 0) return padValue;
    flat += src * strides[d];
  }
  return data[flat];
}

// ---------------------------------------------------------------------------
// option normalization

const floorDiv = (a: number, b: number): number => Math.floor(a / b);

function isInt(v: unknown): v is number {
  return typeof v === "number" && Number.isInteger(v);
}

/** number → one per dim; array → checked length. */
function perDim(value: number | readonly number[], ndim: number, name: string): number[] {
  if (typeof value === "number") return new Array<number>(ndim).fill(value);
  if (!Array.isArray(value) || value.length !== ndim) {
    throw new Error(`${name}: expected a number or ${ndim} numbers, got ${JSON.stringify(value)}`);
  }
  return [...value];
}

/** kernelSize per dim, -1 resolved to the whole axis. */
export function normalizeKernelSize(kernelSize: number | readonly number[], shape: readonly number[]): number[] {
  const ks = perDim(kernelSize, shape.length, "kernelSize");
  return ks.map((k, d) => {
    if (k === -1) return shape[d];
    if (!isInt(k) || k < 1) throw new Error(`kernelSize: bad entry ${k}`);
    return k;
  });
}

/** [before, after] of "same" padding for an effective extent e. */
function samePad(e: number): [number, number] {
  return [floorDiv(e - 1, 2), floorDiv(e, 2)];
}

function paddingEntry(entry: NaivePaddingEntry, extent: number): [number, number] {
  if (typeof entry === "string") {
    const s = entry.toLowerCase();
    if (s === "same") return samePad(extent);
    if (s === "valid") return [0, 0];
    throw new Error(`padding: unknown string ${JSON.stringify(entry)}`);
  }
  if (isInt(entry)) return [entry, entry];
  if (Array.isArray(entry) && entry.length === 2 && isInt(entry[0]) && isInt(entry[1])) return [entry[0], entry[1]];
  throw new Error(`padding: bad entry ${JSON.stringify(entry)}`);
}

/** Padding per dim as [before, after]; "same" uses the effective (dilated) extent. */
export function normalizePadding(
  padding: NaiveOptions["padding"],
  extent: readonly number[],
): [number, number][] {
  const ndim = extent.length;
  const p = padding ?? "valid";
  if (typeof p === "string" || typeof p === "number") return extent.map((e) => paddingEntry(p, e));
  if (!Array.isArray(p) || p.length !== ndim) {
    throw new Error(`padding: expected one entry per dim (${ndim}), got ${JSON.stringify(p)}`);
  }
  return p.map((entry, d) => paddingEntry(entry as NaivePaddingEntry, extent[d]));
}

/** Offset per dim as [before, after]. */
export function normalizeOffset(offset: NaiveOptions["offset"], ndim: number): [number, number][] {
  const o = offset ?? 0;
  const entry = (e: NaiveOffsetEntry): [number, number] => {
    if (isInt(e)) return [e, e];
    if (Array.isArray(e) && e.length === 2 && isInt(e[0]) && isInt(e[1])) return [e[0], e[1]];
    throw new Error(`offset: bad entry ${JSON.stringify(e)}`);
  };
  if (typeof o === "number") return new Array(ndim).fill(0).map(() => entry(o));
  if (!Array.isArray(o) || o.length !== ndim) {
    throw new Error(`offset: expected one entry per dim (${ndim}), got ${JSON.stringify(o)}`);
  }
  return o.map((e) => entry(e as NaiveOffsetEntry));
}

/**
 * Resolve options against an input shape. For smap/sscan the offset becomes
 * padding: before = ((k-1)//2)·d − offsetBefore, after = (k//2)·d − offsetAfter.
 */
export function resolveSpec(kind: NaiveKind, options: NaiveOptions, shape: readonly number[]): NaiveSpec {
  const ndim = shape.length;
  const kernelSize = normalizeKernelSize(options.kernelSize, shape);
  const strides = perDim(options.strides ?? 1, ndim, "strides");
  const dilation = perDim(options.dilation ?? 1, ndim, "dilation");
  for (const s of strides) if (!isInt(s) || s < 1) throw new Error(`strides: bad entry ${s}`);
  for (const v of dilation) if (!isInt(v) || v < 1) throw new Error(`dilation: bad entry ${v}`);
  const extent = kernelSize.map((k, d) => (k - 1) * dilation[d] + 1);

  let pads: [number, number][];
  if (kind === "kmap" || kind === "kscan") {
    if (options.offset !== undefined) throw new Error(`offset is an option of smap/sscan, not ${kind}`);
    pads = normalizePadding(options.padding, extent);
  } else {
    if (options.padding !== undefined) throw new Error(`padding is an option of kmap/kscan, not ${kind}`);
    const offs = normalizeOffset(options.offset, ndim);
    pads = offs.map(([ob, oa], d) => [
      floorDiv(kernelSize[d] - 1, 2) * dilation[d] - ob,
      floorDiv(kernelSize[d], 2) * dilation[d] - oa,
    ]);
  }
  if (options.reverse && (kind === "kmap" || kind === "smap")) throw new Error(`reverse is an option of kscan/sscan`);

  const modeOpt = options.padMode ?? "constant";
  const padMode: NaivePadMode[] =
    typeof modeOpt === "string" ? new Array<NaivePadMode>(ndim).fill(modeOpt) : [...(modeOpt as NaivePadMode[])];
  if (padMode.length !== ndim) throw new Error(`padMode: expected one mode per dim`);

  const before = pads.map((p) => p[0]);
  const after = pads.map((p) => p[1]);
  const grid = shape.map((n, d) => floorDiv(n + before[d] + after[d] - extent[d], strides[d]) + 1);
  for (const g of grid) {
    if (g < 1) throw new Error(`empty grid [${grid.join(", ")}] for shape [${shape.join(", ")}]`);
  }
  return {
    shape: [...shape],
    kernelSize,
    strides,
    dilation,
    extent,
    before,
    after,
    grid,
    padMode,
    padValue: options.padValue ?? 0,
    reverse: options.reverse ?? false,
  };
}

/** Input coordinate of the first cell of the window at grid index g. */
export function windowStart(spec: NaiveSpec, g: readonly number[]): number[] {
  return g.map((gi, d) => gi * spec.strides[d] - spec.before[d]);
}

/**
 * Input coordinate of the window's centre cell: start + ((k-1)//2)·dilation.
 * (For an even kernel with dilation > 1 and "same" padding, which uses the
 * dilated extent, this centre is not the output cell's own coordinate.)
 */
export function windowCentre(spec: NaiveSpec, g: readonly number[]): number[] {
  return windowStart(spec, g).map((s, d) => s + floorDiv(spec.kernelSize[d] - 1, 2) * spec.dilation[d]);
}

function inside(coord: readonly number[], shape: readonly number[]): boolean {
  for (let d = 0; d < shape.length; d++) if (coord[d] < 0 || coord[d] >= shape[d]) return false;
  return true;
}

/** Copy the window at grid index g out of `data` (padding through padMode). */
function extractWindow(spec: NaiveSpec, data: Float64Array, g: readonly number[]): NaiveArray {
  const start = windowStart(spec, g);
  const strides = rowMajorStrides(spec.shape);
  const size = product(spec.kernelSize);
  const out = new Float64Array(size);
  const coord = new Array<number>(spec.shape.length);
  for (let w = 0; w < size; w++) {
    const widx = unravel(w, spec.kernelSize);
    for (let d = 0; d < coord.length; d++) coord[d] = start[d] + widx[d] * spec.dilation[d];
    out[w] = readPadded(data, spec.shape, strides, coord, spec.padMode, spec.padValue);
  }
  return { shape: [...spec.kernelSize], data: out };
}

// ---------------------------------------------------------------------------
// numpy slice strings (function-mesh regions)

/** Python's slice.indices followed by range(): the indices a slice selects on an axis of length n. */
function sliceIndices(start: number | null, stop: number | null, step: number, n: number): number[] {
  if (step === 0) throw new Error("slice step cannot be zero");
  let lo: number;
  let hi: number;
  if (step > 0) {
    lo = start === null ? 0 : start < 0 ? Math.max(start + n, 0) : Math.min(start, n);
    hi = stop === null ? n : stop < 0 ? Math.max(stop + n, 0) : Math.min(stop, n);
  } else {
    lo = start === null ? n - 1 : start < 0 ? Math.max(start + n, -1) : Math.min(start, n - 1);
    hi = stop === null ? -1 : stop < 0 ? Math.max(stop + n, -1) : Math.min(stop, n - 1);
  }
  const out: number[] = [];
  for (let i = lo; step > 0 ? i < hi : i > hi; i += step) out.push(i);
  return out;
}

function parseSliceInt(text: string, spec: string): number | null {
  const t = text.trim();
  if (t === "") return null;
  if (!/^[+-]?\d+$/.test(t)) throw new Error(`slice ${JSON.stringify(spec)}: bad number ${JSON.stringify(t)}`);
  return Number(t);
}

/**
 * The indices a numpy slice string selects on each axis of `shape`: integers
 * (negative from the end), `start:stop:step` with empty parts; missing trailing
 * axes select everything.
 *
 * @example
 * sliceSelection("1:, ::-2", [3, 5]); // [[1, 2], [4, 2, 0]]
 */
export function sliceSelection(spec: string, shape: readonly number[]): number[][] {
  const parts = spec.trim() === "" ? [] : spec.split(",");
  if (parts.length > shape.length) throw new Error(`slice ${JSON.stringify(spec)}: too many indices for ${shape.length} dims`);
  return shape.map((n, d) => {
    if (d >= parts.length) return sliceIndices(null, null, 1, n);
    const part = parts[d].trim();
    if (part.includes(":")) {
      const bits = part.split(":");
      if (bits.length > 3) throw new Error(`slice ${JSON.stringify(spec)}: bad part ${JSON.stringify(part)}`);
      const start = parseSliceInt(bits[0], spec);
      const stop = parseSliceInt(bits[1], spec);
      const step = bits.length === 3 ? parseSliceInt(bits[2], spec) : null;
      return sliceIndices(start, stop, step ?? 1, n);
    }
    const i = parseSliceInt(part, spec);
    if (i === null) throw new Error(`slice ${JSON.stringify(spec)}: empty index`);
    const j = i < 0 ? i + n : i;
    if (j < 0 || j >= n) throw new Error(`slice ${JSON.stringify(spec)}: index ${i} out of range for size ${n}`);
    return [j];
  });
}

/** Boolean mask (row-major, over `shape`) of the cells a slice string selects. */
export function sliceMask(spec: string, shape: readonly number[]): Uint8Array {
  const sel = sliceSelection(spec, shape);
  const strides = rowMajorStrides(shape);
  const mask = new Uint8Array(product(shape));
  const walk = (d: number, base: number): void => {
    if (d === shape.length) {
      mask[base] = 1;
      return;
    }
    for (const i of sel[d]) walk(d + 1, base + i * strides[d]);
  };
  walk(0, 0);
  return mask;
}

// ---------------------------------------------------------------------------
// the four transforms

type Chooser<A extends unknown[]> = (centre: readonly number[]) => NaiveKernel<A> | null;

function gridOrder(spec: NaiveSpec): number[][] {
  const total = product(spec.grid);
  const order: number[][] = [];
  for (let f = 0; f < total; f++) order.push(unravel(f, spec.grid));
  if (spec.reverse) order.reverse();
  return order;
}

function scalarResult(r: number | NaiveArray, where: readonly number[]): number {
  if (typeof r === "number") return r;
  if (r && r.data instanceof Float64Array && r.data.length === 1) return r.data[0];
  throw new Error(`kernel at grid [${where.join(", ")}] returned a non-scalar where a scalar is required`);
}

function runKmap<A extends unknown[]>(spec: NaiveSpec, choose: Chooser<A>, x: NaiveArray, args: A): NaiveArray {
  const cells = gridOrder(spec);
  const results: (number | NaiveArray | null)[] = [];
  let resultShape: number[] | null = null;
  for (const g of cells) {
    const fn = choose(windowCentre(spec, g));
    if (fn === null) {
      results.push(null);
      continue;
    }
    const r = fn(extractWindow(spec, x.data, g), ...args);
    const shape = typeof r === "number" ? [] : r.shape;
    if (resultShape === null) resultShape = [...shape];
    else if (resultShape.join(",") !== shape.join(",")) {
      throw new Error(`kernel results disagree in shape: [${resultShape}] vs [${shape}]`);
    }
    results.push(r);
  }
  const rs = resultShape ?? [];
  const rsize = product(rs);
  const out = new Float64Array(cells.length * rsize);
  results.forEach((r, f) => {
    if (r === null) return; // uncovered mesh cell: zeros
    if (typeof r === "number") out[f] = r;
    else out.set(r.data, f * rsize);
  });
  return { shape: [...spec.grid, ...rs], data: out };
}

/** kscan/sscan core: returns the results on the grid and the final working copy. */
function runScan<A extends unknown[]>(
  spec: NaiveSpec,
  choose: Chooser<A>,
  x: NaiveArray,
  args: A,
): { grid: NaiveArray; work: NaiveArray } {
  const work = Float64Array.from(x.data);
  const strides = rowMajorStrides(spec.shape);
  const gridStrides = rowMajorStrides(spec.grid);
  const out = new Float64Array(product(spec.grid));
  for (const g of gridOrder(spec)) {
    const centre = windowCentre(spec, g);
    const fn = choose(centre);
    const gf = flatIndex(g, gridStrides);
    if (fn === null) {
      out[gf] = readPadded(work, spec.shape, strides, centre, spec.padMode, spec.padValue);
      continue;
    }
    const r = scalarResult(fn(extractWindow(spec, work, g), ...args), g);
    out[gf] = r;
    if (inside(centre, spec.shape)) work[flatIndex(centre, strides)] = r;
  }
  return { grid: { shape: [...spec.grid], data: out }, work: { shape: [...spec.shape], data: work } };
}

function runSmap<A extends unknown[]>(spec: NaiveSpec, choose: Chooser<A>, x: NaiveArray, args: A): NaiveArray {
  const strides = rowMajorStrides(spec.shape);
  const out = Float64Array.from(x.data);
  for (const g of gridOrder(spec)) {
    const centre = windowCentre(spec, g);
    const fn = choose(centre);
    if (fn === null) continue;
    const r = scalarResult(fn(extractWindow(spec, x.data, g), ...args), g);
    if (inside(centre, spec.shape)) out[flatIndex(centre, strides)] = r;
  }
  return { shape: [...spec.shape], data: out };
}

function run<A extends unknown[]>(kind: NaiveKind, options: NaiveOptions, choose: Chooser<A>, x: NaiveArray, args: A) {
  const spec = resolveSpec(kind, options, x.shape);
  switch (kind) {
    case "kmap":
      return runKmap(spec, choose, x, args);
    case "kscan":
      return runScan(spec, choose, x, args).grid;
    case "smap":
      return runSmap(spec, choose, x, args);
    case "sscan":
      return runScan(spec, choose, x, args).work;
    default:
      throw new Error(`unknown kind ${String(kind)}`);
  }
}

/** kmap: every window evaluated independently; output shape = grid (+ kernel result shape). */
export function naiveKmap<A extends unknown[]>(options: NaiveOptions, kernel: NaiveKernel<A>, x: NaiveArray, ...args: A): NaiveArray {
  return run("kmap", options, () => kernel, x, args);
}

/** kscan: windows in row-major order (or reversed); each result is written at the window centre before the next read. */
export function naiveKscan<A extends unknown[]>(options: NaiveOptions, kernel: NaiveKernel<A>, x: NaiveArray, ...args: A): NaiveArray {
  return run("kscan", options, () => kernel, x, args);
}

/** smap: windows centred at offsetBefore, +stride, ... < n − offsetAfter; output has the input's shape. */
export function naiveSmap<A extends unknown[]>(options: NaiveOptions, kernel: NaiveKernel<A>, x: NaiveArray, ...args: A): NaiveArray {
  return run("smap", options, () => kernel, x, args);
}

/** sscan: smap's windows visited as in kscan; output = the final working copy. */
export function naiveSscan<A extends unknown[]>(options: NaiveOptions, kernel: NaiveKernel<A>, x: NaiveArray, ...args: A): NaiveArray {
  return run("sscan", options, () => kernel, x, args);
}

/** Dispatch on kind (handy for option products). */
export function naiveStencil<A extends unknown[]>(
  kind: NaiveKind,
  options: NaiveOptions,
  kernel: NaiveKernel<A>,
  x: NaiveArray,
  ...args: A
): NaiveArray {
  return run(kind, options, () => kernel, x, args);
}

/**
 * Function mesh: each grid cell runs the kernel of the last region (numpy
 * slice over the input shape) containing its window centre. Cells no region
 * covers: kmap gives 0; kscan outputs the current value at the centre and
 * writes nothing; smap/sscan leave the cell unchanged. A centre outside the
 * input (large padding) is never covered; kscan then outputs the value the
 * pad mode gives at that coordinate.
 */
export function naiveMesh<A extends unknown[]>(
  kind: NaiveKind,
  options: NaiveOptions,
  regions: readonly NaiveRegion<A>[],
  x: NaiveArray,
  ...args: A
): NaiveArray {
  const masks = regions.map((r) => sliceMask(r.spec, x.shape));
  const strides = rowMajorStrides(x.shape);
  const choose: Chooser<A> = (centre) => {
    if (!inside(centre, x.shape)) return null;
    const f = flatIndex(centre, strides);
    for (let r = regions.length - 1; r >= 0; r--) if (masks[r][f]) return regions[r].fn;
    return null;
  };
  return run(kind, options, choose, x, args);
}

// ---------------------------------------------------------------------------
// closed-form references for the seed README examples

/**
 * Linear convection u_t + c u_x = 0 by the explicit upwind scheme
 * u[n][i] = u[n-1][i] - c·dt/dx·(u[n-1][i] - u[n-1][i-1]) for 1 ≤ i ≤ nx-2,
 * u[n][0] = u[n][nx-1] = 1, starting from u[0] = 1 with u[0][lo..hi-1] = 2.
 * Returns the [nt, nx] history.
 */
export function finiteDifferenceConvection(
  nt: number,
  nx: number,
  c: number,
  dt: number,
  dx: number,
  lo: number,
  hi: number,
): NaiveArray {
  const u = new Float64Array(nt * nx).fill(1);
  for (let i = lo; i < hi; i++) u[i] = 2;
  for (let n = 1; n < nt; n++) {
    for (let i = 1; i < nx - 1; i++) {
      const prev = u[(n - 1) * nx + i];
      const left = u[(n - 1) * nx + i - 1];
      u[n * nx + i] = prev - ((c * dt) / dx) * (prev - left);
    }
  }
  return { shape: [nt, nx], data: u };
}

/** Channel c of a channel-first naive array. */
export function channel(a: NaiveArray, c: number): NaiveArray {
  const inner = a.shape.slice(1);
  const size = inner.reduce((p, v) => p * v, 1);
  return naiveArray(inner, a.data.subarray(c * size, (c + 1) * size));
}

/** Stack naive arrays of one shape along a new first axis. */
export function stackNaive(parts: NaiveArray[]): NaiveArray {
  const size = parts[0].data.length;
  const data = new Float64Array(size * parts.length);
  parts.forEach((p, i) => data.set(p.data, i * size));
  return { shape: [parts.length, ...parts[0].shape], data };
}

// ---------------------------------------------------------------------------
// numpy.pad from its documented definitions, and stencils over the padded array

/**
 * numpy.pad of one vector, from the definitions in numpy's documentation,
 * with the padded vector p defined cell by cell (n = values.length, j ≥ 1):
 *
 * - "constant": p[-j] = p[n-1+j] = padValue
 * - "edge":      p[-j] = v[0], p[n-1+j] = v[n-1]
 * - "reflect":   "mirrored on the first and last values": p[-j] = p[j], p[n-1+j] = p[n-1-j]
 * - "symmetric": "mirrored along the edge": p[-j] = p[j-1], p[n-1+j] = p[n-j]
 * - "wrap":      "the first values pad the end, the end values pad the beginning":
 *                p[-j] = p[n-j], p[n-1+j] = p[j-1]
 *
 * The right-hand sides may themselves lie in the padding (pads wider than the
 * vector), which is how numpy fills them: iteratively. A length-1 vector in
 * "reflect" mode is extended with its value (numpy's behaviour for singleton
 * axes). Checked against numpy 2 for n ≤ 6 and pads ≤ 15; see the literal
 * numpy outputs in test/stencil/pad-modes.test.ts.
 *
 * @example
 * numpyPadVector([1, 2, 3, 4, 5], 2, 3, "reflect"); // [3, 2, 1, 2, 3, 4, 5, 4, 3, 2]
 */
export function numpyPadVector(
  values: readonly number[],
  before: number,
  after: number,
  mode: NaivePadMode,
  padValue = 0,
): number[] {
  const n = values.length;
  if (n === 0) throw new Error("numpyPadVector: empty vector");
  if (!(isInt(before) && before >= 0 && isInt(after) && after >= 0)) {
    throw new Error(`numpyPadVector: pad widths must be non-negative integers, got ${before}, ${after}`);
  }
  const at = (i: number): number => {
    if (i >= 0 && i < n) return values[i];
    switch (mode) {
      case "constant":
        return padValue;
      case "edge":
        return i < 0 ? values[0] : values[n - 1];
      case "reflect":
        if (n === 1) return values[0];
        return i < 0 ? at(-i) : at(2 * (n - 1) - i);
      case "symmetric":
        return i < 0 ? at(-i - 1) : at(2 * n - 1 - i);
      case "wrap":
        return i < 0 ? at(i + n) : at(i - n);
      default:
        throw new Error(`numpyPadVector: unknown mode ${String(mode)}`);
    }
  };
  const out: number[] = [];
  for (let i = -before; i < n + after; i++) out.push(at(i));
  return out;
}

/**
 * numpy.pad of an n-d array, one axis after the other as numpy does (later
 * axes pad the rows that earlier axes added), with one mode per axis.
 *
 * @example
 * numpyPad(naiveArray([2], [1, 2]), [[1, 2]], ["wrap"]).data; // [2, 1, 2, 1, 2]
 */
export function numpyPad(
  a: NaiveArray,
  widths: readonly (readonly [number, number])[],
  modes: readonly NaivePadMode[],
  padValue = 0,
): NaiveArray {
  let current = a;
  for (let axis = 0; axis < a.shape.length; axis++) {
    const [before, after] = widths[axis];
    const shape = [...current.shape];
    const n = shape[axis];
    const outShape = [...shape];
    outShape[axis] = n + before + after;
    const out = new Float64Array(product(outShape));
    const inStrides = rowMajorStrides(shape);
    const outStrides = rowMajorStrides(outShape);
    // every line along `axis`: the other coordinates fixed
    const lineShape = shape.map((s, d) => (d === axis ? 1 : s));
    for (let f = 0; f < product(lineShape); f++) {
      const idx = unravel(f, lineShape);
      const line: number[] = [];
      for (let i = 0; i < n; i++) line.push(current.data[flatIndex(idx, inStrides) + i * inStrides[axis]]);
      const padded = numpyPadVector(line, before, after, modes[axis], padValue);
      padded.forEach((v, i) => {
        out[flatIndex(idx, outStrides) + i * outStrides[axis]] = v;
      });
    }
    current = { shape: outShape, data: out };
  }
  return current;
}

/** numpy-style slicing `a[lo0:hi0, lo1:hi1, ...]` (bounds already in range). */
function cropNaive(a: NaiveArray, box: readonly (readonly [number, number])[]): NaiveArray {
  const shape = box.map(([lo, hi]) => hi - lo);
  const strides = rowMajorStrides(a.shape);
  const out = new Float64Array(product(shape));
  for (let f = 0; f < out.length; f++) {
    const idx = unravel(f, shape).map((i, d) => i + box[d][0]);
    out[f] = a.data[flatIndex(idx, strides)];
  }
  return { shape, data: out };
}

/**
 * The padded array a stencil reads its windows from: `x` padded with
 * numpy.pad by the positive parts of the padding, then cropped by the
 * negative parts. Window g starts at padded coordinate g·stride.
 */
function paddedInput(spec: NaiveSpec, x: NaiveArray): NaiveArray {
  const widths = spec.before.map((b, d) => [Math.max(0, b), Math.max(0, spec.after[d])] as [number, number]);
  const padded = numpyPad(x, widths, spec.padMode, spec.padValue);
  const box = padded.shape.map((n, d) => [Math.max(0, -spec.before[d]), n - Math.max(0, -spec.after[d])] as [number, number]);
  return cropNaive(padded, box);
}

/** The window at grid index g, read from an explicitly padded array (dilated cells). */
function windowOfPadded(spec: NaiveSpec, padded: NaiveArray, g: readonly number[]): NaiveArray {
  const strides = rowMajorStrides(padded.shape);
  const size = product(spec.kernelSize);
  const out = new Float64Array(size);
  for (let w = 0; w < size; w++) {
    const widx = unravel(w, spec.kernelSize);
    const coord = g.map((gi, d) => gi * spec.strides[d] + widx[d] * spec.dilation[d]);
    out[w] = padded.data[flatIndex(coord, strides)];
  }
  return { shape: [...spec.kernelSize], data: out };
}

/**
 * kmap, kscan, smap and sscan computed on an explicitly padded copy of the
 * input (numpyPad) instead of by mapping indices: an oracle independent of
 * padIndex. Scans pad their working array again before every window, so
 * border reads see the values earlier windows wrote. Kernels return scalars.
 *
 * @example
 * naivePaddedStencil("kmap", { kernelSize: 3, padding: "same", padMode: "wrap" }, (w) => w.data[0], x);
 */
export function naivePaddedStencil<A extends unknown[]>(
  kind: NaiveKind,
  options: NaiveOptions,
  kernel: (window: NaiveArray, ...args: A) => number,
  x: NaiveArray,
  ...args: A
): NaiveArray {
  const spec = resolveSpec(kind, options, x.shape);
  const scan = kind === "kscan" || kind === "sscan";
  const work = Float64Array.from(x.data);
  const strides = rowMajorStrides(spec.shape);
  const gridStrides = rowMajorStrides(spec.grid);
  const gridOut = new Float64Array(product(spec.grid));
  const inPlaceOut = Float64Array.from(x.data);
  let padded = paddedInput(spec, x);
  for (const g of gridOrder(spec)) {
    if (scan) padded = paddedInput(spec, { shape: spec.shape, data: work });
    const r = kernel(windowOfPadded(spec, padded, g), ...args);
    const centre = windowCentre(spec, g);
    gridOut[flatIndex(g, gridStrides)] = r;
    if (!inside(centre, spec.shape)) continue;
    if (scan) work[flatIndex(centre, strides)] = r;
    else inPlaceOut[flatIndex(centre, strides)] = r;
  }
  switch (kind) {
    case "kmap":
    case "kscan":
      return { shape: [...spec.grid], data: gridOut };
    case "smap":
      return { shape: [...spec.shape], data: inPlaceOut };
    case "sscan":
      return { shape: [...spec.shape], data: work };
    default:
      throw new Error(`unknown kind ${String(kind)}`);
  }
}
