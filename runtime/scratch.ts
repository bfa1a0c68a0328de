/**
 * @file Reusable shared scratch buffers for sharded runs. A fresh
 * SharedArrayBuffer costs a page fault per 4 KiB page on first touch every
 * time (measured here: ~24 ms to allocate and fill 8 MiB, against ~1.3 ms
 * for a recycled ArrayBuffer), so sharded runs write into scratch buffers
 * owned by the executor and copy results out; scratch never escapes to users.
 * Synchronous runs may reuse scratch immediately; async runs hold theirs
 * until they settle. A buffer given back all zero can be marked so, and is
 * then preferred by `acquireZeroedScratch` (gathers add onto zero).
 */
import { allocate, dtypeOf, type FloatArray, type FloatDType } from "./buffers";

/** Scratch bytes kept for reuse; beyond this the least recently used are dropped. */
export const SCRATCH_BYTES_LIMIT = 1 << 30;
/**
 * Scratch buffers kept for reuse, whatever their size: like the compile
 * caches (compiler/byte-lru.ts), scratch is bounded by entries as well as
 * bytes, so runs on many distinct small shapes do not keep a buffer each.
 */
export const SCRATCH_ENTRIES_LIMIT = 64;

interface Entry {
  readonly array: FloatArray;
  busy: boolean;
  /** Every element is zero (fresh, or given back so). */
  zeroed: boolean;
}

const free = new Map<string, Entry[]>();
let keptBytes = 0;
let keptEntries = 0;

/** Bytes and buffers kept (for tests of the bounds). */
export function scratchKept(): { readonly bytes: number; readonly entries: number } {
  return { bytes: keptBytes, entries: keptEntries };
}

function keyOf(dtype: FloatDType, length: number): string {
  return `${dtype}:${length}`;
}

/**
 * A shared buffer of `length` elements, not zeroed, reserved until `release`.
 *
 * @example
 * const s = acquireScratch("float64", 1024); try { ... } finally { releaseScratch(s); }
 */
export function acquireScratch(dtype: FloatDType, length: number): FloatArray {
  return take(dtype, length, false);
}

/**
 * Like acquireScratch, but every element is zero: a buffer given back zeroed
 * if there is one, else a fresh one, else one zeroed here.
 *
 * @example
 * const s = acquireZeroedScratch("float64", 1024); // s.every((v) => v === 0)
 */
export function acquireZeroedScratch(dtype: FloatDType, length: number): FloatArray {
  return take(dtype, length, true);
}

function take(dtype: FloatDType, length: number, zero: boolean): FloatArray {
  const list = free.get(keyOf(dtype, length));
  // zeroed buffers go to those who need them; others take a dirty one first
  const entry = list?.find((e) => !e.busy && e.zeroed === zero) ?? list?.find((e) => !e.busy);
  if (entry) {
    entry.busy = true;
    if (zero && !entry.zeroed) entry.array.fill(0);
    entry.zeroed = false;
    return entry.array;
  }
  const array = allocate(dtype, length, true);
  const bytes = array.byteLength;
  if (bytes <= SCRATCH_BYTES_LIMIT / 4) {
    while ((keptBytes + bytes > SCRATCH_BYTES_LIMIT || keptEntries + 1 > SCRATCH_ENTRIES_LIMIT) && dropOne()) {
      // drop idle scratch until the new buffer fits
    }
    const k = keyOf(dtype, length);
    const l = free.get(k) ?? [];
    l.push({ array, busy: true, zeroed: false });
    free.set(k, l);
    keptBytes += bytes;
    keptEntries++;
  }
  return array;
}

/** Give a scratch buffer back for reuse; `zeroed`: every element is zero. */
export function releaseScratch(array: FloatArray, zeroed = false): void {
  const list = free.get(keyOf(dtypeOf(array), array.length));
  const entry = list?.find((e) => e.array === array);
  if (entry) {
    entry.busy = false;
    entry.zeroed = zeroed;
  }
}

function dropOne(): boolean {
  for (const [k, list] of free) {
    const i = list.findIndex((e) => !e.busy);
    if (i >= 0) {
      keptBytes -= list[i]!.array.byteLength;
      keptEntries--;
      list.splice(i, 1);
      if (list.length === 0) free.delete(k);
      return true;
    }
  }
  return false;
}
