/**
 * @file Max and min over a window, regrouped by window column for the
 * vector loops of wasm-simd.ts (f64x2, and f32x4 for float32). `Math.max`
 * (f64.max) is associative, commutative and idempotent bit for bit (a NaN
 * operand gives NaN, and -0 orders below +0: a total order with NaN on
 * top), and so is `Math.min`; a chain of maxima over reads may therefore
 * be computed in any grouping and give the JavaScript path's bits.
 *
 * A chain is a max (min) value whose operands are reads or other maxima
 * (minima) used only by it. Its reads of one buffer at a base with
 * coefficient c (lane k reads element base + k·c + constant) are split into
 * rows and columns: constants K = R + S (every row r holds r + S). The
 * column value col(t) is the maximum over the rows of element base + r + t,
 * and the vector C(m) = [col(m), col(m + 1)] (four columns in an f32x4
 * loop) is the maximum of one unit-stride `v128.load` per row. Lane k of
 * the result is the maximum over s ∈ S of col(s + k·c): per s one vector
 * C(m), or an `i8x16.shuffle` per further vector holding one of its lanes.
 * The next iteration (two cells on, the base 2c elements on; four and 4c
 * in f32x4) needs C(m) = this iteration's C(m + 2c) (C(m + 4c)): those
 * vectors are carried in locals rather than loaded again.
 *
 * Worked example (W4, 3×3 max-pool of stride 2, width 21): K = {0, 1, 2,
 * 21, 22, 23, 42, 43, 44} = {0, 21, 42} + {0, 1, 2}; c = 2, so the lanes
 * need columns 0–4, covered by C(0), C(2), C(4), each three loads and two
 * f64x2.max; C(0) is the last iteration's C(4). The result is
 * max(max(even(C0, C2), odd(C0, C2)), even(C2, C4)): per two outputs six
 * loads, three shuffles and six f64x2.max, instead of nine, eight and eight.
 */
import { Prim } from "../primitives";
import type { IndexExpr, Operand, Stmt } from "../loop/lowered-ir";
import { Op, Simd } from "./wasm-encode";
import { elementBytes, type WasmFnState } from "./wasm-fn";
import { splitConstant, wasmIndex } from "./wasm-scalar";

/** Reads of one buffer at one base, split into rows and columns, and the column vectors loaded. */
interface Group {
  readonly buffer: string;
  readonly base: IndexExpr;
  readonly c: number;
  /** Cells per iteration: 2 (f64x2) or 4 (f32x4). */
  readonly lanes: number;
  readonly rows: readonly number[];
  readonly cols: readonly number[];
  /** Starts m of the vectors C(m), ascending. */
  readonly vectors: readonly number[];
  /** Starts m whose C(m) is the last iteration's C(m + lanes·c). */
  readonly carried: ReadonlySet<number>;
}

/** A regrouped chain: its reads by group, and its other operands. */
interface Chain {
  readonly prim: Prim.Max | Prim.Min;
  readonly groups: readonly Group[];
  readonly others: readonly Operand[];
}

/** The chains of a loop body by root value, and the values they absorb (not emitted on their own). */
export interface RegroupPlan {
  readonly chains: ReadonlyMap<string, Chain>;
  readonly absorbed: ReadonlySet<string>;
  /** The v128 local of each group's C(m), by group and m (made while emitting). */
  readonly locals: Map<Group, Map<number, number>>;
}

/** Relative cost of an f64x2.max (several x64 instructions under V8's NaN and ±0 rules) against a load or shuffle. */
const MAX_COST = 3;

/** Cover the columns `t` with vectors [m, m + lanes), from the smallest up. */
function cover(t: readonly number[], lanes: number): number[] {
  const out: number[] = [];
  for (const x of [...new Set(t)].sort((a, b) => a - b)) if (out.length === 0 || x > out[out.length - 1]! + lanes - 1) out.push(x);
  return out;
}

/** Rows r with r + cols ⊆ K disjoint and covering K (cols a prefix of K from its minimum), or null. */
function rowsFor(k: readonly number[], cols: readonly number[]): number[] | null {
  const left = new Set(k);
  const rows: number[] = [];
  for (const m of k) {
    if (!left.has(m)) continue;
    for (const s of cols) if (!left.delete(m + s)) return null;
    rows.push(m);
  }
  return rows;
}

/** The cheapest split of the constants `k` (ascending, distinct) into rows and columns, for coefficient c. */
function bestGroup(buffer: string, base: IndexExpr, c: number, lanes: number, k: readonly number[]): Group {
  let best: Group | null = null;
  let bestCost = Infinity;
  for (let p = 1; p <= k.length; p++) {
    const cols = k.slice(0, p).map((x) => x - k[0]!);
    const rows = rowsFor(k, cols);
    if (rows === null) continue;
    const vectors = cover(cols.flatMap((s) => Array.from({ length: lanes }, (_, l) => s + l * c)), lanes);
    const carried = new Set(vectors.filter((m) => vectors.includes(m + lanes * c)));
    const loaded = vectors.length - carried.size;
    const cost = loaded * (rows.length + (rows.length - 1) * MAX_COST) + cols.length + (cols.length - 1) * MAX_COST;
    if (cost < bestCost) [best, bestCost] = [{ buffer, base, c, lanes, rows, cols, vectors, carried }, cost];
  }
  return best!;
}

