const r0 = (x0, e0, o0, t0, t1, c0_0, lo, hi) => {
  for (let j0 = Math.max(0, lo); j0 < Math.min(1, hi); j0++) {
    const p0 = j0 * 4;
    for (let j1 = 0; j1 < 4; j1++) {
      const p1 = p0 + j1 * 1;
      const p = p1;
      const s4_10 = -c0_0;
      const s4_12 = s4_10 * 2;
      const s4_15 = s4_12 + 0;
      const s4_17 = s4_15 + 0;
      const s1_14 = 0 + c0_0;
      const s1_16 = s1_14 + 0;
      o0[p] = 0 + s4_17 + s1_16;
    }
  }
};
const r1 = (x0, e0, o0, t0, t1, c0_0, lo, hi) => {
  for (let j0 = Math.max(1, lo); j0 < Math.min(3, hi); j0++) {
    const p0 = j0 * 4;
    for (let j1 = 0; j1 < 4; j1++) {
      const p1 = p0 + j1 * 1;
      const p = p1;
      const s7_14 = 0 + c0_0;
      const s4_10 = -c0_0;
      const s4_12 = s4_10 * 2;
      const s4_15 = s4_12 + 0;
      const s4_17 = s4_15 + 0;
      const s1_14 = 0 + c0_0;
      const s1_16 = s1_14 + 0;
      o0[p] = 0 + s7_14 + s4_17 + s1_16;
    }
  }
};
const r2 = (x0, e0, o0, t0, t1, c0_0, lo, hi) => {
  for (let j0 = Math.max(3, lo); j0 < Math.min(4, hi); j0++) {
    const p0 = j0 * 4;
    for (let j1 = 0; j1 < 4; j1++) {
      const p1 = p0 + j1 * 1;
      const p = p1;
      const s7_14 = 0 + c0_0;
      const s4_10 = -c0_0;
      const s4_12 = s4_10 * 2;
      const s4_15 = s4_12 + 0;
      const s4_17 = s4_15 + 0;
      o0[p] = 0 + s7_14 + s4_17;
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
  r0(x0, e0, o0, t0, t1, c0_0, lo, hi);
  r1(x0, e0, o0, t0, t1, c0_0, lo, hi);
  r2(x0, e0, o0, t0, t1, c0_0, lo, hi);
};
