;; A script for testing the judge itself (WastRunnerTests): commands marked "fail" expect the wrong thing on
;; purpose, so a runner that passed everything would be caught.
(module $m
  (func (export "add") (param i32 i32) (result i32) local.get 0 local.get 1 i32.add)
  (func (export "nan") (result f32) f32.const nan)
  (func (export "nan-payload") (result f64) f64.const nan:0x4)
  (func (export "div") (param i32 i32) (result i32) local.get 0 local.get 1 i32.div_s)
  (func (export "spin") (loop $l br $l))
  (func (export "pair") (result i64 f64) i64.const -1 f64.const -0.0)
  (func (export "id-extern") (param externref) (result externref) local.get 0)
  (global (export "g") i32 (i32.const 42))
)
(assert_return (invoke "add" (i32.const 1) (i32.const 2)) (i32.const 3))                   ;; pass
(assert_return (invoke "add" (i32.const 1) (i32.const 2)) (i32.const 4))                   ;; fail: wrong value
(assert_return (invoke "nan") (f32.const nan:canonical))                                   ;; pass
(assert_return (invoke "nan") (f32.const nan:arithmetic))                                  ;; pass
(assert_return (invoke "nan-payload") (f64.const nan:arithmetic))                          ;; fail: payload 0x4 is not arithmetic
(assert_return (invoke "pair") (i64.const -1) (f64.const -0.0))                            ;; pass
(assert_return (invoke "pair") (i64.const -1) (f64.const 0.0))                             ;; fail: +0 is not -0
(assert_return (invoke "id-extern" (ref.extern 7)) (ref.extern 7))                         ;; pass
(assert_return (invoke "id-extern" (ref.null extern)) (ref.null extern))                   ;; pass
(assert_return (invoke "id-extern" (ref.extern 7)) (ref.extern 8))                         ;; fail: another host object
(assert_return (get "g") (i32.const 42))                                                   ;; pass
(assert_trap (invoke "div" (i32.const 1) (i32.const 0)) "integer divide by zero")          ;; pass
(assert_trap (invoke "div" (i32.const 1) (i32.const 1)) "integer divide by zero")          ;; fail: no trap
(assert_trap (invoke "div" (i32.const 1) (i32.const 0)) "unreachable")                     ;; fail: another trap
(assert_trap (invoke "spin") "unreachable")                                                ;; fail: interrupted by the timeout
(invoke "add" (i32.const 1) (i32.const 1))                                                 ;; pass
(assert_malformed (module quote "(func") "unexpected token")                               ;; skipped: text format
(assert_malformed (module binary "\00asm\02\00\00\00") "unknown binary version")           ;; pass
(assert_invalid (module (func (result i32) (f32.const 0))) "type mismatch")                ;; pass
(assert_invalid (module (func (result i32) (i32.const 0))) "type mismatch")                ;; fail: valid
(assert_unlinkable (module (import "spectest" "nope" (func))) "unknown import")            ;; pass
(assert_unlinkable (module (import "spectest" "print_i32" (func (param i32)))) "unknown import") ;; fail: links
(register "M" $m)                                                                          ;; pass
(module (import "M" "add" (func (param i32 i32) (result i32))) (import "spectest" "memory" (memory 1)))  ;; pass
(assert_trap (module (func $s unreachable) (start $s)) "unreachable")                      ;; pass (assert_uninstantiable in JSON)
