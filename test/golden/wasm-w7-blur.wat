(func $main (param i32 i32 i32) (local f64 f64 f64 f64 f64 f64 f64 f64 f64 f64 f64 f64 f64 f64 f64 f64 f64 f64 f64 f64 f64 f64 f64 f64 f64 f64 f64 f64 f64 f64 f64 f64 f64 f64 f64 f64 f64 f64 f64 f64 f64 f64 f64 f64 f64 f64 f64 f64 f64 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 f64 f64 i32 f64 f64 f64 i32 f64 f64 f64 i32 f64 f64 f64 i32 f64 f64 f64 i32 f64 f64 f64 i32 f64 f64 f64 i32 f64 f64 f64 i32 f64 f64 f64 i32 f64 f64 f64 i32 f64 f64 f64 i32 f64 f64 f64 i32 f64 f64 f64 i32 f64 f64 f64 i32 f64 f64 f64 i32 f64 f64 f64 i32 f64 f64 f64 i32 f64 f64 f64 i32 f64 f64 f64 i32 f64 f64 f64 i32 f64 f64 f64 i32 f64 f64 f64 i32 f64 f64 f64 i32 f64 f64 f64 i32 f64 f64 f64 i32 f64 f64 f64 i32 f64 f64 f64 i32 f64 f64 f64 i32 f64 f64 f64 i32 f64 f64 f64 i32 f64 f64 f64 i32 f64 f64 f64 i32 f64 f64 f64 i32 f64 f64 f64 i32 f64 f64 f64 i32 f64 f64 f64 i32 f64 f64 f64 i32 f64 f64 f64 i32 f64 f64 f64 i32 f64 f64 f64 i32 f64 f64 f64 i32 f64 f64 f64 i32 f64 f64 f64 i32 f64 f64 f64 i32 f64 f64 f64 i32 f64 f64 f64 i32 f64 f64 f64 i32 f64 f64 f64 i32 f64 f64 f64 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32)
  i32.const 0
  i32.const 3
  i32.shl
  f64.load offset=2080
  local.set 3
  i32.const 1
  i32.const 3
  i32.shl
  f64.load offset=2080
  local.set 4
  i32.const 2
  i32.const 3
  i32.shl
  f64.load offset=2080
  local.set 5
  i32.const 3
  i32.const 3
  i32.shl
  f64.load offset=2080
  local.set 6
  i32.const 4
  i32.const 3
  i32.shl
  f64.load offset=2080
  local.set 7
  i32.const 5
  i32.const 3
  i32.shl
  f64.load offset=2080
  local.set 8
  i32.const 6
  i32.const 3
  i32.shl
  f64.load offset=2080
  local.set 9
  i32.const 7
  i32.const 3
  i32.shl
  f64.load offset=2080
  local.set 10
  i32.const 8
  i32.const 3
  i32.shl
  f64.load offset=2080
  local.set 11
  i32.const 9
  i32.const 3
  i32.shl
  f64.load offset=2080
  local.set 12
  i32.const 10
  i32.const 3
  i32.shl
  f64.load offset=2080
  local.set 13
  i32.const 11
  i32.const 3
  i32.shl
  f64.load offset=2080
  local.set 14
  i32.const 12
  i32.const 3
  i32.shl
  f64.load offset=2080
  local.set 15
  i32.const 13
  i32.const 3
  i32.shl
  f64.load offset=2080
  local.set 16
  i32.const 14
  i32.const 3
  i32.shl
  f64.load offset=2080
  local.set 17
  i32.const 15
  i32.const 3
  i32.shl
  f64.load offset=2080
  local.set 18
  i32.const 16
  i32.const 3
  i32.shl
  f64.load offset=2080
  local.set 19
  i32.const 17
  i32.const 3
  i32.shl
  f64.load offset=2080
  local.set 20
  i32.const 18
  i32.const 3
  i32.shl
  f64.load offset=2080
  local.set 21
  i32.const 19
  i32.const 3
  i32.shl
  f64.load offset=2080
  local.set 22
  i32.const 20
  i32.const 3
  i32.shl
  f64.load offset=2080
  local.set 23
  i32.const 21
  i32.const 3
  i32.shl
  f64.load offset=2080
  local.set 24
  i32.const 22
  i32.const 3
  i32.shl
  f64.load offset=2080
  local.set 25
  i32.const 23
  i32.const 3
  i32.shl
  f64.load offset=2080
  local.set 26
  i32.const 24
  i32.const 3
  i32.shl
  f64.load offset=2080
  local.set 27
  i32.const 25
  i32.const 3
  i32.shl
  f64.load offset=2080
  local.set 28
  i32.const 26
  i32.const 3
  i32.shl
  f64.load offset=2080
  local.set 29
  i32.const 27
  i32.const 3
  i32.shl
  f64.load offset=2080
  local.set 30
  i32.const 28
  i32.const 3
  i32.shl
  f64.load offset=2080
  local.set 31
  i32.const 29
  i32.const 3
  i32.shl
  f64.load offset=2080
  local.set 32
  i32.const 30
  i32.const 3
  i32.shl
  f64.load offset=2080
  local.set 33
  i32.const 31
  i32.const 3
  i32.shl
  f64.load offset=2080
  local.set 34
  i32.const 32
  i32.const 3
  i32.shl
  f64.load offset=2080
  local.set 35
  i32.const 33
  i32.const 3
  i32.shl
  f64.load offset=2080
  local.set 36
  i32.const 34
  i32.const 3
  i32.shl
  f64.load offset=2080
  local.set 37
  i32.const 35
  i32.const 3
  i32.shl
  f64.load offset=2080
  local.set 38
  i32.const 36
  i32.const 3
  i32.shl
  f64.load offset=2080
  local.set 39
  i32.const 37
  i32.const 3
  i32.shl
  f64.load offset=2080
  local.set 40
  i32.const 38
  i32.const 3
  i32.shl
  f64.load offset=2080
  local.set 41
  i32.const 39
  i32.const 3
  i32.shl
  f64.load offset=2080
  local.set 42
  i32.const 40
  i32.const 3
  i32.shl
  f64.load offset=2080
  local.set 43
  i32.const 41
  i32.const 3
  i32.shl
  f64.load offset=2080
  local.set 44
  i32.const 42
  i32.const 3
  i32.shl
  f64.load offset=2080
  local.set 45
  i32.const 43
  i32.const 3
  i32.shl
  f64.load offset=2080
  local.set 46
  i32.const 44
  i32.const 3
  i32.shl
  f64.load offset=2080
  local.set 47
  i32.const 45
  i32.const 3
  i32.shl
  f64.load offset=2080
  local.set 48
  i32.const 46
  i32.const 3
  i32.shl
  f64.load offset=2080
  local.set 49
  i32.const 47
  i32.const 3
  i32.shl
  f64.load offset=2080
  local.set 50
  i32.const 48
  i32.const 3
  i32.shl
  f64.load offset=2080
  local.set 51
  i32.const 0
  local.set 54
  local.get 0
  local.set 55
  local.get 54
  local.get 55
  local.get 54
  local.get 55
  i32.gt_s
  select
  local.set 52
  i32.const 3
  local.set 56
  local.get 1
  local.set 57
  local.get 56
  local.get 57
  local.get 56
  local.get 57
  i32.lt_s
  select
  local.set 53
  block
    loop
      local.get 52
      local.get 53
      i32.ge_s
      br_if 1
      local.get 52
      i32.const -3
      i32.add
      local.set 58
      local.get 58
      i32.const 16
      i32.mul
      local.set 59
      i32.const 0
      local.set 60
      i32.const 3
      local.set 61
      local.get 60
      local.set 62
      local.get 61
      local.set 63
      local.get 62
      local.set 64
      local.get 63
      local.set 65
      block
        loop
          local.get 64
          local.get 65
          i32.ge_s
          br_if 1
          local.get 64
          i32.const -3
          i32.add
          local.set 66
          local.get 59
          local.get 66
          i32.add
          local.set 67
          local.get 58
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 68
          local.get 68
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 68
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 69
          local.get 69
          local.get 3
          f64.mul
          local.set 70
          local.get 58
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 71
          local.get 71
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 71
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 72
          local.get 72
          local.get 4
          f64.mul
          local.set 73
          local.get 70
          local.get 73
          f64.add
          local.set 74
          local.get 58
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 75
          local.get 75
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 75
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 76
          local.get 76
          local.get 5
          f64.mul
          local.set 77
          local.get 74
          local.get 77
          f64.add
          local.set 78
          local.get 58
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 79
          local.get 79
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 79
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 80
          local.get 80
          local.get 6
          f64.mul
          local.set 81
          local.get 78
          local.get 81
          f64.add
          local.set 82
          local.get 58
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 83
          local.get 83
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 83
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 84
          local.get 84
          local.get 7
          f64.mul
          local.set 85
          local.get 82
          local.get 85
          f64.add
          local.set 86
          local.get 58
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 87
          local.get 87
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 87
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 88
          local.get 88
          local.get 8
          f64.mul
          local.set 89
          local.get 86
          local.get 89
          f64.add
          local.set 90
          local.get 58
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 91
          local.get 91
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 91
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 92
          local.get 92
          local.get 9
          f64.mul
          local.set 93
          local.get 90
          local.get 93
          f64.add
          local.set 94
          local.get 58
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 95
          local.get 95
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 95
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 96
          local.get 96
          local.get 10
          f64.mul
          local.set 97
          local.get 94
          local.get 97
          f64.add
          local.set 98
          local.get 58
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 99
          local.get 99
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 99
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 100
          local.get 100
          local.get 11
          f64.mul
          local.set 101
          local.get 98
          local.get 101
          f64.add
          local.set 102
          local.get 58
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 103
          local.get 103
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 103
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 104
          local.get 104
          local.get 12
          f64.mul
          local.set 105
          local.get 102
          local.get 105
          f64.add
          local.set 106
          local.get 58
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 107
          local.get 107
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 107
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 108
          local.get 108
          local.get 13
          f64.mul
          local.set 109
          local.get 106
          local.get 109
          f64.add
          local.set 110
          local.get 58
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 111
          local.get 111
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 111
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 112
          local.get 112
          local.get 14
          f64.mul
          local.set 113
          local.get 110
          local.get 113
          f64.add
          local.set 114
          local.get 58
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 115
          local.get 115
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 115
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 116
          local.get 116
          local.get 15
          f64.mul
          local.set 117
          local.get 114
          local.get 117
          f64.add
          local.set 118
          local.get 58
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 119
          local.get 119
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 119
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 120
          local.get 120
          local.get 16
          f64.mul
          local.set 121
          local.get 118
          local.get 121
          f64.add
          local.set 122
          local.get 58
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 123
          local.get 123
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 123
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 124
          local.get 124
          local.get 17
          f64.mul
          local.set 125
          local.get 122
          local.get 125
          f64.add
          local.set 126
          local.get 58
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 127
          local.get 127
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 127
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 128
          local.get 128
          local.get 18
          f64.mul
          local.set 129
          local.get 126
          local.get 129
          f64.add
          local.set 130
          local.get 58
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 131
          local.get 131
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 131
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 132
          local.get 132
          local.get 19
          f64.mul
          local.set 133
          local.get 130
          local.get 133
          f64.add
          local.set 134
          local.get 58
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 135
          local.get 135
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 135
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 136
          local.get 136
          local.get 20
          f64.mul
          local.set 137
          local.get 134
          local.get 137
          f64.add
          local.set 138
          local.get 58
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 139
          local.get 139
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 139
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 140
          local.get 140
          local.get 21
          f64.mul
          local.set 141
          local.get 138
          local.get 141
          f64.add
          local.set 142
          local.get 58
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 143
          local.get 143
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 143
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 144
          local.get 144
          local.get 22
          f64.mul
          local.set 145
          local.get 142
          local.get 145
          f64.add
          local.set 146
          local.get 58
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 147
          local.get 147
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 147
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 148
          local.get 148
          local.get 23
          f64.mul
          local.set 149
          local.get 146
          local.get 149
          f64.add
          local.set 150
          local.get 58
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 151
          local.get 151
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 151
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 152
          local.get 152
          local.get 24
          f64.mul
          local.set 153
          local.get 150
          local.get 153
          f64.add
          local.set 154
          local.get 58
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 155
          local.get 155
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 155
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 156
          local.get 156
          local.get 25
          f64.mul
          local.set 157
          local.get 154
          local.get 157
          f64.add
          local.set 158
          local.get 58
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 159
          local.get 159
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 159
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 160
          local.get 160
          local.get 26
          f64.mul
          local.set 161
          local.get 158
          local.get 161
          f64.add
          local.set 162
          local.get 58
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 163
          local.get 163
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 163
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 164
          local.get 164
          local.get 27
          f64.mul
          local.set 165
          local.get 162
          local.get 165
          f64.add
          local.set 166
          local.get 58
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 167
          local.get 167
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 167
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 168
          local.get 168
          local.get 28
          f64.mul
          local.set 169
          local.get 166
          local.get 169
          f64.add
          local.set 170
          local.get 58
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 171
          local.get 171
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 171
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 172
          local.get 172
          local.get 29
          f64.mul
          local.set 173
          local.get 170
          local.get 173
          f64.add
          local.set 174
          local.get 58
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 175
          local.get 175
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 175
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 176
          local.get 176
          local.get 30
          f64.mul
          local.set 177
          local.get 174
          local.get 177
          f64.add
          local.set 178
          local.get 58
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 179
          local.get 179
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 179
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 180
          local.get 180
          local.get 31
          f64.mul
          local.set 181
          local.get 178
          local.get 181
          f64.add
          local.set 182
          local.get 58
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 183
          local.get 183
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 183
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 184
          local.get 184
          local.get 32
          f64.mul
          local.set 185
          local.get 182
          local.get 185
          f64.add
          local.set 186
          local.get 58
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 187
          local.get 187
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 187
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 188
          local.get 188
          local.get 33
          f64.mul
          local.set 189
          local.get 186
          local.get 189
          f64.add
          local.set 190
          local.get 58
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 191
          local.get 191
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 191
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 192
          local.get 192
          local.get 34
          f64.mul
          local.set 193
          local.get 190
          local.get 193
          f64.add
          local.set 194
          local.get 58
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 195
          local.get 195
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 195
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 196
          local.get 196
          local.get 35
          f64.mul
          local.set 197
          local.get 194
          local.get 197
          f64.add
          local.set 198
          local.get 58
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 199
          local.get 199
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 199
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 200
          local.get 200
          local.get 36
          f64.mul
          local.set 201
          local.get 198
          local.get 201
          f64.add
          local.set 202
          local.get 58
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 203
          local.get 203
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 203
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 204
          local.get 204
          local.get 37
          f64.mul
          local.set 205
          local.get 202
          local.get 205
          f64.add
          local.set 206
          local.get 58
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 207
          local.get 207
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 207
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 208
          local.get 208
          local.get 38
          f64.mul
          local.set 209
          local.get 206
          local.get 209
          f64.add
          local.set 210
          local.get 58
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 211
          local.get 211
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 211
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 212
          local.get 212
          local.get 39
          f64.mul
          local.set 213
          local.get 210
          local.get 213
          f64.add
          local.set 214
          local.get 58
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 215
          local.get 215
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 215
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 216
          local.get 216
          local.get 40
          f64.mul
          local.set 217
          local.get 214
          local.get 217
          f64.add
          local.set 218
          local.get 58
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 219
          local.get 219
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 219
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 220
          local.get 220
          local.get 41
          f64.mul
          local.set 221
          local.get 218
          local.get 221
          f64.add
          local.set 222
          local.get 58
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 223
          local.get 223
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 223
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 224
          local.get 224
          local.get 42
          f64.mul
          local.set 225
          local.get 222
          local.get 225
          f64.add
          local.set 226
          local.get 58
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 227
          local.get 227
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 227
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 228
          local.get 228
          local.get 43
          f64.mul
          local.set 229
          local.get 226
          local.get 229
          f64.add
          local.set 230
          local.get 58
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 231
          local.get 231
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 231
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 232
          local.get 232
          local.get 44
          f64.mul
          local.set 233
          local.get 230
          local.get 233
          f64.add
          local.set 234
          local.get 58
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 235
          local.get 235
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 235
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 236
          local.get 236
          local.get 45
          f64.mul
          local.set 237
          local.get 234
          local.get 237
          f64.add
          local.set 238
          local.get 58
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 239
          local.get 239
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 239
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 240
          local.get 240
          local.get 46
          f64.mul
          local.set 241
          local.get 238
          local.get 241
          f64.add
          local.set 242
          local.get 58
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 243
          local.get 243
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 243
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 244
          local.get 244
          local.get 47
          f64.mul
          local.set 245
          local.get 242
          local.get 245
          f64.add
          local.set 246
          local.get 58
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 247
          local.get 247
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 247
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 248
          local.get 248
          local.get 48
          f64.mul
          local.set 249
          local.get 246
          local.get 249
          f64.add
          local.set 250
          local.get 58
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 251
          local.get 251
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 251
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 252
          local.get 252
          local.get 49
          f64.mul
          local.set 253
          local.get 250
          local.get 253
          f64.add
          local.set 254
          local.get 58
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 255
          local.get 255
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 255
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 256
          local.get 256
          local.get 50
          f64.mul
          local.set 257
          local.get 254
          local.get 257
          f64.add
          local.set 258
          local.get 58
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 259
          local.get 259
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 259
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 260
          local.get 260
          local.get 51
          f64.mul
          local.set 261
          local.get 258
          local.get 261
          f64.add
          local.set 262
          local.get 67
          i32.const 51
          i32.add
          i32.const 3
          i32.shl
          local.set 263
          local.get 263
          local.get 262
          f64.store offset=2512
          local.get 64
          i32.const 1
          i32.add
          local.set 64
          br 0
        end
      end
      i32.const 3
      local.set 264
      i32.const 13
      local.set 265
      local.get 264
      local.set 62
      local.get 265
      local.set 63
      local.get 62
      local.set 64
      local.get 63
      local.set 266
      block
        loop
          local.get 64
          local.get 266
          i32.ge_s
          br_if 1
          local.get 64
          i32.const -3
          i32.add
          local.set 66
          local.get 59
          local.get 66
          i32.add
          local.set 67
          local.get 58
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 68
          local.get 68
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 68
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 69
          local.get 69
          local.get 3
          f64.mul
          local.set 70
          local.get 58
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 71
          local.get 71
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 71
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 72
          local.get 72
          local.get 4
          f64.mul
          local.set 73
          local.get 70
          local.get 73
          f64.add
          local.set 74
          local.get 58
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 75
          local.get 75
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 75
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 76
          local.get 76
          local.get 5
          f64.mul
          local.set 77
          local.get 74
          local.get 77
          f64.add
          local.set 78
          local.get 58
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 79
          local.get 79
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 79
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 80
          local.get 80
          local.get 6
          f64.mul
          local.set 81
          local.get 78
          local.get 81
          f64.add
          local.set 82
          local.get 58
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 83
          local.get 83
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 83
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 84
          local.get 84
          local.get 7
          f64.mul
          local.set 85
          local.get 82
          local.get 85
          f64.add
          local.set 86
          local.get 58
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 87
          local.get 87
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 87
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 88
          local.get 88
          local.get 8
          f64.mul
          local.set 89
          local.get 86
          local.get 89
          f64.add
          local.set 90
          local.get 58
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 91
          local.get 91
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 91
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 92
          local.get 92
          local.get 9
          f64.mul
          local.set 93
          local.get 90
          local.get 93
          f64.add
          local.set 94
          local.get 58
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 95
          local.get 95
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 95
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 96
          local.get 96
          local.get 10
          f64.mul
          local.set 97
          local.get 94
          local.get 97
          f64.add
          local.set 98
          local.get 58
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 99
          local.get 99
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 99
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 100
          local.get 100
          local.get 11
          f64.mul
          local.set 101
          local.get 98
          local.get 101
          f64.add
          local.set 102
          local.get 58
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 103
          local.get 103
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 103
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 104
          local.get 104
          local.get 12
          f64.mul
          local.set 105
          local.get 102
          local.get 105
          f64.add
          local.set 106
          local.get 58
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 107
          local.get 107
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 107
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 108
          local.get 108
          local.get 13
          f64.mul
          local.set 109
          local.get 106
          local.get 109
          f64.add
          local.set 110
          local.get 58
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 111
          local.get 111
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 111
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 112
          local.get 112
          local.get 14
          f64.mul
          local.set 113
          local.get 110
          local.get 113
          f64.add
          local.set 114
          local.get 58
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 115
          local.get 115
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 115
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 116
          local.get 116
          local.get 15
          f64.mul
          local.set 117
          local.get 114
          local.get 117
          f64.add
          local.set 118
          local.get 58
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 119
          local.get 119
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 119
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 120
          local.get 120
          local.get 16
          f64.mul
          local.set 121
          local.get 118
          local.get 121
          f64.add
          local.set 122
          local.get 58
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 123
          local.get 123
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 123
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 124
          local.get 124
          local.get 17
          f64.mul
          local.set 125
          local.get 122
          local.get 125
          f64.add
          local.set 126
          local.get 58
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 127
          local.get 127
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 127
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 128
          local.get 128
          local.get 18
          f64.mul
          local.set 129
          local.get 126
          local.get 129
          f64.add
          local.set 130
          local.get 58
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 131
          local.get 131
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 131
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 132
          local.get 132
          local.get 19
          f64.mul
          local.set 133
          local.get 130
          local.get 133
          f64.add
          local.set 134
          local.get 58
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 135
          local.get 135
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 135
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 136
          local.get 136
          local.get 20
          f64.mul
          local.set 137
          local.get 134
          local.get 137
          f64.add
          local.set 138
          local.get 58
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 139
          local.get 139
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 139
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 140
          local.get 140
          local.get 21
          f64.mul
          local.set 141
          local.get 138
          local.get 141
          f64.add
          local.set 142
          local.get 58
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 143
          local.get 143
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 143
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 144
          local.get 144
          local.get 22
          f64.mul
          local.set 145
          local.get 142
          local.get 145
          f64.add
          local.set 146
          local.get 58
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 147
          local.get 147
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 147
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 148
          local.get 148
          local.get 23
          f64.mul
          local.set 149
          local.get 146
          local.get 149
          f64.add
          local.set 150
          local.get 58
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 151
          local.get 151
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 151
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 152
          local.get 152
          local.get 24
          f64.mul
          local.set 153
          local.get 150
          local.get 153
          f64.add
          local.set 154
          local.get 58
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 155
          local.get 155
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 155
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 156
          local.get 156
          local.get 25
          f64.mul
          local.set 157
          local.get 154
          local.get 157
          f64.add
          local.set 158
          local.get 58
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 159
          local.get 159
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 159
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 160
          local.get 160
          local.get 26
          f64.mul
          local.set 161
          local.get 158
          local.get 161
          f64.add
          local.set 162
          local.get 58
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 163
          local.get 163
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 163
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 164
          local.get 164
          local.get 27
          f64.mul
          local.set 165
          local.get 162
          local.get 165
          f64.add
          local.set 166
          local.get 58
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 167
          local.get 167
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 167
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 168
          local.get 168
          local.get 28
          f64.mul
          local.set 169
          local.get 166
          local.get 169
          f64.add
          local.set 170
          local.get 58
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 171
          local.get 171
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 171
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 172
          local.get 172
          local.get 29
          f64.mul
          local.set 173
          local.get 170
          local.get 173
          f64.add
          local.set 174
          local.get 58
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 175
          local.get 175
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 175
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 176
          local.get 176
          local.get 30
          f64.mul
          local.set 177
          local.get 174
          local.get 177
          f64.add
          local.set 178
          local.get 58
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 179
          local.get 179
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 179
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 180
          local.get 180
          local.get 31
          f64.mul
          local.set 181
          local.get 178
          local.get 181
          f64.add
          local.set 182
          local.get 58
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 183
          local.get 183
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 183
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 184
          local.get 184
          local.get 32
          f64.mul
          local.set 185
          local.get 182
          local.get 185
          f64.add
          local.set 186
          local.get 58
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 187
          local.get 187
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 187
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 188
          local.get 188
          local.get 33
          f64.mul
          local.set 189
          local.get 186
          local.get 189
          f64.add
          local.set 190
          local.get 58
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 191
          local.get 191
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 191
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 192
          local.get 192
          local.get 34
          f64.mul
          local.set 193
          local.get 190
          local.get 193
          f64.add
          local.set 194
          local.get 58
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 195
          local.get 195
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 195
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 196
          local.get 196
          local.get 35
          f64.mul
          local.set 197
          local.get 194
          local.get 197
          f64.add
          local.set 198
          local.get 58
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 199
          local.get 199
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 199
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 200
          local.get 200
          local.get 36
          f64.mul
          local.set 201
          local.get 198
          local.get 201
          f64.add
          local.set 202
          local.get 58
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 203
          local.get 203
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 203
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 204
          local.get 204
          local.get 37
          f64.mul
          local.set 205
          local.get 202
          local.get 205
          f64.add
          local.set 206
          local.get 58
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 207
          local.get 207
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 207
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 208
          local.get 208
          local.get 38
          f64.mul
          local.set 209
          local.get 206
          local.get 209
          f64.add
          local.set 210
          local.get 58
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 211
          local.get 211
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 211
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 212
          local.get 212
          local.get 39
          f64.mul
          local.set 213
          local.get 210
          local.get 213
          f64.add
          local.set 214
          local.get 58
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 215
          local.get 215
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 215
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 216
          local.get 216
          local.get 40
          f64.mul
          local.set 217
          local.get 214
          local.get 217
          f64.add
          local.set 218
          local.get 58
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 219
          local.get 219
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 219
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 220
          local.get 220
          local.get 41
          f64.mul
          local.set 221
          local.get 218
          local.get 221
          f64.add
          local.set 222
          local.get 58
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 223
          local.get 223
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 223
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 224
          local.get 224
          local.get 42
          f64.mul
          local.set 225
          local.get 222
          local.get 225
          f64.add
          local.set 226
          local.get 58
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 227
          local.get 227
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 227
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 228
          local.get 228
          local.get 43
          f64.mul
          local.set 229
          local.get 226
          local.get 229
          f64.add
          local.set 230
          local.get 58
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 231
          local.get 231
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 231
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 232
          local.get 232
          local.get 44
          f64.mul
          local.set 233
          local.get 230
          local.get 233
          f64.add
          local.set 234
          local.get 58
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 235
          local.get 235
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 235
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 236
          local.get 236
          local.get 45
          f64.mul
          local.set 237
          local.get 234
          local.get 237
          f64.add
          local.set 238
          local.get 58
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 239
          local.get 239
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 239
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 240
          local.get 240
          local.get 46
          f64.mul
          local.set 241
          local.get 238
          local.get 241
          f64.add
          local.set 242
          local.get 58
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 243
          local.get 243
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 243
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 244
          local.get 244
          local.get 47
          f64.mul
          local.set 245
          local.get 242
          local.get 245
          f64.add
          local.set 246
          local.get 58
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 247
          local.get 247
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 247
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 248
          local.get 248
          local.get 48
          f64.mul
          local.set 249
          local.get 246
          local.get 249
          f64.add
          local.set 250
          local.get 58
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 251
          local.get 251
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 251
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 252
          local.get 252
          local.get 49
          f64.mul
          local.set 253
          local.get 250
          local.get 253
          f64.add
          local.set 254
          local.get 58
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 255
          local.get 255
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 255
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 256
          local.get 256
          local.get 50
          f64.mul
          local.set 257
          local.get 254
          local.get 257
          f64.add
          local.set 258
          local.get 58
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 259
          local.get 259
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 259
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 260
          local.get 260
          local.get 51
          f64.mul
          local.set 261
          local.get 258
          local.get 261
          f64.add
          local.set 262
          local.get 67
          i32.const 51
          i32.add
          i32.const 3
          i32.shl
          local.set 267
          local.get 267
          local.get 262
          f64.store offset=2512
          local.get 64
          i32.const 1
          i32.add
          local.set 64
          br 0
        end
      end
      i32.const 13
      local.set 268
      i32.const 16
      local.set 269
      local.get 268
      local.set 62
      local.get 269
      local.set 63
      local.get 62
      local.set 64
      local.get 63
      local.set 270
      block
        loop
          local.get 64
          local.get 270
          i32.ge_s
          br_if 1
          local.get 64
          i32.const -3
          i32.add
          local.set 66
          local.get 59
          local.get 66
          i32.add
          local.set 67
          local.get 58
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 68
          local.get 68
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 68
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 69
          local.get 69
          local.get 3
          f64.mul
          local.set 70
          local.get 58
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 71
          local.get 71
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 71
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 72
          local.get 72
          local.get 4
          f64.mul
          local.set 73
          local.get 70
          local.get 73
          f64.add
          local.set 74
          local.get 58
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 75
          local.get 75
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 75
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 76
          local.get 76
          local.get 5
          f64.mul
          local.set 77
          local.get 74
          local.get 77
          f64.add
          local.set 78
          local.get 58
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 79
          local.get 79
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 79
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 80
          local.get 80
          local.get 6
          f64.mul
          local.set 81
          local.get 78
          local.get 81
          f64.add
          local.set 82
          local.get 58
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 83
          local.get 83
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 83
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 84
          local.get 84
          local.get 7
          f64.mul
          local.set 85
          local.get 82
          local.get 85
          f64.add
          local.set 86
          local.get 58
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 87
          local.get 87
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 87
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 88
          local.get 88
          local.get 8
          f64.mul
          local.set 89
          local.get 86
          local.get 89
          f64.add
          local.set 90
          local.get 58
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 91
          local.get 91
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 91
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 92
          local.get 92
          local.get 9
          f64.mul
          local.set 93
          local.get 90
          local.get 93
          f64.add
          local.set 94
          local.get 58
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 95
          local.get 95
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 95
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 96
          local.get 96
          local.get 10
          f64.mul
          local.set 97
          local.get 94
          local.get 97
          f64.add
          local.set 98
          local.get 58
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 99
          local.get 99
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 99
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 100
          local.get 100
          local.get 11
          f64.mul
          local.set 101
          local.get 98
          local.get 101
          f64.add
          local.set 102
          local.get 58
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 103
          local.get 103
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 103
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 104
          local.get 104
          local.get 12
          f64.mul
          local.set 105
          local.get 102
          local.get 105
          f64.add
          local.set 106
          local.get 58
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 107
          local.get 107
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 107
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 108
          local.get 108
          local.get 13
          f64.mul
          local.set 109
          local.get 106
          local.get 109
          f64.add
          local.set 110
          local.get 58
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 111
          local.get 111
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 111
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 112
          local.get 112
          local.get 14
          f64.mul
          local.set 113
          local.get 110
          local.get 113
          f64.add
          local.set 114
          local.get 58
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 115
          local.get 115
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 115
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 116
          local.get 116
          local.get 15
          f64.mul
          local.set 117
          local.get 114
          local.get 117
          f64.add
          local.set 118
          local.get 58
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 119
          local.get 119
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 119
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 120
          local.get 120
          local.get 16
          f64.mul
          local.set 121
          local.get 118
          local.get 121
          f64.add
          local.set 122
          local.get 58
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 123
          local.get 123
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 123
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 124
          local.get 124
          local.get 17
          f64.mul
          local.set 125
          local.get 122
          local.get 125
          f64.add
          local.set 126
          local.get 58
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 127
          local.get 127
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 127
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 128
          local.get 128
          local.get 18
          f64.mul
          local.set 129
          local.get 126
          local.get 129
          f64.add
          local.set 130
          local.get 58
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 131
          local.get 131
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 131
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 132
          local.get 132
          local.get 19
          f64.mul
          local.set 133
          local.get 130
          local.get 133
          f64.add
          local.set 134
          local.get 58
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 135
          local.get 135
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 135
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 136
          local.get 136
          local.get 20
          f64.mul
          local.set 137
          local.get 134
          local.get 137
          f64.add
          local.set 138
          local.get 58
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 139
          local.get 139
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 139
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 140
          local.get 140
          local.get 21
          f64.mul
          local.set 141
          local.get 138
          local.get 141
          f64.add
          local.set 142
          local.get 58
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 143
          local.get 143
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 143
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 144
          local.get 144
          local.get 22
          f64.mul
          local.set 145
          local.get 142
          local.get 145
          f64.add
          local.set 146
          local.get 58
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 147
          local.get 147
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 147
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 148
          local.get 148
          local.get 23
          f64.mul
          local.set 149
          local.get 146
          local.get 149
          f64.add
          local.set 150
          local.get 58
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 151
          local.get 151
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 151
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 152
          local.get 152
          local.get 24
          f64.mul
          local.set 153
          local.get 150
          local.get 153
          f64.add
          local.set 154
          local.get 58
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 155
          local.get 155
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 155
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 156
          local.get 156
          local.get 25
          f64.mul
          local.set 157
          local.get 154
          local.get 157
          f64.add
          local.set 158
          local.get 58
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 159
          local.get 159
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 159
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 160
          local.get 160
          local.get 26
          f64.mul
          local.set 161
          local.get 158
          local.get 161
          f64.add
          local.set 162
          local.get 58
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 163
          local.get 163
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 163
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 164
          local.get 164
          local.get 27
          f64.mul
          local.set 165
          local.get 162
          local.get 165
          f64.add
          local.set 166
          local.get 58
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 167
          local.get 167
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 167
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 168
          local.get 168
          local.get 28
          f64.mul
          local.set 169
          local.get 166
          local.get 169
          f64.add
          local.set 170
          local.get 58
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 171
          local.get 171
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 171
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 172
          local.get 172
          local.get 29
          f64.mul
          local.set 173
          local.get 170
          local.get 173
          f64.add
          local.set 174
          local.get 58
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 175
          local.get 175
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 175
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 176
          local.get 176
          local.get 30
          f64.mul
          local.set 177
          local.get 174
          local.get 177
          f64.add
          local.set 178
          local.get 58
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 179
          local.get 179
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 179
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 180
          local.get 180
          local.get 31
          f64.mul
          local.set 181
          local.get 178
          local.get 181
          f64.add
          local.set 182
          local.get 58
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 183
          local.get 183
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 183
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 184
          local.get 184
          local.get 32
          f64.mul
          local.set 185
          local.get 182
          local.get 185
          f64.add
          local.set 186
          local.get 58
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 187
          local.get 187
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 187
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 188
          local.get 188
          local.get 33
          f64.mul
          local.set 189
          local.get 186
          local.get 189
          f64.add
          local.set 190
          local.get 58
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 191
          local.get 191
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 191
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 192
          local.get 192
          local.get 34
          f64.mul
          local.set 193
          local.get 190
          local.get 193
          f64.add
          local.set 194
          local.get 58
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 195
          local.get 195
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 195
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 196
          local.get 196
          local.get 35
          f64.mul
          local.set 197
          local.get 194
          local.get 197
          f64.add
          local.set 198
          local.get 58
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 199
          local.get 199
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 199
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 200
          local.get 200
          local.get 36
          f64.mul
          local.set 201
          local.get 198
          local.get 201
          f64.add
          local.set 202
          local.get 58
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 203
          local.get 203
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 203
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 204
          local.get 204
          local.get 37
          f64.mul
          local.set 205
          local.get 202
          local.get 205
          f64.add
          local.set 206
          local.get 58
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 207
          local.get 207
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 207
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 208
          local.get 208
          local.get 38
          f64.mul
          local.set 209
          local.get 206
          local.get 209
          f64.add
          local.set 210
          local.get 58
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 211
          local.get 211
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 211
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 212
          local.get 212
          local.get 39
          f64.mul
          local.set 213
          local.get 210
          local.get 213
          f64.add
          local.set 214
          local.get 58
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 215
          local.get 215
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 215
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 216
          local.get 216
          local.get 40
          f64.mul
          local.set 217
          local.get 214
          local.get 217
          f64.add
          local.set 218
          local.get 58
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 219
          local.get 219
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 219
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 220
          local.get 220
          local.get 41
          f64.mul
          local.set 221
          local.get 218
          local.get 221
          f64.add
          local.set 222
          local.get 58
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 223
          local.get 223
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 223
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 224
          local.get 224
          local.get 42
          f64.mul
          local.set 225
          local.get 222
          local.get 225
          f64.add
          local.set 226
          local.get 58
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 227
          local.get 227
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 227
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 228
          local.get 228
          local.get 43
          f64.mul
          local.set 229
          local.get 226
          local.get 229
          f64.add
          local.set 230
          local.get 58
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 231
          local.get 231
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 231
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 232
          local.get 232
          local.get 44
          f64.mul
          local.set 233
          local.get 230
          local.get 233
          f64.add
          local.set 234
          local.get 58
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 235
          local.get 235
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 235
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 236
          local.get 236
          local.get 45
          f64.mul
          local.set 237
          local.get 234
          local.get 237
          f64.add
          local.set 238
          local.get 58
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 239
          local.get 239
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 239
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 240
          local.get 240
          local.get 46
          f64.mul
          local.set 241
          local.get 238
          local.get 241
          f64.add
          local.set 242
          local.get 58
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 243
          local.get 243
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 243
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 244
          local.get 244
          local.get 47
          f64.mul
          local.set 245
          local.get 242
          local.get 245
          f64.add
          local.set 246
          local.get 58
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 247
          local.get 247
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 247
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 248
          local.get 248
          local.get 48
          f64.mul
          local.set 249
          local.get 246
          local.get 249
          f64.add
          local.set 250
          local.get 58
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 251
          local.get 251
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 251
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 252
          local.get 252
          local.get 49
          f64.mul
          local.set 253
          local.get 250
          local.get 253
          f64.add
          local.set 254
          local.get 58
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 255
          local.get 255
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 255
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 256
          local.get 256
          local.get 50
          f64.mul
          local.set 257
          local.get 254
          local.get 257
          f64.add
          local.set 258
          local.get 58
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 259
          local.get 259
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 259
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 260
          local.get 260
          local.get 51
          f64.mul
          local.set 261
          local.get 258
          local.get 261
          f64.add
          local.set 262
          local.get 67
          i32.const 51
          i32.add
          i32.const 3
          i32.shl
          local.set 271
          local.get 271
          local.get 262
          f64.store offset=2512
          local.get 64
          i32.const 1
          i32.add
          local.set 64
          br 0
        end
      end
      local.get 52
      i32.const 1
      i32.add
      local.set 52
      br 0
    end
  end
  i32.const 3
  local.set 273
  local.get 0
  local.set 274
  local.get 273
  local.get 274
  local.get 273
  local.get 274
  i32.gt_s
  select
  local.set 52
  i32.const 13
  local.set 275
  local.get 1
  local.set 276
  local.get 275
  local.get 276
  local.get 275
  local.get 276
  i32.lt_s
  select
  local.set 272
  block
    loop
      local.get 52
      local.get 272
      i32.ge_s
      br_if 1
      local.get 52
      i32.const -3
      i32.add
      local.set 58
      local.get 58
      i32.const 16
      i32.mul
      local.set 59
      i32.const 0
      local.set 277
      i32.const 3
      local.set 278
      local.get 277
      local.set 62
      local.get 278
      local.set 63
      local.get 62
      local.set 64
      local.get 63
      local.set 279
      block
        loop
          local.get 64
          local.get 279
          i32.ge_s
          br_if 1
          local.get 64
          i32.const -3
          i32.add
          local.set 66
          local.get 59
          local.get 66
          i32.add
          local.set 67
          local.get 58
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 68
          local.get 68
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 68
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 69
          local.get 69
          local.get 3
          f64.mul
          local.set 70
          local.get 58
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 71
          local.get 71
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 71
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 72
          local.get 72
          local.get 4
          f64.mul
          local.set 73
          local.get 70
          local.get 73
          f64.add
          local.set 74
          local.get 58
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 75
          local.get 75
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 75
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 76
          local.get 76
          local.get 5
          f64.mul
          local.set 77
          local.get 74
          local.get 77
          f64.add
          local.set 78
          local.get 58
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 79
          local.get 79
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 79
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 80
          local.get 80
          local.get 6
          f64.mul
          local.set 81
          local.get 78
          local.get 81
          f64.add
          local.set 82
          local.get 58
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 83
          local.get 83
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 83
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 84
          local.get 84
          local.get 7
          f64.mul
          local.set 85
          local.get 82
          local.get 85
          f64.add
          local.set 86
          local.get 58
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 87
          local.get 87
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 87
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 88
          local.get 88
          local.get 8
          f64.mul
          local.set 89
          local.get 86
          local.get 89
          f64.add
          local.set 90
          local.get 58
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 91
          local.get 91
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 91
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 92
          local.get 92
          local.get 9
          f64.mul
          local.set 93
          local.get 90
          local.get 93
          f64.add
          local.set 94
          local.get 58
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 95
          local.get 95
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 95
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 96
          local.get 96
          local.get 10
          f64.mul
          local.set 97
          local.get 94
          local.get 97
          f64.add
          local.set 98
          local.get 58
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 99
          local.get 99
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 99
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 100
          local.get 100
          local.get 11
          f64.mul
          local.set 101
          local.get 98
          local.get 101
          f64.add
          local.set 102
          local.get 58
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 103
          local.get 103
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 103
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 104
          local.get 104
          local.get 12
          f64.mul
          local.set 105
          local.get 102
          local.get 105
          f64.add
          local.set 106
          local.get 58
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 107
          local.get 107
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 107
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 108
          local.get 108
          local.get 13
          f64.mul
          local.set 109
          local.get 106
          local.get 109
          f64.add
          local.set 110
          local.get 58
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 111
          local.get 111
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 111
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 112
          local.get 112
          local.get 14
          f64.mul
          local.set 113
          local.get 110
          local.get 113
          f64.add
          local.set 114
          local.get 58
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 115
          local.get 115
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 115
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 116
          local.get 116
          local.get 15
          f64.mul
          local.set 117
          local.get 114
          local.get 117
          f64.add
          local.set 118
          local.get 58
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 119
          local.get 119
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 119
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 120
          local.get 120
          local.get 16
          f64.mul
          local.set 121
          local.get 118
          local.get 121
          f64.add
          local.set 122
          local.get 58
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 123
          local.get 123
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 123
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 124
          local.get 124
          local.get 17
          f64.mul
          local.set 125
          local.get 122
          local.get 125
          f64.add
          local.set 126
          local.get 58
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 127
          local.get 127
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 127
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 128
          local.get 128
          local.get 18
          f64.mul
          local.set 129
          local.get 126
          local.get 129
          f64.add
          local.set 130
          local.get 58
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 131
          local.get 131
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 131
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 132
          local.get 132
          local.get 19
          f64.mul
          local.set 133
          local.get 130
          local.get 133
          f64.add
          local.set 134
          local.get 58
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 135
          local.get 135
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 135
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 136
          local.get 136
          local.get 20
          f64.mul
          local.set 137
          local.get 134
          local.get 137
          f64.add
          local.set 138
          local.get 58
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 139
          local.get 139
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 139
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 140
          local.get 140
          local.get 21
          f64.mul
          local.set 141
          local.get 138
          local.get 141
          f64.add
          local.set 142
          local.get 58
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 143
          local.get 143
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 143
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 144
          local.get 144
          local.get 22
          f64.mul
          local.set 145
          local.get 142
          local.get 145
          f64.add
          local.set 146
          local.get 58
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 147
          local.get 147
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 147
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 148
          local.get 148
          local.get 23
          f64.mul
          local.set 149
          local.get 146
          local.get 149
          f64.add
          local.set 150
          local.get 58
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 151
          local.get 151
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 151
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 152
          local.get 152
          local.get 24
          f64.mul
          local.set 153
          local.get 150
          local.get 153
          f64.add
          local.set 154
          local.get 58
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 155
          local.get 155
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 155
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 156
          local.get 156
          local.get 25
          f64.mul
          local.set 157
          local.get 154
          local.get 157
          f64.add
          local.set 158
          local.get 58
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 159
          local.get 159
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 159
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 160
          local.get 160
          local.get 26
          f64.mul
          local.set 161
          local.get 158
          local.get 161
          f64.add
          local.set 162
          local.get 58
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 163
          local.get 163
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 163
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 164
          local.get 164
          local.get 27
          f64.mul
          local.set 165
          local.get 162
          local.get 165
          f64.add
          local.set 166
          local.get 58
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 167
          local.get 167
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 167
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 168
          local.get 168
          local.get 28
          f64.mul
          local.set 169
          local.get 166
          local.get 169
          f64.add
          local.set 170
          local.get 58
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 171
          local.get 171
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 171
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 172
          local.get 172
          local.get 29
          f64.mul
          local.set 173
          local.get 170
          local.get 173
          f64.add
          local.set 174
          local.get 58
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 175
          local.get 175
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 175
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 176
          local.get 176
          local.get 30
          f64.mul
          local.set 177
          local.get 174
          local.get 177
          f64.add
          local.set 178
          local.get 58
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 179
          local.get 179
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 179
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 180
          local.get 180
          local.get 31
          f64.mul
          local.set 181
          local.get 178
          local.get 181
          f64.add
          local.set 182
          local.get 58
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 183
          local.get 183
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 183
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 184
          local.get 184
          local.get 32
          f64.mul
          local.set 185
          local.get 182
          local.get 185
          f64.add
          local.set 186
          local.get 58
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 187
          local.get 187
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 187
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 188
          local.get 188
          local.get 33
          f64.mul
          local.set 189
          local.get 186
          local.get 189
          f64.add
          local.set 190
          local.get 58
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 191
          local.get 191
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 191
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 192
          local.get 192
          local.get 34
          f64.mul
          local.set 193
          local.get 190
          local.get 193
          f64.add
          local.set 194
          local.get 58
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 195
          local.get 195
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 195
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 196
          local.get 196
          local.get 35
          f64.mul
          local.set 197
          local.get 194
          local.get 197
          f64.add
          local.set 198
          local.get 58
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 199
          local.get 199
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 199
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 200
          local.get 200
          local.get 36
          f64.mul
          local.set 201
          local.get 198
          local.get 201
          f64.add
          local.set 202
          local.get 58
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 203
          local.get 203
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 203
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 204
          local.get 204
          local.get 37
          f64.mul
          local.set 205
          local.get 202
          local.get 205
          f64.add
          local.set 206
          local.get 58
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 207
          local.get 207
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 207
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 208
          local.get 208
          local.get 38
          f64.mul
          local.set 209
          local.get 206
          local.get 209
          f64.add
          local.set 210
          local.get 58
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 211
          local.get 211
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 211
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 212
          local.get 212
          local.get 39
          f64.mul
          local.set 213
          local.get 210
          local.get 213
          f64.add
          local.set 214
          local.get 58
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 215
          local.get 215
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 215
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 216
          local.get 216
          local.get 40
          f64.mul
          local.set 217
          local.get 214
          local.get 217
          f64.add
          local.set 218
          local.get 58
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 219
          local.get 219
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 219
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 220
          local.get 220
          local.get 41
          f64.mul
          local.set 221
          local.get 218
          local.get 221
          f64.add
          local.set 222
          local.get 58
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 223
          local.get 223
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 223
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 224
          local.get 224
          local.get 42
          f64.mul
          local.set 225
          local.get 222
          local.get 225
          f64.add
          local.set 226
          local.get 58
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 227
          local.get 227
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 227
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 228
          local.get 228
          local.get 43
          f64.mul
          local.set 229
          local.get 226
          local.get 229
          f64.add
          local.set 230
          local.get 58
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 231
          local.get 231
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 231
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 232
          local.get 232
          local.get 44
          f64.mul
          local.set 233
          local.get 230
          local.get 233
          f64.add
          local.set 234
          local.get 58
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 235
          local.get 235
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 235
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 236
          local.get 236
          local.get 45
          f64.mul
          local.set 237
          local.get 234
          local.get 237
          f64.add
          local.set 238
          local.get 58
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 239
          local.get 239
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 239
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 240
          local.get 240
          local.get 46
          f64.mul
          local.set 241
          local.get 238
          local.get 241
          f64.add
          local.set 242
          local.get 58
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 243
          local.get 243
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 243
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 244
          local.get 244
          local.get 47
          f64.mul
          local.set 245
          local.get 242
          local.get 245
          f64.add
          local.set 246
          local.get 58
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 247
          local.get 247
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 247
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 248
          local.get 248
          local.get 48
          f64.mul
          local.set 249
          local.get 246
          local.get 249
          f64.add
          local.set 250
          local.get 58
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 251
          local.get 251
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 251
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 252
          local.get 252
          local.get 49
          f64.mul
          local.set 253
          local.get 250
          local.get 253
          f64.add
          local.set 254
          local.get 58
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 255
          local.get 255
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 255
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 256
          local.get 256
          local.get 50
          f64.mul
          local.set 257
          local.get 254
          local.get 257
          f64.add
          local.set 258
          local.get 58
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 259
          local.get 259
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 259
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 260
          local.get 260
          local.get 51
          f64.mul
          local.set 261
          local.get 258
          local.get 261
          f64.add
          local.set 262
          local.get 67
          i32.const 51
          i32.add
          i32.const 3
          i32.shl
          local.set 280
          local.get 280
          local.get 262
          f64.store offset=2512
          local.get 64
          i32.const 1
          i32.add
          local.set 64
          br 0
        end
      end
      i32.const 3
      local.set 281
      i32.const 13
      local.set 282
      local.get 281
      local.set 62
      local.get 282
      local.set 63
      local.get 62
      local.set 64
      local.get 63
      local.set 283
      local.get 3
      f64x2.splat
      local.set 284
      local.get 4
      f64x2.splat
      local.set 285
      local.get 5
      f64x2.splat
      local.set 286
      local.get 6
      f64x2.splat
      local.set 287
      local.get 7
      f64x2.splat
      local.set 288
      local.get 8
      f64x2.splat
      local.set 289
      local.get 9
      f64x2.splat
      local.set 290
      local.get 10
      f64x2.splat
      local.set 291
      local.get 11
      f64x2.splat
      local.set 292
      local.get 12
      f64x2.splat
      local.set 293
      local.get 13
      f64x2.splat
      local.set 294
      local.get 14
      f64x2.splat
      local.set 295
      local.get 15
      f64x2.splat
      local.set 296
      local.get 16
      f64x2.splat
      local.set 297
      local.get 17
      f64x2.splat
      local.set 298
      local.get 18
      f64x2.splat
      local.set 299
      local.get 19
      f64x2.splat
      local.set 300
      local.get 20
      f64x2.splat
      local.set 301
      local.get 21
      f64x2.splat
      local.set 302
      local.get 22
      f64x2.splat
      local.set 303
      local.get 23
      f64x2.splat
      local.set 304
      local.get 24
      f64x2.splat
      local.set 305
      local.get 25
      f64x2.splat
      local.set 306
      local.get 26
      f64x2.splat
      local.set 307
      local.get 27
      f64x2.splat
      local.set 308
      local.get 28
      f64x2.splat
      local.set 309
      local.get 29
      f64x2.splat
      local.set 310
      local.get 30
      f64x2.splat
      local.set 311
      local.get 31
      f64x2.splat
      local.set 312
      local.get 32
      f64x2.splat
      local.set 313
      local.get 33
      f64x2.splat
      local.set 314
      local.get 34
      f64x2.splat
      local.set 315
      local.get 35
      f64x2.splat
      local.set 316
      local.get 36
      f64x2.splat
      local.set 317
      local.get 37
      f64x2.splat
      local.set 318
      local.get 38
      f64x2.splat
      local.set 319
      local.get 39
      f64x2.splat
      local.set 320
      local.get 40
      f64x2.splat
      local.set 321
      local.get 41
      f64x2.splat
      local.set 322
      local.get 42
      f64x2.splat
      local.set 323
      local.get 43
      f64x2.splat
      local.set 324
      local.get 44
      f64x2.splat
      local.set 325
      local.get 45
      f64x2.splat
      local.set 326
      local.get 46
      f64x2.splat
      local.set 327
      local.get 47
      f64x2.splat
      local.set 328
      local.get 48
      f64x2.splat
      local.set 329
      local.get 49
      f64x2.splat
      local.set 330
      local.get 50
      f64x2.splat
      local.set 331
      local.get 51
      f64x2.splat
      local.set 332
      local.get 64
      i32.const 2
      i32.add
      local.get 283
      i32.le_s
      if
        local.get 64
        i32.const -3
        i32.add
        local.set 66
        local.get 59
        local.get 66
        i32.add
        local.set 67
        i32.const 1
        local.get 67
        i32.const 0
        i32.ge_s
        i32.and
        if
          block
            loop
              local.get 64
              i32.const 2
              i32.add
              local.get 283
              i32.gt_s
              br_if 1
              local.get 64
              i32.const -3
              i32.add
              local.set 66
              local.get 59
              local.get 66
              i32.add
              local.set 67
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=0
              local.set 333
              local.get 333
              local.get 284
              f64x2.mul
              local.set 334
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=8
              local.set 335
              local.get 335
              local.get 285
              f64x2.mul
              local.set 336
              local.get 334
              local.get 336
              f64x2.add
              local.set 337
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=16
              local.set 338
              local.get 338
              local.get 286
              f64x2.mul
              local.set 339
              local.get 337
              local.get 339
              f64x2.add
              local.set 340
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=24
              local.set 341
              local.get 341
              local.get 287
              f64x2.mul
              local.set 342
              local.get 340
              local.get 342
              f64x2.add
              local.set 343
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=32
              local.set 344
              local.get 344
              local.get 288
              f64x2.mul
              local.set 345
              local.get 343
              local.get 345
              f64x2.add
              local.set 346
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=40
              local.set 347
              local.get 347
              local.get 289
              f64x2.mul
              local.set 348
              local.get 346
              local.get 348
              f64x2.add
              local.set 349
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=48
              local.set 350
              local.get 350
              local.get 290
              f64x2.mul
              local.set 351
              local.get 349
              local.get 351
              f64x2.add
              local.set 352
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=128
              local.set 353
              local.get 353
              local.get 291
              f64x2.mul
              local.set 354
              local.get 352
              local.get 354
              f64x2.add
              local.set 355
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=136
              local.set 356
              local.get 356
              local.get 292
              f64x2.mul
              local.set 357
              local.get 355
              local.get 357
              f64x2.add
              local.set 358
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=144
              local.set 359
              local.get 359
              local.get 293
              f64x2.mul
              local.set 360
              local.get 358
              local.get 360
              f64x2.add
              local.set 361
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=152
              local.set 362
              local.get 362
              local.get 294
              f64x2.mul
              local.set 363
              local.get 361
              local.get 363
              f64x2.add
              local.set 364
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=160
              local.set 365
              local.get 365
              local.get 295
              f64x2.mul
              local.set 366
              local.get 364
              local.get 366
              f64x2.add
              local.set 367
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=168
              local.set 368
              local.get 368
              local.get 296
              f64x2.mul
              local.set 369
              local.get 367
              local.get 369
              f64x2.add
              local.set 370
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=176
              local.set 371
              local.get 371
              local.get 297
              f64x2.mul
              local.set 372
              local.get 370
              local.get 372
              f64x2.add
              local.set 373
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=256
              local.set 374
              local.get 374
              local.get 298
              f64x2.mul
              local.set 375
              local.get 373
              local.get 375
              f64x2.add
              local.set 376
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=264
              local.set 377
              local.get 377
              local.get 299
              f64x2.mul
              local.set 378
              local.get 376
              local.get 378
              f64x2.add
              local.set 379
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=272
              local.set 380
              local.get 380
              local.get 300
              f64x2.mul
              local.set 381
              local.get 379
              local.get 381
              f64x2.add
              local.set 382
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=280
              local.set 383
              local.get 383
              local.get 301
              f64x2.mul
              local.set 384
              local.get 382
              local.get 384
              f64x2.add
              local.set 385
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=288
              local.set 386
              local.get 386
              local.get 302
              f64x2.mul
              local.set 387
              local.get 385
              local.get 387
              f64x2.add
              local.set 388
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=296
              local.set 389
              local.get 389
              local.get 303
              f64x2.mul
              local.set 390
              local.get 388
              local.get 390
              f64x2.add
              local.set 391
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=304
              local.set 392
              local.get 392
              local.get 304
              f64x2.mul
              local.set 393
              local.get 391
              local.get 393
              f64x2.add
              local.set 394
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=384
              local.set 395
              local.get 395
              local.get 305
              f64x2.mul
              local.set 396
              local.get 394
              local.get 396
              f64x2.add
              local.set 397
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=392
              local.set 398
              local.get 398
              local.get 306
              f64x2.mul
              local.set 399
              local.get 397
              local.get 399
              f64x2.add
              local.set 400
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=400
              local.set 401
              local.get 401
              local.get 307
              f64x2.mul
              local.set 402
              local.get 400
              local.get 402
              f64x2.add
              local.set 403
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=408
              local.set 404
              local.get 404
              local.get 308
              f64x2.mul
              local.set 405
              local.get 403
              local.get 405
              f64x2.add
              local.set 406
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=416
              local.set 407
              local.get 407
              local.get 309
              f64x2.mul
              local.set 408
              local.get 406
              local.get 408
              f64x2.add
              local.set 409
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=424
              local.set 410
              local.get 410
              local.get 310
              f64x2.mul
              local.set 411
              local.get 409
              local.get 411
              f64x2.add
              local.set 412
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=432
              local.set 413
              local.get 413
              local.get 311
              f64x2.mul
              local.set 414
              local.get 412
              local.get 414
              f64x2.add
              local.set 415
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=512
              local.set 416
              local.get 416
              local.get 312
              f64x2.mul
              local.set 417
              local.get 415
              local.get 417
              f64x2.add
              local.set 418
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=520
              local.set 419
              local.get 419
              local.get 313
              f64x2.mul
              local.set 420
              local.get 418
              local.get 420
              f64x2.add
              local.set 421
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=528
              local.set 422
              local.get 422
              local.get 314
              f64x2.mul
              local.set 423
              local.get 421
              local.get 423
              f64x2.add
              local.set 424
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=536
              local.set 425
              local.get 425
              local.get 315
              f64x2.mul
              local.set 426
              local.get 424
              local.get 426
              f64x2.add
              local.set 427
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=544
              local.set 428
              local.get 428
              local.get 316
              f64x2.mul
              local.set 429
              local.get 427
              local.get 429
              f64x2.add
              local.set 430
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=552
              local.set 431
              local.get 431
              local.get 317
              f64x2.mul
              local.set 432
              local.get 430
              local.get 432
              f64x2.add
              local.set 433
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=560
              local.set 434
              local.get 434
              local.get 318
              f64x2.mul
              local.set 435
              local.get 433
              local.get 435
              f64x2.add
              local.set 436
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=640
              local.set 437
              local.get 437
              local.get 319
              f64x2.mul
              local.set 438
              local.get 436
              local.get 438
              f64x2.add
              local.set 439
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=648
              local.set 440
              local.get 440
              local.get 320
              f64x2.mul
              local.set 441
              local.get 439
              local.get 441
              f64x2.add
              local.set 442
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=656
              local.set 443
              local.get 443
              local.get 321
              f64x2.mul
              local.set 444
              local.get 442
              local.get 444
              f64x2.add
              local.set 445
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=664
              local.set 446
              local.get 446
              local.get 322
              f64x2.mul
              local.set 447
              local.get 445
              local.get 447
              f64x2.add
              local.set 448
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=672
              local.set 449
              local.get 449
              local.get 323
              f64x2.mul
              local.set 450
              local.get 448
              local.get 450
              f64x2.add
              local.set 451
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=680
              local.set 452
              local.get 452
              local.get 324
              f64x2.mul
              local.set 453
              local.get 451
              local.get 453
              f64x2.add
              local.set 454
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=688
              local.set 455
              local.get 455
              local.get 325
              f64x2.mul
              local.set 456
              local.get 454
              local.get 456
              f64x2.add
              local.set 457
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=768
              local.set 458
              local.get 458
              local.get 326
              f64x2.mul
              local.set 459
              local.get 457
              local.get 459
              f64x2.add
              local.set 460
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=776
              local.set 461
              local.get 461
              local.get 327
              f64x2.mul
              local.set 462
              local.get 460
              local.get 462
              f64x2.add
              local.set 463
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=784
              local.set 464
              local.get 464
              local.get 328
              f64x2.mul
              local.set 465
              local.get 463
              local.get 465
              f64x2.add
              local.set 466
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=792
              local.set 467
              local.get 467
              local.get 329
              f64x2.mul
              local.set 468
              local.get 466
              local.get 468
              f64x2.add
              local.set 469
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=800
              local.set 470
              local.get 470
              local.get 330
              f64x2.mul
              local.set 471
              local.get 469
              local.get 471
              f64x2.add
              local.set 472
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=808
              local.set 473
              local.get 473
              local.get 331
              f64x2.mul
              local.set 474
              local.get 472
              local.get 474
              f64x2.add
              local.set 475
              local.get 67
              i32.const 3
              i32.shl
              v128.load offset=816
              local.set 476
              local.get 476
              local.get 332
              f64x2.mul
              local.set 477
              local.get 475
              local.get 477
              f64x2.add
              local.set 478
              local.get 67
              i32.const 3
              i32.shl
              local.tee 479
              local.get 478
              v128.store offset=2920
              local.get 64
              i32.const 2
              i32.add
              local.set 64
              br 0
            end
          end
        end
      end
      block
        loop
          local.get 64
          local.get 283
          i32.ge_s
          br_if 1
          local.get 64
          i32.const -3
          i32.add
          local.set 66
          local.get 59
          local.get 66
          i32.add
          local.set 67
          local.get 67
          i32.const 3
          i32.shl
          f64.load offset=0
          local.set 69
          local.get 69
          local.get 3
          f64.mul
          local.set 70
          local.get 67
          i32.const 1
          i32.add
          i32.const 3
          i32.shl
          f64.load offset=0
          local.set 72
          local.get 72
          local.get 4
          f64.mul
          local.set 73
          local.get 70
          local.get 73
          f64.add
          local.set 74
          local.get 67
          i32.const 2
          i32.add
          i32.const 3
          i32.shl
          f64.load offset=0
          local.set 76
          local.get 76
          local.get 5
          f64.mul
          local.set 77
          local.get 74
          local.get 77
          f64.add
          local.set 78
          local.get 67
          i32.const 3
          i32.add
          i32.const 3
          i32.shl
          f64.load offset=0
          local.set 80
          local.get 80
          local.get 6
          f64.mul
          local.set 81
          local.get 78
          local.get 81
          f64.add
          local.set 82
          local.get 67
          i32.const 4
          i32.add
          i32.const 3
          i32.shl
          f64.load offset=0
          local.set 84
          local.get 84
          local.get 7
          f64.mul
          local.set 85
          local.get 82
          local.get 85
          f64.add
          local.set 86
          local.get 67
          i32.const 5
          i32.add
          i32.const 3
          i32.shl
          f64.load offset=0
          local.set 88
          local.get 88
          local.get 8
          f64.mul
          local.set 89
          local.get 86
          local.get 89
          f64.add
          local.set 90
          local.get 67
          i32.const 6
          i32.add
          i32.const 3
          i32.shl
          f64.load offset=0
          local.set 92
          local.get 92
          local.get 9
          f64.mul
          local.set 93
          local.get 90
          local.get 93
          f64.add
          local.set 94
          local.get 67
          i32.const 16
          i32.add
          i32.const 3
          i32.shl
          f64.load offset=0
          local.set 96
          local.get 96
          local.get 10
          f64.mul
          local.set 97
          local.get 94
          local.get 97
          f64.add
          local.set 98
          local.get 67
          i32.const 17
          i32.add
          i32.const 3
          i32.shl
          f64.load offset=0
          local.set 100
          local.get 100
          local.get 11
          f64.mul
          local.set 101
          local.get 98
          local.get 101
          f64.add
          local.set 102
          local.get 67
          i32.const 18
          i32.add
          i32.const 3
          i32.shl
          f64.load offset=0
          local.set 104
          local.get 104
          local.get 12
          f64.mul
          local.set 105
          local.get 102
          local.get 105
          f64.add
          local.set 106
          local.get 67
          i32.const 19
          i32.add
          i32.const 3
          i32.shl
          f64.load offset=0
          local.set 108
          local.get 108
          local.get 13
          f64.mul
          local.set 109
          local.get 106
          local.get 109
          f64.add
          local.set 110
          local.get 67
          i32.const 20
          i32.add
          i32.const 3
          i32.shl
          f64.load offset=0
          local.set 112
          local.get 112
          local.get 14
          f64.mul
          local.set 113
          local.get 110
          local.get 113
          f64.add
          local.set 114
          local.get 67
          i32.const 21
          i32.add
          i32.const 3
          i32.shl
          f64.load offset=0
          local.set 116
          local.get 116
          local.get 15
          f64.mul
          local.set 117
          local.get 114
          local.get 117
          f64.add
          local.set 118
          local.get 67
          i32.const 22
          i32.add
          i32.const 3
          i32.shl
          f64.load offset=0
          local.set 120
          local.get 120
          local.get 16
          f64.mul
          local.set 121
          local.get 118
          local.get 121
          f64.add
          local.set 122
          local.get 67
          i32.const 32
          i32.add
          i32.const 3
          i32.shl
          f64.load offset=0
          local.set 124
          local.get 124
          local.get 17
          f64.mul
          local.set 125
          local.get 122
          local.get 125
          f64.add
          local.set 126
          local.get 67
          i32.const 33
          i32.add
          i32.const 3
          i32.shl
          f64.load offset=0
          local.set 128
          local.get 128
          local.get 18
          f64.mul
          local.set 129
          local.get 126
          local.get 129
          f64.add
          local.set 130
          local.get 67
          i32.const 34
          i32.add
          i32.const 3
          i32.shl
          f64.load offset=0
          local.set 132
          local.get 132
          local.get 19
          f64.mul
          local.set 133
          local.get 130
          local.get 133
          f64.add
          local.set 134
          local.get 67
          i32.const 35
          i32.add
          i32.const 3
          i32.shl
          f64.load offset=0
          local.set 136
          local.get 136
          local.get 20
          f64.mul
          local.set 137
          local.get 134
          local.get 137
          f64.add
          local.set 138
          local.get 67
          i32.const 36
          i32.add
          i32.const 3
          i32.shl
          f64.load offset=0
          local.set 140
          local.get 140
          local.get 21
          f64.mul
          local.set 141
          local.get 138
          local.get 141
          f64.add
          local.set 142
          local.get 67
          i32.const 37
          i32.add
          i32.const 3
          i32.shl
          f64.load offset=0
          local.set 144
          local.get 144
          local.get 22
          f64.mul
          local.set 145
          local.get 142
          local.get 145
          f64.add
          local.set 146
          local.get 67
          i32.const 38
          i32.add
          i32.const 3
          i32.shl
          f64.load offset=0
          local.set 148
          local.get 148
          local.get 23
          f64.mul
          local.set 149
          local.get 146
          local.get 149
          f64.add
          local.set 150
          local.get 67
          i32.const 48
          i32.add
          i32.const 3
          i32.shl
          f64.load offset=0
          local.set 152
          local.get 152
          local.get 24
          f64.mul
          local.set 153
          local.get 150
          local.get 153
          f64.add
          local.set 154
          local.get 67
          i32.const 49
          i32.add
          i32.const 3
          i32.shl
          f64.load offset=0
          local.set 156
          local.get 156
          local.get 25
          f64.mul
          local.set 157
          local.get 154
          local.get 157
          f64.add
          local.set 158
          local.get 67
          i32.const 50
          i32.add
          i32.const 3
          i32.shl
          f64.load offset=0
          local.set 160
          local.get 160
          local.get 26
          f64.mul
          local.set 161
          local.get 158
          local.get 161
          f64.add
          local.set 162
          local.get 67
          i32.const 51
          i32.add
          i32.const 3
          i32.shl
          f64.load offset=0
          local.set 164
          local.get 164
          local.get 27
          f64.mul
          local.set 165
          local.get 162
          local.get 165
          f64.add
          local.set 166
          local.get 67
          i32.const 52
          i32.add
          i32.const 3
          i32.shl
          f64.load offset=0
          local.set 168
          local.get 168
          local.get 28
          f64.mul
          local.set 169
          local.get 166
          local.get 169
          f64.add
          local.set 170
          local.get 67
          i32.const 53
          i32.add
          i32.const 3
          i32.shl
          f64.load offset=0
          local.set 172
          local.get 172
          local.get 29
          f64.mul
          local.set 173
          local.get 170
          local.get 173
          f64.add
          local.set 174
          local.get 67
          i32.const 54
          i32.add
          i32.const 3
          i32.shl
          f64.load offset=0
          local.set 176
          local.get 176
          local.get 30
          f64.mul
          local.set 177
          local.get 174
          local.get 177
          f64.add
          local.set 178
          local.get 67
          i32.const 64
          i32.add
          i32.const 3
          i32.shl
          f64.load offset=0
          local.set 180
          local.get 180
          local.get 31
          f64.mul
          local.set 181
          local.get 178
          local.get 181
          f64.add
          local.set 182
          local.get 67
          i32.const 65
          i32.add
          i32.const 3
          i32.shl
          f64.load offset=0
          local.set 184
          local.get 184
          local.get 32
          f64.mul
          local.set 185
          local.get 182
          local.get 185
          f64.add
          local.set 186
          local.get 67
          i32.const 66
          i32.add
          i32.const 3
          i32.shl
          f64.load offset=0
          local.set 188
          local.get 188
          local.get 33
          f64.mul
          local.set 189
          local.get 186
          local.get 189
          f64.add
          local.set 190
          local.get 67
          i32.const 67
          i32.add
          i32.const 3
          i32.shl
          f64.load offset=0
          local.set 192
          local.get 192
          local.get 34
          f64.mul
          local.set 193
          local.get 190
          local.get 193
          f64.add
          local.set 194
          local.get 67
          i32.const 68
          i32.add
          i32.const 3
          i32.shl
          f64.load offset=0
          local.set 196
          local.get 196
          local.get 35
          f64.mul
          local.set 197
          local.get 194
          local.get 197
          f64.add
          local.set 198
          local.get 67
          i32.const 69
          i32.add
          i32.const 3
          i32.shl
          f64.load offset=0
          local.set 200
          local.get 200
          local.get 36
          f64.mul
          local.set 201
          local.get 198
          local.get 201
          f64.add
          local.set 202
          local.get 67
          i32.const 70
          i32.add
          i32.const 3
          i32.shl
          f64.load offset=0
          local.set 204
          local.get 204
          local.get 37
          f64.mul
          local.set 205
          local.get 202
          local.get 205
          f64.add
          local.set 206
          local.get 67
          i32.const 80
          i32.add
          i32.const 3
          i32.shl
          f64.load offset=0
          local.set 208
          local.get 208
          local.get 38
          f64.mul
          local.set 209
          local.get 206
          local.get 209
          f64.add
          local.set 210
          local.get 67
          i32.const 81
          i32.add
          i32.const 3
          i32.shl
          f64.load offset=0
          local.set 212
          local.get 212
          local.get 39
          f64.mul
          local.set 213
          local.get 210
          local.get 213
          f64.add
          local.set 214
          local.get 67
          i32.const 82
          i32.add
          i32.const 3
          i32.shl
          f64.load offset=0
          local.set 216
          local.get 216
          local.get 40
          f64.mul
          local.set 217
          local.get 214
          local.get 217
          f64.add
          local.set 218
          local.get 67
          i32.const 83
          i32.add
          i32.const 3
          i32.shl
          f64.load offset=0
          local.set 220
          local.get 220
          local.get 41
          f64.mul
          local.set 221
          local.get 218
          local.get 221
          f64.add
          local.set 222
          local.get 67
          i32.const 84
          i32.add
          i32.const 3
          i32.shl
          f64.load offset=0
          local.set 224
          local.get 224
          local.get 42
          f64.mul
          local.set 225
          local.get 222
          local.get 225
          f64.add
          local.set 226
          local.get 67
          i32.const 85
          i32.add
          i32.const 3
          i32.shl
          f64.load offset=0
          local.set 228
          local.get 228
          local.get 43
          f64.mul
          local.set 229
          local.get 226
          local.get 229
          f64.add
          local.set 230
          local.get 67
          i32.const 86
          i32.add
          i32.const 3
          i32.shl
          f64.load offset=0
          local.set 232
          local.get 232
          local.get 44
          f64.mul
          local.set 233
          local.get 230
          local.get 233
          f64.add
          local.set 234
          local.get 67
          i32.const 96
          i32.add
          i32.const 3
          i32.shl
          f64.load offset=0
          local.set 236
          local.get 236
          local.get 45
          f64.mul
          local.set 237
          local.get 234
          local.get 237
          f64.add
          local.set 238
          local.get 67
          i32.const 97
          i32.add
          i32.const 3
          i32.shl
          f64.load offset=0
          local.set 240
          local.get 240
          local.get 46
          f64.mul
          local.set 241
          local.get 238
          local.get 241
          f64.add
          local.set 242
          local.get 67
          i32.const 98
          i32.add
          i32.const 3
          i32.shl
          f64.load offset=0
          local.set 244
          local.get 244
          local.get 47
          f64.mul
          local.set 245
          local.get 242
          local.get 245
          f64.add
          local.set 246
          local.get 67
          i32.const 99
          i32.add
          i32.const 3
          i32.shl
          f64.load offset=0
          local.set 248
          local.get 248
          local.get 48
          f64.mul
          local.set 249
          local.get 246
          local.get 249
          f64.add
          local.set 250
          local.get 67
          i32.const 100
          i32.add
          i32.const 3
          i32.shl
          f64.load offset=0
          local.set 252
          local.get 252
          local.get 49
          f64.mul
          local.set 253
          local.get 250
          local.get 253
          f64.add
          local.set 254
          local.get 67
          i32.const 101
          i32.add
          i32.const 3
          i32.shl
          f64.load offset=0
          local.set 256
          local.get 256
          local.get 50
          f64.mul
          local.set 257
          local.get 254
          local.get 257
          f64.add
          local.set 258
          local.get 67
          i32.const 102
          i32.add
          i32.const 3
          i32.shl
          f64.load offset=0
          local.set 260
          local.get 260
          local.get 51
          f64.mul
          local.set 261
          local.get 258
          local.get 261
          f64.add
          local.set 262
          local.get 67
          i32.const 51
          i32.add
          i32.const 3
          i32.shl
          local.set 480
          local.get 480
          local.get 262
          f64.store offset=2512
          local.get 64
          i32.const 1
          i32.add
          local.set 64
          br 0
        end
      end
      i32.const 13
      local.set 481
      i32.const 16
      local.set 482
      local.get 481
      local.set 62
      local.get 482
      local.set 63
      local.get 62
      local.set 64
      local.get 63
      local.set 483
      block
        loop
          local.get 64
          local.get 483
          i32.ge_s
          br_if 1
          local.get 64
          i32.const -3
          i32.add
          local.set 66
          local.get 59
          local.get 66
          i32.add
          local.set 67
          local.get 58
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 68
          local.get 68
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 68
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 69
          local.get 69
          local.get 3
          f64.mul
          local.set 70
          local.get 58
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 71
          local.get 71
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 71
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 72
          local.get 72
          local.get 4
          f64.mul
          local.set 73
          local.get 70
          local.get 73
          f64.add
          local.set 74
          local.get 58
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 75
          local.get 75
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 75
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 76
          local.get 76
          local.get 5
          f64.mul
          local.set 77
          local.get 74
          local.get 77
          f64.add
          local.set 78
          local.get 58
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 79
          local.get 79
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 79
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 80
          local.get 80
          local.get 6
          f64.mul
          local.set 81
          local.get 78
          local.get 81
          f64.add
          local.set 82
          local.get 58
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 83
          local.get 83
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 83
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 84
          local.get 84
          local.get 7
          f64.mul
          local.set 85
          local.get 82
          local.get 85
          f64.add
          local.set 86
          local.get 58
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 87
          local.get 87
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 87
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 88
          local.get 88
          local.get 8
          f64.mul
          local.set 89
          local.get 86
          local.get 89
          f64.add
          local.set 90
          local.get 58
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 91
          local.get 91
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 91
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 92
          local.get 92
          local.get 9
          f64.mul
          local.set 93
          local.get 90
          local.get 93
          f64.add
          local.set 94
          local.get 58
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 95
          local.get 95
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 95
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 96
          local.get 96
          local.get 10
          f64.mul
          local.set 97
          local.get 94
          local.get 97
          f64.add
          local.set 98
          local.get 58
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 99
          local.get 99
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 99
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 100
          local.get 100
          local.get 11
          f64.mul
          local.set 101
          local.get 98
          local.get 101
          f64.add
          local.set 102
          local.get 58
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 103
          local.get 103
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 103
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 104
          local.get 104
          local.get 12
          f64.mul
          local.set 105
          local.get 102
          local.get 105
          f64.add
          local.set 106
          local.get 58
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 107
          local.get 107
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 107
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 108
          local.get 108
          local.get 13
          f64.mul
          local.set 109
          local.get 106
          local.get 109
          f64.add
          local.set 110
          local.get 58
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 111
          local.get 111
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 111
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 112
          local.get 112
          local.get 14
          f64.mul
          local.set 113
          local.get 110
          local.get 113
          f64.add
          local.set 114
          local.get 58
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 115
          local.get 115
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 115
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 116
          local.get 116
          local.get 15
          f64.mul
          local.set 117
          local.get 114
          local.get 117
          f64.add
          local.set 118
          local.get 58
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 119
          local.get 119
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 119
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 120
          local.get 120
          local.get 16
          f64.mul
          local.set 121
          local.get 118
          local.get 121
          f64.add
          local.set 122
          local.get 58
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 123
          local.get 123
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 123
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 124
          local.get 124
          local.get 17
          f64.mul
          local.set 125
          local.get 122
          local.get 125
          f64.add
          local.set 126
          local.get 58
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 127
          local.get 127
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 127
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 128
          local.get 128
          local.get 18
          f64.mul
          local.set 129
          local.get 126
          local.get 129
          f64.add
          local.set 130
          local.get 58
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 131
          local.get 131
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 131
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 132
          local.get 132
          local.get 19
          f64.mul
          local.set 133
          local.get 130
          local.get 133
          f64.add
          local.set 134
          local.get 58
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 135
          local.get 135
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 135
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 136
          local.get 136
          local.get 20
          f64.mul
          local.set 137
          local.get 134
          local.get 137
          f64.add
          local.set 138
          local.get 58
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 139
          local.get 139
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 139
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 140
          local.get 140
          local.get 21
          f64.mul
          local.set 141
          local.get 138
          local.get 141
          f64.add
          local.set 142
          local.get 58
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 143
          local.get 143
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 143
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 144
          local.get 144
          local.get 22
          f64.mul
          local.set 145
          local.get 142
          local.get 145
          f64.add
          local.set 146
          local.get 58
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 147
          local.get 147
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 147
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 148
          local.get 148
          local.get 23
          f64.mul
          local.set 149
          local.get 146
          local.get 149
          f64.add
          local.set 150
          local.get 58
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 151
          local.get 151
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 151
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 152
          local.get 152
          local.get 24
          f64.mul
          local.set 153
          local.get 150
          local.get 153
          f64.add
          local.set 154
          local.get 58
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 155
          local.get 155
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 155
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 156
          local.get 156
          local.get 25
          f64.mul
          local.set 157
          local.get 154
          local.get 157
          f64.add
          local.set 158
          local.get 58
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 159
          local.get 159
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 159
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 160
          local.get 160
          local.get 26
          f64.mul
          local.set 161
          local.get 158
          local.get 161
          f64.add
          local.set 162
          local.get 58
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 163
          local.get 163
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 163
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 164
          local.get 164
          local.get 27
          f64.mul
          local.set 165
          local.get 162
          local.get 165
          f64.add
          local.set 166
          local.get 58
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 167
          local.get 167
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 167
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 168
          local.get 168
          local.get 28
          f64.mul
          local.set 169
          local.get 166
          local.get 169
          f64.add
          local.set 170
          local.get 58
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 171
          local.get 171
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 171
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 172
          local.get 172
          local.get 29
          f64.mul
          local.set 173
          local.get 170
          local.get 173
          f64.add
          local.set 174
          local.get 58
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 175
          local.get 175
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 175
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 176
          local.get 176
          local.get 30
          f64.mul
          local.set 177
          local.get 174
          local.get 177
          f64.add
          local.set 178
          local.get 58
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 179
          local.get 179
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 179
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 180
          local.get 180
          local.get 31
          f64.mul
          local.set 181
          local.get 178
          local.get 181
          f64.add
          local.set 182
          local.get 58
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 183
          local.get 183
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 183
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 184
          local.get 184
          local.get 32
          f64.mul
          local.set 185
          local.get 182
          local.get 185
          f64.add
          local.set 186
          local.get 58
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 187
          local.get 187
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 187
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 188
          local.get 188
          local.get 33
          f64.mul
          local.set 189
          local.get 186
          local.get 189
          f64.add
          local.set 190
          local.get 58
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 191
          local.get 191
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 191
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 192
          local.get 192
          local.get 34
          f64.mul
          local.set 193
          local.get 190
          local.get 193
          f64.add
          local.set 194
          local.get 58
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 195
          local.get 195
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 195
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 196
          local.get 196
          local.get 35
          f64.mul
          local.set 197
          local.get 194
          local.get 197
          f64.add
          local.set 198
          local.get 58
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 199
          local.get 199
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 199
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 200
          local.get 200
          local.get 36
          f64.mul
          local.set 201
          local.get 198
          local.get 201
          f64.add
          local.set 202
          local.get 58
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 203
          local.get 203
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 203
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 204
          local.get 204
          local.get 37
          f64.mul
          local.set 205
          local.get 202
          local.get 205
          f64.add
          local.set 206
          local.get 58
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 207
          local.get 207
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 207
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 208
          local.get 208
          local.get 38
          f64.mul
          local.set 209
          local.get 206
          local.get 209
          f64.add
          local.set 210
          local.get 58
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 211
          local.get 211
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 211
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 212
          local.get 212
          local.get 39
          f64.mul
          local.set 213
          local.get 210
          local.get 213
          f64.add
          local.set 214
          local.get 58
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 215
          local.get 215
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 215
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 216
          local.get 216
          local.get 40
          f64.mul
          local.set 217
          local.get 214
          local.get 217
          f64.add
          local.set 218
          local.get 58
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 219
          local.get 219
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 219
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 220
          local.get 220
          local.get 41
          f64.mul
          local.set 221
          local.get 218
          local.get 221
          f64.add
          local.set 222
          local.get 58
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 223
          local.get 223
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 223
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 224
          local.get 224
          local.get 42
          f64.mul
          local.set 225
          local.get 222
          local.get 225
          f64.add
          local.set 226
          local.get 58
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 227
          local.get 227
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 227
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 228
          local.get 228
          local.get 43
          f64.mul
          local.set 229
          local.get 226
          local.get 229
          f64.add
          local.set 230
          local.get 58
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 231
          local.get 231
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 231
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 232
          local.get 232
          local.get 44
          f64.mul
          local.set 233
          local.get 230
          local.get 233
          f64.add
          local.set 234
          local.get 58
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 235
          local.get 235
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 235
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 236
          local.get 236
          local.get 45
          f64.mul
          local.set 237
          local.get 234
          local.get 237
          f64.add
          local.set 238
          local.get 58
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 239
          local.get 239
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 239
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 240
          local.get 240
          local.get 46
          f64.mul
          local.set 241
          local.get 238
          local.get 241
          f64.add
          local.set 242
          local.get 58
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 243
          local.get 243
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 243
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 244
          local.get 244
          local.get 47
          f64.mul
          local.set 245
          local.get 242
          local.get 245
          f64.add
          local.set 246
          local.get 58
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 247
          local.get 247
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 247
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 248
          local.get 248
          local.get 48
          f64.mul
          local.set 249
          local.get 246
          local.get 249
          f64.add
          local.set 250
          local.get 58
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 251
          local.get 251
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 251
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 252
          local.get 252
          local.get 49
          f64.mul
          local.set 253
          local.get 250
          local.get 253
          f64.add
          local.set 254
          local.get 58
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 255
          local.get 255
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 255
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 256
          local.get 256
          local.get 50
          f64.mul
          local.set 257
          local.get 254
          local.get 257
          f64.add
          local.set 258
          local.get 58
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 259
          local.get 259
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 259
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 260
          local.get 260
          local.get 51
          f64.mul
          local.set 261
          local.get 258
          local.get 261
          f64.add
          local.set 262
          local.get 67
          i32.const 51
          i32.add
          i32.const 3
          i32.shl
          local.set 484
          local.get 484
          local.get 262
          f64.store offset=2512
          local.get 64
          i32.const 1
          i32.add
          local.set 64
          br 0
        end
      end
      local.get 52
      i32.const 1
      i32.add
      local.set 52
      br 0
    end
  end
  i32.const 13
  local.set 486
  local.get 0
  local.set 487
  local.get 486
  local.get 487
  local.get 486
  local.get 487
  i32.gt_s
  select
  local.set 52
  i32.const 16
  local.set 488
  local.get 1
  local.set 489
  local.get 488
  local.get 489
  local.get 488
  local.get 489
  i32.lt_s
  select
  local.set 485
  block
    loop
      local.get 52
      local.get 485
      i32.ge_s
      br_if 1
      local.get 52
      i32.const -3
      i32.add
      local.set 58
      local.get 58
      i32.const 16
      i32.mul
      local.set 59
      i32.const 0
      local.set 490
      i32.const 3
      local.set 491
      local.get 490
      local.set 62
      local.get 491
      local.set 63
      local.get 62
      local.set 64
      local.get 63
      local.set 492
      block
        loop
          local.get 64
          local.get 492
          i32.ge_s
          br_if 1
          local.get 64
          i32.const -3
          i32.add
          local.set 66
          local.get 59
          local.get 66
          i32.add
          local.set 67
          local.get 58
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 68
          local.get 68
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 68
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 69
          local.get 69
          local.get 3
          f64.mul
          local.set 70
          local.get 58
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 71
          local.get 71
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 71
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 72
          local.get 72
          local.get 4
          f64.mul
          local.set 73
          local.get 70
          local.get 73
          f64.add
          local.set 74
          local.get 58
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 75
          local.get 75
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 75
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 76
          local.get 76
          local.get 5
          f64.mul
          local.set 77
          local.get 74
          local.get 77
          f64.add
          local.set 78
          local.get 58
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 79
          local.get 79
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 79
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 80
          local.get 80
          local.get 6
          f64.mul
          local.set 81
          local.get 78
          local.get 81
          f64.add
          local.set 82
          local.get 58
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 83
          local.get 83
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 83
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 84
          local.get 84
          local.get 7
          f64.mul
          local.set 85
          local.get 82
          local.get 85
          f64.add
          local.set 86
          local.get 58
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 87
          local.get 87
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 87
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 88
          local.get 88
          local.get 8
          f64.mul
          local.set 89
          local.get 86
          local.get 89
          f64.add
          local.set 90
          local.get 58
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 91
          local.get 91
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 91
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 92
          local.get 92
          local.get 9
          f64.mul
          local.set 93
          local.get 90
          local.get 93
          f64.add
          local.set 94
          local.get 58
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 95
          local.get 95
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 95
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 96
          local.get 96
          local.get 10
          f64.mul
          local.set 97
          local.get 94
          local.get 97
          f64.add
          local.set 98
          local.get 58
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 99
          local.get 99
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 99
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 100
          local.get 100
          local.get 11
          f64.mul
          local.set 101
          local.get 98
          local.get 101
          f64.add
          local.set 102
          local.get 58
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 103
          local.get 103
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 103
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 104
          local.get 104
          local.get 12
          f64.mul
          local.set 105
          local.get 102
          local.get 105
          f64.add
          local.set 106
          local.get 58
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 107
          local.get 107
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 107
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 108
          local.get 108
          local.get 13
          f64.mul
          local.set 109
          local.get 106
          local.get 109
          f64.add
          local.set 110
          local.get 58
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 111
          local.get 111
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 111
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 112
          local.get 112
          local.get 14
          f64.mul
          local.set 113
          local.get 110
          local.get 113
          f64.add
          local.set 114
          local.get 58
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 115
          local.get 115
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 115
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 116
          local.get 116
          local.get 15
          f64.mul
          local.set 117
          local.get 114
          local.get 117
          f64.add
          local.set 118
          local.get 58
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 119
          local.get 119
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 119
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 120
          local.get 120
          local.get 16
          f64.mul
          local.set 121
          local.get 118
          local.get 121
          f64.add
          local.set 122
          local.get 58
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 123
          local.get 123
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 123
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 124
          local.get 124
          local.get 17
          f64.mul
          local.set 125
          local.get 122
          local.get 125
          f64.add
          local.set 126
          local.get 58
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 127
          local.get 127
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 127
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 128
          local.get 128
          local.get 18
          f64.mul
          local.set 129
          local.get 126
          local.get 129
          f64.add
          local.set 130
          local.get 58
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 131
          local.get 131
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 131
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 132
          local.get 132
          local.get 19
          f64.mul
          local.set 133
          local.get 130
          local.get 133
          f64.add
          local.set 134
          local.get 58
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 135
          local.get 135
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 135
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 136
          local.get 136
          local.get 20
          f64.mul
          local.set 137
          local.get 134
          local.get 137
          f64.add
          local.set 138
          local.get 58
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 139
          local.get 139
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 139
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 140
          local.get 140
          local.get 21
          f64.mul
          local.set 141
          local.get 138
          local.get 141
          f64.add
          local.set 142
          local.get 58
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 143
          local.get 143
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 143
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 144
          local.get 144
          local.get 22
          f64.mul
          local.set 145
          local.get 142
          local.get 145
          f64.add
          local.set 146
          local.get 58
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 147
          local.get 147
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 147
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 148
          local.get 148
          local.get 23
          f64.mul
          local.set 149
          local.get 146
          local.get 149
          f64.add
          local.set 150
          local.get 58
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 151
          local.get 151
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 151
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 152
          local.get 152
          local.get 24
          f64.mul
          local.set 153
          local.get 150
          local.get 153
          f64.add
          local.set 154
          local.get 58
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 155
          local.get 155
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 155
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 156
          local.get 156
          local.get 25
          f64.mul
          local.set 157
          local.get 154
          local.get 157
          f64.add
          local.set 158
          local.get 58
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 159
          local.get 159
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 159
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 160
          local.get 160
          local.get 26
          f64.mul
          local.set 161
          local.get 158
          local.get 161
          f64.add
          local.set 162
          local.get 58
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 163
          local.get 163
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 163
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 164
          local.get 164
          local.get 27
          f64.mul
          local.set 165
          local.get 162
          local.get 165
          f64.add
          local.set 166
          local.get 58
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 167
          local.get 167
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 167
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 168
          local.get 168
          local.get 28
          f64.mul
          local.set 169
          local.get 166
          local.get 169
          f64.add
          local.set 170
          local.get 58
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 171
          local.get 171
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 171
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 172
          local.get 172
          local.get 29
          f64.mul
          local.set 173
          local.get 170
          local.get 173
          f64.add
          local.set 174
          local.get 58
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 175
          local.get 175
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 175
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 176
          local.get 176
          local.get 30
          f64.mul
          local.set 177
          local.get 174
          local.get 177
          f64.add
          local.set 178
          local.get 58
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 179
          local.get 179
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 179
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 180
          local.get 180
          local.get 31
          f64.mul
          local.set 181
          local.get 178
          local.get 181
          f64.add
          local.set 182
          local.get 58
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 183
          local.get 183
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 183
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 184
          local.get 184
          local.get 32
          f64.mul
          local.set 185
          local.get 182
          local.get 185
          f64.add
          local.set 186
          local.get 58
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 187
          local.get 187
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 187
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 188
          local.get 188
          local.get 33
          f64.mul
          local.set 189
          local.get 186
          local.get 189
          f64.add
          local.set 190
          local.get 58
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 191
          local.get 191
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 191
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 192
          local.get 192
          local.get 34
          f64.mul
          local.set 193
          local.get 190
          local.get 193
          f64.add
          local.set 194
          local.get 58
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 195
          local.get 195
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 195
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 196
          local.get 196
          local.get 35
          f64.mul
          local.set 197
          local.get 194
          local.get 197
          f64.add
          local.set 198
          local.get 58
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 199
          local.get 199
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 199
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 200
          local.get 200
          local.get 36
          f64.mul
          local.set 201
          local.get 198
          local.get 201
          f64.add
          local.set 202
          local.get 58
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 203
          local.get 203
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 203
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 204
          local.get 204
          local.get 37
          f64.mul
          local.set 205
          local.get 202
          local.get 205
          f64.add
          local.set 206
          local.get 58
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 207
          local.get 207
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 207
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 208
          local.get 208
          local.get 38
          f64.mul
          local.set 209
          local.get 206
          local.get 209
          f64.add
          local.set 210
          local.get 58
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 211
          local.get 211
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 211
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 212
          local.get 212
          local.get 39
          f64.mul
          local.set 213
          local.get 210
          local.get 213
          f64.add
          local.set 214
          local.get 58
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 215
          local.get 215
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 215
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 216
          local.get 216
          local.get 40
          f64.mul
          local.set 217
          local.get 214
          local.get 217
          f64.add
          local.set 218
          local.get 58
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 219
          local.get 219
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 219
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 220
          local.get 220
          local.get 41
          f64.mul
          local.set 221
          local.get 218
          local.get 221
          f64.add
          local.set 222
          local.get 58
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 223
          local.get 223
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 223
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 224
          local.get 224
          local.get 42
          f64.mul
          local.set 225
          local.get 222
          local.get 225
          f64.add
          local.set 226
          local.get 58
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 227
          local.get 227
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 227
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 228
          local.get 228
          local.get 43
          f64.mul
          local.set 229
          local.get 226
          local.get 229
          f64.add
          local.set 230
          local.get 58
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 231
          local.get 231
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 231
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 232
          local.get 232
          local.get 44
          f64.mul
          local.set 233
          local.get 230
          local.get 233
          f64.add
          local.set 234
          local.get 58
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 235
          local.get 235
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 235
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 236
          local.get 236
          local.get 45
          f64.mul
          local.set 237
          local.get 234
          local.get 237
          f64.add
          local.set 238
          local.get 58
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 239
          local.get 239
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 239
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 240
          local.get 240
          local.get 46
          f64.mul
          local.set 241
          local.get 238
          local.get 241
          f64.add
          local.set 242
          local.get 58
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 243
          local.get 243
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 243
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 244
          local.get 244
          local.get 47
          f64.mul
          local.set 245
          local.get 242
          local.get 245
          f64.add
          local.set 246
          local.get 58
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 247
          local.get 247
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 247
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 248
          local.get 248
          local.get 48
          f64.mul
          local.set 249
          local.get 246
          local.get 249
          f64.add
          local.set 250
          local.get 58
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 251
          local.get 251
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 251
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 252
          local.get 252
          local.get 49
          f64.mul
          local.set 253
          local.get 250
          local.get 253
          f64.add
          local.set 254
          local.get 58
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 255
          local.get 255
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 255
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 256
          local.get 256
          local.get 50
          f64.mul
          local.set 257
          local.get 254
          local.get 257
          f64.add
          local.set 258
          local.get 58
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 259
          local.get 259
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 259
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 260
          local.get 260
          local.get 51
          f64.mul
          local.set 261
          local.get 258
          local.get 261
          f64.add
          local.set 262
          local.get 67
          i32.const 51
          i32.add
          i32.const 3
          i32.shl
          local.set 493
          local.get 493
          local.get 262
          f64.store offset=2512
          local.get 64
          i32.const 1
          i32.add
          local.set 64
          br 0
        end
      end
      i32.const 3
      local.set 494
      i32.const 13
      local.set 495
      local.get 494
      local.set 62
      local.get 495
      local.set 63
      local.get 62
      local.set 64
      local.get 63
      local.set 496
      block
        loop
          local.get 64
          local.get 496
          i32.ge_s
          br_if 1
          local.get 64
          i32.const -3
          i32.add
          local.set 66
          local.get 59
          local.get 66
          i32.add
          local.set 67
          local.get 58
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 68
          local.get 68
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 68
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 69
          local.get 69
          local.get 3
          f64.mul
          local.set 70
          local.get 58
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 71
          local.get 71
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 71
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 72
          local.get 72
          local.get 4
          f64.mul
          local.set 73
          local.get 70
          local.get 73
          f64.add
          local.set 74
          local.get 58
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 75
          local.get 75
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 75
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 76
          local.get 76
          local.get 5
          f64.mul
          local.set 77
          local.get 74
          local.get 77
          f64.add
          local.set 78
          local.get 58
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 79
          local.get 79
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 79
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 80
          local.get 80
          local.get 6
          f64.mul
          local.set 81
          local.get 78
          local.get 81
          f64.add
          local.set 82
          local.get 58
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 83
          local.get 83
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 83
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 84
          local.get 84
          local.get 7
          f64.mul
          local.set 85
          local.get 82
          local.get 85
          f64.add
          local.set 86
          local.get 58
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 87
          local.get 87
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 87
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 88
          local.get 88
          local.get 8
          f64.mul
          local.set 89
          local.get 86
          local.get 89
          f64.add
          local.set 90
          local.get 58
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 91
          local.get 91
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 91
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 92
          local.get 92
          local.get 9
          f64.mul
          local.set 93
          local.get 90
          local.get 93
          f64.add
          local.set 94
          local.get 58
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 95
          local.get 95
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 95
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 96
          local.get 96
          local.get 10
          f64.mul
          local.set 97
          local.get 94
          local.get 97
          f64.add
          local.set 98
          local.get 58
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 99
          local.get 99
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 99
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 100
          local.get 100
          local.get 11
          f64.mul
          local.set 101
          local.get 98
          local.get 101
          f64.add
          local.set 102
          local.get 58
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 103
          local.get 103
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 103
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 104
          local.get 104
          local.get 12
          f64.mul
          local.set 105
          local.get 102
          local.get 105
          f64.add
          local.set 106
          local.get 58
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 107
          local.get 107
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 107
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 108
          local.get 108
          local.get 13
          f64.mul
          local.set 109
          local.get 106
          local.get 109
          f64.add
          local.set 110
          local.get 58
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 111
          local.get 111
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 111
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 112
          local.get 112
          local.get 14
          f64.mul
          local.set 113
          local.get 110
          local.get 113
          f64.add
          local.set 114
          local.get 58
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 115
          local.get 115
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 115
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 116
          local.get 116
          local.get 15
          f64.mul
          local.set 117
          local.get 114
          local.get 117
          f64.add
          local.set 118
          local.get 58
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 119
          local.get 119
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 119
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 120
          local.get 120
          local.get 16
          f64.mul
          local.set 121
          local.get 118
          local.get 121
          f64.add
          local.set 122
          local.get 58
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 123
          local.get 123
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 123
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 124
          local.get 124
          local.get 17
          f64.mul
          local.set 125
          local.get 122
          local.get 125
          f64.add
          local.set 126
          local.get 58
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 127
          local.get 127
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 127
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 128
          local.get 128
          local.get 18
          f64.mul
          local.set 129
          local.get 126
          local.get 129
          f64.add
          local.set 130
          local.get 58
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 131
          local.get 131
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 131
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 132
          local.get 132
          local.get 19
          f64.mul
          local.set 133
          local.get 130
          local.get 133
          f64.add
          local.set 134
          local.get 58
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 135
          local.get 135
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 135
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 136
          local.get 136
          local.get 20
          f64.mul
          local.set 137
          local.get 134
          local.get 137
          f64.add
          local.set 138
          local.get 58
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 139
          local.get 139
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 139
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 140
          local.get 140
          local.get 21
          f64.mul
          local.set 141
          local.get 138
          local.get 141
          f64.add
          local.set 142
          local.get 58
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 143
          local.get 143
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 143
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 144
          local.get 144
          local.get 22
          f64.mul
          local.set 145
          local.get 142
          local.get 145
          f64.add
          local.set 146
          local.get 58
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 147
          local.get 147
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 147
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 148
          local.get 148
          local.get 23
          f64.mul
          local.set 149
          local.get 146
          local.get 149
          f64.add
          local.set 150
          local.get 58
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 151
          local.get 151
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 151
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 152
          local.get 152
          local.get 24
          f64.mul
          local.set 153
          local.get 150
          local.get 153
          f64.add
          local.set 154
          local.get 58
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 155
          local.get 155
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 155
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 156
          local.get 156
          local.get 25
          f64.mul
          local.set 157
          local.get 154
          local.get 157
          f64.add
          local.set 158
          local.get 58
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 159
          local.get 159
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 159
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 160
          local.get 160
          local.get 26
          f64.mul
          local.set 161
          local.get 158
          local.get 161
          f64.add
          local.set 162
          local.get 58
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 163
          local.get 163
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 163
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 164
          local.get 164
          local.get 27
          f64.mul
          local.set 165
          local.get 162
          local.get 165
          f64.add
          local.set 166
          local.get 58
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 167
          local.get 167
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 167
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 168
          local.get 168
          local.get 28
          f64.mul
          local.set 169
          local.get 166
          local.get 169
          f64.add
          local.set 170
          local.get 58
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 171
          local.get 171
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 171
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 172
          local.get 172
          local.get 29
          f64.mul
          local.set 173
          local.get 170
          local.get 173
          f64.add
          local.set 174
          local.get 58
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 175
          local.get 175
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 175
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 176
          local.get 176
          local.get 30
          f64.mul
          local.set 177
          local.get 174
          local.get 177
          f64.add
          local.set 178
          local.get 58
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 179
          local.get 179
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 179
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 180
          local.get 180
          local.get 31
          f64.mul
          local.set 181
          local.get 178
          local.get 181
          f64.add
          local.set 182
          local.get 58
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 183
          local.get 183
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 183
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 184
          local.get 184
          local.get 32
          f64.mul
          local.set 185
          local.get 182
          local.get 185
          f64.add
          local.set 186
          local.get 58
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 187
          local.get 187
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 187
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 188
          local.get 188
          local.get 33
          f64.mul
          local.set 189
          local.get 186
          local.get 189
          f64.add
          local.set 190
          local.get 58
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 191
          local.get 191
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 191
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 192
          local.get 192
          local.get 34
          f64.mul
          local.set 193
          local.get 190
          local.get 193
          f64.add
          local.set 194
          local.get 58
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 195
          local.get 195
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 195
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 196
          local.get 196
          local.get 35
          f64.mul
          local.set 197
          local.get 194
          local.get 197
          f64.add
          local.set 198
          local.get 58
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 199
          local.get 199
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 199
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 200
          local.get 200
          local.get 36
          f64.mul
          local.set 201
          local.get 198
          local.get 201
          f64.add
          local.set 202
          local.get 58
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 203
          local.get 203
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 203
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 204
          local.get 204
          local.get 37
          f64.mul
          local.set 205
          local.get 202
          local.get 205
          f64.add
          local.set 206
          local.get 58
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 207
          local.get 207
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 207
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 208
          local.get 208
          local.get 38
          f64.mul
          local.set 209
          local.get 206
          local.get 209
          f64.add
          local.set 210
          local.get 58
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 211
          local.get 211
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 211
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 212
          local.get 212
          local.get 39
          f64.mul
          local.set 213
          local.get 210
          local.get 213
          f64.add
          local.set 214
          local.get 58
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 215
          local.get 215
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 215
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 216
          local.get 216
          local.get 40
          f64.mul
          local.set 217
          local.get 214
          local.get 217
          f64.add
          local.set 218
          local.get 58
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 219
          local.get 219
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 219
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 220
          local.get 220
          local.get 41
          f64.mul
          local.set 221
          local.get 218
          local.get 221
          f64.add
          local.set 222
          local.get 58
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 223
          local.get 223
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 223
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 224
          local.get 224
          local.get 42
          f64.mul
          local.set 225
          local.get 222
          local.get 225
          f64.add
          local.set 226
          local.get 58
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 227
          local.get 227
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 227
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 228
          local.get 228
          local.get 43
          f64.mul
          local.set 229
          local.get 226
          local.get 229
          f64.add
          local.set 230
          local.get 58
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 231
          local.get 231
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 231
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 232
          local.get 232
          local.get 44
          f64.mul
          local.set 233
          local.get 230
          local.get 233
          f64.add
          local.set 234
          local.get 58
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 235
          local.get 235
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 235
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 236
          local.get 236
          local.get 45
          f64.mul
          local.set 237
          local.get 234
          local.get 237
          f64.add
          local.set 238
          local.get 58
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 239
          local.get 239
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 239
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 240
          local.get 240
          local.get 46
          f64.mul
          local.set 241
          local.get 238
          local.get 241
          f64.add
          local.set 242
          local.get 58
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 243
          local.get 243
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 243
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 244
          local.get 244
          local.get 47
          f64.mul
          local.set 245
          local.get 242
          local.get 245
          f64.add
          local.set 246
          local.get 58
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 247
          local.get 247
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 247
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 248
          local.get 248
          local.get 48
          f64.mul
          local.set 249
          local.get 246
          local.get 249
          f64.add
          local.set 250
          local.get 58
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 251
          local.get 251
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 251
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 252
          local.get 252
          local.get 49
          f64.mul
          local.set 253
          local.get 250
          local.get 253
          f64.add
          local.set 254
          local.get 58
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 255
          local.get 255
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 255
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 256
          local.get 256
          local.get 50
          f64.mul
          local.set 257
          local.get 254
          local.get 257
          f64.add
          local.set 258
          local.get 58
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 259
          local.get 259
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 259
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 260
          local.get 260
          local.get 51
          f64.mul
          local.set 261
          local.get 258
          local.get 261
          f64.add
          local.set 262
          local.get 67
          i32.const 51
          i32.add
          i32.const 3
          i32.shl
          local.set 497
          local.get 497
          local.get 262
          f64.store offset=2512
          local.get 64
          i32.const 1
          i32.add
          local.set 64
          br 0
        end
      end
      i32.const 13
      local.set 498
      i32.const 16
      local.set 499
      local.get 498
      local.set 62
      local.get 499
      local.set 63
      local.get 62
      local.set 64
      local.get 63
      local.set 500
      block
        loop
          local.get 64
          local.get 500
          i32.ge_s
          br_if 1
          local.get 64
          i32.const -3
          i32.add
          local.set 66
          local.get 59
          local.get 66
          i32.add
          local.set 67
          local.get 58
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 68
          local.get 68
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 68
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 69
          local.get 69
          local.get 3
          f64.mul
          local.set 70
          local.get 58
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 71
          local.get 71
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 71
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 72
          local.get 72
          local.get 4
          f64.mul
          local.set 73
          local.get 70
          local.get 73
          f64.add
          local.set 74
          local.get 58
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 75
          local.get 75
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 75
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 76
          local.get 76
          local.get 5
          f64.mul
          local.set 77
          local.get 74
          local.get 77
          f64.add
          local.set 78
          local.get 58
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 79
          local.get 79
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 79
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 80
          local.get 80
          local.get 6
          f64.mul
          local.set 81
          local.get 78
          local.get 81
          f64.add
          local.set 82
          local.get 58
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 83
          local.get 83
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 83
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 84
          local.get 84
          local.get 7
          f64.mul
          local.set 85
          local.get 82
          local.get 85
          f64.add
          local.set 86
          local.get 58
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 87
          local.get 87
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 87
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 88
          local.get 88
          local.get 8
          f64.mul
          local.set 89
          local.get 86
          local.get 89
          f64.add
          local.set 90
          local.get 58
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 91
          local.get 91
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 91
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 92
          local.get 92
          local.get 9
          f64.mul
          local.set 93
          local.get 90
          local.get 93
          f64.add
          local.set 94
          local.get 58
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 95
          local.get 95
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 95
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 96
          local.get 96
          local.get 10
          f64.mul
          local.set 97
          local.get 94
          local.get 97
          f64.add
          local.set 98
          local.get 58
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 99
          local.get 99
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 99
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 100
          local.get 100
          local.get 11
          f64.mul
          local.set 101
          local.get 98
          local.get 101
          f64.add
          local.set 102
          local.get 58
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 103
          local.get 103
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 103
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 104
          local.get 104
          local.get 12
          f64.mul
          local.set 105
          local.get 102
          local.get 105
          f64.add
          local.set 106
          local.get 58
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 107
          local.get 107
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 107
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 108
          local.get 108
          local.get 13
          f64.mul
          local.set 109
          local.get 106
          local.get 109
          f64.add
          local.set 110
          local.get 58
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 111
          local.get 111
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 111
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 112
          local.get 112
          local.get 14
          f64.mul
          local.set 113
          local.get 110
          local.get 113
          f64.add
          local.set 114
          local.get 58
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 115
          local.get 115
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 115
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 116
          local.get 116
          local.get 15
          f64.mul
          local.set 117
          local.get 114
          local.get 117
          f64.add
          local.set 118
          local.get 58
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 119
          local.get 119
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 119
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 120
          local.get 120
          local.get 16
          f64.mul
          local.set 121
          local.get 118
          local.get 121
          f64.add
          local.set 122
          local.get 58
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 123
          local.get 123
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 123
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 124
          local.get 124
          local.get 17
          f64.mul
          local.set 125
          local.get 122
          local.get 125
          f64.add
          local.set 126
          local.get 58
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 127
          local.get 127
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 127
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 128
          local.get 128
          local.get 18
          f64.mul
          local.set 129
          local.get 126
          local.get 129
          f64.add
          local.set 130
          local.get 58
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 131
          local.get 131
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 131
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 132
          local.get 132
          local.get 19
          f64.mul
          local.set 133
          local.get 130
          local.get 133
          f64.add
          local.set 134
          local.get 58
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 135
          local.get 135
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 135
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 136
          local.get 136
          local.get 20
          f64.mul
          local.set 137
          local.get 134
          local.get 137
          f64.add
          local.set 138
          local.get 58
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 139
          local.get 139
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 139
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 140
          local.get 140
          local.get 21
          f64.mul
          local.set 141
          local.get 138
          local.get 141
          f64.add
          local.set 142
          local.get 58
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 143
          local.get 143
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 143
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 144
          local.get 144
          local.get 22
          f64.mul
          local.set 145
          local.get 142
          local.get 145
          f64.add
          local.set 146
          local.get 58
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 147
          local.get 147
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 147
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 148
          local.get 148
          local.get 23
          f64.mul
          local.set 149
          local.get 146
          local.get 149
          f64.add
          local.set 150
          local.get 58
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 151
          local.get 151
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 151
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 152
          local.get 152
          local.get 24
          f64.mul
          local.set 153
          local.get 150
          local.get 153
          f64.add
          local.set 154
          local.get 58
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 155
          local.get 155
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 155
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 156
          local.get 156
          local.get 25
          f64.mul
          local.set 157
          local.get 154
          local.get 157
          f64.add
          local.set 158
          local.get 58
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 159
          local.get 159
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 159
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 160
          local.get 160
          local.get 26
          f64.mul
          local.set 161
          local.get 158
          local.get 161
          f64.add
          local.set 162
          local.get 58
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 163
          local.get 163
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 163
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 164
          local.get 164
          local.get 27
          f64.mul
          local.set 165
          local.get 162
          local.get 165
          f64.add
          local.set 166
          local.get 58
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 167
          local.get 167
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 167
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 168
          local.get 168
          local.get 28
          f64.mul
          local.set 169
          local.get 166
          local.get 169
          f64.add
          local.set 170
          local.get 58
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 171
          local.get 171
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 171
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 172
          local.get 172
          local.get 29
          f64.mul
          local.set 173
          local.get 170
          local.get 173
          f64.add
          local.set 174
          local.get 58
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 175
          local.get 175
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 175
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 176
          local.get 176
          local.get 30
          f64.mul
          local.set 177
          local.get 174
          local.get 177
          f64.add
          local.set 178
          local.get 58
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 179
          local.get 179
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 179
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 180
          local.get 180
          local.get 31
          f64.mul
          local.set 181
          local.get 178
          local.get 181
          f64.add
          local.set 182
          local.get 58
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 183
          local.get 183
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 183
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 184
          local.get 184
          local.get 32
          f64.mul
          local.set 185
          local.get 182
          local.get 185
          f64.add
          local.set 186
          local.get 58
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 187
          local.get 187
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 187
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 188
          local.get 188
          local.get 33
          f64.mul
          local.set 189
          local.get 186
          local.get 189
          f64.add
          local.set 190
          local.get 58
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 191
          local.get 191
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 191
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 192
          local.get 192
          local.get 34
          f64.mul
          local.set 193
          local.get 190
          local.get 193
          f64.add
          local.set 194
          local.get 58
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 195
          local.get 195
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 195
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 196
          local.get 196
          local.get 35
          f64.mul
          local.set 197
          local.get 194
          local.get 197
          f64.add
          local.set 198
          local.get 58
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 199
          local.get 199
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 199
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 200
          local.get 200
          local.get 36
          f64.mul
          local.set 201
          local.get 198
          local.get 201
          f64.add
          local.set 202
          local.get 58
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 203
          local.get 203
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 203
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 204
          local.get 204
          local.get 37
          f64.mul
          local.set 205
          local.get 202
          local.get 205
          f64.add
          local.set 206
          local.get 58
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 207
          local.get 207
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 207
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 208
          local.get 208
          local.get 38
          f64.mul
          local.set 209
          local.get 206
          local.get 209
          f64.add
          local.set 210
          local.get 58
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 211
          local.get 211
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 211
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 212
          local.get 212
          local.get 39
          f64.mul
          local.set 213
          local.get 210
          local.get 213
          f64.add
          local.set 214
          local.get 58
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 215
          local.get 215
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 215
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 216
          local.get 216
          local.get 40
          f64.mul
          local.set 217
          local.get 214
          local.get 217
          f64.add
          local.set 218
          local.get 58
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 219
          local.get 219
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 219
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 220
          local.get 220
          local.get 41
          f64.mul
          local.set 221
          local.get 218
          local.get 221
          f64.add
          local.set 222
          local.get 58
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 223
          local.get 223
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 223
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 224
          local.get 224
          local.get 42
          f64.mul
          local.set 225
          local.get 222
          local.get 225
          f64.add
          local.set 226
          local.get 58
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 227
          local.get 227
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 227
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 228
          local.get 228
          local.get 43
          f64.mul
          local.set 229
          local.get 226
          local.get 229
          f64.add
          local.set 230
          local.get 58
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 231
          local.get 231
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 231
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 232
          local.get 232
          local.get 44
          f64.mul
          local.set 233
          local.get 230
          local.get 233
          f64.add
          local.set 234
          local.get 58
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 3
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 235
          local.get 235
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 235
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 236
          local.get 236
          local.get 45
          f64.mul
          local.set 237
          local.get 234
          local.get 237
          f64.add
          local.set 238
          local.get 58
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 4
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 239
          local.get 239
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 239
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 240
          local.get 240
          local.get 46
          f64.mul
          local.set 241
          local.get 238
          local.get 241
          f64.add
          local.set 242
          local.get 58
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 5
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 243
          local.get 243
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 243
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 244
          local.get 244
          local.get 47
          f64.mul
          local.set 245
          local.get 242
          local.get 245
          f64.add
          local.set 246
          local.get 58
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 6
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 247
          local.get 247
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 247
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 248
          local.get 248
          local.get 48
          f64.mul
          local.set 249
          local.get 246
          local.get 249
          f64.add
          local.set 250
          local.get 58
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 7
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 251
          local.get 251
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 251
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 252
          local.get 252
          local.get 49
          f64.mul
          local.set 253
          local.get 250
          local.get 253
          f64.add
          local.set 254
          local.get 58
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 8
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 255
          local.get 255
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 255
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 256
          local.get 256
          local.get 50
          f64.mul
          local.set 257
          local.get 254
          local.get 257
          f64.add
          local.set 258
          local.get 58
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4592
          local.get 66
          i32.const 9
          i32.add
          i32.const 2
          i32.shl
          i32.load offset=4720
          i32.add
          local.set 259
          local.get 259
          i32.const 0
          i32.lt_s
          if (result f64)
            f64.const 0
          else
            local.get 259
            i32.const 3
            i32.shl
            f64.load offset=0
          end
          local.set 260
          local.get 260
          local.get 51
          f64.mul
          local.set 261
          local.get 258
          local.get 261
          f64.add
          local.set 262
          local.get 67
          i32.const 51
          i32.add
          i32.const 3
          i32.shl
          local.set 501
          local.get 501
          local.get 262
          f64.store offset=2512
          local.get 64
          i32.const 1
          i32.add
          local.set 64
          br 0
        end
      end
      local.get 52
      i32.const 1
      i32.add
      local.set 52
      br 0
    end
  end
end)