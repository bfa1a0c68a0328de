/**
 * @file The one pretty-printer of kernex IR. Program listings name binders
 * a, b, c... by first appearance, print params in `[ k=v ]`, and indent the
 * kernel sub-programs of stencil equations under their equation. Loop nests
 * print one line per box; lowered loop code one line per statement.
 */
import { Lit, type Aval, type Atom, type AnyEqn, type Program, type Var } from "./ir";
import type { Region, StencilParams } from "./primitives";
import { assertNever, Prim } from "./primitives";
import { leafBox, type LoopNest } from "./loop/loop-ir";
import type { IndexExpr, LoweredCode, Operand, ScalarExpr, Stmt, Test } from "./loop/lowered-ir";

function dtypeTag(aval: Aval): string {
  return aval.dtype === "float64" ? "f64" : "f32";
}

/** `f64[3,3]` */
export function printAval(aval: Aval): string {
  return `${dtypeTag(aval)}[${aval.shape.join(",")}]`;
}

function varName(n: number): string {
  let s = "";
  let k = n;
  do {
    s = String.fromCharCode(97 + (k % 26)) + s;
    k = Math.floor(k / 26) - 1;
  } while (k >= 0);
  return s;
}

class Namer {
  private readonly names = new Map<Var, string>();
  name(v: Var): string {
    let s = this.names.get(v);
    if (s === undefined) {
      s = varName(this.names.size);
      this.names.set(v, s);
    }
    return s;
  }
  atom(a: Atom): string {
    if (a instanceof Lit) return formatNumber(a.value);
    return this.name(a);
  }
}

function formatNumber(x: number): string {
  if (Object.is(x, -0)) return "-0.0";
  if (Number.isInteger(x) && Math.abs(x) < 1e15) return `${x}.0`;
  return String(x);
}

function printRegion(r: Region | null): string {
  if (r === null) return "all";
  return r.start.map((s, i) => `${s}:${r.stop[i]}${r.step[i] === 1 ? "" : `:${r.step[i]}`}`).join(",");
}

function printStencilHeader(p: StencilParams): string {
  const s = p.spec;
  const parts = [
    `kind=${s.kind}${s.placement === "inplace" ? "/inplace" : ""}`,
    `kernel=(${s.kernelSize.join(",")})`,
    `strides=(${s.strides.join(",")})`,
    `padding=(${s.padding.map(([a, b]) => `(${a},${b})`).join(",")})`,
  ];
  if (s.dilation.some((d) => d !== 1)) parts.push(`dilation=(${s.dilation.join(",")})`);
  if (s.padMode.some((m) => m !== "constant")) parts.push(`pad_mode=(${s.padMode.join(",")})`);
  if (s.padValue !== 0) parts.push(`pad_value=${formatNumber(s.padValue)}`);
  if (s.reverse) parts.push("reverse=true");
  parts.push(`grid=(${s.gridShape.join(",")})`);
  if (p.nWindowed !== 1) parts.push(`windowed=${p.nWindowed}`);
  if (p.gridDims.some((g) => g.length > 0)) parts.push(`grid_dims=(${p.gridDims.map((g) => `[${g.join(",")}]`).join(",")})`);
  if (p.reduceGrid) parts.push("reduce_grid=true");
  return parts.join(" ");
}

function printParams(eqn: AnyEqn): string {
  if (eqn.prim === Prim.Stencil || eqn.prim === Prim.StencilGather) {
    return `[ ${printStencilHeader(eqn.params)} ]`;
  }
  if (eqn.prim === Prim.ScanSweep) {
    const sp = eqn.params;
    const cts = sp.hasCt.some((h) => !h) ? ` cts=(${sp.hasCt.map((h) => (h ? 1 : 0)).join(",")})` : "";
    const maps = sp.ctMaps?.some((m) => m !== null) ? ` ct_maps=(${sp.ctMaps.map((m) => (m ? 1 : 0)).join(",")})` : "";
    const zero = sp.zeroPadFrom !== undefined ? ` zero_pad_from=${sp.zeroPadFrom}` : "";
    return `[ ${printStencilHeader(sp.scan)}${sp.nCaptured > 0 ? ` captured=${sp.nCaptured}` : ""}${cts}${maps}${zero} ]`;
  }
  if (eqn.prim === Prim.ForiLoop) {
    const lp = eqn.params;
    return `[ steps=${lp.steps} carries=${lp.nCarry}${lp.nXs > 0 ? ` xs=${lp.nXs}` : ""}${lp.reverse ? " reverse=true" : ""} ]`;
  }
  const entries: [string, unknown][] = Object.entries(eqn.params);
  if (entries.length === 0) return "";
  const body = entries
    .map(([k, v]) => {
      return `${k}=${Array.isArray(v) ? `(${v.join(",")})` : String(v)}`;
    })
    .join(" ");
  return `[ ${body} ]`;
}

