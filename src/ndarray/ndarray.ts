/**
 * @file NDArray, kernex's array: a shape, a dtype and row-major typed-array
 * data, with functional updates. (Tracer, the NDArray stand-in that a
 * transform passes to the function it traces, lives in core/trace.ts.)
 */
import { sizeOf } from "../../compiler/ir";
import type { Storage } from "./storage";
import type { DType } from "../../compiler/primitives";
import type * as Ops from "../core/ops";
import type * as Slicing from "../core/slicing";
import { KernexError } from "../errors";
import { formatArray } from "./format";
import type { Slice } from "./slice-spec";

/** Node's `util.inspect.custom`, by its registered name (no node:util import, so browser bundles stay free of it). */
const inspectCustom: unique symbol = Symbol.for("nodejs.util.inspect.custom");

/**
 * Objects that stand for an array (such as a kernel's window view) expose
 * their array value under this key; array functions accept them.
 *
 * @example
 * const view = { [asArray]: () => kex.ones([2]) };
 * kex.sum(view as unknown as kex.NDArray).item(); // 2
 */
export const asArray: unique symbol = Symbol("kernex.asArray");

/**
 * What array functions accept: an array, a number, or nested number arrays.
 *
 * @example
 * kex.add(kex.ones([2]), [[1, 2], [3, 4]]).toArray(); // [[2, 3], [4, 5]]
 */
export type ArrayInput = NDArray | number | readonly ArrayInput[];

/**
 * What `toArray()` returns: nested arrays of numbers, as deep as the array
 * has axes (a number for a 0-d array). TypeScript cannot know the depth, so
 * every level is typed as both a number and an array of the next level:
 * `a.toArray()[0][1]` is a number without a cast, and the result can be
 * assigned to `number[][]` (or `number`) as the shape says.
 *
 * @example
 * const m: number[][] = kex.ones([2, 2]).toArray();
 * const v: number = kex.ones([2, 2]).toArray()[0][1]; // 1
 */
export type NestedArray = number & NestedArrayItems;

/**
 * The array side of {@link NestedArray}: its items are NestedArrays.
 *
 * @example
 * const rows: kex.NestedArrayItems = kex.ones([2, 2]).toArray();
 */
export interface NestedArrayItems extends Array<NestedArray> {}

/**
 * A slice spec: a numpy slice string such as `"1:-1, ::2"`, or one entry per axis.
 *
 * @example
 * kex.arange(6).slice("::2").toArray(); // [0, 2, 4]
 * kex.arange(6).slice([kex.slice(null, null, -2)]).toArray(); // [5, 3, 1]
 */
export type SliceSpec = string | ReadonlyArray<number | Slice>;

/**
 * The array functions behind NDArray's methods (`x.add(y)` is `kex.add(x, y)`).
 * They live in core/ops.ts, which builds NDArrays and so imports this file;
 * ops.ts registers them here once, when it loads, so that this file needs no
 * import of ops.ts at run time (the two would import each other).
 */
export type ArrayMethods = Pick<typeof Ops, "reshape" | "add" | "sub" | "mul" | "div" | "pow" | "neg" | "sum" | "mean" | "max" | "min"> & Pick<typeof Slicing, "slice" | "setSlice">;

const methods: Partial<ArrayMethods> = {};

/**
 * Give NDArray its methods; called once by core/ops.ts and core/slicing.ts
 * when they load (they import this module, so it cannot import them).
 *
 * @example
 * registerArrayMethods({ slice, setSlice });
 */
export function registerArrayMethods(fns: Partial<ArrayMethods>): void {
  Object.assign(methods, fns);
}

/** The array function behind method `name`. */
function method<K extends keyof ArrayMethods>(name: K): ArrayMethods[K] {
  const fn = methods[name];
  if (fn === undefined) throw new Error(`NDArray.${name}: the array functions (src/core/ops.ts, src/core/slicing.ts) are not loaded; import kernex before calling it`);
  return fn as ArrayMethods[K];
}

/**
 * An n-dimensional array of float64 (default) or float32 values.
 *
 * @example
 * const x = kex.array([[1, 2], [3, 4]]);
 * x.shape; // [2, 2]
 * x.get(1, 0); // 3
 */
export class NDArray {
  /** Length of each axis. */
  readonly shape: readonly number[];
  /** Element type. */
  readonly dtype: DType;
  private storage: Storage | null;
  /** Where this array was donated (see donateStorage), or null. */
  #donatedAt: string | null = null;
  /** Set by the constructor only: tells real arrays from objects that merely share the prototype. */
  readonly #constructed = true;

  /** Wrap row-major storage (not copied); user code creates arrays with `kex.array` and friends. */
  constructor(shape: readonly number[], dtype: DType, data: Storage | null) {
    this.shape = Object.freeze([...shape]);
    this.dtype = dtype;
    this.storage = data;
  }

  /**
   * Is `x` an array built by kernex? `instanceof` alone also accepts objects
   * made with `Object.create(NDArray.prototype)`, which have no shape or data.
   *
   * @example
   * NDArray.isNDArray(kex.ones([2])); // true
   * NDArray.isNDArray(Object.create(kex.NDArray.prototype)); // false
   */
  static isNDArray(x: unknown): x is NDArray {
    return typeof x === "object" && x !== null && #constructed in x;
  }

  /** A 0-d array. */
  static scalar(value: number, dtype: DType = "float64"): NDArray {
    const data = dtype === "float32" ? new Float32Array(1) : new Float64Array(1);
    data[0] = value;
    return new NDArray([], dtype, data);
  }

