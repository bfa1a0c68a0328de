/**
 * @file Buffer allocation: shared when possible, plain on request; toShared
 * copies only when needed and never modifies its input.
 */
import { describe, expect, it } from "vitest";
import { allocate, allocateInt32, allocateUninitialized, isShared, toShared } from "../../runtime/buffers";
import { canBlock, hardwareConcurrency, sharedMemoryUsable } from "../../runtime/platform";
import { recycleBuffer } from "../../runtime/buffer-pool";

describe("platform", () => {
  it("detects Node's capabilities", () => {
    expect(sharedMemoryUsable()).toBe(true);
    expect(canBlock()).toBe(true);
    expect(hardwareConcurrency()).toBeGreaterThanOrEqual(1);
  });
});

describe("buffers", () => {
  it("allocates zeroed shared buffers of the requested dtype by default", () => {
    const a = allocate("float64", 5);
    const b = allocate("float32", 3);
    const t = allocateInt32(4);
    expect(a).toBeInstanceOf(Float64Array);
    expect(b).toBeInstanceOf(Float32Array);
    expect([a.length, b.length, t.length]).toEqual([5, 3, 4]);
    expect([isShared(a), isShared(b), isShared(t)]).toEqual([true, true, true]);
    expect(Array.from(a)).toEqual([0, 0, 0, 0, 0]);
  });

  it("allocates uninitialized plain buffers of the requested dtype and length, each with its own memory", () => {
    const a = allocateUninitialized("float64", 1000);
    const b = allocateUninitialized("float32", 7);
    expect(a).toBeInstanceOf(Float64Array);
    expect(b).toBeInstanceOf(Float32Array);
    expect([a.length, b.length, a.byteOffset, a.buffer.byteLength]).toEqual([1000, 7, 0, 8000]);
    expect([isShared(a), isShared(b)]).toEqual([false, false]);
    a.fill(3);
    expect(allocateUninitialized("float64", 1000).buffer).not.toBe(a.buffer);
    expect(allocateUninitialized("float64", 0).length).toBe(0);
  });

  it("allocates uninitialized shared buffers when asked: a pooled one as it is, else fresh zeroed memory", () => {
    const fresh = allocateUninitialized("float64", 3000, true);
    expect(isShared(fresh)).toBe(true);
    expect(fresh.every((v) => v === 0)).toBe(true);
    fresh.fill(7);
    recycleBuffer(fresh);
    const again = allocateUninitialized("float64", 3000, true);
    expect(again).toBe(fresh);
    expect(again[2999]).toBe(7);
    expect(isShared(allocateUninitialized("float64", 3000, true))).toBe(true);
  });

  it("allocates plain buffers when asked", () => {
    expect(isShared(allocate("float64", 2, false))).toBe(false);
  });

  it("toShared returns shared views as they are and copies plain ones", () => {
    const shared = allocate("float64", 3);
    expect(toShared(shared)).toBe(shared);

    const plain = new Float32Array([1.5, -2, 3]);
    const copy = toShared(plain);
    expect(copy).toBeInstanceOf(Float32Array);
    expect(isShared(copy)).toBe(true);
    expect(Array.from(copy)).toEqual([1.5, -2, 3]);
    copy[0] = 9;
    expect(plain[0]).toBe(1.5);

    const table = toShared(new Int32Array([4, 5]));
    expect(table).toBeInstanceOf(Int32Array);
    expect(Array.from(table)).toEqual([4, 5]);
  });

  it("copies only the viewed part of a subarray", () => {
    const base = new Float64Array([0, 1, 2, 3, 4]);
    const copy = toShared(base.subarray(1, 4));
    expect(Array.from(copy)).toEqual([1, 2, 3]);
  });
});