function printProgramLines(program: Program, namer: Namer, indent: string, out: string[]): void {
  const binders = program.inputs.map((v) => `${namer.name(v)}:${printAval(v.aval)}`).join(" ");
  out.push(`${indent}{ lambda ${binders} .`);
  for (const eqn of program.eqns) {
    const lhs = eqn.outputs.map((v) => `${namer.name(v)}:${printAval(v.aval)}`).join(" ");
    const params = printParams(eqn);
    const args = eqn.inputs.map((a) => namer.atom(a)).join(" ");
    out.push(`${indent}  let ${lhs} = ${eqn.prim}${params ? ` ${params}` : ""} ${args}`.trimEnd());
    if (eqn.prim === Prim.ScanSweep) {
      const sp = eqn.params;
      sp.scan.branches.forEach((br, i) => {
        out.push(`${indent}    region ${printRegion(br.region)}: kernel, then its vjp`);
        printProgramLines(br.kernel, namer, `${indent}      `, out);
        printProgramLines(sp.adjoints[i]!, namer, `${indent}      `, out);
      });
      sp.ctMaps?.forEach((m, j) => {
        if (m === null) return;
        out.push(`${indent}    cotangent ${j}, cell by cell:`);
        printProgramLines(m.branches[0]!.kernel, namer, `${indent}      `, out);
      });
    }
    if (eqn.prim === Prim.ForiLoop) {
      out.push(`${indent}    body (i, carries, xs, invariants):`);
      printProgramLines(eqn.params.body, namer, `${indent}      `, out);
    }
    if (eqn.prim === Prim.Stencil || eqn.prim === Prim.StencilGather) {
      for (const br of eqn.params.branches) {
        out.push(`${indent}    region ${printRegion(br.region)}:`);
        printProgramLines(br.kernel, namer, `${indent}      `, out);
      }
    }
  }
  out.push(`${indent}  in (${program.outputs.map((a) => namer.atom(a)).join(", ")}) }`);
}

/** Render a program as a listing, one line per equation. */
export function printProgram(program: Program): string {
  const out: string[] = [];
  printProgramLines(program, new Namer(), "", out);
  return out.join("\n");
}

/** Render a loop nest: one line per box with its ranges, read mode and owners. */
export function printLoopNest(nest: LoopNest): string {
  const s = nest.params.spec;
  const lines = [`stencil ${s.kind}${s.placement === "inplace" ? "/inplace" : ""} grid=(${s.gridShape.join(",")}) parallel_from=${nest.parallelFrom}`];
  nest.leaves.forEach((leaf, i) => {
    const ranges = leafBox(nest, i)
      .map(([lo, hi], d) => `g${d}∈[${lo},${hi})`)
      .join(" ");
    const owners = leaf.owners.length === 0 ? "none" : leaf.owners.map((o) => `kernel ${o.branch}${o.tests.map((t) => ` if g${t.dim}≡${t.start} mod ${t.step}`).join("")}`).join(" else ");
    lines.push(`  box ${ranges} ${leaf.interior ? "interior" : "border"}: ${owners}`);
  });
  return lines.join("\n");
}

/** An index expression; sums in parentheses where they are an operand. */
function printIndex(e: IndexExpr, operand = false): string {
  switch (e.kind) {
    case "const":
      return String(e.value);
    case "var":
      return e.name;
    case "add": {
      const sum = e.b.kind === "const" && e.b.value < 0 ? `${printIndex(e.a)} - ${-e.b.value}` : `${printIndex(e.a)} + ${printIndex(e.b)}`;
      return operand ? `(${sum})` : sum;
    }
    case "mul":
      return `${printIndex(e.a, true)}*${e.k}`;
    case "div":
      return `${printIndex(e.a, true)} ${e.round === "exact" ? "/" : e.round === "floor" ? "⌊/⌋" : "⌈/⌉"} ${e.k}`;
    case "mod":
      return `${printIndex(e.a, true)} % ${e.k}`;
    case "min":
    case "max":
      return `${e.kind}(${printIndex(e.a)}, ${printIndex(e.b)})`;
    case "table":
      return `${e.table}[${printIndex(e.at)}]`;
    case "select":
      return `(${printTest(e.test)} ? ${printIndex(e.a)} : ${printIndex(e.b)})`;
    default:
      return assertNever(e);
  }
}

