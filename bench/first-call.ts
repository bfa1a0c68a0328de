/**
 * @file The first call of W1's kernel (conv2d, x (3, 1024, 1024), w (3, 3, 3),
 * padding ["valid", "same", "same"]) in a fresh process: the time to import
 * kernex, the time of the first jitted call (rewrite, trace, passes, code
 * generation, `new Function` and the run; the inputs are made before it),
 * and of the second call, whose difference is the first call's fixed cost.
 * The `Cpu` fields are the process's CPU time over the same spans (all its
 * threads: V8 compiles optimized code on a thread of its own), which other
 * jobs on a busy machine disturb less than the wall-clock times.
 * Prints one JSON line; bench/call-cost.ts runs it in a process of its own.
 * With `--calls N`, also the wall-clock times of calls 3 … N (`laterMs`),
 * to see how many calls the generated code takes to reach its steady time.
 *
 * Usage: node scripts/run-ts.mjs bench/first-call.ts [--calls N]
 */
const H = 1024;

const t0 = performance.now();
const kex = await import("kernex");
const importMs = performance.now() - t0;
kex.config({ workers: 0 });
const x = kex.array(Float64Array.from({ length: 3 * H * H }, (_, i) => Math.sin(i)), { shape: [3, H, H] });
const w = kex.array(Float64Array.from({ length: 27 }, (_, i) => Math.cos(i)), { shape: [3, 3, 3] });
const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const c1 = cpu();
const t1 = performance.now();
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const conv = kex.jit(kex.kmap({ kernelSize: [3, 3, 3], padding: ["valid", "same", "same"] }, (a: any, b: any) => kex.sum(kex.mul(a, b))));
const y = conv(x, w) as InstanceType<typeof kex.NDArray>;
const callMs = performance.now() - t1;
const callCpuMs = cpu() - c1;
const c2 = cpu();
const t2 = performance.now();
conv(x, w);
const repeatMs = performance.now() - t2;
const repeatCpuMs = cpu() - c2;
if (y.shape.join(",") !== `1,${H},${H}`) throw new Error(`W1 gave shape [${y.shape.join(", ")}]`);
const calls = process.argv.includes("--calls") ? Number(process.argv[process.argv.indexOf("--calls") + 1]) : 2;
const laterMs: number[] = [];
for (let i = 3; i <= calls; i++) {
  const t = performance.now();
  conv(x, w);
  laterMs.push(performance.now() - t);
}
console.log(JSON.stringify({ importMs, callMs, repeatMs, callCpuMs, repeatCpuMs, ...(calls > 2 ? { laterMs } : {}) }));
export {};
