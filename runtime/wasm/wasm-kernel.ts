/**
 * @file A stencil's WebAssembly kernel for the "wasm" backend: the decider
 * (compiler/loop/wasm-decide.ts) says whether it pays, the wasm emitter
 * (compiler/codegen/emit-wasm.ts) writes the module, compiled synchronously
 * (`new WebAssembly.Module`) and kept with the stencil's compiled kernel
 * (one per element types of its buffers), so the kernel cache
 * (runtime/kernel-cache.ts) and its structural key hold it too. The kernel
 * has the JavaScript kernel's signature `(f, t, s, lo, hi, k)`: it places
 * every buffer and table in the one Memory (memory.ts), copies the inputs
 * and tables in, runs `main(lo, hi, k)` and copies the outputs out into
 * the arrays the executor allocated.
 */
import type { StencilParams } from "../../compiler/primitives";
import type { CompiledBody } from "../../compiler/codegen/compile";
import { emitWasm } from "../../compiler/codegen/emit-wasm";
import { elementBytes, NotWasm, type WasmElement, type WasmPlace } from "../../compiler/codegen/wasm-fn";
import type { CodeBuffer, LoweredCode } from "../../compiler/loop/lowered-ir";
import { lowerForWasm, wasmDecision } from "../../compiler/loop/wasm-decide";
import { runPipeline } from "../../compiler/passes/pipeline";
import type { CompiledStencil } from "../executor/stencil-kernel";
import { execLog } from "../executor/settings";
import { wasmMemory } from "./memory";

/** A built kernel: the function, and its module's text (for dumps and tests). */
export interface WasmKernel {
  readonly fn: CompiledBody;
  readonly text: string;
  readonly vectorLoops: number;
}

/** The element type of each array the kernel gets in `f` (inputs, extra inputs, outputs), e.g. "f64f64f32". */
export type ElementTypes = readonly WasmElement[];

/** Bytes the buffers of one kernel may span: index arithmetic is signed i32. */
const MAX_BYTES = 2 ** 31;

/** Bytes after each buffer that a vector load may read past its last element (a stride-2 pair reads 16 more). */
const SLACK = 32;

/** The element type of a dtype's arrays. */
export function elementOf(dtype: string): WasmElement {
  return dtype === "float64" ? "f64" : dtype === "float32" ? "f32" : "i32";
}

/** Offsets of the buffers and tables: each 16-byte aligned, with SLACK after it. Returns the bytes used. */
function placeBuffers(code: LoweredCode, f: ElementTypes, places: Map<string, WasmPlace>): number {
  let at = 0;
  for (const b of code.buffers) {
    const element = b.source === "f" ? f[b.index]! : "i32";
    places.set(b.name, { offset: at, element });
    at += Math.ceil((b.length * elementBytes[element] + SLACK) / 16) * 16;
  }
  return at;
}

/** Copy elements [from, to) of a buffer into the Memory at `offset` (`into`), or out of it. */
function copy(memory: ArrayBuffer, offset: number, array: Float64Array | Float32Array | Int32Array, b: CodeBuffer, from: number, to: number, into: boolean): void {
  if (array.length !== b.length) throw new Error(`wasm kernel: ${b.name} has ${array.length} elements, placed for ${b.length}`);
  const at = offset + from * array.BYTES_PER_ELEMENT;
  const view = array instanceof Float64Array ? new Float64Array(memory, at, to - from) : array instanceof Float32Array ? new Float32Array(memory, at, to - from) : new Int32Array(memory, at, to - from);
  if (into) view.set(from === 0 && to === array.length ? array : array.subarray(from, to));
  else array.set(view, from);
}

/**
 * Elements per slab of the split dim for each windowed input and output,
 * when the split dim is a batch dim (dim 0, a window of 1, stride 1, no
 * padding: a vmap'd axis, W4's channels): slab c of the inputs is all that
 * cells c of the split dim read, and slab c of the outputs all they write.
 * Copying and running slab by slab keeps each slab in cache between its
 * copy, the kernel and the copy out: measured on W4 (3×1024² float64), one
 * channel at a time took 3.9 ms against 18.2 ms for the three at once.
 * Null when the split dim is not such a dim.
 */
function batchSlabs(params: StencilParams, code: LoweredCode): Map<string, number> | null {
  const { spec } = params;
  const s = code.schedule;
  if (s.splitDim !== 0 || s.steps !== 1 || s.n < 2 || spec.inShape[0] !== s.n || spec.gridShape[0] !== s.n) return null;
  if (spec.kernelSize[0] !== 1 || spec.strides[0] !== 1 || spec.dilation[0] !== 1 || spec.padding[0]![0] !== 0 || spec.padding[0]![1] !== 0) return null;
  const slabs = new Map<string, number>();
  for (const b of code.buffers) {
    const windowed = b.role === "input" && b.source === "f" && b.index < params.nWindowed;
    if (!windowed && b.role !== "output") continue;
    if (b.length % s.n !== 0) return null;
    slabs.set(b.name, b.length / s.n);
  }
  return slabs;
}