function printTest(t: Test): string {
  switch (t.kind) {
    case "cmp":
      return `${printIndex(t.a)} ${t.op === "===" ? "==" : t.op === "!==" ? "!=" : t.op} ${printIndex(t.b)}`;
    case "and":
    case "or":
      return `(${printTest(t.a)} ${t.kind === "and" ? "&&" : "||"} ${printTest(t.b)})`;
    case "not":
      return `!${printTest(t.a)}`;
    default:
      return assertNever(t);
  }
}

function printOperand(o: Operand): string {
  return o.kind === "ref" ? o.name : formatNumber(o.value);
}

function printScalar(s: ScalarExpr): string {
  switch (s.kind) {
    case "load":
      return `${s.buffer}[${printIndex(s.at)}]`;
    case "padLoad":
      return `${s.buffer}[${s.at}] or pad ${formatNumber(s.pad)}`;
    case "unary":
      return `${s.prim}(${printOperand(s.a)})`;
    case "binary":
      return `${s.prim}(${printOperand(s.a)}, ${printOperand(s.b)})`;
    case "select":
      return `${printOperand(s.c)} ? ${printOperand(s.a)} : ${printOperand(s.b)}`;
    case "sum":
      return `sum${s.float32 ? "_f32" : ""}(${s.terms.map(printOperand).join(", ")})`;
    case "choose":
      return `if ${printTest(s.test)} then ${printScalar(s.a)} else ${printScalar(s.b)}`;
    default:
      return assertNever(s);
  }
}

function printStmts(body: readonly Stmt[], indent: string, out: string[]): void {
  for (const s of body) {
    switch (s.kind) {
      case "let":
        out.push(`${indent}let ${s.name} = ${printIndex(s.value)}`);
        break;
      case "value":
        out.push(`${indent}val ${s.name} = ${printScalar(s.value)}`);
        break;
      case "acc":
        out.push(`${indent}acc ${s.name}${s.init ? ` = ${printOperand(s.init)}` : ""}`);
        break;
      case "accumulate":
        out.push(`${indent}${s.name} += ${printOperand(s.value)}${s.float32 ? " f32" : ""}`);
        break;
      case "store":
        out.push(`${indent}${s.buffer}[${printIndex(s.at)}] ${s.op === "add" ? "+=" : "="} ${printOperand(s.value)}${s.guarded ? " if ≥ 0" : ""}`);
        break;
      case "fill":
        out.push(`${indent}fill0 ${s.buffer}[${printIndex(s.from)}, ${printIndex(s.to)})`);
        break;
      case "for":
        out.push(`${indent}for ${s.v} ∈ [${printIndex(s.from)}, ${printIndex(s.to)})${s.step !== 1 ? ` step ${s.step}` : ""}${(s.jam ?? 1) !== 1 ? ` jam ${s.jam}` : ""}${s.reverse ? " rev" : ""} dim ${s.dim}${s.split ? " split" : ""}:`);
        printStmts(s.body, `${indent}  `, out);
        break;
      case "if":
        out.push(`${indent}if ${printTest(s.test)}:`);
        printStmts(s.then, `${indent}  `, out);
        if (s.else.length > 0) {
          out.push(`${indent}else:`);
          printStmts(s.else, `${indent}  `, out);
        }
        break;
      case "block":
        out.push(`${indent}${s.role}(${s.params.map((p) => `${p.name} = ${printIndex(p.value)}`).join(", ")}):`);
        printStmts(s.body, `${indent}  `, out);
        break;
      case "mask":
        out.push(`${indent}${s.name} = mask ${s.table} rows [${printIndex(s.from)}, ${printIndex(s.to)}) unless ${printTest(s.unless)}`);
        break;
      case "call":
        out.push(`${indent}call ${s.fn}(${s.args.map((a) => printIndex(a)).join(", ")})`);
        break;
      default:
        assertNever(s);
    }
  }
}

/**
 * Render lowered code (compiler/loop/lowered-ir.ts): its buffers, its
 * functions, then the main function, one statement per line.
 *
 * @example
 * printLowered(lowerNest(nest)); // "x0 = f[0] input 36\n…\nmain(f, t, s, lo, hi, k):\n  call r0(…)"
 */
export function printLowered(code: LoweredCode): string {
  const out = code.buffers.map((b) => `${b.name} = ${b.source}[${b.index}] ${b.role} ${b.length}`);
  for (const fn of code.fns) {
    out.push(`fn ${fn.name}(${fn.params.join(", ")}):`);
    printStmts(fn.body, "  ", out);
  }
  out.push("main(f, t, s, lo, hi, k):");
  printStmts(code.body, "  ", out);
  return out.join("\n");
}
