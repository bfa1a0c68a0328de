/**
 * @file A `beside` callback (WorkerPool.runSync) whose error is kept and
 * thrown once the job has completed, as it is: not reported as a worker's
 * failure, and never while a worker may still write the job's buffers.
 */

/**
 * `beside` guarded, and the function that rethrows its error (if any) after the job.
 *
 * @example
 * const { guarded, rethrow } = guardBeside(beside);
 * pool.runSync(job, guarded); // … copy the results …
 * rethrow();
 */
export function guardBeside(beside: (() => void) | undefined): { readonly guarded: (() => void) | undefined; readonly rethrow: () => void } {
  let failure: { readonly error: unknown } | null = null;
  const guarded =
    beside &&
    ((): void => {
      try {
        beside();
      } catch (error) {
        failure = { error };
      }
    });
  return {
    guarded,
    rethrow: () => {
      if (failure !== null) throw (failure as { readonly error: unknown }).error;
    },
  };
}
