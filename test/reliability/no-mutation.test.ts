/**
 * @file No call modifies what the caller passed in: a corpus of calls
 * (kmap/kscan/smap/sscan, meshes, extra arguments, scope, jit, makeIR, the
 * array functions, creation, set/slice/reshape) runs on deeply frozen option
 * objects, frozen kernels, frozen nested arrays and frozen NDArray objects,
 * and the values of every array passed in (`.data`, which cannot be frozen)
 * are compared before and after. Run with codegen on and off, synchronously
 * and through `.async`.
 */
import { afterEach, describe, expect, it } from "vitest";
import * as kex from "kernex";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

/** Freeze plain objects, arrays, functions and NDArray objects, recursively (typed arrays cannot be frozen). */
function deepFreeze<T>(value: T, seen = new Set<unknown>()): T {
  if ((typeof value !== "object" && typeof value !== "function") || value === null || seen.has(value)) return value;
  seen.add(value);
  if (ArrayBuffer.isView(value)) return value;
  for (const key of Reflect.ownKeys(value as object)) {
    const d = Object.getOwnPropertyDescriptor(value as object, key);
    if (d && "value" in d) deepFreeze(d.value, seen);
  }
  return Object.freeze(value);
}

/** A deep copy of everything observable about a value: NDArray shape/dtype/values, typed-array contents, object entries. */
function snapshot(value: unknown, seen = new Map<unknown, unknown>()): unknown {
  if (typeof value !== "object" || value === null) return typeof value === "function" ? `fn:${value.name}` : value;
  if (seen.has(value)) return seen.get(value);
  if (value instanceof kex.NDArray) return { ndarray: true, shape: [...value.shape], dtype: value.dtype, data: Array.from(value.data) };
  if (ArrayBuffer.isView(value)) return { typed: value.constructor.name, data: Array.from(value as unknown as ArrayLike<number>) };
  const out: Record<string, unknown> = {};
  seen.set(value, out);
  for (const key of Reflect.ownKeys(value)) out[String(key)] = snapshot((value as Record<PropertyKey, unknown>)[key], seen);
  out["[[proto]]"] = Object.getPrototypeOf(value) === Object.prototype ? "Object" : Array.isArray(value) ? "Array" : "other";
  return out;
}

interface CorpusCall {
  readonly name: string;
  /** Builds the frozen inputs and a call on them. */
  readonly make: () => { inputs: unknown[]; call: () => unknown };
}

const sum = (w: Loose) => kex.sum(w);

function inputs() {
  const x = kex.arange(30).reshape([5, 6]);
  const x1 = kex.array([1, -2, 3, NaN, 5, Infinity, -7]);
  const x32 = kex.array(new Float32Array([1, 2, 3, 4, 5, 6]), { shape: [2, 3] });
  const w = kex.array([[0.5, 1, 0.5], [1, -6, 1], [0.5, 1, 0.5]]);
  return { x, x1, x32, w };
}

