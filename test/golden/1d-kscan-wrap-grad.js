const r0 = (x0, t0, lo, hi) => {
  for (let g0 = Math.max(0, lo); g0 < Math.min(1, hi); g0++) {
    const b0 = g0 - 1;
    const i0 = t0[b0 + 1];
    const v0 = i0 < 0 ? 0 : x0[i0];
    const i2 = t0[b0 + 3];
    const v2 = i2 < 0 ? 0 : x0[i2];
    const v3 = v0 * v2;
    const i1 = t0[b0 + 2];
    const v1 = i1 < 0 ? 0 : x0[i1];
    const v4 = Math.sin(v1);
    const v5 = v3 + v4;
    if (b0 + 1 >= 0 && b0 + 1 < 5) {
      x0[b0 + 1] = v5;
    }
  }
};
const r1 = (x0, lo, hi) => {
  for (let g0 = Math.max(1, lo); g0 < Math.min(4, hi); g0++) {
    const b0 = g0 - 1;
    const v0 = x0[b0];
    const v2 = x0[b0 + 2];
    const v3 = v0 * v2;
    const v1 = x0[b0 + 1];
    const v4 = Math.sin(v1);
    const v5 = v3 + v4;
    x0[b0 + 1] = v5;
  }
};
const r2 = (x0, t0, lo, hi) => {
  for (let g0 = Math.max(4, lo); g0 < Math.min(5, hi); g0++) {
    const b0 = g0 - 1;
    const i0 = t0[b0 + 1];
    const v0 = i0 < 0 ? 0 : x0[i0];
    const i2 = t0[b0 + 3];
    const v2 = i2 < 0 ? 0 : x0[i2];
    const v3 = v0 * v2;
    const i1 = t0[b0 + 2];
    const v1 = i1 < 0 ? 0 : x0[i1];
    const v4 = Math.sin(v1);
    const v5 = v3 + v4;
    if (b0 + 1 >= 0 && b0 + 1 < 5) {
      x0[b0 + 1] = v5;
    }
  }
};
return function (f, t, s, lo, hi, k) {
  const x0 = f[0];
  const t0 = t[0];
  r0(x0, t0, lo, hi);
  r1(x0, lo, hi);
  r2(x0, t0, lo, hi);
};


const r0 = (x0, y0, m0_1, a0, t0, t1, hm0_2_0) => {
  for (let g0 = 5 - 1; g0 >= 4; g0--) {
    const b0 = g0 - 1;
    const u0_1 = m0_1[g0];
    const u0_3 = hm0_2_0 * u0_1;
    const u0_4 = u0_3 + u0_3;
    let l0 = u0_4;
    if (b0 + 1 >= 0 && b0 + 1 < 5) {
      const ta0 = a0[b0 + 1];
      l0 = l0 + ta0;
      a0[b0 + 1] = 0;
    }
    const i2 = t0[b0 + 3];
    const w2 = t1[b0 + 3];
    const v2 = w2 >= 0 && w2 < g0 ? y0[w2] : i2 < 0 ? 0 : x0[i2];
    const v7 = l0 * v2;
    const v11 = 0 + v7;
    const i0 = t0[b0 + 1];
    const i1 = t0[b0 + 2];
    const w1 = t1[b0 + 2];
    const v1 = w1 >= 0 && w1 < g0 ? y0[w1] : i1 < 0 ? 0 : x0[i1];
    const v4 = Math.cos(v1);
    const v5 = l0 * v4;
    const v9 = v5 + 0;
    const v12 = v9 + 0;
    const w0 = t1[b0 + 1];
    const v0 = w0 >= 0 && w0 < g0 ? y0[w0] : i0 < 0 ? 0 : x0[i0];
    const v8 = l0 * v0;
    const v10 = 0 + v8;
    const v13 = v10 + 0;
    if (i0 >= 0) {
      a0[i0] += v11;
    }
    if (i1 >= 0) {
      a0[i1] += v12;
    }
    if (i2 >= 0) {
      a0[i2] += v13;
    }
  }
  for (let g0 = 4 - 1; g0 >= 1; g0--) {
    const b0 = g0 - 1;
    const u0_1 = m0_1[g0];
    const u0_3 = hm0_2_0 * u0_1;
    const u0_4 = u0_3 + u0_3;
    let l0 = u0_4;
    const ta0 = a0[b0 + 1];
    l0 = l0 + ta0;
    a0[b0 + 1] = 0;
    const w2 = t1[b0 + 3];
    const v2 = w2 >= 0 && w2 < g0 ? y0[w2] : x0[b0 + 2];
    const v7 = l0 * v2;
    const v11 = 0 + v7;
    const w1 = t1[b0 + 2];
    const v1 = w1 >= 0 && w1 < g0 ? y0[w1] : x0[b0 + 1];
    const v4 = Math.cos(v1);
    const v5 = l0 * v4;
    const v9 = v5 + 0;
    const v12 = v9 + 0;
    const w0 = t1[b0 + 1];
    const v0 = w0 >= 0 && w0 < g0 ? y0[w0] : x0[b0];
    const v8 = l0 * v0;
    const v10 = 0 + v8;
    const v13 = v10 + 0;
    a0[b0] += v11;
    a0[b0 + 1] += v12;
    a0[b0 + 2] += v13;
  }
  for (let g0 = 1 - 1; g0 >= 0; g0--) {
    const b0 = g0 - 1;
    const u0_1 = m0_1[g0];
    const u0_3 = hm0_2_0 * u0_1;
    const u0_4 = u0_3 + u0_3;
    let l0 = u0_4;
    if (b0 + 1 >= 0 && b0 + 1 < 5) {
      const ta0 = a0[b0 + 1];
      l0 = l0 + ta0;
      a0[b0 + 1] = 0;
    }
    const i2 = t0[b0 + 3];
    const w2 = t1[b0 + 3];
    const v2 = w2 >= 0 && w2 < g0 ? y0[w2] : i2 < 0 ? 0 : x0[i2];
    const v7 = l0 * v2;
    const v11 = 0 + v7;
    const i0 = t0[b0 + 1];
    const i1 = t0[b0 + 2];
    const w1 = t1[b0 + 2];
    const v1 = w1 >= 0 && w1 < g0 ? y0[w1] : i1 < 0 ? 0 : x0[i1];
    const v4 = Math.cos(v1);
    const v5 = l0 * v4;
    const v9 = v5 + 0;
    const v12 = v9 + 0;
    const w0 = t1[b0 + 1];
    const v0 = w0 >= 0 && w0 < g0 ? y0[w0] : i0 < 0 ? 0 : x0[i0];
    const v8 = l0 * v0;
    const v10 = 0 + v8;
    const v13 = v10 + 0;
    if (i0 >= 0) {
      a0[i0] += v11;
    }
    if (i1 >= 0) {
      a0[i1] += v12;
    }
    if (i2 >= 0) {
      a0[i2] += v13;
    }
  }
};
return function (f, t, s, lo, hi, k) {
  const x0 = f[0];
  const y0 = f[1];
  const m0_1 = f[3];
  const m0_2 = f[4];
  const a0 = f[5];
  const t0 = t[0];
  const t1 = t[1];
  const hm0_2_0 = m0_2[0];
  r0(x0, y0, m0_1, a0, t0, t1, hm0_2_0);
};
