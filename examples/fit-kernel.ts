/**
 * @file Learn a 3×3 convolution kernel from an input image and its filtered
 * output, with kex.grad and plain gradient descent.
 *
 * The model is a kmap convolution whose weights are an argument:
 * out = conv(image, w). The loss is the mean squared difference from the
 * target, and `kex.grad(loss)` gives its gradient with respect to w. The
 * input is uniform noise in [-1, 1], so the loss is a well-conditioned
 * quadratic in w and descent with a fixed step converges geometrically.
 * Writes out/fit-kernel.svg: the loss curve and the true and learned kernels.
 */
import * as kex from "kernex";
import { heatMap, linePlot, sideBySide, writePlot } from "./plot";

/** mulberry32: a small seeded generator, so the example prints the same numbers every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const size = 32;
const rand = random(7);
const image = kex.array(Float64Array.from({ length: size * size }, () => 2 * rand() - 1), { shape: [size, size] });

const conv = kex.kmap({ kernelSize: [3, 3], padding: "same" }, (x, w) => kex.sum(x * w));
const trueKernel = kex.array([
  [1, 0, -1],
  [2, 0, -2],
  [1, 0, -1],
]); // a Sobel filter: horizontal gradient
const target = conv(image, trueKernel);

const loss = (w: kex.NDArray) => kex.mean(kex.square(kex.sub(conv(image, w), target)));
const lossGrad = kex.jit(kex.grad(loss));

const [iterations, rate] = [30, 0.5];
let w = kex.zeros([3, 3]);
const history = [loss(w).item()];
for (let k = 0; k < iterations; k++) {
  w = kex.sub(w, kex.mul(rate, lossGrad(w)));
  history.push(loss(w).item());
}

const learned = (w.toArray() as number[][]).map((row) => row.map((v) => Number(v.toFixed(4)) + 0)); // + 0 turns -0 into 0
console.log(`fit kernel: loss ${history[0]!.toFixed(3)} -> ${history[iterations]!.toExponential(2)} after ${iterations} steps; learned kernel:`, learned);
console.log(`fit kernel: max |learned - true| = ${kex.max(kex.abs(kex.sub(w, trueKernel))).item().toExponential(2)}`);

const kernelOptions = { width: 180, height: 180, valueRange: [-2, 2], colorLabel: "w" } as const;
const plot = sideBySide([
  linePlot([{ x: history.map((_, k) => k), y: history, label: "mean squared error" }], { title: "Gradient descent on the kernel", xLabel: "step", yLabel: "loss", yScale: "log", width: 300, height: 180 }),
  heatMap(trueKernel.data, [3, 3], { ...kernelOptions, title: "true kernel" }),
  heatMap(w.data, [3, 3], { ...kernelOptions, title: "learned kernel" }),
]);
console.log(`wrote ${await writePlot("fit-kernel.svg", plot)}`);
