const ln0 = (x0, e0, o0, q0, glo, ghi) => {
  for (let g1 = glo; g1 < ghi; g1++) {
    const q1 = q0 + g1;
    const v0 = x0[q1];
    const v2 = Math.sin(v0);
    const v1 = e0[q1];
    const v3 = v2 * v1;
    const v5 = v3 + 1;
    o0[q1] = v5;
  }
};
const r0 = (x0, e0, o0, lo, hi) => {
  for (let g0 = Math.max(0, lo); g0 < Math.min(4, hi); g0++) {
    const q0 = g0 * 5;
    ln0(x0, e0, o0, q0, 0, 5);
  }
};
return function (f, t, s, lo, hi, k) {
  const x0 = f[0];
  const e0 = f[1];
  const o0 = f[2];
  r0(x0, e0, o0, lo, hi);
};
