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

/**
 * Alternating rounds of each setting (one thread, two threads): the 2-core
 * VMs this is measured on change speed on their own from one fraction of a
 * second to the next (the same loop on one thread takes ~2 or ~3.5 ms by
 * turns), so each setting is sampled in many short rounds between the
 * other's, and its time is the median of all its samples: the typical
 * time, not the luckiest. (Before, three rounds of 600 ms, each setting's
 * best round median kept: W1 ranged 0.97–2.57× over five runs on such a
 * VM; this way, 1.32–2.47×. The spread is the machine's either way.)
 */
const ROUNDS = 10;

/** Every sample of one tinybench round of `f` with the given worker setting, in ms. */
async function samplesWith(workers: number, f: () => unknown, quick: boolean): Promise<number[]> {
  kex.config({ workers });
  const bench = new Bench({ time: quick ? 50 : 200, iterations: 5, warmupIterations: 2, retainSamples: true });
  bench.add("run", f);
  await bench.run();
  return [...((bench.tasks[0]!.result as { latency?: { samples?: readonly number[] } }).latency?.samples ?? [])];
}

export { median } from "./interleave";
import { median } from "./interleave";

/** Does one call of `f`, with the current worker setting, shard? (kernex reports each sharded run at debug level 4.) */
function shards(f: () => unknown): boolean {
  // debug lines go to stderr
  const write = process.stderr.write;
  let seen = false;
  process.stderr.write = ((chunk: unknown, ...rest: unknown[]) => {
    if (typeof chunk === "string" && chunk.startsWith("[kernex] sharded")) return (seen = true);
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
    const one: number[] = [];
    const two: number[] = [];
    let sharded = false;
    for (let round = 0; round < ROUNDS; round++) {
      one.push(...(await samplesWith(0, w.run, quick)));
      two.push(...(await samplesWith(1, w.run, quick)));
      sharded ||= shards(w.run);
    }
    const [oneMs, twoMs] = [median(one), median(two)];
    rows.push({ name: w.name, speedup: oneMs / twoMs, oneMs, twoMs, sharded });
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
