/**
 * @file What the array functions (src/core/ops.ts) share and do not export
 * to users: operand checks and conversion, numpy broadcasting of shapes,
 * dtype promotion, and `publicNames`, the public name of every elementwise
 * primitive and reduction (for messages, and for the `Math` functions
 * kernels trace, src/kernel/kernel-ops.ts). src/core/ops.ts holds only
 * public functions, so the public index and the kernels' `kex` take all of
 * its exports without a copied list.
 */
import { Prim, type BinaryPrim, type DType, type ReducePrim, type UnaryPrim } from "../../compiler/primitives";
import { badValue, KernexError } from "../errors";
import { nestedArray } from "../ndarray/creation";
import { promote } from "../ndarray/dtype";
import { asArray, NDArray, type ArrayInput } from "../ndarray/ndarray";
import { bind } from "./trace";

/**
 * A checked operand of an array function: an array, or a number for a literal.
 *
 * @example
 * const v: Operand = 2;
 */
export type Operand = NDArray | number;

/**
 * Check and convert an argument of an array function: arrays, numbers,
 * booleans (1 or 0), nested arrays and array-like views; anything else is a
 * KernexError naming `what`.
 *
 * @example
 * operand([1, 2], "add"); // an NDArray of shape [2]
 */
export function operand(x: ArrayInput, what: string): Operand {
  if (x instanceof NDArray) {
    if (!NDArray.isNDArray(x)) return badValue(what, x, "an NDArray made by kernex (kex.array(...)), a number or nested arrays of numbers");
    return x;
  }
  if (typeof x === "number") return x;
  if (Array.isArray(x)) return nestedArray(x, what);
  if (typeof x === "boolean") return x ? 1 : 0;
  if (typeof x === "object" && x !== null && asArray in x) return (x as { [asArray](): NDArray })[asArray]();
  return badValue(what, x, "an NDArray, a number or nested arrays of numbers");
}

/**
 * The shape of an operand ([] for a number).
 *
 * @example
 * shapeOf(2); // []
 */
export function shapeOf(x: Operand): readonly number[] {
  return typeof x === "number" ? [] : x.shape;
}

/**
 * numpy broadcasting of two shapes.
 *
 * @example
 * broadcastShapes([2, 1], [3]); // [2, 3]
 */
export function broadcastShapes(a: readonly number[], b: readonly number[], what = "broadcast"): number[] {
  const n = Math.max(a.length, b.length);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const da = a[a.length - n + i] ?? 1;
    const db = b[b.length - n + i] ?? 1;
    if (da !== db && da !== 1 && db !== 1) {
      throw new KernexError(`${what}: shapes [${a.join(", ")}] and [${b.join(", ")}] cannot be broadcast together (axis ${i}: ${da} vs ${db})`);
    }
    out[i] = da === 1 ? db : da;
  }
  return out;
}

/**
 * numpy's broadcast_to rule: `from` must broadcast to exactly `to` (not to something larger).
 *
 * @example
 * checkBroadcastTo([3], [2, 3], "with: value"); // passes; [2, 3] to [3] throws
 */
export function checkBroadcastTo(from: readonly number[], to: readonly number[], what: string): void {
  const out = broadcastShapes(from, to, what);
  if (out.length !== to.length || out.some((d, i) => d !== to[i])) {
    throw new KernexError(`${what}: shape [${from.join(", ")}] cannot be broadcast to [${to.join(", ")}]`);
  }
}

/**
 * An operand converted to `dtype` (numbers stay numbers).
 *
 * @example
 * convert(kex.ones([2]), "float32").dtype; // "float32"
 */
export function convert(x: Operand, dtype: DType): Operand {
  if (typeof x === "number" || x.dtype === dtype) return x;
  return bind(Prim.Convert, [x], { dtype })[0]!;
}


/**
 * The dtype of an operation on `xs`: the promotion of the arrays' dtypes (float64 when all are numbers).
 *
 * @example
 * resultDType([kex.ones([2], "float32"), 2]); // "float32"
 */
export function resultDType(xs: readonly Operand[]): DType {
  let dt: DType | null = null;
  for (const x of xs) if (typeof x !== "number") dt = dt === null ? x.dtype : promote(dt, x.dtype);
  return dt ?? "float64";
}

/**
 * `v` broadcast to `shape` as an array of dtype `dt` (numbers become
 * literals or broadcast literals); `v`'s shape must broadcast to `shape`.
 *
 * @example
 * broadcastValue(1, [2, 2], "float64").toArray(); // [[1, 1], [1, 1]]
 */
