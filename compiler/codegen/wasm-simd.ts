/**
 * @file Two cells per iteration: an innermost loop of lowered code as an
 * f64x2 loop (four per f32x4 iteration for float32 loops where that is
 * exact: wasm-f32x4.ts), followed (by the caller) by the scalar loop that
 * finishes the cells left over. Lane k of every value is cell v + k. Index lets stay
 * scalar, computed at the first lane's cell: a let's (or a read's) offset
 * is affine in v with a coefficient c (found here), so lane k reads element
 * at + k·c: one v128.load for c = 1, a splat for c = 0, two loads and a
 * shuffle of their even elements for c = 2 (a max-pool of stride 2), lane
 * by lane otherwise. In an f64x2 loop, values of float32 buffers are
 * promoted to f64 as the JavaScript path reads them, and demoted when
 * stored (f32x4.demote). Constant offsets go into the accesses' offset
 * immediates; the loop runs only where every access's base is ≥ 0.
 *
 * A loop qualifies when its body is only lets, reads with affine offsets,
 * operations with an f64x2 rule (wasm-ops.ts), accumulators of its own,
 * and unguarded unit-stride stores into buffers it does not read.
 *
 * Worked example (W4, 3×3 max-pool of stride 2): `let b2 = g2*2` has c = 2,
 * `let q2 = q1 + b2` c = 2, `val v0 = x0[q2]` would load x0[q2], x0[q2+2]
 * as one vector, `val v9 = max(v0, v1)` be one f64x2.max; but the chain of
 * maxima over the nine reads is regrouped by window column
 * (wasm-regroup.ts), which absorbs the reads; `o0[og2] = v16` (c = 1) is
 * one v128.store of two outputs.
 */
import type { IndexExpr, Operand, ScalarExpr, Stmt } from "../loop/lowered-ir";
import { indexUses } from "../loop/lowered-ir";
import { Op, Simd, type WasmBody } from "./wasm-encode";
import { f32x4Exact, loadF32x4 } from "./wasm-f32x4";
import { elementBytes, type WasmFnState } from "./wasm-fn";
import { splitConstant, wasmBaseAddress, wasmIndex } from "./wasm-scalar";
import { wasmBinaryRules, wasmUnaryRules } from "./wasm-ops";
import { planRegroup, regroupCarry, regroupChain, regroupPrologue, type RegroupPlan } from "./wasm-regroup";

type ForStmt = Extract<Stmt, { kind: "for" }>;

/** Bytes 0–7 of one vector, then 0–7 of the other (elements 0 of each). */
const EVEN_F64 = [0, 1, 2, 3, 4, 5, 6, 7, 16, 17, 18, 19, 20, 21, 22, 23];
/** Bytes 8–15 of one vector, then 8–15 of the other (elements 1 of each). */
const ODD_F64 = [8, 9, 10, 11, 12, 13, 14, 15, 24, 25, 26, 27, 28, 29, 30, 31];
/** Elements 0 and 2 of a float32 vector in the low half (promoted to f64x2). */
const EVEN_F32 = [0, 1, 2, 3, 8, 9, 10, 11, 0, 1, 2, 3, 8, 9, 10, 11];

/** The coefficient of `v` in an index expression (null: not affine in it), given the coefficients of names. */
function coefficient(e: IndexExpr, coef: ReadonlyMap<string, number | null>): number | null {
  switch (e.kind) {
    case "const":
      return 0;
    case "var":
      return coef.get(e.name) ?? 0;
    case "add": {
      const a = coefficient(e.a, coef);
      const b = coefficient(e.b, coef);
      return a === null || b === null ? null : a + b;
    }
    case "mul": {
      const a = coefficient(e.a, coef);
      return a === null ? null : a * e.k;
    }
    default: {
      // anything else must not depend on v at all
      let free = true;
      indexUses(e, (n) => {
        if ((coef.get(n) ?? 0) !== 0) free = false;
      });
      return free ? 0 : null;
    }
  }
}

