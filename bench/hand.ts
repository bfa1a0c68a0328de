/**
 * @file Hand-written Float64Array loops doing the same work as each benchmark
 * workload: what a performance engineer would write — the interior fully
 * unrolled with constant offsets from one running index, weights in locals,
 * borders in separate loops with checks, no branch in the inner loop. They
 * are the denominators of the ratios in bench/run.ts and bench/loops.ts and
 * double as value checks. Like kernex, each writes a freshly allocated
 * output (the caller allocates it in the task).
 */

/** W1: channel-first 3×3×3 convolution, padding ["valid", "same", "same"]; C = 3 unrolled, weights in locals. */
export function conv2d(x: Float64Array, w: Float64Array, C: number, H: number, W: number, out: Float64Array): void {
  conv2dRows(x, w, C, H, W, out, 0, H);
}

/**
 * Output rows [r0, r1) of W1 (out indexed as the whole H×W result): the
 * interior unrolled, its borders with checks. bench/hand-threads.ts runs it
 * on each thread of its two-thread baseline.
 */
export function conv2dRows(x: Float64Array, w: Float64Array, C: number, H: number, W: number, out: Float64Array, r0: number, r1: number): void {
  if (C !== 3 || H < 3 || W < 3) {
    conv2dBorder(x, w, C, H, W, out, r0, r1, 0, W);
    return;
  }
  const i0 = Math.max(1, r0);
  const i1 = Math.min(H - 1, r1);
  const [a00, a01, a02, a10, a11, a12, a20, a21, a22] = [w[0]!, w[1]!, w[2]!, w[3]!, w[4]!, w[5]!, w[6]!, w[7]!, w[8]!];
  const [b00, b01, b02, b10, b11, b12, b20, b21, b22] = [w[9]!, w[10]!, w[11]!, w[12]!, w[13]!, w[14]!, w[15]!, w[16]!, w[17]!];
  const [c00, c01, c02, c10, c11, c12, c20, c21, c22] = [w[18]!, w[19]!, w[20]!, w[21]!, w[22]!, w[23]!, w[24]!, w[25]!, w[26]!];
  const P = H * W;
  const P2 = 2 * P;
  const W2 = 2 * W;
  for (let i = i0; i < i1; i++) {
    // q: the window's first cell in channel 0
    let q = (i - 1) * W;
    let o = i * W + 1;
    for (let j = 1; j < W - 1; j++, q++, o++) {
      out[o] =
        x[q]! * a00 + x[q + 1]! * a01 + x[q + 2]! * a02 + x[q + W]! * a10 + x[q + W + 1]! * a11 + x[q + W + 2]! * a12 + x[q + W2]! * a20 + x[q + W2 + 1]! * a21 + x[q + W2 + 2]! * a22 +
        x[q + P]! * b00 + x[q + P + 1]! * b01 + x[q + P + 2]! * b02 + x[q + P + W]! * b10 + x[q + P + W + 1]! * b11 + x[q + P + W + 2]! * b12 + x[q + P + W2]! * b20 + x[q + P + W2 + 1]! * b21 + x[q + P + W2 + 2]! * b22 +
        x[q + P2]! * c00 + x[q + P2 + 1]! * c01 + x[q + P2 + 2]! * c02 + x[q + P2 + W]! * c10 + x[q + P2 + W + 1]! * c11 + x[q + P2 + W + 2]! * c12 + x[q + P2 + W2]! * c20 + x[q + P2 + W2 + 1]! * c21 + x[q + P2 + W2 + 2]! * c22;
    }
  }
  if (r0 === 0) conv2dBorder(x, w, C, H, W, out, 0, 1, 0, W);
  if (r1 === H) conv2dBorder(x, w, C, H, W, out, H - 1, H, 0, W);
  conv2dBorder(x, w, C, H, W, out, i0, i1, 0, 1);
  conv2dBorder(x, w, C, H, W, out, i0, i1, W - 1, W);
}

/** The cells [i0, i1) × [j0, j1) of W1, with bounds checks. */
export function conv2dBorder(x: Float64Array, w: Float64Array, C: number, H: number, W: number, out: Float64Array, i0: number, i1: number, j0: number, j1: number): void {
  const plane = H * W;
  for (let i = i0; i < i1; i++) {
    for (let j = j0; j < j1; j++) {
      let s = 0;
      for (let c = 0; c < C; c++) {
        for (let a = 0; a < 3; a++) {
          const ii = i + a - 1;
          if (ii < 0 || ii >= H) continue;
          for (let b = 0; b < 3; b++) {
            const jj = j + b - 1;
            if (jj < 0 || jj >= W) continue;
            s += x[c * plane + ii * W + jj]! * w[c * 9 + a * 3 + b]!;
          }
        }
      }
      out[i * W + j] = s;
    }
  }
}

