/**
 * @file The buffer plan of a compiled loop: which buffer every value of the
 * (optimized) body lives in at every step, and the operations of a step
 * (compiler/codegen/emit-loop.ts prints them as one function).
 *
 * Each carry owns two buffers; carries of the same shape and dtype share
 * theirs. A step writes each new carry into a buffer that holds no current
 * carry (so it never overwrites what it reads), and a carry passed through
 * unchanged (`[u, uPrev] → [next, u]`) just changes buffers. Simulating the
 * assignment from the start, the state (which buffer holds which carry)
 * repeats after a few steps: those are the plan's phases.
 *
 * An in-place map (smap) writes only window centres, and the other cells
 * must be its input's: the step copies the input first, except when the
 * output buffer last held a value of the same carry made by the same
 * stencil from that carry — its untouched cells are then already right
 * (the heat equation's border: no copy at all).
 *
 * Bodies the plan cannot compile (anything but stencils and gathers after
 * fusion, or a scan that does not write in place) return null: the loop
 * then runs step by step (runtime/executor/run-loop.ts).
 */
import { isStencilEqn, Lit, Var, sizeOf, type Atom, type Aval, type AnyEqn, type Program, type StencilEqn } from "../../compiler/ir";
import type { LoopBuf, LoopOp, LoopPlanCode } from "../../compiler/codegen/emit-loop";
import { scanWritesInPlace } from "../../compiler/loop/loop-ir";
import { Prim, type LoopParams, type StencilParams } from "../../compiler/primitives";
import type { FloatArray } from "../buffers";
import { compileStencil, type CompiledStencil } from "./stencil-kernel";
import type { Uncovered } from "./inplace-cover";

/**
 * How a plan buffer is set up before the loop. A carry's second buffer
 * whose first write is an in-place map that keeps its border (see
 * keepsBorder) takes only the cells that map leaves (`border`); one whose
 * first write covers it is a "temp" (nothing to copy).
 */
export type BufInit =
  | { readonly kind: "carry"; readonly carry: number }
  | { readonly kind: "border"; readonly carry: number; readonly cells: Uncovered }
  | { readonly kind: "invariant"; readonly input: number }
  | { readonly kind: "lit"; readonly value: number }
  | { readonly kind: "temp" }
  | { readonly kind: "index" };

/** A planned loop: the code plan, buffer set-up, and where the carries are after n steps. */
export interface LoopPlan {
  readonly code: LoopPlanCode;
  readonly stencils: readonly CompiledStencil[];
  /** Per equation: its host function, or null for a compiled stencil. */
  readonly host: readonly (HostFn | null)[];
  readonly bufAvals: readonly Aval[];
  readonly init: readonly BufInit[];
  /** Table offset of each stencil in the concatenated tables. */
  readonly tables: readonly Int32Array[];
  /** Buffers holding the carries before step s (for s < transient + period). */
  readonly states: readonly (readonly number[])[];
  /** Extent of the split dim and work per step when the loop can be sharded, else null. */
  readonly shard: { readonly n: number; readonly workPerCall: number; readonly calls: number } | null;
}

function avalKey(a: Aval): string {
  return `${a.dtype}[${a.shape.join(",")}]`;
}

