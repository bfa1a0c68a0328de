/**
 * @file Unroll-and-jam of the innermost grid loop. Requires: simplified
 * lowered code (simplify-index.ts), before verification and outlining.
 * Guarantees: an innermost loop over the interior cells of a map (its body
 * only index lets, reads at affine addresses, kernel operations and plain
 * stores into outputs: no scans, gathers, grid reductions or border reads)
 * whose cost model (`jamFactor`) picks J > 1 becomes a loop that handles J
 * cells g … g+J-1 per iteration (`jam: J`), followed by a remainder loop over
 * the cells left. In the jammed body the statements of the J cells run in
 * lockstep (statement i of cell 0, of cell 1, …), each cell's operations in
 * their own order, so results are bit-identical; a read of cell j at the
 * address some other cell already read is that cell's value (a 7-wide
 * window at stride 1 shares 6 of its 7 columns with its neighbour), and a
 * read that does not move with g is read once for all J cells.
 *
 * Worked example (a 3-point stencil, J = 2): the body
 *
 *     val v0 = x0[g0]; val v1 = x0[g0 + 1]; val v2 = add(v0, v1)
 *     val v3 = x0[g0 + 2]; val v4 = add(v2, v3); o0[g0] = v4
 *
 * becomes, for g0 ∈ [from, to) step 2 jam 2,
 *
 *     val v0 = x0[g0]; val v0_1 = x0[g0 + 1]; val v1_1 = x0[g0 + 2]
 *     val v2 = add(v0, v0_1); val v2_1 = add(v0_1, v1_1)
 *     val v3_1 = x0[g0 + 3]; val v4 = add(v2, v1_1); val v4_1 = add(v2_1, v3_1)
 *     o0[g0] = v4; o0[g0 + 1] = v4_1
 *
 * (the reads of cell 0 at g0 + 1 and g0 + 2 are cell 1's), then the
 * remainder g0 ∈ [max(from, to - (to - from) % 2), to) with the old body
 * (bounds that are not a name or a number are first bound to lets
 * `g<d>lo`, `g<d>hi`). Loops over dims of fewer than MIN_CELLS cells are
 * left alone.
 */
import { assertNever } from "../primitives";
import { ix, scalarUses, type IndexExpr, type LoweredCode, type Operand, type ScalarExpr, type Stmt } from "./lowered-ir";
import { simplifyIndex } from "./simplify-index";

/** How many cells each address moves per cell of the loop (null: not affine in the loop variable). */
type Deltas = ReadonlyMap<string, number | null>;

/** The change of `e` when the loop variable grows by one, or null when it is not affine in it. */
function deltaOf(e: IndexExpr, deltas: Deltas): number | null {
  switch (e.kind) {
    case "const":
      return 0;
    case "var":
      // a name not defined in the loop body does not change with its variable
      return deltas.has(e.name) ? deltas.get(e.name)! : 0;
    case "add": {
      const [a, b] = [deltaOf(e.a, deltas), deltaOf(e.b, deltas)];
      return a === null || b === null ? null : a + b;
    }
    case "mul": {
      const a = deltaOf(e.a, deltas);
      return a === null ? null : a * e.k;
    }
    case "div":
    case "mod":
      return still(deltas, e.a);
    case "min":
    case "max":
      return still(deltas, e.a, e.b);
    case "table":
      return still(deltas, e.at);
    case "select":
      // its test is not followed: taken as moving
      return null;
    default:
      return assertNever(e);
  }
}

/** 0 when none of `parts` changes with the loop variable (the expression made of them is then constant in it), else null. */
function still(deltas: Deltas, ...parts: readonly IndexExpr[]): number | null {
  return parts.every((x) => deltaOf(x, deltas) === 0) ? 0 : null;
}

