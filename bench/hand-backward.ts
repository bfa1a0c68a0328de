/**
 * @file Hand-written backward passes of W1's convolution (channel-first
 * 3×3×3 weights, padding ["valid", "same", "same"], so one output plane):
 * the denominators of the backward rows of bench/backward.ts. Written like
 * the forward loops of bench/hand.ts, with more care where it pays: the
 * interior without checks and unrolled over the 3×3 taps, the taps' weights
 * in locals, the border cells with checks, and the weight gradient summed
 * in nine locals per channel over one pass of the plane.
 */

/**
 * B1: x̄ and w̄ of sum(conv2d(x, w)). Each input cell gets the sum of the
 * weights whose windows read it (the whole channel's sum in the interior);
 * each weight gets the sum of the cells its tap reads.
 */
export function convGradOnes(x: Float64Array, w: Float64Array, C: number, H: number, W: number, dx: Float64Array, dw: Float64Array): void {
  const plane = H * W;
  for (let c = 0; c < C; c++) {
    const k = c * 9;
    // x̄[c, i, j] = Σ_{a,b} w[c, a, b] over the windows (i - a + 1, j - b + 1) on the grid
    let all = 0;
    for (let t = 0; t < 9; t++) all += w[k + t]!;
    const o = c * plane;
    for (let i = 0; i < H; i++) {
      const rowInterior = i > 0 && i < H - 1;
      for (let j = 0; j < W; j++) {
        if (rowInterior && j > 0 && j < W - 1) {
          dx[o + i * W + j] = all;
          continue;
        }
        let s = 0;
        for (let a = 0; a < 3; a++) {
          const gi = i - a + 1;
          if (gi < 0 || gi >= H) continue;
          for (let b = 0; b < 3; b++) {
            const gj = j - b + 1;
            if (gj >= 0 && gj < W) s += w[k + a * 3 + b]!;
          }
        }
        dx[o + i * W + j] = s;
      }
    }
    // w̄[c, a, b] = Σ_{i,j} x[c, i + a - 1, j + b - 1] (cells inside the plane)
    let s00 = 0, s01 = 0, s02 = 0, s10 = 0, s11 = 0, s12 = 0, s20 = 0, s21 = 0, s22 = 0;
    for (let i = 1; i < H - 1; i++) {
      for (let j = 1; j < W - 1; j++) {
        const p = o + i * W + j;
        s00 += x[p - W - 1]!;
        s01 += x[p - W]!;
        s02 += x[p - W + 1]!;
        s10 += x[p - 1]!;
        s11 += x[p]!;
        s12 += x[p + 1]!;
        s20 += x[p + W - 1]!;
        s21 += x[p + W]!;
        s22 += x[p + W + 1]!;
      }
    }
    const sums = [s00, s01, s02, s10, s11, s12, s20, s21, s22];
    // the border cells of the grid, with checks
    for (let i = 0; i < H; i++) {
      const rowInterior = i > 0 && i < H - 1;
      for (let j = 0; j < W; j++) {
        if (rowInterior && j > 0 && j < W - 1) continue;
        for (let a = 0; a < 3; a++) {
          const ii = i + a - 1;
          if (ii < 0 || ii >= H) continue;
          for (let b = 0; b < 3; b++) {
            const jj = j + b - 1;
            if (jj >= 0 && jj < W) sums[a * 3 + b]! += x[o + ii * W + jj]!;
          }
        }
      }
    }
    for (let t = 0; t < 9; t++) dw[k + t] = sums[t]!;
  }
}

/**
 * B1r: x̄ of sum(conv2d(x, w) · r) for a cotangent r (H, W):
 * x̄[c, i, j] = Σ_{a,b} w[c, a, b] · r[i - a + 1, j - b + 1] over the grid.
 */
export function convGradCotangent(r: Float64Array, w: Float64Array, C: number, H: number, W: number, dx: Float64Array): void {
  convGradCotangentRows(r, w, C, H, W, dx, 0, C * H);
}

/**
 * Rows [r0, r1) of B1r's x̄, counting the rows of all C channels in order
 * (row R is row R mod H of channel ⌊R / H⌋); dx indexed as the whole
 * (C, H, W) gradient. bench/hand-threads.ts runs it on each thread of its
 * two-thread baseline.
 */
export function convGradCotangentRows(r: Float64Array, w: Float64Array, C: number, H: number, W: number, dx: Float64Array, r0: number, r1: number): void {
  const plane = H * W;
  for (let c = Math.floor(r0 / H); c < C && c * H < r1; c++) {
    const k = c * 9;
    const [w00, w01, w02, w10, w11, w12, w20, w21, w22] = [w[k]!, w[k + 1]!, w[k + 2]!, w[k + 3]!, w[k + 4]!, w[k + 5]!, w[k + 6]!, w[k + 7]!, w[k + 8]!];
    const o = c * plane;
    const iEnd = Math.min(H, r1 - c * H);
    for (let i = Math.max(0, r0 - c * H); i < iEnd; i++) {
      const rowInterior = i > 0 && i < H - 1;
      for (let j = 0; j < W; j++) {
        const p = i * W + j;
        if (rowInterior && j > 0 && j < W - 1) {
          dx[o + p] =
            w22 * r[p - W - 1]! + w21 * r[p - W]! + w20 * r[p - W + 1]! +
            w12 * r[p - 1]! + w11 * r[p]! + w10 * r[p + 1]! +
            w02 * r[p + W - 1]! + w01 * r[p + W]! + w00 * r[p + W + 1]!;
          continue;
        }
        let s = 0;
        for (let a = 2; a >= 0; a--) {
          const gi = i - a + 1;
          if (gi < 0 || gi >= H) continue;
          for (let b = 2; b >= 0; b--) {
            const gj = j - b + 1;
            if (gj >= 0 && gj < W) s += w[k + a * 3 + b]! * r[gi * W + gj]!;
          }
        }
        dx[o + p] = s;
      }
    }
  }
}
