/**
 * @file The WebAssembly emitter: prints lowered code (compiler/loop/lowered-ir.ts,
 * simplified and verified, before jamming and outlining) as one module
 * whose function `main(lo, hi, k)` does what emit-js.ts's stencil function
 * does, on buffers copied into one Memory (runtime/wasm/run-wasm.ts places
 * them, `places`). Statements translate one to one (index arithmetic as
 * i32, kernel values as f64: wasm-scalar.ts); an innermost loop whose body
 * is reads at affine offsets, native operations and unit-stride stores runs
 * two cells per f64x2 iteration and a scalar tail (wasm-simd.ts). Every
 * cell's operations stay in the JavaScript path's order, so results are
 * bit-equal to it. Code it cannot translate throws NotWasm (the kernel
 * stays on JavaScript).
 */
import { assertNever } from "../primitives";
import type { LoweredCode, Stmt } from "../loop/lowered-ir";
import { Op, wasmModule, type WasmFunction } from "./wasm-encode";
import { elementBytes, NotWasm, WasmFnState, type WasmPlace } from "./wasm-fn";
import { wasmAddress, wasmIndex, wasmLoadF64, wasmOperand, wasmScalar, wasmTest } from "./wasm-scalar";
import { vectorLoop } from "./wasm-simd";

/** A compiled module's bytes (wasm-print.ts's printWasmModule lists them as text). */
export interface WasmCode {
  readonly bytes: Uint8Array<ArrayBuffer>;
  /** Loops that run two cells per iteration. */
  readonly vectorLoops: number;
}

/** Store an f64 (on the stack after the address) into `buffer`. */
function storeF64(s: WasmFnState, buffer: string): void {
  const p = s.place(buffer);
  if (p.element === "f64") s.body.mem(Op.F64Store, false, 3, p.offset);
  else if (p.element === "f32") s.body.op(Op.F32DemoteF64).mem(Op.F32Store, false, 2, p.offset);
  else throw new NotWasm(`a float store into the int32 buffer ${buffer}`);
}

function storeStmt(s: WasmFnState, st: Extract<Stmt, { kind: "store" }>): void {
  const f = s.body;
  const addr = s.temp("i32");
  wasmAddress(s, st.buffer, st.at);
  f.localSet(addr);
  if (st.guarded) f.localGet(addr).i32(0).op(Op.I32GeS).open(Op.If);
  f.localGet(addr);
  if (st.op === "add") {
    f.localGet(addr);
    wasmLoadF64(s, st.buffer);
    wasmOperand(s, st.value);
    f.op(Op.F64Add);
  } else {
    wasmOperand(s, st.value);
  }
  storeF64(s, st.buffer);
  if (st.guarded) f.end();
}

/** `fill0 b[from, to)`: memory.fill with zero bytes when to > from (like TypedArray.fill). */
function fillStmt(s: WasmFnState, st: Extract<Stmt, { kind: "fill" }>): void {
  const f = s.body;
  const from = s.temp("i32");
  const to = s.temp("i32");
  const p: WasmPlace = s.place(st.buffer);
  const shift = Math.log2(elementBytes[p.element]);
  wasmIndex(s, st.from);
  f.localSet(from);
  wasmIndex(s, st.to);
  f.localSet(to);
  f.localGet(to).localGet(from).op(Op.I32GtS).open(Op.If);
  f.localGet(from).i32(shift).op(Op.I32Shl).i32(p.offset).op(Op.I32Add).i32(0);
  f.localGet(to).localGet(from).op(Op.I32Sub).i32(shift).op(Op.I32Shl).memoryFill().end();
}

/**
 * A scalar loop `for v ∈ [v's current value, end)` (or down to `from` when
 * reversed), step `step`: the loop var and `end` are locals already set.
 */
function scalarLoop(s: WasmFnState, st: Extract<Stmt, { kind: "for" }>, v: number, end: number): void {
  const f = s.body;
  f.open(Op.Block).open(Op.Loop);
  f.localGet(v).localGet(end).op(st.reverse ? Op.I32LtS : Op.I32GeS).br(Op.BrIf, 1);
  wasmStmts(s, st.body);
  f.localGet(v).i32(st.reverse ? -1 : st.step).op(Op.I32Add).localSet(v);
  f.br(Op.Br, 0).end().end();
}

