/* Native timing harness: links one kernel (compiled from the same C as its .wasm) and times it.
   Usage: native-<kernel> ARG RUNS; prints "median_ms=<m> min_ms=<m> result=<r>" after one warm-up run.
   Built by eng/bench-kernels.sh with -DKERNEL_FUNCTION=<kernel>. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int KERNEL_FUNCTION(int n);

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int compare(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
    if (argc < 3) { fprintf(stderr, "usage: %s ARG RUNS\n", argv[0]); return 2; }
    int arg = atoi(argv[1]), runs = atoi(argv[2]);
    double *times = malloc(sizeof(double) * runs);
    volatile int result = KERNEL_FUNCTION(arg); /* warm-up */
    for (int i = 0; i < runs; i++)
    {
        double start = now_ms();
        result = KERNEL_FUNCTION(arg);
        times[i] = now_ms() - start;
    }
    qsort(times, runs, sizeof(double), compare);
    printf("median_ms=%.3f min_ms=%.3f result=%d\n", times[runs / 2], times[0], result);
    return 0;
}
