/**
 * @file kex.config: the one configuration object (workers, codegen, debug,
 * backend, gpu),
 * and `debugLog`, where the debug levels' messages go (stderr in Node,
 * `console.debug` in browsers; never stdout).
 */
import { badValue, KernexError } from "./errors";
import { snapshotOptions } from "./options-snapshot";
import { setGpuSource } from "../runtime/webgpu/device";
import { wasmSimdAvailable } from "../runtime/wasm/memory";

/**
 * A WebGPU entry point (the browser's `navigator.gpu`, or in Node the
 * object `create([])` of the "webgpu" package gives), typed by what kernex
 * calls so that users need no WebGPU type declarations.
 *
 * @example
 * import { create, globals } from "webgpu";
 * Object.assign(globalThis, globals);
 * kex.config({ gpu: create([]) satisfies kex.GpuLike });
 */
export interface GpuLike {
  /** Request an adapter (WebGPU's `GPU.requestAdapter`): kernex asks for one device from it. */
  requestAdapter(options?: never): Promise<unknown>;
}

/**
 * The backends of jitted functions (see {@link Config}): "js" (generated
 * JavaScript), "wasm" (WebAssembly SIMD for the map stencils where it pays,
 * JavaScript elsewhere; synchronous like "js"; proposed, docs/wasm.md) or
 * "webgpu" (WGSL compute shaders, float32, called with `.async`).
 *
 * @example
 * const backend: kex.Backend = "webgpu";
 * const f = kex.jit(step, { backend }); // await f.async(u)
 */
export type Backend = "js" | "wasm" | "webgpu";

/**
 * A debug level of {@link Config}: 0 silent, 1 compile events, 2 IR after
 * each pass, 3 generated JavaScript, 4 worker dispatch.
 *
 * @example
 * const level: kex.DebugLevel = 1;
 * kex.config({ debug: level });
 */
export type DebugLevel = 0 | 1 | 2 | 3 | 4;

/**
 * Settings of kernex.
 *
 * Debug levels (`kex.config({ debug })`), each printing what the ones below
 * it print, to stderr in Node and to `console.debug` in browsers (never to
 * stdout, so a program's own output stays clean), every line starting
 * with `[kernex]`:
 *
 * | level | prints |
 * |---|---|
 * | 0 | nothing (default) |
 * | 1 | compile events: each stencil loop nest, scan sweep and jit trace compiled, with its shapes and how long it took |
 * | 2 | the IR after each program and loop pass ("(unchanged)" when a pass changed nothing) |
 * | 3 | the generated JavaScript of each compiled loop nest |
 * | 4 | worker dispatch: cells sharded, on how many workers, time to prepare and run |
 *
 * @example
 * const settings: kex.Config = kex.config(); // { workers: "auto", codegen: true, debug: 0, backend: "js", gpu: null }
 */
export interface Config {
  /** Worker threads for large work: a count, "auto" (one per core) or 0 (calling thread only). */
  workers: number | "auto";
  /** false: run everything through the reference interpreter (no `new Function`). */
  codegen: boolean;
  /** Debug level, 0 to 4 (see the table above). */
  debug: DebugLevel;
  /**
   * The backend of jitted functions that do not choose one (`jit(f, { backend })`):
   * "js" (generated JavaScript, the default), "wasm" (WebAssembly SIMD kernels
   * where they pay, see docs/wasm.md) or "webgpu" (WGSL compute shaders,
   * float32; such functions are called with `.async`). Eager calls run on "js".
   */
  backend: Backend;
  /**
   * The GPU object of the "webgpu" backend; null: the runtime's `navigator.gpu`.
   * Setting it (null included) drops the current device and every buffer on it.
   */
  gpu: GpuLike | null;
}

const settings: Config = { workers: "auto", codegen: true, debug: 0, backend: "js", gpu: null };

/**
 * The current settings (read-only view).
 *
 * @example
 * getConfig().codegen; // true unless kex.config({ codegen: false }) was called
 */
export function getConfig(): Readonly<Config> {
  return settings;
}

/**
 * Change settings; returns the new settings.
 *
 * @example
 * kex.config({ workers: "auto" });
 * kex.config({ codegen: false }); // pages whose CSP forbids new Function
 */
