/**
 * @file Outlining: every `runner` and `inner` block of lowered code becomes a
 * function of its own, called where the block was. Requires: simplified
 * code (simplify-index.ts), so that a function takes exactly the names its
 * body reads. Guarantees: a function's parameters are its free names (in
 * the order they are defined: buffers, the main function's names, its
 * arguments `lo, hi, k`, then loop variables outward in) followed by the
 * block's own parameters; blocks with identical bodies share one function
 * (the border rows of a 2-d stencil run the same innermost loop), and
 * consecutive calls of one innermost loop over adjacent ranges become one
 * call over their union (the same cells in the same order).
 */
import { blockUses, defines, ix, type IndexExpr, type LoopFn, type LoweredCode, type Stmt } from "./lowered-ir";

/** The constant value of an index expression, or null. */
function constant(e: IndexExpr | undefined): number | null {
  return e?.kind === "const" ? e.value : null;
}

/**
 * Consecutive calls of the same innermost-loop function with the same
 * arguments but its bounds (the last two), over adjacent constant ranges in
 * either order (reverse loops visit intervals from the last), as one call.
 */
function mergeAdjacent(body: readonly Stmt[], innerFns: ReadonlySet<string>): Stmt[] {
  const out: Stmt[] = [];
  for (const s of body) {
    const prev = out[out.length - 1];
    if (s.kind === "call" && prev?.kind === "call" && prev.fn === s.fn && innerFns.has(s.fn)) {
      const n = s.args.length;
      const same = JSON.stringify(prev.args.slice(0, n - 2)) === JSON.stringify(s.args.slice(0, n - 2));
      const [a0, a1, b0, b1] = [constant(prev.args[n - 2]), constant(prev.args[n - 1]), constant(s.args[n - 2]), constant(s.args[n - 1])];
      if (same && a0 !== null && a1 !== null && b0 !== null && b1 !== null && (a1 === b0 || b1 === a0)) {
        out[out.length - 1] = { ...s, args: [...s.args.slice(0, n - 2), ix.num(Math.min(a0, b0)), ix.num(Math.max(a1, b1))] };
        continue;
      }
    }
    out.push(s);
  }
  return out;
}

/** An outlined function: its name and body. */
interface Outlined {
  readonly name: string;
  readonly body: readonly Stmt[];
}

/** Outlined functions by shape (role, parameters, statement count): bodies of different shapes are never compared. */
type Shapes = Map<string, Outlined[]>;

const shapeOf = (role: string, params: readonly string[], body: readonly Stmt[]): string => `${role}(${params.join(",")})${body.length}`;

/**
 * Structural equality of two IR values (plain objects, arrays, strings and
 * numbers), stopping at the first difference: no printing, no allocation.
 */
function sameTree(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return typeof a === "number" && typeof b === "number" && Object.is(a, b);
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameTree(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) if (!(k in b) || !sameTree((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  return true;
}

/** The function already outlined with this role, parameters and body, if any. */
function sameFunction(shapes: Shapes, role: string, params: readonly string[], body: readonly Stmt[]): string | undefined {
  return shapes.get(shapeOf(role, params, body))?.find((c) => sameTree(c.body, body))?.name;
}

function remember(shapes: Shapes, role: string, params: readonly string[], body: readonly Stmt[], name: string): void {
  const key = shapeOf(role, params, body);
  const list = shapes.get(key);
  if (list === undefined) shapes.set(key, [{ name, body }]);
  else list.push({ name, body });
}

/** Outline the blocks of lowered code into functions. */
export function outline(code: LoweredCode): LoweredCode {
  const rank = new Map<string, number>();
  const define = (name: string): void => {
    if (!rank.has(name)) rank.set(name, rank.size);
  };
  code.buffers.forEach((b) => define(b.name));
  const topLevel = (body: readonly Stmt[]): void => {
    for (const s of body) {
      const d = defines(s);
      if (d !== null) define(d);
      if (s.kind === "if") {
        topLevel(s.then);
        topLevel(s.else);
      }
    }
  };
  topLevel(code.body);
  ["lo", "hi", "k"].forEach(define);

  const fns: LoopFn[] = [...code.fns];
  const byShape: Shapes = new Map();
  const fnNames = new Set(fns.map((f) => f.name));
  const counts = { runner: 0, inner: 0 };
  const innerFns = new Set<string>();

  const walk = (body: readonly Stmt[]): Stmt[] =>
    mergeAdjacent(body.map((s): Stmt => {
      const d = defines(s);
      if (d !== null) define(d);
      switch (s.kind) {
        case "for":
          define(s.v);
          return { ...s, body: walk(s.body) };
        case "if":
          return { ...s, then: walk(s.then), else: walk(s.else) };
        case "block": {
          s.params.forEach((p) => define(p.name));
          const inner = walk(s.body);
          const own = s.params.map((p) => p.name);
          const free = new Set<string>();
          blockUses(inner, own, (n) => {
            if (!fnNames.has(n)) free.add(n);
          });
          const order = [...free].sort((a, b) => rankOf(a) - rankOf(b));
          const params = [...order, ...own];
          let name = sameFunction(byShape, s.role, params, inner);
          if (name === undefined) {
            name = s.role === "runner" ? `r${counts.runner++}` : `ln${counts.inner++}`;
            remember(byShape, s.role, params, inner, name);
            if (s.role === "inner") innerFns.add(name);
            fnNames.add(name);
            fns.push({ name, params, body: inner });
          }
          return { kind: "call", fn: name, args: [...order.map((n) => ix.v(n)), ...s.params.map((p) => p.value)] };
        }
        default:
          return s;
      }
    }), innerFns);
  const rankOf = (name: string): number => {
    const r = rank.get(name);
    if (r === undefined) throw new Error(`outline: ${name} is read but never defined`);
    return r;
  };
  const body = walk(code.body);
  return { ...code, fns, body };
}
