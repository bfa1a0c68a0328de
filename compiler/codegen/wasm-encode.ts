/**
 * @file A small WebAssembly binary encoder: LEB128 numbers, a function body
 * builder with the opcodes the wasm emitter uses (control, locals, i32 index
 * arithmetic, f64/f32 scalar arithmetic, and the 0xFD-prefixed SIMD
 * operations on f64x2/f32x4), and the module layout kernex needs: one
 * imported memory ("k" "m"), function types, functions, exports. No
 * dependency; the binary format is WebAssembly core 2.0 (with fixed-width
 * SIMD).
 *
 * @example
 * const f = new WasmBody();
 * f.localGet(0).localGet(1).op(Op.I32Add).end();
 * const bytes = wasmModule([{ name: "add", params: ["i32", "i32"], results: ["i32"], locals: [], body: f }]);
 */

/** A value type of a local, parameter or result. */
export type WasmType = "i32" | "f32" | "f64" | "v128";

const typeCode: Readonly<Record<WasmType, number>> = { i32: 0x7f, f32: 0x7d, f64: 0x7c, v128: 0x7b };

/** One-byte opcodes (WebAssembly core). */
export enum Op {
  Block = 0x02,
  Loop = 0x03,
  If = 0x04,
  Else = 0x05,
  End = 0x0b,
  Br = 0x0c,
  BrIf = 0x0d,
  Select = 0x1b,
  LocalGet = 0x20,
  LocalSet = 0x21,
  LocalTee = 0x22,
  I32Load = 0x28,
  F32Load = 0x2a,
  F64Load = 0x2b,
  F32Store = 0x38,
  F64Store = 0x39,
  I32Const = 0x41,
  F32Const = 0x43,
  F64Const = 0x44,
  I32Eqz = 0x45,
  I32Eq = 0x46,
  I32Ne = 0x47,
  I32LtS = 0x48,
  I32GtS = 0x4a,
  I32LeS = 0x4c,
  I32GeS = 0x4e,
  F32Eq = 0x5b,
  F32Ne = 0x5c,
  F32Lt = 0x5d,
  F32Gt = 0x5e,
  F32Le = 0x5f,
  F32Ge = 0x60,
  F64Eq = 0x61,
  F64Ne = 0x62,
  F64Lt = 0x63,
  F64Gt = 0x64,
  F64Le = 0x65,
  F64Ge = 0x66,
  I32Add = 0x6a,
  I32Sub = 0x6b,
  I32Mul = 0x6c,
  I32DivS = 0x6d,
  I32RemS = 0x6f,
  I32And = 0x71,
  I32Or = 0x72,
  I32Shl = 0x74,
  F32Abs = 0x8b,
  F32Neg = 0x8c,
  F32Ceil = 0x8d,
  F32Floor = 0x8e,
  F32Trunc = 0x8f,
  F32Sqrt = 0x91,
  F32Add = 0x92,
  F32Sub = 0x93,
  F32Mul = 0x94,
  F32Div = 0x95,
  F32Min = 0x96,
  F32Max = 0x97,
  F64Abs = 0x99,
  F64Neg = 0x9a,
  F64Ceil = 0x9b,
  F64Floor = 0x9c,
  F64Trunc = 0x9d,
  F64Sqrt = 0x9f,
  F64Add = 0xa0,
  F64Sub = 0xa1,
  F64Mul = 0xa2,
  F64Div = 0xa3,
  F64Min = 0xa4,
  F64Max = 0xa5,
  F32DemoteF64 = 0xb6,
  F64ConvertI32S = 0xb7,
  F64PromoteF32 = 0xbb,
}