export function config(changes: Partial<Config> = {}): Readonly<Config> {
  // a snapshot of own enumerable string keys: inherited keys (Object.prototype.workers) are not settings
  const snapshot = snapshotOptions("config", changes, ["workers", "codegen", "debug", "backend", "gpu"], "{ workers: 2 }") as Partial<Config>;
  // check every setting before changing any, so a rejected call changes nothing
  const { workers, codegen, debug, backend, gpu } = snapshot;
  if (workers !== undefined && workers !== "auto" && !(Number.isInteger(workers) && workers >= 0 && workers <= 256)) {
    badValue("config: workers", workers, '"auto" or an integer from 0 to 256');
  }
  if (codegen !== undefined && typeof codegen !== "boolean") badValue("config: codegen", codegen, "true or false");
  if (debug !== undefined && !(Number.isInteger(debug) && debug >= 0 && debug <= 4)) badValue("config: debug", debug, "an integer from 0 to 4");
  checkBackend(backend, gpu);
  if (workers !== undefined) settings.workers = workers;
  if (codegen !== undefined) settings.codegen = codegen;
  if (debug !== undefined) settings.debug = debug;
  if (gpu !== undefined) {
    settings.gpu = gpu;
    setGpuSource((gpu ?? undefined) as Parameters<typeof setGpuSource>[0]);
  }
  if (backend !== undefined) settings.backend = backend;
  return { ...settings };
}

/** Check `backend` and `gpu` of a config call: known values, and WebGPU present when "webgpu" is chosen. */
function checkBackend(backend: unknown, gpu: unknown): void {
  if (gpu !== undefined && gpu !== null && typeof (gpu as Partial<GpuLike>).requestAdapter !== "function") {
    badValue("config: gpu", gpu, "a GPU object (navigator.gpu, or create([]) of the \"webgpu\" package) or null");
  }
  if (backend !== undefined && backend !== "js" && backend !== "wasm" && backend !== "webgpu") badValue("config: backend", backend, '"js", "wasm" or "webgpu"');
  if (backend === "wasm" && !wasmSimdAvailable()) throw new KernexError('config: backend "wasm" needs WebAssembly with fixed-width SIMD, and this runtime has none; use backend "js"');
  const gpuAfter = gpu !== undefined ? gpu !== null : settings.gpu !== null;
  const navigatorGpu = (globalThis as { navigator?: { gpu?: unknown } }).navigator?.gpu;
  if (backend === "webgpu" && !gpuAfter && (navigatorGpu === undefined || navigatorGpu === null)) {
    throw new KernexError('config: backend "webgpu" needs WebGPU, and this runtime has no navigator.gpu; in Node pass a GPU object: kex.config({ backend: "webgpu", gpu: create([]) }) with the "webgpu" package');
  }
}

/** Writes one debug line; stderr in Node, console.debug elsewhere. Replaceable in tests. */
type DebugSink = (line: string) => void;

/** Node's process.stderr when there is one, looked up without importing node modules (browser bundles). */
function stderrWrite(): ((text: string) => unknown) | null {
  const proc = (globalThis as { process?: { stderr?: { write?: (text: string) => unknown } } }).process;
  const write = proc?.stderr?.write;
  return typeof write === "function" ? write.bind(proc!.stderr) : null;
}

const defaultSink: DebugSink = (line) => {
  const write = stderrWrite();
  if (write !== null) write(`${line}\n`);
  else console.debug(line);
};

/**
 * Print `message()` (built only when printed) as a `[kernex]` line when the
 * debug level is at least `level` (see {@link Config}).
 *
 * @example
 * debugLog(1, () => `compiled stencil for [8, 8] in 1.2 ms`); // prints when kex.config({ debug: 1 })
 */
export function debugLog(level: number, message: () => string): void {
  if (settings.debug < level) return;
  for (const line of message().split("\n")) defaultSink(`[kernex] ${line}`);
}

/**
 * A logger for the pass pipelines at `level`, or undefined below it (so
 * callers skip building messages).
 *
 * @example
 * runPipeline(p, shapes, { log: debugLogger(2) });
 */
export function debugLogger(level: number): ((line: string) => void) | undefined {
  return settings.debug >= level ? (line) => debugLog(level, () => line) : undefined;
}
