/**
 * @file Hand-built WebAssembly SIMD (f64x2) interiors of W4 (3×3 max-pool,
 * stride 2, per channel) and W7 (7×7 blur, "same"), made with kernex's
 * encoder (compiler/codegen/wasm-encode.ts) for a fixed shape: the
 * feasibility measurement of the wasm backend (docs/wasm.md). Two adjacent
 * outputs per vector; W4 gets its even and odd columns by i8x16.shuffle of
 * two loads. Each call copies its input into the module's Memory and its
 * result out to a fresh Float64Array; `copies: false` skips both (the
 * arithmetic alone). Borders of W7 are left out (1.2% of its cells at 1024²).
 */
import { Op, Simd, WasmBody, wasmModule } from "../compiler/codegen/wasm-encode";

const EVEN = [0, 1, 2, 3, 4, 5, 6, 7, 16, 17, 18, 19, 20, 21, 22, 23];
const ODD = [8, 9, 10, 11, 12, 13, 14, 15, 24, 25, 26, 27, 28, 29, 30, 31];

/** A memory of at least `bytes` bytes. */
function memoryOf(bytes: number): WebAssembly.Memory {
  return new WebAssembly.Memory({ initial: Math.ceil((bytes + 64) / 65536) });
}

/** W4's interior: locals 0 c, 1 i, 2 q, 3 o, 4 oEnd; v128 5 (max). */
function maxpoolBody(C: number, H: number, W: number, outOff: number): WasmBody {
  const oh = Math.floor((H - 3) / 2) + 1;
  const ow = Math.floor((W - 3) / 2) + 1;
  const f = new WasmBody();
  const c = 0, i = 1, q = 2, o = 3, oEnd = 4, m = 5;
  f.i32(outOff).localSet(o);
  f.i32(0).localSet(c).open(Op.Loop);
  f.i32(0).localSet(i).open(Op.Loop);
  // q = (c·H·W + 2·i·W)·8; o runs on; oEnd = o + ow·8
  f.localGet(c).i32(H * W * 8).op(Op.I32Mul).localGet(i).i32(2 * W * 8).op(Op.I32Mul).op(Op.I32Add).localSet(q);
  f.localGet(o).i32(ow * 8).op(Op.I32Add).localSet(oEnd);
  f.open(Op.Block).open(Op.Loop);
  f.localGet(o).localGet(oEnd).i32(16).op(Op.I32Sub).op(Op.I32GtS).br(Op.BrIf, 1);
  for (let r = 0; r < 3; r++) {
    const base = r * W * 8;
    const load = (off: number): void => void f.localGet(q).mem(Simd.V128Load, true, 3, base + off);
    load(0), load(16), f.shuffle(EVEN);
    if (r > 0) f.localGet(m).simd(Simd.F64x2Max);
    load(0), load(16), f.shuffle(ODD), f.simd(Simd.F64x2Max);
    load(16), load(32), f.shuffle(EVEN), f.simd(Simd.F64x2Max);
    f.localSet(m);
  }
  f.localGet(o).localGet(m).mem(Simd.V128Store, true, 3, 0);
  f.localGet(q).i32(32).op(Op.I32Add).localSet(q);
  f.localGet(o).i32(16).op(Op.I32Add).localSet(o);
  f.br(Op.Br, 0).end().end();
  // the scalar tail: one output when ow is odd
  f.localGet(o).localGet(oEnd).op(Op.I32LtS).open(Op.If);
  f.localGet(o);
  for (let r = 0; r < 3; r++) for (let s = 0; s < 3; s++) {
    f.localGet(q).mem(Op.F64Load, false, 3, (r * W + s) * 8);
    if (r + s > 0) f.op(Op.F64Max);
  }
  f.mem(Op.F64Store, false, 3, 0);
  f.localGet(o).i32(8).op(Op.I32Add).localSet(o);
  f.end();
  f.localGet(i).i32(1).op(Op.I32Add).localTee(i).i32(oh).op(Op.I32LtS).br(Op.BrIf, 0).end();
  f.localGet(c).i32(1).op(Op.I32Add).localTee(c).i32(C).op(Op.I32LtS).br(Op.BrIf, 0).end();
  return f.end();
}

