/**
 * @file The examples of the Python kernex README in TypeScript: convolution,
 * laplacian, patches, gaussian blur, depthwise convolution and pooling
 * (linear convection, with its plot, is in linear-convection.ts).
 */
import * as kex from "kernex";

// 1. convolution, channel first, 3x3x3 kernel
const conv = kex.jit(kex.kmap({ kernelSize: [3, 3, 3], padding: ["valid", "same", "same"] }, (x, w) => kex.sum(x * w)));
const image = kex.arange(3 * 5 * 5).reshape([3, 5, 5]);
const weights = kex.full([3, 3, 3], 1 / 27);
console.log("conv2d output shape:", conv(image, weights).shape); // [1, 5, 5]

// 2. laplacian with relative indexing
const laplacian = kex.kmap({ kernelSize: [3, 3], padding: "valid", relative: true }, (x) =>
  0 * x[1][-1] + 1 * x[1][0] + 0 * x[1][1] + 1 * x[0][-1] - 4 * x[0][0] + 1 * x[0][1] + 0 * x[-1][-1] + 1 * x[-1][0] + 0 * x[-1][1]);
console.log("laplacian of ones([10, 10]) is all zeros:", laplacian(kex.ones([10, 10])).data.every((v) => v === 0));

// 3. patches
const getPatches = kex.jit(kex.kmap({ kernelSize: [3, 3], padding: "same" }, (x) => x));
const mat = kex.arange(1, 26).reshape([5, 5]);
const patches = getPatches(mat);
console.log("patches shape:", patches.shape, "patch at (0, 0):", (patches.toArray() as number[][][][])[0]![0]);

// 4. linear convection: see linear-convection.ts (kscan + function mesh + named axes, with a plot)

// 5. gaussian blur
function gaussianBlur(img: kex.NDArray, sigma: number, size: number): kex.NDArray {
  const t = kex.linspace(-(size - 1) / 2, (size - 1) / 2, size);
  const g = kex.exp(kex.mul(-0.5 / Math.sqrt(sigma), kex.square(t)));
  const w2 = kex.mul(g.reshape([size, 1]), g.reshape([1, size]));
  const w = kex.div(w2, kex.sum(w2));
  return kex.kmap({ kernelSize: [size, size], padding: "same", scope: { w } }, (x) => kex.sum(kex.mul(x, w)))(img);
}
console.log("gaussian blur of ones keeps the interior at 1:", gaussianBlur(kex.ones([16, 16]), 1, 5).get(8, 8).toFixed(6));

// 6. depthwise convolution, channel first: each channel with its own 3x3 weights
// (the channels are mapped with a loop here; seed-transforms.ts maps them with kex.vmap)
const [h, wd, ch, k] = [5, 5, 2, 3];
const xs = kex.arange(1, h * wd * ch + 1).reshape([ch, h, wd]);
const ws = kex.arange(1, k * k * ch + 1).reshape([ch, k, k]);
const conv2d = kex.kmap({ kernelSize: [3, 3], padding: ["same", "same"] }, (x, w) => kex.sum(x * w));
const depthwise = kex.stack(Array.from({ length: ch }, (_, c) => conv2d(xs.slice(`${c}`), ws.slice(`${c}`))));
console.log("depthwise convolution, shape", depthwise.shape, "channel 0, row 0:", (depthwise.toArray() as number[][][])[0]![0]);

// 7. pooling
const maxpool = kex.kmap({ kernelSize: [3, 3], strides: [2, 2] }, (x) => kex.max(x));
const avgpool = kex.kmap({ kernelSize: [3, 3], strides: [2, 2] }, (x) => kex.mean(x));
console.log("max pool:", maxpool(mat).toArray(), "avg pool:", avgpool(mat).toArray());