/** The coefficients of the loop's names, or null when the body does not qualify. */
function analyse(st: ForStmt): Map<string, number | null> | null {
  if (st.step !== 1 || st.reverse) return null;
  const coef = new Map<string, number | null>([[st.v, 1]]);
  const vectors = new Set<string>();
  const stored = new Set<string>();
  const read = new Set<string>();
  const operandOk = (o: Operand): boolean => o.kind === "num" || !coef.has(o.name);
  const scalarOk = (e: ScalarExpr): boolean => {
    switch (e.kind) {
      case "load":
        read.add(e.buffer);
        return coefficient(e.at, coef) !== null;
      case "unary":
        return wasmUnaryRules[e.prim]?.vector != null && operandOk(e.a);
      case "binary":
        return wasmBinaryRules[e.prim]?.vector != null && operandOk(e.a) && operandOk(e.b);
      case "select":
        return operandOk(e.a) && operandOk(e.b) && operandOk(e.c);
      case "sum":
        return e.terms.every(operandOk);
      default:
        return false;
    }
  };
  for (const s of st.body) {
    if (s.kind === "let") coef.set(s.name, coefficient(s.value, coef));
    else if (s.kind === "value" && scalarOk(s.value)) vectors.add(s.name);
    else if (s.kind === "acc" && (s.init === undefined || operandOk(s.init))) vectors.add(s.name);
    else if (s.kind === "accumulate" && vectors.has(s.name) && operandOk(s.value)) continue;
    else if (s.kind === "store" && !s.guarded && coefficient(s.at, coef) === 1 && operandOk(s.value)) stored.add(s.buffer);
    else return null;
  }
  for (const b of stored) if (read.has(b)) return null;
  return coef;
}

/** A vector operand: a value of the loop, or an outer value or number splatted before the loop. */
class Operands {
  private readonly splats = new Map<string, number>();
  /** Vectors of a stride-2 buffer already loaded in this iteration, by buffer, base and 16-byte step. */
  readonly loaded = new Map<string, number>();
  /** `wide`: an f32x4 loop (wasm-f32x4.ts), outer values demoted (they hold float32 values) and splatted four times. */
  constructor(
    private readonly s: WasmFnState,
    private readonly inLoop: ReadonlySet<string>,
    readonly wide: boolean,
  ) {}
  /** Splat the outer operands of the body (before the loop). */
  hoist(body: readonly Stmt[]): void {
    const visit = (o: Operand | undefined): void => {
      if (o === undefined || (o.kind === "ref" && this.inLoop.has(o.name))) return;
      const key = o.kind === "num" ? `#${Object.is(o.value, -0) ? "-0" : o.value}` : o.name;
      if (this.splats.has(key)) return;
      const l = this.s.temp("v128");
      const f = this.s.body;
      if (o.kind === "num") void (this.wide ? f.f32(o.value) : f.f64(o.value));
      else if (this.wide) f.localGet(this.s.local(o.name, "f64")).op(Op.F32DemoteF64);
      else f.localGet(this.s.local(o.name, "f64"));
      f.simd(this.wide ? Simd.F32x4Splat : Simd.F64x2Splat).localSet(l);
      this.splats.set(key, l);
    };
    for (const st of body) {
      if (st.kind === "value") operandsOf(st.value).forEach(visit);
      else if (st.kind === "acc") visit(st.init ?? { kind: "num", value: 0 });
      else if (st.kind === "accumulate" || st.kind === "store") visit(st.value);
    }
  }
  get(o: Operand): void {
    if (o.kind === "ref" && this.inLoop.has(o.name)) this.s.body.localGet(this.s.local(o.name, "v128"));
    else this.s.body.localGet(this.splats.get(o.kind === "num" ? `#${Object.is(o.value, -0) ? "-0" : o.value}` : o.name)!);
  }
}

function operandsOf(e: ScalarExpr): Operand[] {
  switch (e.kind) {
    case "unary":
      return [e.a];
    case "binary":
      return [e.a, e.b];
    case "select":
      return [e.a, e.b, e.c, { kind: "num", value: 0 }];
    case "sum":
      return [...e.terms, { kind: "num", value: 0 }];
    default:
      return [];
  }
}

/** Load lanes at address (on the stack) + `extra` bytes + k·c elements of `buffer`, as f64x2 (f32x4 when `wide`). */
function vectorLoad(s: WasmFnState, buffer: string, c: number, extra: number, wide: boolean): void {
  if (wide) return loadF32x4(s, s.place(buffer).offset + extra, c);
  const f = s.body;
  const { element } = s.place(buffer);
  const offset = s.place(buffer).offset + extra;
  const f64 = element === "f64";
  if (c === 1) {
    if (f64) f.mem(Simd.V128Load, true, 3, offset);
    else f.mem(Simd.V128Load64Zero, true, 2, offset).simd(Simd.F64x2PromoteLowF32x4);
    return;
  }
  if (c === 2) {
    if (f64) {
      const a = s.temp("i32");
      f.localTee(a).mem(Simd.V128Load, true, 3, offset).localGet(a).mem(Simd.V128Load, true, 3, offset + 16).shuffle(EVEN_F64);
    } else {
      const t = s.temp("v128");
      f.mem(Simd.V128Load, true, 2, offset).localTee(t).localGet(t).shuffle(EVEN_F32).simd(Simd.F64x2PromoteLowF32x4);
    }
    return;
  }
  const a = s.temp("i32");
  const scalarLoad = (): void => void (f64 ? f.mem(Op.F64Load, false, 3, offset) : f.mem(Op.F32Load, false, 2, offset).op(Op.F64PromoteF32));
  f.localTee(a);
  scalarLoad();
  f.simd(Simd.F64x2Splat);
  if (c !== 0) {
    f.localGet(a).i32(c * elementBytes[element]).op(Op.I32Add);
    scalarLoad();
    f.simdLane(Simd.F64x2ReplaceLane, 1);
  }
}

