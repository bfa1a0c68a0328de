/**
 * @file kmap, kscan, smap and sscan: validate the call, trace each kernel
 * once per input signature, and bind one `stencil` equation whose params
 * carry the geometry and the kernel programs (one per mesh region).
 */
import { Program, Var } from "../../compiler/ir";
import { Prim, type Branch, type Region, type StencilParams } from "../../compiler/primitives";
import { abstractEval, stencilOutAvals } from "../../compiler/abstract-eval";
import { runStencilAsync } from "../core/eager";
import { bind, currentTrace, Tracer } from "../core/trace";
import { badValue, KernexError, show } from "../errors";
import { NDArray } from "../ndarray/ndarray";
import { checkArraySize } from "../ndarray/limits";
import { resolveSlices } from "../ndarray/slice-spec";
import { checkOptions, resolveOptions, type StencilKind, type StencilOptions } from "./options";
import { contentKey, frozenArgument } from "./frozen-args";
import { traceKernel } from "./trace-kernel";
import { capturesKey } from "../kernel/build-info";

/**
 * What a kernel receives: the window (and each extra argument), typed for
 * the source as written. kernex rewrites a kernel's operators to act on
 * traced values before running it, but TypeScript checks the source before
 * that rewrite, so a window is typed as all of what a kernel may do with it:
 * a number (so `x[0] + x[1]`, `2 * w`, `x ** 2`, `Math.sin(x[0])` and
 * comparisons compile), an NDArray (so `kex.sum(x)`, `kex.max(x * w)` and
 * `x.shape` compile), and indexable (`x[1][0]`, `x[-1]`, `x.at(1, 0)`,
 * `x.at("i+1", "j")`), each index giving another KernelValue. Array
 * functions return NDArrays, which TypeScript does not let operators take:
 * write `kex.div(kex.sum(x), 9)` or `kex.sum(x).div(9)` rather than
 * `kex.sum(x) / 9` (which runs, but does not type-check).
 *
 * @example
 * const diff: kex.Kernel = (x: kex.KernelValue) => x[1] - x[0];
 */
export type KernelValue = number &
  NDArray & {
    readonly [index: number]: KernelValue;
    /** Read a window cell by indices, or by named-axis expressions such as "i+1". */
    at(...index: readonly (number | string)[]): KernelValue;
  };

/**
 * A kernel: a function of the window and the extra call arguments,
 * `(window, ...args) => value`. It is not called per window: kernex parses
 * its source, rewrites operators to apply to traced values and calls it once
 * on a symbolic window, so it is written in a subset of JavaScript, described
 * in [the kernel language](../../docs/kernel-language.md): window reads
 * `x[i][j]`, `x.at(i, j)` or named `x.at("i+1", "j")`; `+ - * / % **`,
 * comparisons, `Math.*` and kernex's array functions; tests on window values
 * become per-cell selects; loops need fixed bounds. Variables from outside
 * the kernel come in as arguments or through `options.scope` (or the build
 * plugin). Unannotated parameters are
 * {@link KernelValue}s; the result is a value or an array of values.
 *
 * @example
 * const laplacian: kex.Kernel = (u) => u[1][0] + u[-1][0] + u[0][1] + u[0][-1] - 4 * u[0][0];
 * kex.kmap({ kernelSize: [3, 3], relative: true }, laplacian)(kex.ones([4, 4])).toArray(); // [[0, 0], [0, 0]]
 */
export type Kernel = (window: KernelValue, ...args: KernelValue[]) => unknown;

/**
 * One region assignment of a function mesh.
 *
 * @example
 * const entry: MeshEntry = { spec: "1:", kernel: (x) => x[0] ** 3 };
 */
export interface MeshEntry {
  /** numpy slice string over the input, addressing window centres; null: everywhere. */
  readonly spec: string | null;
  readonly kernel: Kernel;
}

/**
 * A stencil transform applied to arrays: what `kex.kmap(options, kernel)` returns.
 *
 * @example
 * const blur: kex.StencilFunction = kex.kmap({ kernelSize: 3, padding: "same" }, (x) => kex.mean(x));
 * blur(kex.array([0, 3, 0])).toArray(); // [1, 1, 1]
 * await blur.async(kex.array([0, 3, 0])); // the same values, sharded where the caller cannot block
 */