/** Where the buffers of a stencil's operands go in its `f` list, and the pre-operations it needs. */
function stencilArgs(eqn: StencilEqn, bufOf: (a: Atom) => LoopBuf, outBufs: readonly LoopBuf[], sched: CompiledStencil["schedule"]): { args: LoopBuf[]; pre: LoopOp[] } | null {
  const p = eqn.params;
  const gather = eqn.prim === Prim.StencilGather;
  const ins = eqn.inputs.map(bufOf);
  const windowed = ins.slice(0, p.nWindowed);
  const extras = ins.slice(p.nWindowed);
  const pre: LoopOp[] = [];
  if (!gather && p.spec.kind === "scan") {
    if (!scanWritesInPlace(p) || outBufs.length !== p.nWindowed) return null;
    outBufs.forEach((o, j) => pre.push({ kind: "copy", dst: o, src: windowed[j]! }));
    return { args: [...outBufs, ...extras], pre };
  }
  const writesAll = gather ? !sched.adds : p.spec.placement === "grid" && !p.reduceGrid && p.branches.some((br) => br.region === null);
  if (p.spec.placement === "inplace" && !gather) outBufs.forEach((o, j) => pre.push({ kind: "copy", dst: o, src: windowed[j]! }));
  else if (!writesAll) outBufs.forEach((o) => pre.push({ kind: "fill", dst: o, value: 0 }));
  return { args: [...windowed, ...extras, ...outBufs], pre };
}

/** Runs one equation that is not a compiled stencil: reads `ins`, writes its results into `outs`. */
export type HostFn = (ins: readonly FloatArray[], outs: readonly FloatArray[]) => void;

/**
 * The compiled stencil of every equation, or null for an equation the
 * host runs (anything else, and stencils that cannot be compiled or whose
 * layout the plan does not handle).
 */
function compileEqns(body: Program): (CompiledStencil | null)[] {
  return body.eqns.map((eqn) => {
    if (eqn.prim !== Prim.Stencil && eqn.prim !== Prim.StencilGather) return null;
    const p = eqn.params;
    if (eqn.inputs.some((a) => a instanceof Lit)) return null;
    if (eqn.prim === Prim.Stencil && p.spec.kind === "scan" && (!scanWritesInPlace(p) || eqn.outputs.length !== p.nWindowed)) return null;
    return compileStencil(eqn.prim, p, eqn.inputs.slice(p.nWindowed).map((a) => a.aval.shape));
  });
}

/** Per-step state: the buffer of each carry, and which carry each buffer last held. */
interface State {
  readonly cur: readonly number[];
  readonly label: ReadonlyMap<number, number>;
}

/**
 * Plan a loop over an optimized body, or null when it must run step by step.
 *
 * @example
 * planLoop(optimizedBody, params); // { code, states, ... }
 */