/** W2: patches of a vector, kernel 3, "same": out[i] = [x[i-1], x[i], x[i+1]]. */
export function patches1d(x: Float64Array, out: Float64Array): void {
  const n = x.length;
  out[0] = 0;
  out[1] = x[0]!;
  out[2] = n > 1 ? x[1]! : 0;
  for (let i = 1; i < n - 1; i++) {
    const o = 3 * i;
    out[o] = x[i - 1]!;
    out[o + 1] = x[i]!;
    out[o + 2] = x[i + 1]!;
  }
  const o = 3 * (n - 1);
  out[o] = x[n - 2]!;
  out[o + 1] = x[n - 1]!;
  out[o + 2] = 0;
}

/** W3: 5-point laplacian, "valid": one running index per row, constant offsets. */
export function laplacian(x: Float64Array, H: number, W: number, out: Float64Array): void {
  laplacianRows(x, H, W, out, 0, H - 2);
}

/** Output rows [r0, r1) of W3 (out indexed as the whole (H−2)×(W−2) result). */
export function laplacianRows(x: Float64Array, H: number, W: number, out: Float64Array, r0: number, r1: number): void {
  const ow = W - 2;
  for (let i = r0 + 1; i < r1 + 1; i++) {
    let k = i * W + 1;
    let o = (i - 1) * ow;
    const end = o + ow;
    for (; o < end; o++, k++) out[o] = x[k - W]! + x[k + W]! + x[k - 1]! + x[k + 1]! - 4 * x[k]!;
  }
}

/** W4: 3×3 max-pool, stride 2, per channel: the nine reads unrolled, a running maximum by selects (measured ~1.35× faster than a tree of Math.max here). */
export function maxpool(x: Float64Array, C: number, H: number, W: number, out: Float64Array): void {
  const oh = Math.floor((H - 3) / 2) + 1;
  const ow = Math.floor((W - 3) / 2) + 1;
  const W2 = 2 * W;
  let o = 0;
  for (let c = 0; c < C; c++) {
    for (let i = 0; i < oh; i++) {
      let q = c * H * W + 2 * i * W;
      for (let j = 0; j < ow; j++, q += 2, o++) {
        let m = x[q]!;
        let v = x[q + 1]!;
        m = v > m ? v : m;
        v = x[q + 2]!;
        m = v > m ? v : m;
        v = x[q + W]!;
        m = v > m ? v : m;
        v = x[q + W + 1]!;
        m = v > m ? v : m;
        v = x[q + W + 2]!;
        m = v > m ? v : m;
        v = x[q + W2]!;
        m = v > m ? v : m;
        v = x[q + W2 + 1]!;
        m = v > m ? v : m;
        v = x[q + W2 + 2]!;
        out[o] = v > m ? v : m;
      }
    }
  }
}

/** W5: linear convection on an (nt, nx) grid, square-wave initial condition, fixed boundaries. */
export function linearConvection(nt: number, nx: number, c: number, dt: number, dx: number, out: Float64Array): void {
  const q = Math.trunc((nx - 1) / 4) + 1;
  const h = Math.trunc((nx - 1) / 2);
  out.fill(1);
  for (let i = q; i < h; i++) out[i] = 2;
  const k = (c * dt) / dx;
  for (let n = 1; n < nt; n++) {
    const row = n * nx;
    const prev = row - nx;
    for (let i = 1; i < nx - 1; i++) out[row + i] = out[prev + i]! - k * (out[prev + i]! - out[prev + i - 1]!);
  }
}

/** W7: K×K blur with weights w, "same" padding (zeros outside); K = 7: the interior unrolled, weights in locals. */
export function blur(x: Float64Array, w: Float64Array, K: number, H: number, W: number, out: Float64Array): void {
  blurRows(x, w, K, H, W, out, 0, H);
}

