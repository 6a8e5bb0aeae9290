;; Loops in the shapes the compiler versions (FunctionCompiler.LoopVersioning.cs): straight-line bodies ending in
;; br_if 0, with induction variables, invariant and runtime steps, every exit comparison, and addresses that wrap.
;; LoopVersioningTests runs each with and without versioning and compares results, memory and traps.
(module
  (memory (export "memory") 1)

  ;; do-while p += 1, n -= 1, exit on n != 0 (memset's byte loop)
  (func (export "fill_ne") (param $p i32) (param $n i32) (param $v i32)
    loop
      local.get $p
      local.get $v
      i32.store8
      local.get $p
      i32.const 1
      i32.add
      local.set $p
      local.get $n
      i32.const -1
      i32.add
      local.tee $n
      br_if 0
    end)

  ;; unrolled by 4 with constant offsets from an i32.add (memset's 8-byte loop shape)
  (func (export "fill_unrolled") (param $p i32) (param $n i32) (param $v i32)
    loop
      local.get $p
      local.get $v
      i32.store8
      local.get $p
      i32.const 3
      i32.add
      local.get $v
      i32.store8
      local.get $p
      i32.const 2
      i32.add
      local.get $v
      i32.store8
      local.get $p
      i32.const 1
      i32.add
      local.get $v
      i32.store8
      local.get $p
      i32.const 4
      i32.add
      local.set $p
      local.get $n
      i32.const -4
      i32.add
      local.tee $n
      br_if 0
    end)

  ;; sum of i32 words base[i] for i = 0, 4, ... while i+4 < end (unsigned), offset in the memarg
  (func (export "sum_lt_u") (param $base i32) (param $end i32) (result i32)
    (local $i i32) (local $s i32)
    loop
      local.get $s
      local.get $base
      local.get $i
      i32.add
      i32.load offset=4
      i32.add
      local.set $s
      local.get $i
      i32.const 4
      i32.add
      local.tee $i
      local.get $end
      i32.lt_u
      br_if 0
    end
    local.get $s)

  ;; signed: i from $from up by 8 while i <= $to; stores i64 at base + i
  (func (export "store_le_s") (param $base i32) (param $from i32) (param $to i32)
    (local $i i32)
    local.get $from
    local.set $i
    loop
      local.get $base
      local.get $i
      i32.add
      local.get $i
      i64.extend_i32_s
      i64.store
      local.get $i
      i32.const 8
      i32.add
      local.tee $i
      local.get $to
      i32.le_s
      br_if 0
    end)

  ;; decreasing: i from $from down by 2 while i > $to (signed), loads i16 at base + 2*i, bound on the left
  (func (export "sum_gt_s") (param $base i32) (param $from i32) (param $to i32) (result i32)
    (local $i i32) (local $s i32)
    local.get $from
    local.set $i
    loop
      local.get $s
      local.get $i
      i32.const 1
      i32.shl
      local.get $base
      i32.add
      i32.load16_s
      i32.add
      local.set $s
      local.get $to
      local.get $i
      i32.const -2
      i32.add
      local.tee $i
      i32.lt_s
      br_if 0
    end
    local.get $s)

  ;; unsigned decreasing with ge_u: i from $from down by 1 while i-1 >= $to
  (func (export "sum_ge_u") (param $base i32) (param $from i32) (param $to i32) (result i32)
    (local $i i32) (local $s i32)
    local.get $from
    local.set $i
    loop
      local.get $s
      local.get $base
      local.get $i
      i32.add
      i32.load8_u
      i32.add
      local.set $s
      local.get $i
      i32.const -1
      i32.add
      local.tee $i
      local.get $to
      i32.ge_u
      br_if 0
    end
    local.get $s)

  ;; runtime step (the sieve's inner loop): mark base[j] for j = start, start+step, ... while j < limit
  (func (export "mark_stride") (param $base i32) (param $start i32) (param $step i32) (param $limit i32)
    (local $j i32)
    local.get $start
    local.set $j
    loop
      local.get $j
      local.get $base
      i32.add
      i32.const 1
      i32.store8
      local.get $j
      local.get $step
      i32.add
      local.tee $j
      local.get $limit
      i32.lt_u
      br_if 0
    end)

  ;; two induction variables and a temporary (the matmul inner loop): c[j] += a * b[j], two per iteration
  (func (export "axpy2") (param $c i32) (param $b i32) (param $a f64) (param $n i32)
    (local $i i32) (local $p i32) (local $q i32)
    loop
      local.get $c
      local.get $i
      i32.add
      local.tee $p
      local.get $a
      local.get $b
      local.get $i
      i32.add
      local.tee $q
      f64.load
      f64.mul
      local.get $p
      f64.load
      f64.add
      f64.store
      local.get $p
      i32.const 8
      i32.add
      local.tee $p
      local.get $a
      local.get $q
      i32.const 8
      i32.add
      f64.load
      f64.mul
      local.get $p
      f64.load
      f64.add
      f64.store
      local.get $i
      i32.const 16
      i32.add
      local.tee $i
      local.get $n
      i32.ne
      br_if 0
    end)

  ;; a loop with a result, a negative constant offset (address wraps to a valid one) and a loop-invariant load
  (func (export "back_sum") (param $p i32) (param $n i32) (result i32)
    (local $s i32)
    loop (result i32)
      local.get $s
      local.get $p
      i32.const -4
      i32.add
      i32.load
      i32.add
      i32.const 0
      i32.load
      i32.add
      local.tee $s
      local.get $p
      i32.const 4
      i32.add
      local.set $p
      local.get $n
      i32.const -1
      i32.add
      local.tee $n
      br_if 0
    end)

  ;; step 3 toward a bound it never hits exactly: runs until it traps out of bounds
  (func (export "miss_ne") (param $i i32) (param $bound i32)
    loop
      local.get $i
      i32.const 7
      i32.store8
      local.get $i
      i32.const 3
      i32.add
      local.tee $i
      local.get $bound
      i32.ne
      br_if 0
    end)
;; ---- loops with control flow inside (the analysis joins edges) ----

  ;; if (!mem[i]) continue; count++  — a block skipped by br_if, back edge at the end
  (func (export "count_nonzero") (param $base i32) (param $n i32) (result i32)
    (local $i i32) (local $c i32)
    loop
      block
        local.get $base
        local.get $i
        i32.add
        i32.load8_u
        i32.eqz
        br_if 0
        local.get $c
        i32.const 1
        i32.add
        local.set $c
      end
      local.get $i
      i32.const 1
      i32.add
      local.tee $i
      local.get $n
      i32.lt_u
      br_if 0
    end
    local.get $c)

  ;; the sieve's outer loop shape: the exit test inside a block that returns, an unconditional back edge
  (func (export "scan_until") (param $base i32) (param $end i32) (result i32)
    (local $i i32) (local $s i32)
    loop
      block
        local.get $i
        i32.const 1
        i32.add
        local.tee $i
        local.get $end
        i32.ne
        br_if 0
        local.get $s
        return
      end
      local.get $s
      local.get $base
      local.get $i
      i32.add
      i32.load8_u
      i32.add
      local.set $s
      br 0
    end
    unreachable)

  (func $helper (param i32) (result i32)
    local.get 0
    i32.const 1
    i32.add)

  ;; a call in the body: a host function could dispose the store and empty the memory, so not versioned
  (func $with_call (export "with_call") (param $base i32) (param $n i32) (result i32)
    (local $i i32) (local $s i32)
    loop
      local.get $s
      local.get $base
      local.get $i
      i32.add
      i32.load8_u
      call $helper
      i32.add
      local.set $s
      local.get $i
      i32.const 1
      i32.add
      local.tee $i
      local.get $n
      i32.lt_u
      br_if 0
    end
    local.get $s)

  ;; if/else assigning a temporary differently on each side
  (func (export "if_else_call") (param $base i32) (param $n i32) (result i32)
    (local $i i32) (local $s i32) (local $t i32)
    loop
      local.get $i
      i32.const 1
      i32.and
      if
        local.get $base
        local.get $i
        i32.add
        i32.load8_u
        local.set $t
      else
        local.get $base
        local.get $i
        i32.add
        i32.load8_s offset=1
        i32.const 1
        i32.add
        local.set $t
      end
      local.get $s
      local.get $t
      i32.add
      local.set $s
      local.get $i
      i32.const 1
      i32.add
      local.tee $i
      local.get $n
      i32.lt_s
      br_if 0
    end
    local.get $s)

  ;; a loop containing a self-contained loop: row pointer stepping by a runtime stride
  (func (export "nested_sum") (param $base i32) (param $rows i32) (param $cols i32) (result i32)
    (local $r i32) (local $c i32) (local $s i32) (local $row i32)
    local.get $base
    local.set $row
    loop
      i32.const 0
      local.set $c
      loop
        local.get $s
        local.get $row
        local.get $c
        i32.add
        i32.load8_u
        i32.add
        local.set $s
        local.get $c
        i32.const 1
        i32.add
        local.tee $c
        local.get $cols
        i32.lt_u
        br_if 0
      end
      local.get $s
      local.get $row
      i32.load16_u offset=2
      i32.add
      local.set $s
      local.get $row
      local.get $cols
      i32.add
      local.set $row
      local.get $r
      i32.const 1
      i32.add
      local.tee $r
      local.get $rows
      i32.lt_u
      br_if 0
    end
    local.get $s)

  ;; br_table to three blocks inside the body
  (func (export "table_loop") (param $base i32) (param $n i32) (result i32)
    (local $i i32) (local $s i32)
    loop
      block
        block
          block
            local.get $base
            local.get $i
            i32.add
            i32.load8_u
            i32.const 3
            i32.and
            br_table 0 1 2
          end
          local.get $s
          i32.const 1
          i32.add
          local.set $s
        end
        local.get $s
        i32.const 10
        i32.add
        local.set $s
      end
      local.get $i
      i32.const 1
      i32.add
      local.tee $i
      local.get $n
      i32.ne
      br_if 0
    end
    local.get $s)

  ;; an exit in the middle (a zero byte) and a bound at the end
  (func (export "strlen_bounded") (param $p i32) (result i32)
    (local $i i32)
    block
      loop
        local.get $p
        local.get $i
        i32.add
        i32.load8_u
        i32.eqz
        br_if 1
        local.get $i
        i32.const 1
        i32.add
        local.tee $i
        i32.const 4096
        i32.lt_u
        br_if 0
      end
    end
    local.get $i)

  ;; the step depends on the path: not an induction variable, so not versioned
  (func $uneven_step (export "uneven_step") (param $base i32) (param $n i32) (result i32)
    (local $i i32) (local $s i32)
    loop
      local.get $s
      local.get $base
      local.get $i
      i32.add
      i32.load8_u
      i32.add
      local.set $s
      local.get $i
      i32.const 1
      i32.and
      if
        local.get $i
        i32.const 3
        i32.add
        local.set $i
      else
        local.get $i
        i32.const 1
        i32.add
        local.set $i
      end
      local.get $i
      local.get $n
      i32.lt_u
      br_if 0
    end
    local.get $s)
  ;; one access group of four (two loads, two stores: a pointer in the fast copy), a runtime step, and back edges from
  ;; a br inside a block and from a br_table (FunctionCompiler.LoopPointers.cs advances the pointer on each)
  (func (export "swap_pairs") (param $base i32) (param $n i32) (param $step i32) (result i32)
    (local $i i32) (local $t i32) (local $s i32)
    block
      loop
        local.get $base
        local.get $i
        i32.add
        i32.load
        local.set $t
        local.get $base
        local.get $i
        i32.add
        local.get $base
        local.get $i
        i32.add
        i32.load offset=4
        i32.store
        local.get $base
        local.get $i
        i32.add
        local.get $t
        i32.store offset=4
        local.get $s
        local.get $t
        i32.add
        local.set $s
        local.get $i
        local.get $step
        i32.add
        local.tee $i
        local.get $n
        i32.ge_u
        br_if 1
        block
          local.get $t
          i32.const 1
          i32.and
          br_if 0
          br 1
        end
        local.get $t
        i32.const 2
        i32.and
        br_table 0 0
      end
    end
    local.get $s)

  ;; two stores per iteration around a memory.grow, which may move the buffer: no pointers, fresh base after it
  (func (export "grow_fill") (param $p i32) (param $n i32) (param $at i32) (result i32)
    (local $i i32)
    loop
      local.get $p
      local.get $i
      i32.add
      local.get $i
      i32.store
      local.get $p
      local.get $i
      i32.add
      local.get $i
      i32.store offset=4
      local.get $i
      local.get $at
      i32.eq
      if
        i32.const 1
        memory.grow
        drop
      end
      local.get $i
      i32.const 8
      i32.add
      local.tee $i
      local.get $n
      i32.lt_u
      br_if 0
    end
    memory.size)
)
