/**
 * @file Backward passes as a ratio to their forward pass, in the same run:
 * grad of sum(conv2d) w.r.t. the input (x of shape (3, H, H)) and grad of a
 * loss of the linear-convection kscan w.r.t. its initial state.
 */
import { Bench } from "tinybench";
import * as kex from "kernex";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Win = any;

export interface BackwardRow {
  readonly name: string;
  readonly forwardMs: number;
  readonly backwardMs: number;
  readonly ratio: number;
}

async function medians(tasks: [string, () => unknown][], quick: boolean): Promise<number[]> {
  const bench = new Bench({ time: quick ? 150 : 600, iterations: 5, warmupIterations: 3 });
  for (const [name, f] of tasks) bench.add(name, f);
  await bench.run();
  return bench.tasks.map((t) => (t.result as { latency?: { p50: number } }).latency!.p50);
}

/** W1's conv2d, its input x (3, H, H) and weights w (3, 3, 3). */
function conv2d(H: number): { x: kex.NDArray; w: kex.NDArray; conv: (x: kex.NDArray, w: kex.NDArray) => kex.NDArray } {
  const x = kex.array(Float64Array.from({ length: 3 * H * H }, (_, i) => Math.sin(i)), { shape: [3, H, H] });
  const w = kex.array(Float64Array.from({ length: 27 }, (_, i) => Math.cos(i)), { shape: [3, 3, 3] });
  const conv = kex.kmap({ kernelSize: [3, 3, 3], padding: ["valid", "same", "same"] }, (x: Win, w: Win) => kex.sum(kex.mul(x, w)));
  return { x, w, conv };
}

/**
 * The jitted gradient w.r.t. x of sum(conv2d), or with `cotangent` of
 * sum(conv2d · r) for a fixed random r (1, H, H): the backward pass of a
 * layer given the cotangent of its output. Ready to run (for the speed-up table).
 */
export function convBackward(H: number, cotangent = false): () => unknown {
  const { x, w, conv } = conv2d(H);
  const r = kex.array(Float64Array.from({ length: H * H }, (_, i) => Math.cos(i / 7)), { shape: [1, H, H] });
  const backward = kex.jit(kex.grad((a: kex.NDArray, b: kex.NDArray) => kex.sum(cotangent ? kex.mul(conv(a, b), r) : conv(a, b))));
  return () => backward(x, w);
}

export async function backwardRows(H: number, N: number, quick: boolean): Promise<BackwardRow[]> {
  const rows: BackwardRow[] = [];
  {
    const { x, w, conv } = conv2d(H);
    const loss = (a: kex.NDArray, b: kex.NDArray) => kex.sum(conv(a, b));
    const forward = kex.jit(loss);
    const backward = kex.jit(kex.grad(loss));
    const [f, b] = await medians([["forward", () => forward(x, w)], ["backward", () => backward(x, w)]], quick);
    rows.push({ name: `grad of sum(conv2d), x (3,${H},${H})`, forwardMs: f!, backwardMs: b!, ratio: b! / f! });
  }
  {
    const [c, dt, dx] = [0.5, 0.5 / (N - 1), 2 / (N - 1)];
    const F = kex.kscan({ kernelSize: [3, 3], padding: [[1, 1], [1, 1]], relative: true, namedAxis: { 0: "n", 1: "i" }, scope: { c, dt, dx } });
    F.at[":, 0"] = F.at[":, -1"] = (u: Win) => u.at("n", "i");
    F.at["1:, 1:-1"] = (u: Win) => u.at("i", "n-1") - ((c * dt) / dx) * (u.at("i", "n-1") - u.at("i-1", "n-1"));
    const u0 = kex.array(Float64Array.from({ length: N * N }, (_, i) => 1 + 0.5 * Math.sin(i / 97)), { shape: [N, N] });
    const loss = (u: kex.NDArray) => kex.sum(kex.square(F(u)));
    const forward = kex.jit(loss);
    const backward = kex.jit(kex.grad(loss));
    const [f, b] = await medians([["forward", () => forward(u0)], ["backward", () => backward(u0)]], quick);
    rows.push({ name: `grad of a linear-convection kscan loss, (${N},${N})`, forwardMs: f!, backwardMs: b!, ratio: b! / f! });
  }
  return rows;
}