export function planLoop(body: Program, p: LoopParams, hostFor: (eqn: AnyEqn) => HostFn): LoopPlan | null {
  const compiled = compileEqns(body);
  const host = compiled.map((c, e) => (c === null ? hostFor(body.eqns[e]!) : null));
  const nc = p.nCarry;
  const nx = p.nXs;
  const bufAvals: Aval[] = [];
  const init: BufInit[] = [];
  const newBuf = (aval: Aval, how: BufInit): number => {
    init.push(how);
    return bufAvals.push(aval) - 1;
  };
  const inputRole = inputRoles(body, nc, nx);
  const index = readsIndex(body) ? newBuf(body.inputs[0]!.aval, { kind: "index" }) : -1;
  // two buffers per carry, pooled by aval
  const { pools, cur0, label0 } = carryBuffers(body, nc, newBuf);
  const invBuf = new Map<number, number>();
  body.inputs.slice(1 + nc + nx).forEach((v, j) => invBuf.set(j, newBuf(v.aval, { kind: "invariant", input: j })));
  const producer = new Map<Var, AnyEqn>();
  for (const e of body.eqns) for (const o of e.outputs) producer.set(o, e);
  const carryOut = new Set<Var>(body.outputs.slice(0, nc).filter((a): a is Var => a instanceof Var && producer.has(a)));
  const temps = new Map<Var, number>();
  for (const e of body.eqns) for (const o of e.outputs) if (!carryOut.has(o)) temps.set(o, newBuf(o.aval, { kind: "temp" }));
  const lits = new Map<number, number>();
  const litBuf = (l: Lit): number => {
    const k = lits.get(l.value);
    if (k !== undefined && bufAvals[k]!.dtype === l.aval.dtype) return k;
    const b = newBuf(l.aval, { kind: "lit", value: l.value });
    lits.set(l.value, b);
    return b;
  };
  const rowLen = (v: Var): number => sizeOf(v.aval.shape);
  // compiled stencils, numbered in order
  const stencils = compiled.filter((c): c is CompiledStencil => c !== null);
  const stencilIndex = compiled.map((c) => (c === null ? -1 : stencils.indexOf(c)));

  // per buffer, what its first write leaves to its initial contents: the border of an in-place map, or nothing
  const firstWrite = new Map<number, Uncovered | null>();
  const writes = (x: LoopBuf, border: Uncovered | null = null): void => {
    if (x.kind === "buf" && !firstWrite.has(x.id)) firstWrite.set(x.id, border);
  };
  const step = (s: State): { ops: LoopOp[]; next: State } => {
    const busy = new Set<number>(s.cur);
    const assigned = new Map<Var, number>();
    const label = new Map(s.label);
    const take = (aval: Aval, j: number): number => {
      const free = pools.get(avalKey(aval))!.filter((x) => !busy.has(x));
      const pick = free.find((x) => label.get(x) === j) ?? free[0]!;
      busy.add(pick);
      return pick;
    };
    const late: LoopOp[] = [];
    const nextCur: number[] = [];
    const bufOf = (a: Atom): LoopBuf => {
      if (a instanceof Lit) return { kind: "buf", id: litBuf(a) };
      const role = inputRole.get(a);
      if (role?.kind === "index") return { kind: "buf", id: index };
      if (role?.kind === "carry") return { kind: "buf", id: s.cur[role.j]! };
      if (role?.kind === "x") return { kind: "row", seq: role.j, len: rowLen(a) };
      if (role?.kind === "inv") return { kind: "buf", id: invBuf.get(role.j)! };
      return { kind: "buf", id: assigned.get(a) ?? temps.get(a)! };
    };
    body.outputs.slice(0, nc).forEach((a, j) => {
      if (a instanceof Var && carryOut.has(a)) {
        if (!assigned.has(a)) assigned.set(a, take(a.aval, j));
        nextCur.push(assigned.get(a)!);
        return;
      }
      const role = a instanceof Var ? inputRole.get(a) : undefined;
      if (role?.kind === "carry") {
        nextCur.push(s.cur[role.j]!);
        return;
      }
      // a value that is no carry and no stencil result: copied (or filled) into a free buffer after the step
      const dst = take(body.outputs[j]!.aval, j);
      late.push(a instanceof Lit ? { kind: "fill", dst: { kind: "buf", id: dst }, value: a.value } : { kind: "copy", dst: { kind: "buf", id: dst }, src: bufOf(a) });
      nextCur.push(dst);
    });
    const ops: LoopOp[] = [];
    body.eqns.forEach((eqn, e) => {
      const outs = eqn.outputs.map((o) => bufOf(o));
      if (compiled[e] === null || !isStencilEqn(eqn)) {
        ops.push({ kind: "host", fn: e, ins: eqn.inputs.map(bufOf), outs });
        outs.forEach((o) => writes(o));
        return;
      }
      const placed = stencilArgs(eqn, bufOf, outs, compiled[e]!.schedule);
      if (placed === null) throw new NotPlannable();
      const p2 = eqn.params;
      for (const op of placed.pre) {
        if (op.kind === "copy" && op.dst.kind === "buf" && op.src.kind === "buf" && op.dst.id === op.src.id) continue;
        if (op.kind === "copy" && keepsBorder(eqn, p2, op, s, label, inputRole, body, nc)) {
          writes(op.dst, compiled[e]!.uncovered);
          continue;
        }
        ops.push(op);
        if (op.kind === "copy" || op.kind === "fill") writes(op.dst);
      }
      ops.push({ kind: "call", stencil: stencilIndex[e]!, args: placed.args, tables: [], n: compiled[e]!.schedule.n });
      outs.forEach((o) => writes(o));
    });
    ops.push(...late);
    late.forEach((op) => (op.kind === "copy" || op.kind === "fill") && writes(op.dst));
    body.outputs.slice(nc).forEach((a, j) => {
      const dst: LoopBuf = { kind: "row", seq: nx + j, len: sizeOf(a.aval.shape) };
      ops.push(a instanceof Lit ? { kind: "fill", dst, value: a.value } : { kind: "copy", dst, src: bufOf(a) });
    });
    nextCur.forEach((b, j) => label.set(b, j));
    return { ops, next: { cur: nextCur, label } };
  };

  const sim = simulate({ cur: cur0, label: label0 }, step);
  if (sim === null) return null;
  secondBuffersInit(init, cur0, firstWrite);
  const { code, tables } = planCode(sim, stencils, { nBuffers: bufAvals.length, nSeqs: nx + body.outputs.length - nc, index, reverse: p.reverse });
  return { code, stencils, host, bufAvals, init, tables, states: sim.states, shard: shardInfo(code, compiled, body) };
}