/** SIMD opcodes (after the 0xFD prefix, encoded as unsigned LEB128). */
export enum Simd {
  V128Load = 0x00,
  V128Store = 0x0b,
  V128Const = 0x0c,
  V128Load32Splat = 0x09,
  V128Load64Splat = 0x0a,
  I8x16Shuffle = 0x0d,
  F32x4Splat = 0x13,
  F64x2Splat = 0x14,
  F32x4ExtractLane = 0x1f,
  F32x4ReplaceLane = 0x20,
  F64x2ExtractLane = 0x21,
  F64x2ReplaceLane = 0x22,
  F32x4Eq = 0x41,
  F32x4Ne = 0x42,
  F32x4Lt = 0x43,
  F32x4Gt = 0x44,
  F32x4Le = 0x45,
  F32x4Ge = 0x46,
  F64x2Eq = 0x47,
  F64x2Ne = 0x48,
  F64x2Lt = 0x49,
  F64x2Gt = 0x4a,
  F64x2Le = 0x4b,
  F64x2Ge = 0x4c,
  V128And = 0x4e,
  V128Or = 0x50,
  V128Bitselect = 0x52,
  V128Store64Lane = 0x5b,
  V128Load64Zero = 0x5d,
  F32x4DemoteF64x2Zero = 0x5e,
  F64x2PromoteLowF32x4 = 0x5f,
  F32x4Ceil = 0x67,
  F32x4Floor = 0x68,
  F32x4Trunc = 0x69,
  F64x2Ceil = 0x74,
  F64x2Floor = 0x75,
  F64x2Trunc = 0x7a,
  F32x4Abs = 0xe0,
  F32x4Neg = 0xe1,
  F32x4Sqrt = 0xe3,
  F32x4Add = 0xe4,
  F32x4Sub = 0xe5,
  F32x4Mul = 0xe6,
  F32x4Div = 0xe7,
  F32x4Min = 0xe8,
  F32x4Max = 0xe9,
  F64x2Abs = 0xec,
  F64x2Neg = 0xed,
  F64x2Sqrt = 0xef,
  F64x2Add = 0xf0,
  F64x2Sub = 0xf1,
  F64x2Mul = 0xf2,
  F64x2Div = 0xf3,
  F64x2Min = 0xf4,
  F64x2Max = 0xf5,
}

