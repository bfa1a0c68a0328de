/**
 * @file The kernel body's operations in WebAssembly: for each unary and
 * binary primitive, the f64 instructions that give JavaScript's result
 * bit for bit (operands on the stack, result left on it), and the f64x2
 * ones for two cells at once; `notNative` where WebAssembly has no such
 * instruction (exp, sin, pow, %, Math.round, …): a kernel using one stays
 * on the JavaScript path. Why these are exact: f64.add/sub/mul/div/sqrt are
 * IEEE operations like JavaScript's (no fused multiply-add); f64.min/max
 * give NaN if an operand is NaN and order -0 below +0, like Math.min/max;
 * floor/ceil/trunc round like Math's; a comparison gives 1 or 0. JS's
 * Math.round (half up) is not f64.nearest (half to even), so round is not
 * native. Values of float32 arrays are computed in f64 as the JavaScript
 * path does, rounded where it calls Math.fround (f32.demote then promote).
 */
import { Prim, type BinaryPrim, type UnaryPrim } from "../primitives";
import { Op, Simd, type WasmBody } from "./wasm-encode";

/** How one operation is emitted: scalar f64, and f64x2 (null: the loop stays scalar). */
export interface WasmOpRule {
  readonly scalar: (f: WasmBody) => void;
  readonly vector: ((f: WasmBody) => void) | null;
}

/** An operation WebAssembly lacks: the decider keeps its kernels on JavaScript. */
const notNative = null;

const plain = (scalar: Op, vector: Simd): WasmOpRule => ({ scalar: (f) => void f.op(scalar), vector: (f) => void f.simd(vector) });

/** 1.0 where a comparison mask is all ones, else 0.0 (the mask and'ed with the bits of 1.0). */
function maskToOne(f: WasmBody): void {
  f.f64(1).simd(Simd.F64x2Splat).simd(Simd.V128And);
}

const comparison = (scalar: Op, vector: Simd): WasmOpRule => ({
  scalar: (f) => void f.op(scalar).op(Op.F64ConvertI32S),
  vector: (f) => {
    f.simd(vector);
    maskToOne(f);
  },
});

/** Unary operations (fround: Math.fround). */
export const wasmUnaryRules: { readonly [P in UnaryPrim | "fround"]: WasmOpRule | null } = {
  [Prim.Neg]: plain(Op.F64Neg, Simd.F64x2Neg),
  [Prim.Abs]: plain(Op.F64Abs, Simd.F64x2Abs),
  [Prim.Sqrt]: plain(Op.F64Sqrt, Simd.F64x2Sqrt),
  [Prim.Floor]: plain(Op.F64Floor, Simd.F64x2Floor),
  [Prim.Ceil]: plain(Op.F64Ceil, Simd.F64x2Ceil),
  [Prim.Trunc]: plain(Op.F64Trunc, Simd.F64x2Trunc),
  fround: {
    scalar: (f) => void f.op(Op.F32DemoteF64).op(Op.F64PromoteF32),
    vector: (f) => void f.simd(Simd.F32x4DemoteF64x2Zero).simd(Simd.F64x2PromoteLowF32x4),
  },
  [Prim.IsNan]: notNative,
  [Prim.IsFinite]: notNative,
  [Prim.Exp]: notNative,
  [Prim.Log]: notNative,
  [Prim.Sin]: notNative,
  [Prim.Cos]: notNative,
  [Prim.Tan]: notNative,
  [Prim.Tanh]: notNative,
  [Prim.Sinh]: notNative,
  [Prim.Cosh]: notNative,
  [Prim.Asin]: notNative,
  [Prim.Acos]: notNative,
  [Prim.Atan]: notNative,
  [Prim.Cbrt]: notNative,
  [Prim.Sign]: notNative,
  [Prim.Round]: notNative,
  [Prim.Log2]: notNative,
  [Prim.Log10]: notNative,
  [Prim.Log1p]: notNative,
  [Prim.Expm1]: notNative,
};

/** Binary operations. */
export const wasmBinaryRules: { readonly [P in BinaryPrim]: WasmOpRule | null } = {
  [Prim.Add]: plain(Op.F64Add, Simd.F64x2Add),
  [Prim.Sub]: plain(Op.F64Sub, Simd.F64x2Sub),
  [Prim.Mul]: plain(Op.F64Mul, Simd.F64x2Mul),
  [Prim.Div]: plain(Op.F64Div, Simd.F64x2Div),
  [Prim.Max]: plain(Op.F64Max, Simd.F64x2Max),
  [Prim.Min]: plain(Op.F64Min, Simd.F64x2Min),
  [Prim.Lt]: comparison(Op.F64Lt, Simd.F64x2Lt),
  [Prim.Gt]: comparison(Op.F64Gt, Simd.F64x2Gt),
  [Prim.Le]: comparison(Op.F64Le, Simd.F64x2Le),
  [Prim.Ge]: comparison(Op.F64Ge, Simd.F64x2Ge),
  [Prim.Eq]: comparison(Op.F64Eq, Simd.F64x2Eq),
  [Prim.Ne]: comparison(Op.F64Ne, Simd.F64x2Ne),
  [Prim.Pow]: notNative,
  [Prim.Mod]: notNative,
  [Prim.Atan2]: notNative,
};
