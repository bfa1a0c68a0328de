/**
 * @file Environment detection and worker adapters: Node `worker_threads` vs
 * browser Web Workers behind one `WorkerHandle` interface. Node modules are
 * looked up at run time (never imported statically) so this file also bundles
 * for browsers. The worker program itself lives in `worker-source.ts`.
 */

import type * as NodeWorkerThreads from "node:worker_threads";
import type * as NodeOs from "node:os";

/** The subset of Node's `process` this file touches. */
interface NodeProcessLike {
  readonly versions?: { readonly node?: string };
  readonly getBuiltinModule?: (id: string) => unknown;
}

/** Builtins loaded by `preloadNodeModules` for Node versions without `process.getBuiltinModule`. */
const preloaded = new Map<string, unknown>();

function nodeProcess(): NodeProcessLike | undefined {
  const proc = (globalThis as { process?: NodeProcessLike }).process;
  return typeof proc === "object" && proc !== null && typeof proc.versions?.node === "string" ? proc : undefined;
}

/** True when running under Node (main thread or a worker thread). */
export function isNode(): boolean {
  return nodeProcess() !== undefined;
}

/**
 * A Node builtin module, looked up synchronously: `process.getBuiltinModule`
 * (Node ≥ 20.16), else the CommonJS `require` of a CJS build, else whatever
 * `preloadNodeModules()` loaded. `undefined` outside Node.
 */
function nodeBuiltin<T>(name: "worker_threads" | "os"): T | undefined {
  const proc = nodeProcess();
  if (proc === undefined) return undefined;
  if (typeof proc.getBuiltinModule === "function") return proc.getBuiltinModule(`node:${name}`) as T;
  if (typeof require === "function") return require(`node:${name}`) as T;
  return preloaded.get(name) as T | undefined;
}

/**
 * Load the Node builtins the runtime uses, for Node 20.0–20.15 under ESM where
 * neither `process.getBuiltinModule` nor `require` exists. A no-op elsewhere.
 *
 * @example
 * await preloadNodeModules(); // then getPool(n) can start worker threads
 */
export async function preloadNodeModules(): Promise<void> {
  const proc = nodeProcess();
  if (proc === undefined || typeof proc.getBuiltinModule === "function" || typeof require === "function") return;
  for (const name of ["worker_threads", "os"] as const) {
    // A computed specifier keeps browser bundlers from trying to resolve it.
    const specifier = `node:${name}`;
    preloaded.set(name, await import(/* @vite-ignore */ specifier));
  }
}

/**
 * Can buffers be shared with workers? Needs `SharedArrayBuffer` and, in a
 * browser, cross-origin isolation (COOP/COEP headers).
 *
 * @example
 * const shared = sharedMemoryUsable(); // true in Node
 */
