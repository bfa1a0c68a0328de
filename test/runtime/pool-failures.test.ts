/**
 * @file Failures never hang and never poison the pool: a kernel that throws
 * (on a worker or on the calling thread), one that ends its worker with
 * `process.exit`, one that kills it without running exit hooks
 * (`process.reallyExit`), in one-step and multi-step jobs, sync and async;
 * each gives a RuntimeFailure and the next job works; in a job whose
 * ranges wait for each other inside the kernel, the waiting ranges give up.
 * Also bad jobs, unshared buffers and a terminated pool.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allocate } from "../../runtime/buffers";
import { RuntimeFailure } from "../../runtime/failure";
import { type Job, WorkerPool } from "../../runtime/pool";
import { splitRange } from "../../runtime/partition-work";
import { callerWaits, ON_MAIN } from "./helpers";

const WORKERS = 2;
let pool: WorkerPool;

beforeAll(async () => {
  pool = new WorkerPool(WORKERS);
  await pool.ready();
});

afterAll(() => pool.terminate());

const N = 3001;

/** A job whose workers do `onWorker` (a statement) and whose caller is busy for a while first. */
function failing(hash: string, onWorker: string, steps = 1): Job {
  return {
    hash,
    body: `${ON_MAIN} ${callerWaits(40)} if (!onMain) { ${onWorker} } for (let i = lo; i < hi; i++) f[0][i] = k;`,
    f: [allocate("float64", N)],
    t: [],
    n: N,
    steps,
  };
}

function caught(run: () => void): RuntimeFailure {
  try {
    run();
  } catch (e) {
    if (e instanceof RuntimeFailure) return e;
    throw new Error(`expected a RuntimeFailure, got ${String(e)}`);
  }
  throw new Error("expected a RuntimeFailure, nothing was thrown");
}

async function caughtAsync(run: () => Promise<void>): Promise<RuntimeFailure> {
  try {
    await run();
  } catch (e) {
    if (e instanceof RuntimeFailure) return e;
    throw new Error(`expected a RuntimeFailure, got ${String(e)}`);
  }
  throw new Error("expected a RuntimeFailure, nothing was thrown");
}

/** After a failure: the pool recovers, and once replacements are up every worker takes part again. */
async function expectHealthy(): Promise<void> {
  const job = (): Job => ({
    hash: "ok-fill",
    body: "for (let i = lo; i < hi; i++) f[0][i] = 2 * i + k;",
    f: [allocate("float64", N)],
    t: [],
    n: N,
    steps: 2,
  });
  const right = (j: Job): boolean => Array.from(j.f[0]).every((v, i) => v === 2 * i + 1);
  const now = job();
  pool.runSync(now); // immediately: on whoever is up
  expect(right(now)).toBe(true);
  await pool.ready();
  const later = job();
  pool.runSync(later);
  expect(right(later)).toBe(true);
  expect(pool.lastRun?.ranBy).toEqual(Array.from({ length: WORKERS + 1 }, (_, i) => i));
}

describe("a kernel that throws", () => {
  it("on a worker: RuntimeFailure with its message; the next job works", async () => {
    const e = caught(() => pool.runSync(failing("throws", 'throw new TypeError("bad cell at " + lo);')));
    expect(e.kind).toBe("kernel-threw");
    expect(e.message).toMatch(/^kernel throws threw on worker \d: TypeError: bad cell at \d+$/);
    expect(e.worker).not.toBeNull();
    await expectHealthy();
  });

  it("on the calling thread", async () => {
    const job: Job = { hash: "main-throws", body: `${ON_MAIN} if (onMain) throw new RangeError("main says no");`, f: [allocate("float64", N)], t: [], n: N };
    const e = caught(() => pool.runSync(job));
    expect(e.kind).toBe("kernel-threw");
    expect(e.message).toBe("kernel main-throws threw on the calling thread: RangeError: main says no");
    expect(e.worker).toBeNull();
    await expectHealthy();
  });

  it("at a later step of a multi-step job: the others leave the barrier", async () => {
    const e = caught(() => pool.runSync(failing("throws-late", 'if (k === 3) throw new Error("step three");', 6)));
    expect(e.kind).toBe("kernel-threw");
    expect(e.message).toContain("Error: step three");
    await expectHealthy();
  });

  it("in an async job", async () => {
    const job: Job = { hash: "async-throws", body: 'throw new Error("async no");', f: [allocate("float64", N)], t: [], n: N };
    const e = await caughtAsync(() => pool.runAsync(job));
    expect(e.kind).toBe("kernel-threw");
    expect(e.message).toMatch(/threw on worker \d: Error: async no$/);
    await expectHealthy();
  });

  it("a thrown non-Error value is still reported", () => {
    const job: Job = { hash: "throws-string", body: 'throw "plain string";', f: [], t: [], n: 1 };
    expect(caught(() => pool.runSync(job)).message).toContain("thrown value: plain string");
  });
});

