/**
 * @file The browser test's checks, run in the page against kernex's browser
 * bundle. Each check is a named function that returns plain values;
 * test/browser/browser.test.ts runs checks by name (window.kernexChecks.run)
 * and compares the values with references computed in Node by plain loops.
 */
import * as kex from "/kernex.browser.js";

// Count the Web Workers the page starts, to tell sharded runs from single-thread ones.
let workersStarted = 0;
const NativeWorker = globalThis.Worker;
globalThis.Worker = class extends NativeWorker {
  constructor(...args) {
    super(...args);
    workersStarted++;
  }
};

/** Linear convection on an [nt, nx] grid: kscan + function mesh + named axes (the seed README's example). */
function linearConvection(nt, nx) {
  const [c, dt, dx] = [0.5, 0.5 / (nt - 1), 2 / (nx - 1)];
  const F = kex.kscan({ kernelSize: [3, 3], padding: [[1, 1], [1, 1]], namedAxis: { 0: "n", 1: "i" }, relative: true, scope: { c, dt, dx } });
  const quarter = Math.trunc((nx - 1) / 4) + 1;
  const half = Math.trunc((nx - 1) / 2);
  F.at[":, 0"] = F.at[":, -1"] = () => 1;
  F.at[`:, :${quarter}`] = F.at[`:, ${half}:`] = () => 1;
  F.at[`0:1, ${quarter}:${half}`] = () => 2;
  F.at["1:, 1:-1"] = (u) => u.at("i", "n-1") - ((c * dt) / dx) * (u.at("i", "n-1") - u.at("i-1", "n-1"));
  return F;
}

const laplacian = kex.kmap({ kernelSize: [3, 3], relative: true }, (u) => u[1][0] + u[-1][0] + u[0][1] + u[0][-1] - 4 * u[0][0]);
const squares = (n) => kex.square(kex.arange(n * n).reshape([n, n]));

const checks = {
  /** kmap: window sums (the seed's quick example) and a laplacian of i² on a 5×5 grid. */
  kmap() {
    const sums = kex.kmap({ kernelSize: 3 }, (x) => kex.sum(x))(kex.array([1, 2, 3, 4, 5])).toArray();
    return { sums, laplacian: laplacian(squares(5)).toArray() };
  },

  /** kscan with a function mesh: the whole linear convection solution. */
  kscanMesh() {
    return linearConvection(151, 51)(kex.ones([151, 51])).toArray();
  },

  /** grad through a function mesh: d/dx sum(F(x)) for F = x² at 0, x³ elsewhere. */
  grad() {
    const F = kex.kmap({ kernelSize: 1 });
    F.at["0"] = (x) => x[0] ** 2;
    F.at["1:"] = (x) => x[0] ** 3;
    return kex.grad((x) => kex.sum(F(x)))(kex.arange(1, 11)).toArray();
  },

  /**
   * A large laplacian through `.async` (the call that may shard from the main
   * thread) with two workers; reports how many Web Workers the page started.
   */
  async workers() {
    kex.config({ workers: 2 });
    const n = 1024;
    const out = await laplacian.async(squares(n));
    kex.config({ workers: "auto" });
    // the laplacian of i² (i the flat index) is 2 + 2n² at every interior cell
    const expected = 2 + 2 * n * n;
    return { allCorrect: out.data.every((v) => v === expected), size: out.size, sharded: workersStarted > 0 };
  },
};

window.kernexChecks = {
  crossOriginIsolated: globalThis.crossOriginIsolated === true,
  sharedArrayBuffer: typeof SharedArrayBuffer === "function",
  run: async (name) => {
    if (!(name in checks)) throw new Error(`no check named ${name}`);
    return await checks[name]();
  },
};
document.getElementById("status").textContent = "ready";
