const ln0 = (x0, e0, o0, t0, t1, c0_0, g0, b0, q0, og0, glo, ghi) => {
  for (let g1 = glo; g1 < ghi; g1++) {
    const b1 = g1 * 1 - 1;
    const q1 = q0 + b1 * 1;
    const og1 = og0 * 4 + g1;
    const q = q1;
    const og = og1;
    const v14 = 0 + c0_0;
    const v16 = v14 + 0;
    const v10 = -c0_0;
    const v12 = v10 * 2;
    const v15 = v12 + 0;
    const v17 = v15 + 0;
    const w1 = t0[b0 + 1] + t1[b1 + 2];
    if (w1 >= 0) {
      o0[w1] += v16;
    }
    const w4 = t0[b0 + 2] + t1[b1 + 2];
    if (w4 >= 0) {
      o0[w4] += v17;
    }
    const w7 = t0[b0 + 3] + t1[b1 + 2];
    if (w7 >= 0) {
      o0[w7] += v14;
    }
  }
};
const ln1 = (x0, e0, o0, t0, t1, c0_0, g0, b0, q0, og0, glo, ghi) => {
  for (let g1 = glo; g1 < ghi; g1++) {
    const b1 = g1 * 1 - 1;
    const q1 = q0 + b1 * 1;
    const og1 = og0 * 4 + g1;
    const q = q1;
    const og = og1;
    const v14 = 0 + c0_0;
    const v16 = v14 + 0;
    const v10 = -c0_0;
    const v12 = v10 * 2;
    const v15 = v12 + 0;
    const v17 = v15 + 0;
    const w1 = t0[b0 + 1] + t1[b1 + 2];
    if (w1 >= 0) {
      o0[w1] += v16;
    }
    const w4 = t0[b0 + 2] + t1[b1 + 2];
    if (w4 >= 0) {
      o0[w4] += v17;
    }
    const w7 = t0[b0 + 3] + t1[b1 + 2];
    if (w7 >= 0) {
      o0[w7] += v14;
    }
  }
};
const ln2 = (x0, e0, o0, t0, t1, c0_0, g0, b0, q0, og0, glo, ghi) => {
  for (let g1 = glo; g1 < ghi; g1++) {
    const b1 = g1 * 1 - 1;
    const q1 = q0 + b1 * 1;
    const og1 = og0 * 4 + g1;
    const q = q1;
    const og = og1;
    const v14 = 0 + c0_0;
    const v16 = v14 + 0;
    const v10 = -c0_0;
    const v12 = v10 * 2;
    const v15 = v12 + 0;
    const v17 = v15 + 0;
    const w1 = t0[b0 + 1] + t1[b1 + 2];
    if (w1 >= 0) {
      o0[w1] += v16;
    }
    const w4 = t0[b0 + 2] + t1[b1 + 2];
    if (w4 >= 0) {
      o0[w4] += v17;
    }
    const w7 = t0[b0 + 3] + t1[b1 + 2];
    if (w7 >= 0) {
      o0[w7] += v14;
    }
  }
};
const ln3 = (x0, e0, o0, t0, t1, c0_0, g0, b0, q0, og0, glo, ghi) => {
  for (let g1 = glo; g1 < ghi; g1++) {
    const b1 = g1 * 1 - 1;
    const q1 = q0 + b1 * 1;
    const og1 = og0 * 4 + g1;
    const q = q1;
    const og = og1;
    const v14 = 0 + c0_0;
    const v16 = v14 + 0;
    const v10 = -c0_0;
    const v12 = v10 * 2;
    const v15 = v12 + 0;
    const v17 = v15 + 0;
    const w1 = t0[b0 + 1] + t1[b1 + 2];
    if (w1 >= 0) {
      o0[w1] += v16;
    }
    const w4 = t0[b0 + 2] + t1[b1 + 2];
    if (w4 >= 0) {
      o0[w4] += v17;
    }
    const w7 = t0[b0 + 3] + t1[b1 + 2];
    if (w7 >= 0) {
      o0[w7] += v14;
    }
  }
};
const ln4 = (x0, e0, o0, t0, t1, c0_0, g0, b0, q0, og0, glo, ghi) => {
  for (let g1 = glo; g1 < ghi; g1++) {
    const b1 = g1 * 1 - 1;
    const q1 = q0 + b1 * 1;
    const og1 = og0 * 4 + g1;
    const q = q1;
    const og = og1;
    const v14 = 0 + c0_0;
    const v16 = v14 + 0;
    const v10 = -c0_0;
    const v12 = v10 * 2;
    const v15 = v12 + 0;
    const v17 = v15 + 0;
    o0[q + 1] += v16;
    o0[q + 5] += v17;
    o0[q + 9] += v14;
  }
};
const ln5 = (x0, e0, o0, t0, t1, c0_0, g0, b0, q0, og0, glo, ghi) => {
  for (let g1 = glo; g1 < ghi; g1++) {
    const b1 = g1 * 1 - 1;
    const q1 = q0 + b1 * 1;
    const og1 = og0 * 4 + g1;
    const q = q1;
    const og = og1;
    const v14 = 0 + c0_0;
    const v16 = v14 + 0;
    const v10 = -c0_0;
    const v12 = v10 * 2;
    const v15 = v12 + 0;
    const v17 = v15 + 0;
    const w1 = t0[b0 + 1] + t1[b1 + 2];
    if (w1 >= 0) {
      o0[w1] += v16;
    }
    const w4 = t0[b0 + 2] + t1[b1 + 2];
    if (w4 >= 0) {
      o0[w4] += v17;
    }
    const w7 = t0[b0 + 3] + t1[b1 + 2];
    if (w7 >= 0) {
      o0[w7] += v14;
    }
  }
};
const ln6 = (x0, e0, o0, t0, t1, c0_0, g0, b0, q0, og0, glo, ghi) => {
  for (let g1 = glo; g1 < ghi; g1++) {
    const b1 = g1 * 1 - 1;
    const q1 = q0 + b1 * 1;
    const og1 = og0 * 4 + g1;
    const q = q1;
    const og = og1;
    const v14 = 0 + c0_0;
    const v16 = v14 + 0;
    const v10 = -c0_0;
    const v12 = v10 * 2;
    const v15 = v12 + 0;
    const v17 = v15 + 0;
    const w1 = t0[b0 + 1] + t1[b1 + 2];
    if (w1 >= 0) {
      o0[w1] += v16;
    }
    const w4 = t0[b0 + 2] + t1[b1 + 2];
    if (w4 >= 0) {
      o0[w4] += v17;
    }
    const w7 = t0[b0 + 3] + t1[b1 + 2];
    if (w7 >= 0) {
      o0[w7] += v14;
    }
  }
};
const ln7 = (x0, e0, o0, t0, t1, c0_0, g0, b0, q0, og0, glo, ghi) => {
  for (let g1 = glo; g1 < ghi; g1++) {
    const b1 = g1 * 1 - 1;
    const q1 = q0 + b1 * 1;
    const og1 = og0 * 4 + g1;
    const q = q1;
    const og = og1;
    const v14 = 0 + c0_0;
    const v16 = v14 + 0;
    const v10 = -c0_0;
    const v12 = v10 * 2;
    const v15 = v12 + 0;
    const v17 = v15 + 0;
    const w1 = t0[b0 + 1] + t1[b1 + 2];
    if (w1 >= 0) {
      o0[w1] += v16;
    }
    const w4 = t0[b0 + 2] + t1[b1 + 2];
    if (w4 >= 0) {
      o0[w4] += v17;
    }
    const w7 = t0[b0 + 3] + t1[b1 + 2];
    if (w7 >= 0) {
      o0[w7] += v14;
    }
  }
};
const ln8 = (x0, e0, o0, t0, t1, c0_0, g0, b0, q0, og0, glo, ghi) => {
  for (let g1 = glo; g1 < ghi; g1++) {
    const b1 = g1 * 1 - 1;
    const q1 = q0 + b1 * 1;
    const og1 = og0 * 4 + g1;
    const q = q1;
    const og = og1;
    const v14 = 0 + c0_0;
    const v16 = v14 + 0;
    const v10 = -c0_0;
    const v12 = v10 * 2;
    const v15 = v12 + 0;
    const v17 = v15 + 0;
    const w1 = t0[b0 + 1] + t1[b1 + 2];
    if (w1 >= 0) {
      o0[w1] += v16;
    }
    const w4 = t0[b0 + 2] + t1[b1 + 2];
    if (w4 >= 0) {
      o0[w4] += v17;
    }
    const w7 = t0[b0 + 3] + t1[b1 + 2];
    if (w7 >= 0) {
      o0[w7] += v14;
    }
  }
};
const ln9 = (x0, e0, o0, t0, t1, c0_0, g0, b0, q0, og0, m0, glo, ghi) => {
  for (let g1 = glo; g1 < ghi; g1++) {
    const b1 = g1 * 1 - 1;
    const q1 = q0 + b1 * 1;
    const og1 = og0 * 4 + g1;
    const q = q1;
    const og = og1;
    const v14 = 0 + c0_0;
    const v16 = v14 + 0;
    const v10 = -c0_0;
    const v12 = v10 * 2;
    const v15 = v12 + 0;
    const v17 = v15 + 0;
    const w1 = m0[b0 + 1] + t1[b1 + 2];
    if (w1 >= 0) {
      o0[w1] += v16;
    }
    const w4 = m0[b0 + 2] + t1[b1 + 2];
    if (w4 >= 0) {
      o0[w4] += v17;
    }
    const w7 = m0[b0 + 3] + t1[b1 + 2];
    if (w7 >= 0) {
      o0[w7] += v14;
    }
  }
};
const ln10 = (x0, e0, o0, t0, t1, c0_0, g0, b0, q0, og0, m0, glo, ghi) => {
  for (let g1 = glo; g1 < ghi; g1++) {
    const b1 = g1 * 1 - 1;
    const q1 = q0 + b1 * 1;
    const og1 = og0 * 4 + g1;
    const q = q1;
    const og = og1;
    const v14 = 0 + c0_0;
    const v16 = v14 + 0;
    const v10 = -c0_0;
    const v12 = v10 * 2;
    const v15 = v12 + 0;
    const v17 = v15 + 0;
    const w1 = m0[b0 + 1] + t1[b1 + 2];
    if (w1 >= 0) {
      o0[w1] += v16;
    }
    const w4 = m0[b0 + 2] + t1[b1 + 2];
    if (w4 >= 0) {
      o0[w4] += v17;
    }
    const w7 = m0[b0 + 3] + t1[b1 + 2];
    if (w7 >= 0) {
      o0[w7] += v14;
    }
  }
};
const ln11 = (x0, e0, o0, t0, t1, c0_0, g0, b0, q0, og0, m0, glo, ghi) => {
  for (let g1 = glo; g1 < ghi; g1++) {
    const b1 = g1 * 1 - 1;
    const q1 = q0 + b1 * 1;
    const og1 = og0 * 4 + g1;
    const q = q1;
    const og = og1;
    const v14 = 0 + c0_0;
    const v16 = v14 + 0;
    const v10 = -c0_0;
    const v12 = v10 * 2;
    const v15 = v12 + 0;
    const v17 = v15 + 0;
    const w1 = m0[b0 + 1] + t1[b1 + 2];
    if (w1 >= 0) {
      o0[w1] += v16;
    }
    const w4 = m0[b0 + 2] + t1[b1 + 2];
    if (w4 >= 0) {
      o0[w4] += v17;
    }
    const w7 = m0[b0 + 3] + t1[b1 + 2];
    if (w7 >= 0) {
      o0[w7] += v14;
    }
  }
};
const ln12 = (x0, e0, o0, t0, t1, c0_0, g0, b0, q0, og0, m0, glo, ghi) => {
  for (let g1 = glo; g1 < ghi; g1++) {
    const b1 = g1 * 1 - 1;
    const q1 = q0 + b1 * 1;
    const og1 = og0 * 4 + g1;
    const q = q1;
    const og = og1;
    const v14 = 0 + c0_0;
    const v16 = v14 + 0;
    const v10 = -c0_0;
    const v12 = v10 * 2;
    const v15 = v12 + 0;
    const v17 = v15 + 0;
    const w1 = m0[b0 + 1] + t1[b1 + 2];
    if (w1 >= 0) {
      o0[w1] += v16;
    }
    const w4 = m0[b0 + 2] + t1[b1 + 2];
    if (w4 >= 0) {
      o0[w4] += v17;
    }
    const w7 = m0[b0 + 3] + t1[b1 + 2];
    if (w7 >= 0) {
      o0[w7] += v14;
    }
  }
};
const ln13 = (x0, e0, o0, t0, t1, c0_0, g0, b0, q0, og0, m0, glo, ghi) => {
  for (let g1 = glo; g1 < ghi; g1++) {
    const b1 = g1 * 1 - 1;
    const q1 = q0 + b1 * 1;
    const og1 = og0 * 4 + g1;
    const q = q1;
    const og = og1;
    const v14 = 0 + c0_0;
    const v16 = v14 + 0;
    const v10 = -c0_0;
    const v12 = v10 * 2;
    const v15 = v12 + 0;
    const v17 = v15 + 0;
    const w1 = m0[b0 + 1] + t1[b1 + 2];
    if (w1 >= 0) {
      o0[w1] += v16;
    }
    const w4 = m0[b0 + 2] + t1[b1 + 2];
    if (w4 >= 0) {
      o0[w4] += v17;
    }
    const w7 = m0[b0 + 3] + t1[b1 + 2];
    if (w7 >= 0) {
      o0[w7] += v14;
    }
  }
};
const ln14 = (x0, e0, o0, t0, t1, c0_0, g0, b0, q0, og0, m0, glo, ghi) => {
  for (let g1 = glo; g1 < ghi; g1++) {
    const b1 = g1 * 1 - 1;
    const q1 = q0 + b1 * 1;
    const og1 = og0 * 4 + g1;
    const q = q1;
    const og = og1;
    const v14 = 0 + c0_0;
    const v16 = v14 + 0;
    const v10 = -c0_0;
    const v12 = v10 * 2;
    const v15 = v12 + 0;
    const v17 = v15 + 0;
    const w1 = m0[b0 + 1] + t1[b1 + 2];
    if (w1 >= 0) {
      o0[w1] += v16;
    }
    const w4 = m0[b0 + 2] + t1[b1 + 2];
    if (w4 >= 0) {
      o0[w4] += v17;
    }
    const w7 = m0[b0 + 3] + t1[b1 + 2];
    if (w7 >= 0) {
      o0[w7] += v14;
    }
  }
};
const ln15 = (x0, e0, o0, t0, t1, c0_0, g0, b0, q0, og0, m0, glo, ghi) => {
  for (let g1 = glo; g1 < ghi; g1++) {
    const b1 = g1 * 1 - 1;
    const q1 = q0 + b1 * 1;
    const og1 = og0 * 4 + g1;
    const q = q1;
    const og = og1;
    const v14 = 0 + c0_0;
    const v16 = v14 + 0;
    const v10 = -c0_0;
    const v12 = v10 * 2;
    const v15 = v12 + 0;
    const v17 = v15 + 0;
    const w1 = m0[b0 + 1] + t1[b1 + 2];
    if (w1 >= 0) {
      o0[w1] += v16;
    }
    const w4 = m0[b0 + 2] + t1[b1 + 2];
    if (w4 >= 0) {
      o0[w4] += v17;
    }
    const w7 = m0[b0 + 3] + t1[b1 + 2];
    if (w7 >= 0) {
      o0[w7] += v14;
    }
  }
};
const ln16 = (x0, e0, o0, t0, t1, c0_0, g0, b0, q0, og0, m0, glo, ghi) => {
  for (let g1 = glo; g1 < ghi; g1++) {
    const b1 = g1 * 1 - 1;
    const q1 = q0 + b1 * 1;
    const og1 = og0 * 4 + g1;
    const q = q1;
    const og = og1;
    const v14 = 0 + c0_0;
    const v16 = v14 + 0;
    const v10 = -c0_0;
    const v12 = v10 * 2;
    const v15 = v12 + 0;
    const v17 = v15 + 0;
    const w1 = m0[b0 + 1] + t1[b1 + 2];
    if (w1 >= 0) {
      o0[w1] += v16;
    }
    const w4 = m0[b0 + 2] + t1[b1 + 2];
    if (w4 >= 0) {
      o0[w4] += v17;
    }
    const w7 = m0[b0 + 3] + t1[b1 + 2];
    if (w7 >= 0) {
      o0[w7] += v14;
    }
  }
};
const ln17 = (x0, e0, o0, t0, t1, c0_0, g0, b0, q0, og0, m0, glo, ghi) => {
  for (let g1 = glo; g1 < ghi; g1++) {
    const b1 = g1 * 1 - 1;
    const q1 = q0 + b1 * 1;
    const og1 = og0 * 4 + g1;
    const q = q1;
    const og = og1;
    const v14 = 0 + c0_0;
    const v16 = v14 + 0;
    const v10 = -c0_0;
    const v12 = v10 * 2;
    const v15 = v12 + 0;
    const v17 = v15 + 0;
    const w1 = m0[b0 + 1] + t1[b1 + 2];
    if (w1 >= 0) {
      o0[w1] += v16;
    }
    const w4 = m0[b0 + 2] + t1[b1 + 2];
    if (w4 >= 0) {
      o0[w4] += v17;
    }
    const w7 = m0[b0 + 3] + t1[b1 + 2];
    if (w7 >= 0) {
      o0[w7] += v14;
    }
  }
};
const r0 = (x0, e0, o0, t0, t1, c0_0, lo, hi) => {
  for (let g0 = Math.max(0, lo); g0 < Math.min(1, hi); g0++) {
    const b0 = g0 * 1 - 1;
    const q0 = 0 + b0 * 4;
    const og0 = g0;
    ln0(x0, e0, o0, t0, t1, c0_0, g0, b0, q0, og0, 0, 1);
    ln1(x0, e0, o0, t0, t1, c0_0, g0, b0, q0, og0, 1, 3);
    ln2(x0, e0, o0, t0, t1, c0_0, g0, b0, q0, og0, 3, 4);
  }
};
const r1 = (x0, e0, o0, t0, t1, c0_0, lo, hi) => {
  for (let g0 = Math.max(1, lo); g0 < Math.min(3, hi); g0++) {
    const b0 = g0 * 1 - 1;
    const q0 = 0 + b0 * 4;
    const og0 = g0;
    ln3(x0, e0, o0, t0, t1, c0_0, g0, b0, q0, og0, 0, 1);
    ln4(x0, e0, o0, t0, t1, c0_0, g0, b0, q0, og0, 1, 3);
    ln5(x0, e0, o0, t0, t1, c0_0, g0, b0, q0, og0, 3, 4);
  }
};
const r2 = (x0, e0, o0, t0, t1, c0_0, lo, hi) => {
  for (let g0 = Math.max(3, lo); g0 < Math.min(4, hi); g0++) {
    const b0 = g0 * 1 - 1;
    const q0 = 0 + b0 * 4;
    const og0 = g0;
    ln6(x0, e0, o0, t0, t1, c0_0, g0, b0, q0, og0, 0, 1);
    ln7(x0, e0, o0, t0, t1, c0_0, g0, b0, q0, og0, 1, 3);
    ln8(x0, e0, o0, t0, t1, c0_0, g0, b0, q0, og0, 3, 4);
  }
};
const rm0 = (x0, e0, o0, t0, t1, c0_0, lo, hi, m0) => {
  for (let g0 = Math.max(0, lo); g0 < Math.min(1, hi); g0++) {
    const b0 = g0 * 1 - 1;
    const q0 = 0 + b0 * 4;
    const og0 = g0;
    ln9(x0, e0, o0, t0, t1, c0_0, g0, b0, q0, og0, m0, 0, 1);
    ln10(x0, e0, o0, t0, t1, c0_0, g0, b0, q0, og0, m0, 1, 3);
    ln11(x0, e0, o0, t0, t1, c0_0, g0, b0, q0, og0, m0, 3, 4);
  }
};
const rm1 = (x0, e0, o0, t0, t1, c0_0, lo, hi, m0) => {
  for (let g0 = Math.max(1, lo); g0 < Math.min(3, hi); g0++) {
    const b0 = g0 * 1 - 1;
    const q0 = 0 + b0 * 4;
    const og0 = g0;
    ln12(x0, e0, o0, t0, t1, c0_0, g0, b0, q0, og0, m0, 0, 1);
    ln13(x0, e0, o0, t0, t1, c0_0, g0, b0, q0, og0, m0, 1, 3);
    ln14(x0, e0, o0, t0, t1, c0_0, g0, b0, q0, og0, m0, 3, 4);
  }
};
const rm2 = (x0, e0, o0, t0, t1, c0_0, lo, hi, m0) => {
  for (let g0 = Math.max(3, lo); g0 < Math.min(4, hi); g0++) {
    const b0 = g0 * 1 - 1;
    const q0 = 0 + b0 * 4;
    const og0 = g0;
    ln15(x0, e0, o0, t0, t1, c0_0, g0, b0, q0, og0, m0, 0, 1);
    ln16(x0, e0, o0, t0, t1, c0_0, g0, b0, q0, og0, m0, 1, 3);
    ln17(x0, e0, o0, t0, t1, c0_0, g0, b0, q0, og0, m0, 3, 4);
  }
};
return function (f, t, s, lo, hi, k) {
  const x0 = f[0];
  const e0 = f[1];
  const o0 = f[2];
  const t0 = t[0];
  const t1 = t[1];
  const c0_0 = e0[0];
  const ga = Math.max(0, Math.ceil((lo + -1) / 1));
  const gb = Math.min(4, Math.floor((hi + 0) / 1) + 1);
  if (ga >= gb) {
    return;
  }
  const ia = Math.min(gb, Math.max(ga, Math.ceil((lo + 1) / 1)));
  const ib = Math.max(ia, Math.min(gb, Math.floor((hi + -2) / 1) + 1));
  const m0 = lo === 0 && hi === 4 ? t0 : new Int32Array(t0);
  if (!(lo === 0 && hi === 4)) {
    for (let mi = 0; mi < m0.length; mi++) {
      const mv = m0[mi];
      if (mv >= 0 && (mv < lo * 4 || mv >= hi * 4)) {
        m0[mi] = -1000000000;
      }
    }
  }
  rm0(x0, e0, o0, t0, t1, c0_0, ga, ia, m0);
  rm1(x0, e0, o0, t0, t1, c0_0, ga, ia, m0);
  rm2(x0, e0, o0, t0, t1, c0_0, ga, ia, m0);
  r0(x0, e0, o0, t0, t1, c0_0, ia, ib);
  r1(x0, e0, o0, t0, t1, c0_0, ia, ib);
  r2(x0, e0, o0, t0, t1, c0_0, ia, ib);
  rm0(x0, e0, o0, t0, t1, c0_0, ib, gb, m0);
  rm1(x0, e0, o0, t0, t1, c0_0, ib, gb, m0);
  rm2(x0, e0, o0, t0, t1, c0_0, ib, gb, m0);
};
