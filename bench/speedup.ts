/**
 * @file Speed-up of sharding: each workload with the calling thread plus one
 * worker (2 threads) against the calling thread alone, measured in the same
 * run, as t(1 thread) / t(2 threads); and the pool's start-up time.
 */
import * as kex from "kernex";
import { WorkerPool } from "../runtime/pool";
import { interleavedMedians } from "./interleave";

export interface SpeedupRow {
  readonly name: string;
  readonly speedup: number;
  /** Median with the calling thread alone, ms. */
  readonly oneMs: number;
  /** Median with the calling thread and one worker, ms. */
  readonly twoMs: number;
  /** Did the two-thread runs shard? (Work below kernex's threshold runs on the calling thread alone.) */
  readonly sharded: boolean;
}

/**
 * Calls with one thread and with two alternate one by one (bench/interleave.ts),
 * and each setting's time is the median of its calls: the 2-core VMs this is
 * measured on change speed on their own from one fraction of a second to the
 * next, so both settings are sampled over the same stretch of time. (Before,
 * rounds of 200 ms of one setting alternated with rounds of the other.)
 */
const MEASURE_MS = 4000;

export { median } from "./interleave";

/** Does one call of `f`, with the current worker setting, shard? (kernex reports each sharded run at debug level 4.) */
function shards(f: () => unknown): boolean {
  // debug lines go to stderr
  const write = process.stderr.write;
  let seen = false;
  process.stderr.write = ((chunk: unknown, ...rest: unknown[]) => {
    // kernex's debug lines are read here, not printed
    if (typeof chunk === "string" && chunk.startsWith("[kernex] ")) {
      seen ||= chunk.startsWith("[kernex] sharded");
      return true;
    }
    return (write as (...a: unknown[]) => boolean).call(process.stderr, chunk, ...rest);
  }) as typeof process.stderr.write;
  kex.config({ debug: 4 });
  try {
    f();
  } finally {
    kex.config({ debug: 0 });
    process.stderr.write = write;
  }
  return seen;
}

export async function speedups(workloads: readonly { name: string; run: () => unknown }[], quick: boolean): Promise<SpeedupRow[]> {
  const rows: SpeedupRow[] = [];
  for (const w of workloads) {
    // the first sharded call starts kernex's pool
    kex.config({ workers: 1 });
    w.run();
    await new Promise((r) => setTimeout(r, 100));
    const sharded = shards(w.run);
    const withWorkers = (workers: number) => (): unknown => {
      kex.config({ workers });
      return w.run();
    };
    const [oneMs, twoMs] = interleavedMedians([withWorkers(0), withWorkers(1)], { timeMs: quick ? MEASURE_MS / 4 : MEASURE_MS, minRounds: 10, warmup: 3 });
    rows.push({ name: w.name, speedup: oneMs! / twoMs!, oneMs: oneMs!, twoMs: twoMs!, sharded });
  }
  kex.config({ workers: "auto" });
  return rows;
}

/** Time from creating a one-worker pool to its worker being ready, in ms (median of 5). */
export async function poolStartup(): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const pool = new WorkerPool(1);
    await pool.ready();
    times.push(performance.now() - t0);
    pool.terminate();
  }
  times.sort((a, b) => a - b);
  return times[2]!;
}
