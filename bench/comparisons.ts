/**
 * @file Comparison rows: TensorFlow.js (cpu backend) conv2d and maxPool, and
 * jax-js convolution, each as a ratio of its median time to the hand-written
 * loop of the same workload, measured in the same run. Libraries that cannot
 * run a workload here are reported with the reason.
 *
 * `loadJaxPeer` builds jax-js versions of W1, W3, W4 and W7 on a workload's
 * own data (float32, jax-js's default device, eager calls) for
 * `npm run bench -- --peers`, which interleaves kernex, jax-js and the
 * hand-written loop call by call.
 */
import { interleavedMedians } from "./interleave";
import * as hand from "./hand";

export interface ExtraRow {
  readonly name: string;
  readonly ratio: string;
}

/** The library's median time over the hand-written loop's, calls interleaved. */
async function ratio(a: () => unknown, b: () => unknown, quick: boolean): Promise<number> {
  const [x, y] = interleavedMedians([a, b], { timeMs: quick ? 300 : 1200 });
  return x! / y!;
}

export async function extraRows(H: number, quick: boolean): Promise<ExtraRow[]> {
  const rows: ExtraRow[] = [];
  const C = 3;
  const xd = new Float64Array(C * H * H).map((_, i) => Math.sin(i));
  const wd = new Float64Array(27).map((_, i) => Math.cos(i));
  try {
    const tf = await import("@tensorflow/tfjs-core");
    await import("@tensorflow/tfjs-backend-cpu");
    await tf.setBackend("cpu");
    // NHWC input and HWIO filter, float32 (tfjs has no float64)
    const xNHWC = new Float32Array(H * H * C);
    for (let c = 0; c < C; c++) for (let i = 0; i < H * H; i++) xNHWC[i * C + c] = xd[c * H * H + i]!;
    const wHWIO = new Float32Array(27);
    for (let c = 0; c < C; c++) for (let a = 0; a < 9; a++) wHWIO[a * C + c] = wd[c * 9 + a]!;
    const x4 = tf.tensor4d(xNHWC, [1, H, H, C]);
    const w4 = tf.tensor4d(wHWIO, [3, 3, C, 1]);
    const conv = () => tf.tidy(() => tf.conv2d(x4, w4, 1, "same").dataSync());
    rows.push({ name: "TensorFlow.js cpu conv2d (W1, float32)", ratio: (await ratio(conv, () => hand.conv2d(xd, wd, C, H, H, new Float64Array(H * H)), quick)).toFixed(2) });
    const pooled = new Float64Array(C * ((H - 3) / 2 + 1) ** 2);
    const pool = () => tf.tidy(() => tf.maxPool(x4, 3, 2, "valid").dataSync());
    rows.push({ name: "TensorFlow.js cpu maxPool (W4, float32)", ratio: (await ratio(pool, () => hand.maxpool(xd, C, H, H, new Float64Array(pooled.length)), quick)).toFixed(2) });
  } catch (e) {
    rows.push({ name: "TensorFlow.js cpu", ratio: `n/a (${(e as Error).message.split("\n")[0]})` });
  }
  try {
    const jax = await import("@jax-js/jax");
    const np = jax.numpy;
    const x = np.array(Float32Array.from(xd)).reshape([1, C, H, H]);
    const w = np.array(Float32Array.from(wd)).reshape([1, C, 3, 3]);
    const conv = () => jax.lax.conv(x.ref, w.ref, [1, 1], "SAME").dataSync();
    rows.push({ name: "jax-js conv (W1, float32, default device)", ratio: (await ratio(conv, () => hand.conv2d(xd, wd, C, H, H, new Float64Array(H * H)), quick)).toFixed(2) });
  } catch (e) {
    rows.push({ name: "jax-js conv", ratio: `n/a (${(e as Error).message.split("\n")[0]})` });
  }
  return rows;
}

/** jax-js versions of the workloads: each takes the workload's float64 data and returns a call giving the result's values. */
export interface JaxPeer {
  readonly device: string;
  conv(xd: Float64Array, wd: Float64Array, C: number, H: number): () => ArrayLike<number>;
  laplacian(xd: Float64Array, H: number): () => ArrayLike<number>;
  maxpool(xd: Float64Array, C: number, H: number): () => ArrayLike<number>;
  blur(xd: Float64Array, wd: Float64Array, K: number, H: number): () => ArrayLike<number>;
}

/** jax-js (its default device), or why it cannot run here. */
export async function loadJaxPeer(): Promise<JaxPeer | string> {
  try {
    const jax = await import("@jax-js/jax");
    const np = jax.numpy;
    const f32 = (d: Float64Array, shape: number[]) => np.array(Float32Array.from(d)).reshape(shape);
    /** A same-size 2-d convolution of one channel; `same`: "SAME" or "VALID". */
    const conv2 = (xd: Float64Array, wd: Float64Array, C: number, H: number, K: number, pad: "SAME" | "VALID") => {
      const x = f32(xd, [1, C, H, H]);
      const w = f32(wd, [1, C, K, K]);
      return () => jax.lax.conv(x.ref, w.ref, [1, 1], pad).dataSync();
    };
    const lapW = Float64Array.from([0, 1, 0, 1, -4, 1, 0, 1, 0]);
    return {
      device: String(jax.defaultDevice()),
      conv: (xd, wd, C, H) => conv2(xd, wd, C, H, 3, "SAME"),
      laplacian: (xd, H) => conv2(xd, lapW, 1, H, 3, "VALID"),
      blur: (xd, wd, K, H) => conv2(xd, wd, 1, H, K, "SAME"),
      maxpool: (xd, C, H) => {
        const x = f32(xd, [C, H, H]);
        return () => jax.lax.reduceWindow(x.ref, (w) => np.max(w), [3, 3], [2, 2]).dataSync();
      },
    };
  } catch (e) {
    return (e as Error).message.split("\n")[0]!;
  }
}
