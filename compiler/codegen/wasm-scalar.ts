/**
 * @file Expressions of the lowered loop IR as WebAssembly: integer index
 * arithmetic and tests as i32, the kernel body's scalar operations as f64
 * (float32 buffers load with f32.load + promote, as a Float32Array read
 * gives a double in JavaScript). Each function leaves its value on the
 * stack. Index division rounds like Math.floor/ceil of JS's quotient; a
 * test's `&&`/`||` and a select evaluate only the side JS evaluates (a side
 * may read a table out of range when not chosen).
 */
import { assertNever } from "../primitives";
import type { IndexExpr, Operand, ScalarExpr, Test } from "../loop/lowered-ir";
import { Op } from "./wasm-encode";
import { elementBytes, NotWasm, type WasmFnState } from "./wasm-fn";
import { wasmBinaryRules, wasmUnaryRules } from "./wasm-ops";

const cmpOps = { "<": Op.I32LtS, "<=": Op.I32LeS, ">": Op.I32GtS, ">=": Op.I32GeS, "===": Op.I32Eq, "!==": Op.I32Ne } as const;

/** floor(a / k) for k > 0: (a - ((a % k) + k) % k) / k, exact in i32. */
function floorDiv(s: WasmFnState, a: IndexExpr, k: number): void {
  const f = s.body;
  const t = s.temp("i32");
  wasmIndex(s, a);
  f.localTee(t).localGet(t).i32(k).op(Op.I32RemS).i32(k).op(Op.I32Add).i32(k).op(Op.I32RemS).op(Op.I32Sub).i32(k).op(Op.I32DivS);
}

/** An index expression as i32. */
export function wasmIndex(s: WasmFnState, e: IndexExpr): void {
  const f = s.body;
  switch (e.kind) {
    case "const":
      return void f.i32(e.value);
    case "var":
      return void f.localGet(s.local(e.name, "i32"));
    case "add":
      wasmIndex(s, e.a);
      wasmIndex(s, e.b);
      return void f.op(Op.I32Add);
    case "mul":
      wasmIndex(s, e.a);
      return void f.i32(e.k).op(Op.I32Mul);
    case "div":
      if (e.k <= 0) throw new NotWasm(`division by ${e.k}`);
      if (e.round === "exact") return void (wasmIndex(s, e.a), f.i32(e.k).op(Op.I32DivS));
      if (e.round === "floor") return floorDiv(s, e.a, e.k);
      // ceil(a / k) = -floor(-a / k)
      f.i32(0);
      floorDiv(s, { kind: "mul", a: e.a, k: -1 }, e.k);
      return void f.op(Op.I32Sub);
    case "mod":
      wasmIndex(s, e.a);
      return void f.i32(e.k).op(Op.I32RemS);
    case "min":
    case "max": {
      const a = s.temp("i32");
      const b = s.temp("i32");
      wasmIndex(s, e.a);
      f.localSet(a);
      wasmIndex(s, e.b);
      f.localSet(b);
      return void f.localGet(a).localGet(b).localGet(a).localGet(b).op(e.kind === "min" ? Op.I32LtS : Op.I32GtS).op(Op.Select);
    }
    case "table": {
      wasmIndex(s, e.at);
      return void f.i32(2).op(Op.I32Shl).mem(Op.I32Load, false, 2, s.place(e.table).offset);
    }
    case "select":
      wasmTest(s, e.test);
      f.open(Op.If, "i32");
      wasmIndex(s, e.a);
      f.else();
      wasmIndex(s, e.b);
      return void f.end();
    default:
      return assertNever(e);
  }
}

/** A test as i32 (1 or 0). */
export function wasmTest(s: WasmFnState, t: Test): void {
  const f = s.body;
  switch (t.kind) {
    case "cmp":
      wasmIndex(s, t.a);
      wasmIndex(s, t.b);
      return void f.op(cmpOps[t.op]);
    case "and":
      wasmTest(s, t.a);
      f.open(Op.If, "i32");
      wasmTest(s, t.b);
      return void f.else().i32(0).end();
    case "or":
      wasmTest(s, t.a);
      f.open(Op.If, "i32").i32(1).else();
      wasmTest(s, t.b);
      return void f.end();
    case "not":
      wasmTest(s, t.a);
      return void f.op(Op.I32Eqz);
    default:
      return assertNever(t);
  }
}

