// The modules for the decode/validate/compile benchmarks (DecodeValidateBenchmarks): about 800 KB of wasm
// from clang -O2, so that front-end throughput is measured on code shaped like a compiler's output (loops,
// br_table switches, i32/i64/f64 arithmetic, loads/stores, direct and indirect calls) rather than on a toy.
// The preprocessor stamps out 1,200 distinct functions (constants differ so nothing is merged) from a few
// templates, plus a 1,200-way dispatch switch and a 256-case bytecode interpreter; no libc, no imports.
// Built twice by eng/build-kernels.sh (clang-14 --target=wasm32 -O2 -nostdlib -Wl,--no-entry -Wl,--export-all):
// frontend.wasm, and frontend-small.wasm with -DSMALL (10 functions, about 15 KB).

typedef unsigned int u32;
typedef unsigned long long u64;
typedef int i32;
typedef long long i64;

static unsigned char heap[1 << 16];
static u32 heap_top;

// A bump allocator and the memory routines clang expects without libc.
void *alloc(u32 size)
{
    u32 at = (heap_top + 7u) & ~7u;
    if (at + size > sizeof heap) return 0;
    heap_top = at + size;
    return heap + at;
}

void *memcpy(void *dst, const void *src, unsigned long n)
{
    unsigned char *d = dst;
    const unsigned char *s = src;
    while (n--) *d++ = *s++;
    return dst;
}

void *memset(void *dst, int c, unsigned long n)
{
    unsigned char *d = dst;
    while (n--) *d++ = (unsigned char)c;
    return dst;
}

// Shell sort and a string hash: ordinary library-style code.
void sort_u32(u32 *a, u32 n)
{
    for (u32 gap = n / 2; gap > 0; gap /= 2)
        for (u32 i = gap; i < n; i++)
        {
            u32 v = a[i], j = i;
            for (; j >= gap && a[j - gap] > v; j -= gap) a[j] = a[j - gap];
            a[j] = v;
        }
}

u32 fnv1a(const char *s)
{
    u32 h = 2166136261u;
    while (*s) h = (h ^ (unsigned char)*s++) * 16777619u;
    return h;
}

u32 format_u32(char *out, u32 v)
{
    char tmp[10];
    u32 n = 0;
    do { tmp[n++] = (char)('0' + v % 10); v /= 10; } while (v);
    for (u32 i = 0; i < n; i++) out[i] = tmp[n - 1 - i];
    out[n] = 0;
    return n;
}

