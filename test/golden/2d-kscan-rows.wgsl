// dispatch: 1 workgroup(s) × 1 step(s); tables [-1000000000, 0, 6, 12, 18, 24, -1000000000, -1000000000, 0, 1, 2, 3, 4, 5, -1000000000]
struct KParams { k: i32, pad0: i32, pad1: i32, pad2: i32 }
@group(0) @binding(0) var<uniform> kparams: KParams;
@group(0) @binding(1) var<storage, read> ktab: array<i32>;
@group(0) @binding(2) var<storage, read_write> x0: array<f32>;

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  if (gid.x != 0u) { return; }
  let lo: i32 = 0;
  let hi: i32 = 5;
  let k: i32 = kparams.k;
  {
    for (var g0: i32 = max(0, lo); g0 < min(1, hi); g0 = g0 + 1) {
      let b0: i32 = (g0 + (-1));
      {
        let glo: i32 = 0;
        let ghi: i32 = 1;
        for (var g1: i32 = glo; g1 < ghi; g1 = g1 + 1) {
          let b1: i32 = (g1 + (-1));
          let i1: i32 = (ktab[0 + (b0 + 1)] + ktab[7 + (b1 + 2)]);
          let v1: f32 = select(x0[max(i1, 0)], 0.0f, i1 < 0);
          let v10: f32 = (0.5f * v1);
          let v11: f32 = v10;
          let i3: i32 = (ktab[0 + (b0 + 2)] + ktab[7 + (b1 + 1)]);
          let v3: f32 = select(x0[max(i3, 0)], 0.0f, i3 < 0);
          let v12: f32 = (0.5f * v3);
          let v13: f32 = v12;
          let v14: f32 = (v11 + v13);
          let v15: f32 = v14;
          if ((((b0 + 1) >= 0) && ((b0 + 1) < 5)) && (((b1 + 1) >= 0) && ((b1 + 1) < 6))) {
            x0[((((b0 + 1) * 6) + b1) + 1)] = v15;
          }
        }
      }
      {
        let glo: i32 = 1;
        let ghi: i32 = 5;
        for (var g1: i32 = glo; g1 < ghi; g1 = g1 + 1) {
          let b1: i32 = (g1 + (-1));
          let i1: i32 = (ktab[0 + (b0 + 1)] + ktab[7 + (b1 + 2)]);
          let v1: f32 = select(x0[max(i1, 0)], 0.0f, i1 < 0);
          let v10: f32 = (0.5f * v1);
          let v11: f32 = v10;
          let i3: i32 = (ktab[0 + (b0 + 2)] + ktab[7 + (b1 + 1)]);
          let v3: f32 = select(x0[max(i3, 0)], 0.0f, i3 < 0);
          let v12: f32 = (0.5f * v3);
          let v13: f32 = v12;
          let v14: f32 = (v11 + v13);
          let v15: f32 = v14;
          if ((((b0 + 1) >= 0) && ((b0 + 1) < 5)) && (((b1 + 1) >= 0) && ((b1 + 1) < 6))) {
            x0[((((b0 + 1) * 6) + b1) + 1)] = v15;
          }
        }
      }
      {
        let glo: i32 = 5;
        let ghi: i32 = 6;
        for (var g1: i32 = glo; g1 < ghi; g1 = g1 + 1) {
          let b1: i32 = (g1 + (-1));
          let i1: i32 = (ktab[0 + (b0 + 1)] + ktab[7 + (b1 + 2)]);
          let v1: f32 = select(x0[max(i1, 0)], 0.0f, i1 < 0);
          let v10: f32 = (0.5f * v1);
          let v11: f32 = v10;
          let i3: i32 = (ktab[0 + (b0 + 2)] + ktab[7 + (b1 + 1)]);
          let v3: f32 = select(x0[max(i3, 0)], 0.0f, i3 < 0);
          let v12: f32 = (0.5f * v3);
          let v13: f32 = v12;
          let v14: f32 = (v11 + v13);
          let v15: f32 = v14;
          if ((((b0 + 1) >= 0) && ((b0 + 1) < 5)) && (((b1 + 1) >= 0) && ((b1 + 1) < 6))) {
            x0[((((b0 + 1) * 6) + b1) + 1)] = v15;
          }
        }
      }
    }
  }
  {
    for (var g0: i32 = max(1, lo); g0 < min(4, hi); g0 = g0 + 1) {
      let b0: i32 = (g0 + (-1));
      let q0: i32 = (b0 * 6);
      {
        let glo: i32 = 0;
        let ghi: i32 = 1;
        for (var g1: i32 = glo; g1 < ghi; g1 = g1 + 1) {
          let b1: i32 = (g1 + (-1));
          let i1: i32 = (ktab[0 + (b0 + 1)] + ktab[7 + (b1 + 2)]);
          let v1: f32 = select(x0[max(i1, 0)], 0.0f, i1 < 0);
          let v10: f32 = (0.5f * v1);
          let v11: f32 = v10;
          let i3: i32 = (ktab[0 + (b0 + 2)] + ktab[7 + (b1 + 1)]);
          let v3: f32 = select(x0[max(i3, 0)], 0.0f, i3 < 0);
          let v12: f32 = (0.5f * v3);
          let v13: f32 = v12;
          let v14: f32 = (v11 + v13);
          let v15: f32 = v14;
          if ((((b0 + 1) >= 0) && ((b0 + 1) < 5)) && (((b1 + 1) >= 0) && ((b1 + 1) < 6))) {
            x0[((((b0 + 1) * 6) + b1) + 1)] = v15;
          }
        }
      }
      {
        let glo: i32 = 1;
        let ghi: i32 = 5;
        for (var g1: i32 = glo; g1 < ghi; g1 = g1 + 1) {
          let b1: i32 = (g1 + (-1));
          let q1: i32 = (q0 + b1);
          let v1: f32 = x0[(q1 + 1)];
          let v10: f32 = (0.5f * v1);
          let v11: f32 = v10;
          let v3: f32 = x0[(q1 + 6)];
          let v12: f32 = (0.5f * v3);
          let v13: f32 = v12;
          let v14: f32 = (v11 + v13);
          let v15: f32 = v14;
          x0[(q1 + 7)] = v15;
        }
      }
      {
        let glo: i32 = 5;
        let ghi: i32 = 6;
        for (var g1: i32 = glo; g1 < ghi; g1 = g1 + 1) {
          let b1: i32 = (g1 + (-1));
          let i1: i32 = (ktab[0 + (b0 + 1)] + ktab[7 + (b1 + 2)]);
          let v1: f32 = select(x0[max(i1, 0)], 0.0f, i1 < 0);
          let v10: f32 = (0.5f * v1);
          let v11: f32 = v10;
          let i3: i32 = (ktab[0 + (b0 + 2)] + ktab[7 + (b1 + 1)]);
          let v3: f32 = select(x0[max(i3, 0)], 0.0f, i3 < 0);
          let v12: f32 = (0.5f * v3);
          let v13: f32 = v12;
          let v14: f32 = (v11 + v13);
          let v15: f32 = v14;
          if ((((b0 + 1) >= 0) && ((b0 + 1) < 5)) && (((b1 + 1) >= 0) && ((b1 + 1) < 6))) {
            x0[((((b0 + 1) * 6) + b1) + 1)] = v15;
          }
        }
      }
    }
  }
  {
    for (var g0: i32 = max(4, lo); g0 < min(5, hi); g0 = g0 + 1) {
      let b0: i32 = (g0 + (-1));
      {
        let glo: i32 = 0;
        let ghi: i32 = 1;
        for (var g1: i32 = glo; g1 < ghi; g1 = g1 + 1) {
          let b1: i32 = (g1 + (-1));
          let i1: i32 = (ktab[0 + (b0 + 1)] + ktab[7 + (b1 + 2)]);
          let v1: f32 = select(x0[max(i1, 0)], 0.0f, i1 < 0);
          let v10: f32 = (0.5f * v1);
          let v11: f32 = v10;
          let i3: i32 = (ktab[0 + (b0 + 2)] + ktab[7 + (b1 + 1)]);
          let v3: f32 = select(x0[max(i3, 0)], 0.0f, i3 < 0);
          let v12: f32 = (0.5f * v3);
          let v13: f32 = v12;
          let v14: f32 = (v11 + v13);
          let v15: f32 = v14;
          if ((((b0 + 1) >= 0) && ((b0 + 1) < 5)) && (((b1 + 1) >= 0) && ((b1 + 1) < 6))) {
            x0[((((b0 + 1) * 6) + b1) + 1)] = v15;
          }
        }
      }
      {
        let glo: i32 = 1;
        let ghi: i32 = 5;
        for (var g1: i32 = glo; g1 < ghi; g1 = g1 + 1) {
          let b1: i32 = (g1 + (-1));
          let i1: i32 = (ktab[0 + (b0 + 1)] + ktab[7 + (b1 + 2)]);
          let v1: f32 = select(x0[max(i1, 0)], 0.0f, i1 < 0);
          let v10: f32 = (0.5f * v1);
          let v11: f32 = v10;
          let i3: i32 = (ktab[0 + (b0 + 2)] + ktab[7 + (b1 + 1)]);
          let v3: f32 = select(x0[max(i3, 0)], 0.0f, i3 < 0);
          let v12: f32 = (0.5f * v3);
          let v13: f32 = v12;
          let v14: f32 = (v11 + v13);
          let v15: f32 = v14;
          if ((((b0 + 1) >= 0) && ((b0 + 1) < 5)) && (((b1 + 1) >= 0) && ((b1 + 1) < 6))) {
            x0[((((b0 + 1) * 6) + b1) + 1)] = v15;
          }
        }
      }
      {
        let glo: i32 = 5;
        let ghi: i32 = 6;
        for (var g1: i32 = glo; g1 < ghi; g1 = g1 + 1) {
          let b1: i32 = (g1 + (-1));
          let i1: i32 = (ktab[0 + (b0 + 1)] + ktab[7 + (b1 + 2)]);
          let v1: f32 = select(x0[max(i1, 0)], 0.0f, i1 < 0);
          let v10: f32 = (0.5f * v1);
          let v11: f32 = v10;
          let i3: i32 = (ktab[0 + (b0 + 2)] + ktab[7 + (b1 + 1)]);
          let v3: f32 = select(x0[max(i3, 0)], 0.0f, i3 < 0);
          let v12: f32 = (0.5f * v3);
          let v13: f32 = v12;
          let v14: f32 = (v11 + v13);
          let v15: f32 = v14;
          if ((((b0 + 1) >= 0) && ((b0 + 1) < 5)) && (((b1 + 1) >= 0) && ((b1 + 1) < 6))) {
            x0[((((b0 + 1) * 6) + b1) + 1)] = v15;
          }
        }
      }
    }
  }
}