/** Append n as unsigned LEB128. */
export function uleb(out: number[], n: number): void {
  if (!Number.isInteger(n) || n < 0) throw new Error(`wasm-encode: unsigned LEB128 of ${n}`);
  do {
    let byte = n % 128;
    n = Math.floor(n / 128);
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
}

/** Append n (a 32-bit signed integer) as signed LEB128. */
export function sleb(out: number[], n: number): void {
  if (!Number.isInteger(n) || n < -(2 ** 31) || n >= 2 ** 31) throw new Error(`wasm-encode: signed LEB128 of ${n}`);
  let v = n | 0;
  for (;;) {
    const byte = v & 0x7f;
    v >>= 7;
    const done = (v === 0 && (byte & 0x40) === 0) || (v === -1 && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return;
  }
}

/**
 * A function body's instructions, appended in order as bytes (no text:
 * wasm-print.ts lists a module from its bytes, when asked).
 */
export class WasmBody {
  readonly bytes: number[] = [];

  /** A one-byte instruction with no immediate. */
  op(code: Op): this {
    this.bytes.push(code);
    return this;
  }
  private simdCode(code: Simd): void {
    this.bytes.push(0xfd);
    uleb(this.bytes, code);
  }
  /** A SIMD instruction with no immediate. */
  simd(code: Simd): this {
    this.simdCode(code);
    return this;
  }
  /** A SIMD instruction followed by one lane index. */
  simdLane(code: Simd, lane: number): this {
    this.simdCode(code);
    this.bytes.push(lane);
    return this;
  }
  /** i8x16.shuffle with 16 byte-lane indices (0–31). */
  shuffle(lanes: readonly number[]): this {
    if (lanes.length !== 16) throw new Error(`wasm-encode: a shuffle takes 16 lanes, got ${lanes.length}`);
    this.simdCode(Simd.I8x16Shuffle);
    this.bytes.push(...lanes);
    return this;
  }
  /** A memory access (load or store, scalar or SIMD) with alignment log2 and a byte offset; `lane` for load/store_lane. */
  mem(code: Op | Simd, simd: boolean, alignLog2: number, offset: number, lane?: number): this {
    if (simd) this.simdCode(code as Simd);
    else this.bytes.push(code);
    uleb(this.bytes, alignLog2);
    uleb(this.bytes, offset);
    if (lane !== undefined) this.bytes.push(lane);
    return this;
  }
  localGet(i: number): this {
    return this.withIndex(Op.LocalGet, i);
  }
  localSet(i: number): this {
    return this.withIndex(Op.LocalSet, i);
  }
  localTee(i: number): this {
    return this.withIndex(Op.LocalTee, i);
  }
  private withIndex(code: Op, i: number): this {
    this.bytes.push(code);
    uleb(this.bytes, i);
    return this;
  }
  i32(n: number): this {
    this.bytes.push(Op.I32Const);
    sleb(this.bytes, n);
    return this;
  }
  f64(x: number): this {
    this.bytes.push(Op.F64Const);
    this.bytes.push(...new Uint8Array(new Float64Array([x]).buffer));
    return this;
  }
  f32(x: number): this {
    this.bytes.push(Op.F32Const);
    this.bytes.push(...new Uint8Array(new Float32Array([x]).buffer));
    return this;
  }
  /** `memory.fill` of memory 0: (dest, byte value, length) on the stack. */
  memoryFill(): this {
    this.bytes.push(0xfc, 0x0b, 0x00);
    return this;
  }
  /** `block`, `loop` or `if`, with no result or one of `result`. */
  open(code: Op.Block | Op.Loop | Op.If, result?: WasmType): this {
    this.bytes.push(code, result === undefined ? 0x40 : typeCode[result]);
    return this;
  }
  /** `else` of an open `if`. */
  else(): this {
    this.bytes.push(Op.Else);
    return this;
  }
  /** `br` or `br_if` to the label `depth` levels out. */
  br(code: Op.Br | Op.BrIf, depth: number): this {
    return this.withIndex(code, depth);
  }
  end(): this {
    this.bytes.push(Op.End);
    return this;
  }
}

/** One exported function of a module. */
export interface WasmFunction {
  readonly name: string;
  readonly params: readonly WasmType[];
  readonly results: readonly WasmType[];
  /** Locals after the parameters, in order. */
  readonly locals: readonly WasmType[];
  /** The body, ending with its own `end`. */
  readonly body: WasmBody;
}

function section(out: number[], id: number, content: number[]): void {
  out.push(id);
  uleb(out, content.length);
  for (const b of content) out.push(b);
}

function vec<T>(items: readonly T[], each: (out: number[], item: T) => void): number[] {
  const out: number[] = [];
  uleb(out, items.length);
  for (const it of items) each(out, it);
  return out;
}

function name(out: number[], s: string): void {
  const bytes = new TextEncoder().encode(s);
  uleb(out, bytes.length);
  out.push(...bytes);
}

/** Locals as runs of one type: (count, type) pairs. */
function localRuns(locals: readonly WasmType[]): [number, WasmType][] {
  const runs: [number, WasmType][] = [];
  for (const t of locals) {
    const last = runs[runs.length - 1];
    if (last !== undefined && last[1] === t) last[0]++;
    else runs.push([1, t]);
  }
  return runs;
}

/**
 * A module importing one memory as "k" "m" (at least `minPages` pages of
 * 64 KiB; with `sharedMaxPages`, a shared memory of at most that many
 * pages, as threads share it) and exporting `fns` by name, each with a
 * type of its own.
 */
export function wasmModule(fns: readonly WasmFunction[], minPages = 1, sharedMaxPages: number | null = null): Uint8Array<ArrayBuffer> {
  const out = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
  section(out, 1, vec(fns, (o, f) => {
    o.push(0x60);
    o.push(...vec(f.params, (p, t) => p.push(typeCode[t])));
    o.push(...vec(f.results, (p, t) => p.push(typeCode[t])));
  }));
  section(out, 2, vec([0], (o) => {
    name(o, "k");
    name(o, "m");
    // limits: 0x00 min; 0x03 shared, min, max
    o.push(0x02, sharedMaxPages === null ? 0x00 : 0x03);
    uleb(o, minPages);
    if (sharedMaxPages !== null) uleb(o, sharedMaxPages);
  }));
  section(out, 3, vec(fns, (o, _f) => uleb(o, fns.indexOf(_f))));
  section(out, 7, vec(fns, (o, f) => {
    name(o, f.name);
    o.push(0x00);
    uleb(o, fns.indexOf(f));
  }));
  section(out, 10, vec(fns, (o, f) => {
    const body = vec(localRuns(f.locals), (p, [n, t]) => {
      uleb(p, n);
      p.push(typeCode[t]);
    });
    body.push(...f.body.bytes);
    uleb(o, body.length);
    o.push(...body);
  }));
  return new Uint8Array(out);
}
