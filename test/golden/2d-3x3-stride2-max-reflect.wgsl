// dispatch: 16 invocation(s) in 1 × 1 workgroup(s), 1 step(s); tables [7, 0, 7, 14, 21, 28, 35, 42, 35, 1, 0, 1, 2, 3, 4, 5, 6, 5]
struct KParams { k: i32, pad0: i32, pad1: i32, pad2: i32 }
@group(0) @binding(0) var<uniform> kparams: KParams;
@group(0) @binding(1) var<storage, read> ktab: array<i32>;
@group(0) @binding(2) var<storage, read> x0: array<f32>;
@group(0) @binding(3) var<storage, read_write> o0: array<f32>;

fn k_floordiv(a: i32, k: i32) -> i32 { let q = a / k; if ((a % k != 0) && ((a < 0) != (k < 0))) { return q - 1; } return q; }
fn k_isnan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn k_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn k_max(x: f32, y: f32) -> f32 { if (k_isnan(x) || k_isnan(y)) { return k_nan(); } return max(x, y); }

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let lo: i32 = i32(gid.x + gid.y * 64u);
  if (lo >= 16) { return; }
  let hi: i32 = lo + 1;
  let k: i32 = kparams.k;
  {
    let lo1: i32 = k_floordiv(lo, 4);
    let hi1: i32 = (k_floordiv(lo, 4) + 1);
    let lo2: i32 = (lo % 4);
    let hi2: i32 = ((lo % 4) + 1);
    {
      for (var g0: i32 = max(0, lo1); g0 < min(1, hi1); g0 = g0 + 1) {
        let b0: i32 = ((g0 * 2) + (-1));
        {
          let glo: i32 = 0;
          let ghi: i32 = 1;
          for (var g1: i32 = max(glo, lo2); g1 < min(ghi, hi2); g1 = g1 + 1) {
            let b1: i32 = ((g1 * 2) + (-1));
            let og1: i32 = ((g0 * 4) + g1);
            let i0: i32 = (ktab[0 + (b0 + 1)] + ktab[9 + (b1 + 1)]);
            let v0: f32 = select(x0[max(i0, 0)], 0.0f, i0 < 0);
            let i1: i32 = (ktab[0 + (b0 + 1)] + ktab[9 + (b1 + 2)]);
            let v1: f32 = select(x0[max(i1, 0)], 0.0f, i1 < 0);
            let v9: f32 = k_max(v0, v1);
            let i2: i32 = (ktab[0 + (b0 + 1)] + ktab[9 + (b1 + 3)]);
            let v2: f32 = select(x0[max(i2, 0)], 0.0f, i2 < 0);
            let v10: f32 = k_max(v9, v2);
            let i3: i32 = (ktab[0 + (b0 + 2)] + ktab[9 + (b1 + 1)]);
            let v3: f32 = select(x0[max(i3, 0)], 0.0f, i3 < 0);
            let v11: f32 = k_max(v10, v3);
            let i4: i32 = (ktab[0 + (b0 + 2)] + ktab[9 + (b1 + 2)]);
            let v4: f32 = select(x0[max(i4, 0)], 0.0f, i4 < 0);
            let v12: f32 = k_max(v11, v4);
            let i5: i32 = (ktab[0 + (b0 + 2)] + ktab[9 + (b1 + 3)]);
            let v5: f32 = select(x0[max(i5, 0)], 0.0f, i5 < 0);
            let v13: f32 = k_max(v12, v5);
            let i6: i32 = (ktab[0 + (b0 + 3)] + ktab[9 + (b1 + 1)]);
            let v6: f32 = select(x0[max(i6, 0)], 0.0f, i6 < 0);
            let v14: f32 = k_max(v13, v6);
            let i7: i32 = (ktab[0 + (b0 + 3)] + ktab[9 + (b1 + 2)]);
            let v7: f32 = select(x0[max(i7, 0)], 0.0f, i7 < 0);
            let v15: f32 = k_max(v14, v7);
            let i8_: i32 = (ktab[0 + (b0 + 3)] + ktab[9 + (b1 + 3)]);
            let v8: f32 = select(x0[max(i8_, 0)], 0.0f, i8_ < 0);
            let v16: f32 = k_max(v15, v8);
            o0[og1] = v16;
          }
        }
        {
          let glo: i32 = 1;
          let ghi: i32 = 3;
          for (var g1: i32 = max(glo, lo2); g1 < min(ghi, hi2); g1 = g1 + 1) {
            let b1: i32 = ((g1 * 2) + (-1));
            let og1: i32 = ((g0 * 4) + g1);
            let i0: i32 = (ktab[0 + (b0 + 1)] + ktab[9 + (b1 + 1)]);
            let v0: f32 = select(x0[max(i0, 0)], 0.0f, i0 < 0);
            let i1: i32 = (ktab[0 + (b0 + 1)] + ktab[9 + (b1 + 2)]);
            let v1: f32 = select(x0[max(i1, 0)], 0.0f, i1 < 0);
            let v9: f32 = k_max(v0, v1);
            let i2: i32 = (ktab[0 + (b0 + 1)] + ktab[9 + (b1 + 3)]);
            let v2: f32 = select(x0[max(i2, 0)], 0.0f, i2 < 0);
            let v10: f32 = k_max(v9, v2);
            let i3: i32 = (ktab[0 + (b0 + 2)] + ktab[9 + (b1 + 1)]);
            let v3: f32 = select(x0[max(i3, 0)], 0.0f, i3 < 0);
            let v11: f32 = k_max(v10, v3);
            let i4: i32 = (ktab[0 + (b0 + 2)] + ktab[9 + (b1 + 2)]);
            let v4: f32 = select(x0[max(i4, 0)], 0.0f, i4 < 0);
            let v12: f32 = k_max(v11, v4);
            let i5: i32 = (ktab[0 + (b0 + 2)] + ktab[9 + (b1 + 3)]);
            let v5: f32 = select(x0[max(i5, 0)], 0.0f, i5 < 0);
            let v13: f32 = k_max(v12, v5);
            let i6: i32 = (ktab[0 + (b0 + 3)] + ktab[9 + (b1 + 1)]);
            let v6: f32 = select(x0[max(i6, 0)], 0.0f, i6 < 0);
            let v14: f32 = k_max(v13, v6);
            let i7: i32 = (ktab[0 + (b0 + 3)] + ktab[9 + (b1 + 2)]);
            let v7: f32 = select(x0[max(i7, 0)], 0.0f, i7 < 0);
            let v15: f32 = k_max(v14, v7);
            let i8_: i32 = (ktab[0 + (b0 + 3)] + ktab[9 + (b1 + 3)]);
            let v8: f32 = select(x0[max(i8_, 0)], 0.0f, i8_ < 0);
            let v16: f32 = k_max(v15, v8);
            o0[og1] = v16;
          }
        }
        {
          let glo: i32 = 3;
          let ghi: i32 = 4;
          for (var g1: i32 = max(glo, lo2); g1 < min(ghi, hi2); g1 = g1 + 1) {
            let b1: i32 = ((g1 * 2) + (-1));
            let og1: i32 = ((g0 * 4) + g1);
            let i0: i32 = (ktab[0 + (b0 + 1)] + ktab[9 + (b1 + 1)]);
            let v0: f32 = select(x0[max(i0, 0)], 0.0f, i0 < 0);
            let i1: i32 = (ktab[0 + (b0 + 1)] + ktab[9 + (b1 + 2)]);
            let v1: f32 = select(x0[max(i1, 0)], 0.0f, i1 < 0);
            let v9: f32 = k_max(v0, v1);
            let i2: i32 = (ktab[0 + (b0 + 1)] + ktab[9 + (b1 + 3)]);
            let v2: f32 = select(x0[max(i2, 0)], 0.0f, i2 < 0);
            let v10: f32 = k_max(v9, v2);
            let i3: i32 = (ktab[0 + (b0 + 2)] + ktab[9 + (b1 + 1)]);
            let v3: f32 = select(x0[max(i3, 0)], 0.0f, i3 < 0);
            let v11: f32 = k_max(v10, v3);
            let i4: i32 = (ktab[0 + (b0 + 2)] + ktab[9 + (b1 + 2)]);
            let v4: f32 = select(x0[max(i4, 0)], 0.0f, i4 < 0);
            let v12: f32 = k_max(v11, v4);
            let i5: i32 = (ktab[0 + (b0 + 2)] + ktab[9 + (b1 + 3)]);
            let v5: f32 = select(x0[max(i5, 0)], 0.0f, i5 < 0);
            let v13: f32 = k_max(v12, v5);
            let i6: i32 = (ktab[0 + (b0 + 3)] + ktab[9 + (b1 + 1)]);
            let v6: f32 = select(x0[max(i6, 0)], 0.0f, i6 < 0);
            let v14: f32 = k_max(v13, v6);
            let i7: i32 = (ktab[0 + (b0 + 3)] + ktab[9 + (b1 + 2)]);
            let v7: f32 = select(x0[max(i7, 0)], 0.0f, i7 < 0);
            let v15: f32 = k_max(v14, v7);
            let i8_: i32 = (ktab[0 + (b0 + 3)] + ktab[9 + (b1 + 3)]);
            let v8: f32 = select(x0[max(i8_, 0)], 0.0f, i8_ < 0);
            let v16: f32 = k_max(v15, v8);
            o0[og1] = v16;
          }
        }
      }
    }
    {
      for (var g0: i32 = max(1, lo1); g0 < min(3, hi1); g0 = g0 + 1) {
        let b0: i32 = ((g0 * 2) + (-1));
        let q0: i32 = (b0 * 7);
        {
          let glo: i32 = 0;
          let ghi: i32 = 1;
          for (var g1: i32 = max(glo, lo2); g1 < min(ghi, hi2); g1 = g1 + 1) {
            let b1: i32 = ((g1 * 2) + (-1));
            let og1: i32 = ((g0 * 4) + g1);
            let i0: i32 = (ktab[0 + (b0 + 1)] + ktab[9 + (b1 + 1)]);
            let v0: f32 = select(x0[max(i0, 0)], 0.0f, i0 < 0);
            let i1: i32 = (ktab[0 + (b0 + 1)] + ktab[9 + (b1 + 2)]);
            let v1: f32 = select(x0[max(i1, 0)], 0.0f, i1 < 0);
            let v9: f32 = k_max(v0, v1);
            let i2: i32 = (ktab[0 + (b0 + 1)] + ktab[9 + (b1 + 3)]);
            let v2: f32 = select(x0[max(i2, 0)], 0.0f, i2 < 0);
            let v10: f32 = k_max(v9, v2);
            let i3: i32 = (ktab[0 + (b0 + 2)] + ktab[9 + (b1 + 1)]);
            let v3: f32 = select(x0[max(i3, 0)], 0.0f, i3 < 0);
            let v11: f32 = k_max(v10, v3);
            let i4: i32 = (ktab[0 + (b0 + 2)] + ktab[9 + (b1 + 2)]);
            let v4: f32 = select(x0[max(i4, 0)], 0.0f, i4 < 0);
            let v12: f32 = k_max(v11, v4);
            let i5: i32 = (ktab[0 + (b0 + 2)] + ktab[9 + (b1 + 3)]);
            let v5: f32 = select(x0[max(i5, 0)], 0.0f, i5 < 0);
            let v13: f32 = k_max(v12, v5);
            let i6: i32 = (ktab[0 + (b0 + 3)] + ktab[9 + (b1 + 1)]);
            let v6: f32 = select(x0[max(i6, 0)], 0.0f, i6 < 0);
            let v14: f32 = k_max(v13, v6);
            let i7: i32 = (ktab[0 + (b0 + 3)] + ktab[9 + (b1 + 2)]);
            let v7: f32 = select(x0[max(i7, 0)], 0.0f, i7 < 0);
            let v15: f32 = k_max(v14, v7);
            let i8_: i32 = (ktab[0 + (b0 + 3)] + ktab[9 + (b1 + 3)]);
            let v8: f32 = select(x0[max(i8_, 0)], 0.0f, i8_ < 0);
            let v16: f32 = k_max(v15, v8);
            o0[og1] = v16;
          }
        }
        {
          let glo: i32 = 1;
          let ghi: i32 = 3;
          for (var g1: i32 = max(glo, lo2); g1 < min(ghi, hi2); g1 = g1 + 1) {
            let b1: i32 = ((g1 * 2) + (-1));
            let q1: i32 = (q0 + b1);
            let og1: i32 = ((g0 * 4) + g1);
            let v0: f32 = x0[q1];
            let v1: f32 = x0[(q1 + 1)];
            let v9: f32 = k_max(v0, v1);
            let v2: f32 = x0[(q1 + 2)];
            let v10: f32 = k_max(v9, v2);
            let v3: f32 = x0[(q1 + 7)];
            let v11: f32 = k_max(v10, v3);
            let v4: f32 = x0[(q1 + 8)];
            let v12: f32 = k_max(v11, v4);
            let v5: f32 = x0[(q1 + 9)];
            let v13: f32 = k_max(v12, v5);
            let v6: f32 = x0[(q1 + 14)];
            let v14: f32 = k_max(v13, v6);
            let v7: f32 = x0[(q1 + 15)];
            let v15: f32 = k_max(v14, v7);
            let v8: f32 = x0[(q1 + 16)];
            let v16: f32 = k_max(v15, v8);
            o0[og1] = v16;
          }
        }
        {
          let glo: i32 = 3;
          let ghi: i32 = 4;
          for (var g1: i32 = max(glo, lo2); g1 < min(ghi, hi2); g1 = g1 + 1) {
            let b1: i32 = ((g1 * 2) + (-1));
            let og1: i32 = ((g0 * 4) + g1);
            let i0: i32 = (ktab[0 + (b0 + 1)] + ktab[9 + (b1 + 1)]);
            let v0: f32 = select(x0[max(i0, 0)], 0.0f, i0 < 0);
            let i1: i32 = (ktab[0 + (b0 + 1)] + ktab[9 + (b1 + 2)]);
            let v1: f32 = select(x0[max(i1, 0)], 0.0f, i1 < 0);
            let v9: f32 = k_max(v0, v1);
            let i2: i32 = (ktab[0 + (b0 + 1)] + ktab[9 + (b1 + 3)]);
            let v2: f32 = select(x0[max(i2, 0)], 0.0f, i2 < 0);
            let v10: f32 = k_max(v9, v2);
            let i3: i32 = (ktab[0 + (b0 + 2)] + ktab[9 + (b1 + 1)]);
            let v3: f32 = select(x0[max(i3, 0)], 0.0f, i3 < 0);
            let v11: f32 = k_max(v10, v3);
            let i4: i32 = (ktab[0 + (b0 + 2)] + ktab[9 + (b1 + 2)]);
            let v4: f32 = select(x0[max(i4, 0)], 0.0f, i4 < 0);
            let v12: f32 = k_max(v11, v4);
            let i5: i32 = (ktab[0 + (b0 + 2)] + ktab[9 + (b1 + 3)]);
            let v5: f32 = select(x0[max(i5, 0)], 0.0f, i5 < 0);
            let v13: f32 = k_max(v12, v5);
            let i6: i32 = (ktab[0 + (b0 + 3)] + ktab[9 + (b1 + 1)]);
            let v6: f32 = select(x0[max(i6, 0)], 0.0f, i6 < 0);
            let v14: f32 = k_max(v13, v6);
            let i7: i32 = (ktab[0 + (b0 + 3)] + ktab[9 + (b1 + 2)]);
            let v7: f32 = select(x0[max(i7, 0)], 0.0f, i7 < 0);
            let v15: f32 = k_max(v14, v7);
            let i8_: i32 = (ktab[0 + (b0 + 3)] + ktab[9 + (b1 + 3)]);
            let v8: f32 = select(x0[max(i8_, 0)], 0.0f, i8_ < 0);
            let v16: f32 = k_max(v15, v8);
            o0[og1] = v16;
          }
        }
      }
    }
    {
      for (var g0: i32 = max(3, lo1); g0 < min(4, hi1); g0 = g0 + 1) {
        let b0: i32 = ((g0 * 2) + (-1));
        {
          let glo: i32 = 0;
          let ghi: i32 = 1;
          for (var g1: i32 = max(glo, lo2); g1 < min(ghi, hi2); g1 = g1 + 1) {
            let b1: i32 = ((g1 * 2) + (-1));
            let og1: i32 = ((g0 * 4) + g1);
            let i0: i32 = (ktab[0 + (b0 + 1)] + ktab[9 + (b1 + 1)]);
            let v0: f32 = select(x0[max(i0, 0)], 0.0f, i0 < 0);
            let i1: i32 = (ktab[0 + (b0 + 1)] + ktab[9 + (b1 + 2)]);
            let v1: f32 = select(x0[max(i1, 0)], 0.0f, i1 < 0);
            let v9: f32 = k_max(v0, v1);
            let i2: i32 = (ktab[0 + (b0 + 1)] + ktab[9 + (b1 + 3)]);
            let v2: f32 = select(x0[max(i2, 0)], 0.0f, i2 < 0);
            let v10: f32 = k_max(v9, v2);
            let i3: i32 = (ktab[0 + (b0 + 2)] + ktab[9 + (b1 + 1)]);
            let v3: f32 = select(x0[max(i3, 0)], 0.0f, i3 < 0);
            let v11: f32 = k_max(v10, v3);
            let i4: i32 = (ktab[0 + (b0 + 2)] + ktab[9 + (b1 + 2)]);
            let v4: f32 = select(x0[max(i4, 0)], 0.0f, i4 < 0);
            let v12: f32 = k_max(v11, v4);
            let i5: i32 = (ktab[0 + (b0 + 2)] + ktab[9 + (b1 + 3)]);
            let v5: f32 = select(x0[max(i5, 0)], 0.0f, i5 < 0);
            let v13: f32 = k_max(v12, v5);
            let i6: i32 = (ktab[0 + (b0 + 3)] + ktab[9 + (b1 + 1)]);
            let v6: f32 = select(x0[max(i6, 0)], 0.0f, i6 < 0);
            let v14: f32 = k_max(v13, v6);
            let i7: i32 = (ktab[0 + (b0 + 3)] + ktab[9 + (b1 + 2)]);
            let v7: f32 = select(x0[max(i7, 0)], 0.0f, i7 < 0);
            let v15: f32 = k_max(v14, v7);
            let i8_: i32 = (ktab[0 + (b0 + 3)] + ktab[9 + (b1 + 3)]);
            let v8: f32 = select(x0[max(i8_, 0)], 0.0f, i8_ < 0);
            let v16: f32 = k_max(v15, v8);
            o0[og1] = v16;
          }
        }
        {
          let glo: i32 = 1;
          let ghi: i32 = 3;
          for (var g1: i32 = max(glo, lo2); g1 < min(ghi, hi2); g1 = g1 + 1) {
            let b1: i32 = ((g1 * 2) + (-1));
            let og1: i32 = ((g0 * 4) + g1);
            let i0: i32 = (ktab[0 + (b0 + 1)] + ktab[9 + (b1 + 1)]);
            let v0: f32 = select(x0[max(i0, 0)], 0.0f, i0 < 0);
            let i1: i32 = (ktab[0 + (b0 + 1)] + ktab[9 + (b1 + 2)]);
            let v1: f32 = select(x0[max(i1, 0)], 0.0f, i1 < 0);
            let v9: f32 = k_max(v0, v1);
            let i2: i32 = (ktab[0 + (b0 + 1)] + ktab[9 + (b1 + 3)]);
            let v2: f32 = select(x0[max(i2, 0)], 0.0f, i2 < 0);
            let v10: f32 = k_max(v9, v2);
            let i3: i32 = (ktab[0 + (b0 + 2)] + ktab[9 + (b1 + 1)]);
            let v3: f32 = select(x0[max(i3, 0)], 0.0f, i3 < 0);
            let v11: f32 = k_max(v10, v3);
            let i4: i32 = (ktab[0 + (b0 + 2)] + ktab[9 + (b1 + 2)]);
            let v4: f32 = select(x0[max(i4, 0)], 0.0f, i4 < 0);
            let v12: f32 = k_max(v11, v4);
            let i5: i32 = (ktab[0 + (b0 + 2)] + ktab[9 + (b1 + 3)]);
            let v5: f32 = select(x0[max(i5, 0)], 0.0f, i5 < 0);
            let v13: f32 = k_max(v12, v5);
            let i6: i32 = (ktab[0 + (b0 + 3)] + ktab[9 + (b1 + 1)]);
            let v6: f32 = select(x0[max(i6, 0)], 0.0f, i6 < 0);
            let v14: f32 = k_max(v13, v6);
            let i7: i32 = (ktab[0 + (b0 + 3)] + ktab[9 + (b1 + 2)]);
            let v7: f32 = select(x0[max(i7, 0)], 0.0f, i7 < 0);
            let v15: f32 = k_max(v14, v7);
            let i8_: i32 = (ktab[0 + (b0 + 3)] + ktab[9 + (b1 + 3)]);
            let v8: f32 = select(x0[max(i8_, 0)], 0.0f, i8_ < 0);
            let v16: f32 = k_max(v15, v8);
            o0[og1] = v16;
          }
        }
        {
          let glo: i32 = 3;
          let ghi: i32 = 4;
          for (var g1: i32 = max(glo, lo2); g1 < min(ghi, hi2); g1 = g1 + 1) {
            let b1: i32 = ((g1 * 2) + (-1));
            let og1: i32 = ((g0 * 4) + g1);
            let i0: i32 = (ktab[0 + (b0 + 1)] + ktab[9 + (b1 + 1)]);
            let v0: f32 = select(x0[max(i0, 0)], 0.0f, i0 < 0);
            let i1: i32 = (ktab[0 + (b0 + 1)] + ktab[9 + (b1 + 2)]);
            let v1: f32 = select(x0[max(i1, 0)], 0.0f, i1 < 0);
            let v9: f32 = k_max(v0, v1);
            let i2: i32 = (ktab[0 + (b0 + 1)] + ktab[9 + (b1 + 3)]);
            let v2: f32 = select(x0[max(i2, 0)], 0.0f, i2 < 0);
            let v10: f32 = k_max(v9, v2);
            let i3: i32 = (ktab[0 + (b0 + 2)] + ktab[9 + (b1 + 1)]);
            let v3: f32 = select(x0[max(i3, 0)], 0.0f, i3 < 0);
            let v11: f32 = k_max(v10, v3);
            let i4: i32 = (ktab[0 + (b0 + 2)] + ktab[9 + (b1 + 2)]);
            let v4: f32 = select(x0[max(i4, 0)], 0.0f, i4 < 0);
            let v12: f32 = k_max(v11, v4);
            let i5: i32 = (ktab[0 + (b0 + 2)] + ktab[9 + (b1 + 3)]);
            let v5: f32 = select(x0[max(i5, 0)], 0.0f, i5 < 0);
            let v13: f32 = k_max(v12, v5);
            let i6: i32 = (ktab[0 + (b0 + 3)] + ktab[9 + (b1 + 1)]);
            let v6: f32 = select(x0[max(i6, 0)], 0.0f, i6 < 0);
            let v14: f32 = k_max(v13, v6);
            let i7: i32 = (ktab[0 + (b0 + 3)] + ktab[9 + (b1 + 2)]);
            let v7: f32 = select(x0[max(i7, 0)], 0.0f, i7 < 0);
            let v15: f32 = k_max(v14, v7);
            let i8_: i32 = (ktab[0 + (b0 + 3)] + ktab[9 + (b1 + 3)]);
            let v8: f32 = select(x0[max(i8_, 0)], 0.0f, i8_ < 0);
            let v16: f32 = k_max(v15, v8);
            o0[og1] = v16;
          }
        }
      }
    }
  }
}
