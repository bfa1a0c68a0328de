const r0 = (x0, e0, o0, t0, t1, c0_0, lo, hi) => {
  for (let g0 = Math.max(0, lo); g0 < Math.min(1, hi); g0++) {
    const b0 = g0 * 1 - 1;
    const q0 = 0 + b0 * 4;
    const og0 = g0;
    for (let g1 = 0; g1 < 1; g1++) {
      const b1 = g1 * 1 - 1;
      const q1 = q0 + b1 * 1;
      const og1 = og0 * 4 + g1;
      const q = q1;
      const og = og1;
      const v14 = 0 + c0_0;
      const v16 = v14 + 0;
      const v10 = -c0_0;
      const v12 = v10 * 2;
      const v15 = v12 + 0;
      const v17 = v15 + 0;
      const w1 = t0[b0 + 1] + t1[b1 + 2];
      if (w1 >= 0) {
        o0[w1] += v16;
      }
      const w4 = t0[b0 + 2] + t1[b1 + 2];
      if (w4 >= 0) {
        o0[w4] += v17;
      }
      const w7 = t0[b0 + 3] + t1[b1 + 2];
      if (w7 >= 0) {
        o0[w7] += v14;
      }
    }
    for (let g1 = 1; g1 < 3; g1++) {
      const b1 = g1 * 1 - 1;
      const q1 = q0 + b1 * 1;
      const og1 = og0 * 4 + g1;
      const q = q1;
      const og = og1;
      const v14 = 0 + c0_0;
      const v16 = v14 + 0;
      const v10 = -c0_0;
      const v12 = v10 * 2;
      const v15 = v12 + 0;
      const v17 = v15 + 0;
      const w1 = t0[b0 + 1] + t1[b1 + 2];
      if (w1 >= 0) {
        o0[w1] += v16;
      }
      const w4 = t0[b0 + 2] + t1[b1 + 2];
      if (w4 >= 0) {
        o0[w4] += v17;
      }
      const w7 = t0[b0 + 3] + t1[b1 + 2];
      if (w7 >= 0) {
        o0[w7] += v14;
      }
    }
    for (let g1 = 3; g1 < 4; g1++) {
      const b1 = g1 * 1 - 1;
      const q1 = q0 + b1 * 1;
      const og1 = og0 * 4 + g1;
      const q = q1;
      const og = og1;
      const v14 = 0 + c0_0;
      const v16 = v14 + 0;
      const v10 = -c0_0;
      const v12 = v10 * 2;
      const v15 = v12 + 0;
      const v17 = v15 + 0;
      const w1 = t0[b0 + 1] + t1[b1 + 2];
      if (w1 >= 0) {
        o0[w1] += v16;
      }
      const w4 = t0[b0 + 2] + t1[b1 + 2];
      if (w4 >= 0) {
        o0[w4] += v17;
      }
      const w7 = t0[b0 + 3] + t1[b1 + 2];
      if (w7 >= 0) {
        o0[w7] += v14;
      }
    }
  }
};
const r1 = (x0, e0, o0, t0, t1, c0_0, lo, hi) => {
  for (let g0 = Math.max(1, lo); g0 < Math.min(3, hi); g0++) {
    const b0 = g0 * 1 - 1;
    const q0 = 0 + b0 * 4;
    const og0 = g0;
    for (let g1 = 0; g1 < 1; g1++) {
      const b1 = g1 * 1 - 1;
      const q1 = q0 + b1 * 1;
      const og1 = og0 * 4 + g1;
      const q = q1;
      const og = og1;
      const v14 = 0 + c0_0;
      const v16 = v14 + 0;
      const v10 = -c0_0;
      const v12 = v10 * 2;
      const v15 = v12 + 0;
      const v17 = v15 + 0;
      const w1 = t0[b0 + 1] + t1[b1 + 2];
      if (w1 >= 0) {
        o0[w1] += v16;
      }
      const w4 = t0[b0 + 2] + t1[b1 + 2];
      if (w4 >= 0) {
        o0[w4] += v17;
      }
      const w7 = t0[b0 + 3] + t1[b1 + 2];
      if (w7 >= 0) {
        o0[w7] += v14;
      }
    }
    for (let g1 = 1; g1 < 3; g1++) {
      const b1 = g1 * 1 - 1;
      const q1 = q0 + b1 * 1;
      const og1 = og0 * 4 + g1;
      const q = q1;
      const og = og1;
      const v14 = 0 + c0_0;
      const v16 = v14 + 0;
      const v10 = -c0_0;
      const v12 = v10 * 2;
      const v15 = v12 + 0;
      const v17 = v15 + 0;
      o0[q + 1] += v16;
      o0[q + 5] += v17;
      o0[q + 9] += v14;
    }
    for (let g1 = 3; g1 < 4; g1++) {
      const b1 = g1 * 1 - 1;
      const q1 = q0 + b1 * 1;
      const og1 = og0 * 4 + g1;
      const q = q1;
      const og = og1;
      const v14 = 0 + c0_0;
      const v16 = v14 + 0;
      const v10 = -c0_0;
      const v12 = v10 * 2;
      const v15 = v12 + 0;
      const v17 = v15 + 0;
      const w1 = t0[b0 + 1] + t1[b1 + 2];
      if (w1 >= 0) {
        o0[w1] += v16;
      }
      const w4 = t0[b0 + 2] + t1[b1 + 2];
      if (w4 >= 0) {
        o0[w4] += v17;
      }
      const w7 = t0[b0 + 3] + t1[b1 + 2];
      if (w7 >= 0) {
        o0[w7] += v14;
      }
    }
  }
};
const r2 = (x0, e0, o0, t0, t1, c0_0, lo, hi) => {
  for (let g0 = Math.max(3, lo); g0 < Math.min(4, hi); g0++) {
    const b0 = g0 * 1 - 1;
    const q0 = 0 + b0 * 4;
    const og0 = g0;
    for (let g1 = 0; g1 < 1; g1++) {
      const b1 = g1 * 1 - 1;
      const q1 = q0 + b1 * 1;
      const og1 = og0 * 4 + g1;
      const q = q1;
      const og = og1;
      const v14 = 0 + c0_0;
      const v16 = v14 + 0;
      const v10 = -c0_0;
      const v12 = v10 * 2;
      const v15 = v12 + 0;
      const v17 = v15 + 0;
      const w1 = t0[b0 + 1] + t1[b1 + 2];
      if (w1 >= 0) {
        o0[w1] += v16;
      }
      const w4 = t0[b0 + 2] + t1[b1 + 2];
      if (w4 >= 0) {
        o0[w4] += v17;
      }
      const w7 = t0[b0 + 3] + t1[b1 + 2];
      if (w7 >= 0) {
        o0[w7] += v14;
      }
    }
    for (let g1 = 1; g1 < 3; g1++) {
      const b1 = g1 * 1 - 1;
      const q1 = q0 + b1 * 1;
      const og1 = og0 * 4 + g1;
      const q = q1;
      const og = og1;
      const v14 = 0 + c0_0;
      const v16 = v14 + 0;
      const v10 = -c0_0;
      const v12 = v10 * 2;
      const v15 = v12 + 0;
      const v17 = v15 + 0;
      const w1 = t0[b0 + 1] + t1[b1 + 2];
      if (w1 >= 0) {
        o0[w1] += v16;
      }
      const w4 = t0[b0 + 2] + t1[b1 + 2];
      if (w4 >= 0) {
        o0[w4] += v17;
      }
      const w7 = t0[b0 + 3] + t1[b1 + 2];
      if (w7 >= 0) {
        o0[w7] += v14;
      }
    }
    for (let g1 = 3; g1 < 4; g1++) {
      const b1 = g1 * 1 - 1;
      const q1 = q0 + b1 * 1;
      const og1 = og0 * 4 + g1;
      const q = q1;
      const og = og1;
      const v14 = 0 + c0_0;
      const v16 = v14 + 0;
      const v10 = -c0_0;
      const v12 = v10 * 2;
      const v15 = v12 + 0;
      const v17 = v15 + 0;
      const w1 = t0[b0 + 1] + t1[b1 + 2];
      if (w1 >= 0) {
        o0[w1] += v16;
      }
      const w4 = t0[b0 + 2] + t1[b1 + 2];
      if (w4 >= 0) {
        o0[w4] += v17;
      }
      const w7 = t0[b0 + 3] + t1[b1 + 2];
      if (w7 >= 0) {
        o0[w7] += v14;
      }
    }
  }
};
return function (f, t, s, lo, hi, k) {
  const x0 = f[0];
  const e0 = f[1];
  const o0 = f[2];
  const t0 = t[0];
  const t1 = t[1];
  const c0_0 = e0[0];
  for (let pp = lo; pp < hi; pp++) {
    const blo = (2 * pp + k) * 3;
    const bhi = blo + 3;
    r0(x0, e0, o0, t0, t1, c0_0, blo, bhi);
    r1(x0, e0, o0, t0, t1, c0_0, blo, bhi);
    r2(x0, e0, o0, t0, t1, c0_0, blo, bhi);
  }
};
