;; A module whose exports trap, for `spindle run` error handling tests.
(module
  (func $inner (unreachable))
  (func (export "boom") (call $inner))
  (func (export "div") (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1))))