export interface StencilFunction {
  (x: NDArray, ...args: unknown[]): NDArray;
  /**
   * The same call, resolved asynchronously: the calling thread only waits,
   * so work is sharded even where it cannot block (a browser's main thread).
   */
  async(x: NDArray, ...args: unknown[]): Promise<NDArray>;
}

/**
 * Traces one stencil function keeps, by input signature (dtype, shape, extra
 * arguments, scope, mesh); the least recently used is dropped first. Each
 * holds kernel programs and captured arrays, so the bound keeps a function
 * called on many shapes from holding memory for all of them.
 */
export const TRACE_CACHE_SIZE = 64;

let nextObjectId = 0;
const objectIds = new WeakMap<object, number>();
function objectId(o: object): number {
  let id = objectIds.get(o);
  if (id === undefined) {
    id = nextObjectId++;
    objectIds.set(o, id);
  }
  return id;
}

/** A cache key part for a value that is baked into a trace; `copy` is what the kernel sees of it (frozen-args.ts). */
function valueKey(v: unknown, copy: unknown = v): string {
  if (v instanceof NDArray) return `a${v.dtype}[${v.shape.join(",")}]`;
  if (typeof v === "number") return `n${Object.is(v, -0) ? "-0" : String(v)}`;
  if (typeof v === "string") return `s${JSON.stringify(v)}`;
  if (typeof v === "boolean" || v === undefined || v === null) return String(v);
  if (typeof v === "object" && v !== null) {
    const content = contentKey(copy);
    if (content !== null) return `j${content}`;
  }
  if (typeof v === "object" || typeof v === "function") return `o${objectId(v as object)}`;
  return `?${String(v)}`;
}

/** A cache key part for a value from scope or a kernel's captures: arrays by identity (their traces capture them). */
function scopeValueKey(v: unknown): string {
  return v instanceof NDArray ? `o${objectId(v)}` : valueKey(v);
}

/** Scope values, and what the build plugin captured for the functions among them (their closures may change). */
function scopeKey(scope: Readonly<Record<string, unknown>> | undefined): string {
  if (!scope) return "";
  return Object.keys(scope)
    .sort()
    .map((k) => {
      const v = scope[k];
      return `${JSON.stringify(k)}=${scopeValueKey(v)}${typeof v === "function" ? `{${capturesKey(v, scopeValueKey)}}` : ""}`;
    })
    .join(";");
}

/** Resolve a mesh region spec against the input shape to a box of centres. */
function resolveRegion(kind: StencilKind, spec: string, shape: readonly number[]): Region {
  const axes = resolveSlices(spec, shape, `${kind}: function mesh region`);
  const start: number[] = [];
  const stop: number[] = [];
  const step: number[] = [];
  for (const a of axes) {
    if (a.count === 0) {
      start.push(0);
      stop.push(0);
      step.push(1);
      continue;
    }
    const lo = a.step > 0 ? a.start : a.start + (a.count - 1) * a.step;
    const st = Math.abs(a.step);
    start.push(lo);
    stop.push(lo + (a.count - 1) * st + 1);
    step.push(st);
  }
  return { start, stop, step };
}

interface Traced {
  readonly params: StencilParams;
  readonly captured: readonly NDArray[];
}