/** A jammable loop body: its lets' deltas, or null when the body is not a map's interior cell. */
function bodyDeltas(code: LoweredCode, loop: Extract<Stmt, { kind: "for" }>): Map<string, number | null> | null {
  if (loop.step !== 1 || loop.reverse || (loop.jam ?? 1) !== 1) return null;
  const role = new Map(code.buffers.map((b) => [b.name, b]));
  const deltas = new Map<string, number | null>([[loop.v, 1]]);
  const affine = (e: IndexExpr): boolean => deltaOf(e, deltas) !== null;
  for (const s of loop.body) {
    if (s.kind === "let") deltas.set(s.name, deltaOf(s.value, deltas));
    else if (s.kind === "value") {
      const v = s.value;
      // border reads, and a sweep's reads that choose between two arrays, are not jammed
      if (v.kind === "padLoad" || v.kind === "choose") return null;
      // reads only of buffers nothing in the loop writes (a scan's working arrays are writable)
      if (v.kind === "load" && (role.get(v.buffer)?.writable !== false || !affine(v.at))) return null;
    } else if (s.kind === "store") {
      if (s.op !== "set" || s.guarded || role.get(s.buffer)?.role !== "output" || !affine(s.at)) return null;
    } else return null;
  }
  return deltas;
}

/** What the cost model knows of a loop body. */
export interface JamProfile {
  /** Reads per cell. */
  readonly reads: number;
  /** Kernel operations per cell (not reads, not stores). */
  readonly arithmetic: number;
  /** Stores per cell. */
  readonly stores: number;
  /** Distinct reads of J cells, for J = 1 … 4 (index J - 1). */
  readonly distinctReads: readonly number[];
  /** Most values live at once in the body jammed J cells deep, for J = 1 … 4 (index J - 1). */
  readonly live: readonly number[];
  /** Statements of the body jammed J cells deep, for J = 1 … 4 (index J - 1); with `gridCells`, what V8 compiles. */
  readonly statements?: readonly number[];
  /** Cells of the whole grid (one call runs them all): what a jam's saving per cell is multiplied by. */
  readonly gridCells?: number;
}

/**
 * Cells per iteration for a loop body, from its profile: the J in 1 … 4
 * that minimizes the estimated cost per cell
 *
 *     cost(J) = (distinctReads(J)·READ_COST + J·(arithmetic + stores) + LOOP_COST) / J
 *
 * among the J whose cells share reads and whose jammed body keeps at most
 * LIVE_CAP values live at once, and only when it saves at least MIN_GAIN
 * over J = 1. A body with less than MIN_ARITHMETIC operations per read is
 * bound by memory traffic, which a jam does not reduce: it stays as it is.
 * Given the grid's cells and the jammed bodies' statement counts, a J must
 * also pay back its first-call warm-up (V8 optimizing a longer body)
 * within PAYBACK_CALLS calls:
 *
 *     PAYBACK_CALLS · gridCells · (cost(1) - cost(J)) · NS_PER_UNIT ≥ statements(J) · WARMUP_NS_PER_STATEMENT
 *
 * unless the grid has fewer than WARM_CELLS cells.
 *
 * Measured (`npm run bench -- --single`, 2-core AMD EPYC VM, Node 20,
 * 2026-12-02; ratios to the hand-written loops, J forced, two runs each):
 *
 *     workload (reads, arithmetic, live at J=1…4)   J=1        J=2        J=3        J=4
 *     W1 conv 3×3×3   (27, 53, 2/4/7/10)            1.01 1.00  0.89 0.71  0.90 0.73  0.61 0.92
 *     W2 patches      ( 3,  0, 3/4/5/6)             0.70 0.67  0.90 0.55  0.65 0.72  0.79 0.89
 *     W3 laplacian    ( 5,  5, 3/5/7/9)             0.95 1.05  0.74 0.77  0.67 0.68  0.66 0.65
 *     W4 max-pool s2  ( 9,  8, 3/6/9/12)            0.93 0.89  0.88 0.89  0.87 0.86  0.85 0.90
 *     W7 blur 7×7     (49, 97, 2/4/7/10)            1.01 0.97  0.69 0.59  0.64 0.63  0.74 0.75
 *
 * W7 at J = 4 (10 values live) is slower than at J = 3 (7 live) in every
 * run; W2 (no arithmetic) gains nothing reliable.
 *
 * @example
 * jamFactor({ reads: 49, arithmetic: 97, stores: 1, distinctReads: [49, 56, 63, 70], live: [2, 4, 7, 10] }); // 3 (a 7×7 blur)
 */