describe("a kernel that ends its worker", () => {
  it("with process.exit: RuntimeFailure naming the exit; the worker is replaced", async () => {
    const e = caught(() => pool.runSync(failing("exits", "process.exit(7);")));
    expect(e.kind).toBe("worker-died");
    expect(e.message).toMatch(/^worker \d exited with code 7 while running kernel exits$/);
    await expectHealthy();
  });

  it("with process.exit in a multi-step job", async () => {
    const e = caught(() => pool.runSync(failing("exits-late", "if (k === 2) process.exit(3);", 5)));
    expect(e.kind).toBe("worker-died");
    expect(e.message).toContain("exited with code 3");
    await expectHealthy();
  });

  it("recovers without the event loop ever running (a purely synchronous program)", () => {
    const e = caught(() => pool.runSync(failing("exits-sync", "process.exit(2);")));
    expect(e.kind).toBe("worker-died");
    // No await from here on: "exit" events are never delivered, yet dead workers are
    // recognised by their shared flag, replaced, and the replacements come up.
    const everyone = Array.from({ length: WORKERS + 1 }, (_, i) => i).join();
    const deadline = Date.now() + 10_000;
    let ranBy = "";
    while (ranBy !== everyone && Date.now() < deadline) {
      const job: Job = { hash: "ok-fill", body: "for (let i = lo; i < hi; i++) f[0][i] = 2 * i + k;", f: [allocate("float64", N)], t: [], n: N, steps: 2 };
      pool.runSync(job);
      expect(Array.from(job.f[0]).every((v, i) => v === 2 * i + 1)).toBe(true);
      ranBy = pool.lastRun?.ranBy.join() ?? "";
    }
    expect(ranBy).toBe(everyone);
  });

  it("without running exit hooks (process.reallyExit): found by the liveness probe", async () => {
    const e = caught(() => pool.runSync(failing("vanishes", "process.reallyExit(1);")));
    expect(e.kind).toBe("worker-died");
    expect(e.message).toMatch(/^worker \d stopped without reporting while running kernel vanishes/);
    await expectHealthy();
  });

  it("silently, in a multi-step job while the others wait at the barrier", async () => {
    const e = caught(() => pool.runSync(failing("vanishes-late", "if (k === 1) process.reallyExit(1);", 4)));
    expect(e.kind).toBe("worker-died");
    await expectHealthy();
  });

  it("in an async job", async () => {
    const job: Job = { hash: "async-exits", body: "process.exit(5);", f: [allocate("float64", N)], t: [], n: N };
    const e = await caughtAsync(() => pool.runAsync(job));
    expect(e.kind).toBe("worker-died");
    expect(e.message).toContain("exited with code 5");
    await expectHealthy();
  });

  it("silently in an async job: the exit event reports it", async () => {
    const job: Job = { hash: "async-vanishes", body: "process.reallyExit(9);", f: [allocate("float64", N)], t: [], n: N };
    const e = await caughtAsync(() => pool.runAsync(job));
    expect(e.kind).toBe("worker-died");
    expect(e.message).toContain("exited with code 9");
    await expectHealthy();
  });
});

describe("no false failures", () => {
  // Regression: a synchronous program that had not yielded since the pool started
  // ran a job whose worker share outlasted one wait slice (50 ms), and the liveness
  // probe, reading the all-zero counters of a worker this thread had not yet seen
  // come online, reported "worker 0 stopped without reporting".
  it("a long share on a worker the calling thread has not yet seen come online", () => {
    const fresh = new WorkerPool(1);
    try {
      // no await: the worker's ready flag is set from its own thread
      const deadline = Date.now() + 10_000;
      while (fresh.rangesFor(N) < 2 && Date.now() < deadline);
      expect(fresh.rangesFor(N)).toBe(2);
      const job: Job = {
        hash: "slow-worker",
        body: `${ON_MAIN} if (!onMain) { const until = Date.now() + 300; while (Date.now() < until); } for (let i = lo; i < hi; i++) f[0][i] = i;`,
        f: [allocate("float64", N)],
        t: [],
        n: N,
      };
      fresh.runSync(job);
      expect(Array.from(job.f[0]!).every((v, i) => v === i)).toBe(true);
    } finally {
      fresh.terminate();
    }
  });
});

