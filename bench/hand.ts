/**
 * @file Hand-written Float64Array loops doing the same work as each benchmark
 * workload: what a careful JavaScript programmer would write (interior loops
 * without checks, borders with checks). They are the denominators of the
 * ratios in bench/run.ts and double as value checks. Like kernex, each
 * returns a freshly allocated output (bench/run.ts allocates it in the task).
 */

/** W1: channel-first 3×3×3 convolution, padding ["valid", "same", "same"]. */
export function conv2d(x: Float64Array, w: Float64Array, C: number, H: number, W: number, out: Float64Array): void {
  const plane = H * W;
  for (let i = 0; i < H; i++) {
    for (let j = 0; j < W; j++) {
      let s = 0;
      const border = i === 0 || j === 0 || i === H - 1 || j === W - 1;
      for (let c = 0; c < C; c++) {
        for (let a = 0; a < 3; a++) {
          const ii = i + a - 1;
          if (border && (ii < 0 || ii >= H)) continue;
          for (let b = 0; b < 3; b++) {
            const jj = j + b - 1;
            if (border && (jj < 0 || jj >= W)) continue;
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

/** W3: 5-point laplacian, "valid". */
export function laplacian(x: Float64Array, H: number, W: number, out: Float64Array): void {
  const ow = W - 2;
  for (let i = 1; i < H - 1; i++) {
    for (let j = 1; j < W - 1; j++) {
      const k = i * W + j;
      out[(i - 1) * ow + (j - 1)] = x[k - W]! + x[k + W]! + x[k - 1]! + x[k + 1]! - 4 * x[k]!;
    }
  }
}

/** W4: 3×3 max-pool, stride 2, per channel. */
export function maxpool(x: Float64Array, C: number, H: number, W: number, out: Float64Array): void {
  const oh = Math.floor((H - 3) / 2) + 1;
  const ow = Math.floor((W - 3) / 2) + 1;
  for (let c = 0; c < C; c++) {
    for (let i = 0; i < oh; i++) {
      for (let j = 0; j < ow; j++) {
        let m = -Infinity;
        const base = c * H * W + 2 * i * W + 2 * j;
        for (let a = 0; a < 3; a++) for (let b = 0; b < 3; b++) m = Math.max(m, x[base + a * W + b]!);
        out[(c * oh + i) * ow + j] = m;
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

/** W7: K×K blur with weights w, "same" padding (zeros outside). */
export function blur(x: Float64Array, w: Float64Array, K: number, H: number, W: number, out: Float64Array): void {
  const r = (K - 1) >> 1;
  for (let i = 0; i < H; i++) {
    const interiorRow = i >= r && i < H - r;
    for (let j = 0; j < W; j++) {
      let s = 0;
      if (interiorRow && j >= r && j < W - r) {
        let base = (i - r) * W + (j - r);
        for (let a = 0; a < K; a++, base += W) for (let b = 0; b < K; b++) s += x[base + b]! * w[a * K + b]!;
      } else {
        for (let a = 0; a < K; a++) {
          const ii = i + a - r;
          if (ii < 0 || ii >= H) continue;
          for (let b = 0; b < K; b++) {
            const jj = j + b - r;
            if (jj < 0 || jj >= W) continue;
            s += x[ii * W + jj]! * w[a * K + b]!;
          }
        }
      }
      out[i * W + j] = s;
    }
  }
}
