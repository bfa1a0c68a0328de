/**
 * @file The call path of `jit(f, { backend: "webgpu" })`: the function is
 * traced on float32 arguments (the GPU computes in float32, so the program,
 * and every part of it that falls back to the host, does too), its program
 * runs on the device (runtime/webgpu/run-program-gpu.ts) and the results
 * come back as float32 arrays. WebGPU is asynchronous: only `.async` runs
 * it; a synchronous call outside any trace is a KernexError. Inside another
 * transform (grad, vmap, an outer jit) the program is inlined as with "js".
 */
import type { Program } from "../../compiler/ir";
import { runProgramOnGpu } from "../../runtime/webgpu/run-program-gpu";
import { RuntimeFailure } from "../../runtime/failure";
import { Tracer } from "../core/trace";
import { KernexError } from "../errors";
import { NDArray } from "../ndarray/ndarray";
import { astype } from "../core/ops";

/**
 * Throw the KernexError of a synchronous webgpu call (unless an argument is
 * traced: then the call is inlined and nothing runs yet).
 *
 * @example
 * syncGpuCall("step", [u]); // KernexError: ... call it with .async(...)
 */
export function syncGpuCall(name: string, args: readonly unknown[]): void {
  if (args.some((a) => a instanceof Tracer)) return;
  const fn = name || "(anonymous)";
  throw new KernexError(`jit(${fn}): backend "webgpu" runs asynchronously; call it with .async(...) (await ${fn === "(anonymous)" ? "f" : fn}.async(...args)), or use backend "js" for synchronous calls`);
}

/**
 * The arguments with every array as float32 (others as they are).
 *
 * @example
 * asFloat32Args([kex.ones([2]), 3])[0].dtype; // "float32"
 */
export function asFloat32Args(args: readonly unknown[]): unknown[] {
  return args.map((a) => (a instanceof NDArray && a.dtype !== "float32" ? astype(a, "float32") : a));
}

/**
 * Run a staged program on the GPU; the results are float32 NDArrays.
 * Runtime failures (no WebGPU, no adapter, a lost device, a shader that
 * does not compile) are KernexErrors.
 *
 * @example
 * const outs = await runOnGpu(program, [x]);
 */
export async function runOnGpu(program: Program, inputs: readonly NDArray[]): Promise<NDArray[]> {
  try {
    const outs = await runProgramOnGpu(program, inputs);
    return outs.map((t) => new NDArray(t.shape, t.dtype, t.data));
  } catch (e) {
    throw e instanceof RuntimeFailure ? new KernexError(e.message) : e;
  }
}