/**
 * Find the max and min chains of a vector loop's body (`lanes` cells per
 * iteration) whose reads have coefficients ≥ 1 (`coef`: wasm-simd.ts's analysis).
 *
 * @example
 * planRegroup(loop.body, coef, 2).chains.size; // 1 for a 3×3 max-pool: its last max
 */
export function planRegroup(body: readonly Stmt[], coef: (at: IndexExpr) => number | null, lanes: number): RegroupPlan {
  const defs = new Map<string, Extract<Stmt, { kind: "value" }>>();
  const uses = new Map<string, number>();
  const use = (o: Operand | undefined): void => void (o?.kind === "ref" && uses.set(o.name, (uses.get(o.name) ?? 0) + 1));
  for (const st of body) {
    if (st.kind === "value") {
      defs.set(st.name, st);
      const e = st.value;
      if (e.kind === "unary") use(e.a);
      else if (e.kind === "binary") (use(e.a), use(e.b));
      else if (e.kind === "select") (use(e.a), use(e.b), use(e.c));
      else if (e.kind === "sum") e.terms.forEach(use);
    } else if (st.kind === "acc") use(st.init);
    else if (st.kind === "accumulate" || st.kind === "store") use(st.value);
  }
  const isLoad = (o: Operand): string | null => {
    const d = o.kind === "ref" ? defs.get(o.name) : undefined;
    return d?.value.kind === "load" && (coef(d.value.at) ?? 0) >= 1 ? d.name : null;
  };
  const chains = new Map<string, Chain>();
  const absorbed = new Set<string>();
  const inner = new Set<string>();
  // roots last: a chain's inner maxima come before it in the body
  for (const st of [...body].reverse()) {
    if (st.kind !== "value" || st.value.kind !== "binary" || inner.has(st.name)) continue;
    const prim = st.value.prim;
    if (prim !== Prim.Max && prim !== Prim.Min) continue;
    const reads: string[] = [];
    const others: Operand[] = [];
    const mine = new Set<string>();
    const visit = (o: Operand, top: boolean): void => {
      const d = o.kind === "ref" ? defs.get(o.name) : undefined;
      if (d !== undefined && d.value.kind === "binary" && d.value.prim === prim && (top || uses.get(d.name) === 1)) {
        if (!top) mine.add(d.name);
        visit(d.value.a, false);
        visit(d.value.b, false);
      } else if (isLoad(o) !== null) reads.push(isLoad(o)!);
      else others.push(o);
    };
    visit({ kind: "ref", name: st.name }, true);
    // the inner maxima of a chain are not roots of their own, but only a regrouped chain absorbs them
    for (const n of mine) inner.add(n);
    if (reads.length < 2) continue;
    chains.set(st.name, chainOf(prim, reads, others, defs, coef, lanes));
    for (const n of mine) absorbed.add(n);
    for (const r of reads) if (uses.get(r) === 1) absorbed.add(r);
  }
  return { chains, absorbed, locals: new Map() };
}

/** Group a chain's reads by buffer, base and coefficient. */
function chainOf(prim: Prim.Max | Prim.Min, reads: readonly string[], others: readonly Operand[], defs: ReadonlyMap<string, Extract<Stmt, { kind: "value" }>>, coef: (at: IndexExpr) => number | null, lanes: number): Chain {
  const byBase = new Map<string, { buffer: string; base: IndexExpr; c: number; k: Set<number> }>();
  for (const r of reads) {
    const e = defs.get(r)!.value as Extract<Stmt, { kind: "value" }>["value"] & { kind: "load" };
    const [base, k] = splitConstant(e.at);
    const key = `${e.buffer}|${JSON.stringify(base)}|${coef(e.at)}`;
    let g = byBase.get(key);
    if (g === undefined) byBase.set(key, (g = { buffer: e.buffer, base, c: coef(e.at)!, k: new Set() }));
    g.k.add(k);
  }
  const groups = [...byBase.values()].map((g) => bestGroup(g.buffer, g.base, g.c, lanes, [...g.k].sort((a, b) => a - b)));
  return { prim, groups, others };
}

/** The byte address of a group's base at the current cell, in a fresh local. */
function groupAddress(s: WasmFnState, g: Group): number {
  const addr = s.temp("i32");
  wasmIndex(s, g.base);
  s.body.i32(Math.log2(elementBytes[s.place(g.buffer).element])).op(Op.I32Shl).localSet(addr);
  return addr;
}

/** C(m) of a group, its base's byte address in `addr`: the maximum (minimum) of one load per row. `load`: f64x2 of two elements at address (on the stack) + bytes. */
function columnVector(s: WasmFnState, g: Group, addr: number, m: number, prim: Simd, load: (buffer: string, extra: number) => void): void {
  const bytes = elementBytes[s.place(g.buffer).element];
  g.rows.forEach((r, i) => {
    s.body.localGet(addr);
    load(g.buffer, (r + m) * bytes);
    if (i > 0) s.body.simd(prim);
  });
}

