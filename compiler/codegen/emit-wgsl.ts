/**
 * @file The WGSL emitter: prints lowered code (compiler/loop/lowered-ir.ts,
 * from lower-gpu.ts: simplified, verified, blocks inline) as one compute
 * shader. It decides nothing the lowering did not: every loop, read, store
 * and border table is in the IR, and lower-gpu.ts says what an invocation
 * runs. The entry point gives `main`'s arguments: [lo, hi) = [i, i + 1) for
 * invocation i (i = gid.x + gid.y · the x extent: a 2-d dispatch past 65,535
 * workgroups), or [0, n) on invocation 0 alone; the step `k` comes from the
 * params uniform.
 *
 * Bindings (group 0): 0 the params uniform `{ k }`; 1 the read tables,
 * packed into one `array<i32>` (table t<d> starts at a constant offset);
 * 2 + j the array f[j] (windowed inputs, extra inputs, outputs) as
 * `array<f32>`, read_write when the code may store into it. Data are f32,
 * indices i32; scalar primitives print through wgsl-scalar.ts.
 */
import { assertNever } from "../primitives";
import type { CodeBuffer, IndexExpr, LoweredCode, Operand, ScalarExpr, Stmt, Test } from "../loop/lowered-ir";
import type { GpuLowered } from "../loop/lower-gpu";
import type { Schedule } from "../loop/schedule";
import { PAD_SENTINEL } from "./read-table";
import { f32Literal, helpersUsed, wgslBinary, wgslUnary } from "./wgsl-scalar";

/** Invocations per workgroup (along x): a common good size on desktop and software GPUs. */
export const WGSL_WORKGROUP_SIZE = 64;
/** WebGPU's default maxComputeWorkgroupsPerDimension. */
const MAX_WORKGROUPS = 65535;

/** One array binding of a WGSL kernel. */
export interface WgslBinding {
  /** The buffer's name in the shader. */
  readonly name: string;
  /** Which array of the stencil call (f[j]: windowed, extra, outputs). */
  readonly fIndex: number;
  readonly writable: boolean;
  /** Elements the code may touch (the array's length). */
  readonly length: number;
}

/** A compute shader for one stencil, and how to run it. */
export interface WgslKernel {
  readonly code: string;
  /** The arrays it binds, at bindings 2 + fIndex. */
  readonly bindings: readonly WgslBinding[];
  /** The read tables, packed (binding 1; at least one element). */
  readonly tables: Int32Array;
  readonly schedule: Schedule;
  /** Invocations per dispatch (see lower-gpu.ts), and the workgroups (x, y) that cover them. */
  readonly invocations: number;
  readonly workgroups: readonly [number, number];
}

/** A construct of lowered code the WGSL emitter cannot print. */
export class NotWgslPrintable extends Error {}

/** Printing state: table offsets in the packed table buffer, and the masked tables in scope. */
interface Ctx {
  readonly tableOffset: ReadonlyMap<string, number>;
  readonly masks: Map<string, string>;
}

/**
 * A lowered name as a WGSL identifier: the compiler's names are a letter or
 * two and a number, so `i32` (a border read index), `i8`, `u64`, … would
 * shadow a type or be reserved words; those get a trailing underscore (no
 * lowered name ends with one).
 */
function wgslName(name: string): string {
  return /^[iuf](8|16|32|64)$/.test(name) ? `${name}_` : name;
}

function indexExpr(e: IndexExpr, c: Ctx): string {
  switch (e.kind) {
    case "const":
      return e.value < 0 ? `(${e.value})` : String(e.value);
    case "var":
      return wgslName(e.name);
    case "add":
      return `(${indexExpr(e.a, c)} + ${indexExpr(e.b, c)})`;
    case "mul":
      return `(${indexExpr(e.a, c)} * ${indexExpr({ kind: "const", value: e.k }, c)})`;
    case "div":
      if (e.round === "exact") return `(${indexExpr(e.a, c)} / ${e.k})`;
      return `${e.round === "floor" ? "k_floordiv" : "k_ceildiv"}(${indexExpr(e.a, c)}, ${e.k})`;
    case "mod":
      // JavaScript's % and WGSL's i32 % both take the dividend's sign
      return `(${indexExpr(e.a, c)} % ${e.k})`;
    case "min":
    case "max":
      return `${e.kind}(${indexExpr(e.a, c)}, ${indexExpr(e.b, c)})`;
    case "table":
      return tableRead(e.table, indexExpr(e.at, c), c);
    case "select":
      return `select(${indexExpr(e.b, c)}, ${indexExpr(e.a, c)}, ${testExpr(e.test, c)})`;
    default:
      return assertNever(e);
  }
}

