/// <reference types="@webgpu/types" />
/**
 * @file Equations outside stencils that run on the device without a
 * generated shader: `reshape` (the same device array under a new shape: no
 * copy) and `reduce_sum` over an array's leading or trailing axes (or all of
 * them), by the fixed-order tree of pipelines.ts. Other reductions, and sums
 * over middle axes, return null: the executor runs them on the host.
 */
import type { Aval } from "../../compiler/ir";
import { Prim, type ReduceParams } from "../../compiler/primitives";
import type { GpuDevice } from "./device";
import type { DeviceArray } from "./device-arrays";
import { sumRows } from "./run-stencil-gpu";

function product(xs: readonly number[]): number {
  return xs.reduce((a, b) => a * b, 1);
}

/** [rows, n, sr, se] of a sum of `shape` over `axes`, or null unless the axes are leading or trailing. */
function sumLayout(shape: readonly number[], axes: readonly number[]): { rows: number; n: number; sr: number; se: number } | null {
  const nd = shape.length;
  const sorted = [...axes].sort((a, b) => a - b);
  const m = sorted.length;
  const rows = product(sorted.map((a) => shape[a]!));
  const n = product(shape) / Math.max(rows, 1);
  if (rows === 0 || n === 0) return null;
  if (sorted.every((a, i) => a === i)) return { rows, n, sr: n, se: 1 };
  if (sorted.every((a, i) => a === nd - m + i)) return { rows, n, sr: 1, se: rows };
  return null;
}

/**
 * Run `prim` on a device array when this module can; null otherwise. A
 * fresh result is recorded in `made`; a reshape returns its input's array.
 *
 * @example
 * const out = await runOnDevice(dev, Prim.ReduceSum, x, [4, 8], { axes: [0, 1] }, outAval, made);
 */
export async function runOnDevice(dev: GpuDevice, prim: Prim, x: DeviceArray, shape: readonly number[], params: unknown, outAval: Aval, made: DeviceArray[]): Promise<DeviceArray | null> {
  if (prim === Prim.Reshape) return x;
  if (prim !== Prim.ReduceSum) return null;
  const layout = sumLayout(shape, (params as ReduceParams).axes);
  if (layout === null || layout.n !== product(outAval.shape)) return null;
  const enc = dev.device.createCommandEncoder();
  const { outs, params: uniforms } = await sumRows(dev, enc, [x], layout);
  dev.device.queue.submit([enc.finish()]);
  uniforms.forEach((u) => u.destroy());
  made.push(outs[0]!);
  return outs[0]!;
}
