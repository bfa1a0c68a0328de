/**
 * @file Scratch buffers: reused once given back, zeroed on request whatever
 * they last held, and a buffer given back zeroed is the one handed out.
 */
import { describe, expect, it } from "vitest";
import { acquireScratch, acquireZeroedScratch, releaseScratch, scratchKept, SCRATCH_BYTES_LIMIT, SCRATCH_ENTRIES_LIMIT } from "../../runtime/scratch";
import { isShared } from "../../runtime/buffers";

describe("scratch buffers", () => {
  it("are shared and reused once given back", () => {
    const a = acquireScratch("float64", 1001);
    expect(isShared(a)).toBe(true);
    const b = acquireScratch("float64", 1001);
    expect(b).not.toBe(a);
    releaseScratch(a);
    expect(acquireScratch("float64", 1001)).toBe(a);
    releaseScratch(a);
    releaseScratch(b);
  });

  it("acquireZeroedScratch zeroes a buffer that was given back dirty", () => {
    const a = acquireScratch("float32", 1003);
    a.fill(7);
    releaseScratch(a);
    const z = acquireZeroedScratch("float32", 1003);
    expect(z).toBe(a);
    expect(z.every((v) => v === 0)).toBe(true);
    releaseScratch(z);
  });

  it("hands a dirty buffer to whoever does not need zeros, keeping the zeroed one", () => {
    const dirty = acquireScratch("float64", 1007);
    const clean = acquireScratch("float64", 1007);
    dirty.fill(2);
    releaseScratch(clean, true);
    releaseScratch(dirty);
    expect(acquireScratch("float64", 1007)).toBe(dirty);
    expect(acquireZeroedScratch("float64", 1007)).toBe(clean);
    releaseScratch(dirty);
    releaseScratch(clean);
  });

  it("prefers a buffer given back zeroed over a dirty one, and forgets the mark once handed out", () => {
    const dirty = acquireScratch("float64", 1005);
    const clean = acquireScratch("float64", 1005);
    dirty.fill(1);
    releaseScratch(dirty);
    releaseScratch(clean, true);
    const z = acquireZeroedScratch("float64", 1005);
    expect(z).toBe(clean);
    expect(dirty[0]).toBe(1); // the dirty one was left alone
    z.fill(3);
    releaseScratch(z);
    // neither is marked zero now: whichever comes back is zeroed here
    const again = acquireZeroedScratch("float64", 1005);
    expect(again.every((v) => v === 0)).toBe(true);
    releaseScratch(again);
  });

  it("keeps at most SCRATCH_ENTRIES_LIMIT buffers, whatever their sizes (issue #19)", () => {
    for (let i = 0; i < 3 * SCRATCH_ENTRIES_LIMIT; i++) releaseScratch(acquireScratch("float64", 2000 + i));
    const kept = scratchKept();
    expect(kept.entries).toBeLessThanOrEqual(SCRATCH_ENTRIES_LIMIT);
    expect(kept.bytes).toBeLessThanOrEqual(SCRATCH_BYTES_LIMIT);
    // the newest ones are still reused
    const last = acquireScratch("float64", 2000 + 3 * SCRATCH_ENTRIES_LIMIT - 1);
    releaseScratch(last);
    expect(acquireScratch("float64", 2000 + 3 * SCRATCH_ENTRIES_LIMIT - 1)).toBe(last);
    releaseScratch(last);
  });
});
