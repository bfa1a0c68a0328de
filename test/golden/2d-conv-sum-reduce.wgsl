// dispatch: 4 invocation(s) in 1 × 1 workgroup(s), 1 step(s); tables [0]
struct KParams { k: i32, pad0: i32, pad1: i32, pad2: i32 }
@group(0) @binding(0) var<uniform> kparams: KParams;
@group(0) @binding(1) var<storage, read> ktab: array<i32>;
@group(0) @binding(2) var<storage, read> x0: array<f32>;
@group(0) @binding(3) var<storage, read> e0: array<f32>;
@group(0) @binding(4) var<storage, read_write> o0: array<f32>;

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let lo: i32 = i32(gid.x + gid.y * 64u);
  if (lo >= 4) { return; }
  let hi: i32 = lo + 1;
  let k: i32 = kparams.k;
  let c0_0: f32 = e0[0];
  let c0_1: f32 = e0[1];
  let c0_2: f32 = e0[2];
  let c0_3: f32 = e0[3];
  let c0_4: f32 = e0[4];
  let c0_5: f32 = e0[5];
  let c0_6: f32 = e0[6];
  let c0_7: f32 = e0[7];
  let c0_8: f32 = e0[8];
  for (var kz: i32 = lo; kz < hi; kz = kz + 1) { o0[kz] = 0.0f; }
  {
    for (var g0: i32 = max(0, lo); g0 < min(4, hi); g0 = g0 + 1) {
      let q0: i32 = (g0 * 6);
      {
        let glo: i32 = 0;
        let ghi: i32 = 4;
        var a0_0: f32 = 0.0f;
        for (var g1: i32 = glo; g1 < ghi; g1 = g1 + 1) {
          let q1: i32 = (q0 + g1);
          let v0: f32 = x0[q1];
          let v18: f32 = (v0 * c0_0);
          let v19: f32 = v18;
          let v1: f32 = x0[(q1 + 1)];
          let v20: f32 = (v1 * c0_1);
          let v21: f32 = v20;
          let v36: f32 = (v19 + v21);
          let v37: f32 = v36;
          let v2: f32 = x0[(q1 + 2)];
          let v22: f32 = (v2 * c0_2);
          let v23: f32 = v22;
          let v38: f32 = (v37 + v23);
          let v39: f32 = v38;
          let v3: f32 = x0[(q1 + 6)];
          let v24: f32 = (v3 * c0_3);
          let v25: f32 = v24;
          let v40: f32 = (v39 + v25);
          let v41: f32 = v40;
          let v4: f32 = x0[(q1 + 7)];
          let v26: f32 = (v4 * c0_4);
          let v27: f32 = v26;
          let v42: f32 = (v41 + v27);
          let v43: f32 = v42;
          let v5: f32 = x0[(q1 + 8)];
          let v28: f32 = (v5 * c0_5);
          let v29: f32 = v28;
          let v44: f32 = (v43 + v29);
          let v45: f32 = v44;
          let v6: f32 = x0[(q1 + 12)];
          let v30: f32 = (v6 * c0_6);
          let v31: f32 = v30;
          let v46: f32 = (v45 + v31);
          let v47: f32 = v46;
          let v7: f32 = x0[(q1 + 13)];
          let v32: f32 = (v7 * c0_7);
          let v33: f32 = v32;
          let v48: f32 = (v47 + v33);
          let v49: f32 = v48;
          let v8: f32 = x0[(q1 + 14)];
          let v34: f32 = (v8 * c0_8);
          let v35: f32 = v34;
          let v50: f32 = (v49 + v35);
          let v51: f32 = v50;
          a0_0 = a0_0 + v51;
        }
        o0[g0] = o0[g0] + a0_0;
      }
    }
  }
}