/** Give every branch program the same inputs: window, array args, union of captured values. */
function unifyBranches(kind: StencilKind, staged: { region: Region | null; program: Program; captured: readonly NDArray[]; nArgs: number }[]): { branches: Branch[]; captured: NDArray[] } {
  const union: NDArray[] = [];
  for (const s of staged) for (const c of s.captured) if (!union.includes(c)) union.push(c);
  const first = staged[0]!.program.outAvals[0]!;
  const branches = staged.map((s, b) => {
    const out = s.program.outAvals[0]!;
    if (out.shape.length !== first.shape.length || out.shape.some((d, i) => d !== first.shape[i])) {
      throw new KernexError(
        `${kind}: the kernels of a function mesh must return the same shape; kernel ${b} returns [${out.shape.join(", ")}] but kernel 0 returns [${first.shape.join(", ")}]`,
      );
    }
    const own = s.program.inputs.slice(0, s.nArgs);
    const capVars = union.map((c) => {
      const i = s.captured.indexOf(c);
      return i >= 0 ? s.program.inputs[s.nArgs + i]! : new Var({ shape: c.shape, dtype: c.dtype });
    });
    return { region: s.region, kernel: new Program([...own, ...capVars], s.program.eqns, s.program.outputs) };
  });
  return { branches, captured: union };
}

/**
 * Build the stencil function for a list of mesh entries (one entry with a
 * null spec for a plain kernel).
 *
 * @example
 * makeStencil("kmap", { kernelSize: 3 }, () => [{ spec: null, kernel: (x) => kex.sum(x) }]);
 */
export function makeStencil(kind: StencilKind, options: StencilOptions, entries: () => readonly MeshEntry[]): StencilFunction {
  // traces by input signature, least recently used first (see TRACE_CACHE_SIZE)
  const cache = new Map<string, Traced>();
  // scope values other than functions and arrays reach kernels as frozen copies too (see frozen-args.ts)
  const scope = options.scope === undefined ? undefined : Object.freeze(Object.fromEntries(Object.entries(options.scope).map(([k, v]) => [k, frozenArgument(v)])));
  const prepare = (x: NDArray, args: readonly unknown[]): { inputs: NDArray[]; params: StencilParams } => {
    if (!NDArray.isNDArray(x)) {
      return badValue(`${kind}: input`, x, "an NDArray (create one with kex.array(...))");
    }
    args.forEach((a, i) => {
      if (a instanceof NDArray && !NDArray.isNDArray(a)) badValue(`${kind}: argument ${i + 1}`, a, "an NDArray made by kernex, or any other value");
    });
    const list = entries();
    if (list.length === 0) {
      throw new KernexError(`${kind}: the function mesh has no kernels; assign one first, e.g. F.at[":"] = (x) => x[0]`);
    }
    // what the kernel sees of the extra arguments: frozen copies, so it cannot change the caller's objects
    const seen = args.map((a) => frozenArgument(a));
    const key = [x.dtype, x.shape.join(","), ...args.map((a, i) => valueKey(a, seen[i])), scopeKey(options.scope), ...list.map((e) => `${e.spec}|${objectId(e.kernel)}|${capturesKey(e.kernel, scopeValueKey)}`)].join("/");
    let traced = cache.get(key);
    if (traced !== undefined) {
      cache.delete(key);
      cache.set(key, traced);
    } else {
      const resolved = resolveOptions(kind, options, x.shape);
      const indexing = { kernelSize: resolved.spec.kernelSize, relative: resolved.relative, axisNames: resolved.axisNames };
      const scan = kind === "kscan" || kind === "sscan";
      const staged = list.map((e) => {
        const region = e.spec === null ? null : resolveRegion(kind, e.spec, x.shape);
        const s = traceKernel(e.kernel, { kind, indexing, dtype: x.dtype, args: seen, scope, scalarOnly: scan || kind === "smap" });
        return { region, program: s.program, captured: s.captured, nArgs: s.nArgs };
      });
      const { branches, captured } = unifyBranches(kind, staged);
      const nExtra = args.filter((a) => a instanceof NDArray).length + captured.length;
      traced = {
        params: { spec: resolved.spec, branches, nWindowed: 1, gridDims: new Array(nExtra).fill([]), reduceGrid: false },
        captured,
      };
      for (const out of stencilOutAvals([x, ...args.filter((a): a is NDArray => a instanceof NDArray), ...captured], traced.params)) {
        checkArraySize(`${kind}: result`, out.shape, out.dtype);
      }
      cache.set(key, traced);
      if (cache.size > TRACE_CACHE_SIZE) cache.delete(cache.keys().next().value!);
    }
    const arrayArgs = args.filter((a): a is NDArray => a instanceof NDArray);
    return { inputs: [x, ...arrayArgs, ...traced.captured], params: traced.params };
  };
  const apply = (x: NDArray, ...args: unknown[]): NDArray => {
    const { inputs, params } = prepare(x, args);
    return bind(Prim.Stencil, inputs, params)[0]!;
  };
  const applyAsync = async (x: NDArray, ...args: unknown[]): Promise<NDArray> => {
    const { inputs, params } = prepare(x, args);
    if (currentTrace() !== null || inputs.some((a) => a instanceof Tracer)) return bind(Prim.Stencil, inputs, params)[0]!;
    return (await runStencilAsync(Prim.Stencil, inputs, params, abstractEval(Prim.Stencil, inputs, params)))[0]!;
  };
  return Object.assign(apply, { async: applyAsync });
}

