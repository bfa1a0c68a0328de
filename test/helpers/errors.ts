/**
 * @file The KernexError a call throws, for tests of error messages.
 */
import * as kex from "kernex";

/** The KernexError `fn` throws; any other outcome fails the test with what happened instead. */
export function kernexError(fn: () => unknown): kex.KernexError {
  try {
    fn();
  } catch (e) {
    if (e instanceof kex.KernexError) return e;
    throw new Error(`expected a KernexError, got ${e instanceof Error ? `${e.constructor.name}: ${e.message}` : String(e)}`);
  }
  throw new Error("expected a KernexError, got a result");
}
