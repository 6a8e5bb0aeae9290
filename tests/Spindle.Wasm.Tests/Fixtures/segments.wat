;; Instantiation order: the second data segment is out of bounds, so instantiation traps after the first one
;; has been written to the imported memory (Api/LinkerTests).
(module
  (import "env" "memory" (memory 1))
  (data (i32.const 0) "ok")
  (data (i32.const 65535) "too long")
)