/** A read of table `name` (or of a masked copy: rows outside its range read the pad sentinel). */
function tableRead(name: string, at: string, c: Ctx): string {
  const masked = c.masks.get(name);
  if (masked !== undefined) return `k_masked(${tableRead(masked, at, c)}, ${name}_lo, ${name}_hi, ${name}_keep)`;
  const off = c.tableOffset.get(name);
  if (off === undefined) throw new NotWgslPrintable(`WGSL: table ${name} is not a buffer of the code`);
  return `ktab[${off} + ${at}]`;
}

function testExpr(t: Test, c: Ctx): string {
  switch (t.kind) {
    case "cmp": {
      const op = t.op === "===" ? "==" : t.op === "!==" ? "!=" : t.op;
      return `(${indexExpr(t.a, c)} ${op} ${indexExpr(t.b, c)})`;
    }
    case "and":
      return `(${testExpr(t.a, c)} && ${testExpr(t.b, c)})`;
    case "or":
      return `(${testExpr(t.a, c)} || ${testExpr(t.b, c)})`;
    case "not":
      return `(!${testExpr(t.a, c)})`;
    default:
      return assertNever(t);
  }
}

function operand(o: Operand): string {
  return o.kind === "ref" ? wgslName(o.name) : f32Literal(o.value);
}

function scalarExpr(s: ScalarExpr, c: Ctx): string {
  switch (s.kind) {
    case "load":
      return `${s.buffer}[${indexExpr(s.at, c)}]`;
    case "padLoad":
      // both sides of select are evaluated: the read is clamped to index 0 where the pad value is taken
      return `select(${s.buffer}[max(${wgslName(s.at)}, 0)], ${f32Literal(s.pad)}, ${wgslName(s.at)} < 0)`;
    case "unary":
      return s.prim === "fround" ? operand(s.a) : wgslUnary[s.prim](operand(s.a));
    case "binary":
      return wgslBinary[s.prim](operand(s.a), operand(s.b));
    case "select":
      return `select(${operand(s.b)}, ${operand(s.a)}, ${operand(s.c)} != 0.0f)`;
    case "sum":
      return s.terms.reduce((acc, t) => `(${acc} + ${operand(t)})`, "0.0f");
    case "choose":
      // reads out of bounds are safe in WGSL (robust buffer access): the unchosen side may be evaluated
      return `select(${scalarExpr(s.b, c)}, ${scalarExpr(s.a, c)}, ${testExpr(s.test, c)})`;
    default:
      return assertNever(s);
  }
}

function forStmt(s: Extract<Stmt, { kind: "for" }>, c: Ctx, pad: string): string[] {
  const body = stmts(s.body, c, `${pad}  `);
  const from = indexExpr(s.from, c);
  const to = indexExpr(s.to, c);
  const jam = s.jam ?? 1;
  const v = wgslName(s.v);
  const head = s.reverse
    ? `for (var ${v}: i32 = ${to} - 1; ${v} >= ${from}; ${v} = ${v} - 1) {`
    : `for (var ${v}: i32 = ${from}; ${v} < ${jam > 1 ? `${to} - ${jam - 1}` : to}; ${v} = ${v} + ${s.step}) {`;
  return [`${pad}${head}`, ...body, `${pad}}`];
}

function stmt(s: Stmt, c: Ctx, pad: string): string[] {
  switch (s.kind) {
    case "let":
      return [`${pad}let ${wgslName(s.name)}: i32 = ${indexExpr(s.value, c)};`];
    case "value":
      return [`${pad}let ${wgslName(s.name)}: f32 = ${scalarExpr(s.value, c)};`];
    case "acc":
      return [`${pad}var ${wgslName(s.name)}: f32 = ${s.init ? operand(s.init) : "0.0f"};`];
    case "accumulate":
      return [`${pad}${wgslName(s.name)} = ${wgslName(s.name)} + ${operand(s.value)};`];
    case "store": {
      const at = indexExpr(s.at, c);
      const write = `${s.buffer}[${at}] = ${s.op === "add" ? `${s.buffer}[${at}] + ` : ""}${operand(s.value)};`;
      return s.guarded ? [`${pad}if (${at} >= 0) { ${write} }`] : [`${pad}${write}`];
    }
    case "fill":
      return [`${pad}for (var kz: i32 = ${indexExpr(s.from, c)}; kz < ${indexExpr(s.to, c)}; kz = kz + 1) { ${s.buffer}[kz] = 0.0f; }`];
    case "for":
      return forStmt(s, c, pad);
    case "if": {
      const out = [`${pad}if ${testExpr(s.test, c)} {`, ...stmts(s.then, c, `${pad}  `)];
      if (s.else.length > 0) out.push(`${pad}} else {`, ...stmts(s.else, c, `${pad}  `));
      return [...out, `${pad}}`];
    }
    case "block":
      return [`${pad}{`, ...s.params.map((p) => `${pad}  let ${wgslName(p.name)}: i32 = ${indexExpr(p.value, c)};`), ...stmts(s.body, c, `${pad}  `), `${pad}}`];
    case "mask":
      // the copy of JavaScript (emit-js.ts maskStmts) as a read: rows outside [lo, hi) read the sentinel unless `keep`
      c.masks.set(s.name, s.table);
      return [`${pad}let ${s.name}_lo: i32 = ${indexExpr(s.from, c)};`, `${pad}let ${s.name}_hi: i32 = ${indexExpr(s.to, c)};`, `${pad}let ${s.name}_keep: bool = ${testExpr(s.unless, c)};`];
    case "call":
      throw new NotWgslPrintable("WGSL: outlined calls (print the code of lowerNestForGpu, which keeps blocks inline)");
    default:
      return assertNever(s);
  }
}

