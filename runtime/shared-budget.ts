/**
 * @file How much shared memory kernex hands out. The engine does not count
 * a SharedArrayBuffer's memory as pressure on its garbage collector (Node 20
 * here: 30 buffers of 24 MiB made and dropped in a synchronous loop brought
 * no collection and 720 MiB more resident memory), so shared results and
 * arrays that a program drops pile up until something else makes the
 * engine collect, a plain ArrayBuffer's memory among them. Kernex hands out
 * fresh shared buffers — large results written in place by the workers,
 * arrays made with `kex.array` and friends while workers are on — only
 * while those not yet seen collected stay under SHARED_OUTSTANDING_BYTES,
 * or, in Node, while all live buffer memory does (the count above learns of
 * collections only between turns of the event loop); beyond it, the same
 * work writes to reused scratch and results come back on plain
 * ArrayBuffers, which the engine counts, so it collects, shared ones too.
 * (Shared buffers kernex keeps for itself — scratch, a loop's buffers, the
 * buffer pool — are bounded where they are kept.)
 */
import type { FloatArray } from "./buffers";

/** Node's count of the memory of every live ArrayBuffer and SharedArrayBuffer, where there is one (~3 µs). */
const liveBufferBytes: (() => number) | null = (() => {
  const host = (globalThis as { process?: { memoryUsage?: () => { arrayBuffers?: unknown } } }).process;
  if (typeof host?.memoryUsage !== "function") return null;
  const memoryUsage = host.memoryUsage.bind(host);
  try {
    return typeof memoryUsage().arrayBuffers === "number" ? () => memoryUsage().arrayBuffers as number : null;
  } catch {
    return null;
  }
})();

/**
 * Bytes of shared buffers handed out and not yet seen collected, at most:
 * in Node, eight 4000² float64 grids or 128 of 1024² (beyond it Node's
 * count of live buffer memory decides, so the bound holds however late the
 * registry hears of collections); elsewhere (a browser, with no such
 * count) a quarter of that. A program that keeps more than this alive gets
 * plain arrays beyond it, which sharded stencils copy to scratch first.
 */
export const SHARED_OUTSTANDING_BYTES = liveBufferBytes !== null ? 1 << 30 : 256 << 20;

let outstanding = 0;

const registry: FinalizationRegistry<number> | null =
  typeof FinalizationRegistry === "undefined"
    ? null
    : new FinalizationRegistry<number>((bytes) => {
        outstanding -= bytes;
      });

/**
 * May a shared buffer of `bytes` be handed out now? False without a
 * FinalizationRegistry (nothing would ever tell that one was dropped).
 *
 * @example
 * const out = mayHandOutShared(n * 8) ? handOutShared(allocate("float64", n, true)) : allocate("float64", n, false);
 */
export function mayHandOutShared(bytes: number): boolean {
  if (registry === null) return false;
  if (outstanding + bytes <= SHARED_OUTSTANDING_BYTES) return true;
  // the count may hold buffers collected since the last turn of the event loop
  return liveBufferBytes !== null && liveBufferBytes() + bytes <= SHARED_OUTSTANDING_BYTES;
}

/** Views counted already: a buffer back from the pool (a donated one) handed out again is counted once. */
const counted = new WeakSet<FloatArray>();

/**
 * Count `x`, a shared buffer about to leave kernex's hands, until it is
 * collected; returns `x`.
 *
 * @example
 * return handOutShared(result);
 */
export function handOutShared<T extends FloatArray>(x: T): T {
  if (registry === null || counted.has(x)) return x;
  counted.add(x);
  outstanding += x.byteLength;
  registry.register(x, x.byteLength);
  return x;
}

/** Bytes of shared buffers handed out and not yet seen collected (for tests). */
export function outstandingSharedBytes(): number {
  return outstanding;
}
