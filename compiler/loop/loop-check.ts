/**
 * @file The loop verifier. On a loop nest: cuts run from 0 to the grid
 * size, one leaf per box, owners name real branches, kernels typecheck, and
 * every read of an interior box is proven inside the input from the box's
 * ranges. On lowered code (lowered-ir.ts): names defined before use, stores
 * only into outputs, loops inside the grid (a jammed loop's last cell too),
 * reads and stores of every cell inside their buffers by interval
 * arithmetic (range.ts).
 */
import { checkProgram } from "../ir-check";
import { printLoopNest, printLowered } from "../ir-print";
import { assertNever } from "../primitives";
import { leafBox, type LoopNest } from "./loop-ir";
import { indexUses, scalarUses, testUses, type IndexExpr, type LoweredCode, type Operand, type ScalarExpr, type Stmt, type Test } from "./lowered-ir";
import { LetDefs } from "./let-defs";
import { narrow, narrowLets, rangeOf, readsTable, type Range } from "./range";

/** Throw (naming the pass and the problem, with the listing) if the nest is malformed. */
export function checkLoopNest(nest: LoopNest, pass: string): void {
  const fail = (msg: string): never => {
    throw new Error(`loop verifier after ${pass}: ${msg}\n${printLoopNest(nest)}`);
  };
  const spec = nest.params.spec;
  nest.cuts.forEach((c, d) => {
    if (c[0] !== 0 || c[c.length - 1] !== spec.gridShape[d]) fail(`cuts of dim ${d} must run from 0 to ${spec.gridShape[d]}`);
    // an empty dimension (size 0: an empty batch or input) has the one empty box [0, 0)
    if (spec.gridShape[d] === 0 && c.length === 2) return;
    for (let i = 1; i < c.length; i++) if (!(c[i]! > c[i - 1]!)) fail(`cuts of dim ${d} are not increasing`);
  });
  const count = nest.cuts.reduce((n, c) => n * (c.length - 1), 1);
  if (nest.leaves.length !== count) fail(`${nest.leaves.length} leaves for ${count} boxes`);
  nest.leaves.forEach((leaf, i) => {
    for (const o of leaf.owners) if (o.branch < 0 || o.branch >= nest.params.branches.length) fail(`leaf ${i} names branch ${o.branch}`);
    if (!leaf.interior) return;
    leafBox(nest, i).forEach(([lo, hi], d) => {
      const first = lo * spec.strides[d]! - spec.padding[d]![0];
      const last = (hi - 1) * spec.strides[d]! - spec.padding[d]![0] + (spec.kernelSize[d]! - 1) * spec.dilation[d]!;
      if (first < 0 || last >= spec.inShape[d]!) fail(`interior leaf ${i} reads coordinates [${first}, ${last}] on dim ${d}, outside [0, ${spec.inShape[d]! - 1}]`);
    });
  });
  if (nest.parallelFrom < 0 || nest.parallelFrom > spec.gridShape.length) fail(`parallelFrom ${nest.parallelFrom} out of range`);
  for (const br of nest.params.branches) checkProgram(br.kernel);
}

/** What the lowered-code verifier knows at a statement: names in scope, their ranges, and the lets' values. */
interface Scope {
  readonly ranges: Map<string, Range>;
  readonly defs: LetDefs;
}

/** A scope inside `outer`: its names, ranges and lets, copied. */
function inner(outer: Scope): Scope {
  return { ranges: new Map(outer.ranges), defs: new LetDefs(outer.defs) };
}

/** The scope under `test`, which holds there: the names it tests narrowed, and the lets computed from them. */
function narrowed(test: Test, outer: Scope, tables: ReadonlyMap<string, Range>): Scope {
  const then = inner(outer);
  narrow(test, then.ranges);
  narrowLets(then.defs.values, then.ranges, tables);
  return then;
}

/**
 * Throw (naming the pass and the problem, with the listing) if lowered code
 * is malformed: every name is defined before it is read; stores go only to
 * writable buffers (outputs, a scan's working arrays); loops stay inside
 * their dim's extent; reads and stores whose index does not come from a
 * read table are inside their buffer (interior boxes), and those that do
 * (border cells: negative for the pad value) below its end.
 *
 * @example
 * checkLowered(simplifyLowered(lowerStencil(nest)), "lower-stencil");
 */