function stmts(body: readonly Stmt[], c: Ctx, pad: string): string[] {
  return body.flatMap((s) => stmt(s, c, pad));
}

/** The packed tables and each table buffer's offset in them. */
function packTables(code: LoweredCode): { tables: Int32Array; offsets: Map<string, number> } {
  const offsets = new Map<string, number>();
  const tableBufs = code.buffers.filter((b) => b.source === "t");
  let n = 0;
  for (const b of tableBufs) {
    offsets.set(b.name, n);
    n += code.tables[b.index]!.length;
  }
  const tables = new Int32Array(Math.max(1, n));
  for (const b of tableBufs) tables.set(code.tables[b.index]!, offsets.get(b.name)!);
  return { tables, offsets };
}

/** The declarations of the bindings. */
function declarations(arrays: readonly CodeBuffer[]): string[] {
  return [
    "struct KParams { k: i32, pad0: i32, pad1: i32, pad2: i32 }",
    "@group(0) @binding(0) var<uniform> kparams: KParams;",
    "@group(0) @binding(1) var<storage, read> ktab: array<i32>;",
    ...arrays.map((b) => `@group(0) @binding(${2 + b.index}) var<storage, ${b.writable ? "read_write" : "read"}> ${b.name}: array<f32>;`),
  ];
}

/** Workgroups (x, y) covering `invocations`: x up to the per-dimension limit, y for the rest. */
function workgroupsFor(invocations: number): [number, number] {
  const groups = Math.ceil(invocations / WGSL_WORKGROUP_SIZE);
  const x = Math.min(groups, MAX_WORKGROUPS);
  return [x, x === 0 ? 0 : Math.ceil(groups / x)];
}

/**
 * Print GPU-lowered code (of lowerNestForGpu) as a WGSL compute shader.
 *
 * @example
 * const k = emitWgsl(lowerNestForGpu(nest)); // k.code: "@compute @workgroup_size(64) fn main(…) {…}"
 */
export function emitWgsl(lowered: GpuLowered): WgslKernel {
  const code = lowered.code;
  const { tables, offsets } = packTables(code);
  const arrays = code.buffers.filter((b) => b.source === "f");
  const s = code.schedule;
  const c: Ctx = { tableOffset: offsets, masks: new Map() };
  const body = stmts(code.body, c, "  ");
  const workgroups = workgroupsFor(lowered.invocations);
  const range =
    lowered.mode === "all"
      ? [`  if (gid.x != 0u || gid.y != 0u) { return; }`, `  let lo: i32 = 0;`, `  let hi: i32 = ${s.n};`]
      : [`  let lo: i32 = i32(gid.x + gid.y * ${workgroups[0] * WGSL_WORKGROUP_SIZE}u);`, `  if (lo >= ${lowered.invocations}) { return; }`, `  let hi: i32 = lo + 1;`];
  const main = [
    `@compute @workgroup_size(${WGSL_WORKGROUP_SIZE})`,
    "fn main(@builtin(global_invocation_id) gid: vec3<u32>) {",
    ...range,
    "  let k: i32 = kparams.k;",
    ...body,
    "}",
  ];
  let text = main.join("\n");
  if (c.masks.size > 0) text = `fn k_masked(v: i32, lo: i32, hi: i32, keep: bool) -> i32 { if (keep || v < 0 || (v >= lo && v < hi)) { return v; } return ${PAD_SENTINEL}; }\n\n${text}`;
  const helpers = helpersUsed(text);
  const source = [...declarations(arrays), "", ...helpers, ...(helpers.length > 0 ? [""] : []), text, ""].join("\n");
  return {
    code: source,
    bindings: arrays.map((b) => ({ name: b.name, fIndex: b.index, writable: b.writable, length: b.length })),
    tables,
    schedule: s,
    invocations: lowered.invocations,
    workgroups,
  };
}
