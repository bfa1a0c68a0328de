/**
 * @file The lowered loop IR: the statement-level form of a compiled stencil
 * that code generation prints. The loop nest (loop-ir.ts) says which boxes
 * exist and who owns them; lowering (lower.ts: lower-stencil.ts, or
 * lower-pull-gather.ts for gathers in pull form) turns it into loops, index
 * arithmetic, explicit reads and stores and the kernel body as scalar
 * operations; simplify-index.ts tidies the index arithmetic, loop-check.ts
 * verifies it, outline.ts moves loops into functions of their own, and
 * codegen/emit-js.ts prints it. Nothing after lowering decides anything.
 *
 * Grammar (as printed by ir-print.ts `printLowered`):
 *
 *     code    ::= buffer* fn* "main(f, t, s, lo, hi, k):" stmt*
 *     buffer  ::= name "=" ("f" | "t") "[" n "]" ("input" | "extra" | "output" | "table") len
 *     fn      ::= "fn" name "(" name* "):" stmt*
 *     stmt    ::= "let" name "=" index                    integer index arithmetic
 *              |  "val" name "=" scalar                    one operation of the kernel body
 *              |  "acc" name ("=" operand)?               an accumulator, starting at 0 (or at the operand)
 *              |  name "+=" operand ("f32")?               add into an accumulator (rounded for float32)
 *              |  name "[" index "]" ("=" | "+=") operand ("if ≥ 0")?   a store (guarded: skipped for the pad sentinel)
 *              |  "fill0" name "[" index "," index ")"     zero a range of an output
 *              |  "for" name "∈" "[" index "," index ")" ("step" n)? ("jam" n)? ("rev")? "dim" d ("split")? ":" stmt*
 *              |  "if" test ":" stmt* ("else:" stmt*)?
 *              |  ("runner" | "inner") "(" (name "=" index)* "):" stmt*    a block that becomes a function
 *              |  name "=" "mask" name "rows [" index "," index ")" "unless" test   a read table with other rows padded
 *              |  "call" name "(" index* ")"               (after outlining)
 *     index   ::= n | name | index "+" index | index "*" n | index ("/" | "⌊/⌋" | "⌈/⌉" | "%") n
 *              |  ("min" | "max") "(" index "," index ")" | name "[" index "]" | test "?" index ":" index
 *     test    ::= index ("<" | "<=" | ">" | ">=" | "==" | "!=") index | test ("&&" | "||") test | "!" test
 *     scalar  ::= name "[" index "]"                      a read: a flat offset from a base
 *              |  name "[" name "] or pad" n               a border read through the tables (negative: the pad value)
 *              |  prim "(" operand+ ")" | operand "?" operand ":" operand
 *              |  "sum" ("_f32")? "(" operand* ")"         0 + t0 + t1 + …, left to right (a pull gather's cell)
 *              |  "if" test "then" scalar "else" scalar    only the chosen side is evaluated
 *     operand ::= name | number
 *
 * Names are compiler-chosen: x<j>/e<j>/o<j> buffers, t<d> tables (m<d> a
 * masked copy), g<d> grid loops, b<d> window starts, q<d> flat window
 * starts, og<d> flat grid cells, j<d>/p<d> a pull gather's output cells,
 * v<id> kernel values, i<id> border read indices, a<j>_<f> accumulators.
 * Every name is defined once in its scope, before use.
 */
import { assertNever, type BinaryPrim, type UnaryPrim } from "../primitives";
import type { Schedule } from "./schedule";

