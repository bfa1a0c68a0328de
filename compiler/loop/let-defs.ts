/**
 * @file The lets in scope at a point of lowered code, for the loop
 * verifier (loop-check.ts): each let's value as an expression of names
 * defined before it, so a test that narrows those names narrows it too
 * (range.ts, narrowLets). Redefining a name forgets the lets whose value
 * reads it. The verifier defines a name at every statement, so a count of
 * the lets reading each name lets the common case (a name no let reads,
 * such as a scalar value) skip the scan of the lets in scope.
 */
import { indexUses, type IndexExpr } from "./lowered-ir";

/** The names each let value reads, computed once per expression (shared by every scope that holds it). */
const namesReadCache = new WeakMap<IndexExpr, ReadonlySet<string>>();

function namesRead(e: IndexExpr): ReadonlySet<string> {
  let names = namesReadCache.get(e);
  if (names === undefined) {
    const found = new Set<string>();
    indexUses(e, (u) => found.add(u));
    namesReadCache.set(e, (names = found));
  }
  return names;
}

/**
 * The lets in scope, in definition order, by name (see the file header).
 *
 * @example
 * const defs = new LetDefs();
 * defs.define("q1", ix.add(ix.v("q0"), ix.v("b1"))); // q1 narrows when q0 or b1 does
 * defs.define("b1"); // b1 redefined: q1 no longer follows from it
 * [...defs.values.keys()]; // []
 */
export class LetDefs {
  /** Each let's value by name, in definition order. */
  readonly values: Map<string, IndexExpr>;
  /** How many lets in `values` read each name. */
  private readonly readers: Map<string, number>;

  /** Empty, or a copy of `outer` (an inner scope's, changed without changing it). */
  constructor(outer?: LetDefs) {
    this.values = new Map(outer?.values);
    this.readers = new Map(outer?.readers);
  }

  /**
   * Record that `name` is (re)defined: lets whose value reads the old `name`
   * no longer follow from it and are forgotten; `value` (undefined: a loop
   * variable, a parameter, a scalar) is kept unless it reads `name` itself.
   */
  define(name: string, value?: IndexExpr): void {
    if (this.values.has(name) || (this.readers.get(name) ?? 0) > 0) {
      // deleting the entry being visited is safe while iterating a Map
      for (const [n, e] of this.values) if (n === name || namesRead(e).has(name)) this.forget(n, e);
    }
    if (value === undefined) return;
    const reads = namesRead(value);
    if (reads.has(name)) return;
    this.values.set(name, value);
    for (const u of reads) this.readers.set(u, (this.readers.get(u) ?? 0) + 1);
  }

  private forget(name: string, value: IndexExpr): void {
    this.values.delete(name);
    for (const u of namesRead(value)) this.readers.set(u, this.readers.get(u)! - 1);
  }
}
