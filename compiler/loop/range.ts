/**
 * @file Interval arithmetic over lowered index expressions: the [min, max]
 * an expression can take given the ranges of the names it reads (loop
 * variables from their bounds, lets from their values, read tables from
 * their entries). The loop verifier (loop-check.ts) uses it to prove reads
 * and stores inside their buffers and loops inside the grid. Under a test
 * (narrow), the lets computed from the names it narrows narrow with them
 * (narrowLets; let-defs.ts keeps the lets in scope): a sweep's centre
 * index q0 + b1, read only where b1 ≥ 0.
 */
import { assertNever } from "../primitives";
import type { IndexExpr, Test } from "./lowered-ir";

/** The closed interval [min, max] of integer values. */
export type Range = readonly [number, number];

/** The range of `e` given the ranges of names; `tables` gives the range of a table's entries. */
export function rangeOf(e: IndexExpr, names: ReadonlyMap<string, Range>, tables: ReadonlyMap<string, Range>): Range {
  const r = (x: IndexExpr): Range => rangeOf(x, names, tables);
  switch (e.kind) {
    case "const":
      return [e.value, e.value];
    case "var": {
      const known = names.get(e.name);
      if (known === undefined) throw new Error(`range: no range for ${e.name}`);
      return known;
    }
    case "add": {
      const [a, b] = [r(e.a), r(e.b)];
      return [a[0] + b[0], a[1] + b[1]];
    }
    case "mul": {
      const [lo, hi] = r(e.a);
      return e.k >= 0 ? [lo * e.k, hi * e.k] : [hi * e.k, lo * e.k];
    }
    case "div": {
      const [lo, hi] = r(e.a);
      if (e.round === "floor") return [Math.floor(lo / e.k), Math.floor(hi / e.k)];
      if (e.round === "ceil") return [Math.ceil(lo / e.k), Math.ceil(hi / e.k)];
      return [Math.ceil(lo / e.k), Math.floor(hi / e.k)];
    }
    case "mod": {
      // JavaScript's %: the sign of the dividend
      const [lo, hi] = r(e.a);
      if (lo >= 0) return hi < e.k ? [lo, hi] : [0, e.k - 1];
      return [-(e.k - 1), e.k - 1];
    }
    case "min":
    case "max": {
      const [a, b] = [r(e.a), r(e.b)];
      const f = e.kind === "min" ? Math.min : Math.max;
      return [f(a[0], b[0]), f(a[1], b[1])];
    }
    case "table": {
      const known = tables.get(e.table);
      if (known === undefined) throw new Error(`range: ${e.table} is not a table`);
      return known;
    }
    case "select": {
      const [a, b] = [r(e.a), r(e.b)];
      return [Math.min(a[0], b[0]), Math.max(a[1], b[1])];
    }
    default:
      return assertNever(e);
  }
}

/** Does the expression read a table (its value is then a read index or the pad sentinel)? */
export function readsTable(e: IndexExpr): boolean {
  switch (e.kind) {
    case "const":
    case "var":
      return false;
    case "add":
    case "min":
    case "max":
      return readsTable(e.a) || readsTable(e.b);
    case "mul":
    case "div":
    case "mod":
      return readsTable(e.a);
    case "table":
      return true;
    case "select":
      return readsTable(e.a) || readsTable(e.b);
    default:
      return assertNever(e);
  }
}

/**
 * The ranges of names narrowed by a test known to hold: conjunctions of
 * `x + c OP n` with x a name and c, n constants (a border cell's
 * "centre inside the input" test). Other tests narrow nothing.
 */
export function narrow(t: Test, names: Map<string, Range>): void {
  if (t.kind === "and") {
    narrow(t.a, names);
    narrow(t.b, names);
    return;
  }
  if (t.kind !== "cmp" || t.b.kind !== "const") return;
  let x = t.a;
  let c = 0;
  if (x.kind === "add" && x.b.kind === "const") {
    c = x.b.value;
    x = x.a;
  }
  if (x.kind !== "var") return;
  const known = names.get(x.name);
  if (known === undefined) return;
  const n = t.b.value - c;
  let [lo, hi] = known;
  if (t.op === ">=") lo = Math.max(lo, n);
  else if (t.op === ">") lo = Math.max(lo, n + 1);
  else if (t.op === "<") hi = Math.min(hi, n - 1);
  else if (t.op === "<=") hi = Math.min(hi, n);
  else if (t.op === "===") [lo, hi] = [Math.max(lo, n), Math.min(hi, n)];
  names.set(x.name, [lo, hi]);
}

/**
 * After `narrow`: each let's range intersected with the range of its value
 * over the narrowed names, in definition order (a let reads only names
 * defined before it). Sound: a let equals its value, whose names keep
 * the values they had when it was defined (define forgets it otherwise).
 * An empty range (lo > hi) means the test cannot hold.
 *
 * @example
 * // q1 = q0 + b1 with b1 ∈ [-1, -1]: under (b1 >= 0), b1 ∈ [0, -1] and q1 shrinks with it
 * narrowLets(defs, ranges, tables);
 */
export function narrowLets(defs: ReadonlyMap<string, IndexExpr>, names: Map<string, Range>, tables: ReadonlyMap<string, Range>): void {
  for (const [name, value] of defs) {
    const known = names.get(name);
    if (known === undefined) continue;
    const [lo, hi] = rangeOf(value, names, tables);
    names.set(name, [Math.max(known[0], lo), Math.min(known[1], hi)]);
  }
}
