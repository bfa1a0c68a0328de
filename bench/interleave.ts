/**
 * @file Timing by interleaved calls: each round calls every task once, in
 * turn, so every task's samples come from the same stretch of time (this
 * machine's speed changes within a second; blocks of calls of one task
 * would measure the machine's state as much as the task). A task's time is
 * the median of its samples.
 *
 * @example
 * const [k, h] = interleavedMedians([kernexCall, handCall], { timeMs: 600 });
 * console.log(`ratio ${(k / h).toFixed(2)}`);
 */

/** The median; of an even count, the mean of the middle two. */
export function median(v: readonly number[]): number {
  const s = [...v].sort((a, b) => a - b);
  return (s[(s.length - 1) >> 1]! + s[s.length >> 1]!) / 2;
}

/** How long to measure: rounds until `timeMs` has passed, at least `minRounds`, after `warmup` untimed rounds. */
export interface InterleaveOptions {
  readonly timeMs: number;
  readonly minRounds?: number;
  readonly warmup?: number;
}

/** Each task's median time in ms over interleaved rounds (one call of each task per round). */
export function interleavedMedians(tasks: readonly (() => unknown)[], { timeMs, minRounds = 5, warmup = 2 }: InterleaveOptions): number[] {
  for (let r = 0; r < warmup; r++) for (const t of tasks) t();
  const samples: number[][] = tasks.map(() => []);
  const start = performance.now();
  for (let r = 0; r < minRounds || performance.now() - start < timeMs; r++) {
    tasks.forEach((t, i) => {
      const t0 = performance.now();
      t();
      samples[i]!.push(performance.now() - t0);
    });
  }
  return samples.map(median);
}