/** A hand-built W4 for shape (C, H, W): `run(x, copies)` gives the pooled (C, oh, ow) array. */
export function wasmMaxpool(C: number, H: number, W: number): (x: Float64Array, copies?: boolean) => Float64Array {
  const oh = Math.floor((H - 3) / 2) + 1;
  const ow = Math.floor((W - 3) / 2) + 1;
  const n = C * H * W;
  const outOff = (n + 8) * 8;
  const memory = memoryOf(outOff + C * oh * ow * 8 + 64);
  const bytes = wasmModule([{ name: "run", params: [], results: [], locals: ["i32", "i32", "i32", "i32", "i32", "v128"], body: maxpoolBody(C, H, W, outOff) }]);
  const inst = new WebAssembly.Instance(new WebAssembly.Module(bytes), { k: { m: memory } });
  const run = inst.exports["run"] as () => void;
  const view = new Float64Array(memory.buffer, outOff, C * oh * ow);
  return (x, copies = true) => {
    if (copies) new Float64Array(memory.buffer, 0, n).set(x);
    run();
    return copies ? view.slice() : view;
  };
}

/** W7's interior for a K×K blur: locals 0 i, 1 q, 2 o, 3 oEnd; v128 4 unused; v128 5… the splatted weights. */
function blurBody(K: number, H: number, W: number, wOff: number, outOff: number): WasmBody {
  const r = (K - 1) >> 1;
  const f = new WasmBody();
  const i = 0, q = 1, o = 2, oEnd = 3, w0 = 5;
  for (let k = 0; k < K * K; k++) f.i32(0).mem(Op.F64Load, false, 3, wOff + 8 * k).simd(Simd.F64x2Splat).localSet(w0 + k);
  f.i32(r).localSet(i).open(Op.Loop);
  f.localGet(i).i32(r).op(Op.I32Sub).i32(W * 8).op(Op.I32Mul).localSet(q);
  f.localGet(i).i32(W * 8).op(Op.I32Mul).i32(outOff + r * 8).op(Op.I32Add).localTee(o).i32((W - 2 * r) * 8).op(Op.I32Add).localSet(oEnd);
  f.open(Op.Block).open(Op.Loop);
  f.localGet(o).localGet(oEnd).i32(16).op(Op.I32Sub).op(Op.I32GtS).br(Op.BrIf, 1);
  f.localGet(o);
  for (let a = 0; a < K; a++) for (let b = 0; b < K; b++) {
    f.localGet(q).mem(Simd.V128Load, true, 3, (a * W + b) * 8).localGet(w0 + a * K + b).simd(Simd.F64x2Mul);
    if (a + b > 0) f.simd(Simd.F64x2Add);
  }
  f.mem(Simd.V128Store, true, 3, 0);
  f.localGet(q).i32(16).op(Op.I32Add).localSet(q);
  f.localGet(o).i32(16).op(Op.I32Add).localSet(o);
  f.br(Op.Br, 0).end().end();
  f.localGet(o).localGet(oEnd).op(Op.I32LtS).open(Op.If);
  f.localGet(o);
  for (let a = 0; a < K; a++) for (let b = 0; b < K; b++) {
    f.localGet(q).mem(Op.F64Load, false, 3, (a * W + b) * 8).localGet(w0 + a * K + b).simdLane(Simd.F64x2ExtractLane, 0).op(Op.F64Mul);
    if (a + b > 0) f.op(Op.F64Add);
  }
  f.mem(Op.F64Store, false, 3, 0).end();
  f.localGet(i).i32(1).op(Op.I32Add).localTee(i).i32(H - r).op(Op.I32LtS).br(Op.BrIf, 0).end();
  return f.end();
}

/** A hand-built W7 interior for a K×K blur of an H×W image with weights w; borders stay 0. */
export function wasmBlur(w: Float64Array, K: number, H: number, W: number): (x: Float64Array, copies?: boolean) => Float64Array {
  const n = H * W;
  const wOff = (n + 8) * 8;
  const outOff = wOff + K * K * 8 + 64;
  const memory = memoryOf(outOff + n * 8 + 64);
  new Float64Array(memory.buffer, wOff, K * K).set(w);
  const locals: ("i32" | "v128")[] = ["i32", "i32", "i32", "i32", "v128", ...Array<"v128">(K * K).fill("v128")];
  const bytes = wasmModule([{ name: "run", params: [], results: [], locals, body: blurBody(K, H, W, wOff, outOff) }]);
  const inst = new WebAssembly.Instance(new WebAssembly.Module(bytes), { k: { m: memory } });
  const run = inst.exports["run"] as () => void;
  const view = new Float64Array(memory.buffer, outOff, n);
  return (x, copies = true) => {
    if (copies) new Float64Array(memory.buffer, 0, n).set(x);
    run();
    return copies ? view.slice() : view;
  };
}
