const ln0 = (x0, o0, t0, t1, b0, q0, glo, ghi) => {
  for (let g1 = glo; g1 < ghi; g1++) {
    const b1 = g1 - 1;
    const q1 = q0 + b1;
    const i7 = t0[b0 + 3] + t1[b1 + 2];
    const v7 = i7 < 0 ? 0 : x0[i7];
    const i1 = t0[b0 + 1] + t1[b1 + 2];
    const v1 = i1 < 0 ? 0 : x0[i1];
    const v9 = v7 + v1;
    const i5 = t0[b0 + 2] + t1[b1 + 3];
    const v5 = i5 < 0 ? 0 : x0[i5];
    const v10 = v9 + v5;
    const i3 = t0[b0 + 2] + t1[b1 + 1];
    const v3 = i3 < 0 ? 0 : x0[i3];
    const v11 = v10 + v3;
    const i4 = t0[b0 + 2] + t1[b1 + 2];
    const v4 = i4 < 0 ? 0 : x0[i4];
    const v13 = 4 * v4;
    const v14 = v11 - v13;
    o0[q1 + 7] = v14;
  }
};
const ln1 = (x0, o0, q0, glo, ghi) => {
  for (let g1 = glo; g1 < ghi; g1++) {
    const b1 = g1 - 1;
    const q1 = q0 + b1;
    const v7 = x0[q1 + 13];
    const v1 = x0[q1 + 1];
    const v9 = v7 + v1;
    const v5 = x0[q1 + 8];
    const v10 = v9 + v5;
    const v3 = x0[q1 + 6];
    const v11 = v10 + v3;
    const v4 = x0[q1 + 7];
    const v13 = 4 * v4;
    const v14 = v11 - v13;
    o0[q1 + 7] = v14;
  }
};
const r0 = (x0, o0, t0, t1, lo, hi) => {
  for (let g0 = Math.max(1, lo); g0 < Math.min(5, hi); g0++) {
    const b0 = g0 - 1;
    const q0 = b0 * 6;
    ln0(x0, o0, t0, t1, b0, q0, 0, 1);
    ln1(x0, o0, q0, 1, 5);
    ln0(x0, o0, t0, t1, b0, q0, 5, 6);
  }
};
const r1 = (x0, o0, t0, t1, lo, hi) => {
  for (let g0 = Math.max(0, lo); g0 < Math.min(1, hi); g0++) {
    const b0 = g0 - 1;
    const q0 = b0 * 6;
    ln0(x0, o0, t0, t1, b0, q0, 0, 6);
  }
};
const r2 = (x0, o0, t0, t1, lo, hi) => {
  for (let g0 = Math.max(5, lo); g0 < Math.min(6, hi); g0++) {
    const b0 = g0 - 1;
    const q0 = b0 * 6;
    ln0(x0, o0, t0, t1, b0, q0, 0, 6);
  }
};
return function (f, t, s, lo, hi, k) {
  const x0 = f[0];
  const o0 = f[1];
  const t0 = t[0];
  const t1 = t[1];
  r0(x0, o0, t0, t1, lo, hi);
  r1(x0, o0, t0, t1, lo, hi);
  r2(x0, o0, t0, t1, lo, hi);
};
