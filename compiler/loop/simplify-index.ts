/**
 * @file Simplification of lowered code's index arithmetic. Requires: lowered
 * code before outlining. Guarantees: index expressions are folded (x·1 = x,
 * x + 0 = x, 0 + x = x, constants summed and moved right, (x·a)·b = x·(ab),
 * x / 1 = x for the integer divisions); a `let` whose value is a variable or
 * a constant is replaced by it where it is used, and so is a let equal to
 * an earlier one up to a constant (as linear forms over the loop
 * variables); lets, values and buffers that nothing reads are dropped. The kernel's floating-point operations
 * are not touched: results stay bit-identical.
 *
 * Worked example (a 3-wide "same" window, grid dim 1): `b1 = g1·1 - 1`,
 * `q1 = q0 + b1·1` become `b1 = g1 - 1`, `q1 = q0 + b1`; in 1-d, `b0 = g0·1 - 0`
 * and `q0 = 0 + b0·1` disappear and the reads use `g0` itself.
 */
import { assertNever } from "../primitives";
import { blockUses, defines, indexUses, stmtUses, testUses, type IndexExpr, type LoweredCode, type ScalarExpr, type Stmt, type Test } from "./lowered-ir";

/** Substitutions of names by index expressions. */
type Subst = { get(name: string): IndexExpr | undefined };

const isConst = (e: IndexExpr, value?: number): e is { kind: "const"; value: number } => e.kind === "const" && (value === undefined || e.value === value);

/** x + y, folded. */
function add(a: IndexExpr, b: IndexExpr): IndexExpr {
  if (isConst(a) && isConst(b)) return { kind: "const", value: a.value + b.value };
  if (isConst(a, 0)) return b;
  if (isConst(b, 0)) return a;
  if (isConst(a)) return add(b, a);
  // (x + c1) + c2 = x + (c1 + c2)
  if (isConst(b) && a.kind === "add" && isConst(a.b)) return add(a.a, { kind: "const", value: a.b.value + b.value });
  // x + (y + c) = (x + y) + c
  if (b.kind === "add" && isConst(b.b)) return add(add(a, b.a), b.b);
  return { kind: "add", a, b };
}

/** x · k, folded. */
function mul(a: IndexExpr, k: number): IndexExpr {
  if (k === 1) return a;
  if (isConst(a)) return { kind: "const", value: a.value * k };
  if (k === 0) return { kind: "const", value: 0 };
  if (a.kind === "mul") return mul(a.a, a.k * k);
  return { kind: "mul", a, k };
}

/** An index expression with `subst` applied, folded. */
export function simplifyIndex(e: IndexExpr, subst: Subst = new Map()): IndexExpr {
  switch (e.kind) {
    case "const":
      return e;
    case "var":
      return subst.get(e.name) ?? e;
    case "add":
      return add(simplifyIndex(e.a, subst), simplifyIndex(e.b, subst));
    case "mul":
      return mul(simplifyIndex(e.a, subst), e.k);
    case "div": {
      const a = simplifyIndex(e.a, subst);
      if (e.k === 1) return a;
      if (isConst(a)) return { kind: "const", value: e.round === "ceil" ? Math.ceil(a.value / e.k) : Math.floor(a.value / e.k) };
      return { ...e, a };
    }
    case "mod": {
      const a = simplifyIndex(e.a, subst);
      return isConst(a) ? { kind: "const", value: a.value % e.k } : { ...e, a };
    }
    case "min":
    case "max": {
      const a = simplifyIndex(e.a, subst);
      const b = simplifyIndex(e.b, subst);
      if (isConst(a) && isConst(b)) return { kind: "const", value: e.kind === "min" ? Math.min(a.value, b.value) : Math.max(a.value, b.value) };
      return { kind: e.kind, a, b };
    }
    case "table":
      return { ...e, at: simplifyIndex(e.at, subst) };
    case "select":
      return { ...e, test: simplifyTest(e.test, subst), a: simplifyIndex(e.a, subst), b: simplifyIndex(e.b, subst) };
    default:
      return assertNever(e);
  }
}

function simplifyTest(t: Test, subst: Subst): Test {
  switch (t.kind) {
    case "cmp":
      return { ...t, a: simplifyIndex(t.a, subst), b: simplifyIndex(t.b, subst) };
    case "and":
    case "or":
      return { ...t, a: simplifyTest(t.a, subst), b: simplifyTest(t.b, subst) };
    case "not":
      return { ...t, a: simplifyTest(t.a, subst) };
    default:
      return assertNever(t);
  }
}

