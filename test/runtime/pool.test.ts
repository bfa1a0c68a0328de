/**
 * @file Sharded execution equals single-threaded execution bit for bit:
 * elementwise, 3-point stencil, gather through an index table, blocked
 * reduction, and multi-step jobs with a barrier (an explicit heat-equation
 * step per row), for pools of 1, 2 and 3 workers, sync and async.
 */
import { Worker } from "node:worker_threads";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allocate, allocateInt32, type FloatArray } from "../../runtime/buffers";
import { getPool, type Job, WorkerPool } from "../../runtime/pool";
import { guidedRanges } from "../../runtime/partition-work";
import { callerWaits, fillRandom, firstBitDifference, ON_MAIN, prng } from "./helpers";

const SIZES = [1, 2, 3] as const;
const pools = new Map<number, WorkerPool>();
const single = new WorkerPool(0);

beforeAll(async () => {
  for (const size of SIZES) pools.set(size, new WorkerPool(size));
  await Promise.all([...pools.values()].map((p) => p.ready()));
});

afterAll(() => {
  for (const p of pools.values()) p.terminate();
  single.terminate();
});

function pool(size: number): WorkerPool {
  const p = pools.get(size);
  if (p === undefined) throw new Error(`no pool of size ${size}`);
  return p;
}

/** Run `job` on one thread and on `p` with fresh copies of output buffers; return both outputs. */
function both(p: WorkerPool, make: () => Job, outputs: number[]): { one: FloatArray[]; many: FloatArray[] } {
  const a = make();
  single.runSync(a);
  const b = make();
  p.runSync(b);
  return { one: outputs.map((i) => a.f[i]), many: outputs.map((i) => b.f[i]) };
}

// y = sin(x)·s0 + x² (float64) and the same rounded to float32.
const ELEMENTWISE =
  "const x = f[0], y = f[1], z = f[2], a = s[0];" +
  "for (let i = lo; i < hi; i++) { const v = Math.sin(x[i]) * a + x[i] * x[i]; y[i] = v; z[i] = v; }";
// y[i] = c0·x[i-1] + c1·x[i] + c2·x[i+1], zero padding at both ends.
const STENCIL3 =
  "const x = f[0], y = f[1], n = x.length, c0 = s[0], c1 = s[1], c2 = s[2];" +
  "for (let i = lo; i < hi; i++) {" +
  "  const l = i > 0 ? x[i - 1] : 0, r = i + 1 < n ? x[i + 1] : 0;" +
  "  y[i] = c0 * l + c1 * x[i] + c2 * r; }";
// y[i] = x[t0[i]]
const GATHER = "const x = f[0], y = f[1], idx = t[0]; for (let i = lo; i < hi; i++) y[i] = x[idx[i]];";
// Block b of the data sums into partial[b], in a fixed order inside the block.
const BLOCK_SUM =
  "const x = f[0], partial = f[1], len = x.length, blocks = s[0];" +
  "for (let b = lo; b < hi; b++) {" +
  "  const start = Math.floor((b * len) / blocks), end = Math.floor(((b + 1) * len) / blocks);" +
  "  let acc = 0; for (let i = start; i < end; i++) acc += x[i] * x[i]; partial[b] = acc; }";

