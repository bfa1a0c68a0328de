/**
 * @file The WAT-like text listing of a module wasm-encode.ts wrote, read
 * back from its bytes: one instruction per line, indented by block depth,
 * locals by index (the form of IR dumps and golden files). The encoder
 * keeps no text, so a built kernel keeps only its bytes and prints its
 * listing when `lower`, debug level 3 or a test asks for it. It reads the
 * sections and instructions the encoder writes (types, one import,
 * functions, exports, code) and throws on any other.
 *
 * @example
 * printWasmModule(wasmModule(fns)); // "(func $main (param i32 i32 i32) (local i32 f64 v128)\n  local.get 0\n …"
 */
import { Op, Simd, wasmModule, type WasmFunction, type WasmType } from "./wasm-encode";

const typeName: Readonly<Record<number, WasmType>> = { 0x7f: "i32", 0x7d: "f32", 0x7c: "f64", 0x7b: "v128" };

/** SIMD opcodes followed by a memory argument (alignment, offset). */
const simdMemory: ReadonlySet<number> = new Set([Simd.V128Load, Simd.V128Load32Splat, Simd.V128Load64Splat, Simd.V128Store, Simd.V128Load64Zero, Simd.V128Store64Lane]);
/** SIMD opcodes followed by a lane index (after the memory argument, if any). */
const simdLane: ReadonlySet<number> = new Set([Simd.F32x4ExtractLane, Simd.F32x4ReplaceLane, Simd.F64x2ExtractLane, Simd.F64x2ReplaceLane, Simd.V128Store64Lane]);
/** One-byte opcodes followed by a memory argument. */
const opMemory: ReadonlySet<number> = new Set([Op.I32Load, Op.F32Load, Op.F64Load, Op.F32Store, Op.F64Store]);
/** One-byte opcodes followed by one unsigned index (local or label). */
const opIndex: ReadonlySet<number> = new Set([Op.LocalGet, Op.LocalSet, Op.LocalTee, Op.Br, Op.BrIf]);

/** The text name of an opcode: `F64x2Add` prints as `f64x2.add`, `LocalGet` as `local.get`. */
function opText(name: string): string {
  const m = /^(F64x2|F32x4|I8x16|V128|I32|F32|F64)(.*)$/.exec(name);
  const snake = (t: string): string => t.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase();
  if (m !== null) return `${m[1]!.toLowerCase()}.${snake(m[2]!)}`;
  return snake(name).replace(/^(local|memory)_/, "$1.");
}

/** A cursor over a module's bytes. */
class Reader {
  at = 0;
  constructor(readonly bytes: Uint8Array) {}
  byte(): number {
    if (this.at >= this.bytes.length) throw new Error(`wasm-print: read past the module's ${this.bytes.length} bytes`);
    return this.bytes[this.at++]!;
  }
  uleb(): number {
    let n = 0;
    for (let scale = 1; ; scale *= 128) {
      const b = this.byte();
      n += (b & 0x7f) * scale;
      if ((b & 0x80) === 0) return n;
    }
  }
  sleb(): number {
    let n = 0;
    let shift = 0;
    for (;;) {
      const b = this.byte();
      n |= (b & 0x7f) << shift;
      shift += 7;
      if ((b & 0x80) === 0) return shift < 32 && (b & 0x40) !== 0 ? n | (-1 << shift) : n;
    }
  }
  take(n: number): Uint8Array {
    const out = this.bytes.slice(this.at, this.at + n);
    this.at += n;
    return out;
  }
  name(): string {
    return new TextDecoder().decode(this.take(this.uleb()));
  }
  type(): WasmType {
    const code = this.byte();
    const t = typeName[code];
    if (t === undefined) throw new Error(`wasm-print: value type 0x${code.toString(16)}`);
    return t;
  }
  vec<T>(each: () => T): T[] {
    return Array.from({ length: this.uleb() }, each);
  }
}

/** A memory argument's text: ` offset=N` (the alignment is not listed). */
function memarg(r: Reader): string {
  r.uleb();
  return ` offset=${r.uleb()}`;
}

/** One 0xFD-prefixed instruction's text. */
function simdText(r: Reader): string {
  const code = r.uleb();
  const name = Simd[code];
  if (name === undefined || code === Simd.V128Const) throw new Error(`wasm-print: SIMD opcode 0x${code.toString(16)}`);
  if (code === Simd.I8x16Shuffle) return `${opText(name)} ${Array.from(r.take(16)).join(" ")}`;
  const mem = simdMemory.has(code) ? memarg(r) : "";
  const lane = simdLane.has(code) ? ` ${r.byte()}` : "";
  return `${opText(name)}${mem}${lane}`;
}