/** The plan's code: each phase's stencil calls given their table offsets (stencil e's tables start at the running count). */
function planCode(
  { phases, transient }: { phases: LoopOp[][]; transient: number },
  stencils: readonly CompiledStencil[],
  shape: Pick<LoopPlanCode, "nBuffers" | "nSeqs" | "index" | "reverse">,
): { code: LoopPlanCode; tables: Int32Array[] } {
  const tables: Int32Array[] = [];
  const offsets = stencils.map((c) => {
    const at = tables.length;
    tables.push(...c.tables);
    return c.tables.map((_, i) => at + i);
  });
  const withTables = phases.map((ops) => ops.map((op) => (op.kind === "call" ? { ...op, tables: offsets[op.stencil]! } : op)));
  const code: LoopPlanCode = { stencils: stencils.map((c) => c.body), ...shape, phases: withTables, transient, period: phases.length - transient };
  return { code, tables };
}

class NotPlannable extends Error {}

/**
 * A carry's second buffer is never read before a step writes it: it needs
 * the carry's cells only where its first write leaves them (an in-place
 * map's border), and nothing when that write covers it. Copying the whole
 * carry into it cost a full pass over memory per call (and, in a sharded
 * loop, took every page fault of a fresh buffer on the calling thread).
 */
function secondBuffersInit(init: BufInit[], cur0: readonly number[], firstWrite: ReadonlyMap<number, Uncovered | null>): void {
  init.forEach((how, b) => {
    if (how.kind !== "carry" || cur0.includes(b) || !firstWrite.has(b)) return;
    const border = firstWrite.get(b)!;
    init[b] = border === null ? { kind: "temp" } : border.all ? how : { kind: "border", carry: how.carry, cells: border };
  });
}

/** Two buffers per carry, pooled by aval; carry j starts in the first of its two (both labelled j). */
function carryBuffers(body: Program, nc: number, newBuf: (aval: Aval, how: BufInit) => number): { pools: Map<string, number[]>; cur0: number[]; label0: Map<number, number> } {
  const pools = new Map<string, number[]>();
  const cur0: number[] = [];
  const label0 = new Map<number, number>();
  body.inputs.slice(1, 1 + nc).forEach((v, j) => {
    const a = newBuf(v.aval, { kind: "carry", carry: j });
    const b = newBuf(v.aval, { kind: "carry", carry: j });
    const key = avalKey(v.aval);
    pools.set(key, [...(pools.get(key) ?? []), a, b]);
    cur0.push(a);
    label0.set(a, j);
    label0.set(b, j);
  });
  return { pools, cur0, label0 };
}

/** What each body input is: the index, carry j, sequence j or invariant j. */
type InputRole = { kind: "index" } | { kind: "carry"; j: number } | { kind: "x"; j: number } | { kind: "inv"; j: number };

