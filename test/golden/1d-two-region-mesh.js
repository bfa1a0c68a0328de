const r0 = (x0, o0, lo, hi) => {
  for (let g0 = Math.max(1, lo); g0 < Math.min(10, hi); g0++) {
    const v0 = x0[g0];
    const v2 = v0 ** 3;
    o0[g0] = v2;
  }
};
const r1 = (x0, o0, lo, hi) => {
  for (let g0 = Math.max(0, lo); g0 < Math.min(1, hi); g0++) {
    const v0 = x0[g0];
    const v2 = v0 ** 2;
    o0[g0] = v2;
  }
};
return function (f, t, s, lo, hi, k) {
  const x0 = f[0];
  const o0 = f[1];
  r0(x0, o0, lo, hi);
  r1(x0, o0, lo, hi);
};