/** An operand as f64. */
export function wasmOperand(s: WasmFnState, o: Operand): void {
  if (o.kind === "num") s.body.f64(o.value);
  else s.body.localGet(s.local(o.name, "f64"));
}

/** The byte address of element `at` of `buffer`, relative to its place (the place's offset goes in the access). */
export function wasmAddress(s: WasmFnState, buffer: string, at: IndexExpr): void {
  wasmIndex(s, at);
  s.body.i32(Math.log2(elementBytes[s.place(buffer).element])).op(Op.I32Shl);
}

/** `at` as a base and a positive constant: x + 3 → [x, 3]; anything else → [at, 0]. */
export function splitConstant(at: IndexExpr): [IndexExpr, number] {
  return at.kind === "add" && at.b.kind === "const" && at.b.value > 0 ? [at.a, at.b.value] : [at, 0];
}

/**
 * The byte address of `at`'s base (splitConstant) relative to the buffer's
 * place; returns the constant's bytes, for the access's offset. Only where
 * the base is known ≥ 0 (a negative base would address past 4 GiB).
 */
export function wasmBaseAddress(s: WasmFnState, buffer: string, at: IndexExpr): number {
  const [base, k] = splitConstant(at);
  const bytes = elementBytes[s.place(buffer).element];
  wasmIndex(s, base);
  s.body.i32(Math.log2(bytes)).op(Op.I32Shl);
  return k * bytes;
}

/** Load element (address on the stack) of `buffer` as f64. */
export function wasmLoadF64(s: WasmFnState, buffer: string): void {
  const p = s.place(buffer);
  if (p.element === "f64") s.body.mem(Op.F64Load, false, 3, p.offset);
  else if (p.element === "f32") s.body.mem(Op.F32Load, false, 2, p.offset).op(Op.F64PromoteF32);
  else throw new NotWasm(`a float read of the int32 buffer ${buffer}`);
}

/** A scalar operation of the kernel body as f64. */
export function wasmScalar(s: WasmFnState, e: ScalarExpr): void {
  const f = s.body;
  switch (e.kind) {
    case "load":
      wasmAddress(s, e.buffer, e.at);
      return wasmLoadF64(s, e.buffer);
    case "padLoad": {
      const at = s.local(e.at, "i32");
      f.localGet(at).i32(0).op(Op.I32LtS).open(Op.If, "f64").f64(e.pad).else();
      f.localGet(at).i32(Math.log2(elementBytes[s.place(e.buffer).element])).op(Op.I32Shl);
      wasmLoadF64(s, e.buffer);
      return void f.end();
    }
    case "unary": {
      const rule = wasmUnaryRules[e.prim];
      if (rule === null) throw new NotWasm(`${e.prim} is not a WebAssembly instruction`);
      wasmOperand(s, e.a);
      return rule.scalar(f);
    }
    case "binary": {
      const rule = wasmBinaryRules[e.prim];
      if (rule === null) throw new NotWasm(`${e.prim} is not a WebAssembly instruction`);
      wasmOperand(s, e.a);
      wasmOperand(s, e.b);
      return rule.scalar(f);
    }
    case "select":
      wasmOperand(s, e.a);
      wasmOperand(s, e.b);
      wasmOperand(s, e.c);
      return void f.f64(0).op(Op.F64Ne).op(Op.Select);
    case "sum":
      f.f64(0);
      for (const t of e.terms) {
        wasmOperand(s, t);
        f.op(Op.F64Add);
        if (e.float32) f.op(Op.F32DemoteF64).op(Op.F64PromoteF32);
      }
      return;
    case "choose":
      wasmTest(s, e.test);
      f.open(Op.If, "f64");
      wasmScalar(s, e.a);
      f.else();
      wasmScalar(s, e.b);
      return void f.end();
    default:
      return assertNever(e);
  }
}
