/**
 * @file jit's options (issue #23): `donate` gives the donated arguments'
 * buffers to the next results (a synchronous `u = f(u)` loop steps over two
 * buffers), a donated array read afterwards is a KernexError naming where
 * it was donated, and unknown options are KernexErrors.
 */
import { describe, expect, it } from "vitest";
import * as kex from "kernex";
import { randomArray, type Window } from "../helpers/check";
import { mulberry32 } from "../helpers/naive";
import { seedConvection } from "../helpers/convection";
import { isShared } from "../../runtime/buffers";
import { getPool } from "../../runtime/pool";
import { outstandingSharedBytes } from "../../runtime/shared-budget";
import { debugLines, firstBitDifference } from "../runtime/helpers";

type NDArray = kex.NDArray;

const r = 0.2;
const heat = kex.smap({ kernelSize: [3, 3], offset: 1, relative: true, scope: { r } }, (u: Window) =>
  u[0][0] + r * (u[1][0] + u[-1][0] + u[0][1] + u[0][-1] - 4 * u[0][0]));

/** `steps` steps of u = f(u) from a copy of u0 with `workers`: the last u, and the buffers the results were in. */
function donatedLoop(f: (u: NDArray) => NDArray, u0: NDArray, steps: number, workers: number): { u: NDArray; buffers: Set<ArrayBufferLike> } {
  kex.config({ workers });
  let u = kex.array(Float64Array.from(u0.data), { shape: u0.shape });
  const buffers = new Set<ArrayBufferLike>();
  for (let s = 0; s < steps; s++) {
    u = f(u);
    buffers.add(u.data.buffer);
  }
  return { u, buffers };
}

/**
 * The donated loop on one thread and on the calling thread plus a worker:
 * it shards, gives one thread's bits, and its results alternate between
 * shared buffers (none copied out of scratch: the loop's two, and at most
 * the first result's).
 */
async function expectShardedDonatedLoop(f: (u: NDArray) => NDArray, u0: NDArray, steps: number): Promise<void> {
  const one = donatedLoop(f, u0, steps, 0);
  await getPool(1).ready();
  const before = getPool(1).lastRun;
  const two = donatedLoop(f, u0, steps, 1);
  kex.config({ workers: "auto" });
  expect(getPool(1).lastRun).not.toBe(before);
  expect(firstBitDifference(two.u.data, one.u.data)).toBe(-1);
  expect(isShared(two.u.data)).toBe(true);
  expect(two.buffers.size).toBeLessThanOrEqual(3);
}