function vectorLocal(s: WasmFnState, plan: RegroupPlan, g: Group, m: number): number {
  let byStart = plan.locals.get(g);
  if (byStart === undefined) plan.locals.set(g, (byStart = new Map()));
  let l = byStart.get(m);
  if (l === undefined) byStart.set(m, (l = s.temp("v128")));
  return l;
}

const simdOf = (p: Prim.Max | Prim.Min, lanes: number): Simd => (lanes === 4 ? (p === Prim.Max ? Simd.F32x4Max : Simd.F32x4Min) : p === Prim.Max ? Simd.F64x2Max : Simd.F64x2Min);

/**
 * Before the loop (its lets set for the first cell): the carried vectors of the first iteration.
 *
 * @example
 * regroupPrologue(s, plan, load); // W4: C(0) = max of three rows' v128.load at the first cell
 */
export function regroupPrologue(s: WasmFnState, plan: RegroupPlan, load: (buffer: string, extra: number) => void): void {
  for (const chain of plan.chains.values())
    for (const g of chain.groups) {
      const addr = g.carried.size > 0 ? groupAddress(s, g) : -1;
      for (const m of g.carried) {
        columnVector(s, g, addr, m, simdOf(chain.prim, g.lanes), load);
        s.body.localSet(vectorLocal(s, plan, g, m));
      }
    }
}

/**
 * After an iteration's body: each carried C(m) takes this iteration's C(m + lanes·c) (ascending m, so none is overwritten before it is read).
 *
 * @example
 * regroupCarry(s, plan); // W4: local.get C(4), local.set C(0)
 */
export function regroupCarry(s: WasmFnState, plan: RegroupPlan): void {
  for (const chain of plan.chains.values())
    for (const g of chain.groups)
      for (const m of g.vectors) if (g.carried.has(m)) s.body.localGet(vectorLocal(s, plan, g, m + g.lanes * g.c)).localSet(vectorLocal(s, plan, g, m));
}

/** Bytes of i8x16.shuffle taking lane `from[i]` (a lane of the first vector, or 16 bytes on: of the second) into lane i; lanes of `width` bytes. */
function shuffleBytes(from: readonly number[], width: number): number[] {
  return from.flatMap((b) => Array.from({ length: width }, (_, i) => b + i));
}

/**
 * Push the lanes' values of window column `col`: lane l is col(col + l·c),
 * lane col + l·c − m of the vector C(m) holding it. One vector as it is, or
 * one shuffle per further vector (each merging its lanes into those so far).
 */
function columnLanes(s: WasmFnState, plan: RegroupPlan, g: Group, col: number): void {
  const f = s.body;
  const width = 16 / g.lanes;
  // the vector holding column t: the last starting at or before it (cover() leaves no gaps)
  const holder = (t: number): number => g.vectors.reduce((h, m) => (m <= t ? m : h), g.vectors[0]!);
  const src = Array.from({ length: g.lanes }, (_, l) => holder(col + l * g.c));
  const lane = src.map((m, l) => col + l * g.c - m);
  const holders = [...new Set(src)];
  f.localGet(vectorLocal(s, plan, g, holders[0]!));
  if (holders.length === 1) {
    if (lane.some((x, l) => x !== l)) f.localGet(vectorLocal(s, plan, g, holders[0]!)).shuffle(shuffleBytes(lane.map((x) => x * width), width));
    return;
  }
  for (let h = 1; h < holders.length; h++) {
    f.localGet(vectorLocal(s, plan, g, holders[h]!));
    // after the first shuffle the lanes so far sit in place (lane l of the first operand)
    const from = src.map((m, l) => (m === holders[h] ? 16 + lane[l]! * width : h === 1 ? (m === holders[0] ? lane[l]! : 0) * width : l * width));
    f.shuffle(shuffleBytes(from, width));
  }
}

/**
 * The chain's value for the loop's cells, left on the stack; `get` pushes an operand as a vector.
 *
 * @example
 * regroupChain(s, plan, plan.chains.get(st.name)!, (o) => ops.get(o), load); // then local.set of the root
 */
export function regroupChain(s: WasmFnState, plan: RegroupPlan, chain: Chain, get: (o: Operand) => void, load: (buffer: string, extra: number) => void): void {
  const f = s.body;
  let first = true;
  const op = simdOf(chain.prim, chain.groups[0]!.lanes);
  const combine = (): void => void (first ? (first = false) : f.simd(op));
  for (const g of chain.groups) {
    const addr = groupAddress(s, g);
    for (const m of g.vectors) {
      if (g.carried.has(m)) continue;
      columnVector(s, g, addr, m, op, load);
      f.localSet(vectorLocal(s, plan, g, m));
    }
    for (const col of g.cols) {
      columnLanes(s, plan, g, col);
      combine();
    }
  }
  for (const o of chain.others) {
    get(o);
    combine();
  }
}
