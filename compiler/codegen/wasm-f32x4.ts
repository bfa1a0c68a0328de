/**
 * @file Four cells per iteration for float32 loops: when an f32x4 loop
 * gives the JavaScript path's bits, and its reads. JavaScript computes a
 * float32 kernel in doubles and rounds each arithmetic result with
 * Math.fround (the scalarizer does so for float32 equations); f32x4.add
 * (sub, mul, div, sqrt) rounds once, to float32, and rounding the exact
 * result to double and then to float32 gives the same value (a double has
 * more than 2·24 + 2 bits), so the two agree wherever the double result
 * is rounded to float32 before any other use. max, min, abs, neg, floor,
 * ceil, trunc and comparisons of float32 values are float32 values as
 * they stand. So a loop qualifies when
 *
 * - every buffer it reads or stores holds float32,
 * - every constant, and every value from outside the loop, is a float32
 *   (outer values: read from a float32 buffer, or rounded by fround),
 * - every result of a rounding operation (WasmOpRule.rounds) is used only
 *   by fround (then the identity) or by a store (which rounds),
 * - sums and accumulators round (their `float32` flag),
 *
 * and no operation lacks an f32x4 rule. Otherwise the loop runs as f64x2
 * (wasm-simd.ts), exact for float32 too.
 */
import type { Operand, Stmt } from "../loop/lowered-ir";
import { Op, Simd } from "./wasm-encode";
import type { WasmFnState } from "./wasm-fn";
import { wasmBinaryRules, wasmUnaryRules } from "./wasm-ops";

/** Lanes 0 and 2 of two f32x4 vectors: elements 0, 2, 4, 6 of eight in a row. */
const EVEN_F32X4 = [0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 24, 25, 26, 27];

/** Is `x` a float32 value (NaN counts: its payload is not kept)? */
function isFloat32(x: number): boolean {
  return Number.isNaN(x) || Object.is(Math.fround(x), x);
}

/**
 * Does the f32x4 form of this innermost loop give the JavaScript path's
 * bits (see the header)? `inLoop`: the values and accumulators it defines.
 *
 * @example
 * f32x4Exact(loop, s, new Set(["v0", "v1"])); // true for a float32 3×3 max-pool
 */
export function f32x4Exact(st: Extract<Stmt, { kind: "for" }>, s: WasmFnState, inLoop: ReadonlySet<string>): boolean {
  const rounding = new Set<string>();
  const f32 = (b: string): boolean => s.place(b).element === "f32";
  // an operand a non-fround operation may take: a float32 value that needs no rounding first
  const plainOk = (o: Operand): boolean => (o.kind === "num" ? isFloat32(o.value) : inLoop.has(o.name) ? !rounding.has(o.name) : s.float32Values.has(o.name));
  for (const b of st.body) {
    if (b.kind === "let") continue;
    if (b.kind === "store") {
      const v = b.value;
      if (!f32(b.buffer) || !(v.kind === "ref" && rounding.has(v.name) ? b.op === "set" : plainOk(v))) return false;
    } else if (b.kind === "acc") {
      if (b.init !== undefined && !plainOk(b.init)) return false;
    } else if (b.kind === "accumulate") {
      if (!b.float32 || !plainOk(b.value)) return false;
    } else if (b.kind === "value") {
      const e = b.value;
      if (e.kind === "load") {
        if (!f32(e.buffer)) return false;
      } else if (e.kind === "unary" && e.prim === "fround") {
        if (!(e.a.kind === "ref" && rounding.has(e.a.name)) && !plainOk(e.a)) return false;
      } else if (e.kind === "unary" || e.kind === "binary") {
        const rule = e.kind === "unary" ? wasmUnaryRules[e.prim] : wasmBinaryRules[e.prim];
        const operands = e.kind === "unary" ? [e.a] : [e.a, e.b];
        if (rule?.vector32 == null || !operands.every(plainOk)) return false;
        if (rule.rounds) rounding.add(b.name);
      } else if (e.kind === "select") {
        if (![e.a, e.b, e.c].every(plainOk)) return false;
      } else if (e.kind === "sum") {
        if (!e.float32 || !e.terms.every(plainOk)) return false;
      } else {
        return false;
      }
    } else {
      return false;
    }
  }
  return true;
}

/**
 * Four float32 lanes at address (on the stack) + `offset` bytes + k·c
 * elements: one v128.load for c = 1, a splat for c = 0, two loads and a
 * shuffle of their even lanes for c = 2, lane by lane otherwise.
 */
export function loadF32x4(s: WasmFnState, offset: number, c: number): void {
  const f = s.body;
  if (c === 1) return void f.mem(Simd.V128Load, true, 2, offset);
  if (c === 0) return void f.mem(Simd.V128Load32Splat, true, 2, offset);
  const a = s.temp("i32");
  f.localTee(a);
  if (c === 2) return void f.mem(Simd.V128Load, true, 2, offset).localGet(a).mem(Simd.V128Load, true, 2, offset + 16).shuffle(EVEN_F32X4);
  f.mem(Op.F32Load, false, 2, offset).simd(Simd.F32x4Splat);
  for (let k = 1; k < 4; k++) f.localGet(a).i32(k * c * 4).op(Op.I32Add).mem(Op.F32Load, false, 2, offset).simdLane(Simd.F32x4ReplaceLane, k);
}
