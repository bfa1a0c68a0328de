/// <reference types="@webgpu/types" />
/**
 * @file Arrays on the device: float32 storage buffers from a per-device
 * pool (sizes rounded up to 256 bytes, so a loop's carries reuse the same
 * few buffers step after step: ping-pong), uploads, and readback through a
 * mappable staging buffer. A pooled buffer is released only after every
 * command using it was submitted: the queue runs in order, so its next user
 * sees it after.
 */
import { deviceCache, type GpuDevice } from "./device";

/** A float32 array in a device storage buffer (the buffer may be larger). */
export interface DeviceArray {
  readonly buffer: GPUBuffer;
  /** Elements. */
  readonly length: number;
}

type Pool = Map<number, GPUBuffer[]>;

function poolOf(dev: GpuDevice): Pool {
  return deviceCache(dev, "buffers", (): Pool => new Map());
}

/** Bytes of a buffer for `n` float32 elements: a multiple of 256, at least 256 (empty arrays still bind). */
function bytesFor(n: number): number {
  return Math.max(256, Math.ceil((n * 4) / 256) * 256);
}

/**
 * A device array of `n` elements, its contents unspecified (a pooled buffer holds old values).
 *
 * @example
 * const a = acquireArray(dev, 1024);
 */
export function acquireArray(dev: GpuDevice, n: number): DeviceArray {
  const bytes = bytesFor(n);
  const free = poolOf(dev).get(bytes);
  const buffer =
    free?.pop() ?? dev.device.createBuffer({ size: bytes, usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC | GPUBufferUsage.COPY_DST });
  return { buffer, length: n };
}

/**
 * Give a device array's buffer back to the pool (after its last use was submitted).
 *
 * @example
 * releaseArray(dev, a);
 */
export function releaseArray(dev: GpuDevice, a: DeviceArray): void {
  const pool = poolOf(dev);
  const size = a.buffer.size;
  let list = pool.get(size);
  if (list === undefined) pool.set(size, (list = []));
  list.push(a.buffer);
}

/**
 * A device array holding `data` as float32.
 *
 * @example
 * const a = uploadArray(dev, new Float64Array([1, 2, 3]));
 */
export function uploadArray(dev: GpuDevice, data: ArrayLike<number>): DeviceArray {
  const a = acquireArray(dev, data.length);
  if (data.length > 0) {
    const f32 = data instanceof Float32Array ? data : Float32Array.from(data);
    dev.device.queue.writeBuffer(a.buffer, 0, f32.buffer, f32.byteOffset, f32.byteLength);
  }
  return a;
}

/**
 * The values of a device array, read back once the commands submitted before have run.
 *
 * @example
 * const values = await readArray(dev, a); // Float32Array
 */
export async function readArray(dev: GpuDevice, a: DeviceArray): Promise<Float32Array> {
  const out = new Float32Array(a.length);
  if (a.length === 0) return out;
  const bytes = a.length * 4;
  const staging = dev.device.createBuffer({ size: Math.ceil(bytes / 4) * 4, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST });
  try {
    const enc = dev.device.createCommandEncoder();
    enc.copyBufferToBuffer(a.buffer, 0, staging, 0, bytes);
    dev.device.queue.submit([enc.finish()]);
    await staging.mapAsync(GPUMapMode.READ);
    out.set(new Float32Array(staging.getMappedRange(0, bytes)));
    staging.unmap();
  } finally {
    staging.destroy();
  }
  return out;
}