export function jamFactor(p: JamProfile): number {
  if (p.arithmetic < MIN_ARITHMETIC * p.reads || p.reads === 0) return 1;
  const cost = (j: number): number => (p.distinctReads[j - 1]! * READ_COST + j * (p.arithmetic + p.stores) + LOOP_COST) / j;
  // on a large grid the jammed loop's warm-up (V8 optimizing a longer body) must be paid back within PAYBACK_CALLS calls
  const paysBack = (j: number): boolean =>
    p.gridCells === undefined ||
    p.statements === undefined ||
    p.gridCells < WARM_CELLS ||
    PAYBACK_CALLS * p.gridCells * (cost(1) - cost(j)) * NS_PER_UNIT >= p.statements[j - 1]! * WARMUP_NS_PER_STATEMENT;
  let best = 1;
  for (let j = 2; j <= p.distinctReads.length; j++) {
    // only reads the cells share make a jam pay: without them it is a longer loop body
    const shares = p.distinctReads[j - 1]! < j * p.reads;
    if (shares && p.live[j - 1]! <= LIVE_CAP && cost(j) < cost(best) && paysBack(j)) best = j;
  }
  return cost(best) <= (1 - MIN_GAIN) * cost(1) ? best : 1;
}

/** A read costs about two operations (bounds check and load), in units of one kernel operation. */
const READ_COST = 2;
/** The loop's own work per iteration (increment, compare, the cell's lets). */
const LOOP_COST = 4;
/** Values live at once past which the jammed body spills (W7: 7 live at J = 3 is faster than 10 at J = 4). */
const LIVE_CAP = 8;
/** Operations per read below which a body is bound by memory traffic (W2: none). */
const MIN_ARITHMETIC = 0.5;
/** The least saving in estimated cost per cell worth a longer loop. */
const MIN_GAIN = 0.1;
/** Nanoseconds per unit of estimated cost, single thread (W1 at J = 1: 112 units a cell, 1024² cells in 17–20 ms; W7: 200 units, ~29 ms). */
const NS_PER_UNIT = 0.15;
/**
 * Nanoseconds of first-call warm-up per statement of a jammed loop body: W1's
 * first call in a fresh process took ~50 ms more CPU time at J = 3 (209
 * statements) than at J = 1 (bench/first-call.ts, `callCpuMs`, 2026-12-02).
 */
const WARMUP_NS_PER_STATEMENT = 240_000;
/**
 * Calls of one compiled kernel within which a jam must pay back its warm-up.
 * A jitted kernel is compiled once per shape and called again and again, but
 * one call alone pays back nothing at 1024² (W1 saves ~4 ms a call against
 * ~50 ms of warm-up); at 16 calls W1, W3, W4 and W7 at 1024² jam, grids of
 * 256² do not.
 */
const PAYBACK_CALLS = 16;
/**
 * Grids with fewer cells are exempt from the warm-up test: a call runs their
 * loop too few times for V8 to optimize it during the call, so the jam's
 * first-call cost is the parsing of a longer body (microseconds).
 */
const WARM_CELLS = 1 << 14;
/** Loops over a dim with fewer cells are left alone: two iterations of J = 4 at most, the code grows for nothing. */
const MIN_CELLS = 8;

/**
 * A read's address split as `base + c` (base null when the address is a
 * constant), with the key of its base and how far it moves per cell: the
 * address of cell j is `base + (c + j·delta)`, and two reads of one buffer
 * read one element when their bases' keys and offsets agree. Computed once
 * per read, so that keying J cells' reads costs no printing of addresses.
 */
interface Address {
  readonly base: IndexExpr | null;
  readonly key: string;
  readonly c: number;
  readonly delta: number;
}

