(func $main (param i32 i32 i32) (local i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 v128 i32 v128 v128 v128 i32 f64 f64 f64 f64 f64 f64 f64 f64 f64 f64 f64 f64 f64 f64 f64 f64 f64 i32)
  i32.const 0
  local.set 5
  local.get 0
  local.set 6
  local.get 5
  local.get 6
  local.get 5
  local.get 6
  i32.gt_s
  select
  local.set 3
  i32.const 2
  local.set 7
  local.get 1
  local.set 8
  local.get 7
  local.get 8
  local.get 7
  local.get 8
  i32.lt_s
  select
  local.set 4
  block
    loop
      local.get 3
      local.get 4
      i32.ge_s
      br_if 1
      local.get 3
      i32.const 441
      i32.mul
      local.set 9
      i32.const 0
      local.set 10
      i32.const 10
      local.set 11
      block
        loop
          local.get 10
          local.get 11
          i32.ge_s
          br_if 1
          local.get 10
          i32.const 2
          i32.mul
          local.set 12
          local.get 9
          local.get 12
          i32.const 21
          i32.mul
          i32.add
          local.set 13
          local.get 3
          i32.const 10
          i32.mul
          local.get 10
          i32.add
          local.set 14
          i32.const 0
          local.set 15
          i32.const 10
          local.set 16
          local.get 15
          local.set 17
          local.get 16
          local.set 18
          local.get 17
          local.set 19
          local.get 18
          local.set 20
          local.get 19
          i32.const 2
          i32.add
          local.get 20
          i32.le_s
          if
            local.get 19
            i32.const 2
            i32.mul
            local.set 21
            local.get 13
            local.get 21
            i32.add
            local.set 22
            local.get 14
            i32.const 10
            i32.mul
            local.get 19
            i32.add
            local.set 23
            i32.const 1
            local.get 22
            i32.const 0
            i32.ge_s
            i32.and
            local.get 23
            i32.const 0
            i32.ge_s
            i32.and
            if
              local.get 22
              i32.const 3
              i32.shl
              local.set 24
              local.get 24
              v128.load offset=0
              local.get 24
              v128.load offset=168
              f64x2.max
              local.get 24
              v128.load offset=336
              f64x2.max
              local.set 25
              block
                loop
                  local.get 19
                  i32.const 2
                  i32.add
                  local.get 20
                  i32.gt_s
                  br_if 1
                  local.get 19
                  i32.const 2
                  i32.mul
                  local.set 21
                  local.get 13
                  local.get 21
                  i32.add
                  local.set 22
                  local.get 14
                  i32.const 10
                  i32.mul
                  local.get 19
                  i32.add
                  local.set 23
                  local.get 22
                  i32.const 3
                  i32.shl
                  local.set 26
                  local.get 26
                  v128.load offset=16
                  local.get 26
                  v128.load offset=184
                  f64x2.max
                  local.get 26
                  v128.load offset=352
                  f64x2.max
                  local.set 27
                  local.get 26
                  v128.load offset=32
                  local.get 26
                  v128.load offset=200
                  f64x2.max
                  local.get 26
                  v128.load offset=368
                  f64x2.max
                  local.set 28
                  local.get 25
                  local.get 27
                  i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
                  local.get 25
                  local.get 27
                  i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31
                  f64x2.max
                  local.get 27
                  local.get 28
                  i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
                  f64x2.max
                  local.set 29
                  local.get 23
                  i32.const 3
                  i32.shl
                  local.tee 30
                  local.get 29
                  v128.store offset=7088
                  local.get 28
                  local.set 25
                  local.get 19
                  i32.const 2
                  i32.add
                  local.set 19
                  br 0
                end
              end
            end
          end
          block
            loop
              local.get 19
              local.get 20
              i32.ge_s
              br_if 1
              local.get 19
              i32.const 2
              i32.mul
              local.set 21
              local.get 13
              local.get 21
              i32.add
              local.set 22
              local.get 14
              i32.const 10
              i32.mul
              local.get 19
              i32.add
              local.set 23
              local.get 22
              i32.const 3
              i32.shl
              f64.load offset=0
              local.set 31
              local.get 22
              i32.const 1
              i32.add
              i32.const 3
              i32.shl
              f64.load offset=0
              local.set 32
              local.get 31
              local.get 32
              f64.max
              local.set 33
              local.get 22
              i32.const 2
              i32.add
              i32.const 3
              i32.shl
              f64.load offset=0
              local.set 34
              local.get 33
              local.get 34
              f64.max
              local.set 35
              local.get 22
              i32.const 21
              i32.add
              i32.const 3
              i32.shl
              f64.load offset=0
              local.set 36
              local.get 35
              local.get 36
              f64.max
              local.set 37
              local.get 22
              i32.const 22
              i32.add
              i32.const 3
              i32.shl
              f64.load offset=0
              local.set 38
              local.get 37
              local.get 38
              f64.max
              local.set 39
              local.get 22
              i32.const 23
              i32.add
              i32.const 3
              i32.shl
              f64.load offset=0
              local.set 40
              local.get 39
              local.get 40
              f64.max
              local.set 41
              local.get 22
              i32.const 42
              i32.add
              i32.const 3
              i32.shl
              f64.load offset=0
              local.set 42
              local.get 41
              local.get 42
              f64.max
              local.set 43
              local.get 22
              i32.const 43
              i32.add
              i32.const 3
              i32.shl
              f64.load offset=0
              local.set 44
              local.get 43
              local.get 44
              f64.max
              local.set 45
              local.get 22
              i32.const 44
              i32.add
              i32.const 3
              i32.shl
              f64.load offset=0
              local.set 46
              local.get 45
              local.get 46
              f64.max
              local.set 47
              local.get 23
              i32.const 3
              i32.shl
              local.set 48
              local.get 48
              local.get 47
              f64.store offset=7088
              local.get 19
              i32.const 1
              i32.add
              local.set 19
              br 0
            end
          end
          local.get 10
          i32.const 1
          i32.add
          local.set 10
          br 0
        end
      end
      local.get 3
      i32.const 1
      i32.add
      local.set 3
      br 0
    end
  end
end)