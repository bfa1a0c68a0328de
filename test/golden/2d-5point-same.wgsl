// dispatch: 36 invocation(s) in 1 × 1 workgroup(s), 1 step(s); tables [-1000000000, 0, 6, 12, 18, 24, 30, -1000000000, -1000000000, 0, 1, 2, 3, 4, 5, -1000000000]
struct KParams { k: i32, pad0: i32, pad1: i32, pad2: i32 }
@group(0) @binding(0) var<uniform> kparams: KParams;
@group(0) @binding(1) var<storage, read> ktab: array<i32>;
@group(0) @binding(2) var<storage, read> x0: array<f32>;
@group(0) @binding(3) var<storage, read_write> o0: array<f32>;

fn k_floordiv(a: i32, k: i32) -> i32 { let q = a / k; if ((a % k != 0) && ((a < 0) != (k < 0))) { return q - 1; } return q; }

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let lo: i32 = i32(gid.x + gid.y * 64u);
  if (lo >= 36) { return; }
  let hi: i32 = lo + 1;
  let k: i32 = kparams.k;
  {
    let lo1: i32 = k_floordiv(lo, 6);
    let hi1: i32 = (k_floordiv(lo, 6) + 1);
    let lo2: i32 = (lo % 6);
    let hi2: i32 = ((lo % 6) + 1);
    {
      for (var g0: i32 = max(0, lo1); g0 < min(1, hi1); g0 = g0 + 1) {
        let b0: i32 = (g0 + (-1));
        let q0: i32 = (b0 * 6);
        {
          let glo: i32 = 0;
          let ghi: i32 = 1;
          for (var g1: i32 = max(glo, lo2); g1 < min(ghi, hi2); g1 = g1 + 1) {
            let b1: i32 = (g1 + (-1));
            let q1: i32 = (q0 + b1);
            let i7: i32 = (ktab[0 + (b0 + 3)] + ktab[8 + (b1 + 2)]);
            let v7: f32 = select(x0[max(i7, 0)], 0.0f, i7 < 0);
            let i1: i32 = (ktab[0 + (b0 + 1)] + ktab[8 + (b1 + 2)]);
            let v1: f32 = select(x0[max(i1, 0)], 0.0f, i1 < 0);
            let v9: f32 = (v7 + v1);
            let v10: f32 = v9;
            let i5: i32 = (ktab[0 + (b0 + 2)] + ktab[8 + (b1 + 3)]);
            let v5: f32 = select(x0[max(i5, 0)], 0.0f, i5 < 0);
            let v11: f32 = (v10 + v5);
            let v12: f32 = v11;
            let i3: i32 = (ktab[0 + (b0 + 2)] + ktab[8 + (b1 + 1)]);
            let v3: f32 = select(x0[max(i3, 0)], 0.0f, i3 < 0);
            let v13: f32 = (v12 + v3);
            let v14: f32 = v13;
            let i4: i32 = (ktab[0 + (b0 + 2)] + ktab[8 + (b1 + 2)]);
            let v4: f32 = select(x0[max(i4, 0)], 0.0f, i4 < 0);
            let v16: f32 = (4.0f * v4);
            let v17: f32 = v16;
            let v18: f32 = (v14 - v17);
            let v19: f32 = v18;
            o0[(q1 + 7)] = v19;
          }
        }
        {
          let glo: i32 = 1;
          let ghi: i32 = 5;
          for (var g1: i32 = max(glo, lo2); g1 < min(ghi, hi2); g1 = g1 + 1) {
            let b1: i32 = (g1 + (-1));
            let q1: i32 = (q0 + b1);
            let i7: i32 = (ktab[0 + (b0 + 3)] + ktab[8 + (b1 + 2)]);
            let v7: f32 = select(x0[max(i7, 0)], 0.0f, i7 < 0);
            let i1: i32 = (ktab[0 + (b0 + 1)] + ktab[8 + (b1 + 2)]);
            let v1: f32 = select(x0[max(i1, 0)], 0.0f, i1 < 0);
            let v9: f32 = (v7 + v1);
            let v10: f32 = v9;
            let i5: i32 = (ktab[0 + (b0 + 2)] + ktab[8 + (b1 + 3)]);
            let v5: f32 = select(x0[max(i5, 0)], 0.0f, i5 < 0);
            let v11: f32 = (v10 + v5);
            let v12: f32 = v11;
            let i3: i32 = (ktab[0 + (b0 + 2)] + ktab[8 + (b1 + 1)]);
            let v3: f32 = select(x0[max(i3, 0)], 0.0f, i3 < 0);
            let v13: f32 = (v12 + v3);
            let v14: f32 = v13;
            let i4: i32 = (ktab[0 + (b0 + 2)] + ktab[8 + (b1 + 2)]);
            let v4: f32 = select(x0[max(i4, 0)], 0.0f, i4 < 0);
            let v16: f32 = (4.0f * v4);
            let v17: f32 = v16;
            let v18: f32 = (v14 - v17);
            let v19: f32 = v18;
            o0[(q1 + 7)] = v19;
          }
        }
        {
          let glo: i32 = 5;
          let ghi: i32 = 6;
          for (var g1: i32 = max(glo, lo2); g1 < min(ghi, hi2); g1 = g1 + 1) {
            let b1: i32 = (g1 + (-1));
            let q1: i32 = (q0 + b1);
            let i7: i32 = (ktab[0 + (b0 + 3)] + ktab[8 + (b1 + 2)]);
            let v7: f32 = select(x0[max(i7, 0)], 0.0f, i7 < 0);
            let i1: i32 = (ktab[0 + (b0 + 1)] + ktab[8 + (b1 + 2)]);
            let v1: f32 = select(x0[max(i1, 0)], 0.0f, i1 < 0);
            let v9: f32 = (v7 + v1);
            let v10: f32 = v9;
            let i5: i32 = (ktab[0 + (b0 + 2)] + ktab[8 + (b1 + 3)]);
            let v5: f32 = select(x0[max(i5, 0)], 0.0f, i5 < 0);
            let v11: f32 = (v10 + v5);
            let v12: f32 = v11;
            let i3: i32 = (ktab[0 + (b0 + 2)] + ktab[8 + (b1 + 1)]);
            let v3: f32 = select(x0[max(i3, 0)], 0.0f, i3 < 0);
            let v13: f32 = (v12 + v3);
            let v14: f32 = v13;
            let i4: i32 = (ktab[0 + (b0 + 2)] + ktab[8 + (b1 + 2)]);
            let v4: f32 = select(x0[max(i4, 0)], 0.0f, i4 < 0);
            let v16: f32 = (4.0f * v4);
            let v17: f32 = v16;
            let v18: f32 = (v14 - v17);
            let v19: f32 = v18;
            o0[(q1 + 7)] = v19;
          }
        }
      }
    }
    {
      for (var g0: i32 = max(1, lo1); g0 < min(5, hi1); g0 = g0 + 1) {
        let b0: i32 = (g0 + (-1));
        let q0: i32 = (b0 * 6);
        {
          let glo: i32 = 0;
          let ghi: i32 = 1;
          for (var g1: i32 = max(glo, lo2); g1 < min(ghi, hi2); g1 = g1 + 1) {
            let b1: i32 = (g1 + (-1));
            let q1: i32 = (q0 + b1);
            let i7: i32 = (ktab[0 + (b0 + 3)] + ktab[8 + (b1 + 2)]);
            let v7: f32 = select(x0[max(i7, 0)], 0.0f, i7 < 0);
            let i1: i32 = (ktab[0 + (b0 + 1)] + ktab[8 + (b1 + 2)]);
            let v1: f32 = select(x0[max(i1, 0)], 0.0f, i1 < 0);
            let v9: f32 = (v7 + v1);
            let v10: f32 = v9;
            let i5: i32 = (ktab[0 + (b0 + 2)] + ktab[8 + (b1 + 3)]);
            let v5: f32 = select(x0[max(i5, 0)], 0.0f, i5 < 0);
            let v11: f32 = (v10 + v5);
            let v12: f32 = v11;
            let i3: i32 = (ktab[0 + (b0 + 2)] + ktab[8 + (b1 + 1)]);
            let v3: f32 = select(x0[max(i3, 0)], 0.0f, i3 < 0);
            let v13: f32 = (v12 + v3);
            let v14: f32 = v13;
            let i4: i32 = (ktab[0 + (b0 + 2)] + ktab[8 + (b1 + 2)]);
            let v4: f32 = select(x0[max(i4, 0)], 0.0f, i4 < 0);
            let v16: f32 = (4.0f * v4);
            let v17: f32 = v16;
            let v18: f32 = (v14 - v17);
            let v19: f32 = v18;
            o0[(q1 + 7)] = v19;
          }
        }
        {
          let glo: i32 = 1;
          let ghi: i32 = 5;
          for (var g1: i32 = max(glo, lo2); g1 < min(ghi, hi2); g1 = g1 + 1) {
            let b1: i32 = (g1 + (-1));
            let q1: i32 = (q0 + b1);
            let v7: f32 = x0[(q1 + 13)];
            let v1: f32 = x0[(q1 + 1)];
            let v9: f32 = (v7 + v1);
            let v10: f32 = v9;
            let v5: f32 = x0[(q1 + 8)];
            let v11: f32 = (v10 + v5);
            let v12: f32 = v11;
            let v3: f32 = x0[(q1 + 6)];
            let v13: f32 = (v12 + v3);
            let v14: f32 = v13;
            let v4: f32 = x0[(q1 + 7)];
            let v16: f32 = (4.0f * v4);
            let v17: f32 = v16;
            let v18: f32 = (v14 - v17);
            let v19: f32 = v18;
            o0[(q1 + 7)] = v19;
          }
        }
        {
          let glo: i32 = 5;
          let ghi: i32 = 6;
          for (var g1: i32 = max(glo, lo2); g1 < min(ghi, hi2); g1 = g1 + 1) {
            let b1: i32 = (g1 + (-1));
            let q1: i32 = (q0 + b1);
            let i7: i32 = (ktab[0 + (b0 + 3)] + ktab[8 + (b1 + 2)]);
            let v7: f32 = select(x0[max(i7, 0)], 0.0f, i7 < 0);
            let i1: i32 = (ktab[0 + (b0 + 1)] + ktab[8 + (b1 + 2)]);
            let v1: f32 = select(x0[max(i1, 0)], 0.0f, i1 < 0);
            let v9: f32 = (v7 + v1);
            let v10: f32 = v9;
            let i5: i32 = (ktab[0 + (b0 + 2)] + ktab[8 + (b1 + 3)]);
            let v5: f32 = select(x0[max(i5, 0)], 0.0f, i5 < 0);
            let v11: f32 = (v10 + v5);
            let v12: f32 = v11;
            let i3: i32 = (ktab[0 + (b0 + 2)] + ktab[8 + (b1 + 1)]);
            let v3: f32 = select(x0[max(i3, 0)], 0.0f, i3 < 0);
            let v13: f32 = (v12 + v3);
            let v14: f32 = v13;
            let i4: i32 = (ktab[0 + (b0 + 2)] + ktab[8 + (b1 + 2)]);
            let v4: f32 = select(x0[max(i4, 0)], 0.0f, i4 < 0);
            let v16: f32 = (4.0f * v4);
            let v17: f32 = v16;
            let v18: f32 = (v14 - v17);
            let v19: f32 = v18;
            o0[(q1 + 7)] = v19;
          }
        }
      }
    }
    {
      for (var g0: i32 = max(5, lo1); g0 < min(6, hi1); g0 = g0 + 1) {
        let b0: i32 = (g0 + (-1));
        let q0: i32 = (b0 * 6);
        {
          let glo: i32 = 0;
          let ghi: i32 = 1;
          for (var g1: i32 = max(glo, lo2); g1 < min(ghi, hi2); g1 = g1 + 1) {
            let b1: i32 = (g1 + (-1));
            let q1: i32 = (q0 + b1);
            let i7: i32 = (ktab[0 + (b0 + 3)] + ktab[8 + (b1 + 2)]);
            let v7: f32 = select(x0[max(i7, 0)], 0.0f, i7 < 0);
            let i1: i32 = (ktab[0 + (b0 + 1)] + ktab[8 + (b1 + 2)]);
            let v1: f32 = select(x0[max(i1, 0)], 0.0f, i1 < 0);
            let v9: f32 = (v7 + v1);
            let v10: f32 = v9;
            let i5: i32 = (ktab[0 + (b0 + 2)] + ktab[8 + (b1 + 3)]);
            let v5: f32 = select(x0[max(i5, 0)], 0.0f, i5 < 0);
            let v11: f32 = (v10 + v5);
            let v12: f32 = v11;
            let i3: i32 = (ktab[0 + (b0 + 2)] + ktab[8 + (b1 + 1)]);
            let v3: f32 = select(x0[max(i3, 0)], 0.0f, i3 < 0);
            let v13: f32 = (v12 + v3);
            let v14: f32 = v13;
            let i4: i32 = (ktab[0 + (b0 + 2)] + ktab[8 + (b1 + 2)]);
            let v4: f32 = select(x0[max(i4, 0)], 0.0f, i4 < 0);
            let v16: f32 = (4.0f * v4);
            let v17: f32 = v16;
            let v18: f32 = (v14 - v17);
            let v19: f32 = v18;
            o0[(q1 + 7)] = v19;
          }
        }
        {
          let glo: i32 = 1;
          let ghi: i32 = 5;
          for (var g1: i32 = max(glo, lo2); g1 < min(ghi, hi2); g1 = g1 + 1) {
            let b1: i32 = (g1 + (-1));
            let q1: i32 = (q0 + b1);
            let i7: i32 = (ktab[0 + (b0 + 3)] + ktab[8 + (b1 + 2)]);
            let v7: f32 = select(x0[max(i7, 0)], 0.0f, i7 < 0);
            let i1: i32 = (ktab[0 + (b0 + 1)] + ktab[8 + (b1 + 2)]);
            let v1: f32 = select(x0[max(i1, 0)], 0.0f, i1 < 0);
            let v9: f32 = (v7 + v1);
            let v10: f32 = v9;
            let i5: i32 = (ktab[0 + (b0 + 2)] + ktab[8 + (b1 + 3)]);
            let v5: f32 = select(x0[max(i5, 0)], 0.0f, i5 < 0);
            let v11: f32 = (v10 + v5);
            let v12: f32 = v11;
            let i3: i32 = (ktab[0 + (b0 + 2)] + ktab[8 + (b1 + 1)]);
            let v3: f32 = select(x0[max(i3, 0)], 0.0f, i3 < 0);
            let v13: f32 = (v12 + v3);
            let v14: f32 = v13;
            let i4: i32 = (ktab[0 + (b0 + 2)] + ktab[8 + (b1 + 2)]);
            let v4: f32 = select(x0[max(i4, 0)], 0.0f, i4 < 0);
            let v16: f32 = (4.0f * v4);
            let v17: f32 = v16;
            let v18: f32 = (v14 - v17);
            let v19: f32 = v18;
            o0[(q1 + 7)] = v19;
          }
        }
        {
          let glo: i32 = 5;
          let ghi: i32 = 6;
          for (var g1: i32 = max(glo, lo2); g1 < min(ghi, hi2); g1 = g1 + 1) {
            let b1: i32 = (g1 + (-1));
            let q1: i32 = (q0 + b1);
            let i7: i32 = (ktab[0 + (b0 + 3)] + ktab[8 + (b1 + 2)]);
            let v7: f32 = select(x0[max(i7, 0)], 0.0f, i7 < 0);
            let i1: i32 = (ktab[0 + (b0 + 1)] + ktab[8 + (b1 + 2)]);
            let v1: f32 = select(x0[max(i1, 0)], 0.0f, i1 < 0);
            let v9: f32 = (v7 + v1);
            let v10: f32 = v9;
            let i5: i32 = (ktab[0 + (b0 + 2)] + ktab[8 + (b1 + 3)]);
            let v5: f32 = select(x0[max(i5, 0)], 0.0f, i5 < 0);
            let v11: f32 = (v10 + v5);
            let v12: f32 = v11;
            let i3: i32 = (ktab[0 + (b0 + 2)] + ktab[8 + (b1 + 1)]);
            let v3: f32 = select(x0[max(i3, 0)], 0.0f, i3 < 0);
            let v13: f32 = (v12 + v3);
            let v14: f32 = v13;
            let i4: i32 = (ktab[0 + (b0 + 2)] + ktab[8 + (b1 + 2)]);
            let v4: f32 = select(x0[max(i4, 0)], 0.0f, i4 < 0);
            let v16: f32 = (4.0f * v4);
            let v17: f32 = v16;
            let v18: f32 = (v14 - v17);
            let v19: f32 = v18;
            o0[(q1 + 7)] = v19;
          }
        }
      }
    }
  }
}
