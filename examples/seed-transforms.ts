/**
 * @file The examples of the Python kernex README that use jax.grad and
 * jax.vmap, with kex.grad and kex.vmap: the gradient of a function mesh,
 * depthwise convolution and pooling mapped over channels.
 */
import * as kex from "kernex";

// the gradient of a function mesh: x² at index 0, x³ elsewhere
const F = kex.kmap({ kernelSize: 1 });
F.at["0"] = (x) => x[0] ** 2;
F.at["1:"] = (x) => x[0] ** 3;
const xs = kex.arange(1, 11);
console.log("function mesh:", F(xs).toArray()); // [1, 8, 27, ..., 1000]
const dF = kex.grad((x: kex.NDArray) => kex.sum(F(x)));
console.log("its gradient:", (dF(xs) as kex.NDArray).toArray()); // [2, 12, 27, 48, ..., 300]

// depthwise convolution: one 3x3 kernel per channel, vmap over the channel axis
const [h, w, c, k] = [5, 5, 2, 3];
const x = kex.arange(1, h * w * c + 1).reshape([c, h, w]);
const weights = kex.arange(1, k * k * c + 1).reshape([c, k, k]);
const conv2d = kex.kmap({ kernelSize: [3, 3], padding: ["same", "same"] }, (x, w) => kex.sum(x * w));
const depthwise = kex.jit(kex.vmap(conv2d));
const byLoop = kex.stack(Array.from({ length: c }, (_, i) => conv2d(x.slice(`${i}`), weights.slice(`${i}`))));
console.log("depthwise convolution:", depthwise(x, weights).shape, "same as a loop over channels:", kex.max(kex.abs(kex.sub(depthwise(x, weights), byLoop))).item() === 0);

// max and average pooling over the spatial axes of every channel
const maxpool = kex.vmap(kex.kmap({ kernelSize: [3, 3], strides: [2, 2] }, (x) => kex.max(x)));
const avgpool = kex.vmap(kex.kmap({ kernelSize: [3, 3], strides: [2, 2] }, (x) => kex.mean(x)));
console.log("max pool:", maxpool(x).toArray(), "avg pool:", avgpool(x).toArray());
