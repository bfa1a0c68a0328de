/**
 * @file A stencil's WebAssembly kernel for the "wasm" backend: the decider
 * (compiler/loop/wasm-decide.ts) says whether it pays, the wasm emitter
 * (compiler/codegen/emit-wasm.ts) writes the module, compiled synchronously
 * (`new WebAssembly.Module`) and kept with the stencil's compiled kernel
 * (one per element types of its buffers), so the kernel cache
 * (runtime/kernel-cache.ts) and its structural key hold it too; each
 * module's bytes are charged to the stencil's entry (`chargeKernel`), so
 * the cache's byte bound counts them. The kernel
 * has the JavaScript kernel's signature `(f, t, s, lo, hi, k)`: it places
 * every buffer and table in the one Memory (memory.ts), copies the inputs
 * and tables in, runs `main(lo, hi, k)` and copies the outputs out into
 * the arrays the executor allocated.
 */
import type { StencilParams } from "../../compiler/primitives";
import type { CompiledBody } from "../../compiler/codegen/compile";
import { emitWasm } from "../../compiler/codegen/emit-wasm";
import { elementBytes, NotWasm, type WasmElement, type WasmPlace } from "../../compiler/codegen/wasm-fn";
import type { LoweredCode } from "../../compiler/loop/lowered-ir";
import { printWasmModule } from "../../compiler/codegen/wasm-print";
import { lowerForWasm, wasmDecision, type WasmDecision } from "../../compiler/loop/wasm-decide";
import { runPipeline } from "../../compiler/passes/pipeline";
import type { CompiledStencil } from "../executor/stencil-kernel";
import { execLog } from "../executor/settings";
import { chargeKernel } from "../kernel-cache";
import { wasmMemory } from "./memory";

/** A built kernel: the function, and its module's binary (its text for dumps and tests). */
export interface WasmKernel {
  readonly fn: CompiledBody;
  /** The module's binary, kept to print its text. */
  readonly bytes: Uint8Array;
  /** The module's WAT-like text, printed from `bytes` at each read (nothing keeps it). */
  readonly text: string;
  readonly vectorLoops: number;
  /** Bytes of the module's binary. */
  readonly moduleBytes: number;
}

/**
 * Bytes a built kernel retains, counted with its stencil's entry in the
 * kernel cache: the module's binary three times (the Module keeps its
 * bytes, its compiled code is of a similar size, as sourceBytes counts
 * generated JavaScript twice, and the kernel keeps a copy to print its text).
 *
 * @example
 * wasmKernelBytes({ fn, bytes, text, vectorLoops: 0, moduleBytes: 100 }); // 300
 */
export function wasmKernelBytes(kernel: WasmKernel): number {
  return 3 * kernel.moduleBytes;
}

/** Texts printed from kernels' binaries so far (tests check that a plain call prints none). */
let textsPrinted = 0;

/** How many times a kernel's text has been printed in this thread. */
export function wasmTextsPrinted(): number {
  return textsPrinted;
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

/** A view of the Memory's `buffer` at `offset` with `like`'s element type and length. */
function viewLike(like: Float64Array | Float32Array | Int32Array, buffer: ArrayBuffer, offset: number): Float64Array | Float32Array | Int32Array {
  if (like instanceof Float64Array) return new Float64Array(buffer, offset, like.length);
  if (like instanceof Float32Array) return new Float32Array(buffer, offset, like.length);
  return new Int32Array(buffer, offset, like.length);
}

function checkLength(name: string, have: number, placed: number): void {
  if (have !== placed) throw new Error(`wasm kernel: ${name} has ${have} elements, placed for ${placed}`);
}

/** The kernel of a lowered code for these arrays' element types. */
function build(code: LoweredCode, f: ElementTypes): WasmKernel {
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
  // each buffer's place in the Memory, looked up once here rather than per call
  const placed = code.buffers.map((b) => ({ ...b, offset: places.get(b.name)!.offset }));
  const copyIn = placed.filter((b) => b.role !== "output");
  const copyOut = placed.filter((b) => b.role === "output");
  const fn: CompiledBody = (ff, tt, _s, lo, hi, k) => {
    const buffer = wasmMemory(bytes).buffer;
    for (const b of copyIn) {
      const src = b.source === "f" ? ff[b.index]! : tt[b.index]!;
      checkLength(b.name, src.length, b.length);
      viewLike(src, buffer, b.offset).set(src);
    }
    main(lo, hi, k);
    runs++;
    for (const b of copyOut) {
      const dst = ff[b.index]!;
      checkLength(b.name, dst.length, b.length);
      dst.set(viewLike(dst, buffer, b.offset));
    }
  };
  const moduleBytes = wasm.bytes;
  return {
    fn,
    bytes: moduleBytes,
    get text(): string {
      textsPrinted++;
      return printWasmModule(moduleBytes);
    },
    vectorLoops: wasm.vectorLoops,
    moduleBytes: moduleBytes.length,
  };
}

const kernels = new WeakMap<CompiledStencil, Map<string, WasmKernel | null>>();
/** A stencil's decision, and its lowered code until the first module is built from it. */
interface Choice {
  readonly decision: WasmDecision;
  /** Does it run in WebAssembly (the decider's choice, or policy "always")? */
  readonly wasm: boolean;
  code: LoweredCode | null;
}
const choices = new WeakMap<CompiledStencil, Choice>();

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
  const choice = choose(params, extraShapes, compiled);
  if (!choice.wasm) return null;
  let perTypes = kernels.get(compiled);
  if (perTypes === undefined) kernels.set(compiled, (perTypes = new Map()));
  const sig = f.join("");
  let kernel = perTypes.get(sig);
  if (kernel === undefined) {
    const code = choice.code ?? lowerForWasm(runPipeline(params, extraShapes));
    choice.code = null;
    try {
      kernel = lastBuilt = build(code, f);
      chargeKernel(compiled, wasmKernelBytes(kernel));
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

/** A stencil's decision, made once (the pass pipeline runs once for it and its first module). */
function choose(params: StencilParams, extraShapes: readonly (readonly number[])[], compiled: CompiledStencil): Choice {
  let choice = choices.get(compiled);
  if (choice === undefined) {
    const candidate = lowerForWasm(runPipeline(params, extraShapes));
    const decision = wasmDecision(params, candidate, false);
    const wasm = decision.wasm || (policy === "always" && Number.isFinite(decision.score));
    execLog(1, () => `wasm backend: ${wasm ? "WebAssembly" : "JavaScript"} (${decision.reason})`);
    choices.set(compiled, (choice = { decision, wasm, code: wasm ? candidate : null }));
  }
  return choice;
}

/**
 * The decider's verdict on a compiled map stencil, as the call path made it
 * (made now, and kept for the call, if no call has asked yet).
 *
 * @example
 * wasmDecisionFor(params, extraShapes, compiled).reason; // "73.5 operations per copied element ≥ 7"
 */
export function wasmDecisionFor(params: StencilParams, extraShapes: readonly (readonly number[])[], compiled: CompiledStencil): WasmDecision {
  return choose(params, extraShapes, compiled).decision;
}