/**
 * A function mesh: kernels assigned to regions of the input with numpy
 * slice strings (`F.at["1:, 0"] = f`), the last assignment winning where
 * regions overlap. Calling it with an array applies it; calling it with a
 * function returns the plain stencil function of that kernel.
 *
 * @example
 * const F = kex.kmap({ kernelSize: 1 });
 * F.at["0"] = (x) => x[0] ** 2;
 * F.set("1:", (x) => x[0] ** 3);
 * F(kex.array([2, 2, 2])).toArray(); // [4, 8, 8]
 */
export interface FunctionMesh {
  // this order makes Parameters<FunctionMesh> (jit, vmap, grad of a mesh) the array call's
  (kernel: Kernel): StencilFunction;
  (x: NDArray, ...args: unknown[]): NDArray;
  /** Apply the mesh asynchronously (see StencilFunction.async). */
  async(x: NDArray, ...args: unknown[]): Promise<NDArray>;
  /** Assign kernels: `F.at["0"] = f; F.at["1:"] = g`. */
  readonly at: Record<string | number, Kernel>;
  /** Assign a kernel to a region; returns the mesh for chaining. */
  set(spec: string | number, kernel: Kernel): FunctionMesh;
}

/**
 * A function mesh with no kernels yet (`kex.kmap(options)` without a kernel).
 *
 * @example
 * const F = makeMesh("kscan", { kernelSize: 3 });
 */
export function makeMesh(kind: StencilKind, options: StencilOptions): FunctionMesh {
  const entries: MeshEntry[] = [];
  const apply = makeStencil(kind, options, () => entries);
  const add = (spec: unknown, kernel: unknown): void => {
    if (typeof spec !== "string" && typeof spec !== "number") badValue(`${kind}: function mesh region`, spec, 'a numpy slice string such as "1:, 0"');
    if (typeof kernel !== "function") badValue(`${kind}: function mesh kernel for region ${show(String(spec))}`, kernel, "a function of the window");
    entries.push({ spec: String(spec), kernel: kernel as Kernel });
  };
  const at = new Proxy({} as Record<string, Kernel>, {
    set(_target, key, value) {
      if (typeof key === "symbol") return badValue(`${kind}: function mesh region`, String(key), "a numpy slice string");
      add(key, value);
      return true;
    },
    get(_target, key) {
      throw new KernexError(`${kind}: function mesh regions are assigned, not read (F.at[${show(String(key))}] = kernel)`);
    },
  });
  const mesh = function (this: unknown, first: unknown, ...rest: unknown[]): unknown {
    if (typeof first === "function") {
      return makeStencil(kind, options, () => [{ spec: null, kernel: first as Kernel }]);
    }
    return apply(first as NDArray, ...rest);
  } as unknown as FunctionMesh;
  Object.defineProperty(mesh, "at", { value: at, enumerable: true });
  Object.defineProperty(mesh, "async", { value: apply.async });
  Object.defineProperty(mesh, "set", {
    value: (spec: string | number, kernel: Kernel) => {
      add(spec, kernel);
      return mesh;
    },
  });
  return mesh;
}