const corpus: CorpusCall[] = [
  {
    name: "kmap with every option",
    make: () => {
      const { x, w } = inputs();
      const c = kex.array([2]);
      const options = deepFreeze({ kernelSize: [3, 3], strides: [1, 2], dilation: [1, 1], padding: [[1, 1], "same"], padMode: ["edge", "wrap"], padValue: 0, relative: true, namedAxis: { 0: "n", 1: "i" }, scope: { c, k: 3, helper: (a: Loose) => a * 2 } } as const);
      const kernel = deepFreeze((u: Loose, ww: Loose) => helper(u.at("n", "i")) + (kex.sum(u * ww) as Loose) * k + (kex.sum(c) as Loose));
      return { inputs: [x, w, c, options, kernel], call: () => kex.kmap(options as Loose, kernel)(x, w) };
    },
  },
  {
    name: "kmap returning the window (patches) and a nested array argument",
    make: () => {
      const { x1 } = inputs();
      const weights = deepFreeze([1, 2, 3]);
      const options = deepFreeze({ kernelSize: 3, padding: "same", padMode: "reflect" });
      const kernel = deepFreeze((u: Loose, ws: Loose) => [u[0] * ws[0], u[1], u[2]]);
      return { inputs: [x1, weights, options, kernel], call: () => kex.kmap(options as Loose, kernel)(x1, weights) };
    },
  },
  {
    name: "kscan, reverse",
    make: () => {
      const { x } = inputs();
      const options = deepFreeze({ kernelSize: [3, 3], padding: "same", reverse: true });
      return { inputs: [x, options], call: () => kex.kscan(options as Loose, sum)(x) };
    },
  },
  {
    name: "smap and sscan with per-dim offsets",
    make: () => {
      const { x } = inputs();
      const o1 = deepFreeze({ kernelSize: [3, 3], offset: [[1, 1], [1, 0]] });
      const o2 = deepFreeze({ kernelSize: [3, 3], offset: [1, [0, 1]], padMode: "symmetric" });
      return { inputs: [x, o1, o2], call: () => [kex.smap(o1 as Loose, sum)(x), kex.sscan(o2 as Loose, (u: Loose) => u[1][1] + 0.5 * u[0][1])(x)] };
    },
  },
  {
    name: "function meshes, kscan and kmap",
    make: () => {
      const { x } = inputs();
      const options = deepFreeze({ kernelSize: 3, padding: "same" });
      const interior = deepFreeze((u: Loose) => u[0][0] + u[2][2]);
      const border = deepFreeze((u: Loose) => u[1][1]);
      return {
        inputs: [x, options, interior, border],
        call: () => {
          const F = kex.kmap(options as Loose);
          F.at[":"] = border;
          F.at["1:-1, 1:-1"] = interior;
          const G = kex.kscan(options as Loose).set("::2", interior).set("1::2", border);
          return [F(x), G(x), F(interior)(x)];
        },
      };
    },
  },
  {
    name: "float32 inputs",
    make: () => {
      const { x32 } = inputs();
      const options = deepFreeze({ kernelSize: [1, 2] });
      return { inputs: [x32, options], call: () => [kex.kmap(options as Loose, sum)(x32), kex.kscan(options as Loose, sum)(x32), kex.mean(x32), kex.astype(x32, "float64")] };
    },
  },
  {
    name: "jit of a stencil, its lowering, makeIR",
    make: () => {
      const { x, w } = inputs();
      const options = deepFreeze({ kernelSize: [3, 3], padding: "same" });
      const conv = kex.kmap(options as Loose, (u: Loose, ww: Loose) => kex.sum(u * ww));
      const f = deepFreeze((a: kex.NDArray, b: kex.NDArray) => kex.add(conv(a, b), kex.sum(a)));
      return { inputs: [x, w, options], call: () => [kex.jit(f)(x, w), kex.jit(f).lower(x, w), kex.makeIR(f)(x, w).toString()] };
    },
  },
  {
    name: "array functions on nested frozen arrays",
    make: () => {
      const { x, x1 } = inputs();
      const nested = deepFreeze([[1, 2, 3, 4, 5, 6]]);
      const axis = deepFreeze({ axis: [0], keepdims: true });
      const perm = deepFreeze([1, 0]);
      const shape = deepFreeze([6, 5]);
      const list = deepFreeze([x, x]);
      return {
        inputs: [x, x1, nested, axis, perm, shape, list],
        call: () => [
          kex.add(x, nested), kex.mul(nested, x), kex.where(kex.greater(x, 10), x, nested), kex.sum(x, axis), kex.mean(x, axis), kex.max(x1), kex.min(x1),
          kex.prod(x, axis), kex.stack(list), kex.concatenate(list, 1), kex.transpose(x, perm), kex.reshape(x, shape), kex.flip(x, [0]), kex.broadcastTo(x1, [2, 7]),
          kex.maximum(x1, 0), kex.square(x1), kex.exp(x1), kex.equal(x1, x1),
        ],
      };
    },
  },
  {
    name: "creation from frozen data and options",
    make: () => {
      const nested = deepFreeze([[1, 2], [3, 4]]);
      const typed = new Float64Array([1, 2, 3, 4, 5, 6]);
      const options = deepFreeze({ shape: [2, 3], dtype: "float32" } as const);
      const shape = deepFreeze([2, 2]);
      const { x } = inputs();
      return { inputs: [nested, typed, options, shape, x], call: () => [kex.array(nested), kex.array(typed, options), kex.zeros(shape), kex.full(shape, 3), kex.array(x, { dtype: "float32" })] };
    },
  },
  {
    name: "set, slice, reshape, get",
    make: () => {
      const { x } = inputs();
      const spec = deepFreeze([kex.slice(1, null, 2), kex.slice(null, null, -1)]);
      const value = deepFreeze([9, 8, 7, 6, 5, 4]);
      const shape = deepFreeze([3, 10]);
      return { inputs: [x, spec, value, shape], call: () => [x.with("0, :", value), x.with(spec, -1), x.slice(spec), x.slice("1:-1, ::2"), x.reshape(shape), x.get(1, 2), x.with("...", 0)] };
    },
  },
];

