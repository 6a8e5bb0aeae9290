;; Host functions that take a Caller (Api/CallerTests): "peek" reads the caller's memory, "tag" its store data.
(module
  (import "env" "peek" (func $peek (param i32) (result i32)))
  (import "env" "tag" (func $tag (result i32)))
  (import "env" "untyped" (func $untyped (param i32) (result i32)))
  (memory (export "memory") 1)
  (table (export "table") 1 funcref)
  (elem (i32.const 0) $peek)
  (func (export "set") (param i32 i32) (i32.store8 (local.get 0) (local.get 1)))
  (func (export "peek") (param i32) (result i32) (call $peek (local.get 0)))
  (func (export "peek_indirect") (param i32) (result i32) (call_indirect (param i32) (result i32) (local.get 0) (i32.const 0)))
  (func (export "tag") (result i32) (call $tag))
  (func (export "untyped") (param i32) (result i32) (call $untyped (local.get 0)))
)