/** The shared body of kmap, kscan, smap and sscan: a mesh without a kernel, else the stencil function. */
function stencilTransform(kind: StencilKind, options: StencilOptions, kernel: Kernel | undefined): FunctionMesh | StencilFunction {
  const opts = checkOptions(kind, options);
  if (kernel === undefined) return makeMesh(kind, opts);
  if (typeof kernel !== "function") return badValue(`${kind}: kernel`, kernel, "a function of the window (and extra arguments)");
  return makeStencil(kind, opts, () => [{ spec: null, kernel }]);
}

/**
 * Apply a kernel to every window of an array, independently (the Python
 * kernex's `kmap`). The output has the grid's shape, `(n + before + after -
 * k) // stride + 1` per dim, plus the kernel result's shape if the kernel
 * returns an array (the window itself gives patches).
 *
 * @param options - window geometry: `kernelSize`, `strides`, `padding`,
 *   `dilation`, `padMode`/`padValue`, `relative`, `namedAxis`, `scope` (see
 *   {@link StencilOptions}); read once, when kmap is called.
 * @param kernel - `(window, ...extraArguments) => number | array`, written in
 *   the kernel language (plain operators, `Math.*`, kernex's array functions,
 *   selects; see [the kernel language](../../docs/kernel-language.md)).
 * @returns a function `(x, ...extraArguments) => NDArray`; extra arguments
 *   reach the kernel unchanged. It also has `.async(...)`.
 * @throws {@link KernexError} for a bad option (naming it, its value and what
 *   was expected), or a kernel that cannot be traced.
 *
 * @example
 * const sumAll = kex.kmap({ kernelSize: 3 }, (x) => kex.sum(x));
 * sumAll(kex.array([1, 2, 3, 4, 5])).toArray(); // [6, 9, 12]
 * const conv = kex.kmap({ kernelSize: [3, 3], padding: "same" }, (x, w) => kex.sum(x * w));
 * conv(kex.ones([4, 4]), kex.ones([3, 3])).shape; // [4, 4]
 */
// unannotated extra parameters are KernelValues; annotated ones (`(x, name: string) => ...`) keep their type
export function kmap<E extends unknown[] = KernelValue[]>(options: StencilOptions, kernel: (window: KernelValue, ...args: E) => unknown): StencilFunction;
/**
 * Without a kernel, `kmap(options)` returns a {@link FunctionMesh}: assign
 * kernels to regions of the input by numpy slice strings over the window
 * centres (`F.at["1:, 0"] = f`, the last assignment wins); cells no region
 * covers give 0.
 *
 * @param options - as for kmap with a kernel.
 * @returns an empty function mesh.
 *
 * @example
 * const F = kex.kmap({ kernelSize: 1 });
 * F.at["0"] = (x) => x[0] ** 2;
 * F.at["1:"] = (x) => x[0] ** 3;
 * F(kex.array([2, 2, 2])).toArray(); // [4, 8, 8]
 */
export function kmap(options: StencilOptions): FunctionMesh;
export function kmap(options: StencilOptions, kernel?: Kernel): FunctionMesh | StencilFunction {
  return stencilTransform("kmap", options, kernel);
}

/**
 * Visit windows one at a time in row-major order (the Python kernex's
 * `kscan`): each result is written into the array at the window's centre
 * cell before the next window is read, so later windows see updated values.
 * Kernels return numbers; the output is the results on the grid.
 *
 * @param options - as for {@link kmap}, plus `reverse` (visit windows in
 *   reverse row-major order).
 * @param kernel - `(window, ...extraArguments) => number`.
 * @returns a function `(x, ...extraArguments) => NDArray`.
 * @throws {@link KernexError} for a bad option or a kernel that cannot be traced.
 *
 * @example
 * const sumAll = kex.kscan({ kernelSize: 3 }, (x) => kex.sum(x));
 * sumAll(kex.array([1, 2, 3, 4, 5])).toArray(); // [6, 13, 22]
 */