describe("jit: donate", () => {
  it("a synchronous u = f(u) loop gives the values of the plain loop and reuses the donated buffers", () => {
    const u0 = randomArray(mulberry32(1), [20, 20]);
    const f = kex.jit((u: NDArray) => heat(u), { donate: [0] });
    const g = kex.jit((u: NDArray) => heat(u));
    let want = u0;
    for (let s = 0; s < 30; s++) want = g(want);
    let u = kex.array(Float64Array.from(u0.data), { shape: [20, 20] });
    const buffers = new Set<ArrayBufferLike>();
    for (let s = 0; s < 30; s++) {
      u = f(u);
      buffers.add(u.data.buffer);
    }
    expect(u).toBeAllclose(want, { rtol: 0, atol: 0 });
    // every result after the first was written into a buffer donated by an earlier call
    expect(buffers.size).toBeLessThanOrEqual(3);
  });

  it("sharded, a 300-step u = f(u) loop alternates between two shared buffers and gives one thread's bits", async () => {
    // 1000×1000: large enough to shard; the results go to shared memory in a donating call (runtime/results-return.ts)
    const u0 = randomArray(mulberry32(2), [1000, 1000]);
    const f = kex.jit((u: NDArray) => heat(u), { donate: [0] });
    await expectShardedDonatedLoop(f, u0, 300);
  });

  it("without donation, a sharded u = f(u) loop runs its steps on plain inputs on one thread (copying them would cost more)", () => {
    const f = kex.jit((u: NDArray) => heat(u));
    kex.config({ workers: 1 });
    const u0 = kex.array(randomArray(mulberry32(3), [1000, 1000]).data, { shape: [1000, 1000] });
    let u = u0;
    const lines = debugLines(() => {
      for (let s = 0; s < 5; s++) u = f(u);
    });
    kex.config({ workers: "auto" });
    // the first step reads the shared array kex.array made; its result, and every later input, is plain
    expect(isShared(u0.data)).toBe(true);
    expect(lines.filter((l) => l.startsWith("[kernex] sharded")).length).toBe(1);
  });

  it("a donating call's intermediate results, dropped after the call, take no fresh shared memory", () => {
    const f = kex.jit((u: NDArray) => heat(heat(u)), { donate: [0] });
    kex.config({ workers: 1 });
    let u = kex.array(randomArray(mulberry32(5), [1000, 1000]).data, { shape: [1000, 1000] });
    u = f(u);
    const start = outstandingSharedBytes();
    for (let s = 0; s < 30; s++) u = f(u);
    kex.config({ workers: "auto" });
    // at most the loop's own two buffers more (8 MB each), not one per step
    expect(outstandingSharedBytes() - start).toBeLessThanOrEqual(2 * 8_000_000);
  });

  it("a donated kscan above 32 MiB, sharded, takes its working copy from the buffer donated a step before: one thread's bits", async () => {
    const F = seedConvection(1_100, 4_000);
    const f = kex.jit((u: NDArray) => F(u), { donate: [0] });
    const u0 = randomArray(mulberry32(4), [1_100, 4_000]);
    await expectShardedDonatedLoop(f, u0, 4);
  });

  it("reading a donated array throws, naming the function and where jit was called", () => {
    const step = (u: NDArray) => kex.mul(u, 2);
    const f = kex.jit(step, { donate: 0 });
    const x = kex.array([1, 2, 3]);
    expect(f(x).toArray()).toEqual([2, 4, 6]);
    expect(() => x.toArray()).toThrow(kex.KernexError);
    expect(() => x.data).toThrow(/donated to jit\(step, \{ donate \}\) as argument 0, jitted at .*donate\.test\.ts:\d+/);
    expect(() => f(x)).toThrow(/donated to jit\(step/);
  });

  it("an argument that is also the result keeps its buffer; undonated arguments are untouched", () => {
    const f = kex.jit((a: NDArray, b: NDArray) => [a, kex.add(a, b)], { donate: [0] });
    const a = kex.array([1, 2]);
    const b = kex.array([3, 4]);
    const [same, sum] = f(a, b) as NDArray[];
    expect(same!.toArray()).toEqual([1, 2]);
    expect(a.toArray()).toEqual([1, 2]);
    expect(sum!.toArray()).toEqual([4, 6]);
    const h = kex.jit((p: NDArray, q: NDArray) => kex.add(p, q), { donate: [1] });
    expect(h(a, b).toArray()).toEqual([4, 6]);
    expect(a.toArray()).toEqual([1, 2]);
    expect(() => b.toArray()).toThrow(/donated/);
  });

  it("under grad the donation is ignored (arguments are traced)", () => {
    const f = kex.jit((u: NDArray) => kex.sum(kex.square(u)), { donate: [0] });
    const x = kex.array([1, 2]);
    expect(kex.grad(f)(x).toArray()).toEqual([2, 4]);
    expect(x.toArray()).toEqual([1, 2]);
  });
});

describe("jit: options", () => {
  const id = (u: NDArray) => u;
  it("unknown options, bad donate values and donated non-arrays are KernexErrors naming them", () => {
    expect(() => kex.jit(id, { donat: [0] } as never)).toThrow(/jit: unknown option "donat" \(did you mean "donate"\?\); expected one of donate, backend/);
    expect(() => kex.jit(id, { donate_argnums: [0] } as never)).toThrow(/did you mean "donate"/);
    expect(() => kex.jit(id, { donate: -1 })).toThrow(/jit: donate: got -1, expected an argument position/);
    expect(() => kex.jit(id, { donate: ["0"] } as never)).toThrow(kex.KernexError);
    expect(() => kex.jit(id, { backend: "cuda" } as never)).toThrow(/jit: backend: got "cuda", expected "js"/);
    expect(() => kex.jit(id, 3 as never)).toThrow(/jit: options: got 3/);
    const f = kex.jit((a: NDArray, s: number) => kex.mul(a, s), { donate: [1] });
    expect(() => f(kex.ones([2]), 2)).toThrow(/jit: donated argument 1: got 2, expected an NDArray/);
    expect(() => kex.jit(id, { donate: [3] })(kex.ones([1]))).toThrow(/jit: donate: got 3, expected an argument position below 1/);
  });
});