export function sharedMemoryUsable(): boolean {
  if (typeof SharedArrayBuffer !== "function" || typeof Atomics !== "object") return false;
  if (isNode()) return true;
  return (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true;
}

let blockingAllowed: boolean | undefined;

/**
 * May this thread block in `Atomics.wait`? False on a browser's main thread,
 * true in Node and inside Web Workers. Probed once by a zero-timeout wait.
 */
export function canBlock(): boolean {
  if (blockingAllowed === undefined) {
    try {
      // Value 1 ≠ 0, so this returns "not-equal" at once where waiting is allowed, and throws where it is not.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 1, 0);
      blockingAllowed = true;
    } catch {
      blockingAllowed = false;
    }
  }
  return blockingAllowed;
}

/** `Atomics.waitAsync` where the engine has it (ES2024; not in every browser). */
export type WaitAsync = (
  array: Int32Array,
  index: number,
  value: number,
) => { async: false; value: "not-equal" | "timed-out" } | { async: true; value: Promise<"ok" | "timed-out"> };

/** The engine's `Atomics.waitAsync`, bound, or undefined. */
export function waitAsyncFunction(): WaitAsync | undefined {
  const fn = (Atomics as unknown as { waitAsync?: WaitAsync }).waitAsync;
  return typeof fn === "function" ? fn.bind(Atomics) : undefined;
}

/**
 * Number of hardware threads: `os.availableParallelism()` in Node,
 * `navigator.hardwareConcurrency` in a browser, 1 when unknown.
 */
export function hardwareConcurrency(): number {
  const os = nodeBuiltin<typeof NodeOs>("os");
  if (os !== undefined) {
    const n = typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
    return Math.max(1, n | 0);
  }
  const nav = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator;
  const n = nav?.hardwareConcurrency;
  return typeof n === "number" && n >= 1 ? Math.floor(n) : 1;
}

/** Messages the pool receives from a worker (see `worker-source.ts`). */
export type WorkerEvent = { readonly type: string; readonly [key: string]: unknown };

/** One worker thread, whatever the environment. */
export interface WorkerHandle {
  /** Send a message (structured clone; shared buffers stay shared). */
  post(message: object): void;
  /** Called for every message the worker posts. */
  onMessage(listener: (message: WorkerEvent) => void): void;
  /** Called when the worker reports an uncaught error (Node: before it exits). */
  onError(listener: (message: string) => void): void;
  /** Called once when the thread has ended (Node only; browsers give no such event). */
  onExit(listener: (code: number) => void): void;
  /**
   * Let (or stop letting) this worker keep the process alive. No-op in browsers.
   * In Node, adding a message listener refs the worker again: unref after `onMessage`.
   */
  ref(): void;
  unref(): void;
  /** Stop the thread. */
  terminate(): void;
  /**
   * Synchronous liveness probe, usable while the caller is blocked in
   * `Atomics.wait` (when no events can be delivered). `true` = the thread has
   * stopped; `false` = running, or no way to tell here (browsers); `null` =
   * cannot tell yet (Node: this thread's event loop has not seen the worker
   * come online, e.g. a synchronous program that has not yielded since the
   * worker started), so the caller decides by how long the worker has been silent.
   */
  probeStopped(): boolean | null;
  /** Called once the worker's event loop runs (Node: primes the counters probeStopped reads). */
  noteAlive(): void;
}

function nodeWorker(source: string, name: string): WorkerHandle | null {
  const wt = nodeBuiltin<typeof NodeWorkerThreads>("worker_threads");
  if (wt === undefined) return null;
  const worker = new wt.Worker(source, { eval: true, name });
  /** A reading with live counters was taken (this thread has seen the worker online). */
  let primed = false;
  return {
    post: (message) => worker.postMessage(message),
    onMessage: (listener) => void worker.on("message", listener),
    onError: (listener) => void worker.on("error", (e: unknown) => listener(e instanceof Error ? e.message : String(e))),
    onExit: (listener) => void worker.once("exit", listener),
    ref: () => worker.ref(),
    unref: () => worker.unref(),
    terminate: () => void worker.terminate().catch(() => undefined),
    probeStopped: () => {
      // Node has no synchronous "is this thread alive?" query, but the event-loop
      // counters are read under the worker's own mutex: once the thread has stopped,
      // loopIdleTime() is -1 (idle < 0), or — if loopStartTime was never read while
      // it lived — both fields are 0. A live worker whose counters were read once
      // while idle (see `noteAlive`) always has active > 0, even deep in a long task.
      // Before this thread has seen the worker come online, though, every reading is
      // all zeros, dead or alive: then the answer is "cannot tell" (null).
      // Backstop only: the worker's exit hook reports most deaths itself.
      const elu = worker.performance.eventLoopUtilization();
      if (elu.idle < 0) return true;
      if (elu.idle === 0 && elu.active === 0) return primed ? true : null;
      primed = true;
      return false;
    },
    noteAlive: () => {
      // reading the counters while the loop runs fixes loopStartTime, so a later
      // probe of a busy (not dead) worker does not read all zeros
      const elu = worker.performance.eventLoopUtilization();
      if (elu.idle !== 0 || elu.active !== 0) primed = true;
    },
  };
}

/** The subset of the DOM Worker this file uses. */
interface BrowserWorkerLike {
  postMessage(message: unknown): void;
  addEventListener(type: "message", listener: (event: { data: unknown }) => void): void;
  addEventListener(type: "error", listener: (event: { message?: string }) => void): void;
  terminate(): void;
}

function browserWorker(source: string, name: string): WorkerHandle | null {
  const g = globalThis as {
    Worker?: new (url: string, options?: { name?: string }) => BrowserWorkerLike;
    Blob?: typeof Blob;
    URL?: typeof URL;
  };
  if (typeof g.Worker !== "function" || typeof g.Blob !== "function" || typeof g.URL?.createObjectURL !== "function") {
    return null;
  }
  const url = g.URL.createObjectURL(new g.Blob([source], { type: "text/javascript" }));
  let worker: BrowserWorkerLike;
  try {
    worker = new g.Worker(url, { name });
  } catch {
    return null; // e.g. a Content-Security-Policy without `worker-src blob:`
  } finally {
    // The worker has fetched (or is fetching) the script; revoking later would leak one URL per worker.
    setTimeout(() => g.URL?.revokeObjectURL(url), 10_000);
  }
  return {
    post: (message) => worker.postMessage(message),
    onMessage: (listener) =>
      worker.addEventListener("message", (event) => {
        const data = event.data;
        if (typeof data === "object" && data !== null && typeof (data as { type?: unknown }).type === "string") {
          listener(data as WorkerEvent);
        }
      }),
    onError: (listener) => worker.addEventListener("error", (event) => listener(event.message ?? "worker error")),
    onExit: () => undefined,
    ref: () => undefined,
    unref: () => undefined,
    terminate: () => worker.terminate(),
    probeStopped: () => false,
    noteAlive: () => undefined,
  };
}

/**
 * Start a worker running `source` (a self-contained classic script): Node
 * `worker_threads.Worker` with `eval: true`, else a Web Worker from a Blob URL.
 * Returns null when the environment cannot start workers.
 *
 * @example
 * const w = spawnWorker(WORKER_SOURCE, "kernex-0");
 * w?.unref();
 */
export function spawnWorker(source: string, name: string): WorkerHandle | null {
  return isNode() ? nodeWorker(source, name) : browserWorker(source, name);
}
