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
import { sharedWasmMemory, SHARED_MAX_PAGES, wasmMemory } from "./memory";

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

/** A module built for a Memory: its entry, and the copies of the arrays in and out of the Memory. */
interface Built {
  readonly bytes: Uint8Array;
  readonly vectorLoops: number;
  readonly module: WebAssembly.Module;
  readonly main: (lo: number, hi: number, k: number) => void;
  /** Copy the inputs and tables into the Memory, each with `copy` (default `dst.set(src)`). */
  readonly copyIn: (ff: readonly KernelArray[], tt: readonly Int32Array[], copy?: ArrayCopy) => void;
  /** Copy the outputs out of the Memory: whole, or the elements [start, end) that `part` gives for an output's length. */
  readonly copyOut: (ff: readonly KernelArray[], part?: (length: number) => readonly [number, number]) => void;
}

type KernelArray = Float64Array | Float32Array;

/** Copies `src` into `dst` (same kind and length). */
export type ArrayCopy = (dst: KernelArray | Int32Array, src: KernelArray | Int32Array) => void;

const setCopy: ArrayCopy = (dst, src) => (dst as Float64Array).set(src as Float64Array);

/** The module of a lowered code for these arrays' element types, on the calling thread's Memory or (`shared`) the shared one. */
function assemble(code: LoweredCode, f: ElementTypes, shared: boolean): Built {
  const places = new Map<string, WasmPlace>();
  const bytes = placeBuffers(code, f, places);
  if (code.buffers.some((b) => b.source === "f" && places.get(b.name)!.element === "i32")) throw new NotWasm("an int32 array");
  // byte addresses are i32 arithmetic: the buffers must lie below 2 GiB
  if (bytes >= MAX_BYTES) throw new NotWasm(`buffers of ${bytes} bytes (WebAssembly addresses reach ${MAX_BYTES})`);
  const wasm = emitWasm(code, places, shared ? SHARED_MAX_PAGES : null);
  const memoryOf = (): WebAssembly.Memory => {
    const m = shared ? sharedWasmMemory(bytes) : wasmMemory(bytes);
    if (m === null) throw new NotWasm("a shared WebAssembly memory (no shared memory here)");
    return m;
  };
  let memory: WebAssembly.Memory;
  try {
    memory = memoryOf();
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    throw new NotWasm(`a WebAssembly memory of ${bytes} bytes (${e.message})`);
  }
  const module = new WebAssembly.Module(wasm.bytes);
  const main = new WebAssembly.Instance(module, { k: { m: memory } }).exports["main"] as Built["main"];
  // each buffer's place in the Memory, looked up once here rather than per call
  const placed = code.buffers.map((b) => ({ ...b, offset: places.get(b.name)!.offset }));
  const ins = placed.filter((b) => b.role !== "output");
  const outs = placed.filter((b) => b.role === "output");
  const copyIn = (ff: readonly KernelArray[], tt: readonly Int32Array[], copy: ArrayCopy = setCopy): void => {
    const buffer = memoryOf().buffer;
    for (const b of ins) {
      const src = b.source === "f" ? ff[b.index]! : tt[b.index]!;
      checkLength(b.name, src.length, b.length);
      copy(viewLike(src, buffer as ArrayBuffer, b.offset), src);
    }
  };
  const copyOut = (ff: readonly KernelArray[], part?: (length: number) => readonly [number, number]): void => {
    const buffer = memoryOf().buffer as ArrayBuffer;
    for (const b of outs) {
      const dst = ff[b.index]!;
      checkLength(b.name, dst.length, b.length);
      const view = viewLike(dst, buffer, b.offset) as KernelArray;
      if (part === undefined) dst.set(view);
      else {
        const [start, end] = part(dst.length);
        dst.set(view.subarray(start, end), start);
      }
    }
  };
  return { bytes: wasm.bytes, vectorLoops: wasm.vectorLoops, module, main, copyIn, copyOut };
}

