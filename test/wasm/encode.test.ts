/**
 * @file The WebAssembly encoder (compiler/codegen/wasm-encode.ts): LEB128
 * against the format's worked examples, and small modules that WebAssembly
 * accepts and that compute known values (scalar, f64x2 and an
 * i8x16.shuffle of the even lanes), with their text listing, printed from
 * the module's bytes (compiler/codegen/wasm-print.ts).
 */
import { describe, expect, it } from "vitest";
import { Op, Simd, WasmBody, sleb, uleb, wasmModule, type WasmFunction } from "../../compiler/codegen/wasm-encode";
import { printWasm } from "../../compiler/codegen/wasm-print";

const bytesOf = (write: (out: number[]) => void): number[] => {
  const out: number[] = [];
  write(out);
  return out;
};

function instantiate(fns: WasmFunction[], memory: WebAssembly.Memory): WebAssembly.Exports {
  const bytes = wasmModule(fns);
  expect(WebAssembly.validate(bytes)).toBe(true);
  return new WebAssembly.Instance(new WebAssembly.Module(bytes), { k: { m: memory } }).exports;
}

describe("wasm-encode", () => {
  it("writes LEB128 as the format's examples give it", () => {
    expect(bytesOf((o) => uleb(o, 624485))).toEqual([0xe5, 0x8e, 0x26]);
    expect(bytesOf((o) => uleb(o, 0))).toEqual([0]);
    expect(bytesOf((o) => uleb(o, 127))).toEqual([0x7f]);
    expect(bytesOf((o) => uleb(o, 128))).toEqual([0x80, 0x01]);
    expect(bytesOf((o) => sleb(o, -123456))).toEqual([0xc0, 0xbb, 0x78]);
    expect(bytesOf((o) => sleb(o, -1))).toEqual([0x7f]);
    expect(bytesOf((o) => sleb(o, 63))).toEqual([0x3f]);
    expect(bytesOf((o) => sleb(o, 64))).toEqual([0xc0, 0x00]);
    expect(bytesOf((o) => sleb(o, -(2 ** 31)))).toEqual([0x80, 0x80, 0x80, 0x80, 0x78]);
    expect(() => uleb([], -1)).toThrow(/unsigned LEB128 of -1/);
  });

  it("builds a module whose functions compute: i32 arithmetic, f64 max over memory, an f64x2 sum of even lanes", () => {
    const memory = new WebAssembly.Memory({ initial: 1 });
    const add = new WasmBody().localGet(0).localGet(1).op(Op.I32Add).i32(-3).op(Op.I32Mul).end();
    // max(m[0], m[1]) as f64
    const max = new WasmBody().i32(0).mem(Op.F64Load, false, 3, 0).i32(0).mem(Op.F64Load, false, 3, 8).op(Op.F64Max).end();
    // (m[0] + m[4], m[2] + m[6]) stored at m[8], m[9]: even lanes of two loads, added to the even lanes of the next two
    const even = [0, 1, 2, 3, 4, 5, 6, 7, 16, 17, 18, 19, 20, 21, 22, 23];
    const simd = new WasmBody().i32(0);
    simd.i32(0).mem(Simd.V128Load, true, 3, 0).i32(0).mem(Simd.V128Load, true, 3, 16).shuffle(even);
    simd.i32(0).mem(Simd.V128Load, true, 3, 32).i32(0).mem(Simd.V128Load, true, 3, 48).shuffle(even);
    simd.simd(Simd.F64x2Add).mem(Simd.V128Store, true, 3, 64).end();
    const fns: WasmFunction[] = [
      { name: "add", params: ["i32", "i32"], results: ["i32"], locals: [], body: add },
      { name: "max", params: [], results: ["f64"], locals: [], body: max },
      { name: "even", params: [], results: [], locals: [], body: simd },
    ];
    const ex = instantiate(fns, memory);
    expect((ex["add"] as (a: number, b: number) => number)(4, 5)).toBe(-27);
    const m = new Float64Array(memory.buffer, 0, 10);
    m.set([-0, 0, 1, 2, 3, 4, 5, 6]);
    expect(Object.is((ex["max"] as () => number)(), 0)).toBe(true);
    m[1] = NaN;
    expect((ex["max"] as () => number)()).toBeNaN();
    (ex["even"] as () => void)();
    expect([m[8], m[9]]).toEqual([-0 + 3, 1 + 5]);
    expect(printWasm(fns.slice(1, 2))).toBe(["(func $max (result f64)", "  i32.const 0", "  f64.load offset=0", "  i32.const 0", "  f64.load offset=8", "  f64.max", "end)"].join("\n"));
  });

  it("lists every instruction the body builder writes, read back from the module's bytes", () => {
    const f = new WasmBody();
    f.open(Op.Block).open(Op.Loop).localGet(301).i32(-(2 ** 31)).op(Op.I32GeS).br(Op.BrIf, 1).i32(2 ** 31 - 1).localSet(1);
    f.i32(64).open(Op.If, "f64").f64(-0).else().f64(0.1).end().localSet(2);
    f.i32(0).f32(0.5).f32(-0).op(Op.F32Add).op(Op.F64PromoteF32).localTee(2).op(Op.F64Sqrt).mem(Op.F64Store, false, 3, 8);
    f.i32(0).mem(Simd.V128Load64Splat, true, 3, 200).simdLane(Simd.F64x2ExtractLane, 1).localSet(2);
    f.i32(0).i32(0).mem(Simd.V128Load, true, 4, 16).mem(Simd.V128Store64Lane, true, 3, 24, 1);
    f.i32(0).i32(0).mem(Simd.V128Load, true, 4, 0).i32(0).mem(Simd.V128Load, true, 4, 16).shuffle([0, 1, 2, 3, 4, 5, 6, 7, 16, 17, 18, 19, 20, 21, 22, 23]);
    f.localGet(3).simd(Simd.F64x2Add).mem(Simd.V128Store, true, 4, 32);
    f.i32(0).i32(0).i32(8).memoryFill().br(Op.Br, 0).end().end().end();
    const fn: WasmFunction = { name: "all", params: ["i32"], results: [], locals: ["i32", "f64", ...Array<"v128">(298).fill("v128"), "i32"], body: f };
    expect(WebAssembly.validate(wasmModule([fn]))).toBe(true);
    const text = printWasm([fn]).split("\n");
    expect(text[0]).toBe(`(func $all (param i32) (local i32 f64 ${Array(298).fill("v128").join(" ")} i32)`);
    expect(text.slice(1)).toEqual([
      "  block",
      "    loop",
      "      local.get 301",
      "      i32.const -2147483648",
      "      i32.ge_s",
      "      br_if 1",
      "      i32.const 2147483647",
      "      local.set 1",
      "      i32.const 64",
      "      if (result f64)",
      "        f64.const -0",
      "      else",
      "        f64.const 0.1",
      "      end",
      "      local.set 2",
      "      i32.const 0",
      "      f32.const 0.5",
      "      f32.const -0",
      "      f32.add",
      "      f64.promote_f32",
      "      local.tee 2",
      "      f64.sqrt",
      "      f64.store offset=8",
      "      i32.const 0",
      "      v128.load64_splat offset=200",
      "      f64x2.extract_lane 1",
      "      local.set 2",
      "      i32.const 0",
      "      i32.const 0",
      "      v128.load offset=16",
      "      v128.store64_lane offset=24 1",
      "      i32.const 0",
      "      i32.const 0",
      "      v128.load offset=0",
      "      i32.const 0",
      "      v128.load offset=16",
      "      i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23",
      "      local.get 3",
      "      f64x2.add",
      "      v128.store offset=32",
      "      i32.const 0",
      "      i32.const 0",
      "      i32.const 8",
      "      memory.fill",
      "      br 0",
      "    end",
      "  end",
      "end)",
    ]);
  });
});
