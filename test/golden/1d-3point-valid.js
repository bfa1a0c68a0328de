const r0 = (x0, o0, lo, hi) => {
  for (let g0 = Math.max(0, lo); g0 < Math.min(6, hi); g0++) {
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