/** A function body's instructions, one per line, until its final `end`. */
function bodyLines(r: Reader, end: number): string[] {
  const lines: string[] = [];
  let depth = 1;
  const line = (t: string): void => void lines.push(`${"  ".repeat(depth)}${t}`);
  while (r.at < end) {
    const code = r.byte();
    if (code === Op.Block || code === Op.Loop || code === Op.If) {
      const result = r.byte();
      line(`${opText(Op[code]!)}${result === 0x40 ? "" : ` (result ${typeName[result]})`}`);
      depth++;
    } else if (code === Op.Else) {
      depth--;
      line("else");
      depth++;
    } else if (code === Op.End) {
      depth--;
      line("end");
    } else if (opIndex.has(code)) line(`${opText(Op[code]!)} ${r.uleb()}`);
    else if (opMemory.has(code)) line(`${opText(Op[code]!)}${memarg(r)}`);
    else if (code === Op.I32Const) line(`i32.const ${r.sleb()}`);
    else if (code === Op.F64Const || code === Op.F32Const) {
      const x = code === Op.F64Const ? new Float64Array(r.take(8).buffer)[0]! : new Float32Array(r.take(4).buffer)[0]!;
      line(`${code === Op.F64Const ? "f64" : "f32"}.const ${Object.is(x, -0) ? "-0" : String(x)}`);
    } else if (code === 0xfc) {
      if (r.uleb() !== 0x0b || r.byte() !== 0) throw new Error("wasm-print: a 0xFC instruction other than memory.fill 0");
      line("memory.fill");
    } else if (code === 0xfd) line(simdText(r));
    else if (Op[code] !== undefined) line(opText(Op[code]!));
    else throw new Error(`wasm-print: opcode 0x${code.toString(16)} at byte ${r.at - 1}`);
  }
  return lines;
}

/** A function type: 0x60, its parameters, its results. */
function funcType(r: Reader): { params: WasmType[]; results: WasmType[] } {
  if (r.byte() !== 0x60) throw new Error(`wasm-print: a type other than a function type at byte ${r.at - 1}`);
  return { params: r.vec(() => r.type()), results: r.vec(() => r.type()) };
}

/** One function's header line: `(func $name (param …) (result …) (local …)`. */
function header(name: string, params: readonly WasmType[], results: readonly WasmType[], locals: readonly WasmType[]): string {
  const p = params.length > 0 ? ` (param ${params.join(" ")})` : "";
  const res = results.length > 0 ? ` (result ${results.join(" ")})` : "";
  const l = locals.length > 0 ? ` (local ${locals.join(" ")})` : "";
  return `(func $${name}${p}${res}${l}`;
}

/**
 * The text listing of a module's functions, read from the module's bytes
 * (as wasmModule writes them).
 *
 * @example
 * printWasmModule(bytes); // "(func $main (param i32 i32 i32) (local i32 f64 v128)\n  local.get 0\n …"
 */
export function printWasmModule(bytes: Uint8Array): string {
  const r = new Reader(bytes);
  r.at = 8;
  let types: { params: WasmType[]; results: WasmType[] }[] = [];
  let typeOf: number[] = [];
  const names = new Map<number, string>();
  const out: string[] = [];
  while (r.at < bytes.length) {
    const id = r.byte();
    const end = r.uleb() + r.at;
    if (id === 1) types = r.vec(() => funcType(r));
    else if (id === 3) typeOf = r.vec(() => r.uleb());
    else if (id === 7) r.vec(() => [r.name(), r.byte(), r.uleb()] as const).forEach(([n, kind, i]) => kind === 0 && names.set(i, n));
    else if (id === 10) {
      r.vec(() => {
        const i = out.length;
        const fnEnd = r.uleb() + r.at;
        const locals = r.vec(() => [r.uleb(), r.type()] as const).flatMap(([n, t]) => Array<WasmType>(n).fill(t));
        const t = types[typeOf[i]!]!;
        out.push(`${header(names.get(i) ?? `f${i}`, t.params, t.results, locals)}\n${bodyLines(r, fnEnd).join("\n")})`);
      });
    }
    r.at = end;
  }
  return out.join("\n");
}

/**
 * The text listing of functions: the listing of the module wasmModule
 * writes for them.
 *
 * @example
 * printWasm(fns); // "(func $main (param i32 i32 i32) (local i32 f64 v128)\n  local.get 0\n …"
 */
export function printWasm(fns: readonly WasmFunction[]): string {
  return printWasmModule(wasmModule(fns));
}