/** Steps of a pipelined job (pipelined). */
const STEPS = 120;

/**
 * A job whose ranges wait for each other inside the kernel, by the protocol
 * of runtime/executor/wavefront.ts: f[0] is a STEPS × N grid, row 0 holds
 * 0, 1, …, N − 1 and step j writes row j + 1 as g[j+1][i] = g[j][i-1] + 1
 * (g[j+1][0] = 0), so every row equals row 0; the range [lo, hi) runs step j
 * once the range ending at lo has finished j steps (w[lo] ≥ j), gives up
 * when w[0] is set, and records w[hi] = j + 1. `onStep` (a statement
 * reading j) runs first in every step. A read of a step not yet written
 * reads 0, and the row is wrong.
 */
function pipelined(hash: string, onStep = ""): Job {
  const w = new Int32Array(new SharedArrayBuffer(4 * (N + 1)));
  const grid = allocate("float64", (STEPS + 1) * N, true);
  for (let i = 0; i < N; i++) grid[i] = i;
  const body = `${ON_MAIN}
const w = t[0], g = f[0];
for (let j = 0; j < ${STEPS}; j++) {
  if (lo > 0) while (Atomics.load(w, lo) < j) if (Atomics.load(w, 0) !== 0) return;
  ${onStep}
  const row = (j + 1) * ${N};
  for (let i = lo; i < hi; i++) g[row + i] = i === 0 ? 0 : g[row - ${N} + i - 1] + 1;
  Atomics.store(w, hi, j + 1);
}`;
  return { hash, body, f: [grid], t: [w], n: N, ready: (lo) => lo === 0 || Atomics.load(w, lo) === STEPS, cancel: () => Atomics.store(w, 0, 1) };
}

/** A pipelined job's step statement: the calling thread is busy before its first step, so the workers claim their own ranges first. */
const CALLER_FIRST = callerWaits(20).replace("if (onMain)", "if (onMain && j === 0)");

/** Does every row of a pipelined job's grid equal row 0? */
function pipelinedRight(job: Job): boolean {
  const g = job.f[0]!;
  for (let k = 0; k < g.length; k++) if (g[k] !== k % N) return false;
  return true;
}

describe("a job whose ranges wait for each other (ready, cancel)", () => {
  it("gives the right values, each range on a thread of its own", () => {
    const job = pipelined("pipelined-ok", CALLER_FIRST);
    pool.runSync(job);
    expect(pipelinedRight(job)).toBe(true);
    expect(pool.lastRun?.ranBy).toEqual([0, 1, 2]);
  });
  it("a range throws at a later step on the calling thread: the ranges waiting on it give up", async () => {
    const e = caught(() => pool.runSync(pipelined("pipelined-throws", "if (onMain && j === 30) throw new Error('step 30 failed');")));
    expect(e.message).toMatch(/step 30 failed/);
    await expectHealthy();
  });
  it("a worker ends in the middle range: the range after it gives up", async () => {
    const middle = splitRange(N, WORKERS + 1)[1]!;
    const e = caught(() => pool.runSync(pipelined("pipelined-exits", `${CALLER_FIRST} if (!onMain && lo === ${middle} && j === 20) process.exit(4);`)));
    expect(e.kind).toBeDefined();
    expect(e.message).toMatch(/exit|stopped/);
    await expectHealthy();
  });
  it("in an async job, a worker that throws: the others give up", async () => {
    const e = await caughtAsync(() => pool.runAsync(pipelined("pipelined-async", `if (lo === 0 && j === 10) throw new Error('async step 10 failed');`)));
    expect(e.message).toMatch(/async step 10 failed/);
    await expectHealthy();
  });
});