/** An integer index expression. `div` with round "exact" divides a multiple of k. */
export type IndexExpr =
  | { readonly kind: "const"; readonly value: number }
  | { readonly kind: "var"; readonly name: string }
  | { readonly kind: "add"; readonly a: IndexExpr; readonly b: IndexExpr }
  | { readonly kind: "mul"; readonly a: IndexExpr; readonly k: number }
  | { readonly kind: "div"; readonly a: IndexExpr; readonly k: number; readonly round: "exact" | "floor" | "ceil" }
  | { readonly kind: "mod"; readonly a: IndexExpr; readonly k: number }
  | { readonly kind: "min" | "max"; readonly a: IndexExpr; readonly b: IndexExpr }
  | { readonly kind: "table"; readonly table: string; readonly at: IndexExpr }
  | { readonly kind: "select"; readonly test: Test; readonly a: IndexExpr; readonly b: IndexExpr };

/** A comparison of index expressions, or a combination of them. */
export type Test =
  | { readonly kind: "cmp"; readonly op: "<" | "<=" | ">" | ">=" | "===" | "!=="; readonly a: IndexExpr; readonly b: IndexExpr }
  | { readonly kind: "and" | "or"; readonly a: Test; readonly b: Test }
  | { readonly kind: "not"; readonly a: Test };

/** A floating-point operand: a named value or a number. */
export type Operand = { readonly kind: "ref"; readonly name: string } | { readonly kind: "num"; readonly value: number };

/** One scalar operation of a kernel body. `padLoad` reads `at` (a let) or gives `pad` where it is negative. */
export type ScalarExpr =
  | { readonly kind: "load"; readonly buffer: string; readonly at: IndexExpr }
  | { readonly kind: "padLoad"; readonly buffer: string; readonly at: string; readonly pad: number }
  | { readonly kind: "unary"; readonly prim: UnaryPrim | "fround"; readonly a: Operand }
  | { readonly kind: "binary"; readonly prim: BinaryPrim; readonly a: Operand; readonly b: Operand }
  | { readonly kind: "select"; readonly c: Operand; readonly a: Operand; readonly b: Operand }
  /** 0 + t0 + t1 + …, left to right, each partial sum rounded to float32 when `float32`. */
  | { readonly kind: "sum"; readonly terms: readonly Operand[]; readonly float32: boolean }
  /** `a` where the test holds, else `b`; only the chosen side is evaluated (its reads may rely on the test). */
  | { readonly kind: "choose"; readonly test: Test; readonly a: ScalarExpr; readonly b: ScalarExpr };

/** A parameter of a block that becomes a function: its name inside, its value at the call. */
export interface BlockParam {
  readonly name: string;
  readonly value: IndexExpr;
}

/** A statement. */
export type Stmt =
  | { readonly kind: "let"; readonly name: string; readonly value: IndexExpr }
  | { readonly kind: "value"; readonly name: string; readonly value: ScalarExpr }
  /** A mutable accumulator starting at `init` (0 when absent). */
  | { readonly kind: "acc"; readonly name: string; readonly init?: Operand }
  | { readonly kind: "accumulate"; readonly name: string; readonly value: Operand; readonly float32: boolean }
  | { readonly kind: "store"; readonly buffer: string; readonly at: IndexExpr; readonly value: Operand; readonly op: "set" | "add"; readonly guarded: boolean }
  | { readonly kind: "fill"; readonly buffer: string; readonly from: IndexExpr; readonly to: IndexExpr }
  | {
      readonly kind: "for";
      readonly v: string;
      readonly from: IndexExpr;
      readonly to: IndexExpr;
      /** Cells visited: from, from + step, … below to (step 1 when reverse). */
      readonly step: number;
      readonly reverse: boolean;
      /** The grid (or output, for pull gathers) dim it runs over. */
      readonly dim: number;
      /** Is this the split dim, whose [lo, hi) the caller chooses (Schedule.splitDim)? */
      readonly split: boolean;
      /** Cells per iteration (jam.ts): the body runs cells v … v + jam - 1, while v + jam - 1 < to. Absent: 1. */
      readonly jam?: number;
      readonly body: readonly Stmt[];
    }
  | { readonly kind: "if"; readonly test: Test; readonly then: readonly Stmt[]; readonly else: readonly Stmt[] }
  | { readonly kind: "block"; readonly role: "runner" | "inner"; readonly params: readonly BlockParam[]; readonly body: readonly Stmt[] }
  | { readonly kind: "mask"; readonly name: string; readonly table: string; readonly from: IndexExpr; readonly to: IndexExpr; readonly unless: Test }
  | { readonly kind: "call"; readonly fn: string; readonly args: readonly IndexExpr[] };

