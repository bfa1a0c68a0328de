/**
 * @file Speed-up of sharding: each workload with the calling thread plus one
 * worker (2 threads) against the calling thread alone, measured in the same
 * run, as t(1 thread) / t(2 threads); and the pool's start-up time.
 */
import { Bench } from "tinybench";
import * as kex from "kernex";
import { WorkerPool } from "../runtime/pool";

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

/** Median time of `f` with the given worker setting, in ms. */
async function timeWith(workers: number, f: () => unknown, quick: boolean): Promise<number> {
  kex.config({ workers });
  // the first sharded calls start kernex's pool; warm-up iterations cover that
  f();
  await new Promise((r) => setTimeout(r, 100));
  const bench = new Bench({ time: quick ? 150 : 600, iterations: 5, warmupIterations: 2 });
  bench.add("run", f);
  await bench.run();
  return (bench.tasks[0]!.result as { latency?: { p50: number } }).latency!.p50;
}

/** Does one call of `f`, with the current worker setting, shard? (kernex reports each sharded run at debug level 4.) */
function shards(f: () => unknown): boolean {
  const log = console.log;
  let seen = false;
  console.log = (...args: unknown[]) => {
    if (typeof args[0] === "string" && args[0].startsWith("[kernex] sharded")) seen = true;
    else log(...args);
  };
  kex.config({ debug: 4 });
  try {
    f();
  } finally {
    kex.config({ debug: 0 });
    console.log = log;
  }
  return seen;
}

export async function speedups(workloads: readonly { name: string; run: () => unknown }[], quick: boolean): Promise<SpeedupRow[]> {
  const rows: SpeedupRow[] = [];
  for (const w of workloads) {
    // alternate the two settings, three rounds, and keep each one's best median: the machine
    // is shared, and a burst of load elsewhere should not land on one setting only
    let one = Infinity;
    let two = Infinity;
    let sharded = false;
    for (let round = 0; round < 3; round++) {
      one = Math.min(one, await timeWith(0, w.run, quick));
      two = Math.min(two, await timeWith(1, w.run, quick));
      sharded ||= shards(w.run);
    }
    rows.push({ name: w.name, speedup: one / two, oneMs: one, twoMs: two, sharded });
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
