const r0 = (x0, o0, lo, hi) => {
  for (let g0 = 0; g0 < 1; g0++) {
    const b0 = g0 * 2;
    const q0 = b0 * 19;
    const g1lo = Math.max(0, lo);
    const g1hi = Math.min(9, hi);
    for (let g1 = g1lo; g1 < g1hi - 1; g1 += 2) {
      const b1 = g1 * 2;
      const q1 = q0 + b1;
      const og1 = g0 * 9 + g1;
      const v0 = x0[q1];
      const v0_1 = x0[q1 + 2];
      const v1 = x0[q1 + 1];
      const v1_1 = x0[q1 + 3];
      const v9 = Math.max(v0, v1);
      const v9_1 = Math.max(v0_1, v1_1);
      const v2_1 = x0[q1 + 4];
      const v10 = Math.max(v9, v0_1);
      const v10_1 = Math.max(v9_1, v2_1);
      const v3 = x0[q1 + 19];
      const v3_1 = x0[q1 + 21];
      const v11 = Math.max(v10, v3);
      const v11_1 = Math.max(v10_1, v3_1);
      const v4 = x0[q1 + 20];
      const v4_1 = x0[q1 + 22];
      const v12 = Math.max(v11, v4);
      const v12_1 = Math.max(v11_1, v4_1);
      const v5_1 = x0[q1 + 23];
      const v13 = Math.max(v12, v3_1);
      const v13_1 = Math.max(v12_1, v5_1);
      const v6 = x0[q1 + 38];
      const v6_1 = x0[q1 + 40];
      const v14 = Math.max(v13, v6);
      const v14_1 = Math.max(v13_1, v6_1);
      const v7 = x0[q1 + 39];
      const v7_1 = x0[q1 + 41];
      const v15 = Math.max(v14, v7);
      const v15_1 = Math.max(v14_1, v7_1);
      const v8_1 = x0[q1 + 42];
      const v16 = Math.max(v15, v6_1);
      const v16_1 = Math.max(v15_1, v8_1);
      o0[og1] = v16;
      o0[og1 + 1] = v16_1;
    }
    for (let g1 = Math.max(g1lo, g1hi - (g1hi - g1lo) % 2); g1 < g1hi; g1++) {
      const b1 = g1 * 2;
      const q1 = q0 + b1;
      const og1 = g0 * 9 + g1;
      const v0 = x0[q1];
      const v1 = x0[q1 + 1];
      const v9 = Math.max(v0, v1);
      const v2 = x0[q1 + 2];
      const v10 = Math.max(v9, v2);
      const v3 = x0[q1 + 19];
      const v11 = Math.max(v10, v3);
      const v4 = x0[q1 + 20];
      const v12 = Math.max(v11, v4);
      const v5 = x0[q1 + 21];
      const v13 = Math.max(v12, v5);
      const v6 = x0[q1 + 38];
      const v14 = Math.max(v13, v6);
      const v7 = x0[q1 + 39];
      const v15 = Math.max(v14, v7);
      const v8 = x0[q1 + 40];
      const v16 = Math.max(v15, v8);
      o0[og1] = v16;
    }
  }
};
return function (f, t, s, lo, hi, k) {
  const x0 = f[0];
  const o0 = f[1];
  r0(x0, o0, lo, hi);
};
