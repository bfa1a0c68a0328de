/**
 * @file The webgpu backend tests' GPU: the shared test GPU (test/helpers/gpu.ts:
 * Dawn with an adapter, skipping with the reason when there is none, failing
 * under KERNEX_REQUIRE_GPU=1), configured as kex.config's `gpu`.
 */
import * as kex from "kernex";
import { gpuForTests as findTestGpu } from "../helpers/gpu";

/**
 * The GPU, configured for kernex, or null when there is none.
 *
 * @example
 * const gpu = await gpuForTests();
 * describe.runIf(gpu !== null)("on the GPU", () => { ... });
 */
export async function gpuForTests(): Promise<kex.GpuLike | null> {
  const found = await findTestGpu();
  if (found === undefined) return null;
  kex.config({ gpu: found.gpu });
  return found.gpu;
}
