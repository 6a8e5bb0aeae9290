;; Control flow across region boundaries. OutliningTests compiles this with a tiny region budget, so nearly every
;; statement below becomes a region method, and with the default budget (no regions): results must agree.
(module
  (memory 1)
  (table 2 funcref)
  (elem (i32.const 0) $double $trap_deep)

  (func $double (param i32) (result i32) (i32.mul (local.get 0) (i32.const 2)))

  ;; A branch out of a region to an enclosing block, carrying a value.
  (func (export "exit_with_value") (param $x i32) (result i32)
    (local $t i32)
    (block $out (result i32)
      (local.set $t (i32.add (local.get $x) (i32.const 1)))
      (local.set $t (i32.mul (local.get $t) (i32.const 3)))
      (drop (br_if $out (i32.const 100) (i32.gt_s (local.get $t) (i32.const 30))))
      (local.set $t (i32.sub (local.get $t) (i32.const 1)))
      (local.get $t)))

  ;; br_table from inside a region to labels at several depths with values.
  (func (export "table_exit") (param $i i32) (result i32)
    (local $acc i32)
    (i32.add
      (block $a (result i32)
        (i32.mul
          (block $b (result i32)
            (local.set $acc (i32.const 7))
            (local.set $acc (i32.add (local.get $acc) (local.get $i)))
            (br_table $a $b $a (local.get $acc) (local.get $i))
          )
          (i32.const 10)))
      (i32.const 1000)))

  ;; return from inside a region, from nested blocks, with two results.
  (func (export "return_pair") (param $x i32) (result i32 i64)
    (local $y i64)
    (local.set $y (i64.extend_i32_s (local.get $x)))
    (block
      (block
        (local.set $y (i64.mul (local.get $y) (i64.const 1000)))
        (if (i32.lt_s (local.get $x) (i32.const 0))
          (then (return (i32.const -1) (local.get $y))))
        (local.set $y (i64.add (local.get $y) (i64.const 5)))))
    (local.get $x)
    (local.get $y))

  ;; A multi-value block left by a branch from a region and by falling through.
  (func (export "multi_block") (param $x i32) (result i64)
    (local $a i32) (local $b i64)
    (block $m (result i32 i64)
      (local.set $a (i32.add (local.get $x) (i32.const 2)))
      (local.set $b (i64.const 40))
      (if (i32.eqz (local.get $x))
        (then (br $m (i32.const 1) (i64.const 1))))
      (local.set $b (i64.add (local.get $b) (i64.extend_i32_u (local.get $a))))
      (local.get $a)
      (local.get $b))
    (local.set $b)
    (local.set $a)
    (i64.add (local.get $b) (i64.extend_i32_u (local.get $a))))

  ;; A loop whose body statements are regions: back-edge (br_if to the loop) and exit (br to the block) from inside.
  (func (export "sum_to") (param $n i32) (result i64)
    (local $i i32) (local $sum i64)
    (block $done
      (loop $next
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (local.set $sum (i64.add (local.get $sum) (i64.extend_i32_u (local.get $i))))
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (br $next)))
    (local.get $sum))

  ;; A loop with a parameter: the back-edge from a region carries the value.
  (func (export "loop_param") (param $n i32) (result i32)
    (local $k i32)
    (i32.const 1)
    (loop $l (param i32) (result i32)
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (i32.mul (i32.const 2))
      (br_if $l (i32.lt_u (local.get $k) (local.get $n)))))

  ;; Floats, references and the caller's parameters written in a region and read after it.
  (func (export "locals_roundtrip") (param $p i32) (param $f f64) (result f64)
    (local $r funcref) (local $e externref) (local $g f32)
    (local.set $p (i32.add (local.get $p) (i32.const 1)))
    (local.set $f (f64.mul (local.get $f) (f64.const 2.5)))
    (local.set $g (f32.const 1.5))
    (local.set $r (ref.func $double))
    (local.set $e (ref.null extern))
    (f64.add
      (f64.add (local.get $f) (f64.convert_i32_s (local.get $p)))
      (f64.add
        (f64.promote_f32 (local.get $g))
        (f64.add
          (f64.convert_i32_u (ref.is_null (local.get $r)))
          (f64.convert_i32_u (ref.is_null (local.get $e)))))))

  ;; memory.grow inside a region: the caller must see the new size afterwards.
  (func (export "grow_then_store") (result i32)
    (local $old i32)
    (local.set $old (memory.grow (i32.const 1)))
    (i32.store (i32.const 65536) (i32.const 1234))
    (local.set $old (i32.add (local.get $old) (i32.load (i32.const 65536))))
    (i32.store (i32.const 131068) (local.get $old))
    (i32.load (i32.const 131068)))

  ;; A load that was proven in bounds before a region must be checked again after the region changed the address.
  (func (export "bounds_after_region") (param $addr i32) (result i32)
    (drop (i32.load (local.get $addr)))
    (block
      (local.set $addr (i32.add (local.get $addr) (i32.const 65536)))
      (local.set $addr (i32.add (local.get $addr) (i32.const 0))))
    (i32.load (local.get $addr)))

  ;; Traps inside regions: the trap's Wasm stack names each function once.
  (func $trap_deep (param i32) (result i32)
    (local $t i32)
    (local.set $t (i32.add (local.get 0) (i32.const 1)))
    (local.set $t (i32.mul (local.get $t) (i32.const 2)))
    (if (i32.gt_s (local.get $t) (i32.const 0))
      (then
        (local.set $t (i32.div_s (local.get $t) (i32.const 0)))))
    (local.get $t))

  (func $trap_through_call (export "trap_through_call") (param $x i32) (result i32)
    (local $t i32)
    (local.set $t (i32.add (local.get $x) (i32.const 3)))
    (local.set $t (call_indirect (param i32) (result i32) (local.get $t) (i32.const 1)))
    (local.get $t))

  (func (export "call_in_region") (param $x i32) (result i32)
    (local $t i32)
    (local.set $t (call $double (local.get $x)))
    (local.set $t (call_indirect (param i32) (result i32) (local.get $t) (i32.const 0)))
    (local.get $t))

  ;; An infinite loop inside a region still stops at epoch interruption.
  (func (export "spin") (local $i i32)
    (block
      (loop
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br 0))))
)