describe.each(SIZES)("pool of %i worker(s)", (size) => {
  it.each([1, 7, 10_001, 200_001])("elementwise, n = %i", (n) => {
    const x = fillRandom(allocate("float64", n), n);
    const make = (): Job => ({
      hash: "test-elementwise",
      body: ELEMENTWISE,
      f: [x, allocate("float64", n), allocate("float32", n)],
      t: [],
      scalars: [0.75],
      n,
    });
    const { one, many } = both(pool(size), make, [1, 2]);
    expect(firstBitDifference(many[0], one[0])).toBe(-1);
    expect(firstBitDifference(many[1], one[1])).toBe(-1);
    // and against a hand-written loop
    const ref = new Float64Array(n);
    for (let i = 0; i < n; i++) ref[i] = Math.sin(x[i]) * 0.75 + x[i] * x[i];
    expect(firstBitDifference(many[0], ref)).toBe(-1);
  });

  it.each([3, 1001, 150_001])("3-point stencil with zero padding, n = %i", (n) => {
    const x = fillRandom(allocate("float64", n), 7 * n);
    const make = (): Job => ({ hash: "test-stencil3", body: STENCIL3, f: [x, allocate("float64", n)], t: [], scalars: [0.25, 0.5, 0.25], n });
    const { one, many } = both(pool(size), make, [1]);
    expect(firstBitDifference(many[0], one[0])).toBe(-1);
    const ref = new Float64Array(n);
    for (let i = 0; i < n; i++) ref[i] = 0.25 * (i > 0 ? x[i - 1] : 0) + 0.5 * x[i] + 0.25 * (i + 1 < n ? x[i + 1] : 0);
    expect(firstBitDifference(many[0], ref)).toBe(-1);
  });

  it("gather through a shared and through a plain index table", () => {
    const n = 30_001;
    const x = fillRandom(allocate("float64", n), 3);
    const rand = prng(11);
    const shared = allocateInt32(n);
    for (let i = 0; i < n; i++) shared[i] = Math.floor(rand() * n);
    const plain = Int32Array.from(shared);
    for (const table of [shared, plain]) {
      const make = (): Job => ({ hash: "test-gather", body: GATHER, f: [x, allocate("float64", n)], t: [table], n });
      const { one, many } = both(pool(size), make, [1]);
      expect(firstBitDifference(many[0], one[0])).toBe(-1);
      expect(many[0][5]).toBe(x[table[5]]);
    }
  });

  it("blocked reduction: per-block partial sums, combined in a fixed order", () => {
    const len = 100_003;
    const blocks = 63;
    const x = fillRandom(allocate("float64", len), 5);
    const make = (): Job => ({ hash: "test-block-sum", body: BLOCK_SUM, f: [x, allocate("float64", blocks)], t: [], scalars: [blocks], n: blocks });
    const { one, many } = both(pool(size), make, [1]);
    expect(firstBitDifference(many[0], one[0])).toBe(-1);
    const total = (p: FloatArray): number => {
      let acc = 0;
      for (let b = 0; b < p.length; b++) acc += p[b];
      return acc;
    };
    expect(Object.is(total(many[0]), total(one[0]))).toBe(true);
    let direct = 0;
    for (let i = 0; i < len; i++) direct += x[i] * x[i];
    expect(total(many[0])).toBeAllclose(direct, { rtol: 1e-12 });
  });

  it("workers take the ranges while the caller is busy; in multi-step jobs each keeps its home range", () => {
    const n = 1000;
    const make = (steps: number): Job => ({
      hash: "test-caller-busy",
      body: `${ON_MAIN} ${callerWaits(30)} for (let i = lo; i < hi; i++) f[0][i] = i + k;`,
      f: [allocate("float64", n)],
      t: [],
      n,
      steps,
    });
    const one = make(1);
    pool(size).runSync(one);
    const ranBy = pool(size).lastRun?.ranBy ?? [];
    expect(ranBy).toHaveLength(size + 1);
    expect(ranBy[0]).toBe(0);
    expect(ranBy.slice(1).every((w) => w >= 1)).toBe(true); // a free worker may also take a slower one's range
    expect(Array.from(one.f[0]).every((v, i) => v === i)).toBe(true);

    const two = make(2);
    pool(size).runSync(two);
    expect(pool(size).lastRun?.ranBy).toEqual(Array.from({ length: size + 1 }, (_, i) => i));
    expect(Array.from(two.f[0]).every((v, i) => v === i + 1)).toBe(true);
  });

  it("multi-step job: row k+1 of an explicit heat step from row k equals the sequential loop", () => {
    const rows = 40;
    const cols = 2001;
    const u0 = fillRandom(new Float64Array(cols), 17);
    // Step k reads row k (columns j-1..j+1) and writes row k+1; columns are the parallel loop.
    const body =
      "const u = f[0], c = s[0], cols = s[1], src = k * cols, dst = src + cols;" +
      "for (let j = lo; j < hi; j++) {" +
      "  const l = j > 0 ? u[src + j - 1] : 0, r = j + 1 < cols ? u[src + j + 1] : 0;" +
      "  u[dst + j] = u[src + j] + c * (l - 2 * u[src + j] + r); }";
    const make = (): Job => {
      const u = allocate("float64", rows * cols);
      u.set(u0);
      return { hash: "test-heat", body, f: [u], t: [], scalars: [0.2, cols], n: cols, steps: rows - 1 };
    };
    const { one, many } = both(pool(size), make, [0]);
    expect(firstBitDifference(many[0], one[0])).toBe(-1);
    expect(new Set(pool(size).lastRun?.ranBy).size).toBe(size + 1); // every thread took part

    const ref = new Float64Array(rows * cols);
    ref.set(u0);
    for (let k = 0; k + 1 < rows; k++) {
      for (let j = 0; j < cols; j++) {
        const m = ref[k * cols + j];
        const l = j > 0 ? ref[k * cols + j - 1] : 0;
        const r = j + 1 < cols ? ref[k * cols + j + 1] : 0;
        ref[(k + 1) * cols + j] = m + 0.2 * (l - 2 * m + r);
      }
    }
    expect(firstBitDifference(many[0], ref)).toBe(-1);
  });

  it("multi-step job on a machine with more busy threads than cores: each range runs once per step, whoever takes it", async () => {
    // Two busy threads compete with the job's threads, so the OS keeps some of them waiting for a
    // core: the calling thread then takes the steps of a late worker (pool.ts LATE_STEP_MS). A step
    // run twice or never shows in the count each cell keeps; rows show a step run out of order.
    const busy = [0, 1].map(() => new Worker("const end = Date.now() + 1500; while (Date.now() < end);", { eval: true }));
    try {
      const cols = 64;
      const steps = 3000;
      const body = "const u = f[0], c = s[0], src = k * c; for (let j = lo; j < hi; j++) { u[src + c + j] = u[src + j] + 1; f[1][j] += 1; }";
      const u = allocate("float64", (steps + 1) * cols);
      const count = allocate("float64", cols);
      pool(size).runSync({ hash: "test-late-steps", body, f: [u, count], t: [], scalars: [cols], n: cols, steps });
      expect(Array.from(count).every((v) => v === steps)).toBe(true);
      expect(Array.from(u.subarray(steps * cols)).every((v) => v === steps)).toBe(true);
    } finally {
      await Promise.all(busy.map((w) => w.terminate()));
    }
  });

  it("runAsync gives the same bits, for one and for several steps", async () => {
    const n = 50_001;
    const x = fillRandom(allocate("float64", n), 23);
    const ew = (): Job => ({ hash: "test-elementwise", body: ELEMENTWISE, f: [x, allocate("float64", n), allocate("float32", n)], t: [], scalars: [-1.5], n });
    const a = ew();
    single.runSync(a);
    const b = ew();
    await pool(size).runAsync(b);
    expect(firstBitDifference(b.f[1], a.f[1])).toBe(-1);
    expect(pool(size).lastRun?.ranBy.includes(0)).toBe(false); // the calling thread took no share

    const cols = 999;
    const body = "const u = f[0], cols = s[0], src = k * cols; for (let j = lo; j < hi; j++) u[src + cols + j] = 0.5 * u[src + j] + 1;";
    const heat = (): Job => {
      const u = allocate("float64", 6 * cols);
      u.set(fillRandom(new Float64Array(cols), 29));
      return { hash: "test-rows", body, f: [u], t: [], scalars: [cols], n: cols, steps: 5 };
    };
    const c = heat();
    single.runSync(c);
    const d = heat();
    await pool(size).runAsync(d);
    expect(firstBitDifference(d.f[0], c.f[0])).toBe(-1);
  });
});

