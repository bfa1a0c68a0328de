/**
 * @file A flag that holds while a call runs, nested calls included: how the
 * API layer tells the executor about the program it is running (the "wasm"
 * backend chosen, results likely to be donated back) without passing it
 * through every call in between.
 */

/** A flag set for the length of a call. */
export interface ScopedFlag {
  /** Run `call` with the flag set (it stays set in nested calls). */
  readonly during: <T>(call: () => T) => T;
  /** Is the flag set? */
  readonly active: () => boolean;
}

/**
 * A new flag, unset.
 *
 * @example
 * const flag = scopedFlag();
 * flag.during(() => flag.active()); // true
 */
export function scopedFlag(): ScopedFlag {
  let depth = 0;
  return {
    during: <T>(call: () => T): T => {
      depth++;
      try {
        return call();
      } finally {
        depth--;
      }
    },
    active: () => depth > 0,
  };
}