/**
 * Elements at + 0 and at + 2 of a float64 buffer (stride 2), `at` = base + k:
 * lane k % 2 of the vectors at base + 2⌊k/2⌋ and base + 2⌊k/2⌋ + 2, each
 * loaded once per iteration (a 3×3 max-pool row's three reads share three
 * loads instead of six).
 */
function pairLoad(s: WasmFnState, buffer: string, at: IndexExpr, ops: Operands): void {
  const f = s.body;
  const [base, k] = splitConstant(at);
  const m = Math.floor(k / 2);
  const vector = (step: number): number => {
    const key = `${buffer}|${JSON.stringify(base)}|${step}`;
    let l = ops.loaded.get(key);
    if (l === undefined) {
      l = s.temp("v128");
      wasmIndex(s, base);
      f.i32(3).op(Op.I32Shl).mem(Simd.V128Load, true, 3, s.place(buffer).offset + 16 * step).localSet(l);
      ops.loaded.set(key, l);
    }
    return l;
  };
  const a = vector(m);
  const b = vector(m + 1);
  f.localGet(a).localGet(b).shuffle(k % 2 === 0 ? EVEN_F64 : ODD_F64);
}

/** Add the two vectors on the stack; rounded to float32 when `float32` (already so in an f32x4 loop). */
function addRounded(f: WasmBody, wide: boolean, float32: boolean): void {
  if (wide) return void f.simd(Simd.F32x4Add);
  f.simd(Simd.F64x2Add);
  if (float32) f.simd(Simd.F32x4DemoteF64x2Zero).simd(Simd.F64x2PromoteLowF32x4);
}

/** One statement of a qualifying body, for two (four) cells. */
function vectorStmt(s: WasmFnState, st: Stmt, coef: ReadonlyMap<string, number | null>, ops: Operands): void {
  const f = s.body;
  switch (st.kind) {
    case "let":
      wasmIndex(s, st.value);
      return void f.localSet(s.local(st.name, "i32"));
    case "value":
      vectorValue(s, st.value, coef, ops);
      return void f.localSet(s.local(st.name, "v128"));
    case "acc":
      ops.get(st.init ?? { kind: "num", value: 0 });
      return void f.localSet(s.local(st.name, "v128"));
    case "accumulate": {
      const a = s.local(st.name, "v128");
      f.localGet(a);
      ops.get(st.value);
      addRounded(f, ops.wide, st.float32);
      return void f.localSet(a);
    }
    case "store": {
      const { element } = s.place(st.buffer);
      const addr = s.temp("i32");
      const extra = wasmBaseAddress(s, st.buffer, st.at);
      const offset = s.place(st.buffer).offset + extra;
      f.localTee(addr);
      if (st.op === "add") {
        f.localGet(addr);
        vectorLoad(s, st.buffer, 1, extra, ops.wide);
        ops.get(st.value);
        addRounded(f, ops.wide, false);
      } else {
        ops.get(st.value);
      }
      if (element === "f64" || ops.wide) return void f.mem(Simd.V128Store, true, ops.wide ? 2 : 3, offset);
      return void f.simd(Simd.F32x4DemoteF64x2Zero).mem(Simd.V128Store64Lane, true, 2, offset, 0);
    }
    default:
      throw new Error(`wasm-simd: ${st.kind} in a loop analyse() accepted`);
  }
}

