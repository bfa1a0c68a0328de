/**
 * @file The two simulations of the live page (examples/web/), without the
 * DOM: one step of the heat equation and one of Conway's Game of Life, both
 * kmaps on a torus (`padMode: "wrap"`), their initial states, and the colour
 * maps that turn a state into canvas pixels. main.ts runs them in the page;
 * test/examples/web-simulations.test.ts checks them against plain loops.
 */
import * as kex from "kernex";

/**
 * One explicit Euler step of u_t = Δu on a torus with α·Δt/h² = r:
 * u + r·(five-point laplacian of u). Stable for r ≤ 1/4.
 *
 * @example
 * const step = heatStep(0.2);
 * kex.sum(step(kex.ones([8, 8]))).item(); // 64: heat is conserved
 */
export function heatStep(r: number): kex.StencilFunction {
  return kex.kmap({ kernelSize: [3, 3], padding: "same", padMode: "wrap", relative: true, scope: { r } }, (u) =>
    u[0][0] + r * (u[1][0] + u[-1][0] + u[0][1] + u[0][-1] - 4 * u[0][0]));
}

/**
 * One generation of Conway's Game of Life on a torus: a live cell (1) with 2
 * or 3 live neighbours stays alive, a dead cell (0) with exactly 3 becomes
 * alive, every other cell is dead. The rule is a chain of selects on the
 * neighbour count n, written with `? :` (counts are whole numbers, so the
 * tests compare against half-way points).
 *
 * @example
 * const blinker = kex.zeros([5, 5]).with("2, 1:4", 1);
 * lifeStep(lifeStep(blinker)).toArray(); // the same blinker again
 */
export const lifeStep: kex.StencilFunction = kex.kmap(
  { kernelSize: [3, 3], padding: "same", padMode: "wrap", relative: true },
  (x) => {
    const n = x[-1][-1] + x[-1][0] + x[-1][1] + x[0][-1] + x[0][1] + x[1][-1] + x[1][0] + x[1][1];
    return n < 1.5 ? 0 : n < 2.5 ? x[0][0] : n < 3.5 ? 1 : 0;
  },
);

/**
 * mulberry32: a small seeded generator, so a page (and a test) starts from
 * the same state every time.
 *
 * @example
 * const random = seeded(1);
 * random() === seeded(1)(); // true
 */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * An n×n Game of Life board with about a third of the cells alive.
 *
 * @example
 * randomBoard(16, seeded(2)).shape; // [16, 16]
 */
export function randomBoard(n: number, random: () => number): kex.NDArray {
  return kex.array(Float64Array.from({ length: n * n }, () => (random() < 0.33 ? 1 : 0)), { shape: [n, n] });
}

/**
 * A drop of heat: a Gaussian bump of height 1 and width n/16 around a random
 * cell, measured along the torus (the shorter way round), to add to a state.
 *
 * @example
 * kex.max(heatDrop(32, seeded(3))).item(); // about 1
 */
export function heatDrop(n: number, random: () => number): kex.NDArray {
  const [ci, cj] = [Math.floor(random() * n), Math.floor(random() * n)];
  const width = n / 16;
  const around = (d: number): number => Math.min(Math.abs(d), n - Math.abs(d));
  const values = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) values[i * n + j] = Math.exp(-(around(i - ci) ** 2 + around(j - cj) ** 2) / (2 * width * width));
  }
  return kex.array(values, { shape: [n, n] });
}

/** Anchor colours of the inferno map at 0, 0.25, 0.5, 0.75 and 1; colours in between are interpolated. */
const INFERNO: readonly (readonly [number, number, number])[] = [
  [0, 0, 4],
  [87, 16, 110],
  [188, 55, 84],
  [249, 142, 9],
  [252, 255, 164],
];

/**
 * Canvas pixels (RGBA) of a state: values in [0, top] through the inferno
 * colour map (heat), or live cells light on a dark board (life).
 *
 * @example
 * const px = toPixels(kex.array([[0, 1]]), "life", 1);
 * Array.from(px.slice(4, 8)); // [240, 240, 230, 255]
 */
export function toPixels(state: kex.NDArray, kind: "heat" | "life", top: number): Uint8ClampedArray<ArrayBuffer> {
  const values = state.data;
  const px = new Uint8ClampedArray(values.length * 4);
  for (let k = 0; k < values.length; k++) {
    const v = values[k]!;
    let rgb: readonly [number, number, number];
    if (kind === "life") {
      rgb = v > 0.5 ? [240, 240, 230] : [24, 28, 40];
    } else {
      const t = Math.min(Math.max(v / top, 0), 1) * (INFERNO.length - 1);
      const i = Math.min(Math.floor(t), INFERNO.length - 2);
      const f = t - i;
      const [a, b] = [INFERNO[i]!, INFERNO[i + 1]!];
      rgb = [a[0] + f * (b[0] - a[0]), a[1] + f * (b[1] - a[1]), a[2] + f * (b[2] - a[2])];
    }
    px.set([rgb[0], rgb[1], rgb[2], 255], k * 4);
  }
  return px;
}
