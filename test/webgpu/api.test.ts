/**
 * @file The public contract of the webgpu backend (SPEC, Execution,
 * "Backends"): choosing it in jit and config, the KernexErrors of a
 * synchronous call, of a runtime without WebGPU, of a GPU object without an
 * adapter and of bad values; float32 results; config({ gpu: null }) drops the
 * device (a later call gets a new one and still agrees).
 */
import { afterEach, describe, expect, it } from "vitest";
import * as kex from "kernex";
import { gpuForTests } from "./gpu";
import { gpuDevice } from "../../runtime/webgpu/device";

const gpu = await gpuForTests();
kex.config({ gpu: null, backend: "js" });

const double = kex.kmap({ kernelSize: 1 }, (x: kex.NDArray & { [i: number]: number }) => 2 * x[0]);
const noAdapter: kex.GpuLike = { requestAdapter: () => Promise.resolve(null) };

afterEach(() => {
  kex.config({ gpu: null, backend: "js" });
});

describe("webgpu: errors (no GPU needed)", () => {
  it("a synchronous call of a webgpu function is a KernexError that says to use .async", () => {
    const f = kex.jit(double, { backend: "webgpu" });
    expect(() => f(kex.ones([4]))).toThrow(kex.KernexError);
    expect(() => f(kex.ones([4]))).toThrow(/backend "webgpu" runs asynchronously; call it with \.async/);
  });

  it("config's backend applies to jitted functions that choose none, at each call", async () => {
    const f = kex.jit(double);
    expect(f(kex.ones([2])).toArray()).toEqual([2, 2]);
    kex.config({ gpu: noAdapter, backend: "webgpu" });
    expect(() => f(kex.ones([2]))).toThrow(/\.async/);
    // eager calls stay on "js"
    expect((double(kex.ones([2])) as kex.NDArray).toArray()).toEqual([2, 2]);
    kex.config({ backend: "js" });
    expect(f(kex.ones([2])).toArray()).toEqual([2, 2]);
  });

  it("a GPU object without an adapter is a KernexError naming what is missing", async () => {
    kex.config({ gpu: noAdapter });
    await expect(kex.jit(double, { backend: "webgpu" }).async(kex.ones([4]))).rejects.toThrow(/backend "webgpu": the GPU object gave no adapter/);
  });

  it("a runtime without navigator.gpu and no GPU object: KernexErrors at config and at the call", async () => {
    const nav = (globalThis as { navigator?: { gpu?: unknown } }).navigator;
    if (nav?.gpu !== undefined) return; // a runtime with WebGPU has nothing missing
    expect(() => kex.config({ backend: "webgpu" })).toThrow(/config: backend "webgpu" needs WebGPU, and this runtime has no navigator\.gpu/);
    expect(kex.config().backend).toBe("js");
    await expect(kex.jit(double, { backend: "webgpu" }).async(kex.ones([4]))).rejects.toThrow(/no WebGPU \(this runtime has no navigator\.gpu\)/);
  });

  it("bad values of backend and gpu are KernexErrors that change nothing", () => {
    expect(() => kex.config({ backend: "cuda" as never })).toThrow(/config: backend: got "cuda", expected "js", "wasm" or "webgpu"/);
    expect(() => kex.config({ gpu: {} as never })).toThrow(/config: gpu: got .*expected a GPU object/);
    expect(() => kex.jit(double, { backend: "wgpu" as never })).toThrow(/jit: backend: got "wgpu", expected "js", "wasm" or "webgpu"/);
    expect(kex.config()).toMatchObject({ backend: "js", gpu: null });
  });
});

describe.runIf(gpu !== null)("webgpu: device lifetime", () => {
  it("float32 results; config({ gpu: null }) drops the device and a new one is made on the next call", async () => {
    kex.config({ gpu: gpu! });
    const f = kex.jit(double, { backend: "webgpu" });
    const x = kex.array([1.5, -2, 3.25]);
    const a = await f.async(x);
    expect(a.dtype).toBe("float32");
    expect(a.toArray()).toEqual([3, -4, 6.5]);
    kex.config({ gpu: null });
    kex.config({ gpu: gpu! });
    expect((await f.async(x)).toArray()).toEqual([3, -4, 6.5]);
  });

  it("a lost device is replaced: the next call runs on a new one", async () => {
    kex.config({ gpu: gpu! });
    const f = kex.jit(double, { backend: "webgpu" });
    const x = kex.array([1, 2]);
    expect((await f.async(x)).toArray()).toEqual([2, 4]);
    const lost = await gpuDevice();
    lost.device.destroy();
    await lost.device.lost;
    expect((await f.async(x)).toArray()).toEqual([2, 4]);
    expect(await gpuDevice()).not.toBe(lost);
  });

  it("inside grad, a webgpu function is inlined (no GPU call, no error)", () => {
    kex.config({ gpu: gpu! });
    const f = kex.jit(double, { backend: "webgpu" });
    const g = kex.grad((x: kex.NDArray) => kex.sum(f(x)));
    expect(g(kex.ones([3])).toArray()).toEqual([2, 2, 2]);
  });
});
