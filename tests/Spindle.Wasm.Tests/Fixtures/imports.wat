;; One import of each kind, for linking errors (Api/LinkerTests).
(module
  (import "env" "f" (func (param i32) (result i32)))
  (import "env" "table" (table 2 10 funcref))
  (import "env" "memory" (memory 1 2))
  (import "env" "g" (global i64))
  (func (export "call") (param i32) (result i32) (call 0 (local.get 0)))
)