export function broadcastValue(v: Operand, shape: readonly number[], dt: DType): NDArray {
  if (typeof v === "number") {
    if (shape.length === 0) return NDArray.scalar(v, dt);
    return bind(Prim.Broadcast, [v], { shape: [...shape] }, dt)[0]!;
  }
  if (v.shape.length === shape.length && v.shape.every((d, i) => d === shape[i])) return v;
  checkBroadcastTo(v.shape, shape, "broadcastTo");
  return bind(Prim.Broadcast, [v], { shape: [...shape] })[0]!;
}

/**
 * An operand of an elementwise operation of `shape` and `dtype`: converted
 * and broadcast (a number stays a literal for 0-d).
 *
 * @example
 * broadcastOperand(2, [3], "float64"); // a broadcast literal of shape [3]
 */
export function broadcastOperand(x: Operand, shape: readonly number[], dtype: DType): Operand {
  if (typeof x === "number" && shape.length === 0) return x;
  return broadcastValue(convert(x, dtype), shape, dtype);
}

/**
 * The public function of a unary primitive: check the operand, bind.
 *
 * @example
 * applyUnary(Prim.Sin, [0]).toArray(); // [0] (kex.sin)
 */
export function applyUnary(prim: UnaryPrim, x: ArrayInput): NDArray {
  const v = operand(x, publicNames[prim]);
  const arr = typeof v === "number" ? NDArray.scalar(v) : v;
  return bind(prim, [arr], {})[0]!;
}

/**
 * The public function of a binary primitive: check the operands, promote
 * dtypes, broadcast (numpy rules), bind.
 *
 * @example
 * applyBinary(Prim.Add, [1, 2], 10).toArray(); // [11, 12] (kex.add)
 */
export function applyBinary(prim: BinaryPrim, x: ArrayInput, y: ArrayInput): NDArray {
  const name = publicNames[prim];
  const a = operand(x, name);
  const b = operand(y, name);
  const dtype = resultDType([a, b]);
  const shape = broadcastShapes(shapeOf(a), shapeOf(b), name);
  let aa = broadcastOperand(a, shape, dtype);
  const bb = broadcastOperand(b, shape, dtype);
  if (typeof aa === "number" && typeof bb === "number") aa = NDArray.scalar(aa, dtype);
  return bind(prim, [aa, bb], {})[0]!;
}

/**
 * The public array function of every elementwise primitive and reduction
 * (src/core/ops.ts), by name: messages say `lessEqual`, not `le`, and a
 * unary or binary primitive whose name is a `Math` function is that function
 * inside kernels.
 *
 * @example
 * publicNames[Prim.Le]; // "lessEqual"
 */
export const publicNames: { readonly [P in UnaryPrim | BinaryPrim | ReducePrim]: string } = {
  [Prim.Neg]: "neg",
  [Prim.Exp]: "exp",
  [Prim.Log]: "log",
  [Prim.Sin]: "sin",
  [Prim.Cos]: "cos",
  [Prim.Tan]: "tan",
  [Prim.Tanh]: "tanh",
  [Prim.Sinh]: "sinh",
  [Prim.Cosh]: "cosh",
  [Prim.Asin]: "asin",
  [Prim.Acos]: "acos",
  [Prim.Atan]: "atan",
  [Prim.Sqrt]: "sqrt",
  [Prim.Cbrt]: "cbrt",
  [Prim.Abs]: "abs",
  [Prim.Sign]: "sign",
  [Prim.Floor]: "floor",
  [Prim.Ceil]: "ceil",
  [Prim.Round]: "round",
  [Prim.Trunc]: "trunc",
  [Prim.Log2]: "log2",
  [Prim.Log10]: "log10",
  [Prim.Log1p]: "log1p",
  [Prim.Expm1]: "expm1",
  [Prim.IsNan]: "isnan",
  [Prim.IsFinite]: "isfinite",
  [Prim.Add]: "add",
  [Prim.Sub]: "sub",
  [Prim.Mul]: "mul",
  [Prim.Div]: "div",
  [Prim.Pow]: "pow",
  [Prim.Mod]: "mod",
  [Prim.Max]: "maximum",
  [Prim.Min]: "minimum",
  [Prim.Atan2]: "atan2",
  [Prim.Lt]: "less",
  [Prim.Gt]: "greater",
  [Prim.Le]: "lessEqual",
  [Prim.Ge]: "greaterEqual",
  [Prim.Eq]: "equal",
  [Prim.Ne]: "notEqual",
  [Prim.ReduceSum]: "sum",
  [Prim.ReduceMax]: "max",
  [Prim.ReduceMin]: "min",
  [Prim.ReduceProd]: "prod",
};
