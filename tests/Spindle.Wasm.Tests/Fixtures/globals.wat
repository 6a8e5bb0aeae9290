;; Imported globals are shared by reference; exported ones are visible to the host (Api/GlobalTests).
(module
  (import "env" "counter" (global $counter (mut i32)))
  (global $local (export "local") (mut i64) (i64.const 5))
  (global (export "pi") f64 (f64.const 3.25))
  (func (export "bump") (global.set $counter (i32.add (global.get $counter) (i32.const 1))))
  (func (export "get_counter") (result i32) (global.get $counter))
  (func (export "set_local") (param i64) (global.set $local (local.get 0)))
)
