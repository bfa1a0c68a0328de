// dispatch: 6 invocation(s) in 1 × 1 workgroup(s), 5 step(s); tables [-1000000000, 0, 6, 12, 18, 24, -1000000000, -1000000000, 0, 1, 2, 3, 4, 5, -1000000000]
struct KParams { k: i32, pad0: i32, pad1: i32, pad2: i32 }
@group(0) @binding(0) var<uniform> kparams: KParams;
@group(0) @binding(1) var<storage, read> ktab: array<i32>;
@group(0) @binding(2) var<storage, read_write> x0: array<f32>;

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let lo: i32 = i32(gid.x + gid.y * 64u);
  if (lo >= 6) { return; }
  let hi: i32 = lo + 1;
  let k: i32 = kparams.k;
  let kl0: i32 = select((k % 5), 0, (k < 0));
  let kh0: i32 = select((kl0 + 1), 5, (k < 0));
  {
    for (var g0: i32 = max(0, kl0); g0 < min(1, kh0); g0 = g0 + 1) {
      let b0: i32 = (g0 + (-1));
      {
        let glo: i32 = max(0, lo);
        let ghi: i32 = min(1, hi);
        for (var g1: i32 = glo; g1 < ghi; g1 = g1 + 1) {
          let b1: i32 = (g1 + (-1));
          let i0: i32 = (ktab[0 + (b0 + 1)] + ktab[7 + (b1 + 1)]);
          let v0: f32 = select(x0[max(i0, 0)], 0.0f, i0 < 0);
          let v10: f32 = (0.25f * v0);
          let v11: f32 = v10;
          let i1: i32 = (ktab[0 + (b0 + 1)] + ktab[7 + (b1 + 2)]);
          let v1: f32 = select(x0[max(i1, 0)], 0.0f, i1 < 0);
          let v13: f32 = (0.5f * v1);
          let v14: f32 = v13;
          let v15: f32 = (v11 + v14);
          let v16: f32 = v15;
          let i2: i32 = (ktab[0 + (b0 + 1)] + ktab[7 + (b1 + 3)]);
          let v2: f32 = select(x0[max(i2, 0)], 0.0f, i2 < 0);
          let v17: f32 = (0.25f * v2);
          let v18: f32 = v17;
          let v19: f32 = (v16 + v18);
          let v20: f32 = v19;
          let i4: i32 = (ktab[0 + (b0 + 2)] + ktab[7 + (b1 + 2)]);
          let v4: f32 = select(x0[max(i4, 0)], 0.0f, i4 < 0);
          let v22: f32 = (0.10000000149011612f * v4);
          let v23: f32 = v22;
          let v24: f32 = (v20 + v23);
          let v25: f32 = v24;
          if ((((b0 + 1) >= 0) && ((b0 + 1) < 5)) && (((b1 + 1) >= 0) && ((b1 + 1) < 6))) {
            x0[((((b0 + 1) * 6) + b1) + 1)] = v25;
          }
        }
      }
      {
        let glo: i32 = max(1, lo);
        let ghi: i32 = min(5, hi);
        for (var g1: i32 = glo; g1 < ghi; g1 = g1 + 1) {
          let b1: i32 = (g1 + (-1));
          let i0: i32 = (ktab[0 + (b0 + 1)] + ktab[7 + (b1 + 1)]);
          let v0: f32 = select(x0[max(i0, 0)], 0.0f, i0 < 0);
          let v10: f32 = (0.25f * v0);
          let v11: f32 = v10;
          let i1: i32 = (ktab[0 + (b0 + 1)] + ktab[7 + (b1 + 2)]);
          let v1: f32 = select(x0[max(i1, 0)], 0.0f, i1 < 0);
          let v13: f32 = (0.5f * v1);
          let v14: f32 = v13;
          let v15: f32 = (v11 + v14);
          let v16: f32 = v15;
          let i2: i32 = (ktab[0 + (b0 + 1)] + ktab[7 + (b1 + 3)]);
          let v2: f32 = select(x0[max(i2, 0)], 0.0f, i2 < 0);
          let v17: f32 = (0.25f * v2);
          let v18: f32 = v17;
          let v19: f32 = (v16 + v18);
          let v20: f32 = v19;
          let i4: i32 = (ktab[0 + (b0 + 2)] + ktab[7 + (b1 + 2)]);
          let v4: f32 = select(x0[max(i4, 0)], 0.0f, i4 < 0);
          let v22: f32 = (0.10000000149011612f * v4);
          let v23: f32 = v22;
          let v24: f32 = (v20 + v23);
          let v25: f32 = v24;
          if ((((b0 + 1) >= 0) && ((b0 + 1) < 5)) && (((b1 + 1) >= 0) && ((b1 + 1) < 6))) {
            x0[((((b0 + 1) * 6) + b1) + 1)] = v25;
          }
        }
      }
      {
        let glo: i32 = max(5, lo);
        let ghi: i32 = min(6, hi);
        for (var g1: i32 = glo; g1 < ghi; g1 = g1 + 1) {
          let b1: i32 = (g1 + (-1));
          let i0: i32 = (ktab[0 + (b0 + 1)] + ktab[7 + (b1 + 1)]);
          let v0: f32 = select(x0[max(i0, 0)], 0.0f, i0 < 0);
          let v10: f32 = (0.25f * v0);
          let v11: f32 = v10;
          let i1: i32 = (ktab[0 + (b0 + 1)] + ktab[7 + (b1 + 2)]);
          let v1: f32 = select(x0[max(i1, 0)], 0.0f, i1 < 0);
          let v13: f32 = (0.5f * v1);
          let v14: f32 = v13;
          let v15: f32 = (v11 + v14);
          let v16: f32 = v15;
          let i2: i32 = (ktab[0 + (b0 + 1)] + ktab[7 + (b1 + 3)]);
          let v2: f32 = select(x0[max(i2, 0)], 0.0f, i2 < 0);
          let v17: f32 = (0.25f * v2);
          let v18: f32 = v17;
          let v19: f32 = (v16 + v18);
          let v20: f32 = v19;
          let i4: i32 = (ktab[0 + (b0 + 2)] + ktab[7 + (b1 + 2)]);
          let v4: f32 = select(x0[max(i4, 0)], 0.0f, i4 < 0);
          let v22: f32 = (0.10000000149011612f * v4);
          let v23: f32 = v22;
          let v24: f32 = (v20 + v23);
          let v25: f32 = v24;
          if ((((b0 + 1) >= 0) && ((b0 + 1) < 5)) && (((b1 + 1) >= 0) && ((b1 + 1) < 6))) {
            x0[((((b0 + 1) * 6) + b1) + 1)] = v25;
          }
        }
      }
    }
  }
  {
    for (var g0: i32 = max(1, kl0); g0 < min(4, kh0); g0 = g0 + 1) {
      let b0: i32 = (g0 + (-1));
      let q0: i32 = (b0 * 6);
      {
        let glo: i32 = max(0, lo);
        let ghi: i32 = min(1, hi);
        for (var g1: i32 = glo; g1 < ghi; g1 = g1 + 1) {
          let b1: i32 = (g1 + (-1));
          let i0: i32 = (ktab[0 + (b0 + 1)] + ktab[7 + (b1 + 1)]);
          let v0: f32 = select(x0[max(i0, 0)], 0.0f, i0 < 0);
          let v10: f32 = (0.25f * v0);
          let v11: f32 = v10;
          let i1: i32 = (ktab[0 + (b0 + 1)] + ktab[7 + (b1 + 2)]);
          let v1: f32 = select(x0[max(i1, 0)], 0.0f, i1 < 0);
          let v13: f32 = (0.5f * v1);
          let v14: f32 = v13;
          let v15: f32 = (v11 + v14);
          let v16: f32 = v15;
          let i2: i32 = (ktab[0 + (b0 + 1)] + ktab[7 + (b1 + 3)]);
          let v2: f32 = select(x0[max(i2, 0)], 0.0f, i2 < 0);
          let v17: f32 = (0.25f * v2);
          let v18: f32 = v17;
          let v19: f32 = (v16 + v18);
          let v20: f32 = v19;
          let i4: i32 = (ktab[0 + (b0 + 2)] + ktab[7 + (b1 + 2)]);
          let v4: f32 = select(x0[max(i4, 0)], 0.0f, i4 < 0);
          let v22: f32 = (0.10000000149011612f * v4);
          let v23: f32 = v22;
          let v24: f32 = (v20 + v23);
          let v25: f32 = v24;
          if ((((b0 + 1) >= 0) && ((b0 + 1) < 5)) && (((b1 + 1) >= 0) && ((b1 + 1) < 6))) {
            x0[((((b0 + 1) * 6) + b1) + 1)] = v25;
          }
        }
      }
      {
        let glo: i32 = max(1, lo);
        let ghi: i32 = min(5, hi);
        for (var g1: i32 = glo; g1 < ghi; g1 = g1 + 1) {
          let b1: i32 = (g1 + (-1));
          let q1: i32 = (q0 + b1);
          let v0: f32 = x0[q1];
          let v10: f32 = (0.25f * v0);
          let v11: f32 = v10;
          let v1: f32 = x0[(q1 + 1)];
          let v13: f32 = (0.5f * v1);
          let v14: f32 = v13;
          let v15: f32 = (v11 + v14);
          let v16: f32 = v15;
          let v2: f32 = x0[(q1 + 2)];
          let v17: f32 = (0.25f * v2);
          let v18: f32 = v17;
          let v19: f32 = (v16 + v18);
          let v20: f32 = v19;
          let v4: f32 = x0[(q1 + 7)];
          let v22: f32 = (0.10000000149011612f * v4);
          let v23: f32 = v22;
          let v24: f32 = (v20 + v23);
          let v25: f32 = v24;
          x0[(q1 + 7)] = v25;
        }
      }
      {
        let glo: i32 = max(5, lo);
        let ghi: i32 = min(6, hi);
        for (var g1: i32 = glo; g1 < ghi; g1 = g1 + 1) {
          let b1: i32 = (g1 + (-1));
          let i0: i32 = (ktab[0 + (b0 + 1)] + ktab[7 + (b1 + 1)]);
          let v0: f32 = select(x0[max(i0, 0)], 0.0f, i0 < 0);
          let v10: f32 = (0.25f * v0);
          let v11: f32 = v10;
          let i1: i32 = (ktab[0 + (b0 + 1)] + ktab[7 + (b1 + 2)]);
          let v1: f32 = select(x0[max(i1, 0)], 0.0f, i1 < 0);
          let v13: f32 = (0.5f * v1);
          let v14: f32 = v13;
          let v15: f32 = (v11 + v14);
          let v16: f32 = v15;
          let i2: i32 = (ktab[0 + (b0 + 1)] + ktab[7 + (b1 + 3)]);
          let v2: f32 = select(x0[max(i2, 0)], 0.0f, i2 < 0);
          let v17: f32 = (0.25f * v2);
          let v18: f32 = v17;
          let v19: f32 = (v16 + v18);
          let v20: f32 = v19;
          let i4: i32 = (ktab[0 + (b0 + 2)] + ktab[7 + (b1 + 2)]);
          let v4: f32 = select(x0[max(i4, 0)], 0.0f, i4 < 0);
          let v22: f32 = (0.10000000149011612f * v4);
          let v23: f32 = v22;
          let v24: f32 = (v20 + v23);
          let v25: f32 = v24;
          if ((((b0 + 1) >= 0) && ((b0 + 1) < 5)) && (((b1 + 1) >= 0) && ((b1 + 1) < 6))) {
            x0[((((b0 + 1) * 6) + b1) + 1)] = v25;
          }
        }
      }
    }
  }
  {
    for (var g0: i32 = max(4, kl0); g0 < min(5, kh0); g0 = g0 + 1) {
      let b0: i32 = (g0 + (-1));
      {
        let glo: i32 = max(0, lo);
        let ghi: i32 = min(1, hi);
        for (var g1: i32 = glo; g1 < ghi; g1 = g1 + 1) {
          let b1: i32 = (g1 + (-1));
          let i0: i32 = (ktab[0 + (b0 + 1)] + ktab[7 + (b1 + 1)]);
          let v0: f32 = select(x0[max(i0, 0)], 0.0f, i0 < 0);
          let v10: f32 = (0.25f * v0);
          let v11: f32 = v10;
          let i1: i32 = (ktab[0 + (b0 + 1)] + ktab[7 + (b1 + 2)]);
          let v1: f32 = select(x0[max(i1, 0)], 0.0f, i1 < 0);
          let v13: f32 = (0.5f * v1);
          let v14: f32 = v13;
          let v15: f32 = (v11 + v14);
          let v16: f32 = v15;
          let i2: i32 = (ktab[0 + (b0 + 1)] + ktab[7 + (b1 + 3)]);
          let v2: f32 = select(x0[max(i2, 0)], 0.0f, i2 < 0);
          let v17: f32 = (0.25f * v2);
          let v18: f32 = v17;
          let v19: f32 = (v16 + v18);
          let v20: f32 = v19;
          let i4: i32 = (ktab[0 + (b0 + 2)] + ktab[7 + (b1 + 2)]);
          let v4: f32 = select(x0[max(i4, 0)], 0.0f, i4 < 0);
          let v22: f32 = (0.10000000149011612f * v4);
          let v23: f32 = v22;
          let v24: f32 = (v20 + v23);
          let v25: f32 = v24;
          if ((((b0 + 1) >= 0) && ((b0 + 1) < 5)) && (((b1 + 1) >= 0) && ((b1 + 1) < 6))) {
            x0[((((b0 + 1) * 6) + b1) + 1)] = v25;
          }
        }
      }
      {
        let glo: i32 = max(1, lo);
        let ghi: i32 = min(5, hi);
        for (var g1: i32 = glo; g1 < ghi; g1 = g1 + 1) {
          let b1: i32 = (g1 + (-1));
          let i0: i32 = (ktab[0 + (b0 + 1)] + ktab[7 + (b1 + 1)]);
          let v0: f32 = select(x0[max(i0, 0)], 0.0f, i0 < 0);
          let v10: f32 = (0.25f * v0);
          let v11: f32 = v10;
          let i1: i32 = (ktab[0 + (b0 + 1)] + ktab[7 + (b1 + 2)]);
          let v1: f32 = select(x0[max(i1, 0)], 0.0f, i1 < 0);
          let v13: f32 = (0.5f * v1);
          let v14: f32 = v13;
          let v15: f32 = (v11 + v14);
          let v16: f32 = v15;
          let i2: i32 = (ktab[0 + (b0 + 1)] + ktab[7 + (b1 + 3)]);
          let v2: f32 = select(x0[max(i2, 0)], 0.0f, i2 < 0);
          let v17: f32 = (0.25f * v2);
          let v18: f32 = v17;
          let v19: f32 = (v16 + v18);
          let v20: f32 = v19;
          let i4: i32 = (ktab[0 + (b0 + 2)] + ktab[7 + (b1 + 2)]);
          let v4: f32 = select(x0[max(i4, 0)], 0.0f, i4 < 0);
          let v22: f32 = (0.10000000149011612f * v4);
          let v23: f32 = v22;
          let v24: f32 = (v20 + v23);
          let v25: f32 = v24;
          if ((((b0 + 1) >= 0) && ((b0 + 1) < 5)) && (((b1 + 1) >= 0) && ((b1 + 1) < 6))) {
            x0[((((b0 + 1) * 6) + b1) + 1)] = v25;
          }
        }
      }
      {
        let glo: i32 = max(5, lo);
        let ghi: i32 = min(6, hi);
        for (var g1: i32 = glo; g1 < ghi; g1 = g1 + 1) {
          let b1: i32 = (g1 + (-1));
          let i0: i32 = (ktab[0 + (b0 + 1)] + ktab[7 + (b1 + 1)]);
          let v0: f32 = select(x0[max(i0, 0)], 0.0f, i0 < 0);
          let v10: f32 = (0.25f * v0);
          let v11: f32 = v10;
          let i1: i32 = (ktab[0 + (b0 + 1)] + ktab[7 + (b1 + 2)]);
          let v1: f32 = select(x0[max(i1, 0)], 0.0f, i1 < 0);
          let v13: f32 = (0.5f * v1);
          let v14: f32 = v13;
          let v15: f32 = (v11 + v14);
          let v16: f32 = v15;
          let i2: i32 = (ktab[0 + (b0 + 1)] + ktab[7 + (b1 + 3)]);
          let v2: f32 = select(x0[max(i2, 0)], 0.0f, i2 < 0);
          let v17: f32 = (0.25f * v2);
          let v18: f32 = v17;
          let v19: f32 = (v16 + v18);
          let v20: f32 = v19;
          let i4: i32 = (ktab[0 + (b0 + 2)] + ktab[7 + (b1 + 2)]);
          let v4: f32 = select(x0[max(i4, 0)], 0.0f, i4 < 0);
          let v22: f32 = (0.10000000149011612f * v4);
          let v23: f32 = v22;
          let v24: f32 = (v20 + v23);
          let v25: f32 = v24;
          if ((((b0 + 1) >= 0) && ((b0 + 1) < 5)) && (((b1 + 1) >= 0) && ((b1 + 1) < 6))) {
            x0[((((b0 + 1) * 6) + b1) + 1)] = v25;
          }
        }
      }
    }
  }
}