// Template A: a hashing loop with a per-element switch (a br_table).
#define FN_A(n) \
    __attribute__((noinline)) u32 f_##n(u32 *p, u32 len, u32 seed) \
    { \
        u32 h = seed ^ (n##u * 2654435761u); \
        for (u32 i = 0; i < len; i++) \
        { \
            u32 v = p[i]; \
            switch ((v + n##u) & 7u) \
            { \
            case 0: h = (h ^ v) * 16777619u; break; \
            case 1: h += v << (n % 13); break; \
            case 2: h ^= (h >> 7) + v * (n##u | 1u); break; \
            case 3: h = h * 31u + (v >> (n % 7)); break; \
            case 4: p[i] = h + n##u; break; \
            case 5: h -= v ^ (n##u * 7u); break; \
            case 6: h = (h << 5) | (h >> 27); break; \
            default: h += n##u; break; \
            } \
        } \
        return h; \
    }

// Template B: 64-bit and floating-point arithmetic with branches.
#define FN_B(n) \
    __attribute__((noinline)) u32 f_##n(u32 *p, u32 len, u32 seed) \
    { \
        u64 w = (u64)seed * (n##ull | 1ull); \
        double d = (double)seed / (n + 0.5); \
        for (u32 i = 0; i < len; i++) \
        { \
            u64 v = p[i]; \
            if (v & 1u) w = w * 6364136223846793005ull + (v ^ n##ull); \
            else w ^= (w >> 29) + (v << (n % 31)); \
            d = d * 0.999 + (double)(v % (n##u + 3u)); \
            if (d > 1e12) d = d / (n + 1.5); \
        } \
        return (u32)(w >> 17) ^ (u32)(i64)d; \
    }

// Template C: memory-heavy: prefix sums, a reverse and a bounded search.
#define FN_C(n) \
    __attribute__((noinline)) u32 f_##n(u32 *p, u32 len, u32 seed) \
    { \
        u32 acc = seed + n##u; \
        for (u32 i = 1; i < len; i++) p[i] += p[i - 1] ^ (n##u * 3u); \
        for (u32 i = 0, j = len ? len - 1 : 0; i < j; i++, j--) \
        { \
            u32 t = p[i]; p[i] = p[j]; p[j] = t; \
        } \
        for (u32 i = 0; i < len; i++) \
        { \
            if (p[i] % (n##u + 2u) == 0) { acc += i; break; } \
            acc = acc * 33u + (p[i] >> 3); \
        } \
        return acc; \
    }

// Template D: calls into a neighbour and the library routines.
#define FN_D(n) \
    __attribute__((noinline)) u32 f_##n(u32 *p, u32 len, u32 seed) \
    { \
        char buf[12]; \
        u32 k = format_u32(buf, seed + n##u); \
        u32 h = fnv1a(buf) ^ k; \
        if (len > 8) sort_u32(p, 8); \
        for (u32 i = 0; i < len && i < 16u; i++) h += (p[i] * (n##u | 5u)) >> (i & 7u); \
        return h ^ (u32)(n % 97); \
    }

// Choose a template by the last digit of the function number.
#define T0 FN_A
#define T1 FN_B
#define T2 FN_C
#define T3 FN_D
#define T4 FN_A
#define T5 FN_B
#define T6 FN_C
#define T7 FN_D
#define T8 FN_A
#define T9 FN_C

#define D10(M, p) M(p, 0) M(p, 1) M(p, 2) M(p, 3) M(p, 4) M(p, 5) M(p, 6) M(p, 7) M(p, 8) M(p, 9)
#define D100(M, p) D10(M, p##0) D10(M, p##1) D10(M, p##2) D10(M, p##3) D10(M, p##4) \
                   D10(M, p##5) D10(M, p##6) D10(M, p##7) D10(M, p##8) D10(M, p##9)
#ifdef SMALL
// The small module: the same code shapes with 10 functions instead of 1,200.
#define GEN(M) D10(M, 100)
#else
#define GEN(M) D100(M, 10) D100(M, 11) D100(M, 12) D100(M, 13) D100(M, 14) D100(M, 15) \
               D100(M, 16) D100(M, 17) D100(M, 18) D100(M, 19) D100(M, 20) D100(M, 21)
#endif

#define DEFINE(p, d) T##d(p##d)
GEN(DEFINE)

// A switch over the functions over the functions (one br_table with 1,200 targets in the large module) ...
#define CASE(p, d) case p##d: return f_##p##d(p_, len, seed);
u32 dispatch(u32 op, u32 *p_, u32 len, u32 seed)
{
    switch (op)
    {
        GEN(CASE)
    default: return 0;
    }
}

// ... and a table of them for call_indirect.
typedef u32 (*fn_t)(u32 *, u32, u32);
#define ENTRY(p, d) f_##p##d,
static fn_t const table[] = { GEN(ENTRY) };

u32 call_indirect(u32 index, u32 *p, u32 len, u32 seed)
{
    return table[index % (sizeof table / sizeof table[0])](p, len, seed);
}

// A bytecode interpreter: one large function with a 256-case switch inside a loop.
#define OP(n) \
    case n: \
        a = (n % 3 == 0) ? a + b * n##u : (n % 3 == 1) ? (a ^ (b >> (n % 17))) : a * (n##u | 1u) - b; \
        if (n % 5 == 0) stack[sp++ & 63u] = a; \
        if (n % 7 == 0) b = stack[--sp & 63u] + n##u; \
        if (n % 11 == 0) pc = (pc + (a & 15u)) % len; \
        break;
#define OP10(p) OP(p##0) OP(p##1) OP(p##2) OP(p##3) OP(p##4) OP(p##5) OP(p##6) OP(p##7) OP(p##8) OP(p##9)

u32 interpret(const unsigned char *code, u32 len, u32 fuel)
{
    u32 a = 1, b = 2, pc = 0, sp = 0;
    u32 stack[64] = { 0 };
    while (fuel-- && len)
    {
        switch (code[pc])
        {
            OP(0) OP(1) OP(2) OP(3) OP(4) OP(5) OP(6) OP(7) OP(8) OP(9)
            OP10(1) OP10(2) OP10(3) OP10(4) OP10(5) OP10(6) OP10(7) OP10(8) OP10(9)
            OP10(10) OP10(11) OP10(12) OP10(13) OP10(14) OP10(15) OP10(16) OP10(17) OP10(18) OP10(19)
            OP10(20) OP10(21) OP10(22) OP10(23) OP10(24)
            OP(250) OP(251) OP(252) OP(253) OP(254) OP(255)
        }
        pc = (pc + 1) % len;
    }
    return a ^ b ^ sp;
}
