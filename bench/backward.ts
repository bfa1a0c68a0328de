/**
 * @file Backward passes as a ratio to their forward pass, in the same run:
 * grad of sum(conv2d) w.r.t. the input (x of shape (3, H, H)) and grad of a
 * loss of the linear-convection kscan w.r.t. its initial state; and the
 * conv2d backward passes B1 and B1r against hand-written backward loops
 * (bench/hand-backward.ts), calls interleaved one by one (`npm run bench -- --backward`).
 */
import { interleavedMedians } from "./interleave";
import * as kex from "kernex";
import { convGradCotangent, convGradOnes } from "./hand-backward";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Win = any;

export interface BackwardRow {
  readonly name: string;
  readonly forwardMs: number;
  readonly backwardMs: number;
  readonly ratio: number;
}

async function medians(tasks: [string, () => unknown][], quick: boolean): Promise<number[]> {
  return interleavedMedians(tasks.map(([, f]) => f), { timeMs: quick ? 300 : 1200, warmup: 3 });
}

/** W1's conv2d, its input x (3, H, H) and weights w (3, 3, 3). */
function conv2d(H: number): { x: kex.NDArray; w: kex.NDArray; conv: (x: kex.NDArray, w: kex.NDArray) => kex.NDArray } {
  const x = kex.array(Float64Array.from({ length: 3 * H * H }, (_, i) => Math.sin(i)), { shape: [3, H, H] });
  const w = kex.array(Float64Array.from({ length: 27 }, (_, i) => Math.cos(i)), { shape: [3, 3, 3] });
  const conv = kex.kmap({ kernelSize: [3, 3, 3], padding: ["valid", "same", "same"] }, (x: Win, w: Win) => kex.sum(kex.mul(x, w)));
  return { x, w, conv };
}

/** The fixed cotangent r (1, H, H) of B1r. */
function cotangentOf(H: number): kex.NDArray {
  return kex.array(Float64Array.from({ length: H * H }, (_, i) => Math.cos(i / 7)), { shape: [1, H, H] });
}

/**
 * B1, the jitted gradient w.r.t. x and w of sum(conv2d), or with `cotangent`
 * B1r, the gradient w.r.t. x of sum(conv2d · r) for a fixed r (1, H, H): the
 * backward pass of a layer given the cotangent of its output. Ready to run
 * (for the speed-up table); returns the gradients' data.
 */
export function convBackward(H: number, cotangent = false): () => Float64Array[] {
  const { x, w, conv } = conv2d(H);
  const r = cotangentOf(H);
  const backward = cotangent
    ? kex.jit(kex.grad((a: kex.NDArray, b: kex.NDArray) => kex.sum(kex.mul(conv(a, b), r))))
    : kex.jit(kex.grad((a: kex.NDArray, b: kex.NDArray) => kex.sum(conv(a, b)), [0, 1]));
  return () => {
    const g = backward(x, w) as kex.NDArray | kex.NDArray[];
    return (Array.isArray(g) ? g : [g]).map((a) => a.data as Float64Array);
  };
}

/** The hand-written counterpart of convBackward, on the same inputs; returns x̄ (and w̄). */
function handBackward(H: number, cotangent: boolean): () => Float64Array[] {
  const { x, w } = conv2d(H);
  const [xd, wd, rd] = [x.data as Float64Array, w.data as Float64Array, cotangentOf(H).data as Float64Array];
  if (cotangent) {
    return () => {
      const dx = new Float64Array(3 * H * H);
      convGradCotangent(rd, wd, 3, H, H, dx);
      return [dx];
    };
  }
  return () => {
    const dx = new Float64Array(3 * H * H);
    const dw = new Float64Array(27);
    convGradOnes(xd, wd, 3, H, H, dx, dw);
    return [dx, dw];
  };
}

export interface HandBackwardRow {
  readonly name: string;
  readonly kernexMs: number;
  readonly handMs: number;
  readonly ratio: number;
  /** Largest |kernex − hand| over the gradients. */
  readonly maxDiff: number;
}