function simplifyScalar(s: ScalarExpr, subst: Subst): ScalarExpr {
  if (s.kind === "load") return { ...s, at: simplifyIndex(s.at, subst) };
  if (s.kind === "choose") return { ...s, test: simplifyTest(s.test, subst), a: simplifyScalar(s.a, subst), b: simplifyScalar(s.b, subst) };
  return s;
}

/**
 * A map whose changes inside a nested scope are undone when the scope ends:
 * every write logs the entry it replaced, and `restore(mark)` replays the
 * log back to `mark`. Entering a scope costs nothing (no copy), so folding
 * stays linear in the code's size however deep its scopes nest.
 */
class ScopedMap<V> {
  private readonly map = new Map<string, V>();
  private readonly log: { readonly key: string; readonly had: boolean; readonly old: V | undefined }[] = [];
  get(key: string): V | undefined {
    return this.map.get(key);
  }
  has(key: string): boolean {
    return this.map.has(key);
  }
  set(key: string, value: V): void {
    this.log.push({ key, had: this.map.has(key), old: this.map.get(key) });
    this.map.set(key, value);
  }
  delete(key: string): void {
    if (!this.map.has(key)) return;
    this.log.push({ key, had: true, old: this.map.get(key) });
    this.map.delete(key);
  }
  /** The point to come back to when the scope opened now ends. */
  mark(): number {
    return this.log.length;
  }
  restore(mark: number): void {
    while (this.log.length > mark) {
      const { key, had, old } = this.log.pop()!;
      if (had) this.map.set(key, old!);
      else this.map.delete(key);
    }
  }
}

/** c + Σ coefficient·name over names that are not linear lets (loop variables, parameters). */
interface LinearForm {
  readonly terms: ReadonlyMap<string, number>;
  readonly c: number;
}

/** What folding knows at a statement: substitutions, and the lets with a linear value by name and by the key of their non-constant part. */
interface FoldScope {
  readonly subst: ScopedMap<IndexExpr>;
  readonly byName: ScopedMap<LinearForm>;
  readonly byKey: ScopedMap<{ readonly name: string; readonly c: number }>;
}

/** The linear form of an index expression (lets expanded through `byName`), or null when it is not linear. */
function linearForm(e: IndexExpr, byName: ScopedMap<LinearForm>): LinearForm | null {
  switch (e.kind) {
    case "const":
      return { terms: new Map(), c: e.value };
    case "var":
      return byName.get(e.name) ?? { terms: new Map([[e.name, 1]]), c: 0 };
    case "add": {
      const [a, b] = [linearForm(e.a, byName), linearForm(e.b, byName)];
      if (a === null || b === null) return null;
      const terms = new Map(a.terms);
      b.terms.forEach((k, n) => terms.set(n, (terms.get(n) ?? 0) + k));
      return { terms, c: a.c + b.c };
    }
    case "mul": {
      const a = linearForm(e.a, byName);
      return a === null ? null : { terms: new Map([...a.terms].map(([n, k]) => [n, k * e.k])), c: a.c * e.k };
    }
    default:
      return null;
  }
}

/**
 * A let's folded value: a variable or a constant (then it is substituted),
 * an earlier let of the same linear form up to a constant (substituted by
 * `earlier + c`: a flat window start and the flat grid cell of a window-1
 * map are one index), or else kept (null).
 */
function letSubstitute(name: string, value: IndexExpr, scope: FoldScope): IndexExpr | null {
  if (value.kind === "var" || value.kind === "const") return value;
  const form = linearForm(value, scope.byName);
  if (form === null) return null;
  const key = [...form.terms].filter(([, k]) => k !== 0).sort(([a], [b]) => (a < b ? -1 : 1)).map(([n, k]) => `${n}*${k}`).join("+");
  const earlier = scope.byKey.get(key);
  if (earlier !== undefined) return add({ kind: "var", name: earlier.name }, { kind: "const", value: form.c - earlier.c });
  scope.byKey.set(key, { name, c: form.c });
  scope.byName.set(name, form);
  return null;
}

/** Fold a nested statement list in a scope of its own: what it binds (`bound` first, then its lets) is forgotten after it. */
function foldNested(body: readonly Stmt[], scope: FoldScope, bound: readonly string[]): Stmt[] {
  const marks = [scope.subst.mark(), scope.byName.mark(), scope.byKey.mark()] as const;
  for (const n of bound) scope.subst.delete(n);
  const out = foldStmts(body, scope);
  scope.subst.restore(marks[0]);
  scope.byName.restore(marks[1]);
  scope.byKey.restore(marks[2]);
  return out;
}

