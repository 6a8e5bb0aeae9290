// Prints to stdout and stderr and returns 0: the smallest WASI command (also the startup benchmark).
#include <stdio.h>

int main(void) {
    printf("hello from wasi\n");
    fprintf(stderr, "to stderr\n");
    return 0;
}
