/**
 * @file Size limits of arrays, checked before anything is allocated, so that
 * a shape too large for the machine is a KernexError naming the shape and
 * its size rather than a RangeError from a typed-array constructor, an
 * out-of-memory crash, or minutes of paging. Used by array creation
 * (creation.ts) and eager evaluation (core/eager.ts, runtime/executor/).
 */
import { KernexError } from "../errors";
import type { DType } from "./dtype";

/**
 * Most elements one array may hold: 2^31 - 1. Generated stencil code keeps
 * flat offsets in Int32Array index tables, and several engines cap typed
 * arrays near 2^31 elements, so larger arrays could not be computed on anyway.
 */
export const MAX_ELEMENTS = 2 ** 31 - 1;

/** Fraction of the machine's memory one array may take, where the machine's memory is known (Node). */
export const MEMORY_FRACTION = 0.5;

const BYTES: Record<DType, number> = { float64: 8, float32: 4 };

let budget: number | undefined;

/**
 * Bytes one array may take: MEMORY_FRACTION of the machine's memory where it
 * is known — in Node the smaller of `os.totalmem()` and a cgroup limit
 * (`os` found through `process.getBuiltinModule`, Node ≥ 20.16, or `require`
 * in the CommonJS build), in Chromium `navigator.deviceMemory` — and
 * unbounded elsewhere; a failed allocation is still reported, see
 * `allocationError`.
 *
 * @example
 * maxArrayBytes(); // e.g. 8589934592 on a machine with 16 GiB
 */
export function maxArrayBytes(): number {
  if (budget === undefined) {
    budget = Infinity;
    try {
      const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown; constrainedMemory?: () => number } }).process;
      const load = proc?.getBuiltinModule ?? (typeof require === "function" && proc !== undefined ? require : undefined);
      const os = load?.("node:os") as { totalmem?: () => number } | undefined;
      const deviceGiB = (globalThis as { navigator?: { deviceMemory?: number } }).navigator?.deviceMemory;
      const known = [os?.totalmem?.(), proc?.constrainedMemory?.(), typeof deviceGiB === "number" ? deviceGiB * 2 ** 30 : undefined].filter(
        (v): v is number => typeof v === "number" && v > 0 && Number.isFinite(v),
      );
      if (known.length > 0) budget = Math.min(...known) * MEMORY_FRACTION;
    } catch {
      budget = Infinity;
    }
  }
  return budget;
}

function formatBytes(bytes: number): string {
  const units = ["bytes", "KiB", "MiB", "GiB", "TiB", "PiB"];
  let v = bytes;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${u === 0 ? v : v.toFixed(1)} ${units[u]}`;
}

/** Elements of a shape, or Infinity when the product is not a safe integer. */
function elementsOf(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return Number.isSafeInteger(n) ? n : Infinity;
}

/**
 * Throw a KernexError when an array of `shape` and `dtype` would be too large
 * to allocate here. `what` names the call that needs it.
 *
 * @example
 * checkArraySize("zeros", [1e6, 1e6], "float64");
 * // KernexError: zeros: an array of shape [1000000, 1000000] (1e+12 elements of float64, 7.3 TiB) is too large: ...
 */
export function checkArraySize(what: string, shape: readonly number[], dtype: DType): void {
  const n = elementsOf(shape);
  const bytes = n * BYTES[dtype];
  const limit = maxArrayBytes();
  if (n <= MAX_ELEMENTS && bytes <= limit) return;
  const size = `${n === Infinity ? "more than 2^53" : n} elements of ${dtype}, ${n === Infinity ? "too many bytes to count" : formatBytes(bytes)}`;
  const allowed = Number.isFinite(limit) ? `at most ${MAX_ELEMENTS} elements and ${formatBytes(limit)} (half of this machine's memory)` : `at most ${MAX_ELEMENTS} elements`;
  throw new KernexError(`${what}: an array of shape [${shape.join(", ")}] (${size}) is too large; expected ${allowed}`);
}

/**
 * The KernexError for a RangeError that an allocation raised (the engine
 * refused the buffer), or null when `error` is something else.
 *
 * @example
 * allocationError("zeros", [1e9], "float64", new RangeError("Array buffer allocation failed")); // a KernexError
 */
export function allocationError(what: string, shape: readonly number[], dtype: DType, error: unknown): KernexError | null {
  if (!(error instanceof RangeError) || !/allocation failed|Invalid (typed )?array( buffer)? length|Array buffer allocation|out of memory/i.test(error.message)) return null;
  const n = elementsOf(shape);
  return new KernexError(
    `${what}: could not allocate an array of shape [${shape.join(", ")}] (${n} elements of ${dtype}): ${error.message}; expected a shape that fits in this machine's memory`,
  );
}
