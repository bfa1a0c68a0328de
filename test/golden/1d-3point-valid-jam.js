const r0 = (x0, o0, lo, hi) => {
  const g0lo = Math.max(0, lo);
  const g0hi = Math.min(10, hi);
  for (let g0 = g0lo; g0 < g0hi - 2; g0 += 3) {
    const v0 = x0[g0];
    const v0_1 = x0[g0 + 1];
    const v0_2 = x0[g0 + 2];
    const v1_2 = x0[g0 + 3];
    const v4 = 2 * v0_1;
    const v4_1 = 2 * v0_2;
    const v4_2 = 2 * v1_2;
    const v5 = v0 - v4;
    const v5_1 = v0_1 - v4_1;
    const v5_2 = v0_2 - v4_2;
    const v2_2 = x0[g0 + 4];
    const v6 = v5 + v0_2;
    const v6_1 = v5_1 + v1_2;
    const v6_2 = v5_2 + v2_2;
    o0[g0] = v6;
    o0[g0 + 1] = v6_1;
    o0[g0 + 2] = v6_2;
  }
  for (let g0 = Math.max(g0lo, g0hi - (g0hi - g0lo) % 3); g0 < g0hi; g0++) {
    const v0 = x0[g0];
    const v1 = x0[g0 + 1];
    const v4 = 2 * v1;
    const v5 = v0 - v4;
    const v2 = x0[g0 + 2];
    const v6 = v5 + v2;
    o0[g0] = v6;
  }
};
return function (f, t, s, lo, hi, k) {
  const x0 = f[0];
  const o0 = f[1];
  r0(x0, o0, lo, hi);
};
