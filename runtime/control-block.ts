/**
 * @file The per-job control block: one small Int32Array on a SharedArrayBuffer
 * through which the calling thread and the workers claim ranges, count
 * progress, meet at barriers and report the first failure. The worker side of
 * the same protocol is written out in `worker-source.ts`; both use `Layout`.
 *
 * Every change of state ends with `signal()`: `SIGNAL` is incremented and
 * waiters on it are woken. A waiter reads `SIGNAL` *before* checking the state
 * it waits for and passes that value to `Atomics.wait`, so a change that lands
 * between the check and the wait makes the wait return at once (no lost wake-up).
 */

/** Word offsets and codes of the control block, shared with the worker source. */
export const Layout = {
  /** Bumped on every state change; the only word anyone waits on. */
  SIGNAL: 0,
  /** Range-steps completed so far; step k is complete when PROG ≥ ranges·(k+1). */
  PROG: 1,
  /** Tag (participant + 1) of the first participant that failed, 0 while none has. */
  FAIL_TAG: 2,
  /** FailCode of that failure. */
  FAIL_CODE: 3,
  /** Length in UTF-16 units of the failure message, -1 until it is written. */
  MSG_LEN: 4,
  /** First word of the message area (MSG_WORDS words = 2·MSG_WORDS UTF-16 units). */
  MSG: 8,
  MSG_WORDS: 512,
  /**
   * First claim word: CLAIMS + r holds the tag of the owner of range r, 0 if
   * unclaimed; in single-step jobs DONE is or'ed in once the range is finished.
   */
  CLAIMS: 8 + 512,
  DONE: 1 << 24,
  /**
   * Participant states follow the claims: CLAIMS + ranges + p. In a
   * multi-step job, step words follow the states: CLAIMS + ranges +
   * participants + r holds the next step of range r that nobody has taken
   * yet; whoever moves it from k to k + 1 (CAS) runs range r at step k (see
   * claimStep).
   */
  NOT_ENTERED: 0,
  INSIDE: 1,
  LEFT: 2,
} as const;

/** Failure codes stored in FAIL_CODE. */
export const FailCode = {
  THREW: 1,
  COMPILE: 2,
  DIED: 3,
  STOPPED: 4,
} as const;

/**
 * How long a thread waiting on the control block (the caller for its
 * workers, a worker at a barrier between steps) checks it in a loop before
 * it sleeps in Atomics.wait: on a virtual machine a sleeping thread wakes
 * tens of µs after the notify, while a kscan's step (one row) is often a
 * few tens of µs of work. Measured on the 2-core VM, 4,000 steps of a
 * caller and one worker: a barrier cost 4.3 µs per step with a worker that
 * slept at once, 0.7–1.5 µs with one that checks first.
 */
export const SPIN_MS = 0.5;

/** Maximum UTF-16 units kept of a failure message. */
export const MSG_CAP = Layout.MSG_WORDS * 2;

/** A control block with its dimensions. */
export interface Control {
  readonly ctl: Int32Array;
  readonly ranges: number;
  readonly participants: number;
}

/**
 * Allocate a control block for `ranges` ranges and `participants` threads
 * (participant 0 is the calling thread in synchronous runs).
 *
 * @example
 * const c = createControl(3, 3); // Atomics.load(c.ctl, Layout.PROG) === 0
 */
export function createControl(ranges: number, participants: number): Control {
  const words = Layout.CLAIMS + 2 * ranges + participants;
  const ctl = new Int32Array(new SharedArrayBuffer(words * 4));
  ctl[Layout.MSG_LEN] = -1;
  return { ctl, ranges, participants };
}

/** Wake everyone waiting on the control block. */
export function signal(ctl: Int32Array): void {
  Atomics.add(ctl, Layout.SIGNAL, 1);
  Atomics.notify(ctl, Layout.SIGNAL);
}

/** Try to take range r for `tag`; true if this caller now owns it. */
export function claim(ctl: Int32Array, r: number, tag: number): boolean {
  return Atomics.compareExchange(ctl, Layout.CLAIMS + r, 0, tag) === 0;
}

/** Owner tag of range r (0 = unclaimed). */
export function ownerOf(ctl: Int32Array, r: number): number {
  return Atomics.load(ctl, Layout.CLAIMS + r) & ~Layout.DONE;
}

/** Has range r of a single-step job been finished (its writes are visible after this returns true)? */
export function rangeDone(ctl: Int32Array, r: number): boolean {
  return (Atomics.load(ctl, Layout.CLAIMS + r) & Layout.DONE) !== 0;
}

/** Mark range r of a single-step job finished. */
export function markDone(ctl: Int32Array, r: number): void {
  Atomics.or(ctl, Layout.CLAIMS + r, Layout.DONE);
}

/** Record one finished range-step. */
export function progress(ctl: Int32Array): void {
  Atomics.add(ctl, Layout.PROG, 1);
  signal(ctl);
}

/** Word index of range r's step word in a block of `c`'s dimensions. */
export function stepIndex(c: Control, r: number): number {
  return Layout.CLAIMS + c.ranges + c.participants + r;
}

/**
 * Take range r at step k of a multi-step job: true if this thread now runs
 * it (nobody has, and the step word moved from k to k + 1), false if
 * another thread took it first.
 *
 * @example
 * if (claimStep(c, 1, k)) runRange(1, k);
 */
export function claimStep(c: Control, r: number, k: number): boolean {
  return Atomics.compareExchange(c.ctl, stepIndex(c, r), k, k + 1) === k;
}

/** Has any participant failed? */
export function failed(ctl: Int32Array): boolean {
  return Atomics.load(ctl, Layout.FAIL_TAG) !== 0;
}

/** State word index of participant p in a block with `ranges` ranges. */
export function stateIndex(ranges: number, p: number): number {
  return Layout.CLAIMS + ranges + p;
}

/**
 * Record a failure of participant `tag - 1` unless one is already recorded
 * (only the first failure is reported), then signal. Returns true if this was the first.
 */
export function recordFailure(ctl: Int32Array, tag: number, code: number, message: string): boolean {
  if (Atomics.compareExchange(ctl, Layout.FAIL_TAG, 0, tag) !== 0) {
    signal(ctl);
    return false;
  }
  Atomics.store(ctl, Layout.FAIL_CODE, code);
  const text = new Uint16Array(ctl.buffer, Layout.MSG * 4, MSG_CAP);
  const len = Math.min(message.length, MSG_CAP);
  for (let i = 0; i < len; i++) text[i] = message.charCodeAt(i);
  Atomics.store(ctl, Layout.MSG_LEN, len);
  signal(ctl);
  return true;
}

/** The recorded failure, if any: who (tag), what (code) and the message. */
export function readFailure(ctl: Int32Array): { tag: number; code: number; message: string } | null {
  const tag = Atomics.load(ctl, Layout.FAIL_TAG);
  if (tag === 0) return null;
  const len = Atomics.load(ctl, Layout.MSG_LEN);
  const code = Atomics.load(ctl, Layout.FAIL_CODE);
  if (len < 0) return { tag, code, message: "(no message recorded)" };
  // Copy out of shared memory first: not every TextDecoder accepts shared views.
  const units = new Uint16Array(ctl.buffer, Layout.MSG * 4, len).slice();
  let message = "";
  for (let i = 0; i < units.length; i += 4096) message += String.fromCharCode(...units.subarray(i, i + 4096));
  return { tag, code, message };
}