/** A buffer the generated function reads from its arguments. */
export interface CodeBuffer {
  readonly name: string;
  /** `f[index]` (arrays) or `t[index]` (read tables). */
  readonly source: "f" | "t";
  readonly index: number;
  readonly role: "input" | "extra" | "output" | "table";
  /** May the code store into it (outputs, and a scan's working arrays)? */
  readonly writable: boolean;
  readonly length: number;
}

/** A function made of a block (outline.ts): its free variables, then the block's parameters. */
export interface LoopFn {
  readonly name: string;
  readonly params: readonly string[];
  readonly body: readonly Stmt[];
}

/** A lowered stencil: the function `(f, t, s, lo, hi, k)` and the functions it calls. */
export interface LoweredCode {
  readonly buffers: readonly CodeBuffer[];
  readonly fns: readonly LoopFn[];
  readonly body: readonly Stmt[];
  readonly tables: readonly Int32Array[];
  readonly schedule: Schedule;
  /** Extent of each loop dim (grid cells, or output cells for a pull gather): loops stay inside it. */
  readonly extents: readonly number[];
  /** Statements of the longest kernel body at one cell (reads, operations, writes): its cost. */
  readonly opsPerCell: number;
}

/** Index expression builders (plain data; simplify-index.ts folds them). */
export const ix = {
  num: (value: number): IndexExpr => ({ kind: "const", value }),
  v: (name: string): IndexExpr => ({ kind: "var", name }),
  add: (a: IndexExpr, b: IndexExpr | number): IndexExpr => ({ kind: "add", a, b: typeof b === "number" ? ix.num(b) : b }),
  sub: (a: IndexExpr, b: IndexExpr): IndexExpr => ({ kind: "add", a, b: { kind: "mul", a: b, k: -1 } }),
  mul: (a: IndexExpr, k: number): IndexExpr => ({ kind: "mul", a, k }),
  div: (a: IndexExpr, k: number, round: "exact" | "floor" | "ceil"): IndexExpr => ({ kind: "div", a, k, round }),
  mod: (a: IndexExpr, k: number): IndexExpr => ({ kind: "mod", a, k }),
  min: (a: IndexExpr, b: IndexExpr): IndexExpr => ({ kind: "min", a, b }),
  max: (a: IndexExpr, b: IndexExpr): IndexExpr => ({ kind: "max", a, b }),
  table: (table: string, at: IndexExpr): IndexExpr => ({ kind: "table", table, at }),
  select: (test: Test, a: IndexExpr, b: IndexExpr): IndexExpr => ({ kind: "select", test, a, b }),
  cmp: (op: "<" | "<=" | ">" | ">=" | "===" | "!==", a: IndexExpr, b: IndexExpr | number): Test => ({ kind: "cmp", op, a, b: typeof b === "number" ? ix.num(b) : b }),
  and: (a: Test, b: Test): Test => ({ kind: "and", a, b }),
  or: (a: Test, b: Test): Test => ({ kind: "or", a, b }),
  not: (a: Test): Test => ({ kind: "not", a }),
  /** Σ terms, or 0 for none. */
  sum: (terms: readonly IndexExpr[]): IndexExpr => (terms.length === 0 ? ix.num(0) : terms.reduce((acc, t) => ix.add(acc, t))),
};

/** A named value as an operand. */
export const ref = (name: string): Operand => ({ kind: "ref", name });
/** A number as an operand. */
export const numOperand = (value: number): Operand => ({ kind: "num", value });

