/* Sieve of Eratosthenes over a 4 MB byte array, repeated n times: byte loads/stores and loops. */
#include "kernel.h"

#define LIMIT (4 * 1024 * 1024)
static unsigned char composite[LIMIT];

KERNEL int sieve(int n)
{
    int count = 0;
    for (int round = 0; round < n; round++)
    {
        for (int i = 0; i < LIMIT; i++) composite[i] = 0;
        count = 0;
        for (int i = 2; i < LIMIT; i++)
        {
            if (composite[i]) continue;
            count++;
            for (int j = i + i; j < LIMIT; j += i) composite[j] = 1;
        }
    }
    return count;
}