/** The kernel of a lowered code for these arrays' element types. */
function build(params: StencilParams, code: LoweredCode, f: ElementTypes): WasmKernel {
  const places = new Map<string, WasmPlace>();
  const bytes = placeBuffers(code, f, places);
  if (code.buffers.some((b) => b.source === "f" && places.get(b.name)!.element === "i32")) throw new NotWasm("an int32 array");
  // byte addresses are i32 arithmetic: the buffers must lie below 2 GiB
  if (bytes >= MAX_BYTES) throw new NotWasm(`buffers of ${bytes} bytes (WebAssembly addresses reach ${MAX_BYTES})`);
  const wasm = emitWasm(code, places);
  let memory: WebAssembly.Memory;
  try {
    memory = wasmMemory(bytes);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    throw new NotWasm(`a WebAssembly memory of ${bytes} bytes (${e.message})`);
  }
  const main = new WebAssembly.Instance(new WebAssembly.Module(wasm.bytes), { k: { m: memory } }).exports["main"] as (lo: number, hi: number, k: number) => void;
  const slabs = batchSlabs(params, code);
  // copied once per call: everything, or (by slabs) what is not split
  const copyIn = code.buffers.filter((b) => b.role !== "output" && (slabs === null || !slabs.has(b.name)));
  const split = code.buffers.filter((b) => slabs?.has(b.name) === true);
  const copyOut = code.buffers.filter((b) => b.role === "output");
  const fn: CompiledBody = (ff, tt, _s, lo, hi, k) => {
    const buffer = wasmMemory(bytes).buffer;
    for (const b of copyIn) copy(buffer, places.get(b.name)!.offset, b.source === "f" ? ff[b.index]! : tt[b.index]!, b, 0, b.length, true);
    if (slabs === null) {
      main(lo, hi, k);
      for (const b of copyOut) copy(buffer, places.get(b.name)!.offset, ff[b.index]!, b, 0, b.length, false);
    } else {
      // one slab of the split dim at a time: its input is still in cache when main reads it, its output when copied out
      for (let c = lo; c < hi; c++) {
        for (const b of split) copy(buffer, places.get(b.name)!.offset, ff[b.index]!, b, c * slabs.get(b.name)!, (c + 1) * slabs.get(b.name)!, b.role !== "output");
        main(c, c + 1, k);
        for (const b of copyOut) copy(buffer, places.get(b.name)!.offset, ff[b.index]!, b, c * slabs.get(b.name)!, (c + 1) * slabs.get(b.name)!, false);
      }
    }
    runs++;
  };
  return { fn, text: wasm.text, vectorLoops: wasm.vectorLoops };
}

const kernels = new WeakMap<CompiledStencil, Map<string, WasmKernel | null>>();
const lowered = new WeakMap<CompiledStencil, LoweredCode | null>();

/** "decide": the decider chooses; "always": every map the emitter translates (tests of the emitter). */
let policy: "decide" | "always" = "decide";
/** Calls of wasm kernels so far (tests check that a kernel ran in WebAssembly). */
let runs = 0;

/**
 * Set who chooses WebAssembly: the decider, or always (for tests: results
 * must be the same either way). Kernels already chosen keep their choice.
 *
 * @example
 * setWasmPolicy("always"); // … tests … ; setWasmPolicy("decide");
 */
export function setWasmPolicy(p: "decide" | "always"): void {
  policy = p;
}

let lastBuilt: WasmKernel | null = null;

/** The kernel built most recently (its module's text for golden files and dumps), or null. */
export function lastBuiltWasm(): WasmKernel | null {
  return lastBuilt;
}

/** How many times a wasm kernel has run in this thread. */
export function wasmRuns(): number {
  return runs;
}

/**
 * The WebAssembly kernel of a compiled map stencil whose arrays `f` have these element types, or
 * null when the decider keeps it on JavaScript or the code has something
 * the wasm emitter does not translate.
 *
 * @example
 * const k = wasmKernelFor(params, extraShapes, compiled, ["f64", "f64"]);
 * (k?.fn ?? compiled.fn)(f, compiled.tables, undefined, 0, n, -1);
 */
export function wasmKernelFor(params: StencilParams, extraShapes: readonly (readonly number[])[], compiled: CompiledStencil, f: ElementTypes): WasmKernel | null {
  let code = lowered.get(compiled);
  if (code === undefined) {
    const candidate = lowerForWasm(runPipeline(params, extraShapes));
    const decision = wasmDecision(params, candidate, false);
    const wasm = decision.wasm || (policy === "always" && Number.isFinite(decision.score));
    execLog(1, () => `wasm backend: ${wasm ? "WebAssembly" : "JavaScript"} (${decision.reason})`);
    lowered.set(compiled, (code = wasm ? candidate : null));
  }
  if (code === null) return null;
  let perTypes = kernels.get(compiled);
  if (perTypes === undefined) kernels.set(compiled, (perTypes = new Map()));
  const sig = f.join("");
  let kernel = perTypes.get(sig);
  if (kernel === undefined) {
    try {
      kernel = lastBuilt = build(params, code, f);
      execLog(3, () => `wasm module:\n${kernel!.text}`);
    } catch (e) {
      if (!(e instanceof NotWasm)) throw e;
      execLog(1, () => `wasm backend: JavaScript (${e.message})`);
      kernel = null;
    }
    perTypes.set(sig, kernel);
  }
  return kernel;
}