describe("pool behaviour", () => {
  it("queues concurrent async jobs and runs a sync job meanwhile on the calling thread", async () => {
    const p = pool(2);
    const n = 20_001;
    const x = fillRandom(allocate("float64", n), 31);
    const jobs = [0.5, 1.5, 2.5].map((a): Job => ({ hash: "test-elementwise", body: ELEMENTWISE, f: [x, allocate("float64", n), allocate("float32", n)], t: [], scalars: [a], n }));
    const running = Promise.all(jobs.map((j) => p.runAsync(j)));
    const syncJob: Job = { ...jobs[0], f: [x, allocate("float64", n), allocate("float32", n)] };
    p.runSync(syncJob);
    await running;
    for (const j of [...jobs, syncJob]) {
      const ref: Job = { ...j, f: [x, allocate("float64", n), allocate("float32", n)] };
      single.runSync(ref);
      expect(firstBitDifference(j.f[1], ref.f[1])).toBe(-1);
    }
  });

  it("applies the work threshold: little work stays on the calling thread", () => {
    const p = pool(3);
    const n = 10_000;
    p.runSync({ hash: "test-fill", body: "for (let i = lo; i < hi; i++) f[0][i] = 1;", f: [allocate("float64", n)], t: [], n, work: n });
    expect(p.lastRun).toEqual({ bounds: [0, n], ranBy: [0] });
    expect(p.rangesFor(n, n)).toBe(1);
    expect(p.rangesFor(n)).toBe(4);
  });

  it("callerF and grain: the caller's ranges land in its own buffers, the workers' in the shared ones", () => {
    for (const size of SIZES) {
      const p = pool(size);
      const n = 10_007;
      const shared = allocate("float64", n);
      const own = new Float64Array(n);
      p.runSync({ hash: "test-mark", body: "for (let i = lo; i < hi; i++) f[0][i] = i + 1;", f: [shared], callerF: [own], t: [], n, grain: 4 });
      const run = p.lastRun!;
      const { bounds } = run;
      // cut as guidedRanges says: contiguous, long ranges first, at least grain per thread
      expect(bounds).toEqual(guidedRanges(n, size + 1, 4));
      expect(run.ranBy.length).toBeGreaterThanOrEqual(4 * (size + 1));
      run.ranBy.forEach((by, r) => {
        for (let i = bounds[r]!; i < bounds[r + 1]!; i++) {
          expect([own[i], shared[i]]).toEqual(by === 0 ? [i + 1, 0] : [0, i + 1]);
        }
      });
    }
  });

  it("onWorkerRange: each range a worker ran is reported once, finished", () => {
    for (const size of SIZES) {
      const p = pool(size);
      const n = 10_007;
      const shared = allocate("float64", n);
      const own = new Float64Array(n);
      const reported: [number, number][] = [];
      const seen = new Float64Array(n);
      p.runSync({
        hash: "test-mark-lazy",
        body: "for (let i = lo; i < hi; i++) f[0][i] = i + 1;",
        f: [shared],
        callerF: [own],
        // copy out as the caller would: the range must be complete when reported
        onWorkerRange: (lo, hi) => {
          reported.push([lo, hi]);
          seen.set(shared.subarray(lo, hi), lo);
        },
        t: [],
        n,
        grain: 4,
      });
      const run = p.lastRun!;
      const { bounds } = run;
      const byWorkers = run.ranBy.flatMap((by, r) => (by === 0 ? [] : [[bounds[r]!, bounds[r + 1]!]]));
      expect(reported.sort((x, y) => x[0] - y[0])).toEqual(byWorkers);
      run.ranBy.forEach((by, r) => {
        for (let i = bounds[r]!; i < bounds[r + 1]!; i++) expect([own[i], seen[i]]).toEqual(by === 0 ? [i + 1, 0] : [0, i + 1]);
      });
    }
  });

  it("beside: runs once on the calling thread while the workers start; the caller then takes the ranges left", () => {
    for (const size of SIZES) {
      const p = pool(size);
      const n = 10_007;
      const out = allocate("float64", n);
      let calls = 0;
      let seenByBeside = -1;
      p.runSync({ hash: "test-beside", body: "for (let i = lo; i < hi; i++) f[0][i] = i + 1;", f: [out], t: [], n, grain: 4 }, () => {
        calls++;
        // the workers have the job by now: give them time to take every range
        const until = Date.now() + 30;
        while (Date.now() < until);
        seenByBeside = 0;
        for (let i = 0; i < n; i++) seenByBeside += out[i] !== 0 ? 1 : 0;
      });
      expect(calls).toBe(1);
      expect(seenByBeside).toBeGreaterThan(0);
      expect(out.every((v, i) => v === i + 1)).toBe(true);
      // range 0 is not held for the calling thread: a worker took it
      expect(p.lastRun!.ranBy[0]).toBeGreaterThanOrEqual(1);
    }
  });

  it("beside: its error is thrown once the job is complete; a job's failure is thrown after beside ran", () => {
    const p = pool(1);
    const n = 10_007;
    const out = allocate("float64", n);
    const boom = new Error("beside failed");
    expect(() =>
      p.runSync({ hash: "test-beside-throws", body: "for (let i = lo; i < hi; i++) f[0][i] = 7;", f: [out], t: [], n, grain: 4 }, () => {
        throw boom;
      }),
    ).toThrow(boom);
    expect(out.every((v) => v === 7)).toBe(true);
    let ran = false;
    expect(() =>
      p.runSync({ hash: "test-beside-job-throws", body: "throw new RangeError('kernel failed');", f: [allocate("float64", n)], t: [], n, grain: 4 }, () => {
        ran = true;
      }),
    ).toThrow(/kernel failed/);
    expect(ran).toBe(true);
    // multi-step jobs and a pool without workers run beside first, then the job
    const order: string[] = [];
    const steps = allocate("float64", 4);
    p.runSync({ hash: "test-beside-steps", body: "if (lo === 0) f[0][k] = k + 1;", f: [steps], t: [], n: 2, steps: 4 }, () => order.push(`beside ${steps.join(",")}`));
    single.runSync({ hash: "test-beside-alone", body: "for (let i = lo; i < hi; i++) f[0][i] = 9;", f: [allocate("float64", 3)], t: [], n: 3 }, () => order.push("alone"));
    expect(order).toEqual(["beside 0,0,0,0", "alone"]);
    expect(Array.from(steps)).toEqual([1, 2, 3, 4]);
  });

  it("a callerF of the wrong buffers is refused with a message naming them", () => {
    const p = pool(1);
    const job: Job = { hash: "test-bad-callerf", body: "for (let i = lo; i < hi; i++) f[0][i] = 1;", f: [allocate("float64", 100_000)], callerF: [new Float64Array(5)], t: [], n: 100_000, grain: 4 };
    expect(() => p.runSync(job)).toThrow(/callerF\[0\]: got .*expected a Float64Array\(100000\) like f\[0\]/);
    // the pool still works afterwards
    const out = allocate("float64", 100_000);
    p.runSync({ hash: "test-after-bad", body: "for (let i = lo; i < hi; i++) f[0][i] = 2;", f: [out], t: [], n: 100_000 });
    expect(out.every((v) => v === 2)).toBe(true);
  });

  it("runs an empty job without touching the workers", () => {
    pool(1).runSync({ hash: "test-fill", body: "throw new Error('never called');", f: [], t: [], n: 0 });
    expect(pool(1).lastRun).toEqual({ bounds: [0], ranBy: [] });
  });

  it("resizes: more workers take part after growing, fewer after shrinking", async () => {
    const p = new WorkerPool(1);
    try {
      const run = (): readonly number[] => {
        const n = 100;
        const body = "for (let i = lo; i < hi; i++) f[0][i] = i + k;";
        // Two steps: every worker keeps the range it claims, so the report shows who took part.
        p.runSync({ hash: "test-two-steps", body, f: [allocate("float64", n)], t: [], n, steps: 2 });
        return p.lastRun?.ranBy ?? [];
      };
      await p.ready();
      expect(run()).toEqual([0, 1]);
      p.resize(3);
      expect(p.size).toBe(3);
      await p.ready();
      expect(run()).toEqual([0, 1, 2, 3]);
      p.resize(2);
      expect(run()).toEqual([0, 1, 2]);
    } finally {
      p.terminate();
    }
  });

  it("getPool creates one pool lazily and resizes it", async () => {
    const a = getPool(1);
    expect(getPool(1)).toBe(a);
    const b = getPool(2);
    expect(b).toBe(a);
    expect(b.size).toBe(2);
    a.terminate();
    const c = getPool(1);
    expect(c).not.toBe(a);
    c.terminate();
  });
});