  /** The row-major typed array holding the values. */
  get data(): Storage {
    if (this.#donatedAt !== null) {
      throw new KernexError(`this array was donated to ${this.#donatedAt}: its buffer may hold a result now; use that call's result instead (or do not donate the argument)`);
    }
    return this.storage!;
  }

  /**
   * Give up this array's buffer (jit's `donate`, see transforms/donate.ts):
   * reading the array afterwards is a KernexError naming `where`. Returns
   * the buffer, or null when the array holds none (a tracer) or was
   * donated already.
   *
   * @internal
   */
  donateStorage(where: string): Storage | null {
    if (this.#donatedAt !== null || this.storage === null) return null;
    const s = this.storage;
    this.#donatedAt = where;
    this.storage = null;
    return s;
  }

  /** Number of elements. */
  get size(): number {
    return sizeOf(this.shape);
  }

  /** Number of dimensions. */
  get ndim(): number {
    return this.shape.length;
  }

  /**
   * Nested JavaScript arrays (a number for a 0-d array).
   *
   * @example
   * kex.arange(4).reshape([2, 2]).toArray(); // [[0, 1], [2, 3]]
   * kex.arange(4).reshape([2, 2]).toArray()[1][0]; // 2
   */
  toArray(): NestedArray {
    const data = this.data;
    const build = (d: number, offset: number, stride: number): number | unknown[] => {
      if (d === this.shape.length) return data[offset]!;
      const n = this.shape[d]!;
      const inner = stride / n;
      const out: unknown[] = [];
      for (let i = 0; i < n; i++) out.push(build(d + 1, offset + i * inner, inner));
      return out;
    };
    return build(0, 0, this.size) as NestedArray;
  }

  /** The value of a 0-d or one-element array. */
  item(): number {
    if (this.size !== 1) throw new KernexError(`item(): got an array of shape [${this.shape.join(", ")}], expected exactly one element`);
    return this.data[0]!;
  }

  /** The element at an index (negative indices count from the end). */
  get(...index: number[]): number {
    if (index.length !== this.ndim) {
      throw new KernexError(`get(): got ${index.length} indices, expected ${this.ndim} for shape [${this.shape.join(", ")}]`);
    }
    let f = 0;
    for (let d = 0; d < index.length; d++) {
      const n = this.shape[d]!;
      const raw = index[d]!;
      const i = raw < 0 ? raw + n : raw;
      if (!Number.isInteger(raw) || i < 0 || i >= n) {
        throw new KernexError(`get(): index ${raw} on axis ${d}: expected an integer in [${-n}, ${n})`);
      }
      f = f * n + i;
    }
    return this.data[f]!;
  }

  /** Same data, new shape (one entry may be -1). */
  reshape(shape: readonly number[]): NDArray {
    return method("reshape")(this, shape);
  }

  /** numpy-style slicing; an integer entry drops its axis. */
  slice(spec: SliceSpec): NDArray {
    return method("slice")(this, spec);
  }

  /**
   * A new array with the sliced cells replaced; this array is unchanged
   * (like `Array.prototype.with` and JAX's `x.at[i].set(v)`).
   *
   * @example
   * const x = kex.zeros([3]);
   * x.with("1:", 7).toArray(); // [0, 7, 7]
   * x.toArray(); // [0, 0, 0]
   */
  with(spec: SliceSpec, value: ArrayInput): NDArray {
    return method("setSlice")(this, spec, value);
  }

  /**
   * Removed: arrays are immutable, and in JavaScript `set` means mutation.
   * Always throws a KernexError pointing to {@link NDArray.with}, which
   * returns the updated copy.
   *
   * @deprecated use `x.with(spec, value)`
   */
  set(spec: SliceSpec, _value?: ArrayInput): never {
    throw new KernexError(
      `set(${JSON.stringify(typeof spec === "string" ? spec : String(spec))}, ...): NDArray has no set(); arrays are immutable: ` +
        "use x.with(spec, value), which returns a new array with those cells replaced",
    );
  }

  /** `kex.add(this, y)`. */
  add(y: ArrayInput): NDArray {
    return method("add")(this, y);
  }
  /** `kex.sub(this, y)`. */
  sub(y: ArrayInput): NDArray {
    return method("sub")(this, y);
  }
  /** `kex.mul(this, y)`. */
  mul(y: ArrayInput): NDArray {
    return method("mul")(this, y);
  }
  /** `kex.div(this, y)`. */
  div(y: ArrayInput): NDArray {
    return method("div")(this, y);
  }
  /** `kex.pow(this, y)`. */
  pow(y: ArrayInput): NDArray {
    return method("pow")(this, y);
  }
  /** `kex.neg(this)`. */
  neg(): NDArray {
    return method("neg")(this);
  }
  /** `kex.sum(this, options)`. */
  sum(options?: Ops.AxisOptions): NDArray {
    return method("sum")(this, options);
  }
  /** `kex.mean(this, options)`. */
  mean(options?: Ops.AxisOptions): NDArray {
    return method("mean")(this, options);
  }
  /** `kex.max(this, options)`. */
  max(options?: Ops.AxisOptions): NDArray {
    return method("max")(this, options);
  }
  /** `kex.min(this, options)`. */
  min(options?: Ops.AxisOptions): NDArray {
    return method("min")(this, options);
  }

  /**
   * The array as numpy prints it (its `repr`), with the dtype: rows on their
   * own lines, and more than 1000 elements abbreviated with `...`.
   *
   * @example
   * String(kex.arange(4).reshape([2, 2])); // "array([[0., 1.],\n       [2., 3.]], dtype=float64)"
   */
  toString(): string {
    return formatArray(this.shape, this.dtype, this.data);
  }

  /** What Node's `console.log` and `util.inspect` show: the same text as toString. */
  [inspectCustom](): string {
    return this.toString();
  }
}
