/**
 * @file A split scan's steps as a wavefront: instead of a barrier over all
 * threads after every step, each range runs all the steps itself and waits
 * only for the range left of it, when its cells read that range's
 * (compiler/passes/scan-deps.ts pipelineLag). The leftmost range never
 * waits, and a range runs step j as soon as its neighbour has finished step
 * j − 1. Linear convection at 4000² runs 4,000 steps of ~2 µs per thread:
 * a barrier per step cost about as much as the step.
 *
 * The job is a single-step pool job (runtime/pool.ts) over the usual even
 * split of the split dim; its kernel wraps the scan's step function. The
 * ranges meet through a shared Int32Array appended to the tables:
 * `w[0]` is set when the job is abandoned, and `w[e]` counts the steps the
 * range ending at cell e has finished. A range starting at lo waits on
 * w[lo]; every range is at least `lag` cells wide, so the cells it reads
 * left of lo are all that range's. Each cell is written once, in its step,
 * and read only in later steps: the bits are those of one thread.
 */
import type { StencilParams } from "../../compiler/primitives";
import { pipelineLag } from "../../compiler/passes/scan-deps";
import { compileKernel, type KernelFn } from "../kernel-function";
import type { Job } from "../pool";
import type { CompiledStencil } from "./stencil-kernel";

/** The wrapped kernel of a compiled scan, with the lag it waits for. */
interface Pipelined {
  readonly hash: string;
  readonly body: string;
  readonly lag: number;
  /** `body` compiled for the calling thread, on the first sharded run (deciding whether to shard needs only the lag). */
  fn: KernelFn | null;
}

/** Per compiled stencil: its pipelined kernel, or null when its steps need barriers. */
const built = new WeakMap<CompiledStencil, Pipelined | null>();

/** Spins of a waiting range before it sleeps between checks (a neighbour's step takes microseconds; a descheduled one, milliseconds). */
const SPINS = 1 << 12;
/** How long a waiting range sleeps between checks once it has spun, ms. */
const NAP_MS = 0.05;

/**
 * The factory body of the wrapper: the step function `step(f, t, s, lo,
 * hi, j)` of the scan's own (factory) body, run for every step j of the
 * range, waiting on the left neighbour first when lag > 0.
 */
function wrapperBody(stepBody: string, steps: number, lag: number): string {
  const wait = `
      if (lo > 0) {
        let spins = 0;
        for (let v = Atomics.load(w, lo); v < j; v = Atomics.load(w, lo)) {
          if (Atomics.load(w, 0) !== 0) return;
          if (++spins > ${SPINS}) Atomics.wait(w, lo, v, ${NAP_MS});
        }
      }`;
  return `const step = (() => {
${stepBody}
})();
return function (f, t, s, lo, hi, k) {
  const w = t[t.length - 1];
  try {
    for (let j = 0; j < ${steps}; j++) {${lag > 0 ? wait : ""}
      step(f, t, s, lo, hi, j);
      Atomics.store(w, hi, j + 1);
    }
  } catch (e) {
    Atomics.store(w, 0, 1);
    throw e;
  }
};`;
}

function pipelined(compiled: CompiledStencil, params: StencilParams): Pipelined | null {
  let p = built.get(compiled);
  if (p === undefined) {
    const s = compiled.schedule;
    const lag = s.steps > 1 ? pipelineLag(params, s.splitDim) : null;
    if (lag === null) p = null;
    else {
      const body = wrapperBody(compiled.body, s.steps, lag);
      const hash = `${compiled.hash}~wavefront`;
      p = { hash, body, lag, fn: null };
    }
    built.set(compiled, p);
  }
  return p;
}

/**
 * Can this compiled scan's steps run as a wavefront (on ranges at least its
 * lag wide)?
 *
 * @example
 * pipelines(compiled, params); // true for linear convection
 */
export function pipelines(compiled: CompiledStencil, params: StencilParams): boolean {
  return pipelined(compiled, params) !== null;
}

/**
 * The generated source of this compiled scan's wavefront kernel (pinned by
 * a golden file), or null when its steps need barriers.
 *
 * @example
 * wavefrontSource(compiled, params); // "const step = (() => { … })();\nreturn function (f, t, s, lo, hi, k) { … };"
 */
export function wavefrontSource(compiled: CompiledStencil, params: StencilParams): string | null {
  return pipelined(compiled, params)?.body ?? null;
}

/**
 * `job` (a split scan's job of steps with barriers) as a wavefront on up to
 * `threads` threads, or `job` itself when its steps need barriers or a
 * range would be narrower than the lag.
 *
 * @example
 * getPool(workers).runSync(wavefrontJob(compiled, params, job(compiled, cells, prepared), 1 + workers));
 */
export function wavefrontJob(compiled: CompiledStencil, params: StencilParams, job: Job, threads: number): Job {
  const steps = job.steps ?? 1;
  if (steps <= 1 || job.callerF !== undefined) return job;
  const p = pipelined(compiled, params);
  if (p === null || Math.floor(job.n / threads) < Math.max(1, p.lag)) return job;
  p.fn ??= compileKernel(p.hash, p.body, true);
  const w = new Int32Array(new SharedArrayBuffer(4 * (job.n + 1)));
  return {
    ...job,
    hash: p.hash,
    body: p.body,
    fn: p.fn,
    t: [...job.t, w],
    steps: 1,
    work: undefined,
    grain: 1,
    ready: p.lag === 0 ? undefined : (lo) => lo === 0 || Atomics.load(w, lo) === steps,
    cancel: () => Atomics.store(w, 0, 1),
  };
}