function forStmt(s: WasmFnState, st: Extract<Stmt, { kind: "for" }>): void {
  if ((st.jam ?? 1) !== 1) throw new NotWasm("a jammed loop (the wasm emitter reads code before jamming)");
  const f = s.body;
  const v = s.local(st.v, "i32");
  const end = s.temp("i32");
  if (st.reverse) {
    // for (v = to - 1; v >= from; v--)
    wasmIndex(s, st.to);
    f.i32(1).op(Op.I32Sub).localSet(v);
    wasmIndex(s, st.from);
    f.localSet(end);
    return scalarLoop(s, st, v, end);
  }
  wasmIndex(s, st.from);
  f.localSet(v);
  wasmIndex(s, st.to);
  f.localSet(end);
  if (vectorLoop(s, st, v, end)) s.vectorLoops++;
  scalarLoop(s, st, v, end);
}

function wasmStmt(s: WasmFnState, st: Stmt): void {
  const f = s.body;
  switch (st.kind) {
    case "let":
      wasmIndex(s, st.value);
      return void f.localSet(s.local(st.name, "i32"));
    case "value": {
      const e = st.value;
      if ((e.kind === "load" && s.place(e.buffer).element === "f32") || (e.kind === "unary" && e.prim === "fround")) s.float32Values.add(st.name);
      wasmScalar(s, e);
      return void f.localSet(s.local(st.name, "f64"));
    }
    case "acc":
      if (st.init === undefined) f.f64(0);
      else wasmOperand(s, st.init);
      return void f.localSet(s.local(st.name, "f64"));
    case "accumulate": {
      const a = s.local(st.name, "f64");
      f.localGet(a);
      wasmOperand(s, st.value);
      f.op(Op.F64Add);
      if (st.float32) f.op(Op.F32DemoteF64).op(Op.F64PromoteF32);
      return void f.localSet(a);
    }
    case "store":
      return storeStmt(s, st);
    case "fill":
      return fillStmt(s, st);
    case "for":
      return forStmt(s, st);
    case "if":
      wasmTest(s, st.test);
      f.open(Op.If);
      wasmStmts(s, st.then);
      if (st.else.length > 0) {
        f.else();
        wasmStmts(s, st.else);
      }
      return void f.end();
    case "block": {
      // inline: the parameters' values first (one may read a name a parameter redefines), then the body
      const temps = st.params.map((p) => {
        const t = s.temp("i32");
        wasmIndex(s, p.value);
        f.localSet(t);
        return t;
      });
      st.params.forEach((p, i) => f.localGet(temps[i]!).localSet(s.local(p.name, "i32")));
      return wasmStmts(s, st.body);
    }
    case "mask":
      throw new NotWasm("a masked read table");
    case "call":
      throw new NotWasm("an outlined call (the wasm emitter reads code before outlining)");
    default:
      return assertNever(st);
  }
}

/** Statements in order. */
export function wasmStmts(s: WasmFnState, body: readonly Stmt[]): void {
  for (const st of body) wasmStmt(s, st);
}

/**
 * The module of lowered code whose buffers (and tables) are at `places`:
 * it imports the Memory as "k" "m" (a shared one of at most
 * `sharedMaxPages` pages when given) and exports `main(lo, hi, k)`.
 *
 * @example
 * const { bytes } = emitWasm(code, places); // new WebAssembly.Module(bytes)
 */
export function emitWasm(code: LoweredCode, places: ReadonlyMap<string, WasmPlace>, sharedMaxPages: number | null = null): WasmCode {
  if (code.fns.length > 0) throw new NotWasm("outlined functions (the wasm emitter reads code before outlining)");
  const s = new WasmFnState(["i32", "i32", "i32"], ["lo", "hi", "k"], places);
  wasmStmts(s, code.body);
  s.body.end();
  const fn: WasmFunction = { name: "main", params: s.params, results: [], locals: s.locals, body: s.body };
  return { bytes: wasmModule([fn], 1, sharedMaxPages), vectorLoops: s.vectorLoops };
}