/** The kernel of a lowered code for these arrays' element types, run on the calling thread. */
function build(code: LoweredCode, f: ElementTypes): WasmKernel {
  const { bytes: moduleBytes, vectorLoops, main, copyIn, copyOut } = assemble(code, f, false);
  const fn: CompiledBody = (ff, tt, _s, lo, hi, k) => {
    copyIn(ff as readonly KernelArray[], tt);
    main(lo, hi, k);
    runs++;
    copyOut(ff as readonly KernelArray[]);
  };
  return {
    fn,
    bytes: moduleBytes,
    get text(): string {
      textsPrinted++;
      return printWasmModule(moduleBytes);
    },
    vectorLoops,
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
  return cachedKernel(kernels, params, extraShapes, compiled, f, "JavaScript", (code) => {
    const kernel = (lastBuilt = build(code, f));
    chargeKernel(compiled, wasmKernelBytes(kernel));
    execLog(3, () => `wasm module:\n${kernel.text}`);
    return kernel;
  });
}

/**
 * A stencil's kernel of one kind (one-thread or sharded) for these element
 * types from `cache`, built by `make` from the stencil's lowered code on
 * first use; null when the decider keeps the stencil on JavaScript or
 * `make` finds something the emitter does not translate (logged with
 * `fallback`, what runs instead).
 */
function cachedKernel<K>(
  cache: WeakMap<CompiledStencil, Map<string, K | null>>,
  params: StencilParams,
  extraShapes: readonly (readonly number[])[],
  compiled: CompiledStencil,
  f: ElementTypes,
  fallback: string,
  make: (code: LoweredCode, sig: string) => K,
): K | null {
  const choice = choose(params, extraShapes, compiled);
  if (!choice.wasm) return null;
  let perTypes = cache.get(compiled);
  if (perTypes === undefined) cache.set(compiled, (perTypes = new Map()));
  const sig = f.join("");
  let kernel = perTypes.get(sig);
  if (kernel === undefined) {
    // the decider's lowered code serves the first module built; later ones lower again
    const code = choice.code ?? lowerForWasm(runPipeline(params, extraShapes));
    choice.code = null;
    try {
      kernel = make(code, sig);
    } catch (e) {
      if (!(e instanceof NotWasm)) throw e;
      execLog(1, () => `wasm backend: ${fallback} (${e.message})`);
      kernel = null;
    }
    perTypes.set(sig, kernel);
  }
  return kernel;
}

/**
 * A wasm kernel sharded over the worker pool: the same module, on the
 * shared Memory, in every thread. The calling thread copies the arrays in
 * before the job and the results out after it; each thread runs its rows.
 */
export interface ShardedWasmKernel {
  /** Names the module in the workers' kernel caches. */
  readonly hash: string;
  readonly module: WebAssembly.Module;
  readonly memory: WebAssembly.Memory;
  /** Rows [lo, hi) of the split dim on this thread, the arrays already in the Memory. */
  readonly fn: CompiledBody;
  /** Copy the inputs and tables into the shared Memory, each with `copy` (default `dst.set(src)`). */
  readonly copyIn: (ff: readonly KernelArray[], tt: readonly Int32Array[], copy?: ArrayCopy) => void;
  /** Copy the outputs out of the shared Memory: whole, or the elements [start, end) that `part` gives for an output's length. */
  readonly copyOut: (ff: readonly KernelArray[], part?: (length: number) => readonly [number, number]) => void;
}

const shardedKernels = new WeakMap<CompiledStencil, Map<string, ShardedWasmKernel | null>>();

/**
 * The sharded form of wasmKernelFor's kernel (built on first use, from the
 * stencil's lowered code), or null: the decider keeps the stencil on
 * JavaScript, shared memory is not usable here, or the emitter does not
 * translate the code.
 *
 * @example
 * const k = shardedWasmKernelFor(params, extraShapes, compiled, ["f64", "f64"]);
 * k?.copyIn(f, compiled.tables); // … pool.runSync({ …, fn: k.fn, wasm: k }) … k.copyOut(f)
 */
export function shardedWasmKernelFor(params: StencilParams, extraShapes: readonly (readonly number[])[], compiled: CompiledStencil, f: ElementTypes): ShardedWasmKernel | null {
  return cachedKernel(shardedKernels, params, extraShapes, compiled, f, "not sharded", (code, sig) => {
    const built = assemble(code, f, true);
    const { main } = built;
    chargeKernel(compiled, 3 * built.bytes.length);
    return {
      hash: `wasm-${compiled.hash}-${sig}`,
      module: built.module,
      memory: sharedWasmMemory(0)!,
      fn: (_f, _t, _s, lo, hi, k) => {
        main(lo, hi, k);
        runs++;
      },
      copyIn: built.copyIn,
      copyOut: built.copyOut,
    };
  });
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
