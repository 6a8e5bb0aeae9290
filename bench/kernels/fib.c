/* Recursive Fibonacci: call overhead and integer arithmetic. fib(n) with n around 32. */
#include "kernel.h"

__attribute__((noinline)) static int fib_rec(int n)
{
    return n < 2 ? n : fib_rec(n - 1) + fib_rec(n - 2);
}

KERNEL int fib(int n)
{
    return fib_rec(n);
}
