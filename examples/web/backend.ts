/**
 * @file The live page's backend switch, without the DOM: whether this
 * browser can run kernex's "webgpu" backend (kernex built with it,
 * `navigator.gpu`, an adapter), and, when it can, each simulation's step
 * compiled for it (`kex.jit(step, { backend: "webgpu" })`, called with
 * `.async`: WebGPU is asynchronous). "js" steps are the stencil functions
 * themselves, whose `.async` shards onto Web Workers.
 */
import * as kex from "kernex";

/** The backends the page offers. */
export type Backend = kex.Backend;

/** Whether WebGPU can run here: the adapter's name, or why not. */
export type WebgpuSupport = { readonly available: true; readonly adapter: string } | { readonly available: false; readonly reason: string };

/** A step of a simulation: state in, next state out. */
export type Step = (state: kex.NDArray) => Promise<kex.NDArray>;

/** The `navigator.gpu` part the page uses (absent where the browser lacks WebGPU). */
interface GpuLike {
  requestAdapter(): Promise<{ info?: { vendor?: string; architecture?: string; description?: string } } | null>;
}

/**
 * True when this kernex has the "webgpu" backend: `jit` accepts the option
 * (compiling asks nothing of the GPU).
 *
 * @example
 * kernexHasWebgpu(); // false for a kernex built without it
 */
export function kernexHasWebgpu(): boolean {
  try {
    kex.jit((x: kex.NDArray) => x, { backend: "webgpu" });
    return true;
  } catch {
    return false;
  }
}

/**
 * Can the "webgpu" backend run in this page? Checks kernex, then
 * `navigator.gpu`, then asks it for an adapter.
 *
 * @example
 * const support = await webgpuSupport();
 * if (!support.available) console.log(support.reason); // e.g. "this browser has no WebGPU (navigator.gpu)"
 */
export async function webgpuSupport(): Promise<WebgpuSupport> {
  if (!kernexHasWebgpu()) return { available: false, reason: "this kernex build has no webgpu backend" };
  const gpu = (globalThis.navigator as { gpu?: GpuLike } | undefined)?.gpu;
  if (gpu === undefined) return { available: false, reason: "this browser has no WebGPU (navigator.gpu)" };
  let adapter: Awaited<ReturnType<GpuLike["requestAdapter"]>>;
  try {
    adapter = await gpu.requestAdapter();
  } catch (error) {
    return { available: false, reason: `navigator.gpu.requestAdapter() failed: ${String(error)}` };
  }
  if (adapter === null) return { available: false, reason: "navigator.gpu gave no adapter (no usable GPU)" };
  const info = adapter.info ?? {};
  const name = [info.vendor, info.architecture, info.description].filter((s) => s !== undefined && s !== "").join(" ");
  return { available: true, adapter: name || "unnamed adapter" };
}

/**
 * A simulation's step on a backend: the stencil function's own `.async` on
 * "js", a webgpu-compiled `jit` of it on "webgpu".
 *
 * @example
 * const step = stepOn("webgpu", heatStep(0.2));
 * state = await step(state);
 */
export function stepOn(backend: Backend, f: kex.StencilFunction): Step {
  if (backend === "js") return (state) => f.async(state);
  const compiled = kex.jit((state: kex.NDArray) => f(state), { backend });
  return (state) => compiled.async(state);
}