/**
 * B1 and B1r on one thread against the hand-written loops, calls
 * interleaved one by one (kernex, hand, kernex, hand, ...): medians.
 */
export function handBackwardRows(H: number, quick: boolean): HandBackwardRow[] {
  kex.config({ workers: 0 });
  const rows: HandBackwardRow[] = [];
  for (const cotangent of [false, true]) {
    const k = convBackward(H, cotangent);
    const h = handBackward(H, cotangent);
    const [gk, gh] = [k(), h()];
    let maxDiff = 0;
    gk.forEach((a, j) => a.forEach((v, i) => (maxDiff = Math.max(maxDiff, Math.abs(v - gh[j]![i]!)))));
    if (!(maxDiff <= 1e-9)) throw new Error(`backward rows: kernex and the hand-written loops disagree (max |diff| = ${maxDiff})`);
    const [km, hm] = interleavedMedians([k, h], { timeMs: 0, minRounds: quick ? 15 : 60, warmup: 5 });
    const name = cotangent ? `B1r: grad of sum(conv2d · r) w.r.t. x, x (3,${H},${H})` : `B1: grad of sum(conv2d) w.r.t. x and w, x (3,${H},${H})`;
    rows.push({ name, kernexMs: km!, handMs: hm!, ratio: km! / hm!, maxDiff });
  }
  kex.config({ workers: "auto" });
  return rows;
}

/** The seed's linear convection as one kscan with its whole mesh (boundaries, initial condition, interior) over (N, N). */
function seedConvection(N: number): (u: kex.NDArray) => kex.NDArray {
  const [c, dt, dx] = [0.5, 0.5 / (N - 1), 2 / (N - 1)];
  const F = kex.kscan({ kernelSize: [3, 3], padding: [[1, 1], [1, 1]], relative: true, namedAxis: { 0: "n", 1: "i" }, scope: { c, dt, dx } });
  const [a, b] = [Math.trunc(N / 4), Math.trunc(N / 2)];
  F.at[":, 0"] = F.at[":, -1"] = () => 1;
  F.at[`:, :${a}`] = F.at[`:, ${b}:`] = () => 1;
  F.at[`0:1, ${a}:${b}`] = () => 2;
  F.at["1:, 1:-1"] = (u: Win) => u.at("i", "n-1") - ((c * dt) / dx) * (u.at("i", "n-1") - u.at("i-1", "n-1"));
  return F as unknown as (u: kex.NDArray) => kex.NDArray;
}

/** The kscan row: forward and backward of sum(F(u) · r) on the seed's convection mesh, interleaved, one thread, and its two-thread backward. */
export function scanBackwardRow(N: number, quick: boolean): { forwardMs: number; backwardMs: number; ratio: number; backwardTwoMs: number } {
  const F = seedConvection(N);
  const u0 = kex.array(Float64Array.from({ length: N * N }, (_, i) => 1 + 0.5 * Math.sin(i / 97)), { shape: [N, N] });
  const r = kex.array(Float64Array.from({ length: N * N }, (_, i) => Math.cos(i / 13)), { shape: [N, N] });
  const loss = (u: kex.NDArray) => kex.sum(kex.mul(F(u), r));
  const forward = kex.jit(loss);
  const backward = kex.jit(kex.grad(loss));
  kex.config({ workers: 0 });
  const [f, b] = interleavedMedians([() => forward(u0), () => backward(u0)], { timeMs: 0, minRounds: quick ? 5 : 20, warmup: 2 });
  kex.config({ workers: 1 });
  const [b2] = interleavedMedians([() => backward(u0)], { timeMs: 0, minRounds: quick ? 5 : 20, warmup: 2 });
  kex.config({ workers: "auto" });
  return { forwardMs: f!, backwardMs: b!, ratio: b! / f!, backwardTwoMs: b2! };
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
