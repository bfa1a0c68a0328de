const ln0 = (x0, o0, g0, q0, glo, ghi) => {
  for (let g1 = glo; g1 < ghi; g1++) {
    const b1 = g1 * 2;
    const q1 = q0 + b1;
    const og1 = g0 * 3 + g1;
    const v0 = x0[q1];
    const v1 = x0[q1 + 1];
    const v9 = Math.max(v0, v1);
    const v2 = x0[q1 + 2];
    const v10 = Math.max(v9, v2);
    const v3 = x0[q1 + 7];
    const v11 = Math.max(v10, v3);
    const v4 = x0[q1 + 8];
    const v12 = Math.max(v11, v4);
    const v5 = x0[q1 + 9];
    const v13 = Math.max(v12, v5);
    const v6 = x0[q1 + 14];
    const v14 = Math.max(v13, v6);
    const v7 = x0[q1 + 15];
    const v15 = Math.max(v14, v7);
    const v8 = x0[q1 + 16];
    const v16 = Math.max(v15, v8);
    o0[og1] = v16;
  }
};
const r0 = (x0, o0, lo, hi) => {
  for (let g0 = Math.max(0, lo); g0 < Math.min(3, hi); g0++) {
    const b0 = g0 * 2;
    const q0 = b0 * 7;
    ln0(x0, o0, g0, q0, 0, 3);
  }
};
return function (f, t, s, lo, hi, k) {
  const x0 = f[0];
  const o0 = f[1];
  r0(x0, o0, lo, hi);
};