function vectorValue(s: WasmFnState, e: ScalarExpr, coef: ReadonlyMap<string, number | null>, ops: Operands): void {
  const f = s.body;
  switch (e.kind) {
    case "load": {
      if (!ops.wide && coefficient(e.at, coef) === 2 && s.place(e.buffer).element === "f64") return pairLoad(s, e.buffer, e.at, ops);
      const extra = wasmBaseAddress(s, e.buffer, e.at);
      return vectorLoad(s, e.buffer, coefficient(e.at, coef)!, extra, ops.wide);
    }
    case "unary": {
      ops.get(e.a);
      const rule = wasmUnaryRules[e.prim]!;
      return (ops.wide ? rule.vector32! : rule.vector!)(f);
    }
    case "binary": {
      ops.get(e.a);
      ops.get(e.b);
      const rule = wasmBinaryRules[e.prim]!;
      return (ops.wide ? rule.vector32! : rule.vector!)(f);
    }
    case "select":
      ops.get(e.a);
      ops.get(e.b);
      ops.get(e.c);
      ops.get({ kind: "num", value: 0 });
      return void f.simd(ops.wide ? Simd.F32x4Ne : Simd.F64x2Ne).simd(Simd.V128Bitselect);
    case "sum":
      ops.get({ kind: "num", value: 0 });
      for (const t of e.terms) {
        ops.get(t);
        addRounded(f, ops.wide, e.float32);
      }
      return;
    default:
      throw new Error(`wasm-simd: ${e.kind} in a loop analyse() accepted`);
  }
}

/** A statement of the loop: a value a regrouped chain absorbs is skipped, a chain's root computed by wasm-regroup.ts. */
function loopStmt(s: WasmFnState, st: Stmt, coef: ReadonlyMap<string, number | null>, ops: Operands, plan: RegroupPlan | null, load: (buffer: string, extra: number) => void): void {
  if (plan === null || st.kind !== "value") return vectorStmt(s, st, coef, ops);
  if (plan.absorbed.has(st.name)) return;
  const chain = plan.chains.get(st.name);
  if (chain === undefined) return vectorStmt(s, st, coef, ops);
  regroupChain(s, plan, chain, (o) => ops.get(o), load);
  s.body.localSet(s.local(st.name, "v128"));
}

/**
 * Write the f64x2 (or f32x4) loop of `st` if it qualifies (v and end are
 * its locals, set): it runs while two (four) cells remain and leaves v at
 * the first cell not run. Returns whether it wrote one.
 */
export function vectorLoop(s: WasmFnState, st: ForStmt, v: number, end: number): boolean {
  if (st.body.some((b) => b.kind === "for" || b.kind === "if" || b.kind === "block")) return false;
  const coef = analyse(st);
  if (coef === null) return false;
  const inLoop = new Set<string>();
  for (const b of st.body) if (b.kind === "value" || b.kind === "acc") inLoop.add(b.name);
  const bases = foldedBases(st.body, coef);
  if (bases === null) return false;
  const wide = f32x4Exact(st, s, inLoop);
  const lanes = wide ? 4 : 2;
  const ops = new Operands(s, inLoop, wide);
  ops.hoist(st.body);
  // max and min chains over reads, regrouped by window column (wasm-regroup.ts)
  const plan = planRegroup(st.body, (at) => coefficient(at, coef), lanes);
  const load = (buffer: string, extra: number): void => vectorLoad(s, buffer, 1, extra, wide);
  const f = s.body;
  // run it when a vector's cells remain and every access's base is ≥ 0 at the first cell (then at all: coefficients ≥ 0)
  f.localGet(v).i32(lanes).op(Op.I32Add).localGet(end).op(Op.I32LeS).open(Op.If);
  for (const b of st.body) if (b.kind === "let") vectorStmt(s, b, coef, ops);
  f.i32(1);
  for (const base of bases) {
    wasmIndex(s, base);
    f.i32(0).op(Op.I32GeS).op(Op.I32And);
  }
  f.open(Op.If);
  if (plan !== null) regroupPrologue(s, plan, load);
  f.open(Op.Block).open(Op.Loop);
  f.localGet(v).i32(lanes).op(Op.I32Add).localGet(end).op(Op.I32GtS).br(Op.BrIf, 1);
  for (const b of st.body) loopStmt(s, b, coef, ops, plan, load);
  if (plan !== null) regroupCarry(s, plan);
  f.localGet(v).i32(lanes).op(Op.I32Add).localSet(v);
  f.br(Op.Br, 0).end().end().end().end();
  return true;
}

/**
 * The bases of the body's reads and stores whose constant goes into the
 * access's offset (splitConstant), each once; null when one's coefficient is
 * negative (its base at the first cell would not bound the others).
 */
function foldedBases(body: readonly Stmt[], coef: ReadonlyMap<string, number | null>): IndexExpr[] | null {
  const bases = new Map<string, IndexExpr>();
  for (const b of body) {
    const at = b.kind === "store" ? b.at : b.kind === "value" && b.value.kind === "load" ? b.value.at : null;
    if (at === null) continue;
    const [base] = splitConstant(at);
    const c = coefficient(base, coef);
    if (c === null || c < 0) return null;
    bases.set(JSON.stringify(base), base);
  }
  return [...bases.values()];
}
