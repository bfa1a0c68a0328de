/**
 * @file Storage for arrays the user creates (kex.array, zeros, ones, full,
 * arange, linspace): on a SharedArrayBuffer when they are large enough to be
 * sharded and workers are on, so sharded stencils read them in place instead
 * of copying them; on a plain ArrayBuffer otherwise. `Storage` itself is the
 * typed array of a dtype that compiler/tensor.ts defines for the interpreter
 * (compiler/ imports nothing from src/), re-exported here for the array side.
 */
import { allocStorage, type Storage } from "../../compiler/tensor";
import type { DType } from "../../compiler/primitives";
import { allocate, bytesOf } from "../../runtime/buffers";
import { SHARED_ARRAY_ELEMENTS } from "../../runtime/partition-work";
import { sharedMemoryUsable } from "../../runtime/platform";
import { handOutShared, mayHandOutShared } from "../../runtime/shared-budget";
import { getConfig } from "../config";

export type { Storage };

/**
 * A zero-filled buffer for a new user-facing array (shared memory when large
 * enough to be worth sharding, workers are usable and the shared memory
 * handed out allows: runtime/shared-budget.ts).
 *
 * @example
 * newStorage("float32", 4); // Float32Array(4) [0, 0, 0, 0]
 */
export function newStorage(dtype: DType, length: number): Storage {
  if (length >= SHARED_ARRAY_ELEMENTS && getConfig().workers !== 0 && sharedMemoryUsable() && mayHandOutShared(bytesOf(dtype, length))) {
    return handOutShared(allocate(dtype, length, true));
  }
  return allocStorage(dtype, length);
}
