;; Call overhead benchmark module (CallBenchmarks): an empty export, an add, and a loop calling a host
;; function N times (guest-to-host). Rebuilt by eng/build-kernels.sh.
(module
  (import "host" "nop" (func $host_nop))
  (import "host" "inc" (func $host_inc (param i32) (result i32)))
  (func (export "empty"))
  (func (export "add") (param i32 i32) (result i32)
    local.get 0
    local.get 1
    i32.add)
  (func (export "call_host_nop") (param $n i32)
    (loop $again
      call $host_nop
      local.get $n
      i32.const 1
      i32.sub
      local.tee $n
      br_if $again))
  (func (export "call_host_inc") (param $n i32) (result i32)
    (local $acc i32)
    (loop $again
      local.get $acc
      call $host_inc
      local.set $acc
      local.get $n
      i32.const 1
      i32.sub
      local.tee $n
      br_if $again)
    local.get $acc)
)
