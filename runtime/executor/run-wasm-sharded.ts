/**
 * @file A map stencil's WebAssembly kernel sharded over the worker pool
 * (the "wasm" backend with workers): one module on the shared Memory in
 * every thread (runtime/wasm/wasm-kernel.ts shardedWasmKernelFor).
 */
import type { Tensor } from "../../compiler/tensor";
import { isShared } from "../buffers";
import { whileRunning } from "../failure";
import type { KernelFn } from "../kernel-function";
import { getPool } from "../pool";
import type { ShardedWasmKernel } from "../wasm/wasm-kernel";
import { guardBeside } from "./guard-beside";
import type { StencilCall } from "./stencil-call";
import { execLog } from "./settings";
import type { CompiledStencil } from "./stencil-kernel";
import { copyOnPool, POOL_COPY_ELEMENTS, prepareLocal, RANGES_PER_THREAD, splitLayout, writesDirect } from "./stencil-buffers";

/**
 * A map's WebAssembly kernel sharded over the pool: the arrays copied into
 * the shared Memory (large shared inputs by every thread), every thread's
 * rows, and the results copied out by the calling thread, each range as
 * soon as it is done when a range's results are contiguous (writesDirect),
 * else all at the end. `cells`: the cells the kernel loops over.
 *
 * @example
 * runWasmSharded(shardedWasmKernelFor(params, shapes, compiled, types)!, { prim, inputs, params, outAvals }, compiled, 1, cells);
 */
export function runWasmSharded(k: ShardedWasmKernel, call: StencilCall, compiled: CompiledStencil, workers: number, cells: number, beside?: () => void): Tensor[] {
  const { prim, inputs, params, outAvals } = call;
  const s = compiled.schedule;
  const { f, outs } = prepareLocal(prim, inputs, params, outAvals, s, compiled.uncovered);
  const { guarded, rethrow } = guardBeside(beside);
  k.copyIn(f, compiled.tables, (dst, src) => (src instanceof Int32Array || src.length < POOL_COPY_ELEMENTS || !isShared(src) ? dst.set(src as Float64Array) : copyOnPool(dst as Float64Array, src, workers, "a WebAssembly stencil")));
  const byRange = writesDirect(prim, params, s);
  const copyRows = (lo: number, hi: number): void =>
    k.copyOut(f, (length) => {
      const { rowLen } = splitLayout(prim, params, s, length);
      return [lo * rowLen, hi * rowLen];
    });
  const callerFn: KernelFn = (ff, tt, sc, lo, hi, step) => {
    k.fn(ff, tt, sc, lo, hi, step);
    copyRows(lo, hi);
  };
  const pool = getPool(workers);
  const t0 = performance.now();
  try {
    const work = cells * compiled.costPerCell;
    const job = { hash: k.hash, body: "", wasm: k, f: [], t: [], n: s.n, steps: 1, work, grain: RANGES_PER_THREAD };
    pool.runSync(byRange ? { ...job, fn: callerFn, onWorkerRange: copyRows } : { ...job, fn: k.fn }, guarded);
  } catch (e) {
    whileRunning(e, "a WebAssembly stencil");
  }
  const t1 = performance.now();
  if (!byRange) k.copyOut(f);
  rethrow();
  execLog(4, () => `sharded wasm ${cells} cells on ${workers} worker(s) + caller: run ${(t1 - t0).toFixed(2)} ms, copy out ${(performance.now() - t1).toFixed(2)} ms, ranges by [${pool.lastRun?.ranBy.join(",") ?? ""}]`);
  return outAvals.map((a, j): Tensor => ({ shape: a.shape, dtype: a.dtype, data: outs[j]! }));
}