function addressOf(buffer: string, at: IndexExpr, deltas: Deltas): Address {
  const delta = deltaOf(at, deltas)!;
  if (at.kind === "const") return { base: null, key: buffer, c: at.value, delta };
  const split = at.kind === "add" && at.b.kind === "const";
  const base = split ? at.a : at;
  return { base, key: `${buffer}[${JSON.stringify(base)}]`, c: split && at.b.kind === "const" ? at.b.value : 0, delta };
}

/** The address of cell `j` (simplified code keeps its constant term on the right, as `add` folds it). */
function shiftedAt(a: Address, j: number): IndexExpr {
  const c = a.c + a.delta * j;
  if (a.base === null) return ix.num(c);
  return c === 0 ? a.base : ix.add(a.base, c);
}

/** The key of the element cell `j` reads. */
const cellKey = (a: Address, j: number): string => `${a.key}+${a.c + a.delta * j}`;

/** The address of a store or a read `j` cells after the loop variable's: `at + j·delta(at)`, folded. */
function shifted(at: IndexExpr, j: number, deltas: Deltas): IndexExpr {
  return simplifyIndex(ix.add(at, deltaOf(at, deltas)! * j));
}

/** The body of a loop that runs J cells per iteration, each cell's statements in lockstep. */
function jammedBody(body: readonly Stmt[], deltas: Deltas, cells: number, addresses: ReadonlyMap<Stmt, Address>): Stmt[] {
  const out: Stmt[] = [];
  const loaded = new Map<string, string>();
  const names = Array.from({ length: cells }, () => new Map<string, string>());
  const rename = (o: Operand, j: number): Operand => (o.kind === "ref" ? { kind: "ref", name: names[j]!.get(o.name) ?? o.name } : o);
  const own = (name: string, j: number): string => {
    const n = j === 0 ? name : `${name}_${j}`;
    names[j]!.set(name, n);
    return n;
  };
  for (const s of body) {
    for (let j = 0; j < cells; j++) {
      if (s.kind === "let") {
        if (j === 0) out.push(s);
      } else if (s.kind === "value" && s.value.kind === "load") {
        const address = addresses.get(s)!;
        const key = cellKey(address, j);
        const seen = loaded.get(key);
        if (seen !== undefined) names[j]!.set(s.name, seen);
        else {
          const name = own(s.name, j);
          loaded.set(key, name);
          out.push({ kind: "value", name, value: { ...s.value, at: shiftedAt(address, j) } });
        }
      } else if (s.kind === "value") {
        const value = renameScalar(s.value, (o) => rename(o, j));
        out.push({ kind: "value", name: own(s.name, j), value });
      } else if (s.kind === "store") {
        out.push({ ...s, at: shifted(s.at, j, deltas), value: rename(s.value, j) });
      }
    }
  }
  return out;
}

/** A kernel operation with its operands renamed. */
function renameScalar(s: ScalarExpr, f: (o: Operand) => Operand): ScalarExpr {
  switch (s.kind) {
    case "unary":
      return { ...s, a: f(s.a) };
    case "binary":
      return { ...s, a: f(s.a), b: f(s.b) };
    case "select":
      return { ...s, c: f(s.c), a: f(s.a), b: f(s.b) };
    case "sum":
      return { ...s, terms: s.terms.map(f) };
    case "load":
    case "padLoad":
      // reads have no operands (jammedBody shifts their addresses)
      return s;
    case "choose":
      throw new Error("jam: a choose read is never jammed (bodyDeltas refuses it)");
    default:
      return assertNever(s);
  }
}

