const step = (() => {
const ln0 = (x0, t0, t1, b0, glo, ghi) => {
  for (let g1 = glo; g1 < ghi; g1++) {
    const b1 = g1 - 1;
    const i1 = t0[b0 + 1] + t1[b1 + 2];
    const v1 = i1 < 0 ? 0 : x0[i1];
    const i0 = t0[b0 + 1] + t1[b1 + 1];
    const v0 = i0 < 0 ? 0 : x0[i0];
    const v9 = v1 - v0;
    const v11 = 0.25 * v9;
    const v12 = v1 - v11;
    if (b0 + 1 >= 0 && b0 + 1 < 6 && (b1 + 1 >= 0 && b1 + 1 < 8)) {
      x0[(b0 + 1) * 8 + b1 + 1] = v12;
    }
  }
};
const r0 = (x0, t0, t1, kl0, kh0, lo, hi) => {
  for (let g0 = Math.max(0, kl0); g0 < Math.min(1, kh0); g0++) {
    const b0 = g0 - 1;
    ln0(x0, t0, t1, b0, Math.max(0, lo), Math.min(1, hi));
    ln0(x0, t0, t1, b0, Math.max(1, lo), Math.min(7, hi));
    ln0(x0, t0, t1, b0, Math.max(7, lo), Math.min(8, hi));
  }
};
const ln1 = (x0, q0, glo, ghi) => {
  for (let g1 = glo; g1 < ghi; g1++) {
    const b1 = g1 - 1;
    const q1 = q0 + b1;
    const v1 = x0[q1 + 1];
    const v0 = x0[q1];
    const v9 = v1 - v0;
    const v11 = 0.25 * v9;
    const v12 = v1 - v11;
    x0[q1 + 9] = v12;
  }
};
const r1 = (x0, t0, t1, kl0, kh0, lo, hi) => {
  for (let g0 = Math.max(1, kl0); g0 < Math.min(5, kh0); g0++) {
    const b0 = g0 - 1;
    const q0 = b0 * 8;
    ln0(x0, t0, t1, b0, Math.max(0, lo), Math.min(1, hi));
    ln1(x0, q0, Math.max(1, lo), Math.min(7, hi));
    ln0(x0, t0, t1, b0, Math.max(7, lo), Math.min(8, hi));
  }
};
const r2 = (x0, t0, t1, kl0, kh0, lo, hi) => {
  for (let g0 = Math.max(5, kl0); g0 < Math.min(6, kh0); g0++) {
    const b0 = g0 - 1;
    ln0(x0, t0, t1, b0, Math.max(0, lo), Math.min(1, hi));
    ln0(x0, t0, t1, b0, Math.max(1, lo), Math.min(7, hi));
    ln0(x0, t0, t1, b0, Math.max(7, lo), Math.min(8, hi));
  }
};
return function (f, t, s, lo, hi, k) {
  const x0 = f[0];
  const t0 = t[0];
  const t1 = t[1];
  const kl0 = k < 0 ? 0 : k % 6;
  const kh0 = k < 0 ? 6 : kl0 + 1;
  r0(x0, t0, t1, kl0, kh0, lo, hi);
  r1(x0, t0, t1, kl0, kh0, lo, hi);
  r2(x0, t0, t1, kl0, kh0, lo, hi);
};

})();
return function (f, t, s, lo, hi, k) {
  const w = t[t.length - 1];
  try {
    for (let j = 0; j < 6; j++) {
      if (lo > 0) {
        let spins = 0;
        for (let v = Atomics.load(w, lo); v < j; v = Atomics.load(w, lo)) {
          if (Atomics.load(w, 0) !== 0) return;
          if (++spins > 4096) Atomics.wait(w, lo, v, 0.05);
        }
      }
      step(f, t, s, lo, hi, j);
      Atomics.store(w, hi, j + 1);
    }
  } catch (e) {
    Atomics.store(w, 0, 1);
    throw e;
  }
};