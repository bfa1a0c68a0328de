/**
 * @file RuntimeFailure: the one error type thrown by `runtime/`. The API layer
 * in `src/` converts it into a KernexError; `runtime/` never imports `src/`.
 */

/**
 * What went wrong, as a closed set the API layer can switch on.
 *
 * - `kernel-threw`: a kernel body threw (on the calling thread or a worker);
 * - `kernel-compile`: the body text is not valid JavaScript;
 * - `worker-died`: a worker thread ended while it was running part of a job;
 * - `not-shared`: a buffer of a sharded job is not backed by a SharedArrayBuffer;
 * - `bad-job`: a job descriptor or pool size is malformed (an internal bug);
 * - `terminated`: the pool was terminated and cannot run jobs any more;
 * - `unavailable`: the environment cannot provide what was asked (e.g. shared memory).
 */
export type FailureKind =
  | "kernel-threw"
  | "kernel-compile"
  | "worker-died"
  | "not-shared"
  | "bad-job"
  | "terminated"
  | "unavailable";

/**
 * Error thrown by the runtime (buffers, worker pool).
 *
 * @example
 * try { pool.runSync(job); }
 * catch (e) { if (e instanceof RuntimeFailure && e.kind === "worker-died") retry(); }
 */
export class RuntimeFailure extends Error {
  /** The failure family. */
  readonly kind: FailureKind;
  /** Which worker it happened on (0-based slot index), or null for the calling thread / no worker. */
  readonly worker: number | null;

  constructor(kind: FailureKind, message: string, worker: number | null = null) {
    super(message);
    this.name = "RuntimeFailure";
    this.kind = kind;
    this.worker = worker;
  }
}

/** Render any thrown value as "Name: message" without throwing. */
export function describeThrown(error: unknown): string {
  try {
    if (error instanceof Error) return `${error.name}: ${error.message}`;
    return `thrown value: ${String(error)}`;
  } catch {
    return "thrown value (unprintable)";
  }
}

/**
 * Rethrow `error`: a RuntimeFailure as one whose message says what was
 * running (the API layer shows that message as a KernexError), anything
 * else as it is.
 *
 * @example
 * try { pool.runSync(job); } catch (e) { whileRunning(e, "a stencil"); }
 * // RuntimeFailure: a worker failed while running a stencil (kernel-threw): RangeError: boom
 */
export function whileRunning(error: unknown, what: string): never {
  if (error instanceof RuntimeFailure) throw new RuntimeFailure(error.kind, `a worker failed while running ${what} (${error.kind}): ${error.message}`, error.worker);
  throw error;
}
