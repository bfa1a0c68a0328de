const ln0 = (o0, c0_0, p0, glo, ghi) => {
  const z0_4_10 = -c0_0;
  const z0_4_12 = z0_4_10 * 2;
  const z0_4_15 = z0_4_12 + 0;
  const z0_4_17 = z0_4_15 + 0;
  const z0_1_14 = 0 + c0_0;
  const z0_1_16 = z0_1_14 + 0;
  const z0_0 = 0 + z0_4_17 + z0_1_16;
  for (let j1 = glo; j1 < ghi; j1++) {
    const p1 = p0 + j1;
    o0[p1] = z0_0;
  }
};
const r0 = (o0, c0_0, lo, hi) => {
  for (let j0 = Math.max(0, lo); j0 < Math.min(1, hi); j0++) {
    const p0 = j0 * 4;
    ln0(o0, c0_0, p0, 0, 4);
  }
};
const ln1 = (o0, c0_0, p0, glo, ghi) => {
  const z1_7_14 = 0 + c0_0;
  const z1_4_10 = -c0_0;
  const z1_4_12 = z1_4_10 * 2;
  const z1_4_15 = z1_4_12 + 0;
  const z1_4_17 = z1_4_15 + 0;
  const z1_1_14 = 0 + c0_0;
  const z1_1_16 = z1_1_14 + 0;
  const z1_0 = 0 + z1_7_14 + z1_4_17 + z1_1_16;
  for (let j1 = glo; j1 < ghi; j1++) {
    const p1 = p0 + j1;
    o0[p1] = z1_0;
  }
};
const r1 = (o0, c0_0, lo, hi) => {
  for (let j0 = Math.max(1, lo); j0 < Math.min(3, hi); j0++) {
    const p0 = j0 * 4;
    ln1(o0, c0_0, p0, 0, 4);
  }
};
const ln2 = (o0, c0_0, p0, glo, ghi) => {
  const z2_7_14 = 0 + c0_0;
  const z2_4_10 = -c0_0;
  const z2_4_12 = z2_4_10 * 2;
  const z2_4_15 = z2_4_12 + 0;
  const z2_4_17 = z2_4_15 + 0;
  const z2_0 = 0 + z2_7_14 + z2_4_17;
  for (let j1 = glo; j1 < ghi; j1++) {
    const p1 = p0 + j1;
    o0[p1] = z2_0;
  }
};
const r2 = (o0, c0_0, lo, hi) => {
  for (let j0 = Math.max(3, lo); j0 < Math.min(4, hi); j0++) {
    const p0 = j0 * 4;
    ln2(o0, c0_0, p0, 0, 4);
  }
};
return function (f, t, s, lo, hi, k) {
  const e0 = f[1];
  const o0 = f[2];
  const c0_0 = e0[0];
  r0(o0, c0_0, lo, hi);
  r1(o0, c0_0, lo, hi);
  r2(o0, c0_0, lo, hi);
};