const grad = (kex as unknown as { grad?: (f: unknown, argnums?: unknown) => (...a: unknown[]) => unknown }).grad;
const vmap = (kex as unknown as { vmap?: (f: unknown, inAxes?: unknown) => (...a: unknown[]) => unknown }).vmap;
if (typeof grad === "function" && typeof vmap === "function") {
  corpus.push({
    name: "grad and vmap of a stencil",
    make: () => {
      const { x, w } = inputs();
      const options = deepFreeze({ kernelSize: [3, 3], padding: "same", padMode: "edge" });
      const conv = kex.kmap(options as Loose, (u: Loose, ww: Loose) => kex.sum(u * ww));
      const loss = deepFreeze((a: kex.NDArray, b: kex.NDArray) => kex.sum(kex.square(conv(a, b))));
      const inAxes = deepFreeze([0, null]);
      const rows = kex.kmap(deepFreeze({ kernelSize: 3 }) as Loose, sum);
      return { inputs: [x, w, options, inAxes], call: () => [grad(loss, [0, 1])(x, w), vmap(rows, inAxes)(x, w)] };
    },
  });
}

afterEach(() => {
  kex.config({ codegen: true });
});

describe.each([true, false])("codegen: %s", (codegen) => {
  it.each(corpus.map((c) => [c.name, c] as const))("%s leaves its inputs unchanged", (_name, entry) => {
    kex.config({ codegen });
    const { inputs: given, call } = entry.make();
    for (const v of given) if (v instanceof kex.NDArray) Object.freeze(v);
    const before = snapshot(given);
    call();
    expect(snapshot(given)).toEqual(before);
    // a second call (cached traces and compiled code) must not either
    call();
    expect(snapshot(given)).toEqual(before);
  });
});

describe("async calls", () => {
  it("stencil .async and jit .async leave their inputs unchanged", async () => {
    const { x, w } = inputs();
    const options = deepFreeze({ kernelSize: [3, 3], padding: "same" });
    const f = kex.kmap(options as Loose, (u: Loose, ww: Loose) => kex.sum(u * ww));
    const s = kex.kscan(options as Loose, sum);
    const before = snapshot([x, w, options]);
    await f.async(x, w);
    await s.async(x);
    await kex.jit((a: kex.NDArray, b: kex.NDArray) => f(a, b)).async(x, w);
    expect(snapshot([x, w, options])).toEqual(before);
  });

  it("large sharded kscan leaves its input unchanged", () => {
    const x = kex.array(Float64Array.from({ length: 512 * 512 }, (_, i) => Math.sin(i)), { shape: [512, 512] });
    const copy = Float64Array.from(x.data);
    kex.kscan({ kernelSize: [3, 3], padding: "same" }, (u: Loose) => 0.25 * (u[0][1] + u[1][0] + u[1][2] + u[2][1]))(x);
    kex.sscan({ kernelSize: [3, 3], offset: 1 }, (u: Loose) => 0.25 * (u[0][1] + u[1][0] + u[1][2] + u[2][1]))(x);
    expect(x.data).toEqual(copy);
  });
});

// kernels above read these from options.scope
declare const helper: (a: unknown) => number;
declare const k: number;
declare const c: kex.NDArray;
