/* Shared by every kernel: built for wasm32 with -nostdlib (no libc, no imports) and natively with the
   same compiler flags plus bench/kernels/native/driver.c. */
#ifndef SPINDLE_KERNEL_H
#define SPINDLE_KERNEL_H

#include <stdint.h>
#include <stddef.h>

/* An exported kernel entry point: default visibility so wasm-ld --export-dynamic exports it. */
#define KERNEL __attribute__((visibility("default")))

#ifdef __wasm__
/* clang lowers some loops to memset/memcpy calls; without libc the module must define them itself
   (otherwise they would become imports). */
void *memset(void *dest, int c, size_t n);
void *memcpy(void *restrict dest, const void *restrict src, size_t n);
__attribute__((visibility("hidden"))) void *memset(void *dest, int c, size_t n)
{
    unsigned char *d = dest;
    while (n--) *d++ = (unsigned char)c;
    return dest;
}
__attribute__((visibility("hidden"))) void *memcpy(void *restrict dest, const void *restrict src, size_t n)
{
    unsigned char *d = dest;
    const unsigned char *s = src;
    while (n--) *d++ = *s++;
    return dest;
}
#endif

#endif
