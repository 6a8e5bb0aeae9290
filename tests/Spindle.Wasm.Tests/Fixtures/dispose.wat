;; A guest that calls a host function which disposes the store, then keeps using its memory (StoreDisposeTests).
(module
  (import "env" "dispose" (func $dispose))
  (memory (export "memory") 1)
  (func (export "run") (result i32)
    i32.const 100
    i32.const 42
    i32.store
    call $dispose
    ;; The memory must still be this store's own until the call returns.
    i32.const 104
    i32.const 100
    i32.load
    i32.const 1
    i32.add
    i32.store
    i32.const 104
    i32.load))