/** Output rows [r0, r1) of W7 (out indexed as the whole H×W result): the interior unrolled, its borders with checks. */
export function blurRows(x: Float64Array, w: Float64Array, K: number, H: number, W: number, out: Float64Array, r0: number, r1: number): void {
  if (K !== 7 || H < 7 || W < 7) {
    blurBorder(x, w, K, H, W, out, r0, r1, 0, W);
    return;
  }
  const i0 = Math.max(3, r0);
  const i1 = Math.min(H - 3, r1);
  const w00 = w[0]!, w01 = w[1]!, w02 = w[2]!, w03 = w[3]!, w04 = w[4]!, w05 = w[5]!, w06 = w[6]!;
  const w10 = w[7]!, w11 = w[8]!, w12 = w[9]!, w13 = w[10]!, w14 = w[11]!, w15 = w[12]!, w16 = w[13]!;
  const w20 = w[14]!, w21 = w[15]!, w22 = w[16]!, w23 = w[17]!, w24 = w[18]!, w25 = w[19]!, w26 = w[20]!;
  const w30 = w[21]!, w31 = w[22]!, w32 = w[23]!, w33 = w[24]!, w34 = w[25]!, w35 = w[26]!, w36 = w[27]!;
  const w40 = w[28]!, w41 = w[29]!, w42 = w[30]!, w43 = w[31]!, w44 = w[32]!, w45 = w[33]!, w46 = w[34]!;
  const w50 = w[35]!, w51 = w[36]!, w52 = w[37]!, w53 = w[38]!, w54 = w[39]!, w55 = w[40]!, w56 = w[41]!;
  const w60 = w[42]!, w61 = w[43]!, w62 = w[44]!, w63 = w[45]!, w64 = w[46]!, w65 = w[47]!, w66 = w[48]!;
  const W1 = W, W2 = 2 * W, W3 = 3 * W, W4 = 4 * W, W5 = 5 * W, W6 = 6 * W;
  for (let i = i0; i < i1; i++) {
    let q = (i - 3) * W;
    let o = i * W + 3;
    for (let j = 3; j < W - 3; j++, q++, o++) {
      out[o] =
          x[q]! * w00 + x[q + 1]! * w01 + x[q + 2]! * w02 + x[q + 3]! * w03 + x[q + 4]! * w04 + x[q + 5]! * w05 + x[q + 6]! * w06 +
          x[q + W1]! * w10 + x[q + W1 + 1]! * w11 + x[q + W1 + 2]! * w12 + x[q + W1 + 3]! * w13 + x[q + W1 + 4]! * w14 + x[q + W1 + 5]! * w15 + x[q + W1 + 6]! * w16 +
          x[q + W2]! * w20 + x[q + W2 + 1]! * w21 + x[q + W2 + 2]! * w22 + x[q + W2 + 3]! * w23 + x[q + W2 + 4]! * w24 + x[q + W2 + 5]! * w25 + x[q + W2 + 6]! * w26 +
          x[q + W3]! * w30 + x[q + W3 + 1]! * w31 + x[q + W3 + 2]! * w32 + x[q + W3 + 3]! * w33 + x[q + W3 + 4]! * w34 + x[q + W3 + 5]! * w35 + x[q + W3 + 6]! * w36 +
          x[q + W4]! * w40 + x[q + W4 + 1]! * w41 + x[q + W4 + 2]! * w42 + x[q + W4 + 3]! * w43 + x[q + W4 + 4]! * w44 + x[q + W4 + 5]! * w45 + x[q + W4 + 6]! * w46 +
          x[q + W5]! * w50 + x[q + W5 + 1]! * w51 + x[q + W5 + 2]! * w52 + x[q + W5 + 3]! * w53 + x[q + W5 + 4]! * w54 + x[q + W5 + 5]! * w55 + x[q + W5 + 6]! * w56 +
          x[q + W6]! * w60 + x[q + W6 + 1]! * w61 + x[q + W6 + 2]! * w62 + x[q + W6 + 3]! * w63 + x[q + W6 + 4]! * w64 + x[q + W6 + 5]! * w65 + x[q + W6 + 6]! * w66;
    }
  }
  blurBorder(x, w, K, H, W, out, r0, Math.min(3, r1), 0, W);
  blurBorder(x, w, K, H, W, out, Math.max(H - 3, r0), r1, 0, W);
  blurBorder(x, w, K, H, W, out, i0, i1, 0, 3);
  blurBorder(x, w, K, H, W, out, i0, i1, W - 3, W);
}

/** The cells [i0, i1) × [j0, j1) of a K×K "same" blur, with bounds checks. */
export function blurBorder(x: Float64Array, w: Float64Array, K: number, H: number, W: number, out: Float64Array, i0: number, i1: number, j0: number, j1: number): void {
  const r = (K - 1) >> 1;
  for (let i = i0; i < i1; i++) {
    for (let j = j0; j < j1; j++) {
      let s = 0;
      for (let a = 0; a < K; a++) {
        const ii = i + a - r;
        if (ii < 0 || ii >= H) continue;
        for (let b = 0; b < K; b++) {
          const jj = j + b - r;
          if (jj < 0 || jj >= W) continue;
          s += x[ii * W + jj]! * w[a * K + b]!;
        }
      }
      out[i * W + j] = s;
    }
  }
}

/**
 * T1: `steps` explicit steps of the 2-D heat equation u ← u + r·Δu on the
 * interior of an n×n grid (the border keeps its values), over two buffers
 * swapped after each step. Returns the buffer holding the last step.
 */
export function heatSteps(u0: Float64Array, n: number, r: number, steps: number): Float64Array {
  let a = Float64Array.from(u0);
  let b = Float64Array.from(u0);
  for (let s = 0; s < steps; s++) {
    for (let i = 1; i < n - 1; i++) {
      let k = i * n + 1;
      const end = k + n - 2;
      for (; k < end; k++) b[k] = a[k]! + r * (a[k + n]! + a[k - n]! + a[k + 1]! + a[k - 1]! - 4 * a[k]!);
    }
    const t = a;
    a = b;
    b = t;
  }
  return a;
}