/** The names an index expression reads (variables and tables), into `out`. */
export function indexUses(e: IndexExpr, out: (name: string) => void): void {
  switch (e.kind) {
    case "const":
      return;
    case "var":
      return out(e.name);
    case "add":
    case "min":
    case "max":
      indexUses(e.a, out);
      return indexUses(e.b, out);
    case "mul":
    case "div":
    case "mod":
      return indexUses(e.a, out);
    case "table":
      out(e.table);
      return indexUses(e.at, out);
    case "select":
      testUses(e.test, out);
      indexUses(e.a, out);
      return indexUses(e.b, out);
    default:
      return assertNever(e);
  }
}

/** The names a test reads, into `out`. */
export function testUses(t: Test, out: (name: string) => void): void {
  switch (t.kind) {
    case "cmp":
      indexUses(t.a, out);
      return indexUses(t.b, out);
    case "and":
    case "or":
      testUses(t.a, out);
      return testUses(t.b, out);
    case "not":
      return testUses(t.a, out);
    default:
      return assertNever(t);
  }
}

/** The names a scalar operation reads, into `out`. */
export function scalarUses(s: ScalarExpr, out: (name: string) => void): void {
  const op = (o: Operand): void => {
    if (o.kind === "ref") out(o.name);
  };
  switch (s.kind) {
    case "load":
      out(s.buffer);
      return indexUses(s.at, out);
    case "padLoad":
      out(s.buffer);
      return out(s.at);
    case "unary":
      return op(s.a);
    case "binary":
      op(s.a);
      return op(s.b);
    case "select":
      op(s.c);
      op(s.a);
      return op(s.b);
    case "sum":
      return s.terms.forEach(op);
    case "choose":
      testUses(s.test, out);
      scalarUses(s.a, out);
      return scalarUses(s.b, out);
    default:
      return assertNever(s);
  }
}

/**
 * The names a statement reads that it does not define itself (names its
 * nested statements define are excluded), into `out`.
 */
export function stmtUses(s: Stmt, out: (name: string) => void): void {
  switch (s.kind) {
    case "let":
      return indexUses(s.value, out);
    case "value":
      return scalarUses(s.value, out);
    case "acc":
      if (s.init?.kind === "ref") out(s.init.name);
      return;
    case "accumulate":
      out(s.name);
      if (s.value.kind === "ref") out(s.value.name);
      return;
    case "store":
      out(s.buffer);
      indexUses(s.at, out);
      if (s.value.kind === "ref") out(s.value.name);
      return;
    case "fill":
      out(s.buffer);
      indexUses(s.from, out);
      return indexUses(s.to, out);
    case "for": {
      indexUses(s.from, out);
      indexUses(s.to, out);
      return blockUses(s.body, [s.v], out);
    }
    case "if":
      testUses(s.test, out);
      blockUses(s.then, [], out);
      return blockUses(s.else, [], out);
    case "block":
      s.params.forEach((p) => indexUses(p.value, out));
      return blockUses(s.body, s.params.map((p) => p.name), out);
    case "mask":
      out(s.table);
      indexUses(s.from, out);
      indexUses(s.to, out);
      return testUses(s.unless, out);
    case "call":
      out(s.fn);
      return s.args.forEach((a) => indexUses(a, out));
    default:
      return assertNever(s);
  }
}

/** The name a statement defines in its scope, or null. */
export function defines(s: Stmt): string | null {
  return s.kind === "let" || s.kind === "value" || s.kind === "acc" || s.kind === "mask" ? s.name : null;
}

/** Free names of a statement list whose scope already binds `bound`. */
export function blockUses(body: readonly Stmt[], bound: readonly string[], out: (name: string) => void): void {
  const local = new Set(bound);
  for (const s of body) {
    stmtUses(s, (n) => {
      if (!local.has(n)) out(n);
    });
    const d = defines(s);
    if (d !== null) local.add(d);
  }
}