// unannotated extra parameters are KernelValues; annotated ones (`(x, name: string) => ...`) keep their type
export function kscan<E extends unknown[] = KernelValue[]>(options: StencilOptions, kernel: (window: KernelValue, ...args: E) => unknown): StencilFunction;
/**
 * Without a kernel, `kscan(options)` returns a {@link FunctionMesh}; cells no
 * region covers keep their value.
 *
 * @param options - as for kscan with a kernel.
 * @returns an empty function mesh.
 *
 * @example
 * const F = kex.kscan({ kernelSize: 3, padding: "same", relative: true });
 * F.at["1:"] = (x) => x[-1] + x[0]; // a running sum; cell 0 keeps its value
 * F(kex.array([1, 1, 1])).toArray(); // [1, 2, 3]
 */
export function kscan(options: StencilOptions): FunctionMesh;
export function kscan(options: StencilOptions, kernel?: Kernel): FunctionMesh | StencilFunction {
  return stencilTransform("kscan", options, kernel);
}

/**
 * Like {@link kmap}, with windows positioned by `offset` instead of
 * `padding`: the output has the input's shape, and cells that are no
 * window's centre keep their input value.
 *
 * @param options - as for kmap, with `offset` (number, or per dim a number or
 *   `[before, after]`: windows start `before` cells from the start and stop
 *   `after` cells from the end) in place of `padding`.
 * @param kernel - `(window, ...extraArguments) => number`.
 * @returns a function `(x, ...extraArguments) => NDArray` of the input's shape.
 * @throws {@link KernexError} for a bad option or a kernel that cannot be traced.
 *
 * @example
 * kex.smap({ kernelSize: 3, offset: 1 }, (x) => kex.sum(x))(kex.array([1, 2, 3, 4, 5])).toArray(); // [1, 6, 9, 12, 5]
 */
// unannotated extra parameters are KernelValues; annotated ones (`(x, name: string) => ...`) keep their type
export function smap<E extends unknown[] = KernelValue[]>(options: StencilOptions, kernel: (window: KernelValue, ...args: E) => unknown): StencilFunction;
/**
 * Without a kernel, `smap(options)` returns a {@link FunctionMesh}.
 *
 * @param options - as for smap with a kernel.
 * @returns an empty function mesh.
 *
 * @example
 * const F = kex.smap({ kernelSize: 1 });
 * F.at["1:"] = (x) => -x[0];
 * F(kex.array([1, 2, 3])).toArray(); // [1, -2, -3]
 */
export function smap(options: StencilOptions): FunctionMesh;
export function smap(options: StencilOptions, kernel?: Kernel): FunctionMesh | StencilFunction {
  return stencilTransform("smap", options, kernel);
}

/**
 * Like {@link kscan}, with windows positioned by `offset` (see {@link smap});
 * the output has the input's shape.
 *
 * @param options - as for smap, plus `reverse`.
 * @param kernel - `(window, ...extraArguments) => number`.
 * @returns a function `(x, ...extraArguments) => NDArray` of the input's shape.
 * @throws {@link KernexError} for a bad option or a kernel that cannot be traced.
 *
 * @example
 * kex.sscan({ kernelSize: 3, offset: 1 }, (x) => kex.sum(x))(kex.array([1, 2, 3, 4, 5])).toArray(); // [1, 6, 13, 22, 5]
 */
// unannotated extra parameters are KernelValues; annotated ones (`(x, name: string) => ...`) keep their type
export function sscan<E extends unknown[] = KernelValue[]>(options: StencilOptions, kernel: (window: KernelValue, ...args: E) => unknown): StencilFunction;
/**
 * Without a kernel, `sscan(options)` returns a {@link FunctionMesh}.
 *
 * @param options - as for sscan with a kernel.
 * @returns an empty function mesh.
 *
 * @example
 * const F = kex.sscan({ kernelSize: 3, offset: 1, relative: true });
 * F.at[":"] = (x) => x[-1] + x[0]; // a running sum over the cells offset 1 leaves
 * F(kex.array([1, 1, 1, 1])).toArray(); // [1, 2, 3, 1]
 */
export function sscan(options: StencilOptions): FunctionMesh;
export function sscan(options: StencilOptions, kernel?: Kernel): FunctionMesh | StencilFunction {
  return stencilTransform("sscan", options, kernel);
}
