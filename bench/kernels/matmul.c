/* Dense double matrix multiply, 200x200, repeated n times: f64 arithmetic and strided loads. */
#include "kernel.h"

#define N 200
static double a[N][N], b[N][N], c[N][N];

KERNEL int matmul(int n)
{
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++)
        {
            a[i][j] = (double)(i * N + j) / (N * N);
            b[i][j] = (double)(j * N + i) / (N * N) - 0.5;
        }
    double checksum = 0;
    for (int round = 0; round < n; round++)
    {
        for (int i = 0; i < N; i++)
            for (int j = 0; j < N; j++) c[i][j] = 0;
        for (int i = 0; i < N; i++)
            for (int k = 0; k < N; k++)
            {
                double aik = a[i][k];
                for (int j = 0; j < N; j++) c[i][j] += aik * b[k][j];
            }
        checksum += c[round % N][(round * 7) % N];
        a[round % N][round % N] += c[0][0] * 1e-9; /* keep rounds dependent */
    }
    return (int)(checksum * 1000.0);
}