describe("a late worker", () => {
  // A worker that is up but whose event loop is busy when a multi-step job
  // arrives: the caller runs its range after the grace period (STEAL_GRACE_MS),
  // the job completes with the right values, and the worker, once free, finds
  // nothing left of it and takes part in the next job.
  it("in a multi-step job: its range is run by the calling thread, the next job works", async () => {
    const pool = new WorkerPool(1);
    try {
      await pool.ready();
      expect(pool.rangesFor(N)).toBe(2);
      // the worker leaves a timer behind that raises a flag, blocks its event loop for 400 ms, then raises it again
      const flag = allocate("float64", 1);
      const block = `${ON_MAIN} if (!onMain && k === 0) setTimeout(() => { f[1][0] = 1; const until = Date.now() + 400; while (Date.now() < until); f[1][0] = 2; }, 0);`;
      const fill = "for (let i = lo; i < hi; i++) f[0][i] = i * (k + 1);";
      const job = (hash: string, body: string): Job => ({ hash, body, f: [allocate("float64", N), flag], t: [], n: N, steps: 2 });
      const first = job("leaves-a-block", `${block} ${fill}`);
      pool.runSync(first);
      expect(pool.lastRun?.ranBy).toEqual([0, 1]);
      const sleep = new Int32Array(new SharedArrayBuffer(4));
      for (let waited = 0; flag[0] !== 1 && waited < 5_000; waited++) Atomics.wait(sleep, 0, 0, 1);
      expect(flag[0]).toBe(1);
      const late = job("meets-a-late-worker", fill);
      pool.runSync(late);
      expect(pool.lastRun?.ranBy).toEqual([0, 0]);
      expect(Array.from(late.f[0]!).every((v, i) => v === 2 * i)).toBe(true);
      // the worker is free again after its 400 ms
      for (let waited = 0; flag[0] !== 2 && waited < 5_000; waited++) Atomics.wait(sleep, 0, 0, 1);
      expect(flag[0]).toBe(2);
      const next = job("after-the-late-worker", fill);
      pool.runSync(next);
      expect(pool.lastRun?.ranBy).toEqual([0, 1]);
      expect(Array.from(next.f[0]!).every((v, i) => v === 2 * i)).toBe(true);
    } finally {
      pool.terminate();
    }
  });
});

describe("bad requests", () => {
  it("a body that does not compile fails before anything is dispatched", () => {
    const e = caught(() => pool.runSync({ hash: "syntax", body: "for (;;", f: [], t: [], n: 10 }));
    expect(e.kind).toBe("kernel-compile");
    expect(e.message).toMatch(/^kernel syntax does not compile: SyntaxError/);
  });

  it("plain (unshared) buffers are refused when the job is split, accepted when it is not", () => {
    const plain = new Float64Array(N);
    const job: Job = { hash: "ok-fill", body: "for (let i = lo; i < hi; i++) f[0][i] = 2 * i + k;", f: [plain], t: [], n: N };
    const e = caught(() => pool.runSync(job));
    expect(e.kind).toBe("not-shared");
    expect(e.message).toContain("job.f[0] (Float64Array(3001)) is not backed by a SharedArrayBuffer");
    expect(plain[5]).toBe(0);
    pool.runSync({ ...job, work: 1 });
    expect(plain[5]).toBe(10);
  });

  it("malformed jobs are named field by field", () => {
    const base: Job = { hash: "h", body: "", f: [], t: [], n: 1 };
    expect(caught(() => pool.runSync({ ...base, n: -1 })).message).toBe("job.n: got -1, expected a non-negative integer");
    expect(caught(() => pool.runSync({ ...base, steps: 0 })).message).toBe("job.steps: got 0, expected a positive integer");
    expect(caught(() => pool.runSync({ ...base, scalars: [Number("1"), "2" as unknown as number] })).message).toBe("job.scalars[1]: got 2, expected a number");
    expect(() => new WorkerPool(-1)).toThrow(/pool size: got -1, expected a non-negative integer/);
  });

  it("a terminated pool refuses work", async () => {
    const p = new WorkerPool(1);
    p.terminate();
    expect(caught(() => p.runSync({ hash: "h", body: "", f: [], t: [], n: 1 })).kind).toBe("terminated");
    expect((await caughtAsync(() => p.runAsync({ hash: "h", body: "", f: [], t: [], n: 1 }))).kind).toBe("terminated");
  });
});