/** The cost model's view of a jammable body, and the body jammed J cells deep for J = 1 … 4 (index J - 1). */
function profileOf(body: readonly Stmt[], deltas: Deltas, gridCells: number): { profile: JamProfile; bodies: Stmt[][] } {
  const addresses = new Map<Stmt, Address>();
  for (const s of body) if (s.kind === "value" && s.value.kind === "load") addresses.set(s, addressOf(s.value.buffer, s.value.at, deltas));
  const arithmetic = body.filter((s) => s.kind === "value" && s.value.kind !== "load").length;
  const stores = body.filter((s) => s.kind === "store").length;
  const distinctReads = [1, 2, 3, 4].map((cells) => {
    const keys = new Set<string>();
    for (let j = 0; j < cells; j++) addresses.forEach((a) => keys.add(cellKey(a, j)));
    return keys.size;
  });
  const bodies = [1, 2, 3, 4].map((cells) => (cells === 1 ? [...body] : jammedBody(body, deltas, cells, addresses)));
  const live = bodies.map(maxLive);
  const statements = bodies.map((b) => b.length);
  return { profile: { reads: addresses.size, arithmetic, stores, distinctReads, live, statements, gridCells }, bodies };
}

/** The most kernel values live at once in a straight-line body (defined, and read again later). */
function maxLive(body: readonly Stmt[]): number {
  const last = new Map<string, number>();
  body.forEach((s, i) => {
    if (s.kind === "value") scalarUses(s.value, (n) => last.set(n, i));
    else if (s.kind === "store" && s.value.kind === "ref") last.set(s.value.name, i);
  });
  let live = 0;
  let most = 0;
  body.forEach((s, i) => {
    if (s.kind === "value" && (last.get(s.name) ?? -1) > i) most = Math.max(most, ++live);
    const ends = new Set<string>();
    if (s.kind === "value") scalarUses(s.value, (n) => ends.add(n));
    else if (s.kind === "store" && s.value.kind === "ref") ends.add(s.value.name);
    for (const n of ends) if (last.get(n) === i) live--;
  });
  return most;
}

/** A bound as itself when it is a name or a number, else as a let `name` defined before the loops. */
function boundLet(e: IndexExpr, name: string, lets: Stmt[]): IndexExpr {
  if (e.kind === "var" || e.kind === "const") return e;
  lets.push({ kind: "let", name, value: e });
  return ix.v(name);
}

/** A jammable innermost loop as its jammed loop and remainder (after lets of their bounds), or null to keep it. */
function jamLoop(code: LoweredCode, loop: Extract<Stmt, { kind: "for" }>): Stmt[] | null {
  if (code.extents[loop.dim]! < MIN_CELLS) return null;
  const deltas = bodyDeltas(code, loop);
  if (deltas === null) return null;
  const { profile, bodies } = profileOf(loop.body, deltas, code.extents.reduce((n, e) => n * e, 1));
  const cells = jamFactor(profile);
  if (cells === 1) return null;
  const lets: Stmt[] = [];
  const from = boundLet(loop.from, `${loop.v}lo`, lets);
  const to = boundLet(loop.to, `${loop.v}hi`, lets);
  // where the jammed loop stops: from + ⌊(to - from) / J⌋·J (from itself when to < from)
  const rest = simplifyIndex(ix.max(from, ix.sub(to, ix.mod(ix.sub(to, from), cells))));
  return [
    ...lets,
    { ...loop, from, to, step: cells, jam: cells, body: bodies[cells - 1]! },
    { ...loop, from: rest, to },
  ];
}

/**
 * Jam the innermost loops of lowered code that the cost model picks (see
 * the file header); the same object when nothing changed.
 *
 * @example
 * checkLowered(jamLowered(simplifyLowered(lowerStencil(nest))), "jam");
 */
export function jamLowered(code: LoweredCode): LoweredCode {
  let changed = false;
  const walk = (body: readonly Stmt[]): Stmt[] =>
    body.flatMap((s): Stmt[] => {
      if (s.kind === "if") return [{ ...s, then: walk(s.then), else: walk(s.else) }];
      if (s.kind === "block") return [{ ...s, body: walk(s.body) }];
      if (s.kind !== "for") return [s];
      if (s.body.some((t) => t.kind === "for" || t.kind === "block" || t.kind === "if")) return [{ ...s, body: walk(s.body) }];
      const jammed = jamLoop(code, s);
      if (jammed === null) return [s];
      changed = true;
      return jammed;
    });
  const body = walk(code.body);
  return changed ? { ...code, body } : code;
}
