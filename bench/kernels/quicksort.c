/* Quicksort of 1M pseudo-random ints, n times: comparisons, swaps and recursion. */
#include "kernel.h"

#define COUNT (1024 * 1024)
static int values[COUNT];

static void sort(int *v, int lo, int hi)
{
    while (lo < hi)
    {
        int pivot = v[lo + (hi - lo) / 2];
        int i = lo, j = hi;
        while (i <= j)
        {
            while (v[i] < pivot) i++;
            while (v[j] > pivot) j--;
            if (i <= j)
            {
                int t = v[i]; v[i] = v[j]; v[j] = t;
                i++; j--;
            }
        }
        /* Recurse into the smaller half so the depth stays logarithmic. */
        if (j - lo < hi - i) { sort(v, lo, j); lo = i; }
        else { sort(v, i, hi); hi = j; }
    }
}

KERNEL int quicksort(int n)
{
    uint32_t seed = 12345;
    int checksum = 0;
    for (int round = 0; round < n; round++)
    {
        for (int i = 0; i < COUNT; i++)
        {
            seed = seed * 1103515245u + 12345u;
            values[i] = (int)(seed >> 1);
        }
        sort(values, 0, COUNT - 1);
        checksum += values[COUNT / 2] ^ values[round % COUNT];
    }
    return checksum;
}