function inputRoles(body: Program, nc: number, nx: number): Map<Var, InputRole> {
  const roles = new Map<Var, InputRole>();
  body.inputs.forEach((v, i) => {
    if (i === 0) roles.set(v, { kind: "index" });
    else if (i <= nc) roles.set(v, { kind: "carry", j: i - 1 });
    else if (i <= nc + nx) roles.set(v, { kind: "x", j: i - 1 - nc });
    else roles.set(v, { kind: "inv", j: i - 1 - nc - nx });
  });
  return roles;
}

/** Does the body read the loop index? */
function readsIndex(body: Program): boolean {
  const i = body.inputs[0]!;
  return body.eqns.some((e) => e.inputs.includes(i)) || body.outputs.includes(i);
}

/**
 * Run the step's buffer assignment from the start until a state repeats:
 * the states before each step, the operations of each, and the first step
 * of the cycle (the plan's phases repeat from there). Null when a step
 * cannot be planned.
 */
function simulate(start: State, step: (s: State) => { ops: LoopOp[]; next: State }): { states: number[][]; phases: LoopOp[][]; transient: number } | null {
  const states: number[][] = [];
  const phases: LoopOp[][] = [];
  const seen = new Map<string, number>();
  let s = start;
  for (;;) {
    const key = JSON.stringify([s.cur, [...s.label].sort((a, b) => a[0] - b[0])]);
    const at = seen.get(key);
    if (at !== undefined) return { states, phases, transient: at };
    seen.set(key, states.length);
    states.push([...s.cur]);
    try {
      const r = step(s);
      phases.push(r.ops);
      s = r.next;
    } catch (e) {
      if (e instanceof NotPlannable) return null;
      throw e;
    }
  }
}

/**
 * May an in-place map skip copying its input into its output? Yes when the
 * output becomes carry c, the map reads carry c, and the output buffer
 * last held a value of carry c: every value of carry c comes from this
 * map, so the cells it leaves alone are the same in all of them.
 */
function keepsBorder(eqn: AnyEqn, p: StencilParams, op: Extract<LoopOp, { kind: "copy" }>, s: State, label: ReadonlyMap<number, number>, roles: ReadonlyMap<Var, { kind: string; j?: number }>, body: Program, nc: number): boolean {
  if (p.spec.placement !== "inplace" || p.spec.kind !== "map" || op.dst.kind !== "buf" || op.src.kind !== "buf") return false;
  const j = eqn.outputs.findIndex((o) => body.outputs.slice(0, nc).includes(o));
  if (j < 0) return false;
  const out = eqn.outputs[j]!;
  const c = body.outputs.indexOf(out);
  const src = eqn.inputs[j];
  const role = src instanceof Var ? roles.get(src) : undefined;
  if (role?.kind !== "carry" || role.j !== c) return false;
  if (op.src.id !== s.cur[c]) return false;
  // only the copy into this output's buffer, which last held carry c
  return label.get(op.dst.id) === c && eqn.outputs.length === 1;
}

/** Can every step be split over threads with one barrier per call? */
function shardInfo(code: LoopPlanCode, compiled: readonly (CompiledStencil | null)[], body: Program): LoopPlan["shard"] {
  if (code.nSeqs > 0 || code.index >= 0) return null;
  const calls = code.phases[0]!.length;
  let n = -1;
  let work = 0;
  for (const ops of code.phases) {
    if (ops.length !== calls || ops.some((op) => op.kind !== "call")) return null;
  }
  for (const [e, c] of compiled.entries()) {
    if (c === null) return null;
    const eqn = body.eqns[e]!;
    if (!isStencilEqn(eqn)) return null;
    const cells = sizeOf(eqn.params.spec.gridShape);
    if (!c.schedule.parallel || c.schedule.steps !== 1 || c.schedule.adds) return null;
    if (n >= 0 && c.schedule.n !== n) return null;
    n = c.schedule.n;
    work = Math.max(work, cells * c.costPerCell);
  }
  return n > 0 ? { n, workPerCall: work, calls } : null;
}
