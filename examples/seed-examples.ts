/**
 * @file The examples of the Python kernex README in TypeScript: convolution,
 * laplacian, patches, linear convection, gaussian blur and pooling.
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

// 4. linear convection: kscan + function mesh + named axes
const [tmax, xmax, nt, nx, c] = [0.5, 2.0, 151, 51, 0.5];
const dt = tmax / (nt - 1);
const dx = xmax / (nx - 1);
const F = kex.kscan({ kernelSize: [3, 3], padding: [[1, 1], [1, 1]], namedAxis: { 0: "n", 1: "i" }, relative: true, scope: { c, dt, dx } });
const bc = () => 1;
const ic1 = () => 1;
const ic2 = () => 2;
F.at[":, 0"] = F.at[":, -1"] = bc;
F.at[`:, :${Math.trunc((nx - 1) / 4) + 1}`] = F.at[`:, ${Math.trunc((nx - 1) / 2)}:`] = ic1;
F.at[`0:1, ${Math.trunc((nx - 1) / 4) + 1}:${Math.trunc((nx - 1) / 2)}`] = ic2;
F.at["1:, 1:-1"] = (u) => u.at("i", "n-1") - ((c * dt) / dx) * (u.at("i", "n-1") - u.at("i-1", "n-1"));
const solution = F(kex.ones([nt, nx]));
const last = solution.slice("-1");
console.log("linear convection, max of u at t = tmax:", kex.max(last).item().toFixed(4));

// 5. gaussian blur
function gaussianBlur(img: kex.NDArray, sigma: number, size: number): kex.NDArray {
  const t = kex.linspace(-(size - 1) / 2, (size - 1) / 2, size);
  const g = kex.exp(kex.mul(-0.5 / Math.sqrt(sigma), kex.square(t)));
  const w2 = kex.mul(g.reshape([size, 1]), g.reshape([1, size]));
  const w = kex.div(w2, kex.sum(w2));
  return kex.kmap({ kernelSize: [size, size], padding: "same", scope: { w } }, (x) => kex.sum(kex.mul(x, w)))(img);
}
console.log("gaussian blur of ones keeps the interior at 1:", gaussianBlur(kex.ones([16, 16]), 1, 5).get(8, 8).toFixed(6));

// 7. pooling
const maxpool = kex.kmap({ kernelSize: [3, 3], strides: [2, 2] }, (x) => kex.max(x));
const avgpool = kex.kmap({ kernelSize: [3, 3], strides: [2, 2] }, (x) => kex.mean(x));
console.log("max pool:", maxpool(mat).toArray(), "avg pool:", avgpool(mat).toArray());
