/// <reference types="@webgpu/types" />
/**
 * @file The WebGPU device of the webgpu backend: an adapter and device
 * requested once from the GPU object the user configured (`kex.config({ gpu })`)
 * or else the browser's `navigator.gpu`, with the highest storage-buffer
 * limits the adapter offers. A lost device is remembered (the run that saw
 * it fails with the reason) and replaced on the next run. Dropping the GPU
 * object (`setGpuSource(null)`) destroys the device, which frees every
 * buffer, pipeline and table it holds.
 */
import { RuntimeFailure } from "../failure";

/** A device and what lives on it (caches are per device: a new device starts empty). */
export interface GpuDevice {
  readonly device: GPUDevice;
  /** Why the device was lost, or null while it works. */
  lost: string | null;
  /** Per-device caches, by name (pipelines, buffer pool), cleared with the device. */
  readonly caches: Map<string, unknown>;
}

/** The configured GPU object: undefined for `navigator.gpu`, null for none. */
let source: GPU | null | undefined = undefined;
let current: Promise<GpuDevice> | null = null;
/** The device `current` resolved to, once it has. */
let known: GpuDevice | null = null;

/**
 * Set the GPU object devices come from (null: none; undefined: `navigator.gpu`).
 * The current device, if any, is destroyed with everything on it.
 *
 * @example
 * setGpuSource(create([])); // Node, with the `webgpu` package
 */
export function setGpuSource(gpu: GPU | null | undefined): void {
  source = gpu;
  const old = current;
  current = null;
  known = null;
  void old?.then((d) => d.device.destroy()).catch(() => undefined);
}

/** The GPU object to use, or null when this runtime has none. */
function gpuObject(): GPU | null {
  if (source !== undefined) return source;
  const nav = (globalThis as { navigator?: { gpu?: GPU } }).navigator;
  return nav?.gpu ?? null;
}

async function requestDevice(): Promise<GpuDevice> {
  const gpu = gpuObject();
  if (gpu === null) {
    const why = source === null ? "kex.config({ gpu: null }) removed the GPU object" : "this runtime has no navigator.gpu";
    throw new RuntimeFailure("unavailable", `backend "webgpu": no WebGPU (${why}); in Node pass a GPU object, e.g. kex.config({ gpu: create([]) }) with the "webgpu" package`);
  }
  const adapter = await gpu.requestAdapter();
  if (adapter === null) throw new RuntimeFailure("unavailable", 'backend "webgpu": the GPU object gave no adapter (no WebGPU-capable device or driver; in Node with Dawn, Vulkan must be loadable: see docs/webgpu.md)');
  const l = adapter.limits;
  const device = await adapter.requestDevice({
    requiredLimits: {
      maxStorageBuffersPerShaderStage: l.maxStorageBuffersPerShaderStage,
      maxStorageBufferBindingSize: l.maxStorageBufferBindingSize,
      maxBufferSize: l.maxBufferSize,
    },
  });
  const state: GpuDevice = { device, lost: null, caches: new Map() };
  void device.lost.then((info) => {
    state.lost = `${info.reason}: ${info.message}`;
  });
  return state;
}

/**
 * The device to run on, requested on first use.
 *
 * @example
 * const { device } = await gpuDevice();
 */
export function gpuDevice(): Promise<GpuDevice> {
  // a lost device is replaced on the next run
  if (known !== null && known.lost !== null) current = known = null;
  if (current === null) {
    const p = requestDevice();
    current = p;
    void p.then((d) => {
      if (current === p) known = d;
    }, () => undefined);
    // a failed request is not kept: the next run asks again
    p.catch(() => {
      if (current === p) current = null;
    });
  }
  return current;
}

/**
 * Throw when the device was lost (called after each run's work completes).
 *
 * @example
 * checkNotLost(dev); // RuntimeFailure "unavailable" if the device was lost mid-run
 */
export function checkNotLost(dev: GpuDevice): void {
  if (dev.lost !== null) throw new RuntimeFailure("unavailable", `backend "webgpu": the GPU device was lost during the run (${dev.lost})`);
}

/**
 * A per-device cache named `name`, made on first use.
 *
 * @example
 * const pipelines = deviceCache(dev, "pipelines", () => new Map<string, Pipeline>());
 */
export function deviceCache<T>(dev: GpuDevice, name: string, make: () => T): T {
  let c = dev.caches.get(name) as T | undefined;
  if (c === undefined) {
    c = make();
    dev.caches.set(name, c);
  }
  return c;
}