/** Fold and propagate through a statement list (copies of variables, constants and equal lets disappear). */
function foldStmts(body: readonly Stmt[], scope: FoldScope): Stmt[] {
  const subst = scope.subst;
  const si = (e: IndexExpr): IndexExpr => simplifyIndex(e, subst);
  const out: Stmt[] = [];
  for (const s of body) {
    switch (s.kind) {
      case "let": {
        const value = si(s.value);
        const replaced = letSubstitute(s.name, value, scope);
        if (replaced !== null) {
          subst.set(s.name, replaced);
          continue;
        }
        subst.delete(s.name);
        out.push({ ...s, value });
        continue;
      }
      case "value":
        subst.delete(s.name);
        out.push({ ...s, value: simplifyScalar(s.value, subst) });
        continue;
      case "acc":
      case "call":
        out.push(s.kind === "call" ? { ...s, args: s.args.map(si) } : s);
        continue;
      case "accumulate":
        out.push(s);
        continue;
      case "store":
        out.push({ ...s, at: si(s.at) });
        continue;
      case "fill":
        out.push({ ...s, from: si(s.from), to: si(s.to) });
        continue;
      case "for":
        out.push({ ...s, from: si(s.from), to: si(s.to), body: foldNested(s.body, scope, [s.v]) });
        continue;
      case "if":
        out.push({ ...s, test: simplifyTest(s.test, subst), then: foldNested(s.then, scope, []), else: foldNested(s.else, scope, []) });
        continue;
      case "block":
        out.push({ ...s, params: s.params.map((p) => ({ ...p, value: si(p.value) })), body: foldNested(s.body, scope, s.params.map((p) => p.name)) });
        continue;
      case "mask":
        subst.delete(s.name);
        out.push({ ...s, from: si(s.from), to: si(s.to), unless: simplifyTest(s.unless, subst) });
        continue;
      default:
        assertNever(s);
    }
  }
  return out;
}

/**
 * Drop lets and values nothing after them reads, walking the list from its
 * end. `live` holds the names read after the list; on return it holds the
 * names the list reads before defining them (its live-in set). A nested
 * list is its own scope (what it defines is not seen after it), so it
 * starts from an empty set and its live-in set joins `live`: each
 * statement is visited once.
 */
function dropDead(body: readonly Stmt[], live: Set<string>): Stmt[] {
  const out: Stmt[] = [];
  const nested = (list: readonly Stmt[], bound: readonly string[]): Stmt[] => {
    const inner = new Set<string>();
    const kept = dropDead(list, inner);
    for (const n of bound) inner.delete(n);
    inner.forEach((n) => live.add(n));
    return kept;
  };
  const uses = (n: string): void => void live.add(n);
  for (let i = body.length - 1; i >= 0; i--) {
    const s = body[i]!;
    const name = defines(s);
    if ((s.kind === "let" || s.kind === "value") && !live.has(s.name)) continue;
    if (name !== null) live.delete(name);
    switch (s.kind) {
      case "for":
        out.push({ ...s, body: nested(s.body, [s.v]) });
        indexUses(s.from, uses);
        indexUses(s.to, uses);
        continue;
      case "if":
        out.push({ ...s, then: nested(s.then, []), else: nested(s.else, []) });
        testUses(s.test, uses);
        continue;
      case "block":
        out.push({ ...s, body: nested(s.body, s.params.map((p) => p.name)) });
        s.params.forEach((p) => indexUses(p.value, uses));
        continue;
      default:
        stmtUses(s, uses);
        out.push(s);
    }
  }
  return out.reverse();
}

/** Loops, blocks and ifs left with no statements are dropped. */
function dropEmpty(body: readonly Stmt[]): Stmt[] {
  const out: Stmt[] = [];
  for (const s of body) {
    if (s.kind === "for" || s.kind === "block") {
      const inner = dropEmpty(s.body);
      if (inner.length > 0) out.push({ ...s, body: inner });
    } else if (s.kind === "if") {
      const then = dropEmpty(s.then);
      const alt = dropEmpty(s.else);
      if (then.length > 0 || alt.length > 0) out.push({ ...s, then, else: alt });
    } else {
      out.push(s);
    }
  }
  return out;
}

/**
 * Simplify lowered code's index arithmetic and drop what nothing reads
 * (including buffers no statement uses).
 *
 * @example
 * simplifyLowered(lowerStencil(nest)); // `b0 = g0·1 - 0` gone, reads at `g0 + 1`
 */
export function simplifyLowered(code: LoweredCode): LoweredCode {
  // what dropDead leaves live at the top is every free name the kept code reads, buffers among them
  const used = new Set<string>();
  const body = dropDead(foldStmts(code.body, { subst: new ScopedMap(), byName: new ScopedMap(), byKey: new ScopedMap() }), used);
  for (const fn of code.fns) blockUses(fn.body, fn.params, (n) => used.add(n));
  return { ...code, body: dropEmpty(body), buffers: code.buffers.filter((b) => used.has(b.name)) };
}