export function checkLowered(code: LoweredCode, pass: string): void {
  const fail = (msg: string): never => {
    throw new Error(`loop verifier after ${pass}: ${msg}\n${printLowered(code)}`);
  };
  const buffers = new Map(code.buffers.map((b) => [b.name, b]));
  const tables = new Map<string, Range>();
  code.buffers.forEach((b) => {
    if (b.role !== "table") return;
    const t = code.tables[b.index]!;
    tables.set(b.name, t.length === 0 ? [0, 0] : [t.reduce((m, x) => Math.min(m, x), Infinity), t.reduce((m, x) => Math.max(m, x), -Infinity)]);
  });
  const s = code.schedule;
  const top: Scope = { ranges: new Map<string, Range>([["lo", [0, s.n]], ["hi", [0, s.n]], ["k", [-1, s.steps - 1]]]), defs: new LetDefs() };
  const fnNames = new Set(code.fns.map((f) => f.name));
  const range = (e: IndexExpr, scope: Scope): Range => {
    indexUses(e, (n) => {
      if (!scope.ranges.has(n) && !tables.has(n)) fail(`${n} is read before it is defined`);
    });
    return rangeOf(e, scope.ranges, tables);
  };
  const inside = (buffer: string, at: IndexExpr, scope: Scope, guarded: boolean, what: string): void => {
    const buf = buffers.get(buffer);
    if (buf === undefined || buf.role === "table") return fail(`${what} ${buffer}, which is not an array buffer`);
    const [lo, hi] = range(at, scope);
    if (hi >= buf.length || (!guarded && !readsTable(at) && lo < 0)) fail(`${what} ${buffer}[${lo}..${hi}], outside [0, ${buf.length})`);
  };
  const operand = (o: Operand, scope: Scope): void => {
    if (o.kind === "ref" && !scope.ranges.has(o.name)) fail(`${o.name} is read before it is defined`);
  };
  const walk = (body: readonly Stmt[], outer: Scope): void => {
    const scope = inner(outer);
    for (const st of body) checkStmt(st, scope);
  };
  const checkScalar = (v: ScalarExpr, scope: Scope): void => {
    if (v.kind === "load") return inside(v.buffer, v.at, scope, false, "a read of");
    if (v.kind === "padLoad") return inside(v.buffer, { kind: "var", name: v.at }, scope, true, "a read of");
    if (v.kind !== "choose") return scalarUses(v, (n) => operand({ kind: "ref", name: n }, scope));
    // the chosen side's reads may rely on the test
    range({ kind: "select", test: v.test, a: { kind: "const", value: 0 }, b: { kind: "const", value: 0 } }, scope);
    const then = narrowed(v.test, scope, tables);
    checkScalar(v.a, then);
    checkScalar(v.b, scope);
  };
  const checkStmt = (st: Stmt, scope: Scope): void => {
    switch (st.kind) {
      case "let":
        scope.ranges.set(st.name, range(st.value, scope));
        return scope.defs.define(st.name, st.value);
      case "value":
        checkScalar(st.value, scope);
        scope.ranges.set(st.name, [-Infinity, Infinity]);
        return scope.defs.define(st.name);
      case "acc":
        if (st.init) operand(st.init, scope);
        scope.ranges.set(st.name, [-Infinity, Infinity]);
        return scope.defs.define(st.name);
      case "accumulate":
        operand({ kind: "ref", name: st.name }, scope);
        return operand(st.value, scope);
      case "store":
        if (!buffers.get(st.buffer)?.writable) fail(`a store into ${st.buffer}, which is not writable`);
        operand(st.value, scope);
        return inside(st.buffer, st.at, scope, st.guarded, "a store into");
      case "fill": {
        if (!buffers.get(st.buffer)?.writable) fail(`a fill of ${st.buffer}, which is not writable`);
        const [from, to] = [range(st.from, scope), range(st.to, scope)];
        if (from[0] < 0 || to[1] > buffers.get(st.buffer)!.length) fail(`a fill of ${st.buffer} outside it`);
        return;
      }
      case "for": {
        const [from, to] = [range(st.from, scope), range(st.to, scope)];
        if (from[0] < 0 || to[1] > code.extents[st.dim]!) fail(`loop ${st.v} over [${from[0]}, ${to[1]}) leaves dim ${st.dim} of extent ${code.extents[st.dim]}`);
        // a jammed loop (jam.ts) visits each cell once, forward, and its last cell v + jam - 1 stays below `to`
        const jam = st.jam ?? 1;
        if (jam !== 1 && (st.step !== jam || st.reverse || !Number.isInteger(jam) || jam < 1)) fail(`loop ${st.v} jams ${jam} cells with step ${st.step}${st.reverse ? ", reversed" : ""}`);
        if (from[0] > to[1] - jam) return;
        const body = inner(scope);
        body.ranges.set(st.v, [from[0], to[1] - jam]);
        body.defs.define(st.v);
        return walk(st.body, body);
      }
      case "if": {
        testUses(st.test, (n) => {
          if (!scope.ranges.has(n) && !tables.has(n)) fail(`${n} is read before it is defined`);
        });
        walk(st.then, narrowed(st.test, scope, tables));
        return walk(st.else, scope);
      }
      case "block": {
        const body = inner(scope);
        st.params.forEach((p) => {
          body.ranges.set(p.name, range(p.value, scope));
          body.defs.define(p.name);
        });
        return walk(st.body, body);
      }
      case "mask":
        tables.set(st.name, tables.get(st.table) ?? fail(`mask of ${st.table}, which is not a table`));
        scope.defs.define(st.name);
        range(st.from, scope);
        range(st.to, scope);
        return;
      case "call":
        if (!fnNames.has(st.fn)) fail(`a call of ${st.fn}, which is not a function`);
        st.args.forEach((a) => range(a, scope));
        return;
      default:
        return assertNever(st);
    }
  };
  walk(code.body, top);
}
