/**
 * @file kernex with every public function wrapped in a mutation check, for
 * running the whole test suite under `mutation-guard.config.ts`: each call
 * records the caller's arguments (array values byte for byte, plain objects
 * and arrays deeply) before it runs and compares after; a difference throws,
 * naming the function and the argument. Returned functions (stencil
 * functions, meshes, jitted functions) and NDArray methods are checked too.
 */
import * as real from "../../../src/index";

type Snapshot = unknown;

/** Nesting below which values are not walked (a test feeds 100,000-deep arrays on purpose). */
const MAX_DEPTH = 256;

/** Everything observable about a value, cheaply: typed-array bytes are copied, objects walked. */
function snapshot(value: unknown, seen: Map<unknown, Snapshot> = new Map(), depth = 0): Snapshot {
  if (typeof value !== "object" || value === null) return value;
  if (seen.has(value)) return seen.get(value);
  if (depth > MAX_DEPTH) return "(deeper)";
  if (real.NDArray.isNDArray(value)) {
    const nd = value as real.NDArray;
    let bytes: Uint8Array | null = null;
    try {
      const d = nd.data;
      bytes = new Uint8Array(d.buffer, d.byteOffset, d.byteLength).slice();
    } catch {
      bytes = null; // a tracer: no values to compare
    }
    return { shape: [...nd.shape], dtype: nd.dtype, bytes };
  }
  if (ArrayBuffer.isView(value)) return { bytes: new Uint8Array(value.buffer, value.byteOffset, value.byteLength).slice() };
  const out: Record<string, Snapshot> = {};
  seen.set(value, out);
  if (value instanceof Map || value instanceof Set || value instanceof Date || value instanceof RegExp) return String(value);
  for (const key of Reflect.ownKeys(value)) {
    const d = Object.getOwnPropertyDescriptor(value, key);
    if (d && "value" in d) out[String(key)] = snapshot(d.value, seen, depth + 1);
  }
  return out;
}

function same(a: Snapshot, b: Snapshot): boolean {
  if (a instanceof Uint8Array && b instanceof Uint8Array) return a.length === b.length && a.every((v, i) => v === b[i]);
  if (typeof a !== "object" || a === null || typeof b !== "object" || b === null) return Object.is(a, b);
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => same((a as Record<string, Snapshot>)[k], (b as Record<string, Snapshot>)[k]));
}

/** Calls checked and mutations found in this worker (printed at exit). */
export const guardStats = { calls: 0, mutations: [] as string[] };

function check(name: string, args: readonly unknown[], before: readonly Snapshot[]): void {
  guardStats.calls++;
  args.forEach((a, i) => {
    if (!same(snapshot(a), before[i])) {
      const message = `mutation: ${name} changed its argument ${i}`;
      guardStats.mutations.push(message);
      throw new Error(message);
    }
  });
}

const wrapped = new WeakMap<Function, Function>();

/**
 * A function that checks its arguments around every call and wraps what it
 * returns; its own properties (`async`, `lower`, `set`, `at`) are copied, the
 * function-valued ones wrapped the same way.
 */
function guard<F extends Function>(name: string, fn: F): F {
  const hit = wrapped.get(fn);
  if (hit) return hit as F;
  const guarded = function (this: unknown, ...args: unknown[]): unknown {
    const before = args.map((a) => snapshot(a));
    let result: unknown;
    try {
      result = Reflect.apply(fn, this, args);
    } finally {
      check(name, args, before);
    }
    if (result instanceof Promise) {
      return result.then((v) => {
        check(`${name} (settled)`, args, before);
        return wrapResult(name, v);
      });
    }
    return result === fn ? guarded : wrapResult(name, result);
  };
  wrapped.set(fn, guarded);
  for (const key of Reflect.ownKeys(fn)) {
    if (key === "length" || key === "prototype" || key === "arguments" || key === "caller") continue;
    const d = Object.getOwnPropertyDescriptor(fn, key)!;
    if ("value" in d && typeof d.value === "function" && key !== "at") d.value = guard(`${name}.${String(key)}`, d.value as Function);
    Object.defineProperty(guarded, key, { ...d, configurable: true });
  }
  return guarded as unknown as F;
}

function wrapResult(name: string, v: unknown): unknown {
  return typeof v === "function" ? guard(`${name}(...)`, v) : v;
}

// NDArray methods take the caller's arrays as `this` and arguments.
for (const method of ["set", "slice", "reshape", "get", "item", "toArray", "add", "sub", "mul", "div", "pow", "neg", "sum", "mean", "max", "min"] as const) {
  const proto = real.NDArray.prototype as unknown as Record<string, Function>;
  const original = proto[method];
  if (typeof original !== "function") continue;
  proto[method] = function (this: unknown, ...args: unknown[]) {
    const all = [this, ...args];
    const before = all.map((a) => snapshot(a));
    try {
      return original.apply(this, args);
    } finally {
      check(`NDArray.${method}`, all, before);
    }
  };
}

const api: Record<string, unknown> = {};
for (const [key, value] of Object.entries(real)) {
  api[key] = typeof value === "function" && key !== "NDArray" && key !== "KernexError" ? guard(key, value) : value;
}

export const {
  KernexError, config, NDArray, array, zeros, ones, full, arange, linspace, slice,
  add, sub, mul, div, neg, pow, mod, exp, log, sin, cos, tan, tanh, sinh, cosh, asin, acos, atan, atan2,
  sqrt, cbrt, abs, sign, floor, ceil, round, trunc, log2, log10, log1p, expm1, isnan, isfinite, square, maximum, minimum,
  where, less, greater, lessEqual, greaterEqual, equal, notEqual, sum, mean, max, min, prod, stack,
  concatenate, transpose, reshape, flip, astype, broadcastTo, kmap, kscan, smap, sscan, makeIR, jit,
} = api as typeof real;
/** Transforms that may not be exported yet (grad, vmap, ...), passed through guarded when present. */
export const { grad, valueAndGrad, vjp, vmap, jvp } = api as Record<string, never>;
export type * from "../../../src/index";
